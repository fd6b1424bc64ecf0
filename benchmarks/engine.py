"""Engine benchmark: median time per calculation for every soort, in process, no Flask.

Run:  .venv/bin/python -m benchmarks.engine            (about 20 s)
      .venv/bin/python -m benchmarks.engine --snel     (fewer runs, for a quick look)

For each registered soort its `voorbeeld` (and every `dekking_variant`) is validated once through the API input
schema into the engine's input object; then `soort.bereken(invoer, params=..., uitleg=...)` is timed:
- "uitleg uit": the calculation as the API runs it without ?uitleg=true;
- "uitleg aan": with the steps recorded;
- "+ tekst": with the steps recorded and every step rendered as Dutch text by soorten.uitleg, the way the API dump
  and the result pages do (omschrijving, berekening, grondslag from the catalogue), with the formatting caches of
  soorten/uitleg.py warm (as in a running server);
- "+ tekst koud": the same with those caches emptied before every calculation.
Each figure is the median over R repeats of a timed loop of N calls (time.perf_counter), so one repeat
disturbed by the machine does not move it. Nothing here is a test; it only prints figures.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.soorten import SOORTEN, laad_alle_soorten, laad_invoer  # noqa: E402
from soorten import uitleg as uitleg_teksten  # noqa: E402
from parameters import default_parameters  # noqa: E402


def _per_call(fn, n: int, repeats: int) -> float:
    """Median seconds per call of `fn` over `repeats` loops of `n` calls."""
    fn()  # warm caches (parameter look-ups, Babel locale data)
    times = []
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            t0 = time.perf_counter()
            for _ in range(n):
                fn()
            times.append((time.perf_counter() - t0) / n)
    finally:
        if gc_was:
            gc.enable()
    return statistics.median(times)


def gevallen():
    """(label, soort, engine input) for every soort's voorbeeld and dekking_varianten."""
    laad_alle_soorten()
    for naam, soort in SOORTEN.items():
        for i, body in enumerate((soort.voorbeeld, *soort.dekking_varianten)):
            yield (naam if i == 0 else f"{naam} #{i}"), soort, laad_invoer(soort, body)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--snel", action="store_true", help="fewer runs (quick look, noisier)")
    ap.add_argument("--alleen", help="only soorten whose name contains this text")
    args = ap.parse_args(argv)
    n, repeats = (200, 5) if args.snel else (1000, 15)
    params = default_parameters()

    print(f"Python {platform.python_version()} on {platform.machine()}, {n} calls × {repeats} repeats, median per call")
    print(f"{'geval':<34} {'uitleg uit':>12} {'uitleg aan':>12} {'+ tekst':>12} {'+ tekst koud':>12}")
    for label, soort, invoer in gevallen():
        if args.alleen and args.alleen not in label:
            continue
        bereken = soort.bereken
        uit = _per_call(lambda: bereken(invoer, params=params, uitleg=False), n, repeats)
        aan = _per_call(lambda: bereken(invoer, params=params, uitleg=True), n, repeats)

        def met_tekst():
            uitleg_teksten.stappen(bereken(invoer, params=params, uitleg=True), "nl")

        tekst = _per_call(met_tekst, max(n // 5, 20), repeats)

        def koud():
            for cache in (uitleg_teksten._euro, uitleg_teksten._getal, uitleg_teksten._datum):
                cache.cache_clear()
            met_tekst()

        tekst_koud = _per_call(koud, max(n // 10, 20), repeats)
        print(f"{label:<34} {uit * 1e6:>9.1f} µs {aan * 1e6:>9.1f} µs {tekst * 1e6:>9.1f} µs {tekst_koud * 1e6:>9.1f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

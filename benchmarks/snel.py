"""The generated load and dump (soorten/snel.py) against marshmallow's own, in process, per soort.

Run:  REKENHULP_SNEL=1 .venv/bin/python -m benchmarks.snel
      REKENHULP_SNEL=0 .venv/bin/python -m benchmarks.snel       (the switch is read when soorten.snel is imported)

Per soort, with its `voorbeeld`: validating the input (`laad_invoer`: InvoerSchema.load) and building the
response body (`envelop` without ?uitleg: the result dump, the parameter lines and the receipt with the input
echo), in µs per call. The fastest of the repeats counts (least disturbed by other processes on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import timeit


def _per_call(fn, n: int, repeats: int) -> float:
    return min(timeit.repeat(fn, number=n, repeat=repeats)) / n * 1e6


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="calls per repeat")
    ap.add_argument("--herhalingen", type=int, default=7)
    args = ap.parse_args(argv)

    from soorten import snel
    from soorten.register import SOORTEN, envelop, laad_alle_soorten, laad_invoer, reken

    laad_alle_soorten()
    print(f"REKENHULP_SNEL={os.environ.get('REKENHULP_SNEL', '(niet gezet)')}: gegenereerde code "
          f"{'aan' if snel.AAN else 'uit'}; {args.n} aanroepen x {args.herhalingen}, snelste herhaling")
    print(f"{'soort':28} {'laden':>10} {'antwoord':>10} {'samen':>10}")
    for naam, soort in SOORTEN.items():
        invoer = laad_invoer(soort, soort.voorbeeld)
        uitkomst = reken(soort, invoer)
        laden = _per_call(lambda: laad_invoer(soort, soort.voorbeeld), args.n, args.herhalingen)
        antwoord = _per_call(lambda: envelop(soort, invoer, uitkomst), args.n, args.herhalingen)
        print(f"{naam:28} {laden:8.1f} µs {antwoord:8.1f} µs {laden + antwoord:8.1f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

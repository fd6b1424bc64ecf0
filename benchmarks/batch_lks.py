"""Benchmark: 1 000 000 loonkostensubsidie rows through `rekenhulp batch` (issue 6, issue 8, issue 17 part 3).

Generates an input CSV in a temporary directory (benchmarks/caseload.py: `caseload`, `anoniem` or `uniek`, with the
number of distinct cases), runs `rekenhulp batch` as a subprocess and prints the throughput (rows/s), the wall time,
the CPU time and the peak memory (GNU time's %M for the command: the largest single process, i.e. the main
batch process or one worker), then checks the output against the single-case API (every row's order and
id, every result column of an evenly spread sample). Target (issue 17): at least 100 000 rows/s.

    .venv/bin/python -m benchmarks.batch_lks [--rijen 1000000] [--gevallen caseload|anoniem|uniek|herhaald] [--processen N] [--zonder-vol]
                                             [--peildatum 2026-01-01] [--steekproef 1000]

Then (unless --zonder-vol) the same command runs again with REKENHULP_SNEL=0, every row on its own through the
schema, `bereken` and the dump as the single-case API does, and the two output files must be equal byte for
byte: the whole million, not a sample (benchmarks/caseload.py `gelijk_aan_vol`). The first line printed is
the machine's ijkpunt (an empty Python loop), which makes figures of different days comparable.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # also as `python benchmarks/batch_lks.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.caseload import controleer, gelijk_aan_vol, ijkpunt, maak_invoer, meet_opdracht  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rijen", type=int, default=1_000_000)
    ap.add_argument("--gevallen", choices=["caseload", "anoniem", "uniek", "herhaald"], default="caseload")
    ap.add_argument("--processen", type=int, default=None)
    ap.add_argument("--peildatum", default=None)
    ap.add_argument("--steekproef", type=int, default=1000, help="elke N-de regel volledig tegen de API")
    ap.add_argument("--zonder-vol", action="store_true", help="niet ook met REKENHULP_SNEL=0 draaien en vergelijken")
    args = ap.parse_args()
    print(ijkpunt())
    with tempfile.TemporaryDirectory() as tmp:
        invoer, uitvoer = Path(tmp) / "lks.csv", Path(tmp) / "uit.csv"
        t0 = time.monotonic()
        verschillend = maak_invoer(invoer, args.rijen, args.gevallen)
        print(f"invoer ({args.gevallen}): {args.rijen:,} rijen, {verschillend:,} verschillende gevallen, "
              f"{invoer.stat().st_size / 1e6:.1f} MB, gemaakt in {time.monotonic() - t0:.1f} s")
        cmd = [str(ROOT / ".venv/bin/rekenhulp"), "batch", str(invoer), "-o", str(uitvoer), "--soort", "loonkostensubsidie"]
        if args.processen:
            cmd += ["--processen", str(args.processen)]
        if args.peildatum:
            cmd += ["--peildatum", args.peildatum]
        proc, duur, cpu, piek_mb, belasting = meet_opdracht(cmd, tmp)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        print(proc.stderr.strip())
        print(f"REKENHULP_SNEL={os.environ.get('REKENHULP_SNEL', '1')}: {args.rijen / duur:,.0f} rijen/s; tijd {duur:.1f} s; "
              f"piekgeheugen {piek_mb:.0f} MB (grootste proces); {os.cpu_count()} kernen; "
              f"belasting {belasting:.1f} -> {os.getloadavg()[0]:.1f}")
        print(f"CPU-tijd {cpu:.1f} s: {args.rijen / cpu:,.0f} rijen per CPU-seconde")
        print("doel (>= 100 000 rijen/s):", "gehaald" if args.rijen / duur >= 100_000 else "NIET gehaald",
              "" if args.rijen >= 1_000_000 else "(het doel geldt voor 1 000 000 regels)")
        t0 = time.monotonic()
        print(controleer(invoer, uitvoer, args.steekproef), f"({time.monotonic() - t0:.0f} s)")
        if not args.zonder_vol and os.environ.get("REKENHULP_SNEL", "1") != "0":
            gelijk, regel = gelijk_aan_vol(cmd, uitvoer, tmp)
            print(regel)
            if not gelijk:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: `rekenhulp vergelijk` on 1 000 000 loonkostensubsidie rows, two peildata (issue 17 part 3).

The same caseloads as benchmarks/batch_lks.py (benchmarks/caseload.py); A = 2025-07-01, B = 2026-07-01. Prints the
wall time, the CPU time, the peak memory of the `rekenhulp vergelijk` process (one process) and checks the output
against the single-case API on both peildata (an evenly spread sample; the order and ids of all rows).
Target (issue 17): at most 20 s and at most 1 GB.

    .venv/bin/python -m benchmarks.vergelijk_lks [--rijen 1000000] [--gevallen caseload|anoniem|uniek|herhaald] [--steekproef 1000]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.caseload import controleer, maak_invoer, meet_opdracht  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
A, B = "2025-07-01", "2026-07-01"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rijen", type=int, default=1_000_000)
    ap.add_argument("--gevallen", choices=["caseload", "anoniem", "uniek", "herhaald"], default="caseload")
    ap.add_argument("--steekproef", type=int, default=1000, help="elke N-de regel volledig tegen de API")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        invoer, uitvoer = Path(tmp) / "lks.csv", Path(tmp) / "vergelijk.csv"
        t0 = time.monotonic()
        maak_invoer(invoer, args.rijen, args.gevallen)
        with open(invoer, encoding="utf-8", newline="") as f:  # the peildatum column is replaced by A and B
            verschillend = len({tuple(r[1:-1]) for r in list(csv.reader(f))[1:]})
        print(f"invoer ({args.gevallen}): {args.rijen:,} rijen, {verschillend:,} verschillende gevallen "
              "(zonder de peildatumkolom, die A en B vervangen), "
              f"{invoer.stat().st_size / 1e6:.1f} MB, gemaakt in {time.monotonic() - t0:.1f} s")
        cmd = [str(ROOT / ".venv/bin/rekenhulp"), "vergelijk", str(invoer), "-o", str(uitvoer),
               "--soort", "loonkostensubsidie", "--a", A, "--b", B]
        proc, duur, cpu, piek_mb, belasting = meet_opdracht(cmd, tmp)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        print("\n".join(proc.stdout.strip().splitlines()[:8]))
        print(f"REKENHULP_SNEL={os.environ.get('REKENHULP_SNEL', '1')}: tijd {duur:.1f} s ({args.rijen / duur:,.0f} rijen/s); "
              f"CPU-tijd {cpu:.1f} s; piekgeheugen {piek_mb:.0f} MB; belasting {belasting:.1f} -> {os.getloadavg()[0]:.1f}")
        print("doel (<= 20 s en <= 1 GB):", "gehaald" if duur <= 20 and piek_mb <= 1024 else "NIET gehaald",
              "" if args.rijen >= 1_000_000 else "(het doel geldt voor 1 000 000 regels)")
        t0 = time.monotonic()
        print(controleer(invoer, uitvoer, args.steekproef, (A, B)), f"({time.monotonic() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

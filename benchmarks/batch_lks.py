"""Benchmark: 1 000 000 loonkostensubsidie rows through `rekenhulp batch` (issue 6 / issue 8).

Generates an input CSV in a temporary directory (realistic, varied cases: birth dates over 45 years,
common contract hours, every loonwaarde 0-100, 2 % invalid rows), runs `rekenhulp batch` as a
subprocess and prints the throughput (cases/s), the wall time and the peak memory of the batch process
(resource.getrusage(RUSAGE_CHILDREN).ru_maxrss: the largest child, i.e. the main batch process or one
worker). Target (issue 8): under 60 s and under 500 MB for 1 000 000 rows.

    .venv/bin/python benchmarks/batch_lks.py [--rijen 1000000] [--processen N] [--peildatum 2026-01-01]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def maak_invoer(pad: Path, rijen: int, seed: int = 6) -> None:
    rnd = random.Random(seed)
    begin = date(1961, 1, 1).toordinal()
    with open(pad, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "geboortedatum", "uren_per_week", "loonwaarde", "peildatum"])
        uren = ["16", "20", "24", "28", "32", "36", "38", "40", "25,5"]
        peildata = ["2025-01-01", "2025-07-01", "2026-01-01", "2026-03-01"]
        for i in range(rijen):
            geboren = date.fromordinal(begin + rnd.randrange(45 * 365)).isoformat()
            loonwaarde = str(rnd.randrange(101)) if rnd.random() > 0.02 else "onbekend"  # ~2 % invalid rows
            w.writerow([f"zaak-{i}", geboren, rnd.choice(uren), loonwaarde, rnd.choice(peildata)])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rijen", type=int, default=1_000_000)
    ap.add_argument("--processen", type=int, default=None)
    ap.add_argument("--peildatum", default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        invoer, uitvoer = Path(tmp) / "lks.csv", Path(tmp) / "uit.csv"
        t0 = time.monotonic()
        maak_invoer(invoer, args.rijen)
        print(f"invoer: {args.rijen:,} rijen, {invoer.stat().st_size / 1e6:.1f} MB, gemaakt in {time.monotonic() - t0:.1f} s")
        cmd = [str(ROOT / ".venv/bin/rekenhulp"), "batch", str(invoer), "-o", str(uitvoer), "--soort", "loonkostensubsidie"]
        if args.processen:
            cmd += ["--processen", str(args.processen)]
        if args.peildatum:
            cmd += ["--peildatum", args.peildatum]
        t0 = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        duur = time.monotonic() - t0
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        piek_mb = ru.ru_maxrss / 1024  # KiB on Linux
        cpu = ru.ru_utime + ru.ru_stime  # all processes of the batch together; stable on a busy machine
        with open(uitvoer, encoding="utf-8") as f:  # the rows up to the empty line before the warnings' legend
            uit_rijen = -1
            for regel in f:
                if not regel.strip():
                    break
                uit_rijen += 1
        print(proc.stderr.strip())
        print(f"uitvoer: {uit_rijen:,} rijen ({'gelijk aan' if uit_rijen == args.rijen else 'ANDERS DAN'} de invoer)")
        print(f"doorvoer: {args.rijen / duur:,.0f} berekeningen/s; tijd {duur:.1f} s; "
              f"piekgeheugen {piek_mb:.0f} MB (grootste proces); {os.cpu_count()} kernen; belasting {os.getloadavg()[0]:.1f}")
        print(f"CPU-tijd {cpu:.1f} s: {args.rijen / cpu:,.0f} berekeningen per CPU-seconde")
        doel = duur < 60 and piek_mb < 500
        print("doel (< 60 s en < 500 MB):", "gehaald" if doel else "NIET gehaald")
    return 0


if __name__ == "__main__":
    sys.exit(main())

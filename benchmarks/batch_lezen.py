"""Benchmark: only the reading and the transport of `rekenhulp batch` CSV (issue 17 part 3), without the rows'
computation.

`batch.verwerking._blok_csv` (the per-row work, in the workers) is replaced by a function that only counts the
rows it gets and returns a text of `--uitvoer` bytes per row (0: nothing; ~200 is the size of a real LKS output
row), so what is left is what the main process and the transport cost: reading and splitting the file, sending
the rows or chunks to the workers, the text back, `_codes_in_blok` and writing the output. Runs `verwerk` in this
process (the workers are forked, so they see the replaced function) and prints the wall time, the CPU time of the
main process and of the workers, and the rows/s. Both settings of the switch: `REKENHULP_SNEL=0` is today's line
reading, default the chunked reading.

    REKENHULP_SNEL=0 .venv/bin/python -m benchmarks.batch_lezen [--rijen 1000000] [--gevallen caseload] [--processen 2]
                                                               [--uitvoer 0]

With `--rekenen` the real `_blok_csv` stays (the whole batch, in this process), and `--regellezer` uses the line
reader with everything else of REKENHULP_SNEL on, to compare the reading within a real run.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # also as `python benchmarks/batch_lezen.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.caseload import maak_invoer  # noqa: E402

UITVOER = 0


def tel(blok):
    """In place of _blok_csv: the number of rows, a text of UITVOER bytes per row, no errors, no warnings."""
    return ("x" * (UITVOER - 2) + "\r\n") * len(blok) if UITVOER else "", len(blok), 0, {}


def main() -> int:
    global UITVOER
    ap = argparse.ArgumentParser()
    ap.add_argument("--rijen", type=int, default=1_000_000)
    ap.add_argument("--gevallen", choices=["caseload", "anoniem", "uniek", "herhaald"], default="caseload")
    ap.add_argument("--processen", type=int, default=2)
    ap.add_argument("--uitvoer", type=int, default=0, help="bytes uitvoer per regel die de vervanger teruggeeft")
    ap.add_argument("--rekenen", action="store_true", help="de echte _blok_csv (met de berekening)")
    ap.add_argument("--regellezer", action="store_true",
                    help="de regellezer van vóór issue 17 deel 3 met verder REKENHULP_SNEL aan")
    ap.add_argument("--leesblok", type=int, default=None, help="bytes per stuk (batch.verwerking.LEESBLOK)")
    args = ap.parse_args()
    UITVOER = args.uitvoer
    from batch import verwerking
    from soorten import snel

    if not args.rekenen:
        verwerking._blok_csv = tel
    if args.leesblok:
        verwerking.LEESBLOK = args.leesblok
    if args.regellezer:
        verwerking._verwerk_csv_snel = lambda pad, lezer, *rest: verwerking._verwerk_csv(lezer, *rest)
    with tempfile.TemporaryDirectory() as tmp:
        invoer, uitvoer = Path(tmp) / "lks.csv", Path(tmp) / "uit.csv"
        maak_invoer(invoer, args.rijen, args.gevallen)
        belasting = os.getloadavg()[0]
        t0, c0 = time.monotonic(), time.process_time()
        s = verwerking.verwerk(str(invoer), str(uitvoer), "loonkostensubsidie", processen=args.processen,
                               voortgang=False)
        duur, cpu = time.monotonic() - t0, time.process_time() - c0
        kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
        werkers = kinderen.ru_utime + kinderen.ru_stime
        assert s.rijen == args.rijen, (s.rijen, args.rijen)
        wat = ("met rekenen" if args.rekenen else "zonder rekenen") + (", regellezer" if args.regellezer else "")
        print(f"REKENHULP_SNEL={'1' if snel.AAN else '0'} ({wat}), {args.rijen:,} regels ({invoer.stat().st_size / 1e6:.1f} MB, "
              f"{args.gevallen}), {args.processen} processen, {args.uitvoer} B uitvoer per regel: "
              f"{duur:.2f} s = {args.rijen / duur:,.0f} regels/s; CPU hoofdproces {cpu:.2f} s, werkers {werkers:.2f} s; "
              f"belasting {belasting:.1f} -> {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

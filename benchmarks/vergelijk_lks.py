"""Benchmark: `rekenhulp vergelijk` on 1 000 000 loonkostensubsidie rows, two peildata (issue 17 part 3).

The same caseloads as benchmarks/batch_lks.py (benchmarks/caseload.py); A = 2025-07-01, B = 2026-07-01. Prints the
wall time, the CPU time, the peak memory of the `rekenhulp vergelijk` process and of the command with its worker
processes together (sampled: the sum of their PSS, shared pages of a fork counted once) and checks the output
against the single-case API on both peildata (an evenly spread sample; the order and ids of all rows).
Target (issue 17): at most 20 s and at most 1 GB.

    .venv/bin/python -m benchmarks.vergelijk_lks [--rijen 1000000] [--gevallen caseload|anoniem|uniek|herhaald] [--steekproef 1000]
        [--processen N] [--zonder-vol]

Then (unless --zonder-vol) the same command runs again with REKENHULP_SNEL=0, every row on its own through the
schema, `bereken` and the dump as the single-case API does, and the two output files must be equal byte for
byte: the whole million, not a sample (benchmarks/caseload.py `gelijk_aan_vol`). The first line printed is
the machine's ijkpunt (an empty Python loop), which makes figures of different days comparable.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.caseload import controleer, gelijk_aan_vol, ijkpunt, maak_invoer, meet_opdracht  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
A, B = "2025-07-01", "2026-07-01"


def _kinderen(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for regel in f:
                if regel.startswith("Pss:"):
                    return int(regel.split()[1])
    except OSError:
        pass
    return 0


class BoomGeheugen(threading.Thread):
    """The largest sum of the PSS of this process's descendants (the command and its workers), sampled every 0.2 s."""

    def __init__(self):
        super().__init__(daemon=True)
        self.piek_kb = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.wait(0.2):
            te_doen, som = _kinderen(os.getpid()), 0
            while te_doen:
                pid = te_doen.pop()
                som += _pss_kb(pid)
                te_doen += _kinderen(pid)
            self.piek_kb = max(self.piek_kb, som)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rijen", type=int, default=1_000_000)
    ap.add_argument("--gevallen", choices=["caseload", "anoniem", "uniek", "herhaald"], default="caseload")
    ap.add_argument("--steekproef", type=int, default=1000, help="elke N-de regel volledig tegen de API")
    ap.add_argument("--processen", type=int, default=None, help="--processen van rekenhulp vergelijk (standaard: "
                    "die van de opdracht, alle kernen bij een groot bestand)")
    ap.add_argument("--zonder-vol", action="store_true", help="niet ook met REKENHULP_SNEL=0 draaien en vergelijken")
    args = ap.parse_args()
    print(ijkpunt())
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
        if args.processen is not None:
            cmd += ["--processen", str(args.processen)]
        boom = BoomGeheugen()
        boom.start()
        proc, duur, cpu, piek_mb, belasting = meet_opdracht(cmd, tmp)
        boom.stop.set()
        boom.join()
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        print("\n".join(proc.stdout.strip().splitlines()[:8]))
        print(f"REKENHULP_SNEL={os.environ.get('REKENHULP_SNEL', '1')}: tijd {duur:.1f} s ({args.rijen / duur:,.0f} rijen/s); "
              f"CPU-tijd {cpu:.1f} s; piekgeheugen {piek_mb:.0f} MB (grootste proces), {boom.piek_kb / 1024:.0f} MB "
              f"(alle processen samen, PSS); processen {args.processen or 'standaard'}; "
              f"belasting {belasting:.1f} -> {os.getloadavg()[0]:.1f}")
        totaal_mb = max(piek_mb, boom.piek_kb / 1024)
        print("doel (<= 20 s en <= 1 GB):", "gehaald" if duur <= 20 and totaal_mb <= 1024 else "NIET gehaald",
              "" if args.rijen >= 1_000_000 else "(het doel geldt voor 1 000 000 regels)")
        t0 = time.monotonic()
        print(controleer(invoer, uitvoer, args.steekproef, (A, B)), f"({time.monotonic() - t0:.0f} s)")
        if not args.zonder_vol and os.environ.get("REKENHULP_SNEL", "1") != "0":
            gelijk, regel = gelijk_aan_vol(cmd, uitvoer, tmp)
            print(regel)
            if not gelijk:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

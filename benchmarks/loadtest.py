"""Load test (loopback only, bounded): 60 s at 32 concurrent connections against `rekenhulp serve`, a
mix of the documented example of every soort; zero errors required, p50/p90/p99 latency reported.

Run:  .venv/bin/python -m benchmarks.loadtest                 (60 s + start-up; exit 1 on any error)
      .venv/bin/python -m benchmarks.loadtest --duur 10        (quick look)

Uses wrk (Debian package `wrk`) when installed, one wrk run per soort in parallel sharing the 32
connections; otherwise the bounded Python load generator of benchmarks/api_load.py on the LKS endpoint.
An error is any non-200 answer, a connection that could not be made or written, or a timeout (10 s).
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from benchmarks.api_load import LKS_BODY, LKS_PAD, belast, met_wrk, regel, start_rekenhulp, stop, vrije_poort, \
    wacht_tot_antwoord


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duur", type=float, default=60)
    ap.add_argument("--verbindingen", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    assert args.duur <= 600 and args.verbindingen <= 256, "bounded: at most 600 s and 256 connections"

    from soorten.register import SOORTEN, laad_alle_soorten

    laad_alle_soorten()
    poort = vrije_poort()
    proc = start_rekenhulp(poort, args.workers)
    try:
        wacht_tot_antwoord(poort, LKS_PAD, json.dumps(LKS_BODY).encode(), proc)
        print(f"rekenhulp serve --workers {args.workers} op 127.0.0.1:{poort}; {args.verbindingen} verbindingen, "
              f"{args.duur:.0f} s")
        if shutil.which("wrk"):
            doelen = [(f"/api/v1/{naam}", json.dumps(s.voorbeeld).encode()) for naam, s in SOORTEN.items()]
            per_doel = max(1, args.verbindingen // len(doelen))
            with ThreadPoolExecutor(len(doelen)) as pool:
                resultaten = list(pool.map(lambda d: (d[0], met_wrk(poort, d[0], d[1], per_doel, args.duur, 1)),
                                           doelen))
        else:
            resultaten = [(LKS_PAD, belast(poort, LKS_PAD, json.dumps(LKS_BODY).encode(), args.verbindingen,
                                           args.duur))]
        fouten = 0
        for pad, r in resultaten:
            print(regel(f"POST {pad}", r))
            if r.get("socket_fouten"):
                print(f"{'':34} {r['socket_fouten']}")
            fouten += r["fouten"]
        totaal = sum(r["verzoeken"] for _, r in resultaten)
        print(f"totaal: {totaal} verzoeken, {totaal / args.duur:.0f} per seconde, {fouten} fouten; "
              f"hoogste p99 {max(r['p99'] for _, r in resultaten) * 1e3:.1f} ms")
        if proc.poll() is not None:
            print("de server is gestopt tijdens de test", file=sys.stderr)
            return 1
        return 1 if fouten else 0
    finally:
        stop(proc)


if __name__ == "__main__":
    raise SystemExit(main())

"""Startup: time from process start to the first successful answer.

Run:  .venv/bin/python -m benchmarks.startup        (5 starts each, about 20 s)

- `rekenhulp serve` (gunicorn, 1 and 2 workers): from Popen to the first 200 on POST /api/v1/loonkostensubsidie
  (polled every 5 ms on loopback);
- in process: a new Python process that imports the app, creates it and answers one POST through the test client
  (the cost a worker or a script pays before its first calculation).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time

from benchmarks.api_load import LKS_BODY, LKS_PAD, ROOT, start_rekenhulp, stop, vrije_poort, wacht_tot_antwoord

IN_PROCES = f"""
import json
from rekenhulp import create_app
r = create_app().test_client().post({LKS_PAD!r}, json={LKS_BODY!r})
assert r.status_code == 200, r.status_code
"""


def serve_start(workers: int) -> float:
    poort = vrije_poort()
    t0 = time.monotonic()
    proc = start_rekenhulp(poort, workers)
    try:
        return wacht_tot_antwoord(poort, LKS_PAD, json.dumps(LKS_BODY).encode(), proc) - t0
    finally:
        stop(proc)


def in_proces_start() -> float:
    t0 = time.monotonic()
    subprocess.run([sys.executable, "-c", IN_PROCES], cwd=ROOT, check=True, timeout=120)
    return time.monotonic() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keer", type=int, default=5)
    args = ap.parse_args(argv)
    print(f"Python {platform.python_version()}, {args.keer} starts each; median (min-max)")
    for naam, fn in (("rekenhulp serve --workers 1", lambda: serve_start(1)),
                     ("rekenhulp serve --workers 2", lambda: serve_start(2)),
                     ("python: create_app() + 1 POST", in_proces_start)):
        tijden = [fn() for _ in range(args.keer)]
        print(f"{naam:<32} {statistics.median(tijden) * 1e3:7.0f} ms   ({min(tijden) * 1e3:.0f}-{max(tijden) * 1e3:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

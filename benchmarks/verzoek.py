"""One POST per soort in process (Flask test client): CPU time per request, for this checkout or another one.

Run:  .venv/bin/python -m benchmarks.verzoek                     (this checkout)
      .venv/bin/python -m benchmarks.verzoek --repo /pad/naar/oude/checkout --uitleg

To compare two versions on a shared machine, run them alternately in the same minutes (`--rondes`): the script
starts a fresh Python process per checkout per round, so both see the same load. CPU time (time.process_time) is
steadier than the clock on a busy machine; the fastest of the repeats counts.

Each soort posts its `voorbeeld` (the one the OpenAPI document shows) to /api/v1/<soort>; `--uitleg` adds
?uitleg=true, so the steps are recorded and rendered as text (the explanation catalogue, issue 16 part 4).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent.parent

# Runs inside the checkout under test: it imports that checkout's app and registry (old or new layout).
_METING = r"""
import json, sys, time, timeit
sys.path.insert(0, {repo!r})
from rekenhulp import create_app
try:
    from soorten.register import SOORTEN, laad_alle_soorten
except ImportError:  # the layout before issue 16 part 1
    from api.soorten import SOORTEN, laad_alle_soorten
laad_alle_soorten()
client = create_app({{"TESTING": True}}).test_client()
uit = {{}}
for naam, soort in SOORTEN.items():
    pad = f"/api/v1/{{naam}}" + ("?uitleg=true" if {uitleg!r} else "")
    body = json.loads(json.dumps(soort.voorbeeld, default=str))
    r = client.post(pad, json=body)
    assert r.status_code == 200, (naam, r.status_code)
    def een():
        client.post(pad, json=body)
    beste = None
    for _ in range({herhalingen}):
        t0 = time.process_time()
        for _ in range({n}):
            een()
        t = (time.process_time() - t0) / {n} * 1e6
        beste = t if beste is None else min(beste, t)
    uit[naam] = beste
print(json.dumps(uit))
"""


def meet(repo: Path, uitleg: bool, n: int, herhalingen: int) -> dict[str, float]:
    code = _METING.format(repo=str(repo), uitleg=uitleg, n=n, herhalingen=herhalingen)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo,
                       env={"REKENHULP_SECRET_KEY": "benchmark", "PATH": "/usr/bin:/bin"})
    if r.returncode != 0:
        raise SystemExit(f"meting in {repo} mislukt:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", action="append", type=Path,
                    help="checkout(s) to measure; more than one: measured alternately (default: this one)")
    ap.add_argument("--uitleg", action="store_true", help="with ?uitleg=true (steps as text)")
    ap.add_argument("--n", type=int, default=300, help="requests per repeat")
    ap.add_argument("--herhalingen", type=int, default=5)
    ap.add_argument("--rondes", type=int, default=2, help="rounds (each checkout once per round)")
    args = ap.parse_args(argv)
    repos = args.repo or [HIER]
    with open("/proc/loadavg") as f:
        print(f"belasting (loadavg) bij de start: {f.read().split()[:3]}")
    uitkomsten: dict[Path, list[dict]] = {r: [] for r in repos}
    for ronde in range(args.rondes):
        for repo in repos:
            uitkomsten[repo].append(meet(repo, args.uitleg, args.n, args.herhalingen))
    soorten = list(uitkomsten[repos[0]][0])
    print(f"CPU-tijd per POST in proces ({'met' if args.uitleg else 'zonder'} uitleg), µs, snelste van "
          f"{args.herhalingen} × {args.n}, per ronde")
    for repo in repos:
        print(f"  {repo}")
        for naam in soorten:
            cijfers = " ".join(f"{u.get(naam, float('nan')):8.0f}" for u in uitkomsten[repo])
            print(f"    {naam:28} {cijfers}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Load test with hostile requests (issue 19 B1): does the service keep answering while they arrive?

Starts `rekenhulp serve --workers 2` on a free loopback port. Attacker threads send, without pause, the requests
that used to hold a worker for 20-60 s (330 000 empty medebewoners, a comparison over 20 peildata of such input,
a batch with 21 000 units of work, 60 000 unknown fields: each just under 1 MiB); at the same time ordinary
clients post the LKS example. Prints, per kind, how many requests went out, their status codes and latencies,
and for the ordinary clients req/s, p50/p90/p99 and errors. Not a test (no timing in the suite); bounded.

Run:  .venv/bin/python -m benchmarks.vijandig                 (20 s)
      .venv/bin/python -m benchmarks.vijandig --duur 60 --aanvallers 4
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
from collections import Counter

from benchmarks.api_load import LKS_BODY, LKS_PAD, start_rekenhulp, stop, vrije_poort, wacht_tot_antwoord

BIJSTAND = {"peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 30}}


def vijandige_verzoeken() -> dict[str, tuple[str, bytes]]:
    def js(x):
        return json.dumps(x, separators=(",", ":")).encode()

    item = {"soort": "bijstandsnorm", "invoer": {**BIJSTAND, "medebewoners": [{"leeftijd": 30}] * 20}}
    return {
        "330 000 medebewoners": ("/api/v1/bijstandsnorm", js({**BIJSTAND, "medebewoners": [{}] * 330_000})),
        "vergelijking 20 × 300 000": ("/api/v1/vergelijking", js({
            "soort": "bijstandsnorm", "invoer": {**BIJSTAND, "medebewoners": [{}] * 300_000},
            "peildata": ["2026-01-01"] * 20})),
        "batch 1000 × 20 medebewoners": ("/api/v1/batch", js({"berekeningen": [{"id": i, **item}
                                                                             for i in range(1000)]})),
        "60 000 onbekende velden": ("/api/v1/loonkostensubsidie", js({f"veld{i}": 1 for i in range(60_000)})),
    }


def _post(verbinding, pad: str, body: bytes) -> tuple[int, float]:
    begin = time.perf_counter()
    verbinding.request("POST", pad, body=body, headers={"Content-Type": "application/json"})
    r = verbinding.getresponse()
    r.read()
    return r.status, time.perf_counter() - begin


def _lus(poort, pad, body, einde, uitkomsten, fouten):
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
    while time.monotonic() < einde:
        try:
            uitkomsten.append(_post(verbinding, pad, body))
        except (OSError, http.client.HTTPException) as exc:
            fouten.append(type(exc).__name__)
            verbinding.close()
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
    verbinding.close()


def _pct(waarden: list[float], p: float) -> float:
    waarden = sorted(waarden)
    return waarden[min(len(waarden) - 1, int(p * len(waarden)))] if waarden else float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duur", type=float, default=20)
    ap.add_argument("--aanvallers", type=int, default=2, help="threads per hostile kind")
    ap.add_argument("--klanten", type=int, default=2, help="ordinary clients (LKS example)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    assert args.duur <= 300 and args.aanvallers <= 8 and args.klanten <= 16, "bounded"
    poort = vrije_poort()
    proc = start_rekenhulp(poort, args.workers)
    try:
        gewoon = json.dumps(LKS_BODY).encode()
        wacht_tot_antwoord(poort, LKS_PAD, gewoon, proc)
        verzoeken = vijandige_verzoeken()
        # alone first: what ordinary requests take without attackers
        alleen: list = []
        _lus(poort, LKS_PAD, gewoon, time.monotonic() + 3, alleen, [])
        einde = time.monotonic() + args.duur
        draden, resultaten = [], {}
        for naam, (pad, body) in verzoeken.items():
            resultaten[naam] = ([], [])
            draden += [threading.Thread(target=_lus, args=(poort, pad, body, einde, *resultaten[naam]))
                       for _ in range(args.aanvallers)]
        resultaten["gewoon"] = ([], [])
        draden += [threading.Thread(target=_lus, args=(poort, LKS_PAD, gewoon, einde, *resultaten["gewoon"]))
                   for _ in range(args.klanten)]
        for d in draden:
            d.start()
        for d in draden:
            d.join()
        print(f"rekenhulp serve --workers {args.workers}, {args.duur:.0f} s; {args.aanvallers} threads per soort "
              f"vijandig verzoek, {args.klanten} gewone klanten (POST {LKS_PAD})")
        print(f"{'gewoon, zonder aanvallers':<30} {len(alleen) / 3:8.0f} req/s   p50 {_pct([t for _, t in alleen], .5) * 1e3:7.1f} ms")
        for naam, (uitkomsten, fouten) in resultaten.items():
            duren = [t for _, t in uitkomsten]
            codes = dict(sorted(Counter(s for s, _ in uitkomsten).items()))
            print(f"{naam:<30} {len(uitkomsten) / args.duur:8.1f} req/s   p50 {_pct(duren, .5) * 1e3:7.1f} ms   "
                  f"p90 {_pct(duren, .9) * 1e3:7.1f} ms   p99 {_pct(duren, .99) * 1e3:7.1f} ms   "
                  f"max {max(duren, default=float('nan')) * 1e3:7.1f} ms   codes {codes}   "
                  f"verbindingsfouten {len(fouten)}")
        gewone = resultaten["gewoon"][0]
        mislukt = sum(1 for s, _ in gewone if s != 200) + len(resultaten["gewoon"][1])
        print(f"gewone verzoeken: {len(gewone)}, waarvan {mislukt} niet 200")
        return 1 if mislukt or not gewone else 0
    finally:
        stop(proc)


if __name__ == "__main__":
    raise SystemExit(main())

"""The LKS caseloads of the batch and caseload-comparison benchmarks (issue 17 part 3), and their equality check.

Three kinds of file, each row `id` + the input a gemeente has for a werknemer with loonkostensubsidie:

- `caseload`: what a gemeente's own system exports: a geboortedatum (ages 18-66, more young people than old, as in
  the LKS target group), contract hours (the usual part-time sizes, some half hours, some above 38), a loonwaarde
  (a whole percentage, mostly 30-80 %), in 65 % of the rows the begindatum of the dienstbetrekking (2018 to mid
  2025, half of them on the 1st of a month), 1 % forfaitaire LKS, ~2 % invalid rows. Nearly every row is a
  distinct case (birth date x hours x loonwaarde x begindatum): memoising saves little here.
- `anoniem`: the same people as an anonymised extract for a policy adviser (data minimisation, AVG art. 5): the age
  in years instead of the birth date and the begindatum as a month (its 1st). Many rows are the same case.
- `uniek`: like `caseload`, with every row a distinct case (a repeated case is drawn again).
- `herhaald`: 2 000 distinct `caseload` cases, each row one of them at random (~500 times each for a million
  rows): not a real caseload but the best case for memoising, to show what the memo path itself costs.

`controleer` checks a batch or comparison output against the single-case API (the Flask test client) on an evenly
spread sample, and the order and ids of all rows.
"""

from __future__ import annotations

import csv
import os
import random
import resource
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

KOLOMMEN = ["id", "geboortedatum", "leeftijd", "uren_per_week", "loonwaarde", "forfaitair",
            "begindatum_dienstbetrekking", "peildatum"]
UREN = [("12", 2), ("16", 8), ("20", 12), ("24", 15), ("25,5", 3), ("28", 10), ("32", 20), ("36", 15), ("38", 8),
        ("40", 7)]
LEEFTIJDEN = [((18, 24), 18), ((25, 34), 30), ((35, 49), 32), ((50, 66), 20)]
PEILDATA = ["2025-07-01", "2026-01-01", "2026-03-01", "2026-07-01"]


def _kies(rnd, paren):
    return rnd.choices([p for p, _ in paren], weights=[w for _, w in paren])[0]


def maak_invoer(pad: Path, rijen: int, soort: str = "caseload", seed: int = 17) -> int:
    """Write the file; returns the number of distinct cases (rows without their id)."""
    rnd = random.Random(seed)
    uren = [u for u, _ in UREN]
    uren_w = [w for _, w in UREN]
    gezien: set = set()
    if soort == "herhaald":
        pool = Path(str(pad) + ".pool")
        maak_invoer(pool, 2000, "uniek", seed)
        with open(pool, encoding="utf-8", newline="") as f:
            gevallen = [r[1:] for r in list(csv.reader(f))[1:]]
        pool.unlink()
        with open(pad, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(KOLOMMEN)
            for i in range(rijen):
                cellen = rnd.choice(gevallen)
                gezien.add(tuple(cellen))
                w.writerow([f"zaak-{i}", *cellen])
        return len(gezien)
    with open(pad, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(KOLOMMEN)
        i = 0
        while i < rijen:
            van, tot = _kies(rnd, LEEFTIJDEN)
            leeftijd = rnd.randint(van, tot)
            geboren = date(2026 - leeftijd, 1, 1) - timedelta(days=rnd.randrange(365))
            u = rnd.choices(uren, weights=uren_w)[0]
            loonwaarde = str(round(rnd.triangular(10, 100, 60)))
            forfaitair = ""
            peil = rnd.choice(PEILDATA)
            begin = ""
            if rnd.random() < 0.65:
                d = date(2018, 1, 1) + timedelta(days=rnd.randrange((date(2025, 7, 1) - date(2018, 1, 1)).days))
                if rnd.random() < 0.5 or soort == "anoniem":
                    d = d.replace(day=1)
                begin = d.isoformat()
            if rnd.random() < 0.01:  # forfaitair: a dienstbetrekking of the last months before the peildatum
                forfaitair, loonwaarde = "ja", ""
                p = date.fromisoformat(peil)
                begin = (p - timedelta(days=rnd.randrange(150))).replace(day=1).isoformat()
            if rnd.random() < 0.02:
                loonwaarde = "onbekend"  # an invalid row: its error in `fouten`
            cellen = ([geboren.isoformat(), ""] if soort != "anoniem" else ["", str(leeftijd)]) + \
                [u, loonwaarde, forfaitair, begin, peil]
            sleutel = tuple(cellen)
            if soort == "uniek" and sleutel in gezien:
                continue
            gezien.add(sleutel)
            w.writerow([f"zaak-{i}", *cellen])
            i += 1
    return len(gezien)


def _api_cel(resultaat: dict, kolom: str) -> str:
    v = resultaat
    for deel in kolom.split("."):
        v = None if v is None else v[deel]
    return "" if v is None else "true" if v is True else "false" if v is False else str(v)


def _body(invoer: dict) -> dict:
    body = {k: v for k, v in invoer.items() if v and k != "id"}
    for k in ("leeftijd", "loonwaarde"):
        if k in body and body[k].isdigit():
            body[k] = int(body[k])
    if "uren_per_week" in body:
        body["uren_per_week"] = body["uren_per_week"].replace(",", ".")
    if body.get("forfaitair") == "ja":
        body["forfaitair"] = True
    return body


def controleer(invoer: Path, uitvoer: Path, steekproef: int, vergelijk: tuple[str, str] | None = None) -> str:
    """Every row present in order with its id; on `steekproef` rows spread over the file every result column
    (batch) or both sides (comparison) equal to POST /api/v1/loonkostensubsidie. Returns a line for the report;
    raises AssertionError on the first difference."""
    from rekenhulp import create_app

    client = create_app().test_client()
    with open(invoer, encoding="utf-8", newline="") as f_in, open(uitvoer, encoding="utf-8-sig", newline="") as f_uit:
        lezer_in, lezer_uit = csv.DictReader(f_in), csv.reader(f_uit)
        kop = next(lezer_uit)
        n = 0
        for geval, rij in zip(lezer_in, lezer_uit):
            n += 1
            assert rij, f"uitvoer eindigt bij regel {n + 1}"
            uit = dict(zip(kop, rij))
            assert uit["id"] == geval["id"] and uit["regel"] == str(n + 1), (n, uit["id"], geval["id"])
            if n % max(1, steekproef) != 0:
                continue
            body = _body(geval)
            if vergelijk is None:
                r = client.post("/api/v1/loonkostensubsidie", json=body)
                if r.status_code != 200:
                    assert uit["fouten"], (body, r.get_json())
                    continue
                api = r.get_json()
                assert uit["fouten"] == "", (body, uit["fouten"])
                for k in kop:
                    if k.startswith("resultaat."):
                        assert uit[k] == _api_cel(api["resultaat"], k.removeprefix("resultaat.")), (body, k)
                assert uit["peildatum"] == api["rekenbewijs"]["peildatum"]
            else:
                for kant, d in zip("ab", vergelijk):
                    r = client.post("/api/v1/loonkostensubsidie", json={**body, "peildatum": d})
                    for k in kop:
                        if k.startswith(f"{kant}."):
                            verwacht = _api_cel(r.get_json()["resultaat"], k[2:]) if r.status_code == 200 else ""
                            assert uit[k] == verwacht, (body, k, uit[k], verwacht)
        assert next(lezer_in, None) is None, "minder uitvoerregels dan invoerregels"
    return f"gelijk aan de API: alle {n:,} regels in volgorde met hun id, {n // max(1, steekproef):,} regels volledig"


def meet_opdracht(cmd: list[str], tmp: str) -> tuple[subprocess.CompletedProcess, float, float, float, float]:
    """Run a `rekenhulp` command as a benchmark: (the finished process, wall seconds, CPU seconds of it and its
    workers, peak MB of the command itself, load average at the start). The peak memory is the command's own:
    /usr/bin/time starts it from a small process (getrusage of the children would also count this script's memory,
    which a forked child holds until it execs)."""
    belasting = os.getloadavg()[0]
    rss = Path(tmp) / "rss"
    meter = ["/usr/bin/time", "-o", str(rss), "-f", "%M"] if Path("/usr/bin/time").exists() else []
    t0 = time.monotonic()
    proc = subprocess.run(meter + cmd, capture_output=True, text=True)
    duur = time.monotonic() - t0
    if proc.returncode != 0:
        return proc, duur, 0.0, 0.0, belasting
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    piek_mb = (int(rss.read_text().split()[-1]) if meter else ru.ru_maxrss) / 1024  # KiB on Linux
    cpu = ru.ru_utime + ru.ru_stime  # all processes of the command together; steadier on a busy machine
    return proc, duur, cpu, piek_mb, belasting


def gelijk_aan_vol(cmd: list[str], uitvoer: Path, tmp: str) -> tuple[bool, str]:
    """Run the same command again with REKENHULP_SNEL=0 (every row loaded through the schema, computed by
    `bereken` and dumped on its own: the single-case API's calls; tests/test_batch_gelijk.py holds that path to
    the API itself) into a second file, and compare the two outputs byte for byte, every row of the file.
    Returns (equal, a line for the report); the first differing line is named."""
    vol = Path(tmp) / "vol.csv"
    cmd = [str(vol) if c == str(uitvoer) else c for c in cmd]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "REKENHULP_SNEL": "0"})
    duur = time.monotonic() - t0
    if proc.returncode != 0:
        return False, f"REKENHULP_SNEL=0 faalde: {proc.stderr.strip()[-500:]}"
    with open(uitvoer, "rb") as snel, open(vol, "rb") as langzaam:
        for n, (a, b) in enumerate(zip(snel, langzaam), 1):
            if a != b:
                return False, f"VERSCHIL met REKENHULP_SNEL=0 op uitvoerregel {n}:\n  {a!r}\n  {b!r}"
        if snel.read(1) or langzaam.read(1):
            return False, "VERSCHIL met REKENHULP_SNEL=0: niet even veel uitvoerregels"
    return True, (f"gelijk aan REKENHULP_SNEL=0 (elke regel apart door schema, bereken en dump): alle {n:,} "
                  f"uitvoerregels byte voor byte ({duur:.0f} s)")


def ijkpunt() -> str:
    """How fast this machine runs Python today: an empty loop, ns per iteration (the best of five). Figures from
    different days and machines are only comparable next to it (benchmarks/README.md)."""
    beste = min(_lus() for _ in range(5))
    return f"ijkpunt: een lege Python-lus kost {beste:.0f} ns per slag"


def _lus(n: int = 2_000_000) -> float:
    t0 = time.perf_counter()
    for _ in range(n):
        pass
    return (time.perf_counter() - t0) / n * 1e9

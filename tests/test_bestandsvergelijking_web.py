"""The web page /bestandsvergelijking (issue 17, "Where: a web page (upload, progress, a summary page with the
charts, downloads of the rows and the summary)"): progress while the answer streams, Excel in and out, and nothing
kept. tests/test_scenario_web.py has the CSV round trip; tests/browser/test_scenario_browser.py the browser one.

Amounts: the caseload of tests/test_bestandsvergelijking.py, where the arithmetic is written out (Participatiewet
art. 10d lid 4 and 7; art. 2 the WML per maand of 1 January): A peildatum 2025-07-01, B 2026-07-01; L1 841,65 ->
881,05, L2 1 499,20 -> 1 569,37, L3 0,00 -> 0,00, L4 1 104,67 -> 1 156,38, L5 an error in A and B. Totals A 3 445,52,
B 3 606,80, verschil 161,28; 3 up, 0 down, 1 the same.
"""

from __future__ import annotations

import base64
import io
import re

import pytest

from tests.conftest import csrf_token

openpyxl = pytest.importorskip("openpyxl")

KOP = ["id", "wijk", "leeftijd", "uren_per_week", "loonwaarde"]
RIJEN = [["L1", "Noord", 30, 32, 60], ["L2", "Zuid", 30, 40, 40], ["L3", "Noord", 30, 32, 100],
         ["L4", "Zuid", 30, 24, 20], ["L5", "Noord", 30, 0, 60]]
TOTALEN = ('<th scope="row">loonkostensubsidie</th><td class="getal">€ 3.445,52</td><td class="getal">€ 3.606,80</td>'
           '<td class="getal">€ 161,28</td><td class="getal">3</td><td class="getal">0</td><td class="getal">1</td>')


def _post(client, bestand: bytes, naam: str, **extra):
    token = csrf_token(client, "/bestandsvergelijking")
    return client.post("/bestandsvergelijking", content_type="multipart/form-data", data={
        "csrf_token": token, "soort": "loonkostensubsidie", "a_peildatum": "2025-07-01", "b_peildatum": "2026-07-01",
        "groep_op": "wijk", "bestand": (io.BytesIO(bestand), naam), **extra}, **({"buffered": False}))


def _csv(rijen=RIJEN) -> bytes:
    return ("\n".join(",".join(map(str, r)) for r in [KOP, *rijen]) + "\n").encode()


def _xlsx(rijen=RIJEN) -> bytes:
    wb = openpyxl.Workbook()
    for r in [KOP, *rijen]:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _html(r) -> str:
    return re.sub(r"\s+", " ", r.get_data(as_text=True)).replace("\xa0", " ")


def test_de_pagina_streamt_de_voortgang_voor_de_uitkomst(client):
    """The top of the page and the first progress step go out before any case is computed; the totals come last.
    60 cases: a step every 60 // 20 = 3 cases, 19 steps below 60 (0, 3, ..., 57 less the last) plus 'klaar'."""
    r = _post(client, _csv(RIJEN[:4] * 15), "gevallen.csv")
    assert r.status_code == 200 and r.is_streamed and r.headers["X-Accel-Buffering"] == "no"
    assert r.headers["Cache-Control"] == "no-store"
    delen = list(r.response)
    tekst = [d.decode() if isinstance(d, bytes) else d for d in delen]
    eerste_stap = next(i for i, d in enumerate(tekst) if "<progress" in d)
    totalen = next(i for i, d in enumerate(tekst) if "Totalen" in d)
    assert eerste_stap < totalen
    html = re.sub(r"\s+", " ", "".join(tekst)).replace("\xa0", " ")
    stappen = re.findall(r'<progress max="100" value="(\d+)"', html)
    # 0, 3, ..., 57 cases: 0 %, 5 %, ..., 95 %; then klaar at 100 %
    assert stappen == [str(n * 100 // 60) for n in range(0, 60, 3)] + ["100"]
    assert "3 van 60 gevallen berekend (5 %) …" in html and "Klaar: 60 gevallen berekend." in html
    assert 'role="status"' in html and 'aria-label="Voortgang van de berekening"' in html
    # 15 × (L1..L4): A 15 × 3 445,52 = 51 682,80, B 15 × 3 606,80 = 54 102,00, verschil 15 × 161,28 = 2 419,20
    assert ('<td class="getal">€ 51.682,80</td><td class="getal">€ 54.102,00</td><td class="getal">€ 2.419,20</td>'
            '<td class="getal">45</td><td class="getal">0</td><td class="getal">15</td>') in html


def test_excel_in_en_uit(client):
    r = _post(client, _xlsx(), "gevallen.xlsx")
    assert r.status_code == 200
    html = _html(r)
    assert "5 gevallen, waarvan 4 vergeleken en 1 met fouten" in html and TOTALEN in html
    m = re.search(r'href="data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,([^"]+)" '
                  r'download="rekenhulp-loonkostensubsidie-vergelijking.xlsx"', html)
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(m.group(1))))
    assert wb.sheetnames == ["Gevallen", "Samenvatting"]
    gevallen = list(wb["Gevallen"].iter_rows(values_only=True))
    assert gevallen[2][:6] == (3, "L2", "Zuid", 1499.2, 1569.37, 70.17)
    s = {r[0]: r[1:] for r in wb["Samenvatting"].iter_rows(values_only=True) if r and r[0] is not None}
    assert s["loonkostensubsidie"][:6] == (3445.52, 3606.8, 161.28, 3, 0, 1)
    assert s["Zuid"][:4] == (2, 2603.87, 2725.75, 121.88)  # the breakdown by the chosen column
    assert len(wb["Samenvatting"]._charts) == 1  # the distribution's chart, next to its table
    # the CSV downloads are there as well, and the distribution as a chart and a table on the page
    assert 'download="rekenhulp-loonkostensubsidie-vergelijking-gevallen.csv"' in html
    assert 'download="rekenhulp-loonkostensubsidie-vergelijking-samenvatting.csv"' in html
    assert '<figure class="grafiek"><img src="data:image/svg+xml;base64,' in html
    assert '<th scope="row" class="getal">€ 70,00</th><td class="getal">€ 80,00</td><td class="getal">1</td>' in html


def test_slecht_bestand_is_een_422_voor_de_pagina_begint(client):
    r = _post(client, b"PK\x03\x04 geen zip", "x.xlsx")
    assert r.status_code == 422 and "Dit Excel-bestand kan niet gelezen worden" in _html(r)
    r = _post(client, b"id,onzin\n1,2\n", "x.csv")
    assert r.status_code == 422 and "onbekende kolom(men): onzin" in _html(r)


def test_te_groot_bestand(client, monkeypatch):
    import web.bestandsvergelijking as pagina

    monkeypatch.setattr(pagina, "MAX_GEVALLEN", 3)
    r = _post(client, _csv(), "gevallen.csv")  # 5 cases, counted before anything is computed
    assert r.status_code == 422 and "meer dan 3 gevallen" in _html(r) and "rekenhulp vergelijk" in _html(r)


def test_fout_verderop_in_het_bestand(client):
    """A quote that is not closed on line 4 (issue 19): the page has started, so it says so in an alert and shows no
    totals (never a summary of half a file)."""
    csv = b'id,wijk,leeftijd,uren_per_week,loonwaarde\nL1,Noord,30,32,60\nL2,Zuid,30,40,40\n"L3,Noord,30,32,100\nL4,Zuid,30,24,20\n'
    r = _post(client, csv, "gevallen.csv")
    html = _html(r)
    assert 'role="alert" id="vergelijking-fout"' in html and "Regel 4: een aanhalingsteken" in html
    assert "Totalen" not in html and "data:text/csv" not in html


def test_bijstand_met_de_kolommen_van_het_batchsjabloon(client):
    """The page says "dezelfde kolommen als bij Veel berekeningen tegelijk": the bijstand template's plain columns
    medebewoner_1_leeftijd, ... (batch.verwerking.PLATTE_LIJSTEN) work here too.
    Pw art. 22a lid 1: kostendelersnorm = (40 + A × 30) / (A × 100) × B, B the norm of art. 21 onder b (gehuwden).
    A (2026-01-01, official, B = 2 002,13): G1 alone, 40 years: art. 21 onder a, 1 401,50; G2 with one medebewoner
    of 30: A = 2, 100 / 200 × 2 002,13 = 1 001,065 -> 1 001,07 (tests/test_kostendelersnorm.py).
    B: the same date with the scenario bijstand.norm_21.gehuwden 2 100,00: G1 1 401,50 (not in the scenario);
    G2 100 / 200 × 2 100,00 = 1 050,00. Totals A 2 402,57, B 2 451,50, verschil 48,93; 1 up, 1 the same."""
    from parameters import default_parameters
    from parameters.scenario import lees_scenario
    from web.scenario import naar_param

    sc = lees_scenario({"naam": "Gehuwden 2100", "parameters": {"bijstand.norm_21.gehuwden": [
        {"vanaf": "2026-01-01", "waarde": "2100.00"}]}}, default_parameters())
    csv = (b'id,belanghebbende,medebewoner_1_leeftijd,medebewoner_1_relatie\n'
           b'G1,"{""leeftijd"": 40}",,\nG2,"{""leeftijd"": 40}",30,anders\n')
    token = csrf_token(client, "/bestandsvergelijking")
    r = client.post("/bestandsvergelijking", content_type="multipart/form-data", data={
        "csrf_token": token, "soort": "bijstandsnorm", "a_peildatum": "2026-01-01", "b_peildatum": "2026-01-01",
        "s_b": naar_param(sc), "bestand": (io.BytesIO(csv), "bijstand.csv")})
    html = _html(r)
    assert r.status_code == 200, html[:3000]
    assert "2 gevallen, waarvan 2 vergeleken en 0 met fouten" in html
    assert ('<th scope="row">norm</th><td class="getal">€ 2.402,57</td><td class="getal">€ 2.451,50</td>'
            '<td class="getal">€ 48,93</td><td class="getal">1</td><td class="getal">0</td><td class="getal">1</td>') in html

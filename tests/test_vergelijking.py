"""Comparing parameter years (pure) and the same case on several dates (POST /api/v1/vergelijking)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from calculator.vergelijking import vergelijk_parameters, verschil
from parameters import load_parameters

YAML = """titel: test
parameters:
  t.gelijk:
    omschrijving: blijft gelijk
    eenheid: EUR
    grondslag: test art. 1
    bekend_tot: 2026-12-31
    waarden:
      - {vanaf: 2025-01-01, waarde: 100.00, bron: bron een, status: bevestigd}
  t.stijgt:
    omschrijving: stijgt
    eenheid: procent
    grondslag: test art. 2
    bekend_tot: 2026-12-31
    waarden:
      - {vanaf: 2025-01-01, waarde: 8, bron: bron twee, status: bevestigd}
      - {vanaf: 2026-01-01, waarde: 10, bron: bron drie, status: voorlopig, toelichting: nog niet bevestigd}
  t.nieuw:
    omschrijving: later toegevoegd
    eenheid: EUR
    grondslag: test art. 3
    bekend_tot: 2026-12-31
    waarden:
      - {vanaf: 2026-01-01, waarde: 5, bron: bron vier, status: bevestigd}
  t.ja:
    omschrijving: ja of nee
    eenheid: ja_nee
    grondslag: test art. 4
    bekend_tot: 2026-12-31
    waarden:
      - {vanaf: 2025-01-01, waarde: false, bron: bron vijf, status: bevestigd}
      - {vanaf: 2026-01-01, waarde: true, bron: bron zes, status: bevestigd}
"""


@pytest.fixture()
def params(tmp_path):
    (tmp_path / "test.yaml").write_text(YAML, encoding="utf-8")
    return load_parameters(tmp_path)


def test_verschil_absoluut_en_relatief():
    assert verschil(Decimal("8"), Decimal("10")) == (Decimal("2"), Decimal("25.00"))  # 2 / 8 = 25 %
    assert verschil(Decimal("3"), Decimal("2")) == (Decimal("-1"), Decimal("-33.33"))  # -33.333.. % half-up
    assert verschil(Decimal("0"), Decimal("5")) == (Decimal("5"), None)  # no relative change from 0


def test_vergelijk_parameters(params):
    verschillen, ongewijzigd = vergelijk_parameters(params, date(2025, 6, 1), date(2026, 6, 1))
    per_naam = {v.naam: v for v in verschillen}
    assert ongewijzigd == ["t.gelijk"]
    assert set(per_naam) == {"t.stijgt", "t.nieuw", "t.ja"}
    s = per_naam["t.stijgt"]
    assert (s.soort, s.oud.waarde, s.nieuw.waarde, s.absoluut, s.relatief) == (
        "gewijzigd", Decimal(8), Decimal(10), Decimal(2), Decimal("25.00"))
    assert s.nieuw.bron == "bron drie" and s.nieuw.voorlopig
    n = per_naam["t.nieuw"]
    assert n.soort == "alleen_tot" and n.oud is None and "2026-01-01" in n.reden_oud
    j = per_naam["t.ja"]
    assert j.soort == "gewijzigd" and j.absoluut is None and (j.oud.waarde, j.nieuw.waarde) == (False, True)
    # the other way round, the new parameter exists only on the first date
    verschillen, _ = vergelijk_parameters(params, date(2026, 6, 1), date(2025, 6, 1))
    assert {v.naam: v.soort for v in verschillen}["t.nieuw"] == "alleen_van"


LKS = {"geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60}


def test_vergelijking_over_1_juli(client):
    r = client.post("/api/v1/vergelijking", json={"soort": "loonkostensubsidie",
                                                  "invoer": {**LKS, "jaaroverzicht": True},
                                                  "peildata": ["2025-06-01", "2025-07-01"]})
    assert r.status_code == 200
    body = r.get_json()
    juni, juli = body["uitkomsten"]
    assert body["basis"] == "2025-06-01" and (juni["peildatum"], juli["peildatum"]) == ("2025-06-01", "2025-07-01")
    # A running LKS is set again only on 1 January (Pw art. 10d lid 7), so June and July 2025 both use
    # wml.maandloon 2191.80 (2025-01-01): 2191.80 × 32 / 36 = 1948.27; vakantiebijslag 8 % = 155.86; samen 2104.13;
    # loonwaarde 60 % = 1262.48; LKS 2104.13 − 1262.48 = 841.65. Only the hourly minimum on the peildatum moves:
    # 14.06 -> 14.40 (+0.34).
    assert juni["resultaat"]["loonkostensubsidie"] == "841.65"
    assert juli["resultaat"]["loonkostensubsidie"] == "841.65"
    v = {x["veld"]: x for x in juli["verschillen"]}
    assert v["loonkostensubsidie"]["absoluut"] == "0.00"
    assert v["wml_per_uur"]["absoluut"] == "0.34"
    # every money field, also nested and in lists (the months of the year overview)
    assert "per_jaar.totaal" in v and "per_jaar.maanden[11].loonkostensubsidie" in v
    # the whole year 2025 is the same case on both dates (the per_jaar overview does not depend on the month)
    assert v["per_jaar.totaal"]["absoluut"] == "0.00"
    assert all(x["absoluut"] == "0.00" for x in juni["verschillen"])
    assert juli["rekenbewijs"]["peildatum"] == "2025-07-01"


def test_fout_op_een_datum_laat_de_andere_staan(client):
    r = client.post("/api/v1/vergelijking", json={"soort": "loonkostensubsidie", "invoer": LKS,
                                                  "peildata": ["2021-06-01", "2026-01-01"]})
    assert r.status_code == 200
    fout, goed = r.get_json()["uitkomsten"]
    assert fout["fouten"][0]["pad"] == "$.invoer.peildatum" and "resultaat" not in fout
    assert goed["resultaat"]["loonkostensubsidie"] == "881.05"  # as in tests/test_loonkostensubsidie.py
    assert r.get_json()["basis"] == "2026-01-01"


def test_ongeldig_verzoek_alle_fouten_tegelijk(client):
    r = client.post("/api/v1/vergelijking", json={"soort": "bestaat-niet", "invoer": [], "peildata": ["2026-02-30"]})
    assert r.status_code == 422 and r.mimetype == "application/problem+json"
    paden = {f["pad"] for f in r.get_json()["fouten"]}
    assert paden == {"$.soort", "$.invoer", "$.peildata[0]"}
    r = client.post("/api/v1/vergelijking", json={"soort": "loonkostensubsidie", "invoer": {}, "peildata": []})
    assert r.status_code == 422


def test_elke_soort_kan_vergeleken_worden(client):
    """Generic: every registered soort (also ones added later) compares its own example on two dates."""
    from soorten.register import SOORTEN

    for naam, soort in SOORTEN.items():
        r = client.post("/api/v1/vergelijking", json={"soort": naam, "invoer": soort.voorbeeld,
                                                      "peildata": ["2025-03-01", "2026-03-01"]})
        assert r.status_code == 200, naam
        uitkomsten = r.get_json()["uitkomsten"]
        assert [u["peildatum"] for u in uitkomsten] == ["2025-03-01", "2026-03-01"]
        assert all("resultaat" in u for u in uitkomsten), (naam, uitkomsten)


# --- web --------------------------------------------------------------------------------------------


def _tekst(resp) -> str:
    """The HTML with Babel's non-breaking spaces as plain spaces ("€\xa0842,25" -> "€ 842,25")."""
    return resp.get_data(as_text=True).replace("\xa0", " ").replace("\u202f", " ")


def test_resultaatpagina_heeft_vergelijk_actie_die_werkt(client):
    import html
    import re

    r = client.get("/loonkostensubsidie?bereken=1&geboortedatum=1990-05-01&uren_per_week=32&loonwaarde=60"
                   "&peildatum=2025-07-01")
    m = re.search(r'href="(/vergelijking\?[^"]+)"[^>]*>Vergelijk met een ander jaar', r.get_data(as_text=True))
    assert m, "no 'Vergelijk met een ander jaar' action"
    pagina = client.get(html.unescape(m.group(1)) + "&van=2024-07-01")
    tekst = _tekst(pagina)
    assert pagina.status_code == 200
    # 1 July 2025: 841.65 (as in test_vergelijking_over_1_juli). 1 July 2024, set per 1 January 2024:
    # 2069.40 × 32 / 36 = 1839.47; + 8 % 147.16 = 1986.63; − 60 % 1191.98 = 794.65.
    # 841.65 − 794.65 = 47.00; 47.00 / 794.65 = 5.9145 % -> 5.91
    assert "€ 794,65" in tekst and "€ 841,65" in tekst and "€ 47,00" in tekst and "5,91 %" in tekst


def test_vergelijkpagina_ongeldige_invoer(client):
    assert client.get("/vergelijking?soort=onzin&invoer={}").status_code == 404
    assert client.get("/vergelijking?soort=loonkostensubsidie&invoer={kapot").status_code == 400
    r = client.get('/vergelijking?soort=loonkostensubsidie&invoer={"uren_per_week":"32"}&van=2025-01-01&tot=2026-01-01')
    assert r.status_code == 200 and "Vul een geboortedatum of een leeftijd in." in r.get_data(as_text=True)


def test_parameterpaginas(client):
    r = client.get("/parameters?datum=2023-07-01")
    tekst = _tekst(r)
    assert r.status_code == 200 and "wml.uurloon" in tekst and "€ 1.995,00" in tekst
    r = client.get("/parameters/wml.uurloon")
    tekst = _tekst(r)
    assert r.status_code == 200 and "€ 13,27" in tekst and "Besluit SZW 2023-0000526966" in tekst
    assert client.get("/parameters/bestaat.niet").status_code == 404
    r = client.get("/parameters/vergelijking?van=2025-01-01&tot=2026-01-01")
    tekst = _tekst(r)
    assert r.status_code == 200 and "€ 14,06" in tekst and "€ 14,71" in tekst and "4,62 %" in tekst
    assert 'src="/grafieken/lks.svg?van=2025-01-01&amp;tot=2026-01-01"' in tekst


def test_grafieken_als_svg_met_eigen_csp_en_tabel(client):
    pagina = client.get("/grafieken?van=2025-01-01&tot=2026-01-01")
    tekst = _tekst(pagina)
    assert pagina.status_code == 200 and tekst.count("<img ") >= 2 and tekst.count('alt="') >= 2
    assert "<caption>Wettelijk minimumloon" in tekst and "€ 14,71" in tekst
    # the LKS table is computed by the engine: loonwaarde 60 %, 36 uur, 2026-01-01:
    # 2294.40 × 36 / 36 = 2294.40; + 8 % 183.55 = 2477.95; − 60 % 1486.77 = 991.18
    assert "€ 991,18" in tekst
    for url in ("/grafieken/wml.svg", "/grafieken/lks.svg?van=2025-01-01&tot=2026-01-01"):
        r = client.get(url)
        assert r.status_code == 200 and r.mimetype == "image/svg+xml", url
        assert r.data.lstrip().startswith(b"<?xml") and b"<svg" in r.data
        # no inline styles any more (issue 19): presentation attributes only, no style-src 'unsafe-inline'
        assert r.headers["Content-Security-Policy"] == "default-src 'none'"
        assert b"style=" not in r.data and b"<style" not in r.data
    # pages keep the strict policy
    assert "unsafe-inline" not in pagina.headers["Content-Security-Policy"]


def test_bijstandsgrafiek_of_nog_geen_gegevens(client):
    from parameters import default_parameters
    from web.grafieken import bijstand_namen

    tekst = client.get("/grafieken").get_data(as_text=True)
    if bijstand_namen(default_parameters()):
        assert client.get("/grafieken/bijstandsnormen.svg").status_code == 200
        assert "Bijstandsnormen per maand" in tekst
    else:
        assert "Nog geen gegevens" in tekst


def test_vergelijkpagina_voor_elke_soort(client):
    import json

    from soorten.register import SOORTEN

    from soorten.register import laad_invoer, reken, rekenbewijs

    for naam, soort in SOORTEN.items():
        for body in (soort.voorbeeld, *soort.dekking_varianten):
            geladen = laad_invoer(soort, body)
            # the result pages link with the receipt's input (every field, unset ones as null)
            bewijs = rekenbewijs(soort, geladen, reken(soort, geladen).peildatum)
            for invoer in (body, bewijs["invoer"]):
                r = client.get("/vergelijking", query_string={"soort": naam, "invoer": json.dumps(invoer),
                                                              "van": "2025-03-01", "tot": "2026-03-01"})
                tekst = _tekst(r)
                assert r.status_code == 200 and "Bedragen naast elkaar" in tekst, naam
                assert "kan niet worden gerekend" not in tekst, (naam, invoer)

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
    r = client.post("/api/v1/vergelijking", json={"soort": "loonkostensubsidie", "invoer": LKS,
                                                  "peildata": ["2025-06-01", "2025-07-01"]})
    assert r.status_code == 200
    body = r.get_json()
    juni, juli = body["uitkomsten"]
    assert body["basis"] == "2025-06-01" and (juni["peildatum"], juli["peildatum"]) == ("2025-06-01", "2025-07-01")
    # WML per uur 14.06 (2025-01-01) and 14.40 (2025-07-01), parameters/wml.yaml.
    # juni: 14.06 × 32 × 52 / 12 = 1949.65; vakantiebijslag 8 % = 155.97; samen 2105.62;
    #       loonwaarde 60 % = 1263.37; LKS 2105.62 − 1263.37 = 842.25
    # juli: 14.40 × 32 × 52 / 12 = 1996.80; 8 % = 159.74; samen 2156.54; 60 % = 1293.92; LKS 862.62
    assert juni["resultaat"]["loonkostensubsidie"] == "842.25"
    assert juli["resultaat"]["loonkostensubsidie"] == "862.62"
    v = {x["veld"]: x for x in juli["verschillen"]}
    # 862.62 − 842.25 = 20.37; 20.37 / 842.25 = 2.4185 % -> 2.42
    assert v["loonkostensubsidie"] == {"veld": "loonkostensubsidie", "oud": "842.25", "nieuw": "862.62",
                                       "absoluut": "20.37", "relatief": "2.42"}
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
    assert goed["resultaat"]["loonkostensubsidie"] == "881.19"  # as in tests/test_loonkostensubsidie.py
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
    from api.soorten import SOORTEN

    for naam, soort in SOORTEN.items():
        r = client.post("/api/v1/vergelijking", json={"soort": naam, "invoer": soort.voorbeeld,
                                                      "peildata": ["2025-03-01", "2026-03-01"]})
        assert r.status_code == 200, naam
        uitkomsten = r.get_json()["uitkomsten"]
        assert [u["peildatum"] for u in uitkomsten] == ["2025-03-01", "2026-03-01"]
        assert all("resultaat" in u for u in uitkomsten), (naam, uitkomsten)

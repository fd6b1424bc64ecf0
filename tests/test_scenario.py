"""Scenarios (issue 17): alternative parameter values laid over the official ones, in every calculation,
/api/v1/vergelijking and /api/v1/batch.

The amounts are the loonkostensubsidie arithmetic of the law (see README "Loonkostensubsidie: hoe er gerekend wordt"
and tests/test_loonkostensubsidie.py), texts of the Participatiewet geldig vanaf 2026-01-01:
- art. 2: the wettelijk minimumloon is "het minimumloon per maand, bedoeld in artikel 8, eerste lid, onderdeel b, van
  de Wet minimumloon en minimumvakantiebijslag": the referentieminimummaandloon, parameter `wml.maandloon`
  (€ 2.294,40 from 2026-01-01). So a scenario that changes the LKS names `wml.maandloon`; `wml.uurloon` only gives
  the hourly minimum shown (`wml_per_uur`) and the functieloon check.
- art. 10d lid 4: "De loonkostensubsidie wordt naar evenredigheid verminderd of vermeerderd, indien de overeengekomen
  arbeidsduur korter of langer is dan 36 uren per week": maandloon × uren / 36 (`lks.arbeidsduur_uren_per_week`),
  rounded once to the cent; plus 8 % vakantiebijslag (Wml art. 15 lid 1, cent); the loonwaarde = loonwaarde % of that
  (cent); LKS = the difference, "ten hoogste 70 %" of the WML incl. vakantiebijslag.
- art. 10d lid 7: a running LKS is set again "met ingang van 1 januari van het kalenderjaar": every month of the year
  uses the values of 1 January (or of the begindatum_dienstbetrekking when it starts later in the year).
The bijstandsnorm and quotumheffing cases do not depend on the LKS rule.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from parameters import default_parameters
from parameters.scenario import ScenarioFout, lees_scenario, scenario_naar_yaml, scenario_uit_yaml

URL = "/api/v1/loonkostensubsidie"
CASE = {"peildatum": "2026-01-15", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}
WML_2400 = {"naam": "WML 2400 euro", "parameters": {"wml.maandloon": [{"vanaf": "2026-01-01", "waarde": "2400.00"}]}}


def _gebruik(body) -> dict:
    return {(p["naam"], p["geldig_vanaf"]): p for p in body["parameters"]}


def test_scenario_verandert_precies_de_genoemde_waarde(client):
    officieel = client.post(URL, json=CASE).get_json()
    r = client.post(URL, json={**CASE, "scenario": WML_2400})
    assert r.status_code == 200
    body = r.get_json()
    # Officially (2 294,40 from 2026-01-01): 2 294,40 × 32 / 36 = 2 039,466.. -> 2 039,47; + 8 % = 163,16 (163,1576)
    # -> 2 202,63; loonwaarde 60 % = 1 321,58 (1 321,578); LKS = 2 202,63 − 1 321,58 = 881,05.
    # Scenario 2 400,00: 2 400,00 × 32 / 36 = 2 133,333.. -> 2 133,33; + 8 % = 170,67 (170,6664) -> 2 304,00;
    # loonwaarde 60 % = 1 382,40; LKS = 2 304,00 − 1 382,40 = 921,60 (the maximum 70 % = 1 612,80 is not reached).
    assert officieel["resultaat"]["loonkostensubsidie"] == "881.05"
    assert body["resultaat"]["wml_per_maand"] == "2133.33"
    assert body["resultaat"]["wml_per_maand_incl_vakantiebijslag"] == "2304.00"
    assert body["resultaat"]["loonkostensubsidie"] == "921.60"
    # the year (art. 10d lid 7): every month at the values of 1 January, so no step on 1 July: 12 × 921,60 = 11 059,20
    # (officially 12 × 881,05 = 10 572,60)
    assert officieel["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10572.60"
    assert body["resultaat"]["per_jaar"]["loonkostensubsidie"] == "11059.20"
    # the hourly minimum shown is the uurloon's, which the scenario does not name: the official 14,71
    assert body["resultaat"]["wml_per_uur"] == officieel["resultaat"]["wml_per_uur"] == "14.71"
    # exactly the named value differs; every other value used is the official one, unchanged
    oud, nieuw = _gebruik(officieel), _gebruik(body)
    assert set(oud) == set(nieuw)
    anders = {k for k in oud if oud[k] != nieuw[k]}
    assert anders == {("wml.maandloon", "2026-01-01")}
    sc = nieuw[("wml.maandloon", "2026-01-01")]
    assert (sc["waarde"], sc["status"], sc["bron"]) == ("2400.00", "scenario", "Scenario 'WML 2400 euro'")
    assert oud[("wml.uurloon", "2026-01-01")] == nieuw[("wml.uurloon", "2026-01-01")]
    assert nieuw[("wml.uurloon", "2026-01-01")]["status"] == "bevestigd"
    # lid 7: the official maandloon of 1 July 2026 (2 337,00) is used in neither answer
    assert ("wml.maandloon", "2026-07-01") not in oud and ("wml.maandloon", "2026-07-01") not in nieuw
    # the answer says so at the top and in the rekenbewijs
    assert list(body)[:2] == ["soort", "scenario"]
    assert body["scenario"]["naam"] == "WML 2400 euro"
    assert body["waarschuwingen"][0].startswith("Berekend met scenario 'WML 2400 euro'")
    assert body["waarschuwingen"][1:] == officieel["waarschuwingen"]
    assert body["rekenbewijs"]["scenario"] == WML_2400
    assert body["rekenbewijs"]["scenario_vingerafdruk"] == body["scenario"]["vingerafdruk"]
    assert body["rekenbewijs"]["parameters_vingerafdruk"] == officieel["rekenbewijs"]["parameters_vingerafdruk"]


def test_uurloon_scenario_verandert_niet_de_lks(client):
    """Since the LKS follows Pw art. 2 (the minimumloon per maand), a scenario on `wml.uurloon` changes the hourly
    minimum shown (what the werkgever must pay at least, Wml art. 8 lid 1 onder a) but not the LKS: still 881,05."""
    officieel = client.post(URL, json=CASE).get_json()
    uur = {"naam": "Uurloon 15", "parameters": {"wml.uurloon": [{"vanaf": "2026-01-01", "waarde": "15.00"}]}}
    body = client.post(URL, json={**CASE, "scenario": uur}).get_json()
    assert body["resultaat"]["wml_per_uur"] == "15.00"
    assert {k: v for k, v in body["resultaat"].items() if k != "wml_per_uur"} == \
        {k: v for k, v in officieel["resultaat"].items() if k != "wml_per_uur"}
    assert body["resultaat"]["loonkostensubsidie"] == "881.05"
    oud, nieuw = _gebruik(officieel), _gebruik(body)
    assert {k for k in oud if oud[k] != nieuw[k]} == {("wml.uurloon", "2026-01-01")}


def test_vingerafdruk_is_sha256_van_de_canonieke_json():
    s = lees_scenario({"parameters": {"wml.uurloon": [{"waarde": 15.0, "vanaf": "2026-01-01"}]}, "naam": "  WML  15 euro"},
                      default_parameters())
    # the canonical form: sorted keys, no spaces, the value as its text, the name with single spaces
    tekst = '{"naam":"WML 15 euro","parameters":{"wml.uurloon":[{"vanaf":"2026-01-01","waarde":"15.0"}]}}'
    assert s.vingerafdruk == hashlib.sha256(tekst.encode()).hexdigest()[:16]
    # YAML round trip keeps the fingerprint
    assert scenario_uit_yaml(scenario_naar_yaml(s), default_parameters()).vingerafdruk == s.vingerafdruk


def test_rekenbewijs_terugsturen_geeft_hetzelfde(client):
    body = client.post(URL, json={**CASE, "scenario": WML_2400}).get_json()
    bewijs = body["rekenbewijs"]
    opnieuw = {k: v for k, v in bewijs["invoer"].items() if v is not None}
    weer = client.post(URL, json={**opnieuw, "scenario": bewijs["scenario"]}).get_json()
    assert weer["resultaat"] == body["resultaat"]
    assert weer["scenario"] == body["scenario"]


def test_geen_lek_naar_een_ander_verzoek(client):
    """The overlay is a new parameter set with its own caches: the official answer before and after a scenario
    request is the same, in the API, the comparison and the batch."""
    voor = client.post(URL, json=CASE).get_json()
    client.post(URL, json={**CASE, "scenario": WML_2400})
    client.post("/api/v1/batch", json={"scenario": WML_2400, "berekeningen": [
        {"id": 1, "soort": "loonkostensubsidie", "invoer": CASE}]})
    na = client.post(URL, json=CASE).get_json()
    assert na == voor
    assert na["resultaat"]["loonkostensubsidie"] == "881.05" and "scenario" not in na
    official = default_parameters().at("wml.maandloon", date(2026, 1, 15))
    assert (official.status, format(official.waarde, "f")) == ("bevestigd", "2294.40")


def test_waarde_na_de_horizon_maakt_2027_mogelijk(client):
    geval = {"peildatum": "2027-03-01", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}
    # officially the values are known through 2026: a 2027 calculation is refused, naming the parameter
    r = client.post(URL, json=geval)
    assert r.status_code == 422 and "bekend tot en met 2026-12-31" in r.get_json()["fouten"][0]["bericht"]
    # a scenario with the six 2027 values the calculation uses: the WML per maand (Pw art. 2) and per uur (the hourly
    # minimum shown), and, as in 2026, the vakantiebijslag 8 % (Wml art. 15), the 36 hours and the 70 % maximum
    # (art. 10d lid 4) and the werkgeverslasten percentage
    officieel = default_parameters()
    zelfde = {n: format(officieel.at(n, date(2026, 12, 31)).waarde, "f") for n in
              ("wml.vakantiebijslag", "lks.arbeidsduur_uren_per_week", "lks.maximum_percentage",
               "lks.werkgeverslasten_percentage")}
    wml_2027 = {"wml.maandloon": [{"vanaf": "2027-01-01", "waarde": "2380.20"}],
                "wml.uurloon": [{"vanaf": "2027-01-01", "waarde": "15.26"}]}
    scenario = {"naam": "Prognose 2027", "parameters": {
        **wml_2027, **{n: [{"vanaf": "2027-01-01", "waarde": w}] for n, w in zelfde.items()}}}
    body = client.post(URL, json={**geval, "scenario": scenario}).get_json()
    # 2 380,20 × 32 / 36 = 2 115,733.. -> 2 115,73; + 8 % = 169,26 (169,2584) -> 2 284,99; loonwaarde 60 % = 1 370,99
    # (1 370,994); LKS = 2 284,99 − 1 370,99 = 914,00; the year (lid 7, all months at 1 January): 12 × 914,00 = 10 968,00
    assert body["resultaat"]["loonkostensubsidie"] == "914.00"
    assert body["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10968.00"
    assert body["resultaat"]["wml_per_uur"] == "15.26"
    assert {p["status"] for p in body["parameters"]} == {"scenario"}
    # the same with doortrekken_tot: the other values keep their last official value, marked as an assumption
    kort = {"naam": "WML 2027 +3 %", "parameters": wml_2027, "doortrekken_tot": "2027-12-31"}
    body2 = client.post(URL, json={**geval, "scenario": kort}).get_json()
    assert body2["resultaat"] == body["resultaat"]
    doorgetrokken = {p["naam"]: p for p in body2["parameters"]}
    assert doorgetrokken["lks.maximum_percentage"]["status"] == "scenario"
    assert "doorgetrokken" in doorgetrokken["lks.maximum_percentage"]["bron"]
    assert "doorgetrokken" in doorgetrokken["lks.arbeidsduur_uren_per_week"]["bron"]
    # a scenario with only the WML still misses the other 2027 values: a 422 that names one and the date it is needed
    # on, 1 January 2027 (lid 7: the LKS of 2027 is set with the values of 1 January)
    r = client.post(URL, json={**geval, "scenario": {"naam": "alleen WML", "parameters": wml_2027}})
    bericht = r.get_json()["fouten"][0]["bericht"]
    assert r.status_code == 422 and "2027-01-01" in bericht
    assert any(f"parameter '{n}'" in bericht for n in zelfde)


def test_slechte_scenarios_alle_fouten_tegelijk(client):
    r = client.post(URL, json={**CASE, "loonwaarde": 150, "scenario": {
        "naam": "", "extra": 1, "parameters": {
            "wml.bestaat_niet": [{"vanaf": "2027-01-01", "waarde": "1"}],
            "wml.uurloon": [{"vanaf": "2027-01-01", "waarde": "-1"}, {"vanaf": "2027-02-30", "waarde": "15"},
                            {"vanaf": "2027-03-01", "waarde": "veel"}, {"vanaf": "2027-04-01", "waarde": "15", "eenheid": "procent"}],
            "lks.maximum_percentage": [{"vanaf": "2027-01-01", "waarde": "120"}],
            "bijstand.vrijlating_doelgroep_lks.in_werking": [{"vanaf": "2027-01-01", "waarde": "12"}],
            "wml.vakantiebijslag": [{"vanaf": "2027-01-01"}, {"vanaf": "2027-01-01", "waarde": 8}]}}})
    assert r.status_code == 422 and r.mimetype == "application/problem+json"
    fouten = {(f["pad"], f["bericht"]) for f in r.get_json()["fouten"]}
    P = "$.scenario.parameters"
    assert fouten == {
        ("$.loonwaarde", "Vul een waarde van 0 tot en met 100 in."),
        ("$.scenario.extra", "Onbekend veld."),
        ("$.scenario.naam", "Geef het scenario een naam."),
        (f"{P}['wml.bestaat_niet']", "Onbekende parameter 'wml.bestaat_niet'. Zie /api/v1/parameters voor de namen."),
        (f"{P}['wml.uurloon'][0].waarde", "wml.uurloon op 2027-01-01: -1 is kleiner dan het minimum 0."),
        (f"{P}['wml.uurloon'][1].vanaf", "wml.uurloon: geen geldige datum (JJJJ-MM-DD)."),
        (f"{P}['wml.uurloon'][2].waarde", "wml.uurloon op 2027-03-01: waarde 'veel' is geen getal."),
        (f"{P}['wml.uurloon'][3].eenheid", "wml.uurloon op 2027-04-01: de eenheid van deze parameter is 'EUR', niet 'procent'."),
        (f"{P}['lks.maximum_percentage'][0].waarde", "lks.maximum_percentage op 2027-01-01: 120 valt buiten 0..100 procent."),
        (f"{P}['bijstand.vrijlating_doelgroep_lks.in_werking'][0].waarde",
         "bijstand.vrijlating_doelgroep_lks.in_werking op 2027-01-01: waarde Decimal('12') is geen ja/nee (true/false)."),
        (f"{P}['wml.vakantiebijslag'][0].waarde", "wml.vakantiebijslag op 2027-01-01: waarde ontbreekt."),
        (f"{P}['wml.vakantiebijslag'][1].vanaf",
         "wml.vakantiebijslag op 2027-01-01: deze datum staat al in waarde 1 van deze parameter."),
    }


@pytest.mark.parametrize("scenario, pad", [
    ("WML", "$.scenario"),
    ({"naam": "x"}, "$.scenario.parameters"),
    ({"naam": "x", "parameters": []}, "$.scenario.parameters"),
    ({"naam": "x", "parameters": {"wml.uurloon": []}}, "$.scenario.parameters['wml.uurloon']"),
    ({"naam": "x", "parameters": {"wml.uurloon": ["15"]}}, "$.scenario.parameters['wml.uurloon'][0]"),
    ({"naam": "x", "parameters": {"wml.uurloon": [{"vanaf": "9999-01-01", "waarde": 1}]}},
     "$.scenario.parameters['wml.uurloon'][0].vanaf"),
    ({"naam": "x", "parameters": {"wml.uurloon": [{"vanaf": "2027-01-01", "waarde": 1}]}, "doortrekken_tot": "9999-12-31"},
     "$.scenario.doortrekken_tot"),
])
def test_scenario_vorm(client, scenario, pad):
    r = client.post(URL, json={**CASE, "scenario": scenario})
    assert r.status_code == 422
    assert [f["pad"] for f in r.get_json()["fouten"]] == [pad]


def test_zonder_scenario_of_met_null_verandert_niets(client):
    assert client.post(URL, json={**CASE, "scenario": None}).get_json() == client.post(URL, json=CASE).get_json()


def test_vergelijking_met_scenario(client):
    r = client.post("/api/v1/vergelijking", json={"soort": "loonkostensubsidie", "scenario": WML_2400,
                                                 "invoer": {k: v for k, v in CASE.items() if k != "peildatum"},
                                                 "peildata": ["2025-07-01", "2026-01-01"]})
    assert r.status_code == 200
    body = r.get_json()
    assert body["scenario"]["naam"] == "WML 2400 euro" and body["waarschuwingen"][0].startswith("Berekend met scenario")
    juli, januari = body["uitkomsten"]
    # 2025-07-01 official, set per 1 January 2025 (lid 7: 2 191,80, not the 2 245,80 of 1 July): 841,65
    # (tests/test_bestandsvergelijking.py); 2026-01-01 scenario: 921,60 (above)
    assert juli["resultaat"]["loonkostensubsidie"] == "841.65"
    assert januari["resultaat"]["loonkostensubsidie"] == "921.60"
    assert januari["rekenbewijs"]["scenario"] == WML_2400
    verschil = {v["veld"]: v["absoluut"] for v in januari["verschillen"]}
    assert verschil["loonkostensubsidie"] == "79.95"  # 921,60 − 841,65
    r = client.post("/api/v1/vergelijking", json={"soort": "loonkostensubsidie", "scenario": {"naam": "x"},
                                                 "invoer": {}, "peildata": []})
    assert r.status_code == 422
    assert {f["pad"] for f in r.get_json()["fouten"]} == {"$.peildata", "$.scenario.parameters"}


def test_batch_met_scenario(client):
    r = client.post("/api/v1/batch", json={"scenario": WML_2400, "berekeningen": [
        {"id": "a", "soort": "loonkostensubsidie", "invoer": CASE},
        {"id": "b", "soort": "loonkostensubsidie", "invoer": {**CASE, "loonwaarde": 100}}]})
    body = r.get_json()
    assert r.status_code == 200 and body["scenario"]["naam"] == "WML 2400 euro"
    # 921,60 (above); loonwaarde 100 %: 2 304,00 − 2 304,00 = 0,00
    assert [u["resultaat"]["loonkostensubsidie"] for u in body["uitkomsten"]] == ["921.60", "0.00"]
    assert all(u["rekenbewijs"]["scenario"] == WML_2400 for u in body["uitkomsten"])
    r = client.post("/api/v1/batch", json={"scenario": {"naam": "x", "parameters": {"x": 1}}, "berekeningen": []})
    assert r.status_code == 422
    assert {f["pad"] for f in r.get_json()["fouten"]} == {"$.berekeningen", "$.scenario.parameters['x']"}


def test_elke_soort_neemt_een_scenario(client, app):
    """Every calculation endpoint accepts `scenario` (its own example with a scenario that changes nothing it
    uses still answers 200, marked as a scenario result)."""
    from soorten.register import SOORTEN

    leeg = {"naam": "niets", "parameters": {"wml.dagloon": [{"vanaf": "2022-01-01", "waarde": "79.39"}]}}
    for naam, soort in SOORTEN.items():
        r = client.post(f"/api/v1/{naam}", json={**soort.voorbeeld, "scenario": leeg})
        assert r.status_code == 200, (naam, r.get_json())
        assert r.get_json()["scenario"]["naam"] == "niets"


def test_openapi_documenteert_scenario(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    assert "Scenario" in schemas
    assert "scenario" in schemas["LoonkostensubsidieInvoer"]["properties"]
    assert "scenario" in schemas["VergelijkingInvoer"]["properties"]
    assert "scenario" in schemas["BatchInvoer"]["properties"]
    assert "scenario" in schemas["Rekenbewijs"]["properties"]
    assert "scenario" in schemas["ParameterGebruik"]["properties"]["status"]["enum"]
    # paths are relative to the versioned server URL (…/api/v1, issue 19)
    assert spec["servers"][0]["url"].endswith("/api/v1") and "/bestandsvergelijking" in spec["paths"]


def test_scenario_yaml_bestand():
    tekst = "naam: WML 2027\nparameters:\n  wml.uurloon:\n    - vanaf: 2027-01-01\n      waarde: 15.15\n"
    s = scenario_uit_yaml(tekst, default_parameters())
    assert s.canoniek() == {"naam": "WML 2027", "parameters": {"wml.uurloon": [{"vanaf": "2027-01-01", "waarde": "15.15"}]}}
    with pytest.raises(ScenarioFout) as exc:
        scenario_uit_yaml("naam: [", default_parameters())
    assert exc.value.fouten[0]["bericht"].startswith("Geen geldige YAML")
    with pytest.raises(ScenarioFout) as exc:  # YAML reads 2027-02-30 as a date, which does not exist
        scenario_uit_yaml(tekst.replace("2027-01-01", "2027-02-30"), default_parameters())
    assert exc.value.fouten[0]["bericht"].startswith("Geen geldige datum (JJJJ-MM-DD)")
    assert json.dumps(s.canoniek())  # plain JSON data


def test_afgeleide_tabellen_per_scenario(client):
    """(Until the LKS followed art. 10d lid 7, the year was computed from runs of months between WML changes, a table
    derived from the parameter data per parameter set; now the runs are pure calendar arithmetic and the values are
    read on the vaststellingsdatum, so this test pins what a mid-year scenario value does.) A scenario value dated
    1 April 2026 (wml.maandloon 2 400,00). Art. 10d lid 7: the college sets a running
    LKS again "met ingang van 1 januari van het kalenderjaar", so a dienstbetrekking that runs on 1 January keeps the
    value of 1 January all year: 881,05 per month, 12 × 881,05 = 10 572,60, with or without the scenario. A
    dienstbetrekking that begins on 1 April 2026 is set with the values of that day: the scenario's 2 400,00, so
    921,60 per month (arithmetic above), April-December 9 × 921,60 = 8 294,40; officially 2 294,40 still applies on
    1 April: 9 × 881,05 = 7 929,45. The official answers before and after are the same (the scenario set has its own
    look-up caches)."""
    assert client.post(URL, json=CASE).get_json()["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10572.60"
    april = {"naam": "April", "parameters": {"wml.maandloon": [{"vanaf": "2026-04-01", "waarde": "2400.00"}]}}
    body = client.post(URL, json={**CASE, "scenario": april}).get_json()
    assert body["resultaat"]["loonkostensubsidie"] == "881.05"
    assert body["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10572.60"
    assert ("wml.maandloon", "2026-04-01") not in _gebruik(body)  # not used: the value of 1 January counts
    nieuw = {**CASE, "peildatum": "2026-04-15", "begindatum_dienstbetrekking": "2026-04-01"}
    officieel = client.post(URL, json=nieuw).get_json()
    assert officieel["resultaat"]["loonkostensubsidie"] == "881.05"
    assert officieel["resultaat"]["per_jaar"]["loonkostensubsidie"] == "7929.45"
    body = client.post(URL, json={**nieuw, "scenario": april}).get_json()
    assert body["resultaat"]["per_jaar"]["vastgesteld_per"] == "2026-04-01"
    assert body["resultaat"]["loonkostensubsidie"] == "921.60"
    assert body["resultaat"]["per_jaar"]["loonkostensubsidie"] == "8294.40"
    assert _gebruik(body)[("wml.maandloon", "2026-04-01")]["status"] == "scenario"
    assert client.post(URL, json=nieuw).get_json() == officieel
    assert client.post(URL, json=CASE).get_json()["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10572.60"


# --- the same contract on the bijstandsnorm, whose norm is the parameter itself -------------------------------------
# Participatiewet art. 21 onder a: the norm of an alleenstaande of 21 or older (below the pensioengerechtigde
# leeftijd) without kostendelende medebewoners is the amount of the parameter bijstand.norm_21.alleenstaande
# (incl. vakantietoeslag); without income the aanvullende bijstand is the norm. These amounts do not depend on the
# LKS pro-rating rules (see the report on issue 17), so they pin the scenario mechanism down on their own.

BIJSTAND = "/api/v1/bijstandsnorm"
ALLEENSTAANDE = {"peildatum": "2026-01-15", "belanghebbende": {"leeftijd": 40}}


def test_bijstand_scenario_verandert_precies_de_norm(client):
    officieel = client.post(BIJSTAND, json=ALLEENSTAANDE).get_json()
    assert officieel["resultaat"]["norm"] == "1401.50"  # the official value from 2026-01-01
    sc = {"naam": "Norm 1450", "parameters": {"bijstand.norm_21.alleenstaande": [{"vanaf": "2026-01-01", "waarde": "1450.00"}]}}
    body = client.post(BIJSTAND, json={**ALLEENSTAANDE, "scenario": sc}).get_json()
    assert body["resultaat"]["norm"] == "1450.00" and body["resultaat"]["aanvullende_bijstand"] == "1450.00"
    oud, nieuw = _gebruik(officieel), _gebruik(body)
    assert set(oud) == set(nieuw)
    assert {k for k in oud if oud[k] != nieuw[k]} == {("bijstand.norm_21.alleenstaande", "2026-01-01")}
    assert nieuw[("bijstand.norm_21.alleenstaande", "2026-01-01")]["status"] == "scenario"
    assert body["waarschuwingen"][0].startswith("Berekend met scenario 'Norm 1450'")
    assert body["rekenbewijs"]["scenario"] == sc


def test_bijstand_2027_met_scenario(client):
    geval = {"peildatum": "2027-03-01", "belanghebbende": {"leeftijd": 40}}
    assert client.post(BIJSTAND, json=geval).status_code == 422  # officially known through 2026
    sc = {"naam": "Normen 2027", "doortrekken_tot": "2027-12-31",
          "parameters": {"bijstand.norm_21.alleenstaande": [{"vanaf": "2027-01-01", "waarde": "1440.00"}]}}
    body = client.post(BIJSTAND, json={**geval, "scenario": sc}).get_json()
    assert body["resultaat"]["norm"] == "1440.00"
    gebruikt = {p["naam"]: p for p in body["parameters"] if p["geldig_vanaf"] >= "2027-01-01"}
    assert gebruikt["bijstand.norm_21.alleenstaande"]["bron"] == "Scenario 'Normen 2027'"
    assert all(p["status"] == "scenario" for p in gebruikt.values())

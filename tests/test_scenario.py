"""Scenarios (issue 17): alternative parameter values laid over the official ones, in every calculation,
/api/v1/vergelijking and /api/v1/batch.

The amounts are the loonkostensubsidie arithmetic of Participatiewet art. 10d lid 4 as the engine applies it (see
tests/test_loonkostensubsidie.py): "De loonkostensubsidie ... bedraagt het verschil tussen het wettelijk minimumloon
en de loonwaarde", with the WML per month = uurloon × uren × 52 / 12 (rounded to the cent), plus 8 % vakantiebijslag
(Wml art. 15 lid 1, rounded to the cent), the loonwaarde = loonwaarde % of that (rounded to the cent), and at most
70 % of the WML incl. vakantiebijslag.
These LKS amounts follow the engine's current month amount (uurloon × uren × 52 / 12, each month of the year with the
WML of that month). If the LKS rule for part-time work or for the yearly re-setting changes, the expected LKS amounts
change with it; the bijstandsnorm and quotumheffing cases do not depend on it.
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
WML_15 = {"naam": "WML 15 euro", "parameters": {"wml.uurloon": [{"vanaf": "2026-01-01", "waarde": "15.00"}]}}


def _gebruik(body) -> dict:
    return {(p["naam"], p["geldig_vanaf"]): p for p in body["parameters"]}


def test_scenario_verandert_precies_de_genoemde_waarde(client):
    officieel = client.post(URL, json=CASE).get_json()
    r = client.post(URL, json={**CASE, "scenario": WML_15})
    assert r.status_code == 200
    body = r.get_json()
    # 15,00 × 32 × 52 / 12 = 2 080,00; + 8 % = 166,40 -> 2 246,40; loonwaarde 60 % = 1 347,84;
    # LKS = 2 246,40 − 1 347,84 = 898,56 (the maximum 70 % = 1 572,48 is not reached). Officially (14,71): 881,19.
    assert officieel["resultaat"]["loonkostensubsidie"] == "881.19"
    assert body["resultaat"]["wml_per_maand"] == "2080.00"
    assert body["resultaat"]["wml_per_maand_incl_vakantiebijslag"] == "2246.40"
    assert body["resultaat"]["loonkostensubsidie"] == "898.56"
    # the year: Jan-Jun at 15,00 (scenario), Jul-Dec at the official 14,99 (14,99 × 32 × 52 / 12 = 2 078,61;
    # + 166,29 = 2 244,90; − 60 % 1 346,94 = 897,96): 6 × 898,56 + 6 × 897,96 = 10 779,12
    assert body["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10779.12"
    # exactly the named value differs; every other value used is the official one, unchanged
    oud, nieuw = _gebruik(officieel), _gebruik(body)
    assert set(oud) == set(nieuw)
    anders = {k for k in oud if oud[k] != nieuw[k]}
    assert anders == {("wml.uurloon", "2026-01-01")}
    sc = nieuw[("wml.uurloon", "2026-01-01")]
    assert (sc["waarde"], sc["status"], sc["bron"]) == ("15.00", "scenario", "Scenario 'WML 15 euro'")
    assert oud[("wml.uurloon", "2026-07-01")]["status"] == nieuw[("wml.uurloon", "2026-07-01")]["status"] == "voorlopig"
    # the answer says so at the top and in the rekenbewijs
    assert list(body)[:2] == ["soort", "scenario"]
    assert body["scenario"]["naam"] == "WML 15 euro"
    assert body["waarschuwingen"][0].startswith("Berekend met scenario 'WML 15 euro'")
    assert body["waarschuwingen"][1:] == officieel["waarschuwingen"]
    assert body["rekenbewijs"]["scenario"] == WML_15
    assert body["rekenbewijs"]["scenario_vingerafdruk"] == body["scenario"]["vingerafdruk"]
    assert body["rekenbewijs"]["parameters_vingerafdruk"] == officieel["rekenbewijs"]["parameters_vingerafdruk"]


def test_vingerafdruk_is_sha256_van_de_canonieke_json():
    s = lees_scenario({"parameters": {"wml.uurloon": [{"waarde": 15.0, "vanaf": "2026-01-01"}]}, "naam": "  WML  15 euro"},
                      default_parameters())
    # the canonical form: sorted keys, no spaces, the value as its text, the name with single spaces
    tekst = '{"naam":"WML 15 euro","parameters":{"wml.uurloon":[{"vanaf":"2026-01-01","waarde":"15.0"}]}}'
    assert s.vingerafdruk == hashlib.sha256(tekst.encode()).hexdigest()[:16]
    # YAML round trip keeps the fingerprint
    assert scenario_uit_yaml(scenario_naar_yaml(s), default_parameters()).vingerafdruk == s.vingerafdruk


def test_rekenbewijs_terugsturen_geeft_hetzelfde(client):
    body = client.post(URL, json={**CASE, "scenario": WML_15}).get_json()
    bewijs = body["rekenbewijs"]
    opnieuw = {k: v for k, v in bewijs["invoer"].items() if v is not None}
    weer = client.post(URL, json={**opnieuw, "scenario": bewijs["scenario"]}).get_json()
    assert weer["resultaat"] == body["resultaat"]
    assert weer["scenario"] == body["scenario"]


def test_geen_lek_naar_een_ander_verzoek(client):
    """The overlay is a new parameter set with its own caches: the official answer before and after a scenario
    request is the same, in the API, the comparison and the batch."""
    voor = client.post(URL, json=CASE).get_json()
    client.post(URL, json={**CASE, "scenario": WML_15})
    client.post("/api/v1/batch", json={"scenario": WML_15, "berekeningen": [
        {"id": 1, "soort": "loonkostensubsidie", "invoer": CASE}]})
    na = client.post(URL, json=CASE).get_json()
    assert na == voor
    assert na["resultaat"]["loonkostensubsidie"] == "881.19" and "scenario" not in na
    assert default_parameters().at("wml.uurloon", date(2026, 1, 15)).status == "bevestigd"


def test_waarde_na_de_horizon_maakt_2027_mogelijk(client):
    geval = {"peildatum": "2027-03-01", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}
    # officially the values are known through 2026: a 2027 calculation is refused, naming the parameter
    r = client.post(URL, json=geval)
    assert r.status_code == 422 and "bekend tot en met 2026-12-31" in r.get_json()["fouten"][0]["bericht"]
    # a scenario with the four 2027 values the calculation uses (WML, vakantiebijslag 8 % (Wml art. 15), the 70 %
    # maximum (art. 10d lid 4) and the werkgeverslasten percentage, the last three as in 2026)
    officieel = default_parameters()
    procent = {n: format(officieel.at(n, date(2026, 12, 31)).waarde, "f") for n in
               ("wml.vakantiebijslag", "lks.maximum_percentage", "lks.werkgeverslasten_percentage")}
    scenario = {"naam": "Prognose 2027", "parameters": {
        "wml.uurloon": [{"vanaf": "2027-01-01", "waarde": "15.15"}],
        **{n: [{"vanaf": "2027-01-01", "waarde": w}] for n, w in procent.items()}}}
    body = client.post(URL, json={**geval, "scenario": scenario}).get_json()
    # 15,15 × 32 × 52 / 12 = 2 100,80; + 8 % = 168,06 (168,064) -> 2 268,86; loonwaarde 60 % = 1 361,32 (1 361,316);
    # LKS = 2 268,86 − 1 361,32 = 907,54; the year: 12 × 907,54 = 10 890,48
    assert body["resultaat"]["loonkostensubsidie"] == "907.54"
    assert body["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10890.48"
    assert {p["status"] for p in body["parameters"]} == {"scenario"}
    # the same with doortrekken_tot: the other values keep their last official value, marked as an assumption
    kort = {"naam": "WML 2027 +3 %", "parameters": {"wml.uurloon": [{"vanaf": "2027-01-01", "waarde": "15.15"}]},
            "doortrekken_tot": "2027-12-31"}
    body2 = client.post(URL, json={**geval, "scenario": kort}).get_json()
    assert body2["resultaat"] == body["resultaat"]
    doorgetrokken = {p["naam"]: p for p in body2["parameters"]}
    assert doorgetrokken["lks.maximum_percentage"]["status"] == "scenario"
    assert "doorgetrokken" in doorgetrokken["lks.maximum_percentage"]["bron"]
    # a scenario with only the WML still misses the other 2027 values: a 422 that names one
    r = client.post(URL, json={**geval, "scenario": {"naam": "alleen WML", "parameters": kort["parameters"]}})
    assert r.status_code == 422 and "2027-03-01" in r.get_json()["fouten"][0]["bericht"]


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
    r = client.post("/api/v1/vergelijking", json={"soort": "loonkostensubsidie", "scenario": WML_15,
                                                 "invoer": {k: v for k, v in CASE.items() if k != "peildatum"},
                                                 "peildata": ["2025-07-01", "2026-01-01"]})
    assert r.status_code == 200
    body = r.get_json()
    assert body["scenario"]["naam"] == "WML 15 euro" and body["waarschuwingen"][0].startswith("Berekend met scenario")
    juli, januari = body["uitkomsten"]
    # 2025-07-01 official (14,40): 862,62 (tests/test_bestandsvergelijking.py); 2026-01-01 scenario: 898,56
    assert juli["resultaat"]["loonkostensubsidie"] == "862.62"
    assert januari["resultaat"]["loonkostensubsidie"] == "898.56"
    assert januari["rekenbewijs"]["scenario"] == WML_15
    verschil = {v["veld"]: v["absoluut"] for v in januari["verschillen"]}
    assert verschil["loonkostensubsidie"] == "35.94"  # 898,56 − 862,62
    r = client.post("/api/v1/vergelijking", json={"soort": "loonkostensubsidie", "scenario": {"naam": "x"},
                                                 "invoer": {}, "peildata": []})
    assert r.status_code == 422
    assert {f["pad"] for f in r.get_json()["fouten"]} == {"$.peildata", "$.scenario.parameters"}


def test_batch_met_scenario(client):
    r = client.post("/api/v1/batch", json={"scenario": WML_15, "berekeningen": [
        {"id": "a", "soort": "loonkostensubsidie", "invoer": CASE},
        {"id": "b", "soort": "loonkostensubsidie", "invoer": {**CASE, "loonwaarde": 100}}]})
    body = r.get_json()
    assert r.status_code == 200 and body["scenario"]["naam"] == "WML 15 euro"
    assert [u["resultaat"]["loonkostensubsidie"] for u in body["uitkomsten"]] == ["898.56", "0.00"]
    assert all(u["rekenbewijs"]["scenario"] == WML_15 for u in body["uitkomsten"])
    r = client.post("/api/v1/batch", json={"scenario": {"naam": "x", "parameters": {"x": 1}}, "berekeningen": []})
    assert r.status_code == 422
    assert {f["pad"] for f in r.get_json()["fouten"]} == {"$.berekeningen", "$.scenario.parameters['x']"}


def test_elke_soort_neemt_een_scenario(client, app):
    """Every calculation endpoint accepts `scenario` (its own example with a scenario that changes nothing it
    uses still answers 200, marked as a scenario result)."""
    from api.soorten import SOORTEN

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
    assert "/api/v1/bestandsvergelijking" in spec["paths"]


def test_scenario_yaml_bestand():
    tekst = "naam: WML 2027\nparameters:\n  wml.uurloon:\n    - vanaf: 2027-01-01\n      waarde: 15.15\n"
    s = scenario_uit_yaml(tekst, default_parameters())
    assert s.canoniek() == {"naam": "WML 2027", "parameters": {"wml.uurloon": [{"vanaf": "2027-01-01", "waarde": "15.15"}]}}
    with pytest.raises(ScenarioFout) as exc:
        scenario_uit_yaml("naam: [", default_parameters())
    assert exc.value.fouten[0]["bericht"].startswith("Geen geldige YAML")
    assert json.dumps(s.canoniek())  # plain JSON data


def test_afgeleide_tabellen_per_scenario(client):
    """The LKS year total is computed from runs of months in which no WML value changes, a table derived from the
    parameter data and kept per parameter set. A scenario value from 1 April must start a run of its own, also when
    the official table for 2026 is already made: Jan-Mar 3 × 881,19 (14,71) + Apr-Jun 3 × 898,56 (15,00) +
    Jul-Dec 6 × 897,96 (14,99) = 2 643,57 + 2 695,68 + 5 387,76 = 10 727,01."""
    assert client.post(URL, json=CASE).get_json()["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10674.90"
    april = {"naam": "April", "parameters": {"wml.uurloon": [{"vanaf": "2026-04-01", "waarde": "15.00"}]}}
    body = client.post(URL, json={**CASE, "scenario": april}).get_json()
    assert body["resultaat"]["loonkostensubsidie"] == "881.19"  # 15 January: still the official 14,71
    assert body["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10727.01"
    assert client.post(URL, json=CASE).get_json()["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10674.90"


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

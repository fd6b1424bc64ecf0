"""Caseload comparison (issue 17): POST /api/v1/bestandsvergelijking and `rekenhulp vergelijk`.

Expected amounts from the law's arithmetic, written out per case.

Loonkostensubsidie (Participatiewet art. 10d lid 4: "het verschil tussen het wettelijk minimumloon en de loonwaarde",
at most 70 % of the WML incl. vakantiebijslag), 30 years old (full WML), uurloon 14,40 on 2025-07-01 (A) and 14,99
on 2026-07-01 (B). Per month: WML = uurloon × uren × 52 / 12 (cent), vakantiebijslag 8 % (Wml art. 15 lid 1, cent),
loonwaarde = lw % of the WML incl. vakantiebijslag (cent), LKS = min(that − loonwaarde, 70 %):
- L1 32 uur, lw 60. A: 14,40 × 1 664 / 12 = 1 996,80; + 159,74 = 2 156,54; − 1 293,92 = 862,62.
                    B: 14,99 × 1 664 / 12 = 2 078,61; + 166,29 = 2 244,90; − 1 346,94 = 897,96. Verschil 35,34.
- L2 40 uur, lw 40. A: 14,40 × 2 080 / 12 = 2 496,00; + 199,68 = 2 695,68; − 1 078,27 = 1 617,41.
                    B: 14,99 × 2 080 / 12 = 2 598,27; + 207,86 = 2 806,13; − 1 122,45 = 1 683,68. Verschil 66,27.
- L3 32 uur, lw 100: 0,00 in A and B (the loonwaarde equals the WML). Verschil 0.
- L4 24 uur, lw 20: the 70 % maximum. A: 14,40 × 1 248 / 12 = 1 497,60; + 119,81 = 1 617,41; 70 % = 1 132,19
                    (below 1 617,41 − 323,48 = 1 293,93). B: 14,99 × 1 248 / 12 = 1 558,96; + 124,72 = 1 683,68;
                    70 % = 1 178,58. Verschil 46,39.
- L5 uren_per_week 0: not computable (an error in A and B), not counted.
Totals: A 862,62 + 1 617,41 + 0 + 1 132,19 = 3 612,22; B 897,96 + 1 683,68 + 0 + 1 178,58 = 3 760,22; verschil 148,00.
These LKS amounts follow the engine's current month amount (uurloon × uren × 52 / 12, each month of the year with the
WML of that month). If the LKS rule for part-time work or for the yearly re-setting changes, the expected LKS amounts
change with it; the bijstandsnorm and quotumheffing cases do not depend on it.
"""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from rekenhulp.bestandsvergelijking import mooie_breedte, verdeling
from rekenhulp.cli import main

URL = "/api/v1/bestandsvergelijking"
LKS = [
    {"id": "L1", "wijk": "Noord", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60},
    {"id": "L2", "wijk": "Zuid", "leeftijd": 30, "uren_per_week": 40, "loonwaarde": 40},
    {"id": "L3", "wijk": "Noord", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 100},
    {"id": "L4", "wijk": "Zuid", "leeftijd": 30, "uren_per_week": 24, "loonwaarde": 20},
    {"id": "L5", "wijk": "Noord", "leeftijd": 30, "uren_per_week": 0, "loonwaarde": 60},
]


def test_lks_twee_peildata(client):
    r = client.post(URL, json={"soort": "loonkostensubsidie", "a": {"peildatum": "2025-07-01"},
                               "b": {"peildatum": "2026-07-01"}, "groep_op": "wijk", "gevallen": LKS})
    assert r.status_code == 200
    body = r.get_json()
    rijen = {g["id"]: g for g in body["gevallen"]}
    assert [g["id"] for g in body["gevallen"]] == ["L1", "L2", "L3", "L4", "L5"]
    lks = {i: (g["a"]["loonkostensubsidie"], g["b"]["loonkostensubsidie"], g["verschil"]["loonkostensubsidie"])
           for i, g in rijen.items() if not g["fouten"]}
    assert lks == {"L1": ("862.62", "897.96", "35.34"), "L2": ("1617.41", "1683.68", "66.27"),
                   "L3": ("0.00", "0.00", "0.00"), "L4": ("1132.19", "1178.58", "46.39")}
    assert rijen["L5"]["a"] is rijen["L5"]["b"] is rijen["L5"]["verschil"] is None
    assert {(f["situatie"], f["pad"]) for f in rijen["L5"]["fouten"]} == {("a", "$.uren_per_week"), ("b", "$.uren_per_week")}
    sv = body["samenvatting"]
    assert (sv["aantal"], sv["vergeleken"], sv["met_fouten"]) == (5, 4, 1)
    assert sv["bedragen"]["loonkostensubsidie"] == {"totaal_a": "3612.22", "totaal_b": "3760.22", "verschil": "148.00",
                                                    "stijgt": 3, "daalt": 0, "gelijk": 1}
    # the distribution of the differences 0, 35,34, 46,39 and 66,27: a spread of 66,27 fits in bins of 10,00
    # (6,6 bins; 5,00 would need 14): [0, 10) 1, [30, 40) 1, [40, 50) 1, [60, 70) 1
    v = sv["verdeling"]
    assert v["bedrag"] == "loonkostensubsidie" and v["klassebreedte"] == "10.00"
    assert [(k["van"], k["tot"], k["aantal"]) for k in v["klassen"]] == [
        ("0.00", "10.00", 1), ("10.00", "20.00", 0), ("20.00", "30.00", 0), ("30.00", "40.00", 1),
        ("40.00", "50.00", 1), ("50.00", "60.00", 0), ("60.00", "70.00", 1)]
    # per wijk: Noord L1 + L3 (L5 has errors), Zuid L2 + L4: 1 617,41 + 1 132,19 = 2 749,60 and 1 683,68 + 1 178,58 = 2 862,26
    groepen = {g["groep"]: (g["aantal"], g["bedragen"]["loonkostensubsidie"]) for g in sv["groepen"]}
    assert groepen == {
        "Noord": (2, {"totaal_a": "862.62", "totaal_b": "897.96", "verschil": "35.34", "stijgt": 1, "daalt": 0, "gelijk": 1}),
        "Zuid": (2, {"totaal_a": "2749.60", "totaal_b": "2862.26", "verschil": "112.66", "stijgt": 2, "daalt": 0, "gelijk": 0}),
    }
    assert body["a"]["peildatum"] == "2025-07-01" and body["a"]["scenario"] is None


def test_bijstand_peildatum_met_en_zonder_scenario(client):
    """Bijstandsnorm, one peildatum (2026-01-01), B with a scenario for the two 21+ norms. Participatiewet art. 21
    onder a (alleenstaande) and onder b (gehuwden) are the norms themselves (incl. vakantietoeslag): officially
    € 1 401,50 and € 2 002,13; the scenario: € 1 450,00 and € 1 990,00. The AOW norm (art. 22) is not in the
    scenario and stays € 1 564,69. Without income the aanvullende bijstand equals the norm."""
    scenario = {"naam": "Normen 2026 anders", "parameters": {
        "bijstand.norm_21.alleenstaande": [{"vanaf": "2026-01-01", "waarde": "1450.00"}],
        "bijstand.norm_21.gehuwden": [{"vanaf": "2026-01-01", "waarde": "1990.00"}]}}
    gevallen = [
        {"id": 1, "belanghebbende": {"leeftijd": 40}},
        {"id": 2, "belanghebbende": {"leeftijd": 30}},
        {"id": 3, "belanghebbende": {"leeftijd": 40}, "partner": {"leeftijd": 40}},
        {"id": 4, "belanghebbende": {"leeftijd": 70}},
        {"id": 5, "belanghebbende": {"leeftijd": 40}, "onbekend": True},
    ]
    r = client.post(URL, json={"soort": "bijstandsnorm", "a": {"peildatum": "2026-01-01"},
                               "b": {"peildatum": "2026-01-01", "scenario": scenario}, "gevallen": gevallen})
    body = r.get_json()
    assert r.status_code == 200
    norm = [(g["id"], g["verschil"] and g["verschil"]["norm"]) for g in body["gevallen"]]
    # 1 450,00 − 1 401,50 = 48,50; 1 990,00 − 2 002,13 = −12,13; AOW unchanged
    assert norm == [(1, "48.50"), (2, "48.50"), (3, "-12.13"), (4, "0.00"), (5, None)]
    assert body["gevallen"][4]["fouten"][0]["pad"] == "$.onbekend"
    sv = body["samenvatting"]
    # A: 1 401,50 × 2 + 2 002,13 + 1 564,69 = 6 369,82; B: 1 450,00 × 2 + 1 990,00 + 1 564,69 = 6 454,69; verschil 84,87
    assert sv["bedragen"]["norm"] == {"totaal_a": "6369.82", "totaal_b": "6454.69", "verschil": "84.87",
                                      "stijgt": 2, "daalt": 1, "gelijk": 1}
    assert sv["bedragen"]["aanvullende_bijstand"]["verschil"] == "84.87"
    assert body["b"]["scenario"]["naam"] == "Normen 2026 anders"
    assert body["b"]["rekenbewijs_scenario"] == scenario


def test_fouten_alle_tegelijk(client):
    r = client.post(URL, json={"soort": "x", "a": {"peildatum": "2025-13-01", "z": 1},
                               "b": {"scenario": {"naam": "y"}}, "gevallen": {}, "groep_op": 3, "klassebreedte": "-1"})
    assert r.status_code == 422
    assert {f["pad"] for f in r.get_json()["fouten"]} == {
        "$.soort", "$.a.peildatum", "$.a.z", "$.b.scenario.parameters", "$.gevallen", "$.groep_op", "$.klassebreedte"}


def test_te_veel_gevallen(client):
    from api.bestandsvergelijking import MAX_GEVALLEN

    r = client.post(URL, json={"soort": "loonkostensubsidie", "a": {}, "b": {},
                               "gevallen": [LKS[0]] * (MAX_GEVALLEN + 1)})
    assert r.status_code == 413


def test_verdeling_klassen():
    from decimal import Decimal as D
    from collections import Counter

    assert mooie_breedte(D("-3.00"), D("3.00")) == D("1.00")  # 6 / 1 = 6 bins
    assert mooie_breedte(D("0"), D("0")) == D("0.01")
    v = verdeling(Counter({D("-12.13"): 1, D("48.50"): 2, D("0.00"): 1}), D("25"))
    assert [(k["van"], k["aantal"]) for k in v["klassen"]] == [("-25.00", 1), ("0.00", 1), ("25.00", 2)]


def test_cli_vergelijk_csv(tmp_path):
    invoer = tmp_path / "bestand.csv"
    with open(invoer, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "wijk", "leeftijd", "uren_per_week", "loonwaarde"])
        for g in LKS:
            w.writerow([g["id"], g["wijk"], g["leeftijd"], g["uren_per_week"], g["loonwaarde"]])
    uit, samen = tmp_path / "uit.csv", tmp_path / "samenvatting.json"
    r = CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie",
                                  "--a", "2025-07-01", "--b", "2026-07-01", "--groep-op", "wijk",
                                  "--samenvatting", str(samen)])
    assert r.exit_code == 0, r.output
    assert "3612.22" in r.output and "3760.22" in r.output and "148.00" in r.output
    with open(uit, encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    assert [(x["id"], x["wijk"], x["verschil.loonkostensubsidie"]) for x in rijen] == [
        ("L1", "Noord", "35.34"), ("L2", "Zuid", "66.27"), ("L3", "Noord", "0.00"), ("L4", "Zuid", "46.39"),
        ("L5", "Noord", "")]
    assert "uren_per_week" in rijen[4]["fouten"] and rijen[4]["regel"] == "6"
    sv = json.loads(samen.read_text(encoding="utf-8"))["samenvatting"]
    assert sv["bedragen"]["loonkostensubsidie"]["verschil"] == "148.00"
    assert (sv["vergeleken"], sv["met_fouten"]) == (4, 1)


def test_cli_vergelijk_scenario_jsonl(tmp_path):
    """B: the same peildatum 2026-01-15 with a scenario: uurloon 15,00 from 2026-01-01. L1: official 881,19
    (14,71: tests/test_api_lks.py), scenario 898,56 (tests/test_scenario.py): verschil 17,37."""
    invoer = tmp_path / "in.jsonl"
    invoer.write_text(json.dumps({"id": "L1", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}) + "\n"
                      + "geen json\n", encoding="utf-8")
    sc = tmp_path / "wml.yaml"
    sc.write_text("naam: WML 15\nparameters:\n  wml.uurloon:\n    - vanaf: 2026-01-01\n      waarde: 15.00\n",
                  encoding="utf-8")
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie",
                                  "--a", "2026-01-15", "--b", "2026-01-15", "--scenario-b", str(sc)])
    assert r.exit_code == 0, r.output
    rijen = [json.loads(x) for x in uit.read_text(encoding="utf-8").splitlines()]
    assert rijen[0]["a"]["loonkostensubsidie"] == "881.19" and rijen[0]["b"]["loonkostensubsidie"] == "898.56"
    assert rijen[0]["verschil"]["loonkostensubsidie"] == "17.37"
    assert rijen[1]["fouten"][0]["bericht"] == "Geen geldige JSON op deze regel." and rijen[1]["regel"] == 2
    assert "scenario 'WML 15'" in r.output


def test_cli_slecht_scenario_bestand(tmp_path):
    invoer = tmp_path / "in.csv"
    invoer.write_text("id,leeftijd,uren_per_week,loonwaarde\n1,30,32,60\n", encoding="utf-8")
    sc = tmp_path / "slecht.yaml"
    sc.write_text("naam: x\nparameters:\n  wml.uurloon:\n    - vanaf: 2026-01-01\n      waarde: -5\n  geen.parameter: []\n",
                  encoding="utf-8")
    r = CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(tmp_path / "u.csv"), "--soort",
                                  "loonkostensubsidie", "--scenario-b", str(sc)])
    assert r.exit_code == 2
    assert "wml.uurloon op 2026-01-01: -5 is kleiner dan het minimum 0." in r.output
    assert "Onbekende parameter 'geen.parameter'" in r.output
    assert not (tmp_path / "u.csv").exists()


def test_cli_batch_met_scenario(tmp_path):
    invoer = tmp_path / "in.csv"
    invoer.write_text("id,leeftijd,uren_per_week,loonwaarde,peildatum\n1,30,32,60,2026-01-15\n", encoding="utf-8")
    sc = tmp_path / "wml.yaml"
    sc.write_text("naam: WML 15\nparameters:\n  wml.uurloon:\n    - vanaf: 2026-01-01\n      waarde: 15.00\n",
                  encoding="utf-8")
    uit = tmp_path / "uit.csv"
    r = CliRunner().invoke(main, ["batch", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie",
                                  "--scenario", str(sc)])
    assert r.exit_code == 0, r.output
    with open(uit, encoding="utf-8", newline="") as f:
        rij = next(csv.DictReader(f))
    assert rij["resultaat.loonkostensubsidie"] == "898.56"  # 15,00 per uur: tests/test_scenario.py
    assert rij["waarschuwingen"].startswith("Berekend met scenario 'WML 15'")


def test_csv_body(client):
    """The same caseload as test_lks_twee_peildata as a CSV body, plus a line that cannot be read."""
    csv_tekst = "id,wijk,leeftijd,uren_per_week,loonwaarde\n" + "".join(
        f"{g['id']},{g['wijk']},{g['leeftijd']},{g['uren_per_week']},{g['loonwaarde']}\n" for g in LKS) + "L6,Zuid,1,2,3,4\n"
    r = client.post(URL + "?soort=loonkostensubsidie&a=2025-07-01&b=2026-07-01&groep_op=wijk", data=csv_tekst,
                    content_type="text/csv")
    assert r.status_code == 200
    body = r.get_json()
    sv = body["samenvatting"]
    assert (sv["aantal"], sv["vergeleken"], sv["met_fouten"]) == (6, 4, 2)
    assert sv["bedragen"]["loonkostensubsidie"]["verschil"] == "148.00"
    assert body["gevallen"][5]["fouten"][0]["bericht"] == "6 waarden, maar de kopregel heeft 5 kolommen."
    r = client.post(URL + "?soort=x", data=csv_tekst, content_type="text/csv")
    assert r.status_code == 422


def test_quotumheffing_met_scenario(client):
    """Wfsv art. 38h lid 4: "De quotumheffing bedraagt het quotumtekort vermenigvuldigd met € 5.000." Scenario B:
    € 6.000 per ontbrekende arbeidsplaats. Q1: 2,76 % of 100 000 verloonde uren = 2 760 benodigde uren, 1 331
    gerealiseerd, tekort 1 429 uren = 1 429 / 1 331 arbeidsplaatsen; A: 1 429 × 5 000 / 1 331 = 5 368,144.. -> 5 368,14;
    B: 1 429 × 6 000 / 1 331 = 6 441,773.. -> 6 441,77 (rounded once, to the cent). Q2: 2 760 gerealiseerd, no tekort."""
    scenario = {"naam": "Heffing 6000", "parameters": {"quotum.heffing_per_arbeidsplaats": [
        {"vanaf": "2024-01-01", "waarde": "6000"}]}}
    basis = {"jaar": 2024, "sector": "overheid", "verloonde_uren_totaal": 100000, "verloonde_uren_doelgroep_ingeleend": 0,
             "quotumpercentage": "2.76"}
    r = client.post(URL, json={"soort": "quotumheffing", "a": {}, "b": {"scenario": scenario}, "gevallen": [
        {"id": "Q1", **basis, "verloonde_uren_doelgroep": 1331}, {"id": "Q2", **basis, "verloonde_uren_doelgroep": 2760}]})
    body = r.get_json()
    assert r.status_code == 200
    assert [(g["a"]["heffing"], g["b"]["heffing"]) for g in body["gevallen"]] == [("5368.14", "6441.77"), ("0.00", "0.00")]
    assert body["samenvatting"]["bedragen"]["heffing"] == {"totaal_a": "5368.14", "totaal_b": "6441.77",
                                                           "verschil": "1073.63", "stijgt": 1, "daalt": 0, "gelijk": 1}

"""Caseload comparison (issue 17): POST /api/v1/bestandsvergelijking and `rekenhulp vergelijk`.

Expected amounts from the law's arithmetic, written out per case.

Loonkostensubsidie, texts of the Participatiewet geldig vanaf 2025-07-01 and 2026-01-01 (README "Loonkostensubsidie:
hoe er gerekend wordt"): art. 2, the wettelijk minimumloon is "het minimumloon per maand, bedoeld in artikel 8, eerste
lid, onderdeel b" of the Wml (`wml.maandloon`); art. 10d lid 4, "naar evenredigheid verminderd of vermeerderd, indien
de overeengekomen arbeidsduur korter of langer is dan 36 uren per week", at most the full-time hours of the function
(standaard 38); LKS = "het verschil tussen het wettelijk minimumloon en de loonwaarde", at most 70 % of the WML incl.
vakantiebijslag; art. 10d lid 7, set again "met ingang van 1 januari van het kalenderjaar". So the peildatum
2025-07-01 (A) computes with the maandloon of 1 January 2025, € 2.191,80 (not the 2.245,80 of 1 July), and
2026-07-01 (B) with that of 1 January 2026, € 2.294,40 (not the 2.337,00 of 1 July). 30 years old (full WML).
Per month: WML = maandloon × min(uren, 38) / 36 (cent), vakantiebijslag 8 % (Wml art. 15 lid 1, cent),
loonwaarde = lw % of the WML incl. vakantiebijslag (cent), LKS = min(that − loonwaarde, 70 %):
- L1 32 uur, lw 60. A: 2 191,80 × 32 / 36 = 1 948,27 (1 948,266..); + 155,86 = 2 104,13; − 1 262,48 = 841,65.
                    B: 2 294,40 × 32 / 36 = 2 039,47 (2 039,466..); + 163,16 = 2 202,63; − 1 321,58 = 881,05.
                    Verschil 39,40.
- L2 40 uur, lw 40: the hours count as the 38 of the function. A: 2 191,80 × 38 / 36 = 2 313,57 (2 313,566..);
                    + 185,09 = 2 498,66; − 999,46 (999,464) = 1 499,20 (70 % = 1 749,06 not reached).
                    B: 2 294,40 × 38 / 36 = 2 421,87 (2 421,866..); + 193,75 = 2 615,62; − 1 046,25 (1 046,248)
                    = 1 569,37 (70 % = 1 830,93 not reached). Verschil 70,17.
- L3 32 uur, lw 100: 0,00 in A and B (the loonwaarde equals the WML). Verschil 0.
- L4 24 uur, lw 20: the 70 % maximum. A: 2 191,80 × 24 / 36 = 1 461,20; + 116,90 (116,896) = 1 578,10;
                    70 % = 1 104,67 (below 1 578,10 − 315,62 = 1 262,48). B: 2 294,40 × 24 / 36 = 1 529,60;
                    + 122,37 (122,368) = 1 651,97; 70 % = 1 156,38 (1 156,379; below 1 651,97 − 330,39 = 1 321,58).
                    Verschil 51,71.
- L5 uren_per_week 0: not computable (an error in A and B), not counted.
Totals: A 841,65 + 1 499,20 + 0 + 1 104,67 = 3 445,52; B 881,05 + 1 569,37 + 0 + 1 156,38 = 3 606,80; verschil 161,28
(= 39,40 + 70,17 + 51,71).
The scenario cases: wml.maandloon 2 400,00 from 2026-01-01, L1 on 2026-01-15: 2 400,00 × 32 / 36 = 2 133,33;
+ 170,67 = 2 304,00; − 1 382,40 = 921,60 (tests/test_scenario.py). The bijstandsnorm and quotumheffing cases do not
depend on the LKS rule.
"""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from batch.bestandsvergelijking import mooie_breedte, verdeling
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
    assert lks == {"L1": ("841.65", "881.05", "39.40"), "L2": ("1499.20", "1569.37", "70.17"),
                   "L3": ("0.00", "0.00", "0.00"), "L4": ("1104.67", "1156.38", "51.71")}
    assert rijen["L5"]["a"] is rijen["L5"]["b"] is rijen["L5"]["verschil"] is None
    assert {(f["situatie"], f["pad"]) for f in rijen["L5"]["fouten"]} == {("a", "$.uren_per_week"), ("b", "$.uren_per_week")}
    sv = body["samenvatting"]
    assert (sv["aantal"], sv["vergeleken"], sv["met_fouten"]) == (5, 4, 1)
    assert sv["bedragen"]["loonkostensubsidie"] == {"totaal_a": "3445.52", "totaal_b": "3606.80", "verschil": "161.28",
                                                    "stijgt": 3, "daalt": 0, "gelijk": 1}
    # the distribution of the differences 0, 39,40, 51,71 and 70,17: a spread of 70,17 fits in bins of 10,00
    # (7,0 bins, fewer than 12 − 1; 5,00 would need 14,0): [0, 10) 1, [30, 40) 1, [50, 60) 1, [70, 80) 1
    v = sv["verdeling"]
    assert v["bedrag"] == "loonkostensubsidie" and v["klassebreedte"] == "10.00"
    assert [(k["van"], k["tot"], k["aantal"]) for k in v["klassen"]] == [
        ("0.00", "10.00", 1), ("10.00", "20.00", 0), ("20.00", "30.00", 0), ("30.00", "40.00", 1),
        ("40.00", "50.00", 0), ("50.00", "60.00", 1), ("60.00", "70.00", 0), ("70.00", "80.00", 1)]
    # per wijk: Noord L1 + L3 (L5 has errors), Zuid L2 + L4: 1 499,20 + 1 104,67 = 2 603,87 and
    # 1 569,37 + 1 156,38 = 2 725,75, verschil 121,88 (70,17 + 51,71)
    groepen = {g["groep"]: (g["aantal"], g["bedragen"]["loonkostensubsidie"]) for g in sv["groepen"]}
    assert groepen == {
        "Noord": (2, {"totaal_a": "841.65", "totaal_b": "881.05", "verschil": "39.40", "stijgt": 1, "daalt": 0, "gelijk": 1}),
        "Zuid": (2, {"totaal_a": "2603.87", "totaal_b": "2725.75", "verschil": "121.88", "stijgt": 2, "daalt": 0, "gelijk": 0}),
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
    assert "3445.52" in r.output and "3606.80" in r.output and "161.28" in r.output
    with open(uit, encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    assert [(x["id"], x["wijk"], x["verschil.loonkostensubsidie"]) for x in rijen] == [
        ("L1", "Noord", "39.40"), ("L2", "Zuid", "70.17"), ("L3", "Noord", "0.00"), ("L4", "Zuid", "51.71"),
        ("L5", "Noord", "")]
    assert "uren_per_week" in rijen[4]["fouten"] and rijen[4]["regel"] == "6"
    sv = json.loads(samen.read_text(encoding="utf-8"))["samenvatting"]
    assert sv["bedragen"]["loonkostensubsidie"]["verschil"] == "161.28"
    assert (sv["vergeleken"], sv["met_fouten"]) == (4, 1)


def test_cli_vergelijk_weigert_een_niet_gesloten_aanhalingsteken(tmp_path):
    """Issue 19 item 6 for the caseload comparison too (it reads its CSV as `rekenhulp batch` does): a quote that
    is not closed would take every following row into one value; the file is refused, naming the line, and no
    output is left behind."""
    invoer = tmp_path / "bestand.csv"
    regels = ["id,leeftijd,uren_per_week,loonwaarde", '"L1,30,32,60'] + [f"L{i},30,32,60" for i in range(2, 11)]
    invoer.write_text("\n".join(regels) + "\n", encoding="utf-8")
    uit = tmp_path / "uit.csv"
    r = CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie",
                                  "--a", "2025-07-01", "--b", "2026-07-01"])
    assert r.exit_code == 1, r.output
    assert "Regel 2: een aanhalingsteken" in r.output
    assert not uit.exists()


def test_cli_vergelijk_scenario_jsonl(tmp_path):
    """B: the same peildatum 2026-01-15 with a scenario: wml.maandloon 2 400,00 from 2026-01-01. L1: official 881,05
    (2 294,40, see above), scenario 921,60 (see above): verschil 40,55."""
    invoer = tmp_path / "in.jsonl"
    invoer.write_text(json.dumps({"id": "L1", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}) + "\n"
                      + "geen json\n", encoding="utf-8")
    sc = tmp_path / "wml.yaml"
    sc.write_text("naam: WML 2400\nparameters:\n  wml.maandloon:\n    - vanaf: 2026-01-01\n      waarde: 2400.00\n",
                  encoding="utf-8")
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie",
                                  "--a", "2026-01-15", "--b", "2026-01-15", "--scenario-b", str(sc)])
    assert r.exit_code == 0, r.output
    rijen = [json.loads(x) for x in uit.read_text(encoding="utf-8").splitlines()]
    assert rijen[0]["a"]["loonkostensubsidie"] == "881.05" and rijen[0]["b"]["loonkostensubsidie"] == "921.60"
    assert rijen[0]["verschil"]["loonkostensubsidie"] == "40.55"
    assert rijen[1]["fouten"][0]["bericht"] == "Geen geldige JSON op deze regel." and rijen[1]["regel"] == 2
    assert "scenario 'WML 2400'" in r.output


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
    sc.write_text("naam: WML 2400\nparameters:\n  wml.maandloon:\n    - vanaf: 2026-01-01\n      waarde: 2400.00\n",
                  encoding="utf-8")
    uit = tmp_path / "uit.csv"
    r = CliRunner().invoke(main, ["batch", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie",
                                  "--scenario", str(sc)])
    assert r.exit_code == 0, r.output
    from tests.test_batch_spreadsheets import rijen_en_legenda

    rijen, legenda = rijen_en_legenda(uit.read_text(encoding="utf-8"))
    rij = rijen[0]
    assert rij["resultaat.loonkostensubsidie"] == "921.60"  # maandloon 2 400,00: see above
    # the warnings as codes, the texts once at the end (issue 18): the scenario's comes first
    assert legenda[rij["waarschuwingen"].split()[0]].startswith("Berekend met scenario 'WML 2400'")


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
    assert sv["bedragen"]["loonkostensubsidie"]["verschil"] == "161.28"
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

"""The JSON API contract for the loonkostensubsidie: envelope, amounts as strings, receipt,
explanation on request, default peildatum, and the problem+json error format."""

from __future__ import annotations

import json
from decimal import Decimal

from freezegun import freeze_time

import calculator
from parameters import default_parameters

URL = "/api/v1/loonkostensubsidie"
CASE = {"peildatum": "2026-01-15", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}


def test_envelop_bedragen_als_strings_en_rekenbewijs(client):
    r = client.post(URL, json=CASE)
    assert r.status_code == 200 and r.mimetype == "application/json"
    body = r.get_json()
    res = body["resultaat"]
    # amounts: see tests/test_loonkostensubsidie.py::test_deeltijd_32_uur_loonwaarde_60 for the arithmetic
    # (2294,40 × 32 / 36 = 2039,47; + 8 % 163,16 = 2202,63; LKS 881,05; wgl 207,05)
    assert res["loonkostensubsidie"] == "881.05"
    assert res["werkgeverslasten"] == "207.05"
    assert res["totaal"] == "1088.10"
    assert res["wml_per_uur"] == "14.71" and res["wml_per_maand"] == "2039.47"
    assert res["wml_per_maand_incl_vakantiebijslag"] == "2202.63"
    assert res["maximum_bereikt"] is False
    # the year totals are always there (every month at the amount of 1 January, art. 10d lid 7: see
    # test_jaaroverzicht_op_verzoek); the 12 months only on request
    assert res["per_jaar"]["jaar"] == 2026 and res["per_jaar"]["maanden"] is None
    assert res["per_jaar"]["vastgesteld_per"] == "2026-01-01"
    assert (res["per_jaar"]["loonkostensubsidie"], res["per_jaar"]["werkgeverslasten"], res["per_jaar"]["totaal"]) == (
        "10572.60", "2484.60", "13057.20")
    assert "uitleg" not in body
    bewijs = body["rekenbewijs"]
    assert bewijs["engine_versie"] == calculator.__version__
    assert bewijs["parameters_vingerafdruk"] == default_parameters().fingerprint
    assert bewijs["peildatum"] == "2026-01-15"
    assert bewijs["invoer"]["jaaroverzicht"] is False
    assert bewijs["invoer"]["begindatum_dienstbetrekking"] is None
    assert r.headers["X-Rekenhulp-Parameters"] == default_parameters().fingerprint
    # only the values of 1 January 2026 are used: the monthly WML of Pw art. 2 and, for the hourly minimum on the
    # peildatum, the minimumuurloon; nothing of 1 July (lid 7)
    gebruikt = {(p["naam"], p["geldig_vanaf"]): p for p in body["parameters"]}
    assert gebruikt[("wml.maandloon", "2026-01-01")]["waarde"] == "2294.40"
    assert gebruikt[("wml.maandloon", "2026-01-01")]["status"] == "bevestigd"
    assert gebruikt[("wml.uurloon", "2026-01-01")]["waarde"] == "14.71"
    assert gebruikt[("lks.arbeidsduur_uren_per_week", "2024-01-01")]["waarde"] == "36"
    assert not any(vanaf == "2026-07-01" for _, vanaf in gebruikt)
    assert all(p["bron"] for p in body["parameters"])
    assert any("werkgeverslasten" in w for w in body["waarschuwingen"])  # 23,5 % is voorlopig
    assert any("hele jaar 2026" in w for w in body["waarschuwingen"])  # no begindatum


def test_jaaroverzicht_op_verzoek(client):
    body = client.post(URL, json={**CASE, "jaaroverzicht": True}).get_json()
    res = body["resultaat"]
    assert res["loonkostensubsidie"] == "881.05"  # the month itself does not change
    per_jaar = res["per_jaar"]
    assert [m["maand"] for m in per_jaar["maanden"]] == [f"2026-{m:02d}" for m in range(1, 13)]
    # art. 10d lid 7: set again only on 1 January, so July-December keep the January amount 881,05 / 207,05
    maanden = per_jaar["maanden"]
    assert {m["loonkostensubsidie"] for m in maanden} == {"881.05"}
    # 12 × 881,05 = 10572,60
    assert per_jaar["loonkostensubsidie"] == "10572.60" == str(12 * Decimal("881.05"))
    assert per_jaar["werkgeverslasten"] == "2484.60"  # 12 × 207,05
    assert per_jaar["totaal"] == "13057.20"  # 10572,60 + 2484,60
    # the same totals, parameters and warnings as without the months
    zonder = client.post(URL, json=CASE).get_json()
    assert {k: v for k, v in per_jaar.items() if k != "maanden"} == \
        {k: v for k, v in zonder["resultaat"]["per_jaar"].items() if k != "maanden"}
    assert body["parameters"] == zonder["parameters"] and body["waarschuwingen"] == zonder["waarschuwingen"]
    assert body["rekenbewijs"]["invoer"]["jaaroverzicht"] is True


def test_dienstbetrekking_in_api_en_rekenbewijs(client):
    # issue 14: begindatum 2025-12-01, forfaitair, 36 h, 21+: 50 % × 2477,95 = 1238,98 in January-May 2026
    case = {"peildatum": "2026-03-01", "leeftijd": 30, "uren_per_week": 36, "forfaitair": True,
            "begindatum_dienstbetrekking": "2025-12-01", "jaaroverzicht": True}
    body = client.post(URL, json=case).get_json()
    per_jaar = body["resultaat"]["per_jaar"]
    assert [m["loonkostensubsidie"] for m in per_jaar["maanden"]] == ["1238.98"] * 5 + ["0.00"] * 7
    assert per_jaar["loonkostensubsidie"] == "6194.90"  # 5 × 1238,98
    assert body["rekenbewijs"]["invoer"]["begindatum_dienstbetrekking"] == "2025-12-01"
    # after the six months: a 422 that asks for the loonwaarde
    r = client.post(URL, json={**case, "peildatum": "2026-06-01"})
    assert r.status_code == 422
    fout = r.get_json()["fouten"][0]
    assert fout["pad"] == "$.loonwaarde" and "loonwaarde" in fout["bericht"] and "31 mei 2026" in fout["bericht"]


def test_dienstbetrekking_tot_het_einde_van_de_kalender(client):
    r = client.post(URL, json={**CASE, "begindatum_dienstbetrekking": "0001-01-01",
                               "einddatum_dienstbetrekking": "9999-12-31"})
    assert r.status_code == 200 and r.get_json()["resultaat"]["per_jaar"]["loonkostensubsidie"] == "10572.60"


def test_dienstbetrekking_datums_alle_fouten_tegelijk(client):
    r = client.post(URL, json={**CASE, "begindatum_dienstbetrekking": "2026-03-01",
                               "einddatum_dienstbetrekking": "2026-02-01"})
    assert r.status_code == 422
    fouten = {f["pad"]: f["bericht"] for f in r.get_json()["fouten"]}
    assert fouten == {
        "$.einddatum_dienstbetrekking": "De einddatum van de dienstbetrekking ligt vóór de begindatum.",
        "$.peildatum": "De peildatum ligt vóór de begindatum van de dienstbetrekking: dan is er nog geen "
                       "loonkostensubsidie. Kies een peildatum vanaf de begindatum.",
    }


def test_rekenbewijs_reproduceert_het_resultaat(client):
    for case in (CASE, {**CASE, "jaaroverzicht": True}):
        eerste = client.post(URL, json=case).get_json()
        tweede = client.post(URL, json=eerste["rekenbewijs"]["invoer"]).get_json()
        assert tweede["resultaat"] == eerste["resultaat"]
        assert tweede["rekenbewijs"] == eerste["rekenbewijs"]


def test_uitleg_op_verzoek(client):
    body = client.post(URL + "?uitleg=true", json=CASE).get_json()
    stappen = body["uitleg"]
    assert [s["nummer"] for s in stappen] == list(range(1, len(stappen) + 1))
    loonkosten = next(s for s in stappen if s["omschrijving"] == "Loonkostensubsidie per maand")
    assert loonkosten["bedrag"] == "881.05" and "art. 10d" in loonkosten["grondslag"]
    pro_rata = next(s for s in stappen if s["omschrijving"] == "Minimumloon per maand voor de contracturen")
    assert pro_rata["berekening"] == "€\xa02.294,40 × 32 / 36 = €\xa02.039,47 (afgerond op de cent)"
    assert "art. 10d lid 4" in pro_rata["grondslag"]


def test_standaard_peildatum_is_vandaag(client):
    with freeze_time("2025-12-31"):
        dec = client.post(URL, json={"leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}).get_json()
    with freeze_time("2026-01-01"):
        jan = client.post(URL, json={"leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}).get_json()
    assert dec["rekenbewijs"]["peildatum"] == "2025-12-31" and jan["rekenbewijs"]["peildatum"] == "2026-01-01"
    # the 1 January switch: 14,40 (from 2025-07-01) on the 31st, 14,71 on the 1st
    assert dec["resultaat"]["wml_per_uur"] == "14.40" and jan["resultaat"]["wml_per_uur"] == "14.71"


def test_1_juli_lopende_en_nieuwe_dienstbetrekking(client):
    with freeze_time("2026-07-01"):
        lopend = client.post(URL, json={"leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}).get_json()
        nieuw = client.post(URL, json={"leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60,
                                       "begindatum_dienstbetrekking": "2026-07-01"}).get_json()
    # the werkgever pays at least the hourly WML of 1 July 2026 (14,99, Stcrt. 2026, 16505: bevestigd) ...
    uurloon = next(p for p in lopend["parameters"] if p["naam"] == "wml.uurloon" and p["geldig_vanaf"] == "2026-07-01")
    assert uurloon["waarde"] == "14.99" and uurloon["status"] == "bevestigd"
    assert lopend["resultaat"]["wml_per_uur"] == "14.99"
    # ... but a running LKS stays at its 1 January amount (art. 10d lid 7): 2294,40 × 32 / 36 = 2039,47
    assert lopend["resultaat"]["wml_per_maand"] == "2039.47"
    # a dienstbetrekking starting on 1 July: the WML then in force: 2337,00 × 32 / 36 = 2077,3333.. -> 2077,33
    assert nieuw["resultaat"]["wml_per_maand"] == "2077.33"
    assert nieuw["resultaat"]["per_jaar"]["vastgesteld_per"] == "2026-07-01"
    assert not any("wml.uurloon" in w for w in lopend["waarschuwingen"])


def test_alle_veldfouten_tegelijk_met_pad_en_nederlandse_tekst(client):
    r = client.post(URL, json={"peildatum": "2026-02-30", "leeftijd": "dertig", "uren_per_week": -4,
                               "loonwaarde": 101, "forfaitair": "misschien", "kleur": "rood"})
    assert r.status_code == 422 and r.mimetype == "application/problem+json"
    body = r.get_json()
    assert body["status"] == 422 and body["title"] == "Ongeldige invoer"
    fouten = {f["pad"]: f["bericht"] for f in body["fouten"]}
    assert fouten == {
        "$.peildatum": "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01.",
        "$.leeftijd": "Geen geldig geheel getal.",
        "$.uren_per_week": "Vul een waarde van 0.01 tot en met 60 in.",
        "$.loonwaarde": "Vul een waarde van 0 tot en met 100 in.",
        "$.forfaitair": "Kies ja (true) of nee (false).",
        "$.kleur": "Onbekend veld.",
    }


def test_verplichte_velden(client):
    body = client.post(URL, json={}).get_json()
    fouten = {f["pad"]: f["bericht"] for f in body["fouten"]}
    assert fouten["$.uren_per_week"] == "Dit veld is verplicht."
    # the schema-level checks (birth date/age, loonwaarde) need the field checks to pass first


def test_geboortedatum_en_leeftijd_samen(client):
    body = client.post(URL, json={**CASE, "geboortedatum": "1990-01-01"}).get_json()
    assert {"pad": "$.leeftijd", "bericht": "Vul een geboortedatum óf een leeftijd in, niet allebei."} in body["fouten"]


def test_loonwaarde_nodig_tenzij_forfaitair(client):
    r = client.post(URL, json={"peildatum": "2026-01-15", "leeftijd": 30, "uren_per_week": 32})
    assert r.status_code == 422
    assert r.get_json()["fouten"][0]["pad"] == "$.loonwaarde"
    assert client.post(URL, json={"peildatum": "2026-01-15", "leeftijd": 30, "uren_per_week": 32, "forfaitair": True}).status_code == 200


def test_periode_zonder_parameter_geeft_422_met_naam_en_datum(client):
    r = client.post(URL, json={**CASE, "peildatum": "2027-03-01"})
    assert r.status_code == 422
    fout = r.get_json()["fouten"][0]
    assert fout["pad"] == "$.peildatum"
    # the LKS of 2027 would be set with the values of 1 January 2027 (art. 10d lid 7): the message names a
    # parameter and that date
    assert "2027-01-01" in fout["bericht"] and ("wml." in fout["bericht"] or "lks." in fout["bericht"])


def test_jonger_dan_15(client):
    r = client.post(URL, json={**CASE, "leeftijd": 14})
    assert r.status_code == 422
    assert r.get_json()["fouten"] == [{"pad": "$.leeftijd", "bericht": "Voor een werknemer jonger dan 15 jaar geldt geen wettelijk minimumloon."}]


def test_kapotte_json_400(client):
    r = client.post(URL, data="{niet: json", content_type="application/json")
    assert r.status_code == 400 and r.mimetype == "application/problem+json"
    assert r.get_json()["title"] == "Ongeldige JSON"


def test_lege_body_400_en_geen_object_422(client):
    assert client.post(URL, data="", content_type="application/json").status_code == 400
    r = client.post(URL, data="[1, 2]", content_type="application/json")
    assert r.status_code == 422 and r.get_json()["fouten"] == [{"pad": "$", "bericht": "Verwacht een JSON-object."}]


def test_verkeerd_inhoudstype_415(client):
    r = client.post(URL, data="leeftijd=30", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415 and r.mimetype == "application/problem+json"


def test_te_grote_body_413(client):
    r = client.post(URL, data=json.dumps({"x": "a" * (2 * 1024 * 1024)}), content_type="application/json")
    assert r.status_code == 413 and r.mimetype == "application/problem+json"


def test_diep_geneste_json_geen_500(client):
    r = client.post(URL, data="[" * 100000 + "]" * 100000, content_type="application/json")
    assert r.status_code in (400, 413, 422)


def test_onbekende_route_en_methode_als_problem_json(client):
    r = client.get("/api/v1/bestaat-niet")
    assert r.status_code == 404 and r.mimetype == "application/problem+json"
    r = client.get(URL)
    assert r.status_code == 405 and r.mimetype == "application/problem+json"


def test_openapi_uit_de_schemas(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert spec["servers"][0]["url"].endswith("/api/v1")  # paths are relative to the versioned base
    op = spec["paths"][URL.removeprefix("/api/v1")]["post"]
    invoer = spec["components"]["schemas"]["LoonkostensubsidieInvoer"]["properties"]
    assert {"peildatum", "geboortedatum", "leeftijd", "uren_per_week", "voltijd_uren_per_week", "loonwaarde",
            "forfaitair", "bbl", "functieloon_per_uur", "begindatum_dienstbetrekking",
            "einddatum_dienstbetrekking"} <= set(invoer)
    assert invoer["begindatum_dienstbetrekking"]["format"] == "date"
    assert {"200", "400", "415", "422"} <= set(op["responses"])
    assert client.get("/api/v1/docs").status_code == 200


def test_niets_over_personen_in_de_cache(client):
    r = client.post(URL, json=CASE)
    assert r.headers["Cache-Control"] == "no-store"

"""Quotumheffing over the JSON API and the web form: contract, errors (every field at once, JSON paths,
Dutch messages), explanation, receipt, and the web round trip. Amounts: see tests/test_quotumheffing.py
(2,76 % × 100.000 uur = 2.760 uur; 2.760 / 1.331 × € 5.000 = € 10.368,14)."""

from __future__ import annotations

from tests.conftest import csrf_token

URL = "/api/v1/quotumheffing"
GOED = {"jaar": 2024, "sector": "overheid", "verloonde_uren_totaal": 100000, "verloonde_uren_doelgroep": 0}


def fouten(resp) -> dict[str, str]:
    assert resp.status_code == 422, resp.get_data(as_text=True)
    assert resp.mimetype == "application/problem+json"
    return {f["pad"]: f["bericht"] for f in resp.get_json()["fouten"]}


def test_api_resultaat_en_envelop(client):
    resp = client.post(URL + "?uitleg=true", json=GOED)
    assert resp.status_code == 200
    body = resp.get_json()
    r = body["resultaat"]
    assert body["soort"] == "quotumheffing"
    assert r["quotumplichtig"] is True
    assert r["quotumpercentage"] == "2.76" and r["quotumpercentage_bron"] == "officieel"
    assert r["benodigde_arbeidsplaatsen"] == "2.0736"  # 2.760 / 1.331 = 2,07362... (display: 4 decimals)
    assert r["gerealiseerde_arbeidsplaatsen"] == "0.0000"
    assert r["ontbrekende_arbeidsplaatsen"] == "2.0736"
    assert r["heffing"] == "10368.14"
    assert r["heffing_geactiveerd"] is False
    assert r["te_betalen_heffing"] == "0.00"
    assert "geen quotumheffing opgelegd" in r["toelichting_heffing"]
    namen = {p["naam"] for p in body["parameters"]}
    assert {"quotum.percentage.overheid", "quotum.heffing_geactiveerd.overheid", "quotum.uren_per_arbeidsplaats",
            "quotum.heffing_per_arbeidsplaats", "quotum.drempel_verloonde_uren"} <= namen
    assert body["uitleg"] and all(s["grondslag"] for s in body["uitleg"])
    assert body["rekenbewijs"]["peildatum"] == "2024-01-01"


def test_api_rekenbewijs_opnieuw_insturen_geeft_zelfde_uitkomst(client):
    eerste = client.post(URL, json={**GOED, "verloonde_uren_doelgroep_ingeleend": "429.5"}).get_json()
    tweede = client.post(URL, json=eerste["rekenbewijs"]["invoer"]).get_json()
    assert tweede["resultaat"] == eerste["resultaat"]


def test_api_opgegeven_percentage(client):
    # markt 2023 has no official percentage: 3 % × 50.000 = 1.500 uur → 1.500 / 1.331 × € 5.000 = € 5.634,86
    body = client.post(URL, json={"jaar": 2023, "sector": "markt", "verloonde_uren_totaal": 50000,
                                  "verloonde_uren_doelgroep": 0, "quotumpercentage": "3"}).get_json()
    assert body["resultaat"]["quotumpercentage_bron"] == "opgegeven"
    assert body["resultaat"]["officieel_quotumpercentage"] is None
    assert body["resultaat"]["heffing"] == "5634.86"
    assert any("zelf heeft opgegeven" in w for w in body["waarschuwingen"])


def test_api_zonder_percentage_vraagt_erom(client):
    f = fouten(client.post(URL, json={**GOED, "jaar": 2025}))
    assert list(f) == ["$.quotumpercentage"]
    assert "Vul het quotumpercentage in" in f["$.quotumpercentage"]


def test_api_alle_fouten_tegelijk(client):
    f = fouten(client.post(URL, json={"jaar": 2021, "sector": "zorg", "verloonde_uren_totaal": -1,
                                      "verloonde_uren_doelgroep": -5, "verloonde_uren_doelgroep_ingeleend": -2,
                                      "quotumpercentage": 101}))
    assert set(f) == {"$.jaar", "$.sector", "$.verloonde_uren_totaal", "$.verloonde_uren_doelgroep",
                      "$.verloonde_uren_doelgroep_ingeleend", "$.quotumpercentage"}
    assert f["$.jaar"].startswith("Kies een jaar van 2022 tot en met 2026")
    assert f["$.sector"] == "Kies een van: markt, overheid."
    assert f["$.verloonde_uren_totaal"] == "Vul een waarde van 0 of meer in."


def test_api_jaar_na_2026_en_ontbrekende_velden(client):
    r = client.post(URL, json={**GOED, "jaar": 2027})
    assert r.status_code == 422 and "$.jaar" in fouten(r)
    assert r.get_json()["bekend_tot"] == "2026-12-31"  # the horizon of the parameters (issue 15)
    f = fouten(client.post(URL, json={"jaar": 2024}))
    assert f["$.sector"] == f["$.verloonde_uren_totaal"] == f["$.verloonde_uren_doelgroep"] == "Dit veld is verplicht."


def test_api_doelgroepuren_boven_totaal(client):
    f = fouten(client.post(URL, json={**GOED, "verloonde_uren_totaal": 1000, "verloonde_uren_doelgroep": 1000.5}))
    assert list(f) == ["$.verloonde_uren_doelgroep"]
    assert "niet meer zijn dan het totaal" in f["$.verloonde_uren_doelgroep"]
    # ingeleende uren are not part of the own total: more hired-in than own hours is allowed
    assert client.post(URL, json={**GOED, "verloonde_uren_totaal": 1000, "verloonde_uren_doelgroep": 1000,
                                  "verloonde_uren_doelgroep_ingeleend": 5000}).status_code == 200


def test_api_onbekend_veld_en_geen_object(client):
    assert "$.uren" in fouten(client.post(URL, json={**GOED, "uren": 3}))
    assert client.post(URL, json=[1, 2]).status_code in (400, 422)


def test_openapi_kent_quotumheffing(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert "/quotumheffing" in doc["paths"]


# --- web ---------------------------------------------------------------------------------------------

def test_web_formulier(client):
    html = client.get("/quotumheffing").get_data(as_text=True)
    assert 'name="csrf_token"' in html
    for naam in ("jaar", "sector", "verloonde_uren_totaal", "verloonde_uren_totaal_vorig_jaar",
                 "verloonde_uren_doelgroep", "verloonde_uren_doelgroep_ingeleend", "quotumpercentage"):
        assert f'name="{naam}"' in html
    assert "jaar vóór het gekozen jaar" in html and "artikel 34 lid 4" in html


def test_web_uitkomst_stap_voor_stap(client):
    token = csrf_token(client, "/quotumheffing")
    resp = client.post("/quotumheffing", data={
        # "100.000,00": thousands dot and decimal comma (the one Dutch number rule, soorten/getallen.py, issue 19)
        "csrf_token": token, "jaar": "2024", "sector": "overheid", "verloonde_uren_totaal": "100.000,00",
        "verloonde_uren_doelgroep": "1000", "verloonde_uren_doelgroep_ingeleend": "429",
    })
    html = resp.get_data(as_text=True).replace("\xa0", " ")
    assert resp.status_code == 200, html
    # tekort 2.760 − 1.429 = 1.331 uur = 1 arbeidsplaats → € 5.000,00 as it would be, € 0,00 payable
    assert "geen quotumheffing opgelegd" in html
    assert "€ 5.000,00" in html and "€ 0,00" in html
    assert "Zo is het berekend" in html
    assert "2,76 % × 100.000 uur = 2.760 uur" in html


def test_web_opgegeven_percentage_met_komma(client):
    token = csrf_token(client, "/quotumheffing")
    resp = client.post("/quotumheffing", data={
        "csrf_token": token, "jaar": "2023", "sector": "markt", "verloonde_uren_totaal": "50000",
        "verloonde_uren_doelgroep": "0", "quotumpercentage": "3,0",
    })
    html = resp.get_data(as_text=True).replace("\xa0", " ")
    assert resp.status_code == 200, html
    assert "door u opgegeven" in html and "€ 5.634,86" in html


def test_web_fouten_in_het_nederlands(client):
    token = csrf_token(client, "/quotumheffing")
    resp = client.post("/quotumheffing", data={
        "csrf_token": token, "jaar": "2021", "verloonde_uren_totaal": "-5", "verloonde_uren_doelgroep": "1",
    })
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "Controleer de invoer" in html
    assert "Kies een jaar van 2022 tot en met 2026" in html
    assert "Dit veld is verplicht." in html  # sector
    assert 'href="#sector"' in html and 'id="sector"' in html


def test_web_zonder_csrf_geweigerd(client):
    resp = client.post("/quotumheffing", data={**{k: str(v) for k, v in GOED.items()}})
    assert resp.status_code in (400, 403)


def test_web_permalink_rekent_opnieuw(client):
    # GET with bereken=1 reproduces the result from the URL; "1.000.000" is Dutch thousands, "1.331" alone would be
    # ambiguous (issue 19, soorten/getallen.py) and is written 1331
    resp = client.get("/quotumheffing?bereken=1&jaar=2024&sector=overheid&verloonde_uren_totaal=100000"
                      "&verloonde_uren_doelgroep=1331")
    html = resp.get_data(as_text=True).replace("\xa0", " ")
    assert resp.status_code == 200, html
    # tekort 2.760 − 1.331 = 1.429 uur; 1.429 / 1.331 × € 5.000 = € 5.368,1442... → € 5.368,14
    assert "€ 5.368,14" in html


def test_api_kleine_werkgever_zonder_percentage(client):
    body = client.post(URL, json={"jaar": 2025, "sector": "markt", "verloonde_uren_totaal": 20000,
                                  "verloonde_uren_doelgroep": 0}).get_json()
    assert body["resultaat"]["quotumplichtig"] is False
    assert body["resultaat"]["quotumpercentage"] is None
    assert body["resultaat"]["heffing"] == "0.00"


# --- Wfsv art. 34 lid 4 (the year before) and art. 38f lid 1 (rounding down) in every channel ----------------

def test_api_vorig_jaar_onder_de_grens_en_rekenbewijs(client):
    # lid 4: 2023 had 40.000 < 25 × 1.623 = 40.575 verloonde uren → no heffing over 2024
    body = client.post(URL, json={**GOED, "verloonde_uren_totaal_vorig_jaar": 40000}).get_json()
    r = body["resultaat"]
    assert r["vorig_jaar_getoetst"] is True and r["onder_drempel_vorig_jaar"] is True
    assert r["drempel_verloonde_uren_vorig_jaar"] == "40575"
    assert r["quotumplichtig"] is False and r["heffing"] == "0.00"
    assert body["rekenbewijs"]["invoer"]["verloonde_uren_totaal_vorig_jaar"] == "40000"
    opnieuw = client.post(URL, json=body["rekenbewijs"]["invoer"]).get_json()
    assert opnieuw["resultaat"] == r


def test_api_zonder_vorig_jaar_melding(client):
    body = client.post(URL, json=GOED).get_json()
    assert body["resultaat"]["vorig_jaar_getoetst"] is False
    assert body["resultaat"]["onder_drempel_vorig_jaar"] is None
    assert any("niet gedaan" in w and "2023" in w for w in body["waarschuwingen"])
    assert body["rekenbewijs"]["invoer"]["verloonde_uren_totaal_vorig_jaar"] is None


def test_api_vorig_jaar_foute_invoer_met_andere_fouten_tegelijk(client):
    # 2021 lies before the supported period (ondersteund_vanaf), a field error; a year after the horizon is
    # refused by the calculation itself (with bekend_tot), which runs only once the input is valid.
    f = fouten(client.post(URL, json={**GOED, "verloonde_uren_totaal_vorig_jaar": -1, "jaar": 2021}))
    assert set(f) == {"$.verloonde_uren_totaal_vorig_jaar", "$.jaar"}
    f = fouten(client.post(URL, json={**GOED, "verloonde_uren_totaal_vorig_jaar": "veel"}))
    assert list(f) == ["$.verloonde_uren_totaal_vorig_jaar"]


def test_api_opgegeven_percentage_naar_beneden_afgerond(client):
    # Wfsv art. 38f lid 1: 2,768 % → 2,76 %; 2,76 % × 100.000 = 2.760 uur → € 10.368,14 (see test_quotumheffing.py)
    body = client.post(URL, json={**GOED, "sector": "markt", "quotumpercentage": "2.768"}).get_json()
    r = body["resultaat"]
    assert r["opgegeven_quotumpercentage"] == "2.768" and r["quotumpercentage"] == "2.76"
    assert r["heffing"] == "10368.14"
    assert body["rekenbewijs"]["invoer"]["quotumpercentage"] == "2.768"


def test_web_vorig_jaar_en_afronding_op_de_uitkomst(client):
    token = csrf_token(client, "/quotumheffing")
    resp = client.post("/quotumheffing", data={
        "csrf_token": token, "jaar": "2024", "sector": "markt", "verloonde_uren_totaal": "100000",
        "verloonde_uren_totaal_vorig_jaar": "98000", "verloonde_uren_doelgroep": "0", "quotumpercentage": "2,768",
    })
    html = resp.get_data(as_text=True).replace("\xa0", " ")
    assert resp.status_code == 200, html
    assert "98.000 uur" in html  # the input echo
    assert "u gaf 2,768 % op, naar beneden afgerond" in html
    assert "2,76 % (door u opgegeven)" in html
    assert "€ 10.368,14" in html
    # without the hours of the year before, the page says the test was not made
    resp = client.post("/quotumheffing", data={
        "csrf_token": token, "jaar": "2024", "sector": "overheid", "verloonde_uren_totaal": "100000",
        "verloonde_uren_doelgroep": "0"})
    html = resp.get_data(as_text=True)
    assert "Niet getoetst: u heeft de uren van dat jaar niet ingevuld" in html
    assert "niet ingevuld" in html


def test_batch_csv_met_uren_vorig_jaar(tmp_path):
    # Wfsv art. 34 lid 4 in the batch: row a has 40.000 < 40.575 hours in 2023 → not quotumplichtig over 2024;
    # row b leaves the column empty → not tested, quotumplichtig on the levy year alone; row c: -1 → a row error.
    from batch.verwerking import sjabloon_csv, verwerk

    assert "verloonde_uren_totaal_vorig_jaar" in sjabloon_csv("quotumheffing").splitlines()[0].split(",")
    invoer = tmp_path / "in.csv"
    invoer.write_text("id,jaar,sector,verloonde_uren_totaal,verloonde_uren_totaal_vorig_jaar,verloonde_uren_doelgroep\n"
                      "a,2024,overheid,100000,40000,0\nb,2024,overheid,100000,,0\nc,2024,overheid,100000,-1,0\n",
                      encoding="utf-8")
    s = verwerk(str(invoer), str(tmp_path / "uit.csv"), "quotumheffing")
    assert (s.rijen, s.fouten) == (3, 1)
    from tests.test_batch_spreadsheets import rijen_en_legenda

    a, b, c = rijen_en_legenda((tmp_path / "uit.csv").read_text(encoding="utf-8"))[0]  # rows before the legend
    assert a["resultaat.quotumplichtig"] == "false" and a["resultaat.heffing"] == "0.00"
    assert a["resultaat.onder_drempel_vorig_jaar"] == "true"
    assert b["resultaat.vorig_jaar_getoetst"] == "false" and b["resultaat.onder_drempel_vorig_jaar"] == ""
    assert b["resultaat.heffing"] == "10368.14"
    assert "verloonde_uren_totaal_vorig_jaar" in c["fouten"]

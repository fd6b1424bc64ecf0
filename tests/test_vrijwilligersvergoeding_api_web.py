"""Vrijwilligersvergoeding over HTTP: the API contract (envelope, errors with JSON paths) and the web round trip.

Amounts are those worked out in tests/test_vrijwilligersvergoeding.py.
"""

from __future__ import annotations

from conftest import csrf_token

URL = "/api/v1/vrijwilligersvergoeding"


def paden(r):
    return {f["pad"]: f["bericht"] for f in r.get_json()["fouten"]}


def test_api_binnen_grenzen_met_envelop(client):
    body = {"jaar": 2024, "leeftijd": 40, "maanden": [{"maand": 1, "vergoeding": 200, "uren": 40}]}
    r = client.post(f"{URL}?uitleg=true", json=body)
    assert r.status_code == 200
    d = r.get_json()
    assert d["soort"] == "vrijwilligersvergoeding"
    res = d["resultaat"]
    assert res["binnen_grenzen"] is True and res["oordeel"] == "onbelast"
    assert res["belastbaar_bedrag"] == "0.00" and res["belastbaar_bedrag_als_marktconform"] is None
    assert res["maanden"][0]["max_voor_uren"] == "210.00"  # 5,50 × 40 = 220 > 210
    assert res["max_per_jaar"] == "2100.00"
    assert res["maanden"][0]["overschreden"] == [] and res["maanden"][0]["max_per_uur"] == "5.50"
    assert res["bijstand"] is None
    assert {p["naam"] for p in d["parameters"]} >= {"vrijwilligersvergoeding.max_per_maand",
                                                     "vrijwilligersvergoeding.max_per_jaar",
                                                     "vrijwilligersvergoeding.max_per_uur"}
    assert d["uitleg"] and any("belastingdienst.nl" in (s["grondslag"] or "") for s in d["uitleg"])
    assert d["rekenbewijs"]["invoer"]["maanden"][0]["maand"] == 1
    assert d["rekenbewijs"]["invoer"]["maanden"][0]["aangetoonde_kosten"] == "0"


def test_api_maand_overschreden_en_bijstand(client):
    # 2026, 40 years: January € 250 (> 220) for 50 hours (250 ≤ 5,75 × 50 = 287,50): month cap exceeded, so the whole
    # 250 + 100 = 350 is loon; bijstand: January 220 vrijgelaten / 30 in mindering, February 100 / 0.
    body = {"jaar": 2026, "geboortedatum": "1980-01-01", "ontvangt_bijstand": True,
            "maanden": [{"maand": 2, "vergoeding": "100"}, {"maand": 1, "vergoeding": 250, "uren": 50}]}
    r = client.post(URL, json=body)
    assert r.status_code == 200
    res = r.get_json()["resultaat"]
    jan, feb = res["maanden"]
    assert jan["overschreden"] == ["maand"] and jan["binnen_grenzen"] is False
    assert (jan["vrijgelaten"], jan["in_mindering"]) == ("220.00", "30.00")
    assert (feb["vrijgelaten"], feb["in_mindering"]) == ("100.00", "0.00")
    assert res["binnen_grenzen"] is False and res["overschreden"] == ["maand"] and res["oordeel"] == "belast"
    assert res["belastbaar_bedrag"] == "350.00"
    assert res["bijstand"]["in_mindering"] == "30.00"
    w = r.get_json()["waarschuwingen"]
    assert any("uurbedrag niet worden getoetst (februari)" in x for x in w)
    # 2026: the month cap is in the law text (bevestigd); the hourly cap is voorlopig
    assert any("Voorlopige waarde" in x and "max_per_uur" in x for x in w)
    assert not any("Voorlopige waarde" in x and "max_per_maand" in x for x in w)


def test_api_foute_invoer_alle_fouten_tegelijk(client):
    body = {"jaar": 2021, "leeftijd": 30, "ontvangt_bijstand": False, "maanden": [
        {"maand": 13, "vergoeding": 10},
        {"maand": 2, "vergoeding": -5, "uren": -1},
        {"maand": 3, "vergoeding": 10, "aangetoonde_kosten": 12},
        {"maand": 3, "vergoeding": 1},
    ]}
    r = client.post(URL, json=body)
    assert r.status_code == 422
    assert r.mimetype == "application/problem+json"
    p = paden(r)
    assert p["$.jaar"] == "Vul een waarde van 2022 tot en met 2026 in."
    assert "1 tot en met 12" in p["$.maanden[0].maand"]
    assert "$.maanden[1].vergoeding" in p and "$.maanden[1].uren" in p
    assert "niet hoger zijn dan de vergoeding" in p["$.maanden[2].aangetoonde_kosten"]
    assert "maanden[2]" in p["$.maanden[3].maand"]  # the duplicate points at the first occurrence


def test_api_persoon_en_lijst(client):
    r = client.post(URL, json={"jaar": 2024, "maanden": []})
    p = paden(r)
    assert r.status_code == 422 and "$.geboortedatum" in p and "$.maanden" in p
    r = client.post(URL, json={"jaar": 2024, "leeftijd": 30, "geboortedatum": "1990-01-01",
                               "maanden": [{"maand": 1, "vergoeding": 1, "extra": 1}]})
    p = paden(r)
    assert "$.leeftijd" in p and p["$.maanden[0].extra"] == "Onbekend veld."
    r = client.post(URL, json={"jaar": 2024, "geboortedatum": "2025-01-01", "maanden": [{"maand": 1, "vergoeding": 1}]})
    assert "na het gekozen jaar" in paden(r)["$.geboortedatum"]


def test_openapi_kent_vrijwilligersvergoeding(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/vrijwilligersvergoeding" in str(spec["paths"])


# --- web ---------------------------------------------------------------------------------------------------------


def test_formulier_heeft_twaalf_maandrijen(client):
    html = client.get("/vrijwilligersvergoeding").get_data(as_text=True)
    for n in range(1, 13):
        assert f'id="m{n}_vergoeding"' in html and f'id="m{n}_uren"' in html and f'id="m{n}_kosten"' in html
    assert 'id="jaar"' in html and 'id="ontvangt_bijstand"' in html
    assert "<script" not in html.split("<main", 1)[1]  # the form itself needs no JavaScript


def test_web_round_trip_met_lege_maanden(client):
    # 2024, 21 on 15 March 2024: March 100 for 20 hours > 3,25 × 20 = 65 (hour); April ≤ 5,50 × 20; both ≤ 210 and
    # the year 200 ≤ 2.100 → onbelast mits niet marktconform; belast if marktconform: 200.
    # Ten hoogste voor de uren: March 3,25 × 20 = 65,00; April 5,50 × 20 = 110,00.
    data = {"csrf_token": csrf_token(client, "/vrijwilligersvergoeding"), "jaar": "2024",
            "geboortedatum": "2003-03-15", "ontvangt_bijstand": "on",
            "m3_vergoeding": "100", "m3_uren": "20", "m4_vergoeding": "100,00", "m4_uren": "20", "m5_vergoeding": ""}
    r = client.post("/vrijwilligersvergoeding", data=data)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "Onbelast, als de vergoeding niet marktconform is" in html
    assert "Boven het uurbedrag: onbelast als de organisatie kan uitleggen" in html
    assert "€\xa03,25" in html and "€\xa05,50" in html
    assert "€\xa065,00" in html and "€\xa0110,00" in html  # ten hoogste voor deze uren
    assert "Belast als de vergoeding marktconform is" in html and "€\xa0200,00" in html
    assert "Bijstand: in mindering" in html
    assert "wordt 21 op 15 maart 2024" in html
    assert "Mei" not in html.split("Per maand in 2024", 1)[1].split("</table>", 1)[0]  # blank month left out


def test_web_fouten_bij_de_maand(client):
    data = {"csrf_token": csrf_token(client, "/vrijwilligersvergoeding"), "jaar": "2024", "leeftijd": "30",
            "m5_vergoeding": "-3", "m7_uren": "4", "m8_vergoeding": "10", "m8_kosten": "20"}
    r = client.post("/vrijwilligersvergoeding", data=data)
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert 'href="#m5_vergoeding"' in html and 'href="#m7_vergoeding"' in html and 'href="#m8_kosten"' in html
    assert 'value="-3"' in html  # what was typed is kept
    assert "Traceback" not in html


def test_web_zonder_csrf_geweigerd(client):
    r = client.post("/vrijwilligersvergoeding", data={"jaar": "2024", "leeftijd": "30", "m1_vergoeding": "10"})
    assert r.status_code == 400


def test_web_maandmaximum_overschreden_geen_vrijwilligersvergoeding(client):
    # 2024: January € 250 > 210 (lid 6), 60 hours (250 ≤ 5,50 × 60 = 330): belast 250
    data = {"csrf_token": csrf_token(client, "/vrijwilligersvergoeding"), "jaar": "2024", "leeftijd": "40",
            "m1_vergoeding": "250", "m1_uren": "60"}
    html = client.post("/vrijwilligersvergoeding", data=data).get_data(as_text=True)
    assert "Geen vrijwilligersvergoeding" in html and "het maximum per maand van de wet is overschreden" in html
    assert "€\xa0250,00" in html


def test_formulier_zegt_wat_voor_de_uren_mag(client):
    html = client.get("/vrijwilligersvergoeding").get_data(as_text=True)
    assert "uurbedrag van de Belastingdienst × de uren" in html
    assert "artikel 2 lid 6" in html


def test_web_permalink(client):
    r = client.get("/vrijwilligersvergoeding?bereken=1&jaar=2024&leeftijd=40&m1_vergoeding=200&m1_uren=40")
    assert r.status_code == 200 and "Binnen de grenzen" in r.get_data(as_text=True)


def test_api_alleen_uurbedrag_overschreden_onbelast_mits_niet_marktconform(client):
    # 2024, 40 years: March € 200 for 30 hours (200 > 5,50 × 30 = 165), ≤ 210 per month and ≤ 2.100 per year
    # (Wet LB 1964 art. 2 lid 6) → onbelast mits niet marktconform; if marktconform: 200 is loon.
    body = {"jaar": 2024, "leeftijd": 40, "maanden": [{"maand": 3, "vergoeding": 200, "uren": 30}]}
    d = client.post(URL, json=body).get_json()
    res = d["resultaat"]
    assert res["oordeel"] == "onbelast_mits_niet_marktconform"
    assert res["binnen_grenzen"] is False and res["overschreden"] == ["uur"]
    assert res["belastbaar_bedrag"] == "0.00" and res["belastbaar_bedrag_als_marktconform"] == "200.00"
    assert res["maanden"][0]["belastbaar"] == "0.00" and res["maanden"][0]["max_voor_uren"] == "165.00"
    assert "niet-marktconform" in res["oordeel_toelichting"]
    assert res["oordeel_toelichting"] in d["waarschuwingen"]
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    naam = next(n for n, s in schema.items() if "oordeel_toelichting" in s.get("properties", {}))
    assert schema[naam]["properties"]["oordeel"]["enum"] == ["onbelast", "onbelast_mits_niet_marktconform", "belast"]


# --- "Elke maand hetzelfde" and "vergoeding per uur × uren" (issue 18, less typing) ---
# Wet LB 1964 art. 2 lid 6 (text 2024-01-01): "ten hoogste € 210 per maand en € 2.100 per kalenderjaar"; the
# Belastingdienst's hourly amount for 2024 (21 and older) is € 5,50 (parameters/vrijwilligersvergoeding.yaml).


def _post(client, **velden):
    data = {"csrf_token": csrf_token(client, "/vrijwilligersvergoeding"), "jaar": "2024", "leeftijd": "40", **velden}
    return client.post("/vrijwilligersvergoeding", data=data)


def _maandtabel(html):
    return html.split("Per maand in 2024", 1)[1].split("</table>", 1)[0]


def test_elke_maand_hetzelfde_hele_jaar(client):
    # € 150 a month, 30 hours, January to December: 150 ≤ 210 (month); 150 ≤ 5,50 × 30 = 165 (hour);
    # year 12 × 150 = 1.800 ≤ 2.100 → onbelast. Ten hoogste voor deze uren: min(5,50 × 30, 210) = 165,00.
    r = _post(client, vast_van="1", vast_tot="12", vast_vergoeding="150", vast_uren="30")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    tabel = _maandtabel(html)
    for n in ("Januari", "Juni", "December"):
        assert f">{n}</th>" in tabel
    assert tabel.count("€\xa0150,00") == 12
    assert "€\xa01.800,00" in html and "€\xa0165,00" in html
    assert "<strong>Onbelast:</strong>" in html


def test_elke_maand_hetzelfde_van_tot_met_jaarmaximum(client):
    # € 210 a month from March to December: 10 months; 210 ≤ 210 each month, year 10 × 210 = 2.100 ≤ 2.100
    # → within the yearly maximum (lid 6: "ten hoogste"); no hours → the hourly amount is not checked.
    html = _post(client, vast_van="3", vast_tot="12", vast_vergoeding="210").get_data(as_text=True)
    tabel = _maandtabel(html)
    assert ">Februari</th>" not in tabel and ">Maart</th>" in tabel and ">December</th>" in tabel
    assert tabel.count("€\xa0210,00") >= 10
    assert "€\xa02.100,00" in html and "Binnen het jaarmaximum" in html


def test_uurvergoeding_maal_uren(client):
    # € 5,50 per hour × 37,5 hours = € 206,25 a month (exact), April to June: 3 × 206,25 = 618,75.
    # 206,25 ≤ 210 (month) and = 5,50 × 37,5 (hour, "ten hoogste") → onbelast.
    html = _post(client, vast_van="4", vast_tot="6", vast_uurvergoeding="5,50", vast_uren="37,5").get_data(as_text=True)
    assert "37,5 uur × €\xa05,50 per uur = €\xa0206,25, april tot en met juni" in html  # the input line
    # per month twice: the vergoeding, and "ten hoogste voor deze uren" min(5,50 × 37,5, 210) = 206,25
    assert _maandtabel(html).count("€\xa0206,25") == 3 * 2
    assert "€\xa0618,75" in html and "<strong>Onbelast:</strong>" in html


def test_uurvergoeding_exact_zonder_afronding(client):
    # € 5,25 per hour × 7,5 hours = € 39,375: the product is used as it is (no rounding in lid 6) and shown exactly.
    html = _post(client, vast_van="1", vast_tot="1", vast_uurvergoeding="5,25", vast_uren="7,5").get_data(as_text=True)
    assert "€\xa039,375" in html


def test_elke_maand_hetzelfde_fouten(client):
    # both a vergoeding per month and per hour; a rate without hours; a month in the block also in the table
    r = _post(client, vast_van="1", vast_tot="12", vast_vergoeding="100", vast_uurvergoeding="5", m3_vergoeding="50")
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert 'href="#vast_uurvergoeding"' in html and "niet allebei" in html
    assert 'href="#m3_vergoeding"' in html and "op één plek" in html
    r = _post(client, vast_uurvergoeding="5")
    assert r.status_code == 422 and 'href="#vast_uren"' in r.get_data(as_text=True)
    r = _post(client, vast_van="6", vast_tot="2", vast_vergoeding="100")
    assert r.status_code == 422 and 'href="#vast_tot"' in r.get_data(as_text=True)
    # a schema error in the block is reported once, on the block's field, not twelve times
    r = _post(client, vast_vergoeding="-5")
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and html.count('href="#vast_vergoeding"') == 1
    assert 'value="-5"' in html


def test_elke_maand_hetzelfde_met_losse_maand_ernaast(client):
    # block January to November € 100, December in the table € 200: year 11 × 100 + 200 = 1.300
    html = _post(client, vast_van="1", vast_tot="11", vast_vergoeding="100", m12_vergoeding="200").get_data(as_text=True)
    assert "€\xa01.300,00" in html


def test_waarschuwing_vergoeding_lijkt_uurbedrag(client):
    # € 5 for 30 hours in a month: 5 ≤ the hourly amount 5,50 (2024) while more than one hour was worked →
    # probably the hourly rate; the example is 30 × 5,00 = 150,00.
    html = _post(client, vast_vergoeding="5", vast_uren="30").get_data(as_text=True)
    assert ("Januari tot en met december: is €\xa05,00 de vergoeding per uur? Vul dan de vergoeding voor de hele "
            "maand in (bijvoorbeeld 30 × €\xa05,00 = €\xa0150,00).") in html
    # € 5 for 1 hour is plausible (no warning); € 6 for 30 hours is above one hour's amount (no warning)
    for velden in ({"m1_vergoeding": "5", "m1_uren": "1"}, {"m1_vergoeding": "6", "m1_uren": "30"}):
        assert "de vergoeding per uur?" not in _post(client, **velden).get_data(as_text=True)


def test_api_waarschuwing_vergoeding_lijkt_uurbedrag(client):
    # the API gets the same plausibility warning: March € 4 for 12,5 hours, 4 ≤ 5,50; 12,5 × 4 = 50
    body = {"jaar": 2024, "leeftijd": 40, "maanden": [{"maand": 3, "vergoeding": 4, "uren": "12.5"}]}
    w = client.post(URL, json=body).get_json()["waarschuwingen"]
    assert "Maart: is €\xa04,00 de vergoeding per uur? Vul dan de vergoeding voor de hele maand in (bijvoorbeeld " \
           "12,5 × €\xa04,00 = €\xa050,00)." in w

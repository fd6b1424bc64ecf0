"""The LKS web form: round trip with CSRF, Dutch formatting, errors next to fields, permalink."""

from __future__ import annotations

from freezegun import freeze_time

from conftest import csrf_token

FORM = {"geboortedatum": "1990-05-01", "uren_per_week": "32", "loonwaarde": "60", "peildatum": "2026-01-15"}


def test_formulier_tonen(client):
    html = client.get("/loonkostensubsidie").get_data(as_text=True)
    assert '<html lang="nl">' in html
    for veld in ("geboortedatum", "leeftijd", "uren_per_week", "loonwaarde", "forfaitair", "bbl", "peildatum",
                 "begindatum_dienstbetrekking", "einddatum_dienstbetrekking"):
        assert f'id="{veld}"' in html and f'for="{veld}"' in html


def test_round_trip_met_nederlandse_notatie(client):
    r = client.post("/loonkostensubsidie", data={**FORM, "csrf_token": csrf_token(client, "/loonkostensubsidie")})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    # amounts per tests/test_loonkostensubsidie.py::test_deeltijd_32_uur_loonwaarde_60, Dutch notation (Babel, NBSP)
    assert "€\xa0881,05" in html and "€\xa0207,05" in html and "€\xa01.088,10" in html
    assert "15 januari 2026" in html
    assert "Participatiewet art. 10d" in html  # legal basis of the steps
    assert "wml.uurloon" in html  # parameters with sources
    assert "voorlopig" in html  # the 23,5 % warning is visible


def test_decimale_komma_in_formulier(client):
    data = {**FORM, "uren_per_week": "32,0", "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    assert "€\xa0881,05" in client.post("/loonkostensubsidie", data=data).get_data(as_text=True)


def test_fouten_bij_de_velden_en_bovenaan(client):
    data = {"uren_per_week": "veel", "loonwaarde": "150", "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    r = client.post("/loonkostensubsidie", data=data)
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert 'href="#uren_per_week"' in html and 'href="#loonwaarde"' in html  # error summary links to the fields
    assert "Geen geldig getal." in html and "Vul een waarde van 0 tot en met 100 in." in html
    assert 'aria-invalid="true"' in html
    assert 'value="veel"' in html  # what the user typed is kept


def test_zonder_csrf_token_geweigerd(client):
    r = client.post("/loonkostensubsidie", data=FORM)
    assert r.status_code == 400
    assert "Traceback" not in r.get_data(as_text=True)


def test_permalink_reproduceert_uitkomst_zonder_opslag(client):
    r = client.get("/loonkostensubsidie?bereken=1&geboortedatum=1990-05-01&uren_per_week=32&loonwaarde=60&peildatum=2026-01-15")
    assert r.status_code == 200 and "€\xa0881,05" in r.get_data(as_text=True)


def test_dienstbetrekking_in_formulier_uitkomst_en_fouten(client):
    # begins 1 September 2025 (amounts: tests/test_loonkostensubsidie.py, the new dienstbetrekking in the year):
    # 36 h, 21+, LW 50: 2245,80 + 8 % = 2425,46; LKS 1212,73; September-December 4 × 1212,73 = 4850,92
    data = {"leeftijd": "40", "uren_per_week": "36", "loonwaarde": "50", "peildatum": "2025-10-01",
            "begindatum_dienstbetrekking": "2025-09-01", "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    html = client.post("/loonkostensubsidie", data=data).get_data(as_text=True)
    assert "€\xa01.212,73" in html and "€\xa04.850,92" in html
    assert "vanaf 1 september 2025" in html
    data = {**data, "einddatum_dienstbetrekking": "2025-08-01", "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    r = client.post("/loonkostensubsidie", data=data)
    assert r.status_code == 422
    assert 'href="#einddatum_dienstbetrekking"' in r.get_data(as_text=True)


def test_lege_peildatum_is_vandaag(client):
    with freeze_time("2025-03-10"):
        data = {**FORM, "peildatum": "", "csrf_token": csrf_token(client, "/loonkostensubsidie")}
        html = client.post("/loonkostensubsidie", data=data).get_data(as_text=True)
    assert "10 maart 2025" in html


def test_beveiligingsheaders(client):
    r = client.get("/loonkostensubsidie")
    csp = r.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "no-referrer"

"""Web /batch: upload a CSV (CSRF-protected), download the results; a template CSV per soort."""

from __future__ import annotations

import csv
import io

import pytest

from tests.conftest import csrf_token
from tests.test_batch_spreadsheets import rijen_en_legenda


def test_upload_en_download(client):
    token = csrf_token(client, "/batch")
    inhoud = ("id,geboortedatum,uren_per_week,loonwaarde,peildatum\n"
              "a,1990-05-01,32,60,2026-01-01\n"
              "@b,1990-05-01,32,101,2026-01-01\n").encode()
    r = client.post("/batch", data={"csrf_token": token, "soort": "loonkostensubsidie",
                                    "bestand": (io.BytesIO(inhoud), "zaken.csv")},
                    content_type="multipart/form-data")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert "attachment" in r.headers["Content-Disposition"]
    rijen, _ = rijen_en_legenda(r.get_data(as_text=True))  # the rows before the warnings' legend (issue 18)
    assert [x["id"] for x in rijen] == ["a", "'@b"]
    assert rijen[0]["resultaat.loonkostensubsidie"] == "881.05"  # tests/test_loonkostensubsidie.py
    assert rijen[1]["fouten"].startswith("regel 3: $.loonwaarde")
    assert r.headers["X-Rekenhulp-Fouten"] == "1"


def test_zonder_csrf_geweigerd(client):
    r = client.post("/batch", data={"soort": "loonkostensubsidie",
                                    "bestand": (io.BytesIO(b"x"), "zaken.csv")}, content_type="multipart/form-data")
    assert r.status_code == 400


def test_onbruikbaar_bestand_en_ontbrekende_velden(client):
    token = csrf_token(client, "/batch")
    r = client.post("/batch", data={"csrf_token": token, "soort": "loonkostensubsidie",
                                    "bestand": (io.BytesIO("x\n\xe9".encode("latin-1")), "zaken.csv")},
                    content_type="multipart/form-data")
    assert r.status_code == 422 and "UTF-8" in r.get_data(as_text=True)
    r = client.post("/batch", data={"csrf_token": token, "soort": "onzin", "peildatum": "31-13-2026"},  # no 13th month (31-12-2026 is a valid date, issue 18)
                    content_type="multipart/form-data")
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "Kies een berekening." in html and "Kies een CSV-bestand." in html and "Geen geldige datum" in html


def test_te_groot_bestand(client, app):
    token = csrf_token(client, "/batch")
    groot = b"a" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    r = client.post("/batch", data={"csrf_token": token, "soort": "loonkostensubsidie",
                                    "bestand": (io.BytesIO(groot), "zaken.csv")}, content_type="multipart/form-data")
    assert r.status_code == 413


def test_sjabloon_per_soort(client):
    from soorten.register import SOORTEN

    for naam in SOORTEN:
        r = client.get(f"/batch/sjabloon/{naam}.csv")
        assert r.status_code == 200 and r.mimetype == "text/csv", naam
        kop = next(csv.reader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
        # every field of the example has a column: its own, or (a nested object, issue 18) plain columns <veld>_…
        assert kop[0] == "id", naam
        for veld in SOORTEN[naam].voorbeeld:
            assert veld in kop[1:] or any(k.startswith(f"{veld}_") for k in kop[1:]), (naam, veld)
    assert client.get("/batch/sjabloon/onzin.csv").status_code == 404

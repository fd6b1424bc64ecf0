"""Bad-input catalogue for every POST endpoint of the API (taken from the OpenAPI document, so a new
endpoint is covered as it lands): each bad request is a clear 4xx application/problem+json answer in
Dutch (with every field error at once where fields are wrong), never a 5xx, never a stack trace."""

from __future__ import annotations

import json

import pytest

from rekenhulp import MAX_BODY, create_app

APP = create_app({"TESTING": True, "SECRET_KEY": "test"})
SPEC = APP.test_client().get("/api/v1/openapi.json").get_json()
POSTS = {
    "/api/v1" + pad: op["requestBody"]["content"]["application/json"]["example"]
    for pad, ops in SPEC["paths"].items()
    for methode, op in ops.items()
    if methode == "post"
}
PADEN = sorted(POSTS)


@pytest.fixture()
def client():
    return APP.test_client()


def probleem(r, status: int) -> dict:
    assert r.status_code == status, (r.status_code, r.get_data(as_text=True)[:500])
    assert r.mimetype == "application/problem+json"
    tekst = r.get_data(as_text=True)
    assert "Traceback" not in tekst and 'File "' not in tekst
    body = r.get_json()
    assert body["status"] == status and body["title"]
    return body


@pytest.mark.parametrize("pad", PADEN)
def test_voorbeeld_is_geldig(client, pad):
    """The documented example is accepted: the cases below fail because of what they change."""
    assert client.post(pad, json=POSTS[pad]).status_code == 200


@pytest.mark.parametrize("pad", PADEN)
@pytest.mark.parametrize("body", [b'{"peildatum": ', b"{'enkel': 'quotes'}", b"{,}", b'{"a": 1,}', b"nul", b"\"open"])
def test_kapotte_json_is_400(client, pad, body):
    assert probleem(client.post(pad, data=body, content_type="application/json"), 400)["title"] == "Ongeldige JSON"


@pytest.mark.parametrize("pad", PADEN)
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml",
                                          "multipart/form-data; boundary=x", None])
def test_verkeerd_inhoudstype_is_415(client, pad, content_type):
    r = client.post(pad, data=json.dumps(POSTS[pad]), content_type=content_type)
    assert "Content-Type" in probleem(r, 415)["detail"]


@pytest.mark.parametrize("pad", PADEN)
@pytest.mark.parametrize("body", [b"", b"   ", b"\n\t "])
def test_lege_body_is_400(client, pad, body):
    assert probleem(client.post(pad, data=body, content_type="application/json"), 400)["title"] == "Lege invoer"


@pytest.mark.parametrize("pad", PADEN)
@pytest.mark.parametrize("waarde", [[], "tekst", 1, None, True])
def test_geen_object_is_422(client, pad, waarde):
    fouten = probleem(client.post(pad, data=json.dumps(waarde), content_type="application/json"), 422)["fouten"]
    assert fouten == [{"pad": "$", "bericht": "Verwacht een JSON-object."}]


@pytest.mark.parametrize("pad", PADEN)
def test_ongeldige_utf8_is_400(client, pad):
    r = client.post(pad, data=b'{"peildatum": "\xff\xfe"}', content_type="application/json")
    assert probleem(r, 400)["title"] in ("Ongeldige tekens", "Ongeldige JSON")


@pytest.mark.parametrize("pad", PADEN)
def test_verkeerde_typen_alle_fouten_tegelijk(client, pad):
    """Every field of the example replaced by a value of a wrong type: one 422 naming every field."""
    body = {veld: [1] if isinstance(waarde, dict) else {"verkeerd": [1]} for veld, waarde in POSTS[pad].items()}
    fouten = probleem(client.post(pad, json=body), 422)["fouten"]
    paden = {f["pad"] for f in fouten}
    assert all(f["bericht"] for f in fouten)
    assert {f"$.{veld}" for veld in POSTS[pad]} <= {p.split("[")[0] if p.count(".") == 1 else ".".join(p.split(".")[:2]) for p in paden}


@pytest.mark.parametrize("pad", PADEN)
def test_onbekend_veld_is_422_met_pad(client, pad):
    fouten = probleem(client.post(pad, json={**POSTS[pad], "onbekend_veld": 1}), 422)["fouten"]
    assert {"pad": "$.onbekend_veld", "bericht": "Onbekend veld."} in fouten


@pytest.mark.parametrize("pad", PADEN)
@pytest.mark.parametrize("diepte", [2_000, 100_000])
def test_diep_geneste_json_is_4xx(client, pad, diepte):
    body = ("[" * diepte + "]" * diepte).encode()
    r = client.post(pad, data=body, content_type="application/json")
    # deeper than the parser goes: 400; more objects and lists than any input needs (MAX_STRUCTUREN, issue 19): 413
    assert probleem(r, r.status_code if diepte > 1000 and r.status_code in (400, 413) else 422)
    # deep nesting inside a valid object, as the value of the first field
    veld = next(iter(POSTS[pad]))
    body = ('{"%s": ' % veld + '{"a": ' * diepte + "1" + "}" * diepte + "}").encode()
    r = client.post(pad, data=body, content_type="application/json")
    assert r.status_code in (400, 413, 422), r.status_code
    probleem(r, r.status_code)


@pytest.mark.parametrize("pad", PADEN)
def test_body_boven_de_limiet_is_413(client, pad):
    body = json.dumps({**POSTS[pad], "opvulling": "x" * (MAX_BODY + 1)}).encode()
    body_ = probleem(client.post(pad, data=body, content_type="application/json"), 413)
    assert "groter dan" in body_["detail"]


@pytest.mark.parametrize("pad", PADEN)
@pytest.mark.parametrize("getal", ["NaN", "Infinity", "-Infinity", "1e999999", "9" * 5000, "-0.0e-999999"])
def test_rare_getallen_zijn_4xx(client, pad, getal):
    """Numbers JSON does not have (NaN, Infinity), overflowing ones and integers longer than Python parses."""
    veld = next(iter(POSTS[pad]))
    body = ('{"%s": %s}' % (veld, getal)).encode()
    r = client.post(pad, data=body, content_type="application/json")
    assert 400 <= r.status_code < 500, (getal, r.status_code)
    probleem(r, r.status_code)


# --- out-of-range values, per soort (the contract of each endpoint) --------------------------------------

BUITEN_BEREIK = [
    ("/api/v1/loonkostensubsidie", {"loonwaarde": 101}, "$.loonwaarde"),
    ("/api/v1/loonkostensubsidie", {"loonwaarde": -1}, "$.loonwaarde"),
    ("/api/v1/loonkostensubsidie", {"loonwaarde": 60.5}, "$.loonwaarde"),
    ("/api/v1/loonkostensubsidie", {"uren_per_week": 0}, "$.uren_per_week"),
    ("/api/v1/loonkostensubsidie", {"uren_per_week": "1e20"}, "$.uren_per_week"),
    ("/api/v1/loonkostensubsidie", {"uren_per_week": "9" * 60}, "$.uren_per_week"),
    ("/api/v1/loonkostensubsidie", {"peildatum": "1900-01-01", "geboortedatum": None, "leeftijd": 30}, "$.peildatum"),
    ("/api/v1/loonkostensubsidie", {"peildatum": "9999-12-31"}, "$.peildatum"),
    ("/api/v1/loonkostensubsidie", {"peildatum": "2026-02-30"}, "$.peildatum"),
    ("/api/v1/loonkostensubsidie", {"geboortedatum": "2020-01-01"}, "$.geboortedatum"),
    ("/api/v1/bijstandsnorm", {"netto_inkomsten_per_maand": "-1"}, "$.netto_inkomsten_per_maand"),
    ("/api/v1/bijstandsnorm", {"peildatum": "2040-01-01"}, "$.peildatum"),
    ("/api/v1/bijstandsnorm", {"medebewoners": [{"leeftijd": 30}] * 1000}, "$.medebewoners"),
    ("/api/v1/quotumheffing", {"jaar": 1999}, "$.jaar"),
    ("/api/v1/quotumheffing", {"verloonde_uren_totaal": -5}, "$.verloonde_uren_totaal"),
    ("/api/v1/vrijwilligersvergoeding", {"jaar": 3000}, "$.jaar"),
    ("/api/v1/vrijwilligersvergoeding", {"maanden": [{"maand": 13, "vergoeding": 1}]}, "$.maanden"),
    # hours the engine divides by: 99999 / 1e-30 has more digits than Decimal keeps (was a 500, found by schemathesis)
    ("/api/v1/vrijwilligersvergoeding", {"maanden": [{"maand": 1, "vergoeding": 99999, "uren": 1e-30}]}, "$.maanden"),
    ("/api/v1/vrijwilligersvergoeding", {"maanden": [{"maand": 1, "vergoeding": 50, "uren": "10.125"}]}, "$.maanden"),
    ("/api/v1/vergelijking", {"peildata": []}, "$.peildata"),
]


@pytest.mark.parametrize("pad,wijziging,foutpad", BUITEN_BEREIK, ids=[f"{p.rsplit('/', 1)[1]}-{f}" for p, _, f in BUITEN_BEREIK])
def test_buiten_bereik_is_422_met_pad(client, pad, wijziging, foutpad):
    if pad not in POSTS:
        pytest.skip(f"{pad} bestaat (nog) niet")
    fouten = probleem(client.post(pad, json={**POSTS[pad], **wijziging}), 422)["fouten"]
    assert any(f["pad"] == foutpad or f["pad"].startswith(foutpad + "[") or f["pad"].startswith(foutpad + ".")
               for f in fouten), fouten


def test_batch_met_te_veel_berekeningen_is_413(client):
    body = {"berekeningen": [{"id": i, "soort": "loonkostensubsidie", "invoer": {}} for i in range(1001)]}
    assert "Ten hoogste 1000" in probleem(client.post("/api/v1/batch", json=body), 413)["detail"]

"""POST /api/v1/batch: order and ids preserved, every case its own result or errors, a documented maximum."""

from __future__ import annotations

from api.batch import MAX_BATCH

GOED = {"peildatum": "2026-01-01", "geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60}


def test_gemengde_batch_volgorde_en_ids_behouden_niets_kwijt(client):
    berekeningen = [
        {"id": "a", "soort": "loonkostensubsidie", "invoer": GOED},
        {"id": 2, "soort": "loonkostensubsidie", "invoer": {**GOED, "loonwaarde": 150}},
        {"id": "c", "soort": "bestaat-niet", "invoer": GOED},
        {"id": "d", "soort": "loonkostensubsidie", "invoer": "geen object"},
        "geen item",
        {"id": "f", "soort": "loonkostensubsidie", "invoer": {**GOED, "loonwaarde": 30}},
        {"id": "g", "soort": "loonkostensubsidie", "invoer": {**GOED, "peildatum": "2021-01-01"}},
    ]
    r = client.post("/api/v1/batch", json={"berekeningen": berekeningen})
    assert r.status_code == 200
    body = r.get_json()
    u = body["uitkomsten"]
    assert [x["id"] for x in u] == ["a", 2, "c", "d", None, "f", "g"]
    assert [x["status"] for x in u] == ["ok", "fout", "fout", "fout", "fout", "ok", "fout"]
    assert (body["aantal"], body["geslaagd"], body["mislukt"]) == (7, 2, 5)
    # 2026-01-01, 32 uur, loonwaarde 60 %: 881.05 (worked out in tests/test_loonkostensubsidie.py)
    assert u[0]["resultaat"]["loonkostensubsidie"] == "881.05"
    assert u[0]["rekenbewijs"]["peildatum"] == "2026-01-01" and u[0]["rekenbewijs"]["parameters_vingerafdruk"]
    assert u[1]["fouten"] == [{"pad": "$.invoer.loonwaarde", "bericht": "Vul een waarde van 0 tot en met 100 in."}]
    assert u[2]["fouten"][0]["pad"] == "$.soort"
    assert u[3]["fouten"] == [{"pad": "$.invoer", "bericht": "Verwacht een JSON-object."}]
    assert u[6]["fouten"][0]["pad"] == "$.invoer.peildatum"


def test_batch_gelijk_aan_losse_berekening(client):
    invoer = {**GOED, "loonwaarde": 45, "functieloon_per_uur": "16.50"}
    los = client.post("/api/v1/loonkostensubsidie", json=invoer).get_json()
    batch = client.post("/api/v1/batch", json={"berekeningen": [{"id": 1, "soort": "loonkostensubsidie",
                                                                  "invoer": invoer}]}).get_json()["uitkomsten"][0]
    for sleutel in ("resultaat", "parameters", "waarschuwingen", "rekenbewijs"):
        assert batch[sleutel] == los[sleutel], sleutel


def test_maximum_per_verzoek(client):
    item = {"id": 1, "soort": "loonkostensubsidie", "invoer": {"loonwaarde": 1}}
    r = client.post("/api/v1/batch", json={"berekeningen": [item] * (MAX_BATCH + 1)})
    assert r.status_code == 413 and r.mimetype == "application/problem+json"
    assert str(MAX_BATCH) in r.get_json()["detail"]


def test_maximum_past_binnen_de_bodylimiet(app, client):
    """MAX_BATCH ordinary LKS cases fit in MAX_CONTENT_LENGTH and are all computed."""
    import json

    items = [{"id": i, "soort": "loonkostensubsidie", "invoer": {**GOED, "loonwaarde": i % 101}}
             for i in range(MAX_BATCH)]
    assert len(json.dumps({"berekeningen": items})) < app.config["MAX_CONTENT_LENGTH"]
    body = client.post("/api/v1/batch", json={"berekeningen": items}).get_json()
    assert body["geslaagd"] == MAX_BATCH and [u["id"] for u in body["uitkomsten"]] == list(range(MAX_BATCH))


def test_ongeldige_batch(client):
    for data, pad in (({}, "$.berekeningen"), ({"berekeningen": {}}, "$.berekeningen"),
                      ({"berekeningen": []}, "$.berekeningen"), ({"berekeningen": [], "x": 1}, "$.x")):
        r = client.post("/api/v1/batch", json=data)
        assert r.status_code == 422 and pad in {f["pad"] for f in r.get_json()["fouten"]}, data
    assert client.post("/api/v1/batch", data="x", content_type="text/plain").status_code == 415

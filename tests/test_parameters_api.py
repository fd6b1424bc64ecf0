"""GET /api/v1/parameters...: checked against the parameter files themselves (read here with plain YAML)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

import parameters as parameters_pkg

BESTANDEN = sorted(Path(parameters_pkg.__file__).parent.glob("*.yaml"))


def _bestanden() -> dict[str, dict]:
    """Every parameter from the YAML files, read independently of parameters/__init__.py."""
    out = {}
    for pad in BESTANDEN:
        data = yaml.load(pad.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar as text
        for naam, spec in data["parameters"].items():
            out[naam] = {**spec, "bestand": pad.name}
    return out


def test_lijst_bevat_elke_parameter_met_volledige_geschiedenis_en_bronnen(client):
    r = client.get("/api/v1/parameters")
    assert r.status_code == 200
    body = r.get_json()
    api = {p["naam"]: p for p in body["parameters"]}
    bestanden = _bestanden()
    assert set(api) == set(bestanden)
    assert body["aantal"] == len(bestanden)
    for naam, spec in bestanden.items():
        p = api[naam]
        assert p["eenheid"] == spec["eenheid"] and p["grondslag"] == spec["grondslag"], naam
        assert p["bekend_tot"] == spec["bekend_tot"] and p["bestand"] == spec["bestand"]
        assert len(p["waarden"]) == len(spec["waarden"]), naam
        for w_api, w in zip(p["waarden"], spec["waarden"]):
            assert w_api["vanaf"] == w["vanaf"]
            if w.get("vervallen") == "true":
                assert w_api["vervallen"] is True and w_api["waarde"] is None
                continue
            assert w_api["bron"] == w["bron"] and w_api["status"] == w["status"]
            assert w_api["toelichting"] == w.get("toelichting")
            if spec["eenheid"] == "ja_nee":
                assert w_api["waarde"] == w["waarde"].lower()
            else:
                assert Decimal(w_api["waarde"]) == Decimal(w["waarde"]), (naam, w["vanaf"])


def test_een_parameter(client):
    body = client.get("/api/v1/parameters/wml.uurloon").get_json()
    # parameters/wml.yaml: 13.27 per 2024-01-01 (Besluit SZW 2023-0000526966), 14.71 per 2026-01-01
    assert body["waarden"][0] == {
        "vanaf": "2024-01-01", "vervallen": False, "waarde": "13.27", "status": "bevestigd", "toelichting": None,
        "bron": "Besluit SZW 2023-0000526966 (via accountingcounts.nl, salariscompleet.nl)"}
    assert {"vanaf": "2026-01-01", "waarde": "14.71"}.items() <= body["waarden"][4].items()


def test_onbekende_parameter_is_404_problem(client):
    r = client.get("/api/v1/parameters/bestaat.niet")
    assert r.status_code == 404 and r.mimetype == "application/problem+json"
    assert "bestaat.niet" in r.get_json()["detail"]


def test_set_op_datum_zonder_aanvulling_uit_andere_periode(client):
    body = client.get("/api/v1/parameters?datum=2023-07-01").get_json()
    p = {x["naam"]: x for x in body["parameters"]}
    assert body["datum"] == "2023-07-01"
    # wml.yaml: maandloon 1995.00 per 2023-07-01 (Besluit indexering minimumloon per 1 juli 2023)
    assert p["wml.maandloon"]["in_werking"] is True and p["wml.maandloon"]["waarde"] == "1995.00"
    assert p["wml.maandloon"]["geldig_vanaf"] == "2023-07-01"
    # the hourly WML starts in 2024: not in force, with the reason; never filled from 2024
    assert p["wml.uurloon"]["in_werking"] is False and p["wml.uurloon"]["waarde"] is None
    assert "2024-01-01" in p["wml.uurloon"]["reden"]
    # and in 2024 the weekly WML is vervallen (the monthly amount continues as Wml art. 8 lid 1 onder b)
    p24 = {x["naam"]: x for x in client.get("/api/v1/parameters?datum=2024-03-01").get_json()["parameters"]}
    assert p24["wml.weekloon"]["in_werking"] is False and "vervallen" in p24["wml.weekloon"]["reden"]
    assert p24["wml.maandloon"]["waarde"] == "2069.40"
    assert p24["wml.uurloon"]["waarde"] == "13.27"


def test_na_bekend_tot_is_niets_in_werking(client):
    body = client.get("/api/v1/parameters?datum=2027-01-01").get_json()
    assert all(not p["in_werking"] for p in body["parameters"])
    assert all("bekend tot en met" in p["reden"] for p in body["parameters"])


def test_ongeldige_datums_422_in_het_nederlands(client):
    for url in ("/api/v1/parameters?datum=2026-13-01", "/api/v1/parameters?datum=1-1-2026",
                "/api/v1/parameters?datum="):
        r = client.get(url)
        assert r.status_code == 422 and r.mimetype == "application/problem+json", url
        assert r.get_json()["fouten"][0]["pad"] == "$.datum"
    r = client.get("/api/v1/parameters/vergelijking?van=gisteren")
    assert r.status_code == 422
    fouten = {f["pad"]: f["bericht"] for f in r.get_json()["fouten"]}
    assert fouten == {"$.van": "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01.",
                      "$.tot": "Dit veld is verplicht."}


def test_vergelijking_twee_datums_gewijzigd_ongewijzigd_en_later_toegevoegd(client):
    body = client.get("/api/v1/parameters/vergelijking?van=2023-07-01&tot=2024-01-01").get_json()
    w = {x["naam"]: x for x in body["wijzigingen"]}
    # added later: the hourly WML exists only on the second date
    assert w["wml.uurloon"]["soort"] == "alleen_tot"
    assert w["wml.uurloon"]["oud"]["waarde"] is None and "2024-01-01" in w["wml.uurloon"]["oud"]["reden"]
    assert w["wml.uurloon"]["nieuw"]["waarde"] == "13.27" and w["wml.uurloon"]["verschil"] is None
    # ended: the weekly WML exists only on the first date
    assert w["wml.weekloon"]["soort"] == "alleen_van" and w["wml.weekloon"]["oud"]["waarde"] == "460.40"
    # the monthly WML continues (Wml art. 8 lid 1 onder a until 2024, onder b from 2024): 1995.00 -> 2069.40
    assert w["wml.maandloon"]["oud"]["waarde"] == "1995.00" and w["wml.maandloon"]["nieuw"]["waarde"] == "2069.40"
    # unchanged: vakantiebijslag 8 % on both dates is not a difference
    assert "wml.vakantiebijslag" not in w and "wml.vakantiebijslag" in body["ongewijzigd"]
    assert body["aantal_gewijzigd"] == len(body["wijzigingen"])


def test_vergelijking_relatieve_wijziging(client):
    body = client.get("/api/v1/parameters/vergelijking?van=2025-01-01&tot=2026-01-01").get_json()
    u = next(x for x in body["wijzigingen"] if x["naam"] == "wml.uurloon")
    # 14.06 (2025-01-01) -> 14.71 (2026-01-01): +0.65; 0.65 / 14.06 = 4.623 % -> 4.62
    assert (u["soort"], u["oud"]["waarde"], u["nieuw"]["waarde"]) == ("gewijzigd", "14.06", "14.71")
    assert u["verschil"] == "0.65" and u["verschil_procent"] == "4.62"
    assert u["oud"]["bron"].startswith("Besluit SZW 2024-0000675332")


def test_routes_botsen_niet_met_een_soort():
    from soorten.register import SOORTEN

    # POST /api/v1/<soort> and the web page /<soort> must not shadow these routes
    assert not {"parameters", "vergelijking", "batch", "grafieken", "docs", "openapi.json"} & set(SOORTEN)


def test_openapi_beschrijft_parameters_vergelijking_en_batch(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for pad, methode in (("/parameters", "get"), ("/parameters/{naam}", "get"),
                         ("/parameters/vergelijking", "get"), ("/vergelijking", "post"),
                         ("/batch", "post")):
        assert methode in spec["paths"][pad], pad
    batch = spec["paths"]["/batch"]["post"]
    assert "1000" in batch["description"] and "413" in batch["responses"]
    # plus the optional scenario of issue 17 (tests/test_scenario.py)
    assert set(spec["components"]["schemas"]["VergelijkingInvoer"]["properties"]) == {"soort", "invoer", "peildata",
                                                                                       "scenario"}
    # the documented examples work
    voorbeeld = batch["requestBody"]["content"]["application/json"]["example"]
    body = client.post("/api/v1/batch", json=voorbeeld).get_json()
    assert [u["status"] for u in body["uitkomsten"]] == ["ok", "fout"]
    voorbeeld = spec["paths"]["/vergelijking"]["post"]["requestBody"]["content"]["application/json"]["example"]
    assert client.post("/api/v1/vergelijking", json=voorbeeld).status_code == 200

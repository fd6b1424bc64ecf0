"""The law's calendar in the data (issue 15): a new year by data alone, and help at the edge of what is known.

The horizon is the last date up to which every parameter is known: the earliest `bekend_tot` of the shipped
files, 31 December 2026. After it every calculation is refused (never a silent fallback), but the refusal says
what is not yet published, the last known date and what the user can do."""

from __future__ import annotations

import shutil
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from freezegun import freeze_time

from soorten.register import SOORTEN, laad_alle_soorten
from parameters import PARAMETER_DIR, ParameterFileError, default_parameters, load_parameters
from parameters import _DecimalLoader  # the project's exact YAML reader (numbers as Decimal)
from rekenhulp import create_app
from rekenhulp.cli import main
from tests.conftest import csrf_token

laad_alle_soorten()
HORIZON = date(2026, 12, 31)
NIEUW = date(2027, 1, 1)
NIEUW_EIND = date(2027, 12, 31)


# --- a year added by data alone ---------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Decimal, lambda d, w: d.represent_scalar("tag:yaml.org,2002:float", format(w, "f")))


def verleng(doel: Path, vanaf: date = NIEUW, tot: date = NIEUW_EIND) -> Path:
    """Copy the shipped parameter files to `doel` and extend them there, as a maintainer would for a new year
    whose values equal the last ones: to each parameter whose last entry holds a value, a value `vanaf` equal to
    that last value (status voorlopig, with a toelichting), and `bekend_tot` moved to `tot`. A vervallen parameter
    only gets its `bekend_tot` moved. No code is changed."""
    for bron in sorted(PARAMETER_DIR.glob("*.yaml")):
        data = yaml.load(bron.read_text(encoding="utf-8"), Loader=_DecimalLoader)  # noqa: S506 - SafeLoader
        for spec in data["parameters"].values():
            laatste = spec["waarden"][-1]
            if not laatste.get("vervallen") and laatste["vanaf"] < vanaf:
                spec["waarden"].append({"vanaf": vanaf, "waarde": laatste["waarde"], "bron": "testkopie: gelijk aan de vorige waarde",
                                        "status": "voorlopig", "toelichting": "alleen voor de test van een nieuw jaar"})
            spec["bekend_tot"] = tot
        (doel / bron.name).write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    return doel


@pytest.fixture(scope="module")
def map_2027(tmp_path_factory):
    return verleng(tmp_path_factory.mktemp("parameters_2027"))


@pytest.fixture(scope="module")
def app_2027(map_2027):
    """The app on the extended folder, through the config key (the environment variable is the other way)."""
    return create_app({"TESTING": True, "SECRET_KEY": "test", "REKENHULP_PARAMETERS": str(map_2027)})


def test_kopie_is_geldig_en_loopt_tot_eind_2027(map_2027):
    ps = load_parameters(map_2027)
    assert ps.bekend_tot == NIEUW_EIND
    assert ps.jaren("quotumheffing.yaml") == (2022, 2027) and ps.jaren("vrijwilligersvergoeding.yaml") == (2022, 2027)
    assert ps.at("wml.uurloon", NIEUW).voorlopig
    assert ps.at("wml.uurloon", NIEUW).waarde == default_parameters().at("wml.uurloon", HORIZON).waarde
    assert ps.ontbrekend(NIEUW_EIND) == [p for p in ps.ontbrekend(NIEUW_EIND) if p.entries[-1].value is None]


@pytest.mark.parametrize("datum", [NIEUW, date(2027, 7, 1), NIEUW_EIND])
def test_elke_regel_via_de_api_in_2027(app_2027, datum):
    client = app_2027.test_client()
    vingerafdruk = load_parameters(app_2027.config["REKENHULP_PARAMETERS"]).fingerprint
    for naam, soort in SOORTEN.items():
        for voorbeeld in (soort.voorbeeld, *soort.dekking_varianten):
            r = client.post(f"/api/v1/{naam}?uitleg=true", json=soort.met_datum(voorbeeld, datum))
            assert r.status_code == 200, (naam, datum, r.get_json())
            body = r.get_json()
            assert body["rekenbewijs"]["parameters_vingerafdruk"] == vingerafdruk
            # computed with the added 2027 values (not with 2026 carried forward by the code)
            assert any(p["geldig_vanaf"] == "2027-01-01" and p["status"] == "voorlopig" for p in body["parameters"])


def test_de_standaardmap_weigert_2027_nog(client):
    """The same request on the shipped files: refused with the horizon (the copy above changed only data)."""
    soort = SOORTEN["loonkostensubsidie"]
    r = client.post("/api/v1/loonkostensubsidie", json=soort.met_datum(soort.voorbeeld, NIEUW))
    assert r.status_code == 422 and r.get_json()["bekend_tot"] == "2026-12-31"


FORMULIEREN = {
    "/loonkostensubsidie": {"geboortedatum": "1990-05-01", "uren_per_week": "32", "loonwaarde": "60",
                            "peildatum": "2027-01-15"},
    "/bijstandsnorm": {"actie": "bereken", "peildatum": "2027-07-01", "belanghebbende-leeftijd": "40",
                       "aantal_medebewoners": "1", "medebewoners-0-leeftijd": "30", "medebewoners-0-relatie": "familie",
                       "medebewoners-0-onderwijs": "geen", "netto_inkomsten_per_maand": "1000",
                       "vrijlating-soort": "medisch_urenbeperkt", "vrijlating-maand": "1"},
    # overheid, above the threshold: the 2027 percentage is the copied one (or none: then the form's own)
    "/quotumheffing": {"jaar": "2027", "sector": "overheid", "verloonde_uren_totaal": "100000",
                       "verloonde_uren_doelgroep": "1000", "quotumpercentage": "2,5"},
    "/vrijwilligersvergoeding": {"jaar": "2027", "geboortedatum": "1980-06-15", "ontvangt_bijstand": "on",
                                 "m1_vergoeding": "150", "m1_uren": "30", "m12_vergoeding": "100", "m12_uren": "20"},
}


@pytest.mark.parametrize("pad", list(FORMULIEREN))
def test_elk_formulier_in_2027(app_2027, pad):
    client = app_2027.test_client()
    r = client.post(pad, data={**FORMULIEREN[pad], "csrf_token": csrf_token(client, pad)})
    html = r.get_data(as_text=True)
    assert r.status_code == 200, html[html.find("<main"):][:3000]
    assert "2027" in html


def test_formulieren_tonen_de_jaren_uit_de_data(app_2027, client):
    assert "van 2022 tot en met 2027" in app_2027.test_client().get("/quotumheffing").get_data(as_text=True)
    assert "van 2022 tot en met 2026" in client.get("/quotumheffing").get_data(as_text=True)
    assert "2022 tot en met 2027." in app_2027.test_client().get("/vrijwilligersvergoeding").get_data(as_text=True)


def test_openapi_volgt_de_data(app_2027, client):
    """The year ranges in the OpenAPI document come from the parameter set of the app."""
    def jaar(c, schema):
        return c.get("/api/v1/openapi.json").get_json()["components"]["schemas"][schema]["properties"]["jaar"]
    for schema in ("QuotumheffingInvoer", "VrijwilligersvergoedingInvoer"):
        assert (jaar(client, schema)["minimum"], jaar(client, schema)["maximum"]) == (2022, 2026)
        assert (jaar(app_2027.test_client(), schema)["minimum"], jaar(app_2027.test_client(), schema)["maximum"]) == (2022, 2027)


@freeze_time("2027-01-01")
def test_standaarddatum_vandaag_in_de_verlengde_map(app_2027):
    """1 January 2027 with the default date (today): the extended copy computes it."""
    client = app_2027.test_client()
    r = client.post("/api/v1/loonkostensubsidie", json={"geboortedatum": "1990-05-01", "uren_per_week": 32,
                                                        "loonwaarde": 60})
    assert r.status_code == 200 and r.get_json()["rekenbewijs"]["peildatum"] == "2027-01-01"


def test_omgevingsvariabele_kiest_de_map(map_2027, monkeypatch):
    monkeypatch.setenv("REKENHULP_PARAMETERS", str(map_2027))
    default_parameters.cache_clear()
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "test"})
        assert app.config["REKENHULP_PARAMETERS"] == str(map_2027)
        r = app.test_client().get("/api/v1/parameters")
        assert r.get_json()["bekend_tot"] == "2027-12-31"
    finally:
        monkeypatch.delenv("REKENHULP_PARAMETERS")
        default_parameters.cache_clear()
    assert default_parameters().bekend_tot == HORIZON


# --- at the edge of what is known (the shipped files, horizon 31 December 2026) --------------------------


def test_api_parameters_geeft_de_horizon(client):
    assert client.get("/api/v1/parameters").get_json()["bekend_tot"] == "2026-12-31"
    assert client.get("/api/v1/parameters?datum=2027-01-01").get_json()["bekend_tot"] == "2026-12-31"
    detail = client.get("/api/v1/parameters/wml.uurloon").get_json()
    assert "Staatscourant" in detail["publicatie"]


@freeze_time("2027-01-01")
def test_api_standaarddatum_na_de_horizon(client):
    r = client.post("/api/v1/loonkostensubsidie", json={"geboortedatum": "1990-05-01", "uren_per_week": 32,
                                                        "loonwaarde": 60})
    assert r.status_code == 422 and r.mimetype == "application/problem+json"
    body = r.get_json()
    assert body["bekend_tot"] == "2026-12-31"
    assert [f["pad"] for f in body["fouten"]] == ["$.peildatum"]
    assert "bekend tot en met 2026-12-31" in body["fouten"][0]["bericht"]  # the API keeps the exact reason


@freeze_time("2026-12-01")
def test_api_standaarddatum_voor_de_horizon(client):
    r = client.post("/api/v1/loonkostensubsidie", json={"geboortedatum": "1990-05-01", "uren_per_week": 32,
                                                        "loonwaarde": 60})
    assert r.status_code == 200 and "bekend_tot" not in r.get_json()


def _geen_code_of_iso(tekst: str) -> None:
    assert "wml." not in tekst and "bijstand." not in tekst and "vrijwilligersvergoeding." not in tekst
    assert "2026-12-31" not in tekst and "2027-01-01" not in tekst and "parameter '" not in tekst


@freeze_time("2027-01-01")
def test_formulier_standaarddatum_na_de_horizon(client):
    data = {"geboortedatum": "1990-05-01", "uren_per_week": "32", "loonwaarde": "60",
            "csrf_token": csrf_token(client, "/loonkostensubsidie")}  # no peildatum: today
    r = client.post("/loonkostensubsidie", data=data)
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    fout = html[html.find("De bedragen en percentages voor"):][:400]
    assert "De bedragen en percentages voor 1 januari 2027 zijn nog niet gepubliceerd." in fout
    assert "De rekenhulp kent ze tot en met 31 december 2026." in fout
    assert "Kies een datum tot en met 31 december 2026" in fout
    _geen_code_of_iso(html.split("<main", 1)[1])


def test_bijstandsformulier_na_de_horizon(client):
    r = client.post("/bijstandsnorm", data={**FORMULIEREN["/bijstandsnorm"],
                                            "csrf_token": csrf_token(client, "/bijstandsnorm")})
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "De bedragen en percentages voor 1 juli 2027 zijn nog niet gepubliceerd." in html
    assert "Kies een datum tot en met 31 december 2026" in html
    _geen_code_of_iso(html.split("<main", 1)[1])


@pytest.mark.parametrize("pad", ["/quotumheffing", "/vrijwilligersvergoeding"])
def test_formulier_jaar_na_de_horizon(client, pad):
    r = client.post(pad, data={**FORMULIEREN[pad], "csrf_token": csrf_token(client, pad)})
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "De bedragen en percentages voor 2027 zijn nog niet (allemaal) gepubliceerd." in html
    assert "tot en met 31 december 2026. Kies een eerder jaar" in html
    _geen_code_of_iso(html.split("<main", 1)[1])


def test_formulier_in_het_engels(client):
    data = {**FORMULIEREN["/loonkostensubsidie"], "csrf_token": csrf_token(client, "/loonkostensubsidie?taal=en")}
    html = client.post("/loonkostensubsidie?taal=en", data=data).get_data(as_text=True)
    assert "have not been published yet" in html and "31 December 2026" in html


@pytest.mark.parametrize("vandaag, melding", [
    ("2026-11-29", None),  # 32 days before the horizon: no notice
    ("2026-11-30", "De rekenhulp kent de bedragen en percentages tot en met 31 december 2026."),  # 31 days
    ("2026-12-01", "De rekenhulp kent de bedragen en percentages tot en met 31 december 2026."),
    ("2026-12-31", "De rekenhulp kent de bedragen en percentages tot en met 31 december 2026."),
    ("2027-01-01", "De bedragen en percentages na 31 december 2026 zijn nog niet gepubliceerd."),
])
def test_melding_op_de_homepagina(client, vandaag, melding):
    with freeze_time(vandaag):
        html = client.get("/").get_data(as_text=True)
    if melding is None:
        assert 'id="horizon-melding"' not in html
    else:
        assert 'id="horizon-melding"' in html and melding in html


# --- the command line ---------------------------------------------------------------------------------


@pytest.mark.parametrize("vandaag, waarschuwing", [("2026-10-31", False), ("2026-11-01", True),
                                                  ("2026-12-01", True), ("2027-01-01", True)])
def test_parameters_check_horizon(vandaag, waarschuwing):
    """`parameters check` prints the horizon and warns in one line (exit 0) within 60 days of it.
    2026-11-01 + 60 days = 2026-12-31: the first day of the warning."""
    with freeze_time(vandaag):
        r = CliRunner().invoke(main, ["parameters", "check"])
    assert r.exit_code == 0, r.output
    assert "Horizon: alle waarden zijn bekend tot en met 2026-12-31." in r.output
    regels = [regel for regel in r.output.splitlines() if "WAARSCHUWING" in regel]
    assert len(regels) == (1 if waarschuwing else 0)
    if waarschuwing:
        assert "2026-12-31" in regels[0] and "rekenhulp parameters ontbrekend 2027-01-01" in regels[0]


def test_parameters_check_periode_uit_de_data(map_2027):
    r = CliRunner().invoke(main, ["parameters", "check", "--map", str(map_2027)])
    assert r.exit_code == 0, r.output
    assert "Alle parameters zijn gedekt van 2022-01-01 tot en met 2027-12-31." in r.output


def test_parameters_ontbrekend():
    r = CliRunner().invoke(main, ["parameters", "ontbrekend", "2027-01-01"])
    assert r.exit_code == 0, r.output
    ps = default_parameters()
    assert f"{len(ps.names)} van {len(ps.names)} parameters hebben geen waarde op 2027-01-01" in r.output
    uit = r.output.splitlines()
    i = next(n for n, regel in enumerate(uit) if regel.strip().startswith("wml.uurloon "))
    assert "bekend tot en met 2026-12-31" in uit[i] and "Staatscourant" in uit[i + 1]
    i = next(n for n, regel in enumerate(uit) if regel.strip().startswith("vrijwilligersvergoeding.max_per_jaar "))
    assert "Belastingdienst" in uit[i + 1]
    i = next(n for n, regel in enumerate(uit) if regel.strip().startswith("bijstand.norm_21.gehuwden "))
    assert "SZW, normenbedragen" in uit[i + 1]
    assert "Alle 64" not in r.output
    binnen = CliRunner().invoke(main, ["parameters", "ontbrekend", "2026-07-01"])
    assert "wml.weekloon (wml.yaml; vervallen op deze datum)" in binnen.output
    assert "wml.uurloon" not in binnen.output


def test_elke_parameter_zegt_waar_de_volgende_waarde_verschijnt():
    assert [p.naam for p in default_parameters() if not p.publicatie] == []


# --- the new fields are validated at load -----------------------------------------------------------


GOED = """\
titel: Test
ondersteund_vanaf: 2024-01-01
publicatie:
  "*": Staatscourant, halfjaarlijkse regeling
  test.bedrag: Staatscourant, regeling voor het bedrag
parameters:
  test.bedrag:
    omschrijving: Een testbedrag
    eenheid: EUR
    grondslag: Testwet art. 1
    bekend_tot: 2026-12-31
    waarden:
      - vanaf: 2020-01-01
        waarde: 10.10
        bron: Stcrt. 2023, 12345
        status: bevestigd
  test.ander:
    omschrijving: Een ander bedrag
    eenheid: EUR
    grondslag: Testwet art. 2
    bekend_tot: 2026-06-30
    publicatie: Eigen publicatieplaats van deze parameter
    waarden:
      - vanaf: 2022-01-01
        waarde: 1
        bron: Stcrt. 2023, 12345
        status: bevestigd
"""


def _schrijf(tmp_path, tekst):
    (tmp_path / "test.yaml").write_text(textwrap.dedent(tekst), encoding="utf-8")
    return tmp_path


def test_publicatie_en_periode_worden_gelezen(tmp_path):
    ps = load_parameters(_schrijf(tmp_path, GOED))
    assert ps.parameter("test.bedrag").publicatie == "Staatscourant, regeling voor het bedrag"  # longest prefix
    assert ps.parameter("test.ander").publicatie == "Eigen publicatieplaats van deze parameter"  # its own field
    assert ps.periode("test.yaml") == (date(2024, 1, 1), date(2026, 6, 30))  # the earliest bekend_tot
    assert ps.jaren("test.yaml") == (2024, 2026) and ps.bekend_tot == date(2026, 6, 30)
    zonder = load_parameters(_schrijf(tmp_path, GOED.replace("ondersteund_vanaf: 2024-01-01\n", "")))
    assert zonder.periode("test.yaml")[0] == date(2020, 1, 1)  # without it: the earliest vanaf


@pytest.mark.parametrize("fout, melding", [
    (("  test.bedrag: Staatscourant", "  test.bedrg: Staatscourant"), "publicatie.test.bedrg: geen parameter"),
    (("publicatie: Eigen publicatieplaats van deze parameter", "publicatie: kort"), "test.ander.publicatie: te kort"),
    (('"*": Staatscourant, halfjaarlijkse regeling', '"*": kort'), "publicatie.*"),
    (("ondersteund_vanaf: 2024-01-01", "ondersteund_vanaf: 2024-13-01"), "geen geldige datum"),
])
def test_nieuwe_velden_gevalideerd(tmp_path, fout, melding):
    with pytest.raises(ParameterFileError) as exc:
        load_parameters(_schrijf(tmp_path, GOED.replace(*fout)))
    assert "test.yaml" in str(exc.value) and melding in str(exc.value), str(exc.value)

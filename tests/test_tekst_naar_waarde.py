"""One converter from typed text to a value (issue 16 part 3): a web form field and a CSV (or .xlsx) cell go through
soorten.getallen.tekst_naar_waarde, so the same text gives the same value or the same error in both channels.
The rule (README, "Getallen in formulieren en CSV"; issue 19: "100.000" was 100 in a CSV and 100 000 in a form):
"1.234,56" is 1234.56, "32,5" is 32.5, "100.000" is refused as ambiguous, "15-01-2026" is 2026-01-15."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from batch.verwerking import cel_naar_json, veldsoorten, verwerk
from soorten.getallen import OngeldigGetal, tekst_naar_waarde
from soorten.register import SOORTEN, laad_alle_soorten
from web import formulier_naar_invoer
from web.loonkostensubsidie import LKS_VELDEN

from conftest import csrf_token

GEVALLEN = [  # (veldsoort, typed text, the value for the schema, or None when refused with a message)
    ("getal", "1.234,56", "1234.56"),
    ("getal", "32,5", "32.5"),
    ("getal", " 32,5 ", "32.5"),
    ("getal", "1.234.567", "1234567"),
    ("getal", "30.5", "30.5"),
    ("getal", "€ 2.400,00", "2400.00"),
    ("getal", "100.000", None),  # a hundred or a hundred thousand: refused
    ("geheel", "60", 60),
    ("geheel", "60%", 60),
    ("geheel", "1.000.000", 1000000),
    ("geheel", "100.000", None),
    ("datum", "15-01-2026", "2026-01-15"),
    ("datum", "5/1/2026", "2026-01-05"),
    ("datum", "2026-01-15", "2026-01-15"),
    ("janee", "ja", True),
    ("janee", "Nee", False),
    ("janee", "true", True),
    ("janee", "0", False),
]


@pytest.mark.parametrize("veldsoort,tekst,verwacht", GEVALLEN)
def test_formulier_en_csv_cel_geven_dezelfde_waarde(veldsoort, tekst, verwacht):
    uit_formulier = formulier_naar_invoer({"v": tekst}, {"v": veldsoort})["v"]
    uit_cel = cel_naar_json(tekst, veldsoort, "v")
    assert uit_formulier == uit_cel == tekst_naar_waarde(tekst.strip(), veldsoort)
    if verwacht is None:
        assert isinstance(uit_formulier, OngeldigGetal) and isinstance(uit_cel, OngeldigGetal)
        assert uit_formulier.bericht == uit_cel.bericht and "dubbelzinnig" in uit_cel.bericht
    else:
        assert uit_formulier == verwacht and type(uit_formulier) is type(verwacht)


def test_formulier_en_batch_lezen_de_velden_als_dezelfde_soort():
    """The LKS form names a kind per field by hand; the batch derives it from the schema. They must agree, or one
    text would be read two ways."""
    laad_alle_soorten()
    uit_schema = veldsoorten(SOORTEN["loonkostensubsidie"].invoer_schema)
    assert {naam: uit_schema[naam] for naam in LKS_VELDEN} == LKS_VELDEN


def _csv(tmp_path, regels: list[str]) -> list[dict]:
    invoer = tmp_path / "in.csv"
    invoer.write_text("geboortedatum;uren_per_week;loonwaarde;peildatum\n" + "\n".join(regels) + "\n", encoding="utf-8")
    verwerk(str(invoer), str(tmp_path / "uit.csv"), "loonkostensubsidie")
    with open(tmp_path / "uit.csv", encoding="utf-8-sig", newline="") as f:
        rijen = list(csv.reader(f, delimiter=";"))
    return [dict(zip(rijen[0], r)) for r in rijen[1:] if r][:len(regels)]


def test_zelfde_invoer_zelfde_uitkomst_en_fout_via_formulier_en_csv(client, tmp_path):
    """The same LKS case typed the Dutch way (15-01-2026, 32,5 hours, loonwaarde 60 %, born 01-05-1990) in the form
    and in a CSV row gives the same subsidy: the amounts themselves are tested against art. 10d Pw in
    tests/test_loonkostensubsidie.py; here only that both channels read the text alike. For 32 hours the subsidy is
    881,05 (tests/test_batch_cli.py); with half an hour more the WML part, and so the subsidy, is larger.
    "32.500" is refused in both, with the same message."""
    rijen = _csv(tmp_path, ["01-05-1990;32,5;60;15-01-2026", "01-05-1990;32.500;60;15-01-2026"])
    goed, fout = rijen
    assert goed["fouten"] == "" and Decimal(goed["resultaat.loonkostensubsidie"].replace(",", ".")) > Decimal("881.05")
    data = {"geboortedatum": "01-05-1990", "uren_per_week": "32,5", "loonwaarde": "60", "peildatum": "15-01-2026",
            "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    html = client.post("/loonkostensubsidie", data=data).get_data(as_text=True)
    bedrag = Decimal(goed["resultaat.loonkostensubsidie"].replace(",", "."))  # a ";" CSV has decimal commas
    assert "€\xa0" + f"{bedrag:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") in html
    r = client.post("/loonkostensubsidie", data={**data, "uren_per_week": "32.500",
                                                  "csrf_token": csrf_token(client, "/loonkostensubsidie")})
    assert r.status_code == 422
    bericht = tekst_naar_waarde("32.500", "getal").bericht
    assert bericht in fout["fouten"] and "$.uren_per_week" in fout["fouten"]
    assert bericht.replace("'", "&#39;") in r.get_data(as_text=True)

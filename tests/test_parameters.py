"""Parameter files: validation at load (file, parameter and date named), look-up by date, and no
silent fallback to another period."""

from __future__ import annotations

import textwrap
from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner

from parameters import MissingParameterError, ParameterFileError, default_parameters, load_parameters

GOED = """\
titel: Test
parameters:
  test.bedrag:
    omschrijving: Een testbedrag
    eenheid: EUR
    grondslag: Testwet art. 1
    bekend_tot: 2026-12-31
    waarden:
      - vanaf: 2024-01-01
        waarde: 10.10
        bron: Stcrt. 2023, 12345
        status: bevestigd
      - vanaf: 2025-01-01
        waarde: 11.20
        bron: Stcrt. 2024, 54321
        status: voorlopig
        toelichting: nog niet gepubliceerd
"""


def schrijf(tmp_path, tekst: str, naam: str = "test.yaml"):
    (tmp_path / naam).write_text(textwrap.dedent(tekst), encoding="utf-8")
    return tmp_path


def fout(tmp_path, tekst: str) -> ParameterFileError:
    with pytest.raises(ParameterFileError) as exc:
        load_parameters(schrijf(tmp_path, tekst))
    return exc.value


def test_goed_bestand_wordt_exact_geladen(tmp_path):
    ps = load_parameters(schrijf(tmp_path, GOED))
    pv = ps.at("test.bedrag", date(2024, 6, 30))
    assert pv.waarde == Decimal("10.10") and isinstance(pv.waarde, Decimal)  # never a float
    assert pv.vanaf == date(2024, 1, 1) and pv.status == "bevestigd"
    assert ps.at("test.bedrag", date(2025, 1, 1)).voorlopig


def test_waarde_geldt_vanaf_de_dag_zelf(tmp_path):
    ps = load_parameters(schrijf(tmp_path, GOED))
    assert ps.at("test.bedrag", date(2024, 12, 31)).waarde == Decimal("10.10")
    assert ps.at("test.bedrag", date(2025, 1, 1)).waarde == Decimal("11.20")


def test_datum_voor_de_eerste_waarde_is_een_fout(tmp_path):
    ps = load_parameters(schrijf(tmp_path, GOED))
    with pytest.raises(MissingParameterError) as exc:
        ps.at("test.bedrag", date(2023, 12, 31))
    assert "test.bedrag" in str(exc.value) and "2023-12-31" in str(exc.value)


def test_na_bekend_tot_geen_stille_terugval_op_de_laatste_waarde(tmp_path):
    ps = load_parameters(schrijf(tmp_path, GOED))
    with pytest.raises(MissingParameterError) as exc:
        ps.at("test.bedrag", date(2027, 1, 1))
    assert "2027-01-01" in str(exc.value) and "bekend tot en met 2026-12-31" in str(exc.value)


def test_vervallen_parameter_geeft_fout_na_de_einddatum():
    with pytest.raises(MissingParameterError) as exc:
        default_parameters().at("wml.weekloon", date(2024, 3, 1))
    assert "wml.weekloon" in str(exc.value) and "vervallen per 2024-01-01" in str(exc.value)


def test_ontbrekende_bron_noemt_bestand_parameter_en_datum(tmp_path):
    e = fout(tmp_path, GOED.replace("        bron: Stcrt. 2023, 12345\n", ""))
    assert e.bestand == "test.yaml"
    assert "test.bedrag[2024-01-01].bron: ontbreekt" in e.meldingen


def test_voorlopig_zonder_toelichting(tmp_path):
    e = fout(tmp_path, GOED.replace("        toelichting: nog niet gepubliceerd\n", ""))
    assert any(m.startswith("test.bedrag[2025-01-01].toelichting:") for m in e.meldingen)


def test_onbekende_status(tmp_path):
    e = fout(tmp_path, GOED.replace("status: bevestigd", "status: misschien"))
    assert any("test.bedrag[2024-01-01].status" in m for m in e.meldingen)


def test_dubbele_datum(tmp_path):
    e = fout(tmp_path, GOED.replace("vanaf: 2025-01-01", "vanaf: 2024-01-01"))
    assert "test.bedrag[2024-01-01]: datum komt twee keer voor" in e.meldingen


def test_datums_niet_oplopend(tmp_path):
    e = fout(tmp_path, GOED.replace("vanaf: 2025-01-01", "vanaf: 2023-01-01"))
    assert any("test.bedrag[2023-01-01]: datums staan niet oplopend" in m for m in e.meldingen)


def test_waarde_geen_getal(tmp_path):
    e = fout(tmp_path, GOED.replace("waarde: 10.10", "waarde: tien"))
    assert any("test.bedrag[2024-01-01]: waarde 'tien' is geen getal" in m for m in e.meldingen)


def test_negatief_bedrag_en_procent_buiten_bereik(tmp_path):
    e = fout(tmp_path, GOED.replace("waarde: 10.10", "waarde: -1"))
    assert "test.bedrag[2024-01-01]: -1 < minimum 0" in e.meldingen
    e = fout(tmp_path, GOED.replace("eenheid: EUR", "eenheid: procent").replace("waarde: 11.20", "waarde: 120"))
    assert any("test.bedrag[2025-01-01]: 120 valt buiten 0..100 procent" in m for m in e.meldingen)


def test_onbekende_eenheid_en_onbekend_veld(tmp_path):
    e = fout(tmp_path, GOED.replace("eenheid: EUR", "eenheid: gulden").replace("    grondslag:", "    kleur: rood\n    grondslag:"))
    assert any(m.startswith("test.bedrag.eenheid:") for m in e.meldingen)
    assert "test.bedrag.kleur: onbekend veld" in e.meldingen


def test_ongeldige_yaml(tmp_path):
    e = fout(tmp_path, "titel: [niet gesloten\n")
    assert "geen geldige YAML" in str(e)


def test_dezelfde_parameter_in_twee_bestanden(tmp_path):
    schrijf(tmp_path, GOED, "a.yaml")
    e = fout(tmp_path, GOED)  # writes test.yaml beside a.yaml
    assert any("staat ook in a.yaml" in m for m in e.meldingen)


def test_ongeldig_bestand_stopt_de_dienst_bij_de_start(tmp_path, monkeypatch):
    schrijf(tmp_path, GOED.replace("        bron: Stcrt. 2023, 12345\n", ""))
    monkeypatch.setenv("REKENHULP_PARAMETERS", str(tmp_path))
    default_parameters.cache_clear()
    try:
        from rekenhulp import create_app
        from rekenhulp.cli import main

        with pytest.raises(ParameterFileError) as exc:
            create_app()
        assert "test.yaml" in str(exc.value) and "test.bedrag[2024-01-01].bron" in str(exc.value)
        result = CliRunner().invoke(main, ["serve", "--port", "0"])
        assert result.exit_code == 1
        assert "test.bedrag[2024-01-01].bron: ontbreekt" in result.output
    finally:
        monkeypatch.delenv("REKENHULP_PARAMETERS")
        default_parameters.cache_clear()


def test_cli_parameters_check(tmp_path):
    from rekenhulp.cli import main

    ok = CliRunner().invoke(main, ["parameters", "check"])
    assert ok.exit_code == 0, ok.output
    assert "Alle parameters zijn gedekt van 2022-01-01 tot en met 2026-12-31" in ok.output
    kapot = CliRunner().invoke(main, ["parameters", "check", "--map", str(schrijf(tmp_path, GOED.replace("status: bevestigd", "status: zeker")))])
    assert kapot.exit_code == 1
    assert "test.bedrag[2024-01-01].status" in kapot.output


def test_vingerafdruk_verandert_met_de_bestanden(tmp_path):
    a = load_parameters(schrijf(tmp_path, GOED)).fingerprint
    b = load_parameters(schrijf(tmp_path, GOED.replace("10.10", "10.11"))).fingerprint
    assert a != b and len(a) == 16

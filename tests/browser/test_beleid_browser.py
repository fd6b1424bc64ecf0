"""Browser round trips of issue 17 parts 1-2 that the calculators' own forms and the caseload page gained: a
scenario from the scenario page into the LKS form, its result and permalink; a scenario uploaded as YAML on the form;
a caseload upload with its progress and the Excel download. axe-core at 1280 and 390 px on every page.

Amounts (arithmetic in tests/test_scenario.py and tests/test_bestandsvergelijking.py): the LKS of 30 years, 32 hours,
loonwaarde 60, peildatum 2026-01-15 is officially € 881,05 (2 294,40 × 32 / 36 = 2 039,47; + 163,16 = 2 202,63;
− 1 321,58); with wml.maandloon € 2.400,00 from 2026-01-01 it is € 921,60 (2 400,00 × 32 / 36 = 2 133,33;
+ 170,67 = 2 304,00; − 1 382,40)."""

from __future__ import annotations

import base64
import io

import pytest

from .conftest import axe_check

openpyxl = pytest.importorskip("openpyxl")

YAML = "naam: WML 2400\nparameters:\n  wml.maandloon:\n    - vanaf: 2026-01-01\n      waarde: 2400.00\n"


def _open(page, url):
    resp = page.goto(url)
    assert resp is not None and resp.status == 200, url
    return resp


def _vul_lks(page):
    page.fill("#peildatum", "2026-01-15")
    page.fill("#leeftijd", "30")
    page.fill("#uren_per_week", "32")
    page.fill("#loonwaarde", "60")


def _tekst(page) -> str:
    return page.locator("main").inner_text().replace("\xa0", " ")


def test_scenario_naar_het_lks_formulier_en_de_permalink(page, server):
    _open(page, f"{server}/scenario?taal=nl")
    page.fill("#naam", "WML 2400")
    page.select_option("#p0", "wml.maandloon")
    page.fill("#v0", "2026-01-01")
    page.fill("#w0", "2400,00")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").first.click()
    # "toepassen op een geval": the calculator's own form, carrying the scenario
    with page.expect_navigation():
        page.click("a[data-formulier=loonkostensubsidie]")
    assert page.url.startswith(f"{server}/loonkostensubsidie?s=")
    assert "Rekenen met scenario “WML 2400”" in _tekst(page)
    axe_check(page, "LKS-formulier met scenario")
    _vul_lks(page)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    tekst = _tekst(page)
    assert "Berekend met scenario “WML 2400”" in tekst and "€ 921,60" in tekst
    rij = page.locator("tr", has=page.locator("code", has_text="wml.maandloon")).first.inner_text()
    assert "scenario" in rij and "€ 2.400,00" in rij.replace("\xa0", " ")
    axe_check(page, "LKS-uitkomst met scenario")
    # the permalink reproduces it (a fresh page: nothing but the address)
    adres = page.locator("a[rel=bookmark]").get_attribute("href")
    assert "s=" in adres
    _open(page, f"{server}{adres}")
    tekst = _tekst(page)
    assert "Berekend met scenario “WML 2400”" in tekst and "€ 921,60" in tekst
    # and "zonder scenario rekenen" on the form gives the official amount again
    with page.expect_navigation():
        page.click("a.invoer-aanpassen")
    page.check("#scenario_weg")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    tekst = _tekst(page)
    assert "€ 881,05" in tekst and "Berekend met scenario" not in tekst
    assert not page.console_fouten, page.console_fouten


def test_scenario_als_bestand_op_het_formulier(page, server, tmp_path):
    pad = tmp_path / "wml.yaml"
    pad.write_text(YAML, encoding="utf-8")
    _open(page, f"{server}/loonkostensubsidie?taal=nl")
    _vul_lks(page)
    page.click(".scenario-blok summary")
    page.set_input_files("#scenario_bestand", str(pad))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "€ 921,60" in _tekst(page) and "Berekend met scenario “WML 2400”" in _tekst(page)
    # a bad file: the error summary links to the file field (inside the opened block)
    pad.write_text(YAML.replace("2400.00", "-5"), encoding="utf-8")
    _open(page, f"{server}/loonkostensubsidie?taal=nl")
    _vul_lks(page)
    page.click(".scenario-blok summary")
    page.set_input_files("#scenario_bestand", str(pad))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "-5 is kleiner dan het minimum 0" in page.locator("#foutoverzicht").inner_text()
    assert page.locator("#scenario_bestand").get_attribute("aria-invalid") == "true"
    axe_check(page, "LKS-formulier met fout in het scenariobestand")


def test_bestand_met_voortgang_en_excel(page, server):
    """200 cases (50 × L1..L4 of tests/test_bestandsvergelijking.py): A 50 × 3 445,52 = 172 276,00, B 50 × 3 606,80 =
    180 340,00, verschil 50 × 161,28 = 8 064,00."""
    wb = openpyxl.Workbook()
    wb.active.append(["id", "wijk", "leeftijd", "uren_per_week", "loonwaarde"])
    for i in range(50):
        for naam, wijk, uren, lw in (("L1", "Noord", 32, 60), ("L2", "Zuid", 40, 40), ("L3", "Noord", 32, 100),
                                     ("L4", "Zuid", 24, 20)):
            wb.active.append([f"{naam}-{i}", wijk, 30, uren, lw])
    buf = io.BytesIO()
    wb.save(buf)
    _open(page, f"{server}/bestandsvergelijking?taal=nl")
    page.select_option("#soort", "loonkostensubsidie")
    page.set_input_files("#bestand", files=[{"name": "gevallen.xlsx", "buffer": buf.getvalue(),
                                            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}])
    page.fill("#a_peildatum", "2025-07-01")
    page.fill("#b_peildatum", "2026-07-01")
    page.fill("#groep_op", "wijk")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    # the progress: one step visible at the end, a labelled <progress> at 100 % in a status region
    zichtbaar = page.locator(".voortgang__stap:visible")
    assert zichtbaar.count() == 1
    assert zichtbaar.locator("progress").get_attribute("value") == "100"
    assert zichtbaar.locator("progress").get_attribute("aria-label") == "Voortgang van de berekening"
    assert "Klaar: 200 gevallen berekend." in zichtbaar.inner_text()
    assert page.locator(".voortgang__stappen[role=status]").count() == 1
    tekst = _tekst(page)
    assert "€ 172.276,00" in tekst and "€ 180.340,00" in tekst and "€ 8.064,00" in tekst
    axe_check(page, "bestandsvergelijking met voortgang")
    # the Excel download: rows and the summary sheet
    href = page.locator("a[download$='vergelijking.xlsx']").get_attribute("href")
    terug = openpyxl.load_workbook(io.BytesIO(base64.b64decode(href.split(",", 1)[1])))
    s = {r[0]: r[1:] for r in terug["Samenvatting"].iter_rows(values_only=True) if r and r[0] is not None}
    assert s["loonkostensubsidie"][:3] == (172276, 180340, 8064) and s["Gevallen"][0] == 200
    assert not page.console_fouten, page.console_fouten

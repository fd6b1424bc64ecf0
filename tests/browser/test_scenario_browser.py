"""Browser round trip of the scenario and caseload comparison pages (issue 17), with axe-core at 1280 and 390 px.

Amounts: a scenario with wml.maandloon € 2.400,00 from 2026-01-01 (the WML per maand of Participatiewet art. 2, on
which the LKS rests) gives the LKS example (35 years, 32 hours, loonwaarde 60, peildatum 2026-01-01) € 921,60 instead
of the official € 881,05, difference € 40,55 (arithmetic in tests/test_scenario.py: 2 400,00 × 32 / 36 = 2 133,33;
+ 170,67 = 2 304,00; − 60 % 1 382,40 = 921,60; officially 2 294,40 × 32 / 36 = 2 039,47; + 163,16 = 2 202,63;
− 1 321,58 = 881,05)."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, TELEFOON, axe_check, screenshot


def _open(page, url):
    resp = page.goto(url)
    assert resp is not None and resp.status == 200, url
    return resp


@pytest.mark.parametrize("taal", ("nl", "en"))
def test_scenario_rondgang(page, server, taal, tmp_path):
    _open(page, f"{server}/scenario?taal={taal}&onthoud_taal=1")  # as the language switch: remembered for the next pages
    axe_check(page, f"scenario leeg ({taal})")
    screenshot(page, f"scenario-{taal}-formulier")  # screenshots/ (README), desktop and phone (issue 18)
    page.fill("#naam", "WML 2400")
    page.select_option("#p0", "wml.maandloon")
    page.fill("#v0", "2026-01-01")
    page.fill("#w0", "2.400,00")  # typed the Dutch way, thousands separator and all
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").first.click()
    assert "/scenario?s=" in page.url
    tabel = page.locator("#zij-aan-zij ~ .tabel-scroll table").inner_text()
    # words for people (issue 18): the description; the code only after opening "Technische details"
    assert "Wettelijk minimumloon per maand" in tabel and "wml.maandloon" not in tabel
    page.locator("#zij-aan-zij ~ .tabel-scroll details.technisch summary").first.click()
    assert "wml.maandloon" in page.locator("#zij-aan-zij ~ .tabel-scroll table").inner_text()
    if taal == "nl":
        assert "€ 2.294,40" in tabel.replace("\xa0", " ") and "€ 2.400,00" in tabel.replace("\xa0", " ")
    axe_check(page, f"scenario met waarden ({taal})")
    screenshot(page, f"scenario-{taal}-resultaat")
    # download the YAML, upload it again: the same scenario (fingerprint)
    vingerafdruk = page.locator("#zij-aan-zij ~ p code").first.inner_text()
    with page.expect_download() as dl:
        page.locator("a[download]").first.click()
    pad = tmp_path / "scenario.yaml"
    dl.value.save_as(pad)
    assert "wml.maandloon" in pad.read_text(encoding="utf-8")
    _open(page, f"{server}/scenario")
    page.set_input_files("#bestand", str(pad))
    with page.expect_navigation():
        page.locator("form[action$='/scenario/upload'] button[type=submit]").click()
    assert page.locator("#zij-aan-zij ~ p code").first.inner_text() == vingerafdruk
    # apply it to a calculation (the LKS example): official and scenario side by side
    page.select_option("#toepassen-soort", "loonkostensubsidie")
    with page.expect_navigation():
        page.locator("form[action$='/scenario/toepassen'] button[type=submit]").click()
    tekst = page.locator("main").inner_text().replace("\xa0", " ")
    if taal == "nl":
        assert "€ 881,05" in tekst and "€ 921,60" in tekst and "€ 40,55" in tekst
    else:
        assert "€881.05" in tekst.replace(" ", "") and "€921.60" in tekst.replace(" ", "")
    axe_check(page, f"scenario toegepast ({taal})")
    screenshot(page, f"scenario-toegepast-{taal}-resultaat")
    # the page's own address reproduces it (the permalink)
    adres = page.url
    _open(page, adres)
    assert "921" in page.locator("main").inner_text()
    # and to a caseload: official against the scenario on one peildatum
    _open(page, f"{server}/scenario?s={adres.split('s=')[1].split('&')[0]}")
    with page.expect_navigation():
        page.locator("a[href*='/bestandsvergelijking?s_b=']").click()
    axe_check(page, f"bestandsvergelijking formulier ({taal})")
    screenshot(page, f"bestandsvergelijking-{taal}-formulier")
    bestand = tmp_path / "gevallen.csv"
    bestand.write_text("id,wijk,leeftijd,uren_per_week,loonwaarde\nL1,Noord,30,32,60\nL2,Zuid,30,32,100\n", encoding="utf-8")
    page.select_option("#soort", "loonkostensubsidie")
    page.set_input_files("#bestand", str(bestand))
    page.fill("#a_peildatum", "2026-01-15")
    page.fill("#b_peildatum", "2026-01-15")
    page.fill("#groep_op", "wijk")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    tekst = page.locator("main").inner_text().replace("\xa0", " ")
    # L1 on 2026-01-15: 881,05 -> 921,60 (the same arithmetic); L2 (loonwaarde 100): 0 in both.
    # Totals A 881,05, B 921,60, verschil 40,55; 1 up, 1 the same
    if taal == "nl":
        assert "€ 881,05" in tekst and "€ 921,60" in tekst and "€ 40,55" in tekst
    assert page.locator("figure.grafiek img").count() == 1
    assert page.locator("a[download$='gevallen.csv']").get_attribute("href").startswith("data:text/csv")
    # per wijk every key amount (issue 17), and on a 390 px phone the group table is a stack of blocks: every amount
    # next to its column name, nothing off to the right, the page no wider than the screen (issue 18)
    groepen = page.locator("table.tabel--groepen")
    assert groepen.locator("tbody").count() == 2 and groepen.locator("tbody th[scope=row]").count() == 8
    page.set_viewport_size(TELEFOON)
    try:
        sw, iw = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert sw <= iw, f"bestandsvergelijking {sw} px breed bij {iw} px"
        cellen = page.evaluate("""() => [...document.querySelectorAll('table.tabel--groepen tbody td')]
            .map(td => ({label: td.dataset.label || '', rechts: td.getBoundingClientRect().right,
                         voor: getComputedStyle(td, '::before').content}))""")
        assert len(cellen) == 2 + 8 * 6
        assert all(c["rechts"] <= iw and c["label"] and c["voor"] == f'"{c["label"]}"' for c in cellen), cellen[:3]
    finally:
        page.set_viewport_size(DESKTOP)
    axe_check(page, f"bestandsvergelijking uitkomst ({taal})")
    screenshot(page, f"bestandsvergelijking-{taal}-resultaat")
    assert not page.console_fouten, page.console_fouten


def test_scenario_fouten_toegankelijk(page, server):
    _open(page, f"{server}/scenario")
    page.select_option("#p0", "lks.maximum_percentage")
    page.fill("#v0", "2027-01-01")
    page.fill("#w0", "120")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").first.click()
    overzicht = page.locator("#foutoverzicht").inner_text()
    # the error summary names the field (issue 18): "Naam van het scenario: geef het scenario een naam."
    assert "Naam van het scenario: geef het scenario een naam." in overzicht and "120 valt buiten 0..100 procent" in overzicht
    assert page.locator("#w0").get_attribute("aria-invalid") == "true"
    axe_check(page, "scenario met fouten")

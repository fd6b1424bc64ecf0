"""Every page in a real browser: fill in and submit every calculator, see its result and an error case,
switch language, print layout, and zero axe-core violations everywhere (both languages).

Data-driven over soorten.register.SOORTEN: a calculator that lands later is covered automatically. Its form is
filled from the soort's own `voorbeeld` (a field per top-level key); RECEPTEN adds what that cannot express.
Screenshots of every form, error state and result, in Dutch and English, go to screenshots/.
"""

from __future__ import annotations

import json
import re
import urllib.request
from decimal import Decimal

import pytest
from babel.numbers import format_currency

from soorten.register import SOORTEN, laad_alle_soorten

from .conftest import axe_check, screenshot

laad_alle_soorten()

# Per soort: extra fields to fill ({name: value}) or a different example; {} = the soort's voorbeeld is enough.
RECEPTEN: dict[str, dict] = {
    "loonkostensubsidie": {
        # tests/test_loonkostensubsidie.py::test_deeltijd_32_uur_loonwaarde_60: LKS € 881,05 in January 2026
        "velden": {"geboortedatum": "1990-05-01", "uren_per_week": "32", "loonwaarde": "60", "peildatum": "2026-01-15"},
        "bedragen": {"nl": "€\xa0881,05", "en": "€881.05"},
        "api": {"geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60, "peildatum": "2026-01-15"},
    },
    "bijstandsnorm": {
        # nested voorbeeld: fill the belanghebbende; 2026-01 norm 1.401,50 − (400 − 0) = 1.001,50 (vergoeding 100 vrij)
        "velden": {"belanghebbende-leeftijd": "40", "peildatum": "2026-01-01"},
        "bedragen": {"nl": "€\xa01.001,50", "en": "€1,001.50"},
        "api": {"peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 40}, "kinderen": False,
                "netto_inkomsten_per_maand": "400.00", "vrijwilligersvergoeding_per_maand": "100.00"},
    },
    "vrijwilligersvergoeding": {
        # the voorbeeld's months as rows of the month table
        "velden": {"m1_vergoeding": "150", "m1_uren": "30", "m2_vergoeding": "180", "m2_uren": "36", "m2_kosten": "20"},
        "api": "voorbeeld",
    },
}

TALEN = ("nl", "en")
SOORT_NAMEN = list(SOORTEN)


def _open(page, url: str):
    resp = page.goto(url)
    assert resp is not None
    return resp


def _vul_in(page, naam: str, waarde) -> bool:
    """Fill one field by its name; returns False when the form has no such field."""
    veld = page.locator(f'form [name="{naam}"]')
    if veld.count() == 0:
        return False
    soort = (veld.first.get_attribute("type") or veld.first.evaluate("e => e.tagName")).lower()
    if soort == "checkbox":
        veld.first.set_checked(bool(waarde) and str(waarde).lower() not in ("false", "nee", "0"))
    elif soort == "radio":
        page.locator(f'form [name="{naam}"][value="{waarde}"]').check()
    elif soort == "select":
        veld.first.select_option(str(waarde))
    else:
        veld.first.fill("" if waarde is None else str(waarde))
    return True


def _vul_formulier(page, naam: str) -> dict:
    """Fill the form of soort `naam` from its voorbeeld plus recipe; returns the input used."""
    soort = SOORTEN[naam]
    recept = RECEPTEN.get(naam, {})
    invoer = {k: v for k, v in soort.voorbeeld.items() if not isinstance(v, (dict, list))}
    invoer.update(recept.get("velden", {}))
    for veld, waarde in invoer.items():
        _vul_in(page, veld, waarde)
    return invoer


def _verstuur(page):
    knop = page.locator("main form[method=post] button[type=submit], main form[method=post] input[type=submit]").first
    with page.expect_navigation():
        knop.click()


def _api_bedragen(server: str, naam: str, body: dict) -> list[Decimal]:
    """The non-zero top-level money amounts the API gives for this input."""
    req = urllib.request.Request(f"{server}/api/v1/{naam}", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        resultaat = json.load(resp)["resultaat"]
    return [Decimal(w) for w in resultaat.values()
            if isinstance(w, str) and re.fullmatch(r"-?\d+\.\d{2}", w) and Decimal(w) != 0]


NIET_VERTAALD = "This page is not yet available in English"


def _paginataal(page, gevraagd: str) -> str:
    """The page's language: the requested one, or Dutch with an English notice for a page not translated yet."""
    lang = page.locator("html").get_attribute("lang")
    if lang != gevraagd:
        assert gevraagd == "en" and lang == "nl" and NIET_VERTAALD in page.locator("main").inner_text(), lang
    return lang


def _zet_taal(page, server: str, taal: str, pad: str = "/"):
    # as the language switch does: onthoud_taal=1 remembers the choice for the next pages (a bare ?taal= is for
    # that page only, issue 18)
    _open(page, f"{server}{pad}?taal={taal}&onthoud_taal=1")
    return _paginataal(page, taal)


def test_startpagina_en_verklaring(page, server):
    for taal in TALEN:
        assert _zet_taal(page, server, taal) == taal  # the home page is translated
        for naam in SOORTEN:
            assert page.locator(f'main a[href="/{naam}"]').count() == 1, f"{naam} ontbreekt op de startpagina"
        axe_check(page, f"startpagina ({taal})")
        screenshot(page, f"home-{taal}")
        page.locator("footer a[href='/toegankelijkheid']").click()
        assert page.locator("h1").inner_text() in ("Toegankelijkheidsverklaring", "Accessibility statement")
        axe_check(page, f"toegankelijkheidsverklaring ({taal})")
    assert not page.console_fouten, page.console_fouten


def test_skiplink_en_toetsenbord(page, server):
    _open(page, f"{server}/")
    page.keyboard.press("Tab")
    skip = page.locator(".skiplink")
    assert page.evaluate("document.activeElement.className") == "skiplink"
    assert skip.is_visible()  # visible when focused (WCAG 2.4.1, 2.4.7)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_onbekende_pagina(page, server):
    resp = _open(page, f"{server}/bestaat-niet")
    assert resp.status == 404
    assert "Deze pagina bestaat niet" in page.locator("h1").inner_text()
    axe_check(page, "404")


@pytest.mark.parametrize("taal", TALEN)
@pytest.mark.parametrize("naam", SOORT_NAMEN)
def test_rekenhulp_invullen_uitkomst_en_fouten(page, server, naam, taal):
    paginataal = _zet_taal(page, server, taal, f"/{naam}")
    assert page.locator("main form[method=post]").count() >= 1
    axe_check(page, f"formulier {naam} ({taal})")
    screenshot(page, f"{naam}-{taal}-formulier")

    # 1. a valid case: the result page with amounts, steps, sources, receipt and permalink
    _vul_formulier(page, naam)
    _verstuur(page)
    assert page.locator("#foutoverzicht").count() == 0, page.locator("#foutoverzicht").inner_text()
    assert page.locator("#stappen-titel").count() == 1 and page.locator("#bewijs-titel").count() == 1
    assert page.locator(".stappen li").count() >= 1
    recept = RECEPTEN.get(naam, {})
    tekst = page.locator("main").inner_text()
    if "bedragen" in recept:
        assert recept["bedragen"][paginataal] in tekst
    assert "Traceback" not in tekst
    axe_check(page, f"uitkomst {naam} ({taal})")
    screenshot(page, f"{naam}-{taal}-resultaat")

    # the permalink reproduces the same page from the URL alone
    permalink = page.locator(".permalink a").get_attribute("href")
    assert permalink and "bereken=1" in permalink and "csrf_token" not in permalink
    hoofd = page.locator(".samenvatting, .bedragen").first.inner_text() if page.locator(".samenvatting, .bedragen").count() else None
    _open(page, f"{server}{permalink}")
    assert page.locator("#stappen-titel").count() == 1
    if hoofd is not None:
        assert page.locator(".samenvatting, .bedragen").first.inner_text() == hoofd

    # 2. an error case: an impossible date (or year) -> summary on top, focused, linking to the field
    _open(page, f"{server}/{naam}")
    _vul_formulier(page, naam)
    veld = SOORTEN[naam].datumveld
    page.evaluate("""(naam) => { const e = document.querySelector(`form [name="${naam}"]`);
                                   e.setAttribute('type', 'text'); e.value = 'geen datum'; }""", veld)
    _verstuur(page)
    overzicht = page.locator("#foutoverzicht")
    assert overzicht.count() == 1
    assert page.evaluate("document.activeElement.id") == "foutoverzicht"  # focused on load, without script
    link = overzicht.locator(f'a[href="#{veld}"]')
    assert link.count() == 1
    assert page.locator(f"#{veld}").get_attribute("aria-invalid") == "true"
    axe_check(page, f"foutmelding {naam} ({taal})")
    screenshot(page, f"{naam}-{taal}-fout")
    link.click()
    assert page.evaluate("document.activeElement.id") == veld
    assert not page.console_fouten, page.console_fouten


@pytest.mark.parametrize("naam", SOORT_NAMEN)
def test_uitkomst_zelfde_bedrag_als_api(page, server, naam):
    """The web result shows the same amount the API computes for the voorbeeld (one contract)."""
    voorbeeld = SOORTEN[naam].voorbeeld
    body = RECEPTEN.get(naam, {}).get("api", "voorbeeld")
    if body == "voorbeeld":
        if any(isinstance(v, (dict, list)) for v in voorbeeld.values()) and "api" not in RECEPTEN.get(naam, {}):
            pytest.skip(f"{naam}: voorbeeld heeft geneste invoer; geef in RECEPTEN de API-invoer ('api') mee")
        body = voorbeeld
    bedragen = _api_bedragen(server, naam, body)
    if not bedragen:
        pytest.skip(f"{naam}: geen bedrag in het resultaat van de API voor deze invoer")
    _zet_taal(page, server, "nl", f"/{naam}")
    _vul_formulier(page, naam)
    _verstuur(page)
    tekst = page.locator("main").inner_text()
    getoond = [b for b in bedragen if format_currency(b, "EUR", locale="nl_NL") in tekst]
    assert getoond, f"geen van {bedragen} staat op de uitkomstpagina van {naam}"


def test_taal_wisselen_houdt_de_uitkomst(page, server):
    _zet_taal(page, server, "nl", "/loonkostensubsidie")
    _vul_formulier(page, "loonkostensubsidie")
    _verstuur(page)
    assert "€\xa0881,05" in page.locator("main").inner_text()
    page.locator(".kop__taal a[hreflang=en]").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "€881.05" in page.locator("main").inner_text()  # same result, English notation
    assert "15 January 2026" in page.locator("main").inner_text()
    assert page.locator("h2#stappen-titel").inner_text() == "How it was calculated"
    # the choice is remembered: the next page is English too
    page.locator("nav a[href='/']").click()
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".kop__taal a[hreflang=nl]").click()
    assert page.locator("html").get_attribute("lang") == "nl"


def test_afdrukken(page, server):
    _zet_taal(page, server, "nl", "/loonkostensubsidie")
    _vul_formulier(page, "loonkostensubsidie")
    _verstuur(page)
    page.emulate_media(media="print")
    assert not page.locator(".kop__menu").is_visible()  # no navigation
    assert not page.locator(".kop__taal").is_visible()
    assert not page.locator(".acties").first.is_visible()
    for zichtbaar in ("#invoer-titel", ".bedragen", ".stappen", "#parameters-titel", ".rekenbewijs",
                      ".printdatum", ".permalink__url"):
        assert page.locator(zichtbaar).first.is_visible(), zichtbaar
    assert "€\xa0881,05" in page.locator(".bedragen").inner_text()
    screenshot(page, "loonkostensubsidie-nl-afdruk")
    page.pdf(format="A4", path=str(__import__("pathlib").Path(screenshot.__globals__["SCREENSHOTS"]) / "loonkostensubsidie-nl-afdruk.pdf"))


def test_beveiligingskoppen(page, server):
    resp = _open(page, f"{server}/loonkostensubsidie")
    koppen = resp.headers
    assert "script-src 'self'" in koppen["content-security-policy"]
    assert "'unsafe-inline'" not in koppen["content-security-policy"]
    assert "frame-ancestors 'none'" in koppen["content-security-policy"]
    assert koppen["x-content-type-options"] == "nosniff"
    assert koppen["referrer-policy"] == "no-referrer"


def _web_paginas() -> list[str]:
    """Every GET page of the web blueprints without URL parameters (parameter browser, comparison, batch, ...)."""
    from rekenhulp import create_app

    app = create_app({"SECRET_KEY": "lijst"})
    return sorted({r.rule for r in app.url_map.iter_rules()
                   if not r.rule.startswith(("/api/", "/static/")) and "GET" in r.methods and not r.arguments})


@pytest.mark.parametrize("taal", TALEN)
def test_elke_pagina_zonder_axe_bevindingen(page, server, taal):
    for pad in _web_paginas():
        resp = _open(page, f"{server}{pad}?taal={taal}")
        if resp.status in (400, 404):
            continue  # needs query parameters (e.g. /vergelijking): reached from a result page below
        assert resp.status == 200, pad
        if not resp.headers.get("content-type", "").startswith("text/html"):
            continue  # e.g. an SVG chart: checked as part of the page that shows it
        _paginataal(page, taal)
        axe_check(page, f"{pad} ({taal})")
    # pages linked from a result page (e.g. "Vergelijk met een ander jaar")
    lks = "&".join(f"{k}={v}" for k, v in RECEPTEN["loonkostensubsidie"]["velden"].items())
    _open(page, f"{server}/loonkostensubsidie?bereken=1&{lks}&taal={taal}&onthoud_taal=1")  # remembered: the linked pages too
    links = [a for a in page.locator("main .acties a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
             if a.startswith("/") and "bereken=1" not in a]
    for href in links:
        assert _open(page, f"{server}{href}").status == 200, href
        axe_check(page, f"{href} ({taal})")
    assert not page.console_fouten, page.console_fouten

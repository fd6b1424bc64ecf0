"""Everyday use at the counter (issue 18), in a real browser: every page within two clicks of home, no page wider
than the screen (390 px phone, 1280 px desktop), a print of each README example on at most 3 A4 pages with
everything the case file needs, "Invoer aanpassen" on every result, and the bijstand form keeping its place.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from soorten.register import SOORTEN

from .conftest import DESKTOP, SCREENSHOTS, TELEFOON, VIEWPORTS, axe_check
from .test_browser import RECEPTEN, _open, _verstuur, _vul_formulier, _web_paginas

# The examples of the README ("... hoe er gerekend wordt" and the API section), as permalinks (the form fields in the
# URL, web.paginas.permalink_url): LKS and its answer, quotumheffing 2024 overheid, vrijwilligers with bijstand,
# bijstand with a medebewoner and the 25 % vrijlating.
README_VOORBEELDEN = {
    "loonkostensubsidie": "/loonkostensubsidie?bereken=1&peildatum=2026-01-15&geboortedatum=1990-05-01"
                          "&uren_per_week=32&loonwaarde=60",
    "quotumheffing": "/quotumheffing?bereken=1&jaar=2024&sector=overheid&verloonde_uren_totaal=100000"
                     "&verloonde_uren_doelgroep=1000&verloonde_uren_doelgroep_ingeleend=429",
    "vrijwilligersvergoeding": "/vrijwilligersvergoeding?bereken=1&jaar=2026&geboortedatum=1980-01-01"
                               "&ontvangt_bijstand=on&m1_vergoeding=250&m1_uren=50&m2_vergoeding=100",
    "bijstandsnorm": "/bijstandsnorm?bereken=1&peildatum=2026-01-01&belanghebbende-leeftijd=40&aantal_medebewoners=1"
                     "&medebewoners-0-leeftijd=30&medebewoners-0-relatie=familie&netto_inkomsten_per_maand=400"
                     "&vrijlating-soort=algemeen&vrijlating-maand=1",
}
# Each example's key amount, so that the test knows it printed the right result (README: 881,05; heffing € 5.000
# that is not levied; belastbaar € 350; bijstand 1.001,07 − (400 − 100 vrijgelaten) = 701,07).
README_BEDRAGEN = {"loonkostensubsidie": "€\xa0881,05", "quotumheffing": "€\xa05.000,00",
                   "vrijwilligersvergoeding": "€\xa0350,00", "bijstandsnorm": "€\xa0701,07"}
MAX_PAGINAS = 3
TALEN = ("nl", "en")


def _links(page) -> set[str]:
    """The same-site addresses a visitor can follow on this page: links, and the images (charts) it shows."""
    adressen = page.evaluate("""() => [...document.querySelectorAll('a[href], img[src]')]
                                  .map(e => e.href || e.src)""")
    paden = set()
    for adres in adressen:
        delen = urlsplit(adres)
        if delen.netloc == urlsplit(page.url).netloc and delen.path:
            paden.add(delen.path)
    return paden


def _paginas_zonder_invoer(page, server) -> list[str]:
    """The GET pages of the web blueprint that open without input (/vergelijking needs a case: it is the action
    "Vergelijk met een ander jaar" of every result page, tested in test_browser.py)."""
    paden = []
    for pad in _web_paginas():
        status = page.request.get(f"{server}{pad}").status
        if status not in (400, 404):
            assert status == 200, pad
            paden.append(pad)
    return paden


def test_elke_pagina_binnen_twee_klikken_vanaf_de_start(page, server):
    _open(page, f"{server}/?taal=nl")
    assert page.locator("nav a[href='/']").inner_text() == "Start"  # not "Home" in the Dutch menu
    een_klik = _links(page)
    bereikt = set(een_klik) | {"/"}
    for pad in sorted(een_klik):
        resp = _open(page, f"{server}{pad}")
        if resp.ok and resp.headers.get("content-type", "").startswith("text/html"):
            bereikt |= _links(page)
    ontbreekt = [p for p in _paginas_zonder_invoer(page, server) if p not in bereikt]
    assert not ontbreekt, f"niet binnen twee klikken vanaf de startpagina te bereiken: {ontbreekt}"
    # the policy pages are on the home page itself, in the block "Voor beleid"
    _open(page, f"{server}/?taal=nl")
    beleid = page.locator("main .kaarten--beleid a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert {"/parameters", "/parameters/vergelijking", "/grafieken", "/batch"} <= set(beleid), beleid


def test_batchpagina_legt_het_zelf_uit(page, server):
    for taal in TALEN:
        _open(page, f"{server}/batch?taal={taal}")
        assert "README" not in page.locator("main").inner_text()
    _open(page, f"{server}/batch?taal=nl")
    assert "puntkomma" in page.locator("main").inner_text()


def _breedte_ok(page, wat: str) -> None:
    sw, iw = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert sw <= iw, f"{wat}: de pagina is {sw} px breed bij een scherm van {iw} px"


@pytest.mark.parametrize("breedte, viewport", VIEWPORTS, ids=[v[0] for v in VIEWPORTS])
def test_geen_pagina_breder_dan_het_scherm(page, server, breedte, viewport):
    page.set_viewport_size(viewport)
    paden = _paginas_zonder_invoer(page, server)
    paden = [p for p in paden if not p.endswith(".svg")] + ["/parameters/wml.uurloon"]
    for taal in TALEN:
        for pad in paden:
            _open(page, f"{server}{pad}?taal={taal}")
            _breedte_ok(page, f"{pad} ({taal}, {breedte})")
        # the result of every calculator, from the browser tests' recipes (the form filled in and sent)
        for naam in SOORTEN:
            _open(page, f"{server}/{naam}?taal={taal}")
            _vul_formulier(page, naam)
            _verstuur(page)
            assert page.locator("#stappen-titel").count() == 1, naam
            _breedte_ok(page, f"uitkomst {naam} ({taal}, {breedte})")
            vergelijk = page.locator("main .acties a[href^='/vergelijking']")
            if vergelijk.count():
                href = vergelijk.first.get_attribute("href")
                _open(page, f"{server}{href}")
                _breedte_ok(page, f"vergelijking {naam} ({taal}, {breedte})")
        for naam, pad in README_VOORBEELDEN.items():
            _open(page, f"{server}{pad}&taal={taal}")
            _breedte_ok(page, f"README-voorbeeld {naam} ({taal}, {breedte})")
    assert not page.console_fouten, page.console_fouten


@pytest.mark.parametrize("viewport", [DESKTOP, TELEFOON], ids=["desktop", "telefoon"])
def test_kaarttitels_breken_niet_midden_in_een_woord(page, server, viewport):
    """"Vrijwilligersvergoed / ing" in the home card at 1280 px: every word of a card title stays on one line."""
    page.set_viewport_size(viewport)
    for taal in TALEN:
        _open(page, f"{server}/?taal={taal}")
        gebroken = page.evaluate("""() => {
            const uit = [];
            for (const kop of document.querySelectorAll('.kaart h3 a')) {
                const tekst = kop.firstChild;
                for (const m of tekst.data.matchAll(/\\S+/g)) {
                    const r = document.createRange();
                    r.setStart(tekst, m.index); r.setEnd(tekst, m.index + m[0].length);
                    const regels = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
                    if (regels.size > 1) uit.push(m[0]);
                }
            }
            return uit; }""")
        assert not gebroken, f"{taal} {viewport['width']} px: {gebroken}"


def _pdf_paginas(pdf: bytes) -> int:
    """The number of pages of a PDF: its /Type /Page objects (not /Pages, the page tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("naam", list(README_VOORBEELDEN))
def test_afdruk_voor_het_dossier(page, server, naam):
    """The print of each README example: input, amounts, steps, the values used with their sources, the date and the
    rekenbewijs, on at most 3 A4 pages; nothing cut off at the right edge; the table total printed once."""
    _open(page, f"{server}{README_VOORBEELDEN[naam]}")
    assert README_BEDRAGEN[naam] in page.locator(".samenvatting").inner_text()
    knop = page.locator("[data-afdrukken]")
    assert knop.is_visible()  # static/js/afdrukken.js shows the print button
    page.evaluate("() => { window.__afgedrukt = 0; window.print = () => { window.__afgedrukt += 1; }; }")
    knop.click()
    assert page.evaluate("window.__afgedrukt") == 1

    # A4 minus the margins of print.css (1 cm each side): 19 cm = 718 px at 96 px per inch
    page.set_viewport_size({"width": 718, "height": 1000})
    page.emulate_media(media="print")
    for zichtbaar in ("#invoer-titel", ".bedragen", ".stappen", "#parameters-titel", ".tabel--waarden .bron",
                      ".rekenbewijs", ".printdatum", ".permalink__url"):
        assert page.locator(zichtbaar).first.is_visible(), f"{naam}: {zichtbaar} ontbreekt op de afdruk"
    assert not page.locator("[data-afdrukken]").is_visible() and not page.locator(".kop__menu").is_visible()
    # every table within the page width (the vrijwilligers "Belast" column was cut off)
    te_breed = page.evaluate("""() => { const rechts = document.querySelector('main').getBoundingClientRect().right;
        return [...document.querySelectorAll('main table')].filter(t => t.getBoundingClientRect().right > rechts + 1)
               .map(t => t.querySelector('caption') ? t.querySelector('caption').textContent : t.className); }""")
    assert not te_breed, f"{naam}: tabel breder dan de afdruk: {te_breed}"
    # step numbers from 10 fit in the list's margin: the marker box lies inside the page
    ruimte = page.evaluate("""() => { const ol = document.querySelector('.stappen');
        return parseFloat(getComputedStyle(ol).paddingInlineStart) / parseFloat(getComputedStyle(ol).fontSize); }""")
    assert ruimte >= 2, f"{naam}: {ruimte} em voor het stapnummer (\"10.\" past niet)"
    # a tfoot repeats at the foot of every printed page; as a row group it is printed once, at the end
    for weergave in page.locator("main tfoot").evaluate_all("els => els.map(e => getComputedStyle(e).display)"):
        assert weergave == "table-row-group"

    SCREENSHOTS.mkdir(exist_ok=True)
    pdf = page.pdf(format="A4", print_background=False, path=str(SCREENSHOTS / f"{naam}-nl-afdruk.pdf"))
    paginas = _pdf_paginas(pdf)
    assert 1 <= paginas <= MAX_PAGINAS, f"{naam}: {paginas} A4-pagina's"


@pytest.mark.parametrize("naam", list(SOORTEN))
def test_invoer_aanpassen_op_elke_uitkomst(page, server, naam):
    """Every result page links back to its form, filled in with what was sent."""
    _open(page, f"{server}/{naam}?taal=nl")
    invoer = _vul_formulier(page, naam)
    _verstuur(page)
    assert page.locator("#stappen-titel").count() == 1
    link = page.locator("main a.invoer-aanpassen")
    assert link.count() == 1 and link.inner_text() == "Invoer aanpassen"
    with page.expect_navigation():
        link.click()
    assert page.locator("main form[method=post]").count() >= 1 and page.locator("#stappen-titel").count() == 0
    for veld, waarde in invoer.items():
        element = page.locator(f'form [name="{veld}"]')
        if element.count() == 0 or waarde in (None, ""):
            continue
        soort = element.first.get_attribute("type")
        if soort == "checkbox":
            assert element.first.is_checked() == bool(waarde), veld
        elif soort != "radio":
            assert element.first.input_value() == str(waarde), veld


def test_medebewoner_toevoegen_houdt_de_plek(page, server):
    page.set_viewport_size(TELEFOON)
    _open(page, f"{server}/bijstandsnorm?taal=nl")
    page.fill('[name="belanghebbende-leeftijd"]', "40")
    aantal = page.locator("fieldset.medebewoner").count()
    with page.expect_navigation():
        page.get_by_role("button", name="Medebewoner toevoegen").click()
    assert page.locator("fieldset.medebewoner").count() == aantal + 1
    assert urlsplit(page.url).fragment == f"medebewoner-{aantal + 1}"
    nieuw = page.locator(f"#medebewoner-{aantal + 1}")
    # the new row is on the screen (the page did not jump back to the top), and the entered age is kept
    assert page.evaluate("window.scrollY") > 0
    vak = nieuw.bounding_box()
    # the anchor puts the new row at the top of the screen; allow the sub-pixel rounding of the scroll position
    assert vak is not None and -1 <= vak["y"] < TELEFOON["height"]
    assert page.input_value('[name="belanghebbende-leeftijd"]') == "40"
    # removing a row returns to the list of medebewoners
    with page.expect_navigation():
        page.get_by_role("button", name=f"Verwijderen medebewoner {aantal + 1}").click()
    assert urlsplit(page.url).fragment == "medebewoners"
    assert page.locator("fieldset.medebewoner").count() == aantal


@pytest.mark.parametrize("naam", ["loonkostensubsidie", "bijstandsnorm", "vrijwilligersvergoeding"])
def test_maandtabel_op_de_telefoon_zonder_zijwaarts_schuiven(page, server, naam):
    """At 390 px a month table is a stack of blocks: every amount is on the screen, next to its column name."""
    page.set_viewport_size(TELEFOON)
    _open(page, f"{server}{README_VOORBEELDEN[naam]}")
    cellen = page.evaluate("""() => [...document.querySelectorAll('.tabel--stapel tbody td')]
        .filter(td => td.textContent.trim() !== '')
        .map(td => ({label: td.dataset.label || '', rechts: td.getBoundingClientRect().right,
                     voor: getComputedStyle(td, '::before').content,
                     // a label over two lines makes its cell taller, it does not run into the next line
                     over: td.scrollHeight - td.clientHeight}))""")
    assert cellen, naam
    breed = page.evaluate("window.innerWidth")
    assert all(c["rechts"] <= breed for c in cellen), [c for c in cellen if c["rechts"] > breed][:3]
    assert all(c["label"] and c["voor"] == f'"{c["label"]}"' for c in cellen), cellen[:3]
    assert all(c["over"] <= 1 for c in cellen), [c for c in cellen if c["over"] > 1][:3]
    # the scroll container does not scroll: nothing hides to the right
    assert page.evaluate("""() => [...document.querySelectorAll('.tabel-scroll')].filter(d => d.querySelector('.tabel--stapel'))
        .every(d => d.scrollWidth <= d.clientWidth)""")


def test_bronkolom_blijft_in_haar_rij(page, server):
    """On the desktop the "Bron" cells of the parameter browser are table cells: their text stays inside its own row
    (as display:block it ran over the next rows)."""
    _open(page, f"{server}/parameters?taal=nl")
    cellen = page.evaluate("""() => [...document.querySelectorAll('td.bron')].map(td => ({
        weergave: getComputedStyle(td).display,
        uit: td.getBoundingClientRect().bottom - td.closest('tr').getBoundingClientRect().bottom}))""")
    assert cellen
    assert all(c["weergave"] == "table-cell" and c["uit"] <= 0.5 for c in cellen), [c for c in cellen if c["uit"] > 0.5][:3]


def test_vrijwilligersvergoeding_elke_maand_hetzelfde(page, server):
    """Less typing (issue 18): a whole year of the same arrangement in the block "Elke maand hetzelfde", 4 fields
    instead of 26. 2026, 40 years: € 200 a month for 35 hours, January to December (the defaults of the block); 200 ≤ 5,75 × 35 = 201,25 (hourly amount).
    Wet LB 1964 art. 2 lid 6 (2026): "ten hoogste € 220 per maand en € 2.200 per kalenderjaar": 200 ≤ 220 each month,
    but 12 × 200 = 2.400 > 2.200 → no vrijwilligersvergoeding, the whole 2.400 is belast (no aangetoonde kosten)."""
    _open(page, f"{server}/vrijwilligersvergoeding")
    axe_check(page, "formulier vrijwilligersvergoeding met 'elke maand hetzelfde'")
    page.get_by_label("Kalenderjaar").fill("2026")
    page.get_by_label("Of: leeftijd in jaren").fill("40")
    assert page.locator("#vast_van").input_value() == "1" and page.locator("#vast_tot").input_value() == "12"
    page.get_by_label("Vergoeding per maand", exact=True).fill("200")
    page.get_by_label("Uren per maand").fill("35")
    _verstuur(page)
    assert page.locator("#foutoverzicht").count() == 0, page.locator("#foutoverzicht").inner_text()
    rijen = page.locator("#maanden-titel ~ .tabel-scroll tbody tr")
    assert rijen.count() == 12
    assert rijen.first.locator("th").inner_text() == "Januari" and rijen.last.locator("th").inner_text() == "December"
    tekst = page.locator("main").inner_text()
    assert "€\xa02.400,00" in tekst and "Boven het jaarmaximum" in tekst
    axe_check(page, "uitkomst vrijwilligersvergoeding 'elke maand hetzelfde'")


def test_bijstand_maandoverzicht_over_de_jaargrens(page, server):
    """The bijstand month overview runs on after 31 December (issue 18): peildatum 1 December 2026, month 3 of onder z
    (its last month September 2027): December 2026 to November 2027, the months of 2027 after the horizon
    (31 December 2026) as 'nog niet bekend'. axe-clean at 1280 and 390 px."""
    _open(page, f"{server}/bijstandsnorm?bereken=1&peildatum=2026-12-01&belanghebbende-leeftijd=40"
                "&aantal_medebewoners=0&netto_inkomsten_per_maand=400&vrijlating-soort=doelgroep_loonkostensubsidie"
                "&vrijlating-maand=3")
    rijen = page.locator("#jaar-titel ~ .tabel-scroll tbody tr")
    assert rijen.count() == 12
    assert rijen.first.locator("th").inner_text() == "1 december 2026"
    assert rijen.last.inner_text().count("nog niet bekend") == 5
    axe_check(page, "bijstand maandoverzicht over de jaargrens")


# The policy pages that open without input (their results: the scenario and caseload comparison in
# test_scenario_browser.py, the batch download in test_batch_spreadsheets_browser.py), as screenshots in both
# languages at 1280 and 390 px (README: screenshots/), axe-clean.
BELEIDSPAGINAS = {
    "parameters": "/parameters",
    "parameter": "/parameters/bijstand.kostendelers.basispercentage",
    "parameters-vergelijking": "/parameters/vergelijking?van=01-01-2025&tot=01-01-2026",
    "grafieken": "/grafieken",
    "batch": "/batch",
}


@pytest.mark.parametrize("taal", TALEN)
def test_schermafbeeldingen_van_de_beleidspaginas(page, server, taal):
    from .conftest import screenshot

    for naam, pad in BELEIDSPAGINAS.items():
        _open(page, f"{server}{pad}{'&' if '?' in pad else '?'}taal={taal}")
        assert page.locator("h1").count() == 1, pad
        axe_check(page, f"{naam} ({taal})")
        screenshot(page, f"{naam}-{taal}")
    # the comparison of one case on two dates: the result of "Vergelijk met een ander jaar"
    _open(page, f"{server}{README_VOORBEELDEN['loonkostensubsidie']}&taal={taal}&onthoud_taal=1")
    with page.expect_navigation():
        page.locator("main .acties a[href^='/vergelijking']").click()
    rijen = page.locator("#verschil-titel ~ .tabel-scroll tbody th").all_inner_texts()
    verwacht = "Wage cost subsidy per month" if taal == "en" else "Loonkostensubsidie per maand"
    assert any(r.startswith(verwacht) for r in rijen), rijen
    # the API's field name is only visible after opening "Technische details"
    veld = page.locator("#verschil-titel ~ .tabel-scroll tbody details.technisch code").first
    assert not veld.is_visible()
    page.locator("#verschil-titel ~ .tabel-scroll tbody details.technisch summary").first.click()
    assert veld.is_visible()
    axe_check(page, f"vergelijking ({taal})")
    screenshot(page, f"vergelijking-{taal}-resultaat")
    assert not page.console_fouten, page.console_fouten


@pytest.mark.parametrize("viewport", [DESKTOP, TELEFOON], ids=["desktop", "telefoon"])
def test_afgewezen_datum_blijft_staan_zoals_getypt(page, server, viewport):
    """Issue 18: "A date typed as 15-01-2026 (no date picker, pasted from a file) is accepted ... A rejected date is
    kept in the field." Typed with the keyboard into the real field: 15-01-2026 computes (the README's LKS example:
    € 881,05 in January 2026), 32-01-2026 comes back in the field, marked, next to its message."""
    page.set_viewport_size(viewport)
    _open(page, f"{server}/loonkostensubsidie?taal=nl")
    _vul_formulier(page, "loonkostensubsidie")
    page.fill("#peildatum", "")
    page.locator("#peildatum").type("15-01-2026")
    _verstuur(page)
    assert page.locator("#foutoverzicht").count() == 0
    assert "€\xa0881,05" in page.locator(".samenvatting").inner_text()
    _open(page, f"{server}/loonkostensubsidie?taal=nl")
    _vul_formulier(page, "loonkostensubsidie")
    page.fill("#peildatum", "")
    page.locator("#peildatum").type("32-01-2026")
    _verstuur(page)
    assert page.locator("#foutoverzicht a[href='#peildatum']").count() == 1
    assert page.input_value("#peildatum") == "32-01-2026"
    assert page.locator("#peildatum").get_attribute("aria-invalid") == "true"
    assert "dd-mm-jjjj" in page.locator("#peildatum-formaat").inner_text()
    axe_check(page, "afgewezen datum")

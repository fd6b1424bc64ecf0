"""Issue 7: every page has an English version through the Babel catalogue (?taal=en), and the Dutch page stays Dutch.

Each case: the page in English has lang="en", a few expected English texts, no Dutch page text that we translated
and no "not yet available in English" notice; the same page in Dutch still shows its Dutch texts.
Permalinks (GET with bereken=1) give the result pages without a CSRF token."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

NIET_VERTAALD = "This page is not yet available in English"

# bijstandsnorm: 40 years, income 400 and a volunteer allowance of 100 in January 2026 (tests/browser RECEPTEN),
# plus a 17-year-old medebewoner (counts not: younger than 27 since 2024, art. 19a lid 1) and one of 30 who studies with WSF.
BIJSTAND = ("/bijstandsnorm?bereken=1&peildatum=2026-01-01&belanghebbende-leeftijd=40&netto_inkomsten_per_maand=400"
            "&vrijwilligersvergoeding_per_maand=100&aantal_medebewoners=2&medebewoners-0-leeftijd=17"
            "&medebewoners-1-leeftijd=30&medebewoners-1-onderwijs=wsf")
QUOTUM = ("/quotumheffing?bereken=1&jaar=2024&sector=overheid&verloonde_uren_totaal=100000"
          "&verloonde_uren_doelgroep=1331")
# 300 in February for 10 hours is above the hourly amount and the monthly maximum (the monthly maximum of Wet LB 1964
# art. 2 lid 6 makes it taxed; the hourly amount alone would not)
VRIJWILLIGER = ("/vrijwilligersvergoeding?bereken=1&jaar=2026&leeftijd=30&ontvangt_bijstand=on&m1_vergoeding=150"
                "&m1_uren=30&m2_vergoeding=300&m2_uren=10&m2_kosten=20")
LKS_INVOER = quote(json.dumps({"geboortedatum": "1990-05-01", "uren_per_week": "32", "loonwaarde": 60,
                               "peildatum": "2026-01-15"}))

# (page, English texts, Dutch texts of the same page)
PAGINAS = [
    ("/bijstandsnorm", ["Calculate the social assistance standard (bijstandsnorm)", "Co-resident 1", "Add a co-resident",
                        "Earnings exemption (inkomstenvrijlating)", "Not family"],
     ["Bijstandsnorm en kostendelersnorm berekenen", "Medebewoner 1", "Medebewoner toevoegen", "Geen familie"]),
    (BIJSTAND, ["Social assistance standard (bijstandsnorm) on 1 January 2026", "Supplementary social assistance",
                "Does not count: younger than 27 (aged 17).",
                "Does not count: follows education for which he, given his age, can get student finance (WSF 2000) (under d 1°).",
                "€1,001.50", "How it was calculated"],
     ["Bijstandsnorm per 1 januari 2026", "Aanvullende bijstand", "Telt niet mee: jonger dan 27 jaar (17 jaar).",
      "€\xa01.001,50", "Zo is het berekend"]),
    ("/quotumheffing", ["Calculate the quota levy (quotumheffing)", "Sector of your organisation",
                        "Paid hours of all your employees"],
     ["Quotumheffing berekenen", "Sector van uw organisatie", "Verloonde uren van al uw werknemers"]),
    (QUOTUM, ["Quota levy (quotumheffing) 2024, government sector", "Are you subject to the quota?",
              "For 2024 no quota levy is imposed in the government sector", "Missing jobs", "100,000 hours"],
     ["Quotumheffing 2024, sector overheid", "Valt u onder het quotum?",
      "Over 2024 wordt in de sector overheid geen quotumheffing opgelegd", "Ontbrekende banen", "100.000 uur"]),
    ("/vrijwilligersvergoeding", ["Check a volunteer allowance (vrijwilligersvergoeding)", "Allowance per month",
                                  "January", "Check the allowance"],
     ["Vrijwilligersvergoeding toetsen", "Vergoeding per maand", "Januari", "Toets de vergoeding"]),
    (VRIJWILLIGER, ["Volunteer allowance (vrijwilligersvergoeding) 2026", "Not a volunteer allowance:",
                    "Limit set by law exceeded: the maximum per month.",
                    "Above the hourly amount and above the monthly maximum", "At most for these hours", "February",
                    "Total 2026"],
     ["Vrijwilligersvergoeding 2026", "Geen vrijwilligersvergoeding:",
      "het maximum per maand van de wet is overschreden", "Boven het uurbedrag en boven het maandmaximum",
      "Ten hoogste voor deze uren", "Februari", "Totaal 2026"]),
    ("/parameters?datum=2026-01-01", ["Parameters and sources", "Values that apply on", "Value on 1 January 2026",
                                      "Fingerprint of the parameter files:"],
     ["Parameters en bronnen", "Waarden die gelden op", "Waarde op 1 januari 2026"]),
    ("/parameters/wml.uurloon", ["History", "Legal basis", "Known up to and including"],
     ["Geschiedenis", "Grondslag", "Bekend tot en met"]),
    ("/parameters/vergelijking?van=2025-01-01&tot=2026-01-01",
     ["Compare parameters: 1 January 2025 and 1 January 2026", "Difference in %", "parameters have not changed"],
     ["Parameters vergelijken: 1 januari 2025 en 1 januari 2026", "Verschil in %", "parameters zijn niet veranderd"]),
    ("/grafieken?van=2025-01-01&tot=2026-01-01", ["Charts", "Statutory minimum wage", "Step chart of the statutory",
                                                  "Wage cost subsidy against wage value (loonwaarde)"],
     ["Grafieken", "Wettelijk minimumloon", "Trapgrafiek van het wettelijk minimumloon"]),
    (f"/vergelijking?soort=loonkostensubsidie&invoer={LKS_INVOER}",
     ["Wage cost subsidy: 15 January 2025 and 15 January 2026", "Amounts side by side", "Which parameters have changed?"],
     ["Loonkostensubsidie: 15 januari 2025 en 15 januari 2026", "Bedragen naast elkaar"]),
    ("/batch", ["Many calculations at once", "Template Wage cost subsidy (CSV)", "Calculate and download"],
     ["Veel berekeningen tegelijk", "Sjabloon Loonkostensubsidie (CSV)", "Bereken en download"]),
    ("/api/v1/docs", ["API documentation", "The complete contract as OpenAPI 3:", "Example", "Required"],
     ["API-documentatie", "Het volledige contract als OpenAPI 3:", "Voorbeeld", "Verplicht"]),
]


def _pagina(client, pad: str, taal: str, status: int = 200) -> str:
    r = client.get(f"{pad}{'&' if '?' in pad else '?'}taal={taal}")
    assert r.status_code == status, (pad, taal)
    return r.get_data(as_text=True)


class _TekstNietNederlands(HTMLParser):
    """The text of a page outside elements marked lang="nl" (steps, warnings, sources: Dutch on purpose)."""

    LEEG = {"br", "input", "meta", "link", "img", "hr"}

    def __init__(self):
        super().__init__()
        self.stapel: list[bool] = []
        self.delen: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.LEEG:
            self.stapel.append(dict(attrs).get("lang") == "nl")

    def handle_endtag(self, tag):
        if tag not in self.LEEG and self.stapel:
            self.stapel.pop()

    def handle_data(self, data):
        if not any(self.stapel):
            self.delen.append(data)


def _engelse_tekst(html: str) -> str:
    p = _TekstNietNederlands()
    p.feed(html.split("<body", 1)[1])
    return " ".join(" ".join(p.delen).split())


@pytest.mark.parametrize(("pad", "engels", "nederlands"), PAGINAS, ids=[p[0].split("?")[0] for p in PAGINAS])
def test_pagina_in_het_engels(client, pad, engels, nederlands):
    html = _pagina(client, pad, "en")
    assert '<html lang="en">' in html and NIET_VERTAALD not in html
    for tekst in engels:
        assert tekst in html, tekst
    tekst_en = _engelse_tekst(html)
    for tekst in nederlands:
        assert tekst not in tekst_en, tekst


@pytest.mark.parametrize(("pad", "engels", "nederlands"), PAGINAS, ids=[p[0].split("?")[0] for p in PAGINAS])
def test_pagina_in_het_nederlands_ongewijzigd(client, pad, engels, nederlands):
    html = _pagina(client, pad, "nl")
    assert '<html lang="nl">' in html and NIET_VERTAALD not in html
    for tekst in nederlands:
        assert tekst in html, tekst
    for tekst in engels:
        assert tekst not in html, tekst


def test_geen_template_meer_zonder_vertaling(app):
    """Every page template marks its text with _() (so no page falls back to the Dutch notice)."""
    from pathlib import Path

    templates = Path(app.root_path).parent / "web" / "templates"
    onvertaald = [t.name for t in templates.rglob("*.html") if "_(" not in t.read_text(encoding="utf-8")]
    assert not onvertaald


def test_foutmeldingen_op_formulieren_in_het_engels(client):
    """Messages from the schemas and the engine are translated on English forms; Dutch stays Dutch."""
    en = _pagina(client, "/bijstandsnorm?bereken=1&peildatum=2026-01-01", "en", 422)
    assert "Enter a date of birth or an age." in en and "Vul een geboortedatum" not in en
    nl = _pagina(client, "/bijstandsnorm?bereken=1&peildatum=2026-01-01", "nl", 422)
    assert "Vul een geboortedatum of een leeftijd in." in nl
    # a month row error names the field and its month in the page's language (the error summary puts the label of
    # the month cell in front, issue 18: web.paginas.veldnamen_in_foutoverzicht)
    r = client.get("/vrijwilligersvergoeding?bereken=1&jaar=2026&leeftijd=30&m3_vergoeding=10&m3_kosten=20&taal=en")
    assert r.status_code == 422
    assert ("Proven expenses March: the proven expenses cannot be higher than the allowance for that month."
            in r.get_data(as_text=True))
    r = client.get("/vrijwilligersvergoeding?bereken=1&jaar=2026&leeftijd=30&m3_vergoeding=10&m3_kosten=20&taal=nl")
    assert ("Aangetoonde kosten maart: de aangetoonde kosten kunnen niet hoger zijn dan de vergoeding van die maand."
            in r.get_data(as_text=True))
    # query messages of the parameter pages
    assert "is not a valid date (DD-MM-YYYY)" in _pagina(client, "/parameters?datum=x", "en")
    assert "is geen geldige datum (DD-MM-JJJJ)" in _pagina(client, "/parameters?datum=x", "nl")


def test_batch_fouten_in_het_engels(client):
    from conftest import csrf_token

    token = csrf_token(client, "/batch?taal=en")
    html = client.post("/batch?taal=en", data={"csrf_token": token, "soort": "x", "peildatum": "1-1"}).get_data(as_text=True)
    assert "Choose a calculation." in html and "Choose a CSV file." in html and "Not a valid date" in html
    assert "Kies een berekening." not in html


def test_grafiek_in_de_taal_van_de_pagina(client):
    """The chart labels follow the language; the English page asks for the English drawing."""
    html = _pagina(client, "/grafieken", "en")
    assert 'src="/grafieken/wml.svg?taal=en"' in html
    nl = _pagina(client, "/grafieken", "nl")
    assert 'src="/grafieken/wml.svg"' in nl
    svg_en = client.get("/grafieken/lks.svg?van=2025-01-01&tot=2026-01-01&taal=en").data
    svg_nl = client.get("/grafieken/lks.svg?van=2025-01-01&tot=2026-01-01&taal=nl").data
    assert svg_en != svg_nl  # text is drawn as paths (svg.fonttype path): compare the drawings


def test_dutch_legal_texts_marked_dutch_on_english_pages(client):
    """Texts that stay Dutch (parameter descriptions, sources, API descriptions) carry lang="nl" for screen readers."""
    html = _pagina(client, "/parameters/wml.uurloon", "en")
    assert '<h1 lang="nl">' in html and 'class="bron" lang="nl"' in html
    assert 'lang="nl"' not in _pagina(client, "/parameters/wml.uurloon", "nl").split("<body", 1)[1]
    assert '<p lang="nl">' in _pagina(client, "/api/v1/docs", "en")


def test_normartikel_en_grondslag_van_de_medebewoners_in_de_taal_van_de_pagina(client):
    """Issue 18 "English": the summary's normartikel and the grondslag column of the medebewoners come from the
    catalogue by key (calculator/teksten/bijstandsnorm.yaml bijstand.normartikel.*, kostendelersnorm.yaml
    kdn.grondslag.*), in the notation of the steps; the API keeps its Dutch citation.

    The case: a single person of 19 without children who cannot rely on his parents on 1 January 2026: "de norm
    bedraagt voor ... de alleenstaande" (art. 20 lid 1 onder a), "verhoogt het college de norm" (art. 20 lid 3), so
    normartikel "Participatiewet art. 20 lid 1 onder a en lid 3". Medebewoners: 17 (younger than 27, the opening
    words of art. 19a lid 1) and 30 with WSF ("onderwijs volgt waarvoor hij ... studiefinanciering", onder d 1°)."""
    pad = ("/bijstandsnorm?bereken=1&peildatum=2026-01-01&belanghebbende-leeftijd=19"
           "&belanghebbende-geen_beroep_op_ouders=on&aantal_medebewoners=2&medebewoners-0-leeftijd=17"
           "&medebewoners-1-leeftijd=30&medebewoners-1-onderwijs=wsf")
    en = " ".join(_pagina(client, pad, "en").split())
    assert "<dt>Standard without cost-sharers (Participatiewet art. 20(1)(a) and (3))</dt>" in en
    assert "<td>Participatiewet art. 19a(1)</td></tr>" in en and "<td>Participatiewet art. 19a(1)(d)</td></tr>" in en
    # no Dutch citation left outside the table of values used (whose grondslag is parameter data, marked lang="nl")
    assert " lid " not in en.split('id="parameters-titel"')[0]
    nl = " ".join(_pagina(client, pad, "nl").split())
    assert "<dt>Norm zonder kostendelers (Participatiewet art. 20 lid 1 onder a en lid 3)</dt>" in nl
    assert "<td>Participatiewet art. 19a lid 1</td></tr>" in nl and "<td>Participatiewet art. 19a lid 1 onder d</td></tr>" in nl
    # the API: the Dutch citation, whatever the language asked for
    r = client.post("/api/v1/bijstandsnorm?taal=en", json={
        "peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 19, "geen_beroep_op_ouders": True},
        "medebewoners": [{"leeftijd": 17}, {"leeftijd": 30, "onderwijs": "wsf"}]})
    assert r.status_code == 200
    res = r.get_json()["resultaat"]
    assert res["normartikel"] == "Participatiewet art. 20 lid 1 onder a en lid 3"
    assert [m["grondslag"] for m in res["medebewoners"]] == ["Participatiewet art. 19a lid 1",
                                                            "Participatiewet art. 19a lid 1 onder d"]


def test_engels_op_sleutel_zonder_patronen_op_nederlandse_tekst():
    """Issue 16 part 4: English comes from the catalogue by key (Melding, Msgid), not by matching the Dutch output
    with regular expressions. The two messages with values that were still matched (the maximum number of
    medebewoners, the ambiguous "32.500") are Msgids now; web/i18n.py keeps no patterns."""
    import ast
    from pathlib import Path

    import web.i18n

    bron = Path(web.i18n.__file__).read_text(encoding="utf-8")
    boom = ast.parse(bron)
    geimporteerd = {a.name for n in ast.walk(boom) if isinstance(n, ast.Import) for a in n.names}
    assert "re" not in geimporteerd and not hasattr(web.i18n, "PATRONEN")


def test_meldingen_met_waarden_in_het_engels_op_sleutel(client):
    from html import unescape

    r = client.get("/loonkostensubsidie", query_string={
        "bereken": "1", "taal": "en", "peildatum": "01-01-2026", "leeftijd": "30", "uren_per_week": "32.500",
        "loonwaarde": "50"})
    html = unescape(r.get_data(as_text=True))
    assert r.status_code == 422
    assert "'32.500' is ambiguous: a dot followed by three digits" in html and "dubbelzinnig" not in html
    r = client.post("/api/v1/bijstandsnorm", json={"peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 30},
                                                   "medebewoners": [{"leeftijd": 30}] * 21})
    fouten = r.get_json()["invalid_params"] if "invalid_params" in r.get_json() else r.get_json()
    assert r.status_code == 422 and "Vul ten hoogste 20 medebewoners in." in str(fouten)  # the API's Dutch as before

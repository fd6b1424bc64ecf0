"""The web interface without a browser: both languages on every page, catalogue complete, permalinks,
language switch, security headers, production secret. (Browser checks with axe-core: tests/browser/.)"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from soorten.register import SOORTEN
from conftest import csrf_token

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "web/translations/en/LC_MESSAGES/messages.po"
MO = PO.with_suffix(".mo")
LKS = {"geboortedatum": "1990-05-01", "uren_per_week": "32", "loonwaarde": "60", "peildatum": "2026-01-15"}


def _paginas():
    return ["/", "/toegankelijkheid", *(f"/{naam}" for naam in SOORTEN)]


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_elke_pagina_in_beide_talen(client, taal):
    for pad in _paginas():
        r = client.get(f"{pad}?taal={taal}")
        assert r.status_code == 200, pad
        html = r.get_data(as_text=True)
        if taal == "en" and "This page is not yet available in English" in html:
            assert '<html lang="nl">' in html, pad  # not translated yet: an honest Dutch page, not a mixed one
        else:
            assert f'<html lang="{taal}">' in html, pad
        assert 'class="skiplink" href="#inhoud"' in html and 'id="inhoud"' in html
        assert ("Skip to content" if f'<html lang="en">' in html else "Direct naar de inhoud") in html
        # CSP allows no inline script or style: the templates must not need them. The one script is a static file
        # (the print button, web/static/js/afdrukken.js), loaded from 'self'.
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts == ['<script src="/static/js/afdrukken.js" defer>'], (pad, scripts)
        assert " style=" not in html, pad
        # the other language is one link away and keeps the page
        ander = "nl" if taal == "en" else "en"
        assert f'href="{pad}?taal={ander}&amp;onthoud_taal=1"' in html, pad  # the switch remembers the choice


def test_startpagina_noemt_elke_rekenhulp_en_voor_wie(client):
    html = client.get("/?taal=nl").get_data(as_text=True)
    for naam, soort in SOORTEN.items():
        assert f'href="/{naam}"' in html and soort.titel in html
    assert "werkgevers, werkgeversservicepunten en jobcoaches" in html
    en = client.get("/?taal=en").get_data(as_text=True)
    assert "Wage cost subsidy" in en and "employers, employer service points and job coaches" in en


def test_vertaalde_paginas_zijn_engels(client):
    for pad, kop in (("/", "Rekenhulp for work and income"), ("/toegankelijkheid", "Accessibility statement"),
                     ("/loonkostensubsidie", "Calculate the wage cost subsidy")):
        html = client.get(f"{pad}?taal=en").get_data(as_text=True)
        assert '<html lang="en">' in html and kop in html and "This page is not yet available in English" not in html


def test_onvertaalde_pagina_is_eerlijk_nederlands(app, monkeypatch):
    """A template without _() is rendered in Dutch (lang, amounts) with an English notice; with _() in English."""
    from flask import render_template
    from jinja2 import ChoiceLoader, DictLoader

    from web import i18n

    monkeypatch.setattr(app.jinja_env, "loader", ChoiceLoader([DictLoader({
        "test_onvertaald.html": '{% extends "base.html" %}{% block content %}<p>{{ bedrag|euro }}</p>{% endblock %}',
        "test_vertaald.html": '{% extends "base.html" %}{% block content %}<p>{{ _("Totaal") }} {{ bedrag|euro }}</p>{% endblock %}',
    }), app.jinja_env.loader]))
    with app.test_request_context("/?taal=en"):
        html = render_template("test_onvertaald.html", bedrag=Decimal("1234.50"))
        assert '<html lang="nl">' in html and "This page is not yet available in English" in html
        assert "€\xa01.234,50" in html and i18n.huidige_taal() == "nl"
    with app.test_request_context("/?taal=en"):
        html = render_template("test_vertaald.html", bedrag=Decimal("1234.50"))
        assert '<html lang="en">' in html and "Total €1,234.50" in html and "not yet available" not in html


def test_taalkeuze_wordt_onthouden(client):
    # the language switch link carries onthoud_taal=1: that sets the cookie
    html = client.get("/").get_data(as_text=True)
    assert 'href="/?taal=en&amp;onthoud_taal=1"' in html
    r = client.get("/?taal=en&onthoud_taal=1")
    assert "taal=en" in r.headers.get("Set-Cookie", "") and "HttpOnly" in r.headers["Set-Cookie"]
    assert '<html lang="en">' in client.get("/loonkostensubsidie").get_data(as_text=True)
    client.get("/?taal=nl&onthoud_taal=1")
    assert '<html lang="nl">' in client.get("/loonkostensubsidie").get_data(as_text=True)
    assert '<html lang="nl">' in client.get("/?taal=xx").get_data(as_text=True)  # unknown: Dutch


def test_engelse_permalink_geldt_alleen_voor_die_pagina(client):
    """Issue 18: opening an English permalink shows that page in English but does not switch the session."""
    r = client.get("/vrijwilligersvergoeding?bereken=1&jaar=2026&leeftijd=40&m1_vergoeding=100&taal=en")
    assert '<html lang="en">' in r.get_data(as_text=True)
    assert "taal=" not in r.headers.get("Set-Cookie", "")
    assert '<html lang="nl">' in client.get("/loonkostensubsidie").get_data(as_text=True)
    # on that English page the switch back to Dutch remembers Dutch; the permalink on it carries no onthoud_taal
    html = r.get_data(as_text=True)
    assert "onthoud_taal=1" in re.search(r'<a href="([^"]+)" lang="nl"', html).group(1)
    assert "onthoud_taal" not in re.search(r'<a href="([^"]+)" rel="bookmark">', html).group(1)


def test_bedragen_en_datums_per_taal(client):
    nl = client.get("/loonkostensubsidie?bereken=1&" + "&".join(f"{k}={v}" for k, v in LKS.items()))
    en = client.get("/loonkostensubsidie?taal=en&bereken=1&" + "&".join(f"{k}={v}" for k, v in LKS.items()))
    # € 881,05: tests/test_loonkostensubsidie.py::test_deeltijd_32_uur_loonwaarde_60 (NBSP after the sign in nl)
    assert "€\xa0881,05" in nl.get_data(as_text=True) and "15 januari 2026" in nl.get_data(as_text=True)
    assert "januari 2026</th>" in nl.get_data(as_text=True)  # month rows
    t = en.get_data(as_text=True)
    assert "€881.05" in t and "€1,088.10" in t and "15 January 2026" in t and "Wage cost subsidy on 15 January 2026" in t
    assert 'lang="nl"' in t  # Dutch legal step labels are marked as Dutch on the English page
    assert nl.headers["Cache-Control"] == "no-store"  # a permalink result holds personal data


def test_permalink_op_uitkomstpagina_reproduceert_de_uitkomst(client):
    r = client.post("/loonkostensubsidie", data={**LKS, "csrf_token": csrf_token(client, "/loonkostensubsidie")})
    html = r.get_data(as_text=True)
    m = re.search(r'<a href="([^"]+)" rel="bookmark">', html)
    assert m, "geen permalink op de uitkomstpagina"
    url = m.group(1).replace("&amp;", "&")
    assert url.startswith("/loonkostensubsidie?bereken=1&") and "csrf_token" not in url
    opnieuw = client.get(url).get_data(as_text=True)
    for bedrag in ("€\xa0881,05", "€\xa0207,05", "€\xa01.088,10"):
        assert bedrag in html and bedrag in opnieuw
    # after a POST the language link is the permalink in the other language: the result stays a result
    en = re.search(r'<a href="([^"]+)" lang="en"', html).group(1).replace("&amp;", "&")
    assert "bereken=1" in en and "taal=en" in en
    assert "€881.05" in client.get(en).get_data(as_text=True)


def test_foutoverzicht_krijgt_focus_zonder_script_en_vertaalde_berichten(client):
    data = {"uren_per_week": "veel", "loonwaarde": "150", "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    html = client.post("/loonkostensubsidie", data=data).get_data(as_text=True)
    assert 'id="foutoverzicht"' in html and "autofocus" in html and "Er zijn 2 fouten gevonden." in html
    assert html.index('id="foutoverzicht"') < html.index("<form")  # at the top, before the form
    client.get("/?taal=en&onthoud_taal=1")
    data["csrf_token"] = csrf_token(client, "/loonkostensubsidie")
    en = client.post("/loonkostensubsidie", data=data).get_data(as_text=True)
    assert "2 errors were found." in en and "Not a valid number." in en and "Enter a value from 0 to 100." in en


def test_beveiligingskoppen_en_geen_debug(app, client):
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "no-referrer"
    assert r.headers["X-Frame-Options"] == "DENY"
    assert app.debug is False
    fout = client.get("/bestaat-niet?taal=en")
    assert fout.status_code == 404 and "This page does not exist" in fout.get_data(as_text=True)
    assert fout.headers["X-Frame-Options"] == "DENY"  # error pages too
    # each header once; HSTS only over https; a plain page is cacheable, no version headers outside /api/
    assert len(r.headers.getlist("Content-Security-Policy")) == 1
    assert "Strict-Transport-Security" not in r.headers and "Cache-Control" not in r.headers
    assert "X-Rekenhulp-Versie" not in r.headers
    assert client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"] == "max-age=31536000"
    # an empty ?bereken= is no result (a permalink has a value)
    assert "Cache-Control" not in client.get("/loonkostensubsidie?bereken=").headers


def test_api_antwoorden_hebben_versie_en_beveiligingskoppen(client):
    import calculator
    from parameters import default_parameters

    for r in (client.get("/api/v1/openapi.json"), client.get("/api/v1/bestaat-niet"),
              client.post("/api/v1/loonkostensubsidie", data="{", content_type="application/json")):
        assert r.headers["X-Rekenhulp-Versie"] == calculator.__version__
        assert r.headers["X-Rekenhulp-Parameters"] == default_parameters().fingerprint
        # the OWASP REST Security Cheat Sheet set for JSON, not the document headers of a page
        assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["Content-Security-Policy"] == "frame-ancestors 'none'"
        assert "Referrer-Policy" not in r.headers and "Permissions-Policy" not in r.headers
    post = client.post("/api/v1/loonkostensubsidie", json={"leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60})
    assert post.status_code == 200 and post.headers["Cache-Control"] == "no-store"
    # the API documentation is an HTML page: the full document set
    docs = client.get("/api/v1/docs")
    assert "script-src 'self'" in docs.headers["Content-Security-Policy"]
    assert docs.headers["Referrer-Policy"] == "no-referrer"


def test_productie_vraagt_geheime_sleutel_uit_de_omgeving(monkeypatch):
    from rekenhulp import create_app

    monkeypatch.setenv("REKENHULP_ENV", "productie")
    monkeypatch.delenv("REKENHULP_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="REKENHULP_SECRET_KEY"):
        create_app()
    monkeypatch.setenv("REKENHULP_SECRET_KEY", "uit-de-omgeving")
    assert create_app().config["SECRET_KEY"] == "uit-de-omgeving"


def test_catalogus_volledig_en_gecompileerd():
    """Every text marked in templates and web/*.py is in the English catalogue, translated, and in the .mo.

    Fails after adding or changing a text: run the commands in README "Taal" (pybabel extract/update/compile)."""
    with PO.open("rb") as f:
        po = read_po(f, locale="en")
    gemarkeerd = set()
    for _bestand, _regel, bericht, _comm, _ctx in extract_from_dir(
        str(ROOT), method_map=[("web/templates/**.html", "jinja2"), ("web/**.py", "python")],
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "_l": None},
    ):
        gemarkeerd.add(bericht if isinstance(bericht, str) else bericht[0])
    ontbreekt = sorted(m for m in gemarkeerd if m and m not in po)
    assert not ontbreekt, f"niet in {PO.relative_to(ROOT)}: {ontbreekt[:10]}"
    leeg = [m.id for m in po if m.id and not (m.string if isinstance(m.string, str) else all(m.string))]
    assert not leeg, f"niet vertaald: {leeg[:10]}"
    with MO.open("rb") as f:
        mo = read_mo(f)
    def tekst(m):
        return tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string

    verouderd = [m.id for m in po if m.id and (mo.get(m.id) is None or tekst(mo.get(m.id)) != tekst(m))]
    assert not verouderd, f"{MO.name} is verouderd (pybabel compile -d web/translations): {verouderd[:5]}"


def test_elk_formulier_weigert_een_post_zonder_csrf_token(app, client):
    """CSRF is checked in the web blueprints (web.csrf_controle), not app-wide: every POST route of the web pages
    refuses a form without a token; the JSON API (no session, no cookie) does not ask for one."""
    routes = [r.rule for r in app.url_map.iter_rules() if not r.rule.startswith(("/api/", "/static/"))
              and "POST" in r.methods]
    assert len(routes) >= 5  # the four calculators and batch
    for rule in routes:
        r = client.post(rule.replace("<", "").replace(">", ""), data={"x": "1"})
        assert r.status_code == 400, rule
    assert client.post("/api/v1/loonkostensubsidie", json={"leeftijd": 30, "uren_per_week": 32,
                                                           "loonwaarde": 60}).status_code == 200


def test_elke_schuiftabel_is_met_het_toetsenbord_bereikbaar_en_benoemd():
    """Issue 13 / WCAG 2.1.1 and 4.1.2: a table that may scroll inside its box (`.tabel-scroll`) must be reachable by
    keyboard (tabindex="0") and named for screen readers (role="region" with an aria-label), on every template,
    whether or not it overflows on this machine's fonts and screen."""
    import re
    from pathlib import Path

    templates = Path(__file__).parent.parent / "web" / "templates"
    gevonden = 0
    for bestand in sorted(templates.rglob("*.html")):
        for tag in re.findall(r"<div\b[^>]*\btabel-scroll\b[^>]*>", bestand.read_text(encoding="utf-8")):
            gevonden += 1
            assert 'role="region"' in tag, f"{bestand.name}: {tag}"
            assert 'tabindex="0"' in tag, f"{bestand.name}: {tag}"
            assert re.search(r'aria-label(ledby)?="[^"]+"', tag), f"{bestand.name}: {tag}"
    assert gevonden >= 10  # the month tables, parameter tables and comparisons


def test_menu_en_startpagina_leiden_naar_elke_pagina(client):
    """Issue 18: the Dutch menu says "Start", and the parameter, chart and batch pages are in the menu; the home page
    has the block "Voor beleid" with the comparison too. (The crawl two clicks deep: tests/browser/test_praktijk.py.)"""
    html = client.get("/?taal=nl").get_data(as_text=True)
    menu = html.split('class="kop__menu"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/" aria-current="page">Start</a>' in menu and ">Home<" not in menu
    for pad in ("/parameters", "/grafieken", "/batch"):
        assert f'href="{pad}"' in menu, pad
    beleid = html.split('id="beleid-titel"', 1)[1].split("</ul>", 1)[0]
    for pad in ("/parameters/vergelijking", "/parameters", "/grafieken", "/batch"):
        assert f'href="{pad}"' in beleid, pad
    assert ">Home<" in client.get("/?taal=en").get_data(as_text=True)


def test_batchpagina_verwijst_niet_naar_de_readme(client):
    for taal in ("nl", "en"):
        assert "README" not in client.get(f"/batch?taal={taal}").get_data(as_text=True)


BIJSTAND = {"peildatum": "2026-01-01", "belanghebbende-leeftijd": "40", "aantal_medebewoners": "1",
            "medebewoners-0-leeftijd": "30", "medebewoners-0-relatie": "familie", "netto_inkomsten_per_maand": "400",
            "vrijlating-soort": "algemeen", "vrijlating-maand": "1"}


@pytest.mark.parametrize("pad, velden", [
    ("/loonkostensubsidie", LKS),
    ("/bijstandsnorm", BIJSTAND),
    ("/quotumheffing", {"jaar": "2024", "sector": "overheid", "verloonde_uren_totaal": "100000",
                        "verloonde_uren_doelgroep": "1000"}),
    ("/vrijwilligersvergoeding", {"jaar": "2026", "leeftijd": "40", "m1_vergoeding": "150", "m1_uren": "30"}),
])
def test_elke_uitkomst_heeft_invoer_aanpassen(client, pad, velden):
    """The link opens the same form, filled in (a GET without bereken=1), and leaves out the machinery fields."""
    from html import unescape
    from urllib.parse import parse_qsl, urlsplit

    html = client.get(pad, query_string={"bereken": "1", **velden}).get_data(as_text=True)
    assert 'id="stappen-titel"' in html and html.count("Invoer aanpassen") == 1
    href = unescape(re.search(r'<a href="([^"]*)" class="invoer-aanpassen">', html).group(1))
    assert urlsplit(href).path == pad
    assert dict(parse_qsl(urlsplit(href).query)) == velden  # no bereken, csrf_token, taal or actie
    formulier = client.get(href).get_data(as_text=True)
    assert 'id="stappen-titel"' not in formulier and '<form method="post"' in formulier
    for naam, waarde in velden.items():
        if naam == "sector":  # radio buttons
            assert re.search(rf'name="sector" value="{waarde}"\s+checked', formulier)
        elif naam.endswith(("-relatie", "-soort")):  # select lists
            assert re.search(rf'<option value="{waarde}"\s+selected', formulier), naam
        elif naam != "aantal_medebewoners":
            assert re.search(rf'<input[^>]*name="{naam}"[^>]*value="{waarde}"', formulier), naam


def test_bijstand_uitkomst_toont_de_invoer(client):
    """The input summary (also on paper): the README example, belanghebbende 40, one medebewoner of 30 (familie),
    € 400 income, the 25 % vrijlating in its first month."""
    html = client.get("/bijstandsnorm", query_string={"bereken": "1", "taal": "nl", **BIJSTAND}).get_data(as_text=True)
    invoer = html.split('id="invoer-titel"', 1)[1].split("</section>", 1)[0]
    for tekst in ("1 januari 2026", "40 jaar", "30 jaar, familie", "€\xa0400,00", "25 % (artikel 31 lid 2 onder n), maand 1"):
        assert tekst in invoer, tekst


def test_stapeltabel_geeft_elke_cel_de_kop_van_haar_kolom():
    """rowspan and colspan followed: the second part of a month (a change mid-month) keeps its own columns' names."""
    from web.paginas import stapeltabel

    tabel = ('<table><thead><tr><th>Maand</th><th>Vanaf</th><th>Norm</th><th>Vrij &amp; bijstand</th></tr></thead>'
             '<tbody><tr><th scope="row" rowspan="2">jan</th><td>1 jan</td><td>€ 1</td><td rowspan="2">€ 5</td></tr>'
             '<tr><td>15 jan</td><td>€ 2</td></tr></tbody>'
             '<tfoot><tr><th colspan="2">Totaal</th><td>€ 3</td><td data-label="eigen">x</td></tr></tfoot></table>')
    uit = str(stapeltabel(tabel))
    assert '<td data-label="Vanaf">1 jan</td><td data-label="Norm">€ 1</td>' in uit
    assert '<td rowspan="2" data-label="Vrij &amp; bijstand">€ 5</td>' in uit
    assert '<tr><td data-label="Vanaf">15 jan</td><td data-label="Norm">€ 2</td></tr>' in uit
    assert '<th colspan="2">Totaal</th><td data-label="Norm">€ 3</td><td data-label="eigen">x</td>' in uit
    assert '<th scope="row" rowspan="2">jan</th>' in uit  # the row header needs no label


def _foutregels(html: str) -> list[str]:
    blok = re.search(r'id="foutoverzicht".*?</ul>', html, re.S).group(0)
    return [" ".join(re.sub(r"<[^>]+>", "", li).split()) for li in re.findall(r"<li>.*?</li>", blok, re.S)]


def test_foutoverzicht_noemt_het_veld(client):
    """Issue 18: each line of the error summary names its field as the form labels it, and the limits of a range are
    in Dutch notation ("0,01", the schema writes 0.01). The message next to the field itself stays as it was."""
    client.get("/?taal=nl")
    data = {"uren_per_week": "0", "loonwaarde": "", "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    r = client.post("/loonkostensubsidie", data=data)
    assert r.status_code == 422
    regels = _foutregels(r.get_data(as_text=True))
    assert "Contracturen per week: vul een waarde van 0,01 tot en met 60 in." in regels, regels
    assert all(":" in regel for regel in regels) and not any(r == "Dit veld is verplicht." for r in regels), regels
    # the same label twice on the page (belanghebbende and medebewoner): the group's title goes in front
    data = {"actie": "bereken", "aantal_medebewoners": "1", "medebewoners-0-leeftijd": "oud",
            "csrf_token": csrf_token(client, "/bijstandsnorm")}
    regels = _foutregels(client.post("/bijstandsnorm", data=data).get_data(as_text=True))
    assert "De belanghebbende, geboortedatum: vul een geboortedatum of een leeftijd in." in regels, regels
    assert "Medebewoner 1, leeftijd in jaren: geen geldig geheel getal." in regels, regels
    # the month table of the vrijwilligers form: the cell's own name, not "Januari: Januari: ..."
    data = {"jaar": "2026", "leeftijd": "30", "m1_vergoeding": "veel",
            "csrf_token": csrf_token(client, "/vrijwilligersvergoeding")}
    regels = _foutregels(client.post("/vrijwilligersvergoeding", data=data).get_data(as_text=True))
    assert regels == ["Vergoeding januari: geen geldig getal."], regels
    # English: the English label and the English number notation
    client.get("/?taal=en&onthoud_taal=1")
    data = {"uren_per_week": "0", "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    regels = _foutregels(client.post("/loonkostensubsidie", data=data).get_data(as_text=True))
    assert "Contract hours per week: enter a value from 0.01 to 60." in regels, regels


def test_formulier_accepteert_datum_als_dd_mm_jjjj(client):
    """A date typed or pasted as 15-01-2026 (no date picker) is 15 January 2026: the same result as the ISO date."""
    iso = client.get("/loonkostensubsidie", query_string={"bereken": "1", "taal": "nl", **LKS}).get_data(as_text=True)
    nl = {**LKS, "geboortedatum": "1-5-1990", "peildatum": "15-01-2026"}
    html = client.get("/loonkostensubsidie", query_string={"bereken": "1", "taal": "nl", **nl}).get_data(as_text=True)
    assert "Loonkostensubsidie per 15 januari 2026" in html and "1 mei 1990" in html
    # Pw art. 2 and 10d lid 4: 2.294,40 × 32 / 36 = 2.039,47; + 8 % = 163,16 → 2.202,63; LKS 40 % = 881,05
    assert "€\xa0881,05" in html and "€\xa0881,05" in iso
    # not a date in either form: the schema's own message, as before
    fout = client.get("/loonkostensubsidie", query_string={"bereken": "1", "taal": "nl", **LKS, "peildatum": "32-13-2026"})
    assert fout.status_code == 422 and "Geen geldige datum" in fout.get_data(as_text=True)


def test_datumfout_op_een_formulier_noemt_de_nederlandse_vorm(client):
    """The form accepts 15-01-2026, so its date message names that form (the API keeps naming its ISO format)."""
    html = client.get("/loonkostensubsidie", query_string={"bereken": "1", "taal": "nl", **LKS, "peildatum": "morgen"})
    assert "Geen geldige datum; gebruik DD-MM-JJJJ, bijvoorbeeld 15-01-2026." in html.get_data(as_text=True)
    en = client.get("/loonkostensubsidie", query_string={"bereken": "1", "taal": "en", **LKS, "peildatum": "morgen"})
    assert "Not a valid date; use DD-MM-YYYY, for example 15-01-2026." in en.get_data(as_text=True)
    # the batch page takes the Dutch form as well
    data = {"soort": "loonkostensubsidie", "peildatum": "15-01-2026", "csrf_token": csrf_token(client, "/batch")}
    html = client.post("/batch?taal=nl", data=data).get_data(as_text=True)
    assert "Kies een CSV-bestand." in html and "Geen geldige datum" not in html


def _invoerveld(html: str, naam: str) -> str:
    m = re.search(r'<input id="%s"[^>]*>' % re.escape(naam), html, re.S)
    assert m, f"geen invoerveld {naam}"
    return m.group(0)


@pytest.mark.parametrize("pad, velden, datumveld", [
    ("/loonkostensubsidie", {"uren_per_week": "32", "loonwaarde": "60", "leeftijd": "30"}, "peildatum"),
    ("/loonkostensubsidie", {"uren_per_week": "32", "loonwaarde": "60", "peildatum": "15-01-2026"}, "geboortedatum"),
    ("/bijstandsnorm", {"actie": "bereken", "belanghebbende-leeftijd": "40"}, "peildatum"),
    ("/bijstandsnorm", {"actie": "bereken", "peildatum": "01-01-2026"}, "belanghebbende-geboortedatum"),
    ("/vrijwilligersvergoeding", {"jaar": "2026", "m1_vergoeding": "100"}, "geboortedatum"),
])
def test_afgewezen_datum_blijft_in_het_veld_staan(client, pad, velden, datumveld):
    """Issue 18: "A rejected date is kept in the field." A browser's type=date input shows nothing for a value it
    cannot read, so the date fields are text fields: what was typed comes back exactly, next to its error, with the
    format as a hint (dd-mm-jjjj)."""
    client.get("/?taal=nl")
    for getypt in ("32-01-2026", "15-1-20266", "morgen"):
        data = {**velden, datumveld: getypt, "csrf_token": csrf_token(client, pad)}
        r = client.post(pad, data=data)
        assert r.status_code == 422, getypt
        html = r.get_data(as_text=True)
        veld = _invoerveld(html, datumveld)
        assert 'type="text"' in veld and f'value="{getypt}"' in veld and 'aria-invalid="true"' in veld, veld
        assert f"{datumveld}-formaat" in veld  # aria-describedby names the format hint
        assert "Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 15-01-2026." in html
        assert f'href="#{datumveld}"' in html  # and the error summary links to it


def test_datumvelden_van_de_beleidspaginas_houden_de_invoer(client):
    """The date fields of /parameters, /parameters/vergelijking and /grafieken: 15-01-2026 is read as 15 January 2026
    and shown as typed; a date that is not one stays in the field, with the message naming the date used."""
    html = client.get("/parameters?taal=nl&datum=15-01-2026").get_data(as_text=True)
    assert "Waarde op 15 januari 2026" in html and 'value="15-01-2026"' in _invoerveld(html, "datum")
    html = client.get("/parameters?taal=nl&datum=31-02-2026").get_data(as_text=True)
    veld = _invoerveld(html, "datum")
    assert 'value="31-02-2026"' in veld and 'aria-invalid="true"' in veld
    assert "'31-02-2026' is geen geldige datum (DD-MM-JJJJ)" in __import__("html").unescape(html)
    html = client.get("/parameters/vergelijking?taal=nl&van=01-01-2025&tot=2026-01-01").get_data(as_text=True)
    assert 'value="01-01-2025"' in _invoerveld(html, "van") and 'value="2026-01-01"' in _invoerveld(html, "tot")
    # nothing typed: the date used, in the form the hint names
    html = client.get("/grafieken?taal=nl&van=01-07-2025").get_data(as_text=True)
    assert 'value="01-07-2025"' in _invoerveld(html, "van")
    assert re.search(r'value="\d\d-\d\d-\d{4}"', _invoerveld(html, "tot"))


def _zichtbaar_zonder_technisch(html: str) -> str:
    """The text of <main> as a reader sees it with every "Technische details" toggle closed."""
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    main = re.sub(r'<details class="technisch">.*?</details>', " ", main, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_parameterpaginas_noemen_de_dingen_in_woorden_en_codes_achter_technische_details(client, taal):
    """Issue 18: "parameter codes (bijstand.kostendelers.basispercentage) and file names (bijstandsnormen.yaml) are
    headings and labels ... codes only where a technical reader wants them (behind a 'technische details' toggle)"."""
    from parameters import default_parameters

    params = default_parameters()
    p = params.parameter("bijstand.kostendelers.basispercentage")
    for pad in ("/parameters", f"/parameters/{p.naam}", "/parameters/vergelijking?van=01-01-2025&tot=01-01-2026"):
        html = client.get(f"{pad}{'&' if '?' in pad else '?'}taal={taal}").get_data(as_text=True)
        tekst = _zichtbaar_zonder_technisch(html)
        assert ".yaml" not in tekst and p.naam not in tekst, (pad, re.findall(r"\S*\.yaml|\S*basispercentage\S*", tekst))
        assert p.naam in html and '<details class="technisch">' in html, pad  # still there, for who opens it
    html = client.get(f"/parameters?taal={taal}").get_data(as_text=True)
    assert re.search(r'<h2 id="bestand-\d+"[^>]*>Bijstandsnormen en kostendelersnorm', html)  # the file's titel
    summary = "Technical details" if taal == "en" else "Technische details"
    assert f"<summary>{summary}</summary>" in html
    # a result page's table of values used: the description, the code behind the toggle
    html = client.get("/loonkostensubsidie", query_string={"bereken": "1", "taal": taal, **LKS}).get_data(as_text=True)
    assert "wml.uurloon" not in _zichtbaar_zonder_technisch(html) and "<code>wml.uurloon</code>" in html


def test_vergelijking_noemt_de_bedragen_zoals_de_uitkomstpagina(client):
    """Issue 18: comparison rows were field names ("wml per maand incl vakantiebijslag", "per jaar: totaal")."""
    import json

    invoer = json.dumps({"geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60, "peildatum": "2026-01-15"})
    html = client.get("/vergelijking", query_string={"soort": "loonkostensubsidie", "invoer": invoer, "taal": "nl"}
                      ).get_data(as_text=True)
    rijen = re.findall(r'<th scope="row">(.*?)<details', html, re.S)
    assert "Minimumloon per maand met vakantiebijslag" in rijen and "Loonkostensubsidie met werkgeverslasten per jaar" in rijen
    tekst = _zichtbaar_zonder_technisch(html)
    assert "incl vakantiebijslag" not in tekst and "per jaar: totaal" not in tekst
    assert "<code>per_jaar.totaal</code>" in html  # the API's field name for who wants it
    en = client.get("/vergelijking", query_string={"soort": "loonkostensubsidie", "invoer": invoer, "taal": "en"}
                    ).get_data(as_text=True)
    assert "Minimum wage per month with holiday allowance" in re.findall(r'<th scope="row">(.*?)<details', en, re.S)
    # every amount of every calculator has a label (no field name as a row)
    from web.vergelijking import VELDLABELS
    from batch.verwerking import bedrag_kolommen, resultaat_kolommen

    for naam, soort in SOORTEN.items():
        kolommen, _ = resultaat_kolommen(soort.resultaat_schema)
        bedragen = [k for k, b in zip(kolommen, bedrag_kolommen(soort.resultaat_schema)) if b]
        geld = [k for k in bedragen if soort.resultaat_schema().fields.get(k.split(".")[0]) is not None]
        zonder = [k for k in geld if k not in VELDLABELS.get(naam, {}) and "percentage" not in k and "uren" not in k
                  and "arbeidsplaatsen" not in k]
        assert not zonder, (naam, zonder)


def test_grafiekassen_in_de_taal_van_de_pagina(client):
    """Issue 18: chart axes used ISO dates ("2024-01") and a Dutch euro format on English pages."""
    from datetime import date

    from web.grafieken import datum_label, euro_label

    assert datum_label(date(2024, 1, 1), "nl_NL") == "jan 2024" and datum_label(date(2024, 7, 1), "en_GB") == "Jul 2024"
    assert euro_label(1500, 0, "nl_NL") == "€\xa01.500" and euro_label(1500, 0, "en_GB") == "€1,500"
    assert euro_label(14.06, 2, "nl_NL") == "€\xa014,06" and euro_label(14.06, 2, "en_GB") == "€14.06"
    # the drawing itself differs per language (the labels are drawn as paths, so the SVG text is not comparable)
    nl = client.get("/grafieken/wml.svg?taal=nl").data
    en = client.get("/grafieken/wml.svg?taal=en").data
    assert nl.startswith(b"<?xml") and en.startswith(b"<?xml") and nl != en


def test_startpagina_kaarten_spreken_tot_mensen(client):
    """Issue 18: "The home card of LKS shows `"jaaroverzicht": true`" (the API's description); and it stayed Dutch on
    the English home page."""
    for taal, woord in (("nl", "Loonkostensubsidie (Participatiewet art. 10d)"), ("en", "Wage cost subsidy (Participatiewet")):
        html = client.get(f"/?taal={taal}").get_data(as_text=True)
        kaarten = re.search(r'<ul class="kaarten">.*?</ul>', html, re.S).group(0)
        assert "jaaroverzicht" not in kaarten and "`" not in kaarten and "&#34;" not in kaarten, taal
        assert woord in kaarten, taal

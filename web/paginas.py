"""Pages and template helpers shared by every page: the toegankelijkheidsverklaring, the language switch,
permalinks and translation of texts that come from the registry or the schemas."""

from __future__ import annotations

import re
from datetime import date
from html import unescape as _unescape
from urllib.parse import urlencode

import flask_babel
from flask import Blueprint, before_render_template, g, has_request_context, render_template, request
from flask_babel import gettext
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from . import csrf_controle
from .i18n import TALEN, gevraagde_taal, huidige_taal, maandnaam, naam_van_maand, vertaal

bp = Blueprint("paginas", __name__)
bp.before_request(csrf_controle)

# Form fields that are machinery, not input: never part of a permalink.
_GEEN_INVOER = {"csrf_token", "taal", "bereken", "actie", "onthoud_taal"}  # actie: the bijstand form's buttons
ONTHOUD = "onthoud_taal"  # on the language switch links only: remember the choice in a cookie (issue 18)


def _verstuurd():
    """The submitted fields: the form after a POST, else the query string. An error page for a request whose
    body cannot be read (413 too large, 400 bad form) gets the query string only, never a second error."""
    if request.method != "POST":
        return request.args
    try:
        return request.form
    except HTTPException:
        return request.args


def permalink_url(pad: str | None = None, velden=None) -> str:
    """The one permalink builder (issue 16 part 3): the address that reproduces a result from its inputs alone, so
    nothing about the person is stored on the server.

    Without arguments: the current page with `bereken=1` and the submitted fields (a GET with `bereken=1` recomputes
    the result, web.bereken_formulier). With `pad` and `velden` (a mapping or pairs): that page with those inputs,
    e.g. the scenario page with its scenario (`s`) or the scenario applied to a case (its query string). Machinery
    (csrf_token, taal, the buttons) and empty fields are never part of it; the schema defaults apply to the latter.
    """
    if velden is None:  # this page's own inputs, with the form's scenario (web/scenario.py)
        paren, weg, extra = [("bereken", "1")], _GEEN_INVOER | _SCENARIO, _scenario_paar()
        velden = _verstuurd()
    else:
        paren, weg, extra = [], _GEEN_INVOER, []
    items = velden.items(multi=True) if hasattr(velden, "getlist") else velden.items() if hasattr(velden, "items") \
        else velden
    paren += [(k, v) for k, v in items if k not in weg and v is not None and str(v).strip() != ""] + extra
    pad = request.path if pad is None else pad
    return f"{pad}?{urlencode(paren)}" if paren else pad


def waarden_zonder_csrf() -> dict[str, str]:
    """The submitted fields (for an "adjust input" link that opens the form filled in)."""
    bron = _verstuurd()
    return {**{k: v for k, v in bron.items() if k not in _GEEN_INVOER | _SCENARIO and v.strip() != ""},
            **dict(_scenario_paar())}


_SCENARIO = {"s", "scenario_bestand", "scenario_weg"}  # the scenario block of a form (web/scenario.py)


def _scenario_paar() -> list[tuple[str, str]]:
    """[("s", compact scenario)] when the page computed with a scenario (also one uploaded as a file), else []."""
    from .scenario import formulier_scenario

    s = formulier_scenario()["s"]
    return [("s", s)] if s else []

def taal_url(taal: str) -> str:
    """The same page in another language, for the language switch: it carries onthoud_taal=1, so the choice is
    remembered (_onthoud_taal). After a POST that is the permalink, so a result stays a result."""
    if request.method == "POST":
        return f"{permalink_url()}&{urlencode({'taal': taal, ONTHOUD: '1'})}"
    paren = [(k, v) for k, v in request.args.items(multi=True) if k not in ("taal", ONTHOUD)]
    return f"{request.path}?{urlencode(paren + [('taal', taal), (ONTHOUD, '1')])}"


_URL = re.compile(r"https?://[^\s;,)]+[^\s;,).]")


def bronlink(tekst) -> Markup:
    """A parameter's source with its web addresses as links (the rest escaped)."""
    tekst = str(tekst or "")
    uit, pos = [], 0
    for m in _URL.finditer(tekst):
        uit.append(escape(tekst[pos:m.start()]))
        uit.append(Markup('<a href="{0}">{0}</a>').format(m.group(0)))
        pos = m.end()
    uit.append(escape(tekst[pos:]))
    return Markup("").join(uit)


_RIJ = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CEL = re.compile(r"<(td|th)\b([^>]*)>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _getal_attr(attrs: str, naam: str) -> int:
    m = re.search(rf'\b{naam}="(\d+)"', attrs)
    return int(m.group(1)) if m else 1


def stapeltabel(html) -> Markup:
    """Give every data cell of a table the text of its column header as `data-label`, so that on a small screen the
    CSS can show each row as a stacked block ("Norm  € 1.001,50") instead of columns off to the right (issue 18).

    Takes the rendered table (templates: `{% filter stapeltabel %}<table class="tabel tabel--stapel">...{% endfilter %}`),
    reads the column headers from the first row of <thead> and follows colspan and rowspan, so a cell that continues
    a row above keeps its own column's label. Cells that already have a data-label are left alone."""
    html = str(html)
    kop = re.search(r"<thead\b.*?</thead>", html, re.S)
    if not kop:
        return Markup(html)
    koppen: list[str] = []
    eerste = _RIJ.search(kop.group(0))
    for cel in _CEL.finditer(eerste.group(1) if eerste else ""):
        tekst = " ".join(_unescape(_TAG.sub("", cel.group(3))).split())
        koppen += [tekst] * _getal_attr(cel.group(2), "colspan")
    bezet: dict[int, int] = {}  # column -> rows still covered by a rowspan from above

    def rij(m: re.Match) -> str:
        kolom = 0
        nieuw_bezet: dict[int, int] = {k: v - 1 for k, v in bezet.items() if v > 1}

        def cel(c: re.Match) -> str:
            nonlocal kolom
            while bezet.get(kolom, 0) > 0:
                kolom += 1
            tag, attrs, inhoud = c.groups()
            breedte, hoogte = _getal_attr(attrs, "colspan"), _getal_attr(attrs, "rowspan")
            if hoogte > 1:
                for k in range(kolom, kolom + breedte):
                    nieuw_bezet[k] = hoogte - 1
            label = koppen[kolom] if kolom < len(koppen) else ""
            kolom += breedte
            if tag == "td" and label and "data-label=" not in attrs:
                attrs += f' data-label="{escape(label)}"'
            return f"<{tag}{attrs}>{inhoud}</{tag}>"

        uit = m.group(0).replace(m.group(1), _CEL.sub(cel, m.group(1)), 1)
        bezet.clear()
        bezet.update(nieuw_bezet)
        return uit

    romp = html[kop.end():]
    return Markup(html[:kop.end()] + _RIJ.sub(rij, romp))


bp.add_app_template_filter(stapeltabel, "stapeltabel")


@bp.app_template_filter("vertaal")
def _vertaal_filter(tekst):
    return vertaal(tekst)


@bp.app_template_filter("bronlink")
def _bronlink_filter(tekst):
    return bronlink(tekst)


def doelgroepen() -> dict[str, str]:
    """For whom each calculator is meant (home page). A soort without an entry simply shows none."""
    return {
        "loonkostensubsidie": gettext("werkgevers, werkgeversservicepunten en jobcoaches"),
        "bijstandsnorm": gettext("klantmanagers inkomen en inwoners met bijstand"),
        "quotumheffing": gettext("werkgevers met 25 of meer werknemers en hun adviseurs"),
        "vrijwilligersvergoeding": gettext("vrijwilligersorganisaties, vrijwilligers en klantmanagers"),
    }


def kaartteksten() -> dict[str, str]:
    """The home card's text of a calculator, for people (issue 18: the LKS card showed the API's
    `"jaaroverzicht": true`). A soort without an entry shows its registry description."""
    return {
        "loonkostensubsidie": gettext("Loonkostensubsidie (Participatiewet art. 10d) per maand en per kalenderjaar, "
                                      "uit de loonwaarde en het wettelijk minimumloon, met elke maand van het jaar."),
    }


def beleidspaginas() -> list[dict]:
    """Pages for policy work, linked from the menu and the home page block "Voor beleid" (issue 18: every page
    within two clicks of home). `menu` is the short label in the main menu; a page without one is on the home page
    only. A new page of this kind gets an entry here (tests/browser/test_praktijk.py crawls from home)."""
    return [
        {"endpoint": "parameters.parameters_vergelijking", "titel": gettext("Parameters van twee datums vergelijken"),
         "tekst": gettext("Welke bedragen en percentages zijn veranderd tussen twee datums, met de bronnen."),
         "menu": None},
        {"endpoint": "parameters.parameters", "titel": gettext("Parameters en bronnen"),
         "tekst": gettext("Alle bedragen en percentages waarmee Rekenhulp rekent, met geschiedenis, bron en status."),
         "menu": gettext("Parameters")},
        {"endpoint": "grafieken.grafieken", "titel": gettext("Grafieken"),
         "tekst": gettext("Het minimumloon, de bijstandsnormen en de loonkostensubsidie door de jaren heen."),
         "menu": gettext("Grafieken")},
        {"endpoint": "batch.batch", "titel": gettext("Veel berekeningen tegelijk"),
         "tekst": gettext("Een bestand met veel gevallen uploaden en de uitkomsten als bestand terugkrijgen."),
         "menu": gettext("Veel tegelijk")},
        {"endpoint": "scenario.scenario", "titel": gettext("Rekenen met een scenario"),
         "tekst": gettext("Wat als een bedrag of percentage anders wordt? Andere waarden invoeren en toepassen op een geval."),
         "menu": gettext("Scenario")},
        {"endpoint": "bestandsvergelijking.bestandsvergelijking", "titel": gettext("Een bestand vergelijken"),
         "tekst": gettext("Een bestand met gevallen doorrekenen op twee datums of met een scenario: totalen en verschillen."),
         "menu": gettext("Bestand vergelijken")},
    ]


@bp.app_context_processor
def _helpers():
    return {"doelgroepen": doelgroepen(), "beleidspaginas": beleidspaginas, "kaartteksten": kaartteksten}


# Globals (not context variables) so that macros imported without context can use them too.
for _naam, _functie in {"taal_url": taal_url, "permalink_url": permalink_url, "vandaag": date.today,
                        "maandnaam": maandnaam, "naam_van_maand": naam_van_maand, "waarden_zonder_csrf": waarden_zonder_csrf,
                        "huidige_taal": huidige_taal, "gevraagde_taal": gevraagde_taal}.items():
    bp.add_app_template_global(_functie, _naam)



@bp.after_app_request
def _onthoud_taal(resp):
    """?taal=en shows this page in English; only the language switch (taal_url: ?taal=en&onthoud_taal=1) remembers
    the choice in a cookie (only the language; no tracking). So an English permalink opened by a Dutch user shows
    that page in English and leaves the rest of the site Dutch (issue 18)."""
    if not request.query_string:  # most requests (all API calls): no query string to parse
        return resp
    taal = request.args.get("taal")
    if taal in TALEN and request.args.get(ONTHOUD) == "1" and request.cookies.get("taal") != taal:
        resp.set_cookie("taal", taal, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                        secure=request.is_secure)
    return resp


def _template_vertaald(template) -> bool:
    """A template is translated when its own source marks text with _() or gettext()."""
    from flask import current_app

    try:
        bron, _pad, _ = current_app.jinja_env.loader.get_source(current_app.jinja_env, template.name)
    except Exception:  # noqa: BLE001 - no source: treat as translated, never an error page because of it
        return True
    return "_(" in bron or "gettext(" in bron


@before_render_template.connect
def _taal_van_template(sender, template, context, **_extra):
    """English requested but the page's template is not translated yet: render the page in Dutch (lang="nl",
    Dutch amounts and dates) with a short English notice (base.html), rather than a mixed page marked English."""
    if gevraagde_taal() == "nl" or not has_request_context() or _template_vertaald(template):
        return
    g.niet_vertaald = True
    flask_babel.refresh()
    context["taal"] = "nl"
    context["locale"] = TALEN["nl"]


_FOUTOVERZICHT = re.compile(r'(<div[^>]*id="foutoverzicht".*?</ul>)', re.S)
_FOUTLINK = re.compile(r'<a href="#([\w-]+)"([^>]*)>(.*?)</a>', re.S)
_LABEL = re.compile(r'<label\b[^>]*\bfor="([\w-]+)"[^>]*>(.*?)</label>', re.S)
_LEGEND = re.compile(r'<fieldset\b[^>]*\bid="([\w-]+)"[^>]*>\s*<legend\b[^>]*>(.*?)</legend>', re.S)
_ARIA_LABEL = re.compile(r'<(?:input|select|textarea)\b[^>]*\bid="([\w-]+)"[^>]*\baria-label="([^"]*)"', re.S)
_VOORVOEGSEL = re.compile(r"^(\w+): ")


_OF = re.compile(r"^Of: |^Or: ")  # "Of: leeftijd in jaren" (the alternative to the field above)
_GROEPDELEN = re.compile(r'<fieldset\b|</fieldset>|<legend\b[^>]*>(.*?)</legend>|<(?:input|select|textarea)\b[^>]*\bid="([\w-]+)"', re.S)


def _groepen(html: str) -> dict[str, str]:
    """Field id -> the legend of the innermost fieldset around it."""
    stapel: list[str] = []
    uit: dict[str, str] = {}
    for m in _GROEPDELEN.finditer(html):
        deel = m.group(0)
        if deel.startswith("<fieldset"):
            stapel.append("")
        elif deel == "</fieldset>":
            if stapel:
                stapel.pop()
        elif deel.startswith("<legend"):
            if stapel and not stapel[-1]:
                stapel[-1] = _tekst(m.group(1))
        elif stapel:
            uit[m.group(2)] = next((t for t in reversed(stapel) if t), "")
    return uit


def _tekst(html: str) -> str:
    return " ".join(_unescape(_TAG.sub("", html)).split()).rstrip(":")


def veldnamen_in_foutoverzicht(html: str) -> str:
    """Each line of the error summary starts with the name of its field, as the form labels it: "Uren per week: dit
    veld is verplicht." instead of four times "Dit veld is verplicht." (issue 18). The name comes from the page
    itself (the <label for>, the <legend> of a group, or an aria-label), so it is in the page's language and every
    form gets it without a list to keep up to date. A line that already names its month ("Januari: ...") gets the
    field's own label instead ("Vergoeding januari: ...")."""
    blok = _FOUTOVERZICHT.search(html)
    if not blok:
        return html
    namen = {veld: _tekst(t) for veld, t in _ARIA_LABEL.findall(html)}
    namen.update({veld: _tekst(t) for veld, t in _LEGEND.findall(html)})
    namen.update({veld: _OF.sub("", _tekst(t)) for veld, t in _LABEL.findall(html)})
    # a label that occurs more than once ("Geboortedatum" of the belanghebbende and of each medebewoner) gets the
    # title of its group in front: "Medebewoner 1, geboortedatum"
    dubbel = {n for n in namen.values() if list(namen.values()).count(n) > 1}
    groepen = _groepen(html)
    for veld, naam in namen.items():
        if naam in dubbel and groepen.get(veld):
            namen[veld] = f"{groepen[veld]}, {naam[0].lower()}{naam[1:]}"
    namen = {veld: naam[0].upper() + naam[1:] for veld, naam in namen.items() if naam}

    def link(m: re.Match) -> str:
        veld, attrs, bericht = m.groups()
        naam = namen.get(veld)
        if not naam or bericht.startswith(escape(naam)):
            return m.group(0)
        voor = _VOORVOEGSEL.match(bericht)
        if voor and voor.group(1).lower() in naam.lower():
            bericht = bericht[voor.end():]
        if len(bericht) > 1 and bericht[1].islower():
            bericht = bericht[0].lower() + bericht[1:]
        return f'<a href="#{veld}"{attrs}>{escape(naam)}: {bericht}</a>'

    return html[:blok.start()] + _FOUTLINK.sub(link, blok.group(1)) + html[blok.end():]


@bp.after_app_request
def _foutoverzicht_met_veldnamen(resp):
    """A form sent back with errors (422, HTML): see veldnamen_in_foutoverzicht."""
    if resp.status_code != 422 or resp.mimetype != "text/html" or resp.direct_passthrough:
        return resp
    html = resp.get_data(as_text=True)
    if 'id="foutoverzicht"' in html:
        resp.set_data(veldnamen_in_foutoverzicht(html))
    return resp


@bp.get("/toegankelijkheid")
def toegankelijkheid():
    return render_template("paginas/toegankelijkheid.html")

"""Pages and template helpers shared by every page: the toegankelijkheidsverklaring, the language switch,
permalinks and translation of texts that come from the registry or the schemas."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

import flask_babel
from flask import before_render_template, g, has_request_context, render_template, request
from flask_babel import gettext
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from . import bp
from .i18n import TALEN, gevraagde_taal, huidige_taal, maandnaam, naam_van_maand, vertaal

# Form fields that are machinery, not input: never part of a permalink.
_GEEN_INVOER = {"csrf_token", "taal", "bereken", "actie"}  # actie: the bijstand form's buttons


def _verstuurd():
    """The submitted fields: the form after a POST, else the query string. An error page for a request whose
    body cannot be read (413 too large, 400 bad form) gets the query string only, never a second error."""
    if request.method != "POST":
        return request.args
    try:
        return request.form
    except HTTPException:
        return request.args


def permalink_url() -> str:
    """The current page with `bereken=1` and the submitted fields as query string.

    A GET with `bereken=1` recomputes the result from the URL alone (web.bereken_formulier), so nothing
    about the person is stored on the server. Empty fields are left out (the schema defaults apply).
    """
    bron = _verstuurd()
    paren = [("bereken", "1")] + [
        (k, v) for k, v in bron.items(multi=True) if k not in _GEEN_INVOER and v.strip() != ""
    ]
    return f"{request.path}?{urlencode(paren)}"


def waarden_zonder_csrf() -> dict[str, str]:
    """The submitted fields (for an "adjust input" link that opens the form filled in)."""
    bron = _verstuurd()
    return {k: v for k, v in bron.items() if k not in _GEEN_INVOER and v.strip() != ""}

def taal_url(taal: str) -> str:
    """The same page in another language. After a POST that is the permalink, so a result stays a result."""
    if request.method == "POST":
        return f"{permalink_url()}&{urlencode({'taal': taal})}"
    paren = [(k, v) for k, v in request.args.items(multi=True) if k != "taal"] + [("taal", taal)]
    return f"{request.path}?{urlencode(paren)}"


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


def beleidspaginas() -> list[dict]:
    """Pages for policy work, linked from the menu and the home page block "Voor beleid" (issue 18: every page
    within two clicks of home). `menu` is the short label in the main menu; a page without one is on the home page
    only. A new page of this kind gets an entry here (tests/browser/test_praktijk.py crawls from home)."""
    return [
        {"endpoint": "web.parameters_vergelijking", "titel": gettext("Parameters van twee datums vergelijken"),
         "tekst": gettext("Welke bedragen en percentages zijn veranderd tussen twee datums, met de bronnen."),
         "menu": None},
        {"endpoint": "web.parameters", "titel": gettext("Parameters en bronnen"),
         "tekst": gettext("Alle bedragen en percentages waarmee Rekenhulp rekent, met geschiedenis, bron en status."),
         "menu": gettext("Parameters")},
        {"endpoint": "web.grafieken", "titel": gettext("Grafieken"),
         "tekst": gettext("Het minimumloon, de bijstandsnormen en de loonkostensubsidie door de jaren heen."),
         "menu": gettext("Grafieken")},
        {"endpoint": "web.batch", "titel": gettext("Veel berekeningen tegelijk"),
         "tekst": gettext("Een bestand met veel gevallen uploaden en de uitkomsten als bestand terugkrijgen."),
         "menu": gettext("Veel tegelijk")},
    ]


@bp.app_context_processor
def _helpers():
    return {"doelgroepen": doelgroepen(), "beleidspaginas": beleidspaginas}


# Globals (not context variables) so that macros imported without context can use them too.
for _naam, _functie in {"taal_url": taal_url, "permalink_url": permalink_url, "vandaag": date.today,
                        "maandnaam": maandnaam, "naam_van_maand": naam_van_maand, "waarden_zonder_csrf": waarden_zonder_csrf,
                        "huidige_taal": huidige_taal, "gevraagde_taal": gevraagde_taal}.items():
    bp.add_app_template_global(_functie, _naam)



@bp.after_app_request
def _onthoud_taal(resp):
    """?taal=en switches the language and remembers it in a cookie (only the language; no tracking)."""
    if not request.query_string:  # most requests (all API calls): no query string to parse
        return resp
    taal = request.args.get("taal")
    if taal in TALEN and request.cookies.get("taal") != taal:
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


@bp.get("/toegankelijkheid")
def toegankelijkheid():
    return render_template("toegankelijkheid.html")

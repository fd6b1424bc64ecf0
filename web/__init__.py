"""Dutch web forms. They validate through the same marshmallow schemas as the API (one contract)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from soorten.getallen import tekst_naar_waarde  # the one converter of typed text (also the batch)
from soorten.register import SOORTEN, Fout, laad_invoer, reken, rekenbewijs
from soorten import uitleg

from . import i18n

# The home page and what every page uses (filters, context); each page has its own blueprint in its module
# (web/loonkostensubsidie.py, web/scenario.py, ...), registered in rekenhulp.create_app.
bp = Blueprint("web", __name__)


def csrf_controle():
    """CSRF is checked here, for the forms of the web blueprints (each registers it: `bp.before_request`;
    WTF_CSRF_CHECK_DEFAULT is off): the JSON API keeps no session or cookie, so it has nothing to protect and skips
    the check's work (issue 8)."""
    if current_app.config["WTF_CSRF_ENABLED"]:
        current_app.extensions["csrf"].protect()


bp.before_request(csrf_controle)


@bp.app_template_filter("euro")
def _euro(bedrag, exact=False):
    return i18n.euro(bedrag, exact)


@bp.app_template_filter("getal")
def _getal(waarde):
    return i18n.getal(waarde)


@bp.app_template_filter("datum")
def _datum(d):
    return i18n.datum(d)


@bp.app_template_filter("invoerdatum")
def _invoerdatum(d):
    """A date as a user types it in a form field: 15-01-2026 (dd-mm-jjjj, the format the hints name)."""
    return d.strftime("%d-%m-%Y") if d else ""


@bp.app_context_processor
def _context():
    return {"taal": i18n.huidige_taal(), "soorten": SOORTEN, "locale": i18n.babel_locale(), "rekenjaren": rekenjaren,
            "geldende_waarde": geldende_waarde}


def rekenjaren(bestand: str) -> tuple[int, int]:
    """(first, last) calendar year of a rule whose values are in `bestand` (ParameterSet.jaren): form hints
    take them from the data, never from the template."""
    from parameters import default_parameters

    return default_parameters().jaren(bestand)


def geldende_waarde(naam: str):
    """The value of parameter `naam` for a text on a page (an introduction, a hint): the one in force today,
    or on the horizon when today lies after it (the last value that is known)."""
    from datetime import date

    from parameters import default_parameters

    from parameters import MissingParameterError

    params = default_parameters()
    try:
        return params.at(naam, min(date.today(), params.parameter(naam).bekend_tot)).waarde
    except MissingParameterError:  # not in force on that date (e.g. in a folder of one's own): shown as "–"
        return None


def formulier_naar_invoer(form, velden: dict[str, str]) -> dict:
    """Form fields (strings) to the JSON shape the schemas expect.

    `velden` maps a field name to its kind: getal (a Dutch number), geheel, datum, janee (checkbox) or tekst, read
    by the one converter of typed text (soorten.getallen.tekst_naar_waarde, the same as a batch cell). Blank fields
    are left out, so the schema's defaults apply; a checkbox that is not ticked sends nothing, which is "nee".
    """
    data: dict = {}
    for naam, soort in velden.items():
        waarde = (form.get(naam) or "").strip()
        if soort == "janee" and not waarde:
            data[naam] = False
        elif waarde:
            data[naam] = tekst_naar_waarde(waarde, soort)
    return data


def veld_id(pad: str) -> str:
    """"$.medebewoners[0].leeftijd" -> "medebewoners-0-leeftijd" (the id of the form field)."""
    return pad.removeprefix("$.").removeprefix("$").replace("[", "-").replace("]", "").replace(".", "-") or "formulier"


def fouten_per_veld(fouten: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in fouten:
        out.setdefault(veld_id(f["pad"]), []).append(f["bericht"])
    return out


def bereken_formulier(soort_naam: str, velden: dict[str, str], template: str, resultaat_template: str,
                      data: dict | None = None, vast: dict | None = None, **extra):
    """GET shows the form; POST validates, computes and shows the result or the form with errors.
    `vast`: input the page always sends (not a form field), e.g. the year overview the LKS page shows."""
    soort = SOORTEN[soort_naam]
    if request.method == "GET" and data is None and request.args.get("bereken"):
        # permalink (macros.permalink): the inputs in the URL reproduce the result; nothing is stored
        data = formulier_naar_invoer(request.args, velden)
    if request.method == "GET" and data is None:
        return render_template(template, soort=soort, waarden=request.args, fouten={}, foutlijst=[], **extra)
    form = request.form if request.method == "POST" else request.args
    if data is None:
        data = formulier_naar_invoer(form, velden)
    if vast:
        data = {**data, **vast}
    # the scenario block of the form (web/scenario.py): an uploaded YAML or the compact `s` it carries
    from .scenario import formulier_params, formulier_scenario_fouten, met_formulier_scenario

    sc_fouten = formulier_scenario_fouten()
    try:
        invoer = laad_invoer(soort, data)
        if sc_fouten:
            raise Fout([])
        uitkomst = reken(soort, invoer, uitleg=True, params=formulier_params())
    except Fout as exc:
        fouten = _buiten_horizon(soort, exc) or exc.fouten
        per_veld = fouten_per_veld(fouten)
        for veld, bericht in sc_fouten:
            per_veld.setdefault(veld, []).append(bericht)
        return render_template(template, soort=soort, waarden=form, fouten=per_veld,
                               foutlijst=[(veld_id(f["pad"]), f["bericht"]) for f in fouten] + sc_fouten,
                               **extra), 422
    return render_template(resultaat_template, soort=soort, invoer=invoer, uitkomst=uitkomst,
                           stappen=uitleg.stappen(uitkomst, i18n.huidige_taal()),
                           bewijs=met_formulier_scenario(rekenbewijs(soort, invoer, uitkomst.peildatum)), waarden=form,
                           **extra)


def _buiten_horizon(soort, exc: Fout) -> list[dict] | None:
    """A date after the last date whose values are known: instead of the engine's message (which names a
    parameter code and ISO dates) a plain message for the form: what is not yet published, the last date
    that is known and what the user can do. None for every other error."""
    if exc.bekend_tot is None or exc.datum is None or exc.datum <= exc.bekend_tot:
        return None
    from flask_babel import gettext

    if soort.datumveld == "jaar":
        bericht = gettext(
            "De bedragen en percentages voor %(jaar)s zijn nog niet (allemaal) gepubliceerd. De rekenhulp kent ze "
            "tot en met %(bekend_tot)s. Kies een eerder jaar, of reken later opnieuw als de nieuwe waarden bekend zijn.",
            jaar=exc.datum.year, bekend_tot=i18n.datum(exc.bekend_tot))
    else:
        bericht = gettext(
            "De bedragen en percentages voor %(datum)s zijn nog niet gepubliceerd. De rekenhulp kent ze tot en met "
            "%(bekend_tot)s. Kies een datum tot en met %(bekend_tot)s, of reken later opnieuw als de nieuwe waarden "
            "bekend zijn.",
            datum=i18n.datum(exc.datum), bekend_tot=i18n.datum(exc.bekend_tot))
    return [{"pad": f"$.{soort.datumveld}", "bericht": bericht}]


def horizon_melding() -> dict | None:
    """The home page notice: in the last 31 days before the horizon (the last date up to which every value is
    known) and after it. {"bekend_tot": date, "voorbij": bool} or None."""
    from datetime import date, timedelta

    from parameters import default_parameters

    bekend_tot = default_parameters().bekend_tot
    vandaag = date.today()
    if vandaag < bekend_tot - timedelta(days=HORIZON_MELDING_DAGEN):
        return None
    return {"bekend_tot": bekend_tot, "voorbij": vandaag > bekend_tot}


HORIZON_MELDING_DAGEN = 31  # the home page warns this many days before the horizon (issue 15)


@bp.get("/")
def home():
    return render_template("web/home.html", horizon=horizon_melding())


def web_fout(exc: Exception):
    if isinstance(exc, HTTPException):  # with its own headers, e.g. Allow on a 405
        return render_template("fout.html", code=exc.code, titel=exc.name), exc.code, \
            [(naam, waarde) for naam, waarde in exc.get_headers() if naam.lower() != "content-type"]
    from flask import current_app

    current_app.logger.exception("Onverwachte fout")
    return render_template("fout.html", code=500, titel="Er ging iets mis"), 500

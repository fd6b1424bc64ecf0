"""Dutch web forms. They validate through the same marshmallow schemas as the API (one contract)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from api.getallen import nederlands_geheel, nederlands_getal, nl_datum_naar_iso  # one rule for typed dates too
from api.soorten import SOORTEN, Fout, laad_invoer, reken, rekenbewijs
from . import i18n

bp = Blueprint("web", __name__)


@bp.before_request
def _csrf():
    """CSRF is checked here, for the forms of this blueprint (WTF_CSRF_CHECK_DEFAULT is off): the JSON API
    keeps no session or cookie, so it has nothing to protect and skips the check's work (issue 8)."""
    if current_app.config["WTF_CSRF_ENABLED"]:
        current_app.extensions["csrf"].protect()


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

    `velden` maps a field name to its kind: getal (a Dutch number, api/getallen.py), geheel, datum,
    janee (checkbox) or tekst. Blank fields are left out, so the schema's defaults apply.
    """
    data: dict = {}
    for naam, soort in velden.items():
        if soort == "janee":
            data[naam] = form.get(naam) in ("on", "ja", "true", "1")
            continue
        waarde = (form.get(naam) or "").strip()
        if not waarde:
            continue
        if soort == "getal":
            waarde = nederlands_getal(waarde)  # the one Dutch number rule (api/getallen.py, README)
        elif soort == "datum":
            waarde = nl_datum_naar_iso(waarde)
        elif soort == "geheel":
            waarde = nederlands_geheel(waarde)  # what breaks the rule the schema reports in Dutch
        data[naam] = waarde
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
    try:
        invoer = laad_invoer(soort, data)
        uitkomst = reken(soort, invoer, uitleg=True)
    except Fout as exc:
        fouten = _buiten_horizon(soort, exc) or exc.fouten
        return render_template(template, soort=soort, waarden=form, fouten=fouten_per_veld(fouten),
                               foutlijst=[(veld_id(f["pad"]), f["bericht"]) for f in fouten], **extra), 422
    return render_template(resultaat_template, soort=soort, invoer=invoer, uitkomst=uitkomst,
                           stappen=[(s, s.berekening(i18n.babel_locale())) for s in uitkomst.stappen],
                           bewijs=rekenbewijs(soort, invoer, uitkomst.peildatum), waarden=form, **extra)


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
    return render_template("home.html", horizon=horizon_melding())


def web_fout(exc: Exception):
    if isinstance(exc, HTTPException):  # with its own headers, e.g. Allow on a 405
        return render_template("fout.html", code=exc.code, titel=exc.name), exc.code, \
            [(naam, waarde) for naam, waarde in exc.get_headers() if naam.lower() != "content-type"]
    from flask import current_app

    current_app.logger.exception("Onverwachte fout")
    return render_template("fout.html", code=500, titel="Er ging iets mis"), 500


def _laad_paginas() -> None:
    """Import every page module in web/ (each adds its routes to `bp`). No list to keep up to date."""
    import importlib
    import pkgutil

    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_") and mod.name not in ("i18n",):
            importlib.import_module(f"{__name__}.{mod.name}")


_laad_paginas()

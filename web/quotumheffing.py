"""Web form and result page for the quotumheffing (for a werkgever)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from flask import Blueprint, request

from calculator import quotumheffing as q

from . import bereken_formulier, csrf_controle, formulier_naar_invoer, rekenjaren
from .i18n import getal

bp = Blueprint("quotumheffing", __name__)
bp.before_request(csrf_controle)

QUOTUM_VELDEN = {
    "jaar": "geheel", "sector": "tekst", "verloonde_uren_totaal": "getal", "verloonde_uren_totaal_vorig_jaar": "getal",
    "verloonde_uren_doelgroep": "getal",
    "verloonde_uren_doelgroep_ingeleend": "getal", "quotumpercentage": "getal",
}


def _invoer(form) -> dict:
    # thousands separators follow the one Dutch number rule of every form and CSV (soorten/getallen.py, issue 19):
    # "1.234.567" and "100.000,00" are clear, "100.000" alone is ambiguous and refused with a message
    return formulier_naar_invoer(form, QUOTUM_VELDEN)


def _zonder_heffing() -> tuple[int, int] | None:
    """(first, last) year of the run of years, from the first year offered, in which no sector has a heffing
    imposed (quotum.heffing_geactiveerd.<sector>): the page's notice takes its years from the data."""
    from parameters import default_parameters

    params = default_parameters()
    eerste, laatste = params.jaren(q.BESTAND)
    tot = None
    for jaar in range(eerste, laatste + 1):
        if any(params.at(f"quotum.heffing_geactiveerd.{s}", date(jaar, 1, 1)).waarde for s in q.SECTOREN):
            break
        tot = jaar
    return None if tot is None else (eerste, tot)


def _pagina() -> dict:
    return {"zonder_heffing": _zonder_heffing(), "jaren": rekenjaren(q.BESTAND)}


@bp.route("/quotumheffing", methods=["GET", "POST"])
def quotumheffing():
    if request.method == "GET" and not request.args.get("bereken"):
        return bereken_formulier("quotumheffing", QUOTUM_VELDEN, "quotumheffing/quotumheffing.html",
                                 "quotumheffing/quotumheffing_resultaat.html",
                                 **_pagina())
    # POST, or a permalink (GET with bereken=1): the inputs reproduce the result (nothing is stored)
    form = request.form if request.method == "POST" else request.args
    return bereken_formulier("quotumheffing", QUOTUM_VELDEN, "quotumheffing/quotumheffing.html",
                             "quotumheffing/quotumheffing_resultaat.html",
                             data=_invoer(form), **_pagina())


@bp.app_template_filter("baanaantal")
def _baanaantal(aantal):
    """A number of arbeidsplaatsen for display: 2 decimals, half-up (the calculation keeps the exact value)."""
    if aantal is None:
        return "–"
    return getal(aantal.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

"""Web form and result page for the quotumheffing (for a werkgever)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from flask import request

from . import bereken_formulier, bp, formulier_naar_invoer
from .i18n import getal

QUOTUM_VELDEN = {
    "jaar": "geheel", "sector": "tekst", "verloonde_uren_totaal": "getal", "verloonde_uren_doelgroep": "getal",
    "verloonde_uren_doelgroep_ingeleend": "getal", "quotumpercentage": "getal",
}
UREN_VELDEN = ("verloonde_uren_totaal", "verloonde_uren_doelgroep", "verloonde_uren_doelgroep_ingeleend")


def _invoer(form) -> dict:
    # thousands separators follow the one Dutch number rule of every form and CSV (api/getallen.py, issue 19):
    # "1.234.567" and "100.000,00" are clear, "100.000" alone is ambiguous and refused with a message
    return formulier_naar_invoer(form, QUOTUM_VELDEN)


@bp.route("/quotumheffing", methods=["GET", "POST"])
def quotumheffing():
    if request.method == "GET" and not request.args.get("bereken"):
        return bereken_formulier("quotumheffing", QUOTUM_VELDEN, "quotumheffing.html", "quotumheffing_resultaat.html")
    # POST, or a permalink (GET with bereken=1): the inputs reproduce the result (nothing is stored)
    form = request.form if request.method == "POST" else request.args
    return bereken_formulier("quotumheffing", QUOTUM_VELDEN, "quotumheffing.html", "quotumheffing_resultaat.html",
                             data=_invoer(form))


@bp.app_template_filter("baanaantal")
def _baanaantal(aantal):
    """A number of arbeidsplaatsen for display: 2 decimals, half-up (the calculation keeps the exact value)."""
    if aantal is None:
        return "–"
    return getal(aantal.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

"""Web form and result page for the quotumheffing (for a werkgever)."""

from __future__ import annotations

from flask import request

from . import bereken_formulier, bp, formulier_naar_invoer

QUOTUM_VELDEN = {
    "jaar": "geheel", "sector": "tekst", "verloonde_uren_totaal": "getal", "verloonde_uren_doelgroep": "getal",
    "verloonde_uren_doelgroep_ingeleend": "getal", "quotumpercentage": "getal",
}


@bp.route("/quotumheffing", methods=["GET", "POST"])
def quotumheffing():
    if request.method == "GET" and request.args.get("bereken"):
        # permalink: the inputs in the URL reproduce the result (nothing is stored on the server)
        return bereken_formulier("quotumheffing", QUOTUM_VELDEN, "quotumheffing.html", "quotumheffing_resultaat.html",
                                 data=formulier_naar_invoer(request.args, QUOTUM_VELDEN))
    return bereken_formulier("quotumheffing", QUOTUM_VELDEN, "quotumheffing.html", "quotumheffing_resultaat.html")


@bp.app_template_filter("baanaantal")
def _baanaantal(aantal):
    """A number of arbeidsplaatsen for display: 2 decimals, half-up (the calculation keeps the exact value)."""
    from decimal import ROUND_HALF_UP, Decimal

    from .i18n import getal

    if aantal is None:
        return "–"
    return getal(aantal.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

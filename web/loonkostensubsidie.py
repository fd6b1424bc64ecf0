"""Web form and result page for the loonkostensubsidie."""

from __future__ import annotations

from flask import Blueprint, request

from . import bereken_formulier, csrf_controle, formulier_naar_invoer

bp = Blueprint("loonkostensubsidie", __name__)
bp.before_request(csrf_controle)

LKS_VELDEN = {
    "peildatum": "datum", "geboortedatum": "datum", "leeftijd": "geheel", "uren_per_week": "getal",
    "voltijd_uren_per_week": "getal", "loonwaarde": "geheel", "forfaitair": "janee", "bbl": "janee",
    "functieloon_per_uur": "getal", "begindatum_dienstbetrekking": "datum", "einddatum_dienstbetrekking": "datum",
}


# the result page always shows the months of the year (in the API the caller asks for them)
VAST = {"jaaroverzicht": True}


@bp.route("/loonkostensubsidie", methods=["GET", "POST"])
def loonkostensubsidie():
    if request.method == "GET" and request.args.get("bereken"):
        # permalink: the inputs in the URL reproduce the result (nothing is stored on the server)
        return bereken_formulier("loonkostensubsidie", LKS_VELDEN, "loonkostensubsidie/loonkostensubsidie.html",
                                 "loonkostensubsidie/loonkostensubsidie_resultaat.html",
                                 data=formulier_naar_invoer(request.args, LKS_VELDEN), vast=VAST)
    return bereken_formulier("loonkostensubsidie", LKS_VELDEN, "loonkostensubsidie/loonkostensubsidie.html",
                             "loonkostensubsidie/loonkostensubsidie_resultaat.html", vast=VAST)

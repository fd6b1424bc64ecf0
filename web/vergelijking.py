"""Web page: the same case on two dates, side by side (the "Vergelijk met een ander jaar" action of
every result page). Generic over the registry: the case arrives as the soort and its rekenbewijs input
(JSON in the query string, nothing is stored), and is computed by api.vergelijking.vergelijk."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask import Blueprint, abort, render_template, request

from soorten.json_exact import naar_json, uit_json
from soorten.register import SOORTEN
from api.vergelijking import vergelijk

from . import csrf_controle
from .grafieken import datum_arg

bp = Blueprint("vergelijking", __name__)
bp.before_request(csrf_controle)

MAX_INVOER = 20_000  # characters of JSON in the query string


def _jaar_eerder(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


@bp.get("/vergelijking")
def vergelijking():
    soort = SOORTEN.get(request.args.get("soort", ""))
    ruw = request.args.get("invoer", "")
    if soort is None or not ruw or len(ruw) > MAX_INVOER:
        abort(404)
    try:
        invoer = uit_json(ruw.encode("utf-8", "surrogatepass"))  # numbers exact, as in the API (issue 19)
    except (ValueError, RecursionError):  # also DubbeleSleutel and bad UTF-8
        abort(400)
    if not isinstance(invoer, dict):
        abort(400)
    # the rekenbewijs lists every field, unset ones as null: leave those out so the defaults apply
    invoer = {k: v for k, v in invoer.items() if v is not None}
    peil = invoer.get(soort.datumveld)
    if peil is None:
        basis = date.today()
    else:
        try:  # issue 19: {"jaar": 1e20}, Infinity and "3000000000" gave a 500 (OverflowError)
            if soort.datumveld == "jaar":
                if type(peil) is bool or not isinstance(peil, (int, str, Decimal)) or not 1 <= int(peil) <= 9999:
                    raise ValueError
                basis = date(int(peil), 7, 1)
            else:
                basis = date.fromisoformat(str(peil))
        except (TypeError, ValueError, OverflowError, ArithmeticError):
            abort(400)
    van, fout_van = datum_arg("van", _jaar_eerder(basis))
    tot, fout_tot = datum_arg("tot", basis)
    uitkomst = vergelijk(soort, invoer, [van, tot])
    rijen = []
    if len([u for u in uitkomst["uitkomsten"] if "resultaat" in u]) == 2:
        # money fields of the result, without the month-by-month lists (those are on the result pages)
        rijen = [v for v in uitkomst["uitkomsten"][1]["verschillen"] if "[" not in v["veld"]]
    return render_template("vergelijking/vergelijking.html", soort=soort, invoer=invoer, invoer_json=naar_json(invoer).decode(),
                           van=van, tot=tot, u=uitkomst, rijen=rijen,
                           meldingen=[m for m in (fout_van, fout_tot) if m])


def veldnaam(veld: str) -> str:
    """"per_jaar.loonkostensubsidie" -> "per jaar: loonkostensubsidie"."""
    return ": ".join(deel.replace("_", " ") for deel in veld.split("."))


@bp.app_template_filter("veldnaam")
def _veldnaam(veld: str) -> str:
    return veldnaam(veld)

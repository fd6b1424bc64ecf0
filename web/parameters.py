"""Parameter browser: every parameter with its history and sources, and a comparison of two dates."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, render_template

from api.parameters import parameter_vergelijking
from calculator.vergelijking import op_datum
from parameters import default_parameters

from . import csrf_controle
from .grafieken import datum_arg, standaard_datums

bp = Blueprint("parameters", __name__)
bp.before_request(csrf_controle)


@bp.get("/parameters")
def parameters():
    params = default_parameters()
    datum, melding = datum_arg("datum", date.today())
    groepen: dict[str, list] = {}
    for p in params:
        pv, reden = op_datum(params, p.naam, datum)
        groepen.setdefault(p.bestand, []).append({"p": p, "pv": pv, "reden": reden})
    for rijen in groepen.values():
        rijen.sort(key=lambda r: r["p"].naam)
    return render_template("parameters/parameters.html", groepen=dict(sorted(groepen.items())), datum=datum,
                           melding=melding, params=params)


@bp.get("/parameters/vergelijking")
def parameters_vergelijking():
    params = default_parameters()
    standaard_van, standaard_tot = standaard_datums()
    van, fout_van = datum_arg("van", standaard_van)
    tot, fout_tot = datum_arg("tot", standaard_tot)
    body = parameter_vergelijking(params, van, tot)
    return render_template("parameters/parameters_vergelijking.html", v=body, van=van, tot=tot, params=params,
                           meldingen=[m for m in (fout_van, fout_tot) if m])


@bp.get("/parameters/<naam>")
def parameter(naam: str):
    params = default_parameters()
    if naam not in params:
        abort(404)
    return render_template("parameters/parameters_detail.html", p=params.parameter(naam), params=params)


__all__ = ["parameters", "parameter", "parameters_vergelijking"]

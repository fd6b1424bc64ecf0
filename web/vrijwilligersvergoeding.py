"""Web form and result page for the vrijwilligersvergoeding: 12 month rows, blank months allowed, no JavaScript.

The form fields are named per calendar month (m3_vergoeding, m3_uren, m3_kosten). Only rows with something filled in
go into `maanden`, so an API error path like $.maanden[1].vergoeding is mapped back to the row's own field id.
"""

from __future__ import annotations

import re

from flask import render_template, request

from api.soorten import SOORTEN, Fout, laad_invoer, reken, rekenbewijs
from calculator.vrijwilligersvergoeding import MAANDNAMEN

from . import _buiten_horizon, bp, formulier_naar_invoer, i18n, veld_id

SOORT = "vrijwilligersvergoeding"
ALGEMEEN = {"jaar": "geheel", "geboortedatum": "datum", "leeftijd": "geheel", "ontvangt_bijstand": "janee"}
KOLOMMEN = {"vergoeding": "vergoeding", "uren": "uren", "kosten": "aangetoonde_kosten"}  # form suffix -> API field
_PAD = re.compile(r"^\$\.maanden\[(\d+)\](?:\.(\w+))?$")


def _rijen() -> list[dict]:
    return [{"maand": n, "naam": MAANDNAMEN[n - 1],
             **{k: f"m{n}_{k}" for k in KOLOMMEN}} for n in range(1, 13)]


def _invoer(form) -> tuple[dict, list[int]]:
    """The JSON body from the form, and for each entry of `maanden` the month number of its row."""
    data = formulier_naar_invoer(form, ALGEMEEN)
    maanden, volgorde = [], []
    for n in range(1, 13):
        velden = {f"m{n}_{k}": "getal" for k in KOLOMMEN}
        rij = formulier_naar_invoer(form, velden)
        if not rij:
            continue  # blank month
        item = {"maand": n}
        for k, api in KOLOMMEN.items():
            if f"m{n}_{k}" in rij:
                item[api] = rij[f"m{n}_{k}"]
        maanden.append(item)
        volgorde.append(n)
    data["maanden"] = maanden
    return data, volgorde


def _veld(pad: str, volgorde: list[int]) -> str:
    """$.maanden[1].aangetoonde_kosten -> m5_kosten (when the second filled row is May)."""
    m = _PAD.match(pad)
    if m and int(m.group(1)) < len(volgorde):
        n = volgorde[int(m.group(1))]
        api = m.group(2)
        kolom = next((k for k, a in KOLOMMEN.items() if a == api), "vergoeding")
        return f"m{n}_{kolom}"
    if pad == "$.maanden":
        return "maanden"
    return veld_id(pad)


@bp.route("/vrijwilligersvergoeding", methods=["GET", "POST"])
def vrijwilligersvergoeding():
    soort = SOORTEN[SOORT]
    permalink = request.method == "GET" and request.args.get("bereken")
    if request.method == "GET" and not permalink:
        return render_template("vrijwilligersvergoeding.html", soort=soort, waarden=request.args, fouten={},
                               foutlijst=[], rijen=_rijen())
    form = request.form if request.method == "POST" else request.args
    data, volgorde = _invoer(form)
    try:
        invoer = laad_invoer(soort, data)
        uitkomst = reken(soort, invoer, uitleg=True)
    except Fout as exc:
        fouten: dict[str, list[str]] = {}
        foutlijst = []
        for f in _buiten_horizon(soort, exc) or exc.fouten:
            veld = _veld(f["pad"], volgorde)
            fouten.setdefault(veld, []).append(f["bericht"])
            bericht = f["bericht"]
            m = _PAD.match(f["pad"])
            if m and int(m.group(1)) < len(volgorde):
                # the month in the page's language; the message translated here, as the prefix hides it from |vertaal
                bericht = f"{i18n.naam_van_maand(volgorde[int(m.group(1))]).capitalize()}: {i18n.vertaal(bericht)}"
            foutlijst.append((veld, bericht))
        return render_template("vrijwilligersvergoeding.html", soort=soort, waarden=form, fouten=fouten,
                               foutlijst=foutlijst, rijen=_rijen()), 422
    return render_template("vrijwilligersvergoeding_resultaat.html", soort=soort, invoer=invoer, uitkomst=uitkomst,
                           stappen=[(s, s.berekening(i18n.babel_locale())) for s in uitkomst.stappen],
                           bewijs=rekenbewijs(soort, invoer, uitkomst.peildatum), waarden=form)

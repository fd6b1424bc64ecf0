"""Web form and result page for the vrijwilligersvergoeding: 12 month rows, blank months allowed, no JavaScript.

The form fields are named per calendar month (m3_vergoeding, m3_uren, m3_kosten). Only rows with something filled in
go into `maanden`, so an API error path like $.maanden[1].vergoeding is mapped back to the row's own field id.

"Elke maand hetzelfde" (issue 18, less typing): the block vast_* gives one vergoeding (or a vergoeding per uur), uren
and aangetoonde kosten for every month from vast_van to vast_tot. With a vergoeding per uur the form computes the
vergoeding of the month as vergoeding per uur × uren, exactly (Decimal, no rounding: the API takes any amount) and the
result shows that product as an input line. A month of the block that is also filled in the table is an error on
that month's row (never a silent choice between the two). The API itself knows only `maanden`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from flask import render_template, request

from api.soorten import SOORTEN, Fout, laad_invoer, reken, rekenbewijs
from calculator.vrijwilligersvergoeding import MAANDNAMEN
from soorten import uitleg

from . import _buiten_horizon, bp, formulier_naar_invoer, i18n, veld_id

SOORT = "vrijwilligersvergoeding"
ALGEMEEN = {"jaar": "geheel", "geboortedatum": "datum", "leeftijd": "geheel", "ontvangt_bijstand": "janee"}
KOLOMMEN = {"vergoeding": "vergoeding", "uren": "uren", "kosten": "aangetoonde_kosten"}  # form suffix -> API field
VAST = {"vast_vergoeding": "getal", "vast_uurvergoeding": "getal", "vast_uren": "getal", "vast_kosten": "getal",
        "vast_van": "geheel", "vast_tot": "geheel"}
_PAD = re.compile(r"^\$\.maanden\[(\d+)\](?:\.(\w+))?$")


def _rijen() -> list[dict]:
    return [{"maand": n, "naam": MAANDNAMEN[n - 1],
             **{k: f"m{n}_{k}" for k in KOLOMMEN}} for n in range(1, 13)]


def _decimaal(waarde) -> Decimal | None:
    """A value from formulier_naar_invoer as a Decimal, or None when it is not a plain number (the schema reports it)."""
    try:
        return Decimal(waarde) if isinstance(waarde, str) else None
    except InvalidOperation:
        return None


def _vast(form, fouten: dict[str, list[str]]) -> tuple[dict | None, list[int], dict | None]:
    """The block "elke maand hetzelfde": one month item (without `maand`), its months, and for a vergoeding per
    uur the product shown on the result page. Mistakes in the block itself go into `fouten` (field id -> messages)."""
    v = formulier_naar_invoer(form, VAST)
    if not any(k in v for k in ("vast_vergoeding", "vast_uurvergoeding", "vast_uren", "vast_kosten")):
        return None, [], None
    van, tot = v.get("vast_van", 1), v.get("vast_tot", 12)
    if not (isinstance(van, int) and isinstance(tot, int) and 1 <= van <= tot <= 12):
        fouten.setdefault("vast_tot", []).append("Kies een laatste maand die niet vóór de eerste maand ligt.")
        return None, [], None
    item: dict = {}
    product = None
    if "vast_vergoeding" in v and "vast_uurvergoeding" in v:
        fouten.setdefault("vast_uurvergoeding", []).append(
            "Vul een vergoeding per maand óf een vergoeding per uur in, niet allebei.")
    elif "vast_uurvergoeding" in v:
        if "vast_uren" not in v:
            fouten.setdefault("vast_uren", []).append(
                "Vul de uren per maand in: de vergoeding per maand is de vergoeding per uur × de uren.")
        tarief, uren = _decimaal(v["vast_uurvergoeding"]), _decimaal(v.get("vast_uren"))
        if tarief is not None and uren is not None:
            item["vergoeding"] = str(tarief * uren)  # exact: Decimal × Decimal, no rounding
            product = {"per_uur": tarief, "uren": uren, "vergoeding": tarief * uren}
        else:
            item["vergoeding"] = v["vast_uurvergoeding"]  # not a number: the schema reports it on this field
    elif "vast_vergoeding" in v:
        item["vergoeding"] = v["vast_vergoeding"]
    else:
        fouten.setdefault("vast_vergoeding", []).append("Vul de vergoeding per maand of de vergoeding per uur in.")
    if "vast_uren" in v:
        item["uren"] = v["vast_uren"]
    if "vast_kosten" in v:
        item["aangetoonde_kosten"] = v["vast_kosten"]
    if product is not None:
        product.update(van=van, tot=tot)
    return item, list(range(van, tot + 1)), product


def _invoer(form, fouten: dict[str, list[str]] | None = None) -> tuple[dict, list[int], dict | None]:
    """The JSON body from the form, for each entry of `maanden` the month number of its row (negative: the month
    came from the block "elke maand hetzelfde"), and the vergoeding per uur × uren when that was used."""
    fouten = {} if fouten is None else fouten
    data = formulier_naar_invoer(form, ALGEMEEN)
    vast, vaste_maanden, product = _vast(form, fouten)
    maanden, volgorde = [], []
    for n in range(1, 13):
        velden = {f"m{n}_{k}": "getal" for k in KOLOMMEN}
        rij = formulier_naar_invoer(form, velden)
        if n in vaste_maanden:
            if rij:
                fouten.setdefault(f"m{n}_vergoeding", []).append(
                    "Deze maand valt ook onder 'elke maand hetzelfde'. Vul de maand op één plek in: maak deze rij "
                    "leeg of kies de maanden van 'elke maand hetzelfde' zo dat deze maand erbuiten valt.")
            if vast is not None:
                maanden.append({"maand": n, **vast})
                volgorde.append(-n)
            continue
        if not rij:
            continue  # blank month
        item = {"maand": n}
        for k, api in KOLOMMEN.items():
            if f"m{n}_{k}" in rij:
                item[api] = rij[f"m{n}_{k}"]
        maanden.append(item)
        volgorde.append(n)
    data["maanden"] = maanden
    return data, volgorde, product


def _veld(pad: str, volgorde: list[int]) -> str:
    """$.maanden[1].aangetoonde_kosten -> m5_kosten (when the second filled row is May)."""
    m = _PAD.match(pad)
    if m and int(m.group(1)) < len(volgorde):
        n = volgorde[int(m.group(1))]
        api = m.group(2)
        kolom = next((k for k, a in KOLOMMEN.items() if a == api), "vergoeding")
        if n < 0:  # a month of the block "elke maand hetzelfde": the error belongs to the block's field
            return f"vast_{kolom}"
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
    formfouten: dict[str, list[str]] = {}
    data, volgorde, product = _invoer(form, formfouten)
    try:
        invoer = laad_invoer(soort, data)
        if formfouten:
            raise Fout([])
        uitkomst = reken(soort, invoer, uitleg=True)
    except Fout as exc:
        fouten: dict[str, list[str]] = {}
        foutlijst = []
        for veld, berichten in formfouten.items():
            for bericht in berichten:
                fouten.setdefault(veld, []).append(bericht)
                foutlijst.append((veld, _voorvoegsel(veld) + i18n.vertaal(bericht)))
        for f in _buiten_horizon(soort, exc) or exc.fouten:
            if formfouten and f["pad"] == "$.maanden":
                continue  # no months because the block has a mistake: that mistake is the message
            veld = _veld(f["pad"], volgorde)
            if f["bericht"] in fouten.get(veld, []):
                continue  # the same mistake in every month of the block: once
            fouten.setdefault(veld, []).append(f["bericht"])
            bericht = f["bericht"]
            m = _PAD.match(f["pad"])
            if m and int(m.group(1)) < len(volgorde):
                # the month in the page's language; the message translated here, as the prefix hides it from |vertaal
                bericht = _voorvoegsel(veld) + i18n.vertaal(bericht)
            foutlijst.append((veld, bericht))
        return render_template("vrijwilligersvergoeding.html", soort=soort, waarden=form, fouten=fouten,
                               foutlijst=foutlijst, rijen=_rijen()), 422
    return render_template("vrijwilligersvergoeding_resultaat.html", soort=soort, invoer=invoer, uitkomst=uitkomst,
                           stappen=uitleg.stappen(uitkomst, i18n.huidige_taal()),
                           bewijs=rekenbewijs(soort, invoer, uitkomst.peildatum), waarden=form, product=product)


def _voorvoegsel(veld: str) -> str:
    """"Maart: " for a field of the March row, "Elke maand hetzelfde: " for the block, in the page's language."""
    m = re.match(r"^m(\d+)_", veld)
    if m:
        return f"{i18n.naam_van_maand(int(m.group(1))).capitalize()}: "
    if veld.startswith("vast_"):
        return f"{i18n.vertaal('Elke maand hetzelfde')}: "
    return ""

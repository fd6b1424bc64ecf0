"""Web form and result page for the bijstandsnorm with kostendelersnorm.

Medebewoners are rows with indexed field names (medebewoners-0-leeftijd, ...), the same ids that
web.veld_id gives the JSON paths ($.medebewoners[0].leeftijd), so errors land on the right field.
Rows are added and removed with submit buttons that re-render the form on the server: no JavaScript.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request

from soorten.register import SOORTEN

from . import bereken_formulier, csrf_controle, formulier_naar_invoer

bp = Blueprint("bijstandsnorm", __name__)
bp.before_request(csrf_controle)

SOORT = "bijstandsnorm"
MAX_RIJEN = 20
ALGEMEEN = {"peildatum": "datum", "kinderen": "janee", "netto_inkomsten_per_maand": "getal",
            "vrijwilligersvergoeding_per_maand": "getal", "netto_inkomsten_per_vier_weken": "getal",
            "omrekening_vier_weken": "tekst", "mantelzorg": "janee"}
PERSOON = {"geboortedatum": "datum", "leeftijd": "geheel", "geen_beroep_op_ouders": "janee"}
MEDEBEWONER = {"geboortedatum": "datum", "leeftijd": "geheel", "relatie": "tekst", "commerciele_relatie": "janee",
               "commerciele_relatie_derde": "janee", "onderwijs": "tekst", "aanvang_onderwijs": "datum"}
# the form asks since when the vrijlating runs (begindatum); `maand` stays accepted for permalinks made before
# 1 December 2026 (issue 18)
VRIJLATING = {"soort": "tekst", "begindatum": "datum", "maand": "geheel", "kind_jonger_dan_12": "janee"}
MEDEBEWONER_VELDEN = tuple(MEDEBEWONER)


def _sub(form, prefix: str, velden: dict) -> dict:
    """The fields `prefix-<naam>` of the form, converted like formulier_naar_invoer does."""
    sub = {naam: form.get(f"{prefix}-{naam}") for naam in velden if form.get(f"{prefix}-{naam}") is not None}
    return formulier_naar_invoer(sub, velden)


def _aantal(form) -> int:
    try:
        return max(0, min(MAX_RIJEN, int(form.get("aantal_medebewoners", "0"))))
    except ValueError:
        return 0


def _invoer(form) -> dict:
    data = formulier_naar_invoer(form, ALGEMEEN)
    data["belanghebbende"] = _sub(form, "belanghebbende", PERSOON)
    # an unticked checkbox alone does not make a partner
    partner = {k: v for k, v in _sub(form, "partner", PERSOON).items() if v is not False}
    data["partner"] = partner or None
    rijen = [_sub(form, f"medebewoners-{i}", MEDEBEWONER) for i in range(_aantal(form))]
    # an untouched row (no date, no age, defaults only) is not a medebewoner
    data["medebewoners"] = [r for r in rijen if r.get("geboortedatum") or r.get("leeftijd") is not None
                            or r.get("relatie") not in (None, "anders") or r.get("onderwijs") not in (None, "geen")
                            or r.get("commerciele_relatie") or r.get("commerciele_relatie_derde")
                            or r.get("aanvang_onderwijs")]
    vrijlating = _sub(form, "vrijlating", VRIJLATING)
    if vrijlating.get("begindatum"):
        vrijlating.pop("maand", None)  # the date the user typed decides; a month from an old permalink gives way
    if vrijlating.get("soort") and vrijlating["soort"] != "geen":
        data["vrijlating"] = vrijlating
    return data


def _rijen_bewerken(form, actie: str) -> tuple[dict, int]:
    """Add or remove a medebewoner row; returns the form values (re-numbered) and the new number of rows."""
    aantal = _aantal(form)
    rijen = [{naam: form.get(f"medebewoners-{i}-{naam}", "") for naam in MEDEBEWONER_VELDEN} for i in range(aantal)]
    if actie == "toevoegen" and aantal < MAX_RIJEN:
        rijen.append({"relatie": "anders", "onderwijs": "geen"})
    elif actie.startswith("verwijderen-"):
        try:
            del rijen[int(actie.removeprefix("verwijderen-"))]
        except (ValueError, IndexError):
            pass
    waarden = {k: v for k, v in form.items() if not k.startswith("medebewoners-")}
    for i, rij in enumerate(rijen):
        for naam, waarde in rij.items():
            if waarde:
                waarden[f"medebewoners-{i}-{naam}"] = waarde
    waarden["aantal_medebewoners"] = str(len(rijen))
    return waarden, len(rijen)


@bp.route("/bijstandsnorm", methods=["GET", "POST"])
def bijstandsnorm():
    form = request.form if request.method == "POST" else request.args
    actie = form.get("actie", "bereken" if request.method == "POST" or form.get("bereken") else "")
    if actie in ("", "toevoegen") or actie.startswith("verwijderen-"):
        if actie:
            waarden, aantal = _rijen_bewerken(form, actie)
        else:
            waarden, aantal = dict(form), _aantal(form) if "aantal_medebewoners" in form else 1
        return render_template("bijstandsnorm/bijstandsnorm.html", soort=SOORTEN[SOORT], waarden=waarden, fouten={}, foutlijst=[],
                               aantal=aantal)
    return bereken_formulier(SOORT, {}, "bijstandsnorm/bijstandsnorm.html", "bijstandsnorm/bijstandsnorm_resultaat.html",
                             data=_invoer(form),
                             aantal=_aantal(form))

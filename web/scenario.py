"""Web pages for policy advisers (issue 17): the scenario page (/scenario), a scenario applied to one case of any
calculator (/scenario/toepassen) and the caseload comparison (/bestandsvergelijking).

Nothing is stored: a scenario travels in the address as one compact query parameter `s` (its canonical JSON,
zlib-compressed, base64url), a case as its rekenbewijs input (as on /vergelijking), and an uploaded caseload is
read from the request and forgotten after the answer."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for

from soorten.getallen import OngeldigGetal, tekst_naar_waarde
from soorten.register import SOORTEN
from api.vergelijking import geld_velden
from calculator.vergelijking import geldbedragen
from parameters import MissingParameterError, default_parameters
from parameters.scenario import (Scenario, ScenarioFout, lees_scenario, naar_param, scenario_naar_yaml, scenario_uit_yaml,
                                 uit_param)

from . import csrf_controle

bp = Blueprint("scenario", __name__)
bp.before_request(csrf_controle)

MAX_INVOER = 20_000  # characters of a case's JSON input in an address (as web.vergelijking)
RIJEN = 6
MAX_RIJEN = 40
PROCENT = re.compile(r"^([+-])\s*(\d+(?:[.,]\d+)?)\s*%$")


# --- a scenario in an address --------------------------------------------------------------------------------


def scenario_uit_verzoek(naam: str = "s") -> tuple[Scenario | None, list[dict]]:
    waarde = request.values.get(naam, "").strip()
    if not waarde:
        return None, []
    try:
        return uit_param(waarde), []
    except ScenarioFout as exc:
        return None, exc.fouten


# --- the scenario page -------------------------------------------------------------------------------------------


def laatste_officiele(naam: str, voor: date | None):
    """The last official value before `voor` (or the last one at all): the base of "+ x %"."""
    par = default_parameters().parameter(naam)
    kandidaten = [e.value for e in par.entries if e.value is not None and (voor is None or e.vanaf < voor)]
    return kandidaten[-1] if kandidaten else None


def _procent_toepassen(naam: str, vanaf: date | None, tekst: str):
    """"+ 3 %" on the last official value before `vanaf`: (value as text, None) or (None, message). An amount in
    euro is rounded half-up to the cent (the page says so); other units are kept exact."""
    m = PROCENT.match(tekst.strip())
    basis = laatste_officiele(naam, vanaf)
    if basis is None or isinstance(basis.waarde, bool):
        return None, f"{naam}: er is geen officiële waarde om een percentage op toe te passen."
    factor = Decimal(m.group(2).replace(",", ".")) / 100
    nieuw = basis.waarde * (1 + factor if m.group(1) == "+" else 1 - factor)
    if basis.eenheid == "EUR":
        nieuw = nieuw.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format(nieuw.normalize() if basis.eenheid != "EUR" else nieuw, "f"), None


def _formulier_naar_scenario(form) -> tuple[dict, dict[str, int], list[tuple[str, str]]]:
    """(raw scenario data, {"naam#index": row}, early errors as (field id, message))."""
    parameters: dict[str, list] = {}
    rij_van: dict[str, int] = {}
    vooraf: list[tuple[str, str]] = []
    rijen = min(int(form.get("rijen", RIJEN) or RIJEN), MAX_RIJEN) if str(form.get("rijen", "")).isdigit() else RIJEN
    for i in range(rijen):
        naam = (form.get(f"p{i}") or "").strip()
        vanaf = (form.get(f"v{i}") or "").strip()
        waarde = (form.get(f"w{i}") or "").strip()
        if not naam and not vanaf and not waarde:
            continue
        if not naam:
            vooraf.append((f"p{i}", f"Regel {i + 1}: kies een parameter."))
            continue
        item: dict = {}
        if vanaf:
            vanaf = tekst_naar_waarde(vanaf, "datum")  # 15-01-2027 as well as 2027-01-15, as on every form (issue 18)
            item["vanaf"] = vanaf
        if waarde and not PROCENT.match(waarde):
            # the one Dutch number rule of every form and CSV (soorten/getallen.py): "2.400,00" is 2400.00
            omgezet = tekst_naar_waarde(waarde, "getal")
            if isinstance(omgezet, OngeldigGetal):
                vooraf.append((f"w{i}", f"Regel {i + 1}: {omgezet.bericht}"))
                continue
            waarde = str(omgezet)
        if waarde and PROCENT.match(waarde) and naam in default_parameters():
            try:
                datum = date.fromisoformat(vanaf) if vanaf else None
            except ValueError:
                datum = None
            waarde, melding = _procent_toepassen(naam, datum, waarde)
            if melding:
                vooraf.append((f"w{i}", melding))
                continue
        if waarde:
            item["waarde"] = waarde
        lijst = parameters.setdefault(naam, [])
        rij_van[f"{naam}#{len(lijst)}"] = i
        lijst.append(item)
    data = {"naam": (form.get("naam") or "").strip(), "parameters": parameters}
    if (form.get("doortrekken_tot") or "").strip():
        data["doortrekken_tot"] = form.get("doortrekken_tot").strip()
    return data, rij_van, vooraf


_PAD = re.compile(r"^\$\.parameters\['(.+?)'\](?:\[(\d+)\])?(?:\.(\w+))?$")


def _veld_van(pad: str, rij_van: dict[str, int]) -> str:
    if pad in ("$.naam", "$.doortrekken_tot"):
        return pad[2:]
    m = _PAD.match(pad)
    if not m:
        return "naam" if pad == "$" else "p0"
    rij = rij_van.get(f"{m.group(1)}#{m.group(2) or 0}", 0)
    return {"vanaf": f"v{rij}", "waarde": f"w{rij}", "eenheid": f"w{rij}"}.get(m.group(3) or "", f"p{rij}")


def _zij_aan_zij(scenario: Scenario) -> list[dict]:
    """Each scenario value next to the official value in force on that date (or the last one before it)."""
    params = default_parameters()
    rijen = []
    for naam, waarden in scenario.waarden:
        par = params.parameter(naam)
        for w in waarden:
            try:
                officieel = params.at(naam, w.vanaf)
                buiten = False
            except MissingParameterError:
                officieel = laatste_officiele(naam, w.vanaf)
                buiten = True
            verschil = None
            if officieel is not None and not isinstance(w.waarde, bool) and not isinstance(officieel.waarde, bool) \
                    and officieel.waarde != 0:
                verschil = ((w.waarde - officieel.waarde) / officieel.waarde * 100).quantize(
                    Decimal("0.01"), rounding=ROUND_HALF_UP)  # for reading only
            rijen.append({"naam": naam, "omschrijving": par.omschrijving, "eenheid": par.eenheid, "vanaf": w.vanaf,
                          "waarde": w.waarde, "officieel": officieel, "buiten_horizon": buiten,
                          "bekend_tot": par.bekend_tot, "verschil": verschil})
    return rijen


def _waarden_van(scenario: Scenario | None) -> dict:
    if scenario is None:
        return {}
    out = {"naam": scenario.naam, "doortrekken_tot": scenario.doortrekken_tot.isoformat() if scenario.doortrekken_tot else ""}
    i = 0
    for naam, waarden in scenario.waarden:
        for w in waarden:
            out[f"p{i}"], out[f"v{i}"] = naam, w.vanaf.isoformat()
            out[f"w{i}"] = str(w.waarde).lower() if isinstance(w.waarde, bool) else format(w.waarde, "f")
            i += 1
    out["rijen"] = str(max(RIJEN, i + 2))
    return out


def _geval_args() -> dict:
    """The case a result page sent along (soort + rekenbewijs input), passed through the scenario page."""
    soort = request.values.get("soort", "")
    invoer = request.values.get("invoer", "")
    if soort in SOORTEN and invoer and len(invoer) <= MAX_INVOER:
        return {"soort": soort, "invoer": invoer}
    return {}


def _scenario_pagina(scenario: Scenario | None, waarden, fouten: dict, foutlijst: list, status: int = 200):
    params = default_parameters()
    rijen = int(waarden.get("rijen") or RIJEN) if str(waarden.get("rijen", "")).isdigit() else RIJEN
    param = naar_param(scenario) if scenario is not None else None
    return render_template(
        "scenario/scenario.html", scenario=scenario, s=param, waarden=waarden, fouten=fouten, foutlijst=foutlijst,
        rijen=min(max(rijen, RIJEN), MAX_RIJEN), parameters=[params.parameter(n) for n in params.names],
        zij_aan_zij=_zij_aan_zij(scenario) if scenario is not None else [], geval=_geval_args()), status


@bp.route("/scenario", methods=["GET", "POST"])
def scenario():
    if request.method == "GET":
        sc, fouten = scenario_uit_verzoek()
        if fouten:
            return _scenario_pagina(None, request.args, {"naam": [f["bericht"] for f in fouten]},
                                    [("naam", f["bericht"]) for f in fouten], 422)
        waarden = _waarden_van(sc) if sc is not None else request.args
        return _scenario_pagina(sc, waarden, {}, [])
    form = request.form
    data, rij_van, vooraf = _formulier_naar_scenario(form)
    fouten_lijst = list(vooraf)
    sc = None
    try:
        sc = lees_scenario(data, default_parameters(), "$")
    except ScenarioFout as exc:
        fouten_lijst += [(_veld_van(f["pad"], rij_van), f["bericht"]) for f in exc.fouten]
    if fouten_lijst:
        fouten: dict[str, list[str]] = {}
        for veld, bericht in fouten_lijst:
            fouten.setdefault(veld, []).append(bericht)
        return _scenario_pagina(None, form, fouten, fouten_lijst, 422)
    if form.get("rijen_erbij"):
        waarden = _waarden_van(sc)
        waarden["rijen"] = str(min(int(waarden["rijen"]) + 4, MAX_RIJEN))
        return _scenario_pagina(sc, waarden, {}, [])
    return redirect(url_for("scenario.scenario", s=naar_param(sc), **_geval_args()) + "#zij-aan-zij", 303)


@bp.post("/scenario/upload")
def scenario_upload():
    bestand = request.files.get("bestand")
    if bestand is None or not bestand.filename:
        melding = "Kies een scenariobestand (YAML)."
        return _scenario_pagina(None, {}, {"bestand": [melding]}, [("bestand", melding)], 422)
    try:
        tekst = bestand.read(256 * 1024).decode("utf-8-sig")
        sc = scenario_uit_yaml(tekst, default_parameters())
    except UnicodeDecodeError:
        melding = "Het bestand is geen UTF-8-tekst."
        return _scenario_pagina(None, {}, {"bestand": [melding]}, [("bestand", melding)], 422)
    except ScenarioFout as exc:
        lijst = [("bestand", f"{f['pad']}: {f['bericht']}") for f in exc.fouten]
        return _scenario_pagina(None, {}, {"bestand": [b for _, b in lijst]}, lijst, 422)
    return redirect(url_for("scenario.scenario", s=naar_param(sc), **_geval_args()) + "#zij-aan-zij", 303)


@bp.get("/scenario.yaml")
def scenario_yaml():
    sc, fouten = scenario_uit_verzoek()
    if sc is None:
        abort(404 if not fouten else 400)
    naam = re.sub(r"[^A-Za-z0-9_-]+", "-", sc.naam).strip("-") or "scenario"
    resp = Response(scenario_naar_yaml(sc), mimetype="application/yaml")
    resp.headers["Content-Disposition"] = f'attachment; filename="scenario-{naam}.yaml"'
    return resp


# --- a scenario applied to one case ------------------------------------------------------------------------------


def _reken(soort, invoer: dict, params):
    from soorten.register import Fout, envelop, laad_invoer, reken

    try:
        geladen = laad_invoer(soort, invoer)
        uitkomst = reken(soort, geladen, params=params)
    except Fout as exc:
        return None, None, exc.fouten
    return uitkomst, envelop(soort, geladen, uitkomst), []


@bp.get("/scenario/toepassen")
def scenario_toepassen():
    soort = SOORTEN.get(request.args.get("soort", ""))
    if soort is None:
        abort(404)
    ruw = request.args.get("invoer", "")
    if len(ruw) > MAX_INVOER:
        abort(400)
    invoer_fout = None
    if ruw:
        try:
            invoer = json.loads(ruw)
        except (ValueError, RecursionError):
            invoer, invoer_fout = {}, "De invoer is geen geldige JSON."
        if not isinstance(invoer, dict):
            invoer, invoer_fout = {}, "De invoer is geen JSON-object."
    else:
        invoer = dict(soort.voorbeeld)
    invoer = {k: v for k, v in invoer.items() if v is not None}
    sc, sc_fouten = scenario_uit_verzoek()
    officieel = met = None
    rijen = []
    if invoer_fout is None and sc is not None:
        from soorten.scenario import met_scenario

        o_uitkomst, o_body, o_fouten = _reken(soort, invoer, default_parameters())
        s_uitkomst, s_body, s_fouten = _reken(soort, invoer, sc.pas_toe(default_parameters()))
        officieel = {"body": o_body, "fouten": o_fouten}
        met = {"uitkomst": s_uitkomst, "body": met_scenario(s_body, sc) if s_body else None, "fouten": s_fouten}
        velden = geld_velden(soort.resultaat_schema)
        a = geldbedragen(o_body["resultaat"], velden) if o_body else {}
        b = geldbedragen(s_body["resultaat"], velden) if s_body else {}
        for veld in (list(b) or list(a)):
            if "[" in veld:
                continue  # month-by-month lists: on the calculator's own result page
            oud, nieuw = a.get(veld), b.get(veld)
            rijen.append({"veld": veld, "oud": oud, "nieuw": nieuw,
                          "verschil": None if oud is None or nieuw is None else nieuw - oud})
    return render_template("scenario/scenario_toepassen.html", soort=soort, invoer=invoer,
                           invoer_json=json.dumps(invoer, ensure_ascii=False, indent=1), scenario=sc,
                           s=request.args.get("s", ""), sc_fouten=sc_fouten, invoer_fout=invoer_fout,
                           officieel=officieel, met=met, rijen=rijen)


@bp.app_template_filter("scenario_param")
def _scenario_param(sc):
    return naar_param(sc)


__all__ = ["naar_param", "uit_param", "scenario_uit_verzoek"]


# --- a scenario in a calculator's own form (issue 17: "applies the scenario to a case (every calculator)") -------

FORM_BESTAND = "scenario_bestand"  # the file field of the scenario block on every calculator form
FORM_WEG = "scenario_weg"  # the checkbox "zonder scenario rekenen"
SCENARIO_VELDEN = ("s", FORM_BESTAND, FORM_WEG)  # machinery of the block: the permalink carries `s` only


def formulier_scenario() -> dict:
    """The scenario of this request's calculator form, once per request (cached on `g`):
    {"scenario": Scenario | None, "s": its compact form | None, "fouten": [Dutch messages]}.

    An uploaded YAML file (field scenario_bestand) wins over the compact `s` the form carries (from the scenario
    page, a permalink or an earlier upload); "zonder scenario" (scenario_weg) drops both. The file is read from the
    request and forgotten; what travels on is `s`, in the page and in the permalink."""
    from flask import g

    if "formulier_scenario" in g:
        return g.formulier_scenario
    uit = {"scenario": None, "s": None, "fouten": []}
    g.formulier_scenario = uit
    try:
        values = request.values
        bestand = request.files.get(FORM_BESTAND) if request.method == "POST" else None
    except Exception:  # noqa: BLE001 - a body that cannot be read (413): the page is an error page, no scenario
        return uit
    if values.get(FORM_WEG) in ("on", "1", "ja", "true"):
        return uit
    if bestand is not None and bestand.filename:
        try:
            uit["scenario"] = scenario_uit_yaml(bestand.read(256 * 1024).decode("utf-8-sig"), default_parameters())
        except UnicodeDecodeError:
            uit["fouten"] = ["Het scenariobestand is geen UTF-8-tekst."]
        except ScenarioFout as exc:
            uit["fouten"] = [f"{f['pad']}: {f['bericht']}" for f in exc.fouten]
    else:
        sc, fouten = scenario_uit_verzoek()
        uit["scenario"], uit["fouten"] = sc, [f["bericht"] for f in fouten]
    if uit["scenario"] is not None:
        uit["s"] = naar_param(uit["scenario"])
    return uit


def formulier_params():
    """The parameter set the form computes with: the official one, or the scenario laid over it."""
    sc = formulier_scenario()["scenario"]
    return default_parameters() if sc is None else sc.pas_toe(default_parameters())


def met_formulier_scenario(bewijs: dict) -> dict:
    """The rekenbewijs of a form's result with the scenario and its fingerprint (as the API's rekenbewijs)."""
    sc = formulier_scenario()["scenario"]
    if sc is None:
        return bewijs
    return {**bewijs, "scenario": sc.canoniek(), "scenario_vingerafdruk": sc.vingerafdruk}


def formulier_scenario_fouten() -> list[tuple[str, str]]:
    """The scenario's errors as (field id, message) for a form's error summary."""
    return [(FORM_BESTAND, b) for b in formulier_scenario()["fouten"]]


bp.add_app_template_global(formulier_scenario, "formulier_scenario")

"""Web page /bestandsvergelijking (issue 17): upload a caseload (CSV, as for /batch), compare situations A and B
(peildata and/or scenarios), see the summary with totals, counts, the distribution (table and chart) and a
breakdown, and download the rows and the summary as CSV.

The upload is limited by MAX_CONTENT_LENGTH and CSRF-protected; it is read from the request and nothing is kept:
the downloads are in the answer page itself (data: links), so no file stays on the server."""

from __future__ import annotations

import base64
import csv
import io
from datetime import date
from decimal import Decimal, InvalidOperation

from flask import Blueprint, current_app, render_template, request

from soorten.getallen import OngeldigGetal, tekst_naar_waarde
from soorten.register import SOORTEN
from parameters import default_parameters
from parameters.scenario import ScenarioFout, scenario_uit_yaml
from batch.verwerking import BatchFout
from batch.bestandsvergelijking import (Situatie, Vergelijker, csv_kolommen, csv_rij, lees_gevallen,
                                            samenvatting_csv, vergelijk_rijen)

from . import csrf_controle
from .scenario import naar_param, uit_param

bp = Blueprint("bestandsvergelijking", __name__)
bp.before_request(csrf_controle)

MAX_GEVALLEN = 10_000  # cases per upload (each is computed twice while the page waits); more: rekenhulp vergelijk


def _pagina(fouten: dict | None = None, status: int = 200, **extra):
    fouten = fouten or {}
    return render_template("bestandsvergelijking/bestandsvergelijking.html", fouten=fouten, foutlijst=list(fouten.items()),
                           waarden=request.values, max_kb=current_app.config["MAX_CONTENT_LENGTH"] // 1024,
                           scenario_a=extra.pop("scenario_a", None), scenario_b=extra.pop("scenario_b", None),
                           **extra), status


def _gekozen_scenario(kant: str, fouten: dict):
    """The scenario of side A or B: an uploaded YAML file, else the compact one from the scenario page."""
    bestand = request.files.get(f"scenario_{kant}")
    if bestand is not None and bestand.filename:
        try:
            return scenario_uit_yaml(bestand.read(256 * 1024).decode("utf-8-sig"), default_parameters())
        except UnicodeDecodeError:
            fouten[f"scenario_{kant}"] = "Het scenariobestand is geen UTF-8-tekst."
        except ScenarioFout as exc:
            fouten[f"scenario_{kant}"] = "; ".join(f"{f['pad']}: {f['bericht']}" for f in exc.fouten)
        return None
    waarde = request.values.get(f"s_{kant}", "").strip()
    if waarde:
        try:
            return uit_param(waarde)
        except ScenarioFout as exc:
            fouten[f"scenario_{kant}"] = exc.fouten[0]["bericht"]
    return None


def _datum(naam: str, fouten: dict) -> date | None:
    ruw = request.form.get(naam, "").strip()
    if not ruw:
        return None
    try:
        return date.fromisoformat(tekst_naar_waarde(ruw, "datum"))  # 15-01-2026 too, as on every form
    except ValueError:
        fouten[naam] = "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-07-01."
        return None


def verdeling_svg(verdeling: dict, taal: str) -> bytes:
    """A bar chart of the distribution table (the same numbers), with the chart code of web.grafieken."""
    from .grafieken import _plt, _svg

    plt = _plt()
    klassen = verdeling["klassen"]
    fig, ax = plt.subplots(figsize=(7, 3.2))
    labels = [k["van"].replace(".", ",") for k in klassen]
    ax.bar(range(len(klassen)), [k["aantal"] for k in klassen], color="#01689b", align="edge", width=0.9)
    ax.set_xticks(range(len(klassen)), labels, rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("cases" if taal == "en" else "gevallen")
    ax.set_xlabel((f"difference in {verdeling['bedrag']} (from, euro)" if taal == "en"
                   else f"verschil in {verdeling['bedrag']} (vanaf, euro)"))
    return _svg(fig)


def _data_url(mimetype: str, inhoud: str | bytes) -> str:
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
    return f"data:{mimetype};base64," + base64.b64encode(data).decode("ascii")


@bp.route("/bestandsvergelijking", methods=["GET", "POST"])
def bestandsvergelijking():
    if request.method == "GET":
        sc_b = None
        if request.args.get("s_b"):
            try:
                sc_b = uit_param(request.args["s_b"])
            except ScenarioFout:
                sc_b = None
        return _pagina(scenario_b=sc_b)
    fouten: dict[str, str] = {}
    soort = request.form.get("soort", "")
    if soort not in SOORTEN:
        fouten["soort"] = "Kies een berekening."
    bestand = request.files.get("bestand")
    if bestand is None or not bestand.filename:
        fouten["bestand"] = "Kies een CSV-bestand."
    a = Situatie(_datum("a_peildatum", fouten), _gekozen_scenario("a", fouten))
    b = Situatie(_datum("b_peildatum", fouten), _gekozen_scenario("b", fouten))
    groep_op = request.form.get("groep_op", "").strip() or None
    breedte = None
    if request.form.get("klassebreedte", "").strip():
        try:
            # the one number rule (soorten/getallen.py): "1.234,56" is 1234.56, "100.000" is refused as ambiguous
            getal = tekst_naar_waarde(request.form["klassebreedte"].strip(), "getal")
            if isinstance(getal, OngeldigGetal):
                raise InvalidOperation
            breedte = Decimal(getal)
            if not breedte.is_finite() or breedte <= 0:
                raise InvalidOperation
        except InvalidOperation:
            fouten["klassebreedte"] = "Geef een bedrag groter dan 0, bijvoorbeeld 10,00."
    if fouten:
        return _pagina(fouten, 422, scenario_a=a.scenario, scenario_b=b.scenario)
    v = Vergelijker(soort, a, b, groep_op, breedte)
    inhoud = bestand.read()
    if inhoud.startswith(b"PK\x03\x04"):
        return _pagina({"bestand": "Dit lijkt een Excel- of zip-bestand. Sla het op als 'CSV UTF-8' en probeer het "
                                   "opnieuw."}, 422, scenario_a=a.scenario, scenario_b=b.scenario)
    try:
        tekst = io.StringIO(inhoud.decode("utf-8-sig"), newline="")
    except UnicodeDecodeError:
        return _pagina({"bestand": "Het bestand is geen geldige UTF-8-tekst. Sla het op als 'CSV UTF-8' en probeer "
                                   "het opnieuw."}, 422, scenario_a=a.scenario, scenario_b=b.scenario)
    uit = io.StringIO()
    w = csv.writer(uit, lineterminator="\r\n")
    w.writerow(csv_kolommen(v.bedragen, groep_op))
    rijen = 0
    try:
        formaat = "jsonl" if bestand.filename.lower().endswith((".jsonl", ".ndjson")) else "csv"
        for rij in vergelijk_rijen(v, lees_gevallen(tekst, v.soort, groep_op, formaat)):
            w.writerow(csv_rij(rij, v.bedragen, groep_op))
            rijen += 1
            if rijen > MAX_GEVALLEN:
                raise BatchFout(f"Het bestand heeft meer dan {MAX_GEVALLEN} gevallen; gebruik voor grotere bestanden "
                                "`rekenhulp vergelijk` op de opdrachtregel.")
    except BatchFout as exc:
        return _pagina({"bestand": str(exc)}, 422, scenario_a=a.scenario, scenario_b=b.scenario)
    try:
        sv = v.samenvatting.json()
    except ValueError:
        v.samenvatting.klassebreedte = None
        sv = v.samenvatting.json()
    from .i18n import huidige_taal

    grafiek = _data_url("image/svg+xml", verdeling_svg(sv["verdeling"], huidige_taal())) if sv["verdeling"]["klassen"] else None
    return render_template("bestandsvergelijking/bestandsvergelijking_resultaat.html", soort=v.soort, kop=v.kop(), sv=sv, a=a, b=b,
                           grafiek=grafiek,
                           rijen_url=_data_url("text/csv;charset=utf-8", "\ufeff" + uit.getvalue()),
                           samenvatting_url=_data_url("text/csv;charset=utf-8", "\ufeff" + samenvatting_csv(sv, v.bedragen)),
                           s_a=naar_param(a.scenario) if a.scenario else None,
                           s_b=naar_param(b.scenario) if b.scenario else None)

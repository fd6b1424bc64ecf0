"""Web page /bestandsvergelijking (issue 17): upload a caseload (CSV or JSON Lines as for /batch, or an Excel .xlsx),
compare situations A and B (peildata and/or scenarios), see the summary with totals, counts, the distribution (table
and chart) and a breakdown, and download the rows and the summary as CSV and as one Excel workbook.

Progress: the answer page is streamed (Flask stream_template). Its top (the situations and a progress bar) goes out
at once; while the cases are computed a new progress step is sent every 5 % (a <progress> with its label and "n van
N gevallen berekend" in a role=status region, the older steps hidden by CSS), then the summary. No JavaScript and no
polling: nothing has to be kept between two requests.

The upload is limited by MAX_CONTENT_LENGTH and CSRF-protected; the form is checked and the file's header read
before the page starts (errors are a 422 page with the fields marked). The caseload is held only in memory while
its answer streams (the upload and the rows of the downloads, in the generator `_reken`) and dropped when the answer
has gone out: the downloads are in the answer page itself (data: links), so no file stays on the server."""

from __future__ import annotations

import base64
import csv
import io
import itertools
from datetime import date
from decimal import Decimal, InvalidOperation

from flask import Blueprint, Response, current_app, render_template, request, stream_template

from soorten.getallen import OngeldigGetal, tekst_naar_waarde
from soorten.register import SOORTEN
from parameters import default_parameters
from parameters.scenario import ScenarioFout, scenario_uit_yaml
from batch.verwerking import BatchFout
from batch.bestandsvergelijking import (Situatie, Vergelijker, csv_kolommen, csv_rij, lees_gevallen,
                                            samenvatting_csv, vergelijk_rijen)
from batch.bestandsvergelijking_xlsx import XLSX_MIME, XlsxAlsCsv, XlsxUitvoer, is_xlsx, xlsx_bytes

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
        fouten["bestand"] = "Kies een CSV-bestand."  # (or JSON Lines or Excel: the msgid is kept, as on /batch)
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
    fout = lambda bericht: _pagina({"bestand": bericht}, 422, scenario_a=a.scenario, scenario_b=b.scenario)  # noqa: E731
    try:
        bron, totaal, formaat = _open_upload(inhoud, bestand.filename)
        if totaal is not None and totaal > MAX_GEVALLEN:
            return fout(_te_veel())
        gevallen = lees_gevallen(bron, v.soort, groep_op, formaat)
        eerste = next(gevallen, None)  # the header is checked here: a bad file is a 422 before the page starts
    except BatchFout as exc:
        return fout(str(exc))
    if eerste is not None:
        gevallen = itertools.chain([eerste], gevallen)
    from .i18n import huidige_taal

    uitkomst = _Uitkomst()
    resp = Response(stream_template(
        "bestandsvergelijking/bestandsvergelijking_resultaat.html", soort=v.soort, kop=v.kop(), a=a, b=b, uitkomst=uitkomst,
        voortgang=_reken(v, gevallen, totaal, uitkomst, huidige_taal()),
        s_a=naar_param(a.scenario) if a.scenario else None, s_b=naar_param(b.scenario) if b.scenario else None),
        mimetype="text/html")
    resp.headers["X-Accel-Buffering"] = "no"  # a proxy in front passes each part on at once (the progress)
    return resp


def _te_veel() -> str:
    return (f"Het bestand heeft meer dan {MAX_GEVALLEN} gevallen; gebruik voor grotere bestanden `rekenhulp vergelijk` "
            "op de opdrachtregel.")


def _open_upload(inhoud: bytes, naam: str):
    """(a text file to read the cases from, the number of cases as far as known before reading, csv/jsonl)."""
    if is_xlsx(inhoud):
        bron = XlsxAlsCsv(io.BytesIO(inhoud))
        return bron, bron.totaal, "csv"
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BatchFout("Het bestand is geen geldige UTF-8-tekst. Sla het op als 'CSV UTF-8' en probeer het "
                        "opnieuw.") from None
    formaat = "jsonl" if naam.lower().endswith((".jsonl", ".ndjson")) else "csv"
    regels = sum(1 for r in tekst.splitlines() if r.strip())
    return io.StringIO(tekst, newline=""), max(0, regels - (formaat == "csv")), formaat


class _Uitkomst:
    """What the result page shows after the cases are computed (filled in by _reken while the page streams)."""

    sv = grafiek = rijen_url = samenvatting_url = xlsx_url = fout = None


STAPPEN = 20  # the progress is shown about this many times (every 5 %)


def _reken(v, gevallen, totaal: int | None, uitkomst: _Uitkomst, taal: str):
    """Compute the cases while the page streams: yields a progress step ({"klaar", "totaal", "procent"}) now and
    then, and at the end fills `uitkomst` (summary, chart, downloads). The caseload lives only in this generator (the
    upload, the rows of the downloads) and is dropped when the answer has gone out; nothing is written anywhere."""
    totaal = totaal or None
    stap = max(1, totaal // STAPPEN) if totaal else 500  # an Excel sheet that does not state its size: every 500

    def voortgang(n: int) -> dict:
        procent = None if not totaal else min(100, n * 100 // totaal)
        return {"klaar": n, "totaal": totaal, "procent": procent}

    yield voortgang(0)
    uit = io.StringIO()
    w = csv.writer(uit, lineterminator="\r\n")
    w.writerow(csv_kolommen(v.bedragen, v.groep_op))
    excel = XlsxUitvoer(v.bedragen, v.groep_op)
    n = 0
    try:
        for rij in vergelijk_rijen(v, gevallen):
            w.writerow(csv_rij(rij, v.bedragen, v.groep_op))
            excel.rij(rij)
            n += 1
            if n > MAX_GEVALLEN:
                raise BatchFout(_te_veel())
            if n % stap == 0 and (totaal is None or n < totaal):
                yield voortgang(n)
    except BatchFout as exc:  # a line further on that makes the file unusable (e.g. a quote that is not closed)
        uitkomst.fout = str(exc)
        excel.wb.save(io.BytesIO())  # close the half workbook in memory (its sheet writer), then drop it
        return
    try:
        sv = v.samenvatting.json()
    except ValueError:
        v.samenvatting.klassebreedte = None
        sv = v.samenvatting.json()
    uitkomst.sv = sv
    if sv["verdeling"]["klassen"]:
        uitkomst.grafiek = _data_url("image/svg+xml", verdeling_svg(sv["verdeling"], taal))
    uitkomst.rijen_url = _data_url("text/csv;charset=utf-8", "\ufeff" + uit.getvalue())
    uitkomst.samenvatting_url = _data_url("text/csv;charset=utf-8", "\ufeff" + samenvatting_csv(sv, v.bedragen))
    uitkomst.xlsx_url = _data_url(XLSX_MIME, xlsx_bytes(excel, v.kop(), sv))
    yield {**voortgang(n), "klaar": n, "totaal": n, "procent": 100, "af": True}

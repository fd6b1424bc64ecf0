"""Web page /batch: upload a CSV or Excel file of cases, download the results in the same format (a Dutch ";" CSV
is answered in kind, an .xlsx with an .xlsx). Same engine as `rekenhulp batch`.

Uploads are limited by MAX_CONTENT_LENGTH (1 MiB, rekenhulp/__init__.py) and CSRF-protected; the file is
processed in a temporary directory that is removed straight after (nothing is kept)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, request

from batch.verwerking import PLATTE_LIJSTEN, BatchFout, sjabloon_csv, verwerk
from batch.xlsx import XLSX_MIME
from soorten.getallen import tekst_naar_waarde
from soorten.register import SOORTEN

from . import csrf_controle

bp = Blueprint("batch", __name__)
bp.before_request(csrf_controle)


def _formulier(fouten: dict | None = None, status: int = 200):
    return render_template("batch/batch.html", fouten=fouten or {}, waarden=request.form,
                           max_kb=current_app.config["MAX_CONTENT_LENGTH"] // 1024,
                           max_medebewoners=PLATTE_LIJSTEN["medebewoners"][1]), status


@bp.route("/batch", methods=["GET", "POST"])
def batch():
    if request.method == "GET":
        return _formulier()
    fouten: dict[str, str] = {}
    soort = request.form.get("soort", "")
    if soort not in SOORTEN:
        fouten["soort"] = "Kies een berekening."
    peildatum = None
    ruw = request.form.get("peildatum", "").strip()
    if ruw:
        try:
            peildatum = date.fromisoformat(tekst_naar_waarde(ruw, "datum"))  # 15-01-2026 too, as on every form
        except ValueError:
            fouten["peildatum"] = "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01."
    bestand = request.files.get("bestand")
    if bestand is None or not bestand.filename:
        fouten["bestand"] = "Kies een CSV-bestand."  # (or an Excel file: the msgid is kept, issue 18)
    if fouten:
        return _formulier(fouten, 422)
    with tempfile.TemporaryDirectory(prefix="rekenhulp-batch-") as tmp:
        invoer = Path(tmp) / "invoer"
        bestand.save(invoer)
        with open(invoer, "rb") as f:
            excel = f.read(4) == b"PK\x03\x04"  # an .xlsx (a zip), whatever its name: an Excel file back (issue 18)
        ext = "xlsx" if excel else "csv"
        uitvoer = Path(tmp) / f"resultaat.{ext}"
        try:
            s = verwerk(str(invoer), str(uitvoer), soort, peildatum, formaat=ext, processen=1, voortgang=False)
        except BatchFout as exc:
            return _formulier({"bestand": str(exc)}, 422)
        inhoud = uitvoer.read_bytes()
    naam = f"rekenhulp-{soort}-resultaat.{ext}"
    resp = Response(inhoud, mimetype=XLSX_MIME if excel else "text/csv")
    resp.headers["Content-Disposition"] = f'attachment; filename="{naam}"'
    resp.headers["X-Rekenhulp-Regels"] = str(s.rijen)
    resp.headers["X-Rekenhulp-Fouten"] = str(s.fouten)
    return resp


@bp.get("/batch/sjabloon/<soort>.csv")
def batch_sjabloon(soort: str):
    if soort not in SOORTEN:
        abort(404)
    resp = Response("\ufeff" + sjabloon_csv(soort), mimetype="text/csv")  # BOM: Excel reads it as UTF-8
    resp.headers["Content-Disposition"] = f'attachment; filename="rekenhulp-{soort}-sjabloon.csv"'
    return resp

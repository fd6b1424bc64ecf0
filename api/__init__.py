"""JSON API, base /api/v1. One POST endpoint per calculation, problem+json errors, OpenAPI 3."""

from __future__ import annotations

import json

import orjson
from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.exceptions import HTTPException

import calculator
from parameters import default_parameters

from . import soorten
from .soorten import SOORTEN, Fout, envelop, laad_invoer, reken

bp = Blueprint("api", __name__, url_prefix="/api/v1")

PROBLEM = "application/problem+json"


def naar_json(body) -> bytes:
    """UTF-8 JSON. orjson is several times faster than the json module on the answers here (issue 8);
    what it refuses (an integer beyond 64 bits, a non-string key) goes through the json module, so no
    answer fails because of the encoder."""
    try:
        return orjson.dumps(body)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(body, ensure_ascii=False).encode()


def uit_json(raw: bytes):
    """`json.loads(raw)`, the same result and the same exceptions. orjson parses a small object about 7×
    faster (issue 8), but it refuses what the json module accepts (NaN, a BOM, UTF-16, lone surrogates,
    nesting over 1024) and reads an integer beyond 64 bits as a float; so whatever orjson refuses, and
    any document with a float in it, is parsed again by the json module."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)
    try:
        if _heeft_float(data):
            return json.loads(raw)
    except RecursionError:  # nested deeper than Python recurses: as the json module would have it
        return json.loads(raw)
    return data


def _heeft_float(x) -> bool:
    """Is there a float anywhere in a parsed JSON document (dicts and lists)?"""
    for w in (x.values() if type(x) is dict else x if type(x) is list else (x,)):
        soort = type(w)
        if soort is float or (soort is dict or soort is list) and _heeft_float(w):
            return True
    return False


def problem(status: int, titel: str, detail: str | None = None, fouten: list[dict] | None = None) -> Response:
    body = {"type": "about:blank", "title": titel, "status": status}
    if detail:
        body["detail"] = detail
    if fouten is not None:
        body["fouten"] = fouten
    return Response(naar_json(body), status=status, mimetype=PROBLEM)


def json_response(body, status: int = 200) -> Response:
    return Response(naar_json(body), status=status, mimetype="application/json")


def lees_json():
    """The request body as JSON, or a problem response (415 wrong type, 400 malformed)."""
    if not request.is_json:
        return None, problem(415, "Verkeerd inhoudstype", "Stuur de invoer als JSON met Content-Type: application/json.")
    raw = request.get_data(cache=False)
    if not raw.strip():
        return None, problem(400, "Lege invoer", "De body is leeg; stuur een JSON-object.")
    try:
        data = uit_json(raw)
    except UnicodeDecodeError:
        return None, problem(400, "Ongeldige tekens", "De body is geen geldige UTF-8-tekst.")
    except (ValueError, RecursionError):
        return None, problem(400, "Ongeldige JSON", "De body is geen geldige JSON.")
    if not isinstance(data, dict):
        return None, problem(422, "Ongeldige invoer", fouten=[{"pad": "$", "bericht": "Verwacht een JSON-object."}])
    return data, None


def uitleg_gevraagd() -> bool:
    # most calls have no query string: skip parsing one (request.args) for them
    return bool(request.query_string) and request.args.get("uitleg", "").lower() in ("1", "true", "ja", "waar")


def bereken_antwoord(soort_naam: str) -> Response:
    soort = SOORTEN[soort_naam]
    data, fout = lees_json()
    if fout is not None:
        return fout
    uitleg = uitleg_gevraagd()
    try:
        if "scenario" in data:  # issue 17: an optional scenario, outside the soort's input schema
            from .scenario import bereken_met_scenario

            return json_response(bereken_met_scenario(soort, data, uitleg))
        invoer = laad_invoer(soort, data)
        uitkomst = reken(soort, invoer, uitleg=uitleg)
    except Fout as exc:
        return problem(422, "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.", exc.fouten)
    return json_response(envelop(soort, invoer, uitkomst, uitleg=uitleg))


def _registreer_routes() -> None:
    soorten.laad_alle_soorten()
    for naam in list(SOORTEN):
        bp.add_url_rule(f"/{naam}", endpoint=naam, view_func=lambda naam=naam: bereken_antwoord(naam),
                        methods=["POST"])


_registreer_routes()


@bp.get("/openapi.json")
def openapi_json():
    from .openapi import spec

    return json_response(spec())


@bp.get("/docs")
def docs():
    from .openapi import spec

    return render_template("api_docs.html", spec=spec(), soorten=SOORTEN)


def versie_koppen() -> tuple[tuple[str, str], ...]:
    """The headers of every answer under /api/ (added by rekenhulp.koppen): engine version and parameter
    fingerprint, the same as in the receipt."""
    return (("X-Rekenhulp-Versie", calculator.__version__),
            ("X-Rekenhulp-Parameters", default_parameters().fingerprint))


def api_fout(exc: Exception) -> Response:
    """Every error under /api/ as problem+json; never a stack trace."""
    if isinstance(exc, HTTPException):
        titels = {404: "Niet gevonden", 405: "Methode niet toegestaan", 413: "Invoer te groot",
                  400: "Ongeldig verzoek", 415: "Verkeerd inhoudstype"}
        return problem(exc.code, titels.get(exc.code, exc.name), exc.description if exc.code != 413 else
                       f"De body is groter dan {current_app.config['MAX_CONTENT_LENGTH'] // 1024} kB.")
    current_app.logger.exception("Onverwachte fout")
    return problem(500, "Interne fout", "Er ging iets mis bij het rekenen. De fout is gelogd.")


__all__ = ["bp", "problem", "soorten", "bereken_antwoord", "api_fout", "versie_koppen"]

# Parameter years, comparison and batch (issue 6): their routes on `bp`, after the per-soort routes.
from . import batch, parameters, vergelijking  # noqa: E402,F401
from . import bestandsvergelijking  # noqa: E402,F401  (issue 17)

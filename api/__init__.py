"""JSON API, base /api/v1. One POST endpoint per calculation, problem+json errors, OpenAPI 3."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g, render_template, request
from werkzeug.exceptions import HTTPException

import calculator
from parameters import default_parameters

from soorten import register
from soorten.json_exact import DubbeleSleutel, naar_json, uit_json  # noqa: F401 (api.naar_json for the API modules)
from soorten.register import SOORTEN, Fout, envelop, laad_invoer, reken
from soorten.scenario import bereken_met_scenario

bp = Blueprint("api", __name__, url_prefix="/api/v1")

PROBLEM = "application/problem+json"
API_VERSIE = "1.0.0"  # the contract's version (info.version, header API-Version); the major is the /v1 of the URL


# objects and lists in one body, counted on the raw bytes before parsing (issue 19: 330 000 empty objects held a
# worker); a batch of 1000 cases with 20 medebewoners each has about 24 000
MAX_STRUCTUREN = 50_000
MAX_FOUTEN = 100  # at most this many field errors in one answer (issue 19: 330 000 made a 33 MB answer)


def begrens_fouten(fouten: list[dict]) -> list[dict]:
    """The first MAX_FOUTEN errors, and a last entry that says how many more there are."""
    if len(fouten) <= MAX_FOUTEN:
        return fouten
    return fouten[:MAX_FOUTEN] + [{"pad": "$", "bericht": f"En nog {len(fouten) - MAX_FOUTEN} fouten; alleen de "
                                                           f"eerste {MAX_FOUTEN} worden getoond."}]


def problem(status: int, titel: str, detail: str | None = None, fouten: list[dict] | None = None,
            bekend_tot=None) -> Response:
    body = {"type": "about:blank", "title": titel, "status": status}
    if detail:
        body["detail"] = detail
    if fouten is not None:
        body["fouten"] = begrens_fouten(fouten)
    if bekend_tot is not None:  # a date without a parameter value: the values are known up to this date
        body["bekend_tot"] = bekend_tot.isoformat()
    return Response(naar_json(body), status=status, mimetype=PROBLEM)


def json_response(body, status: int = 200) -> Response:
    return Response(naar_json(body), status=status, mimetype="application/json")


ONGELDIG_TEKEN = "Deze tekst bevat een ongeldig teken (een losse UTF-16-surrogaat zoals \\ud800)."


def tekst_pad(sleutel: str) -> str:
    """A key as it can appear in a JSON path of an answer: a lone surrogate written as its escape."""
    return sleutel.encode("utf-8", "backslashreplace").decode("utf-8")


def losse_surrogaten(x, pad: str = "$") -> list[dict]:
    """Every key or text with a lone surrogate ("\\ud800", which the json module lets through and no answer
    can encode), as field errors (issue 19)."""
    fouten: list[dict] = []
    stapel = [(x, pad)]
    while stapel:
        waarde, p = stapel.pop()
        if type(waarde) is dict:
            for k, v in waarde.items():
                sub = f"{p}.{tekst_pad(k)}"
                if not _is_utf8(k):
                    fouten.append({"pad": sub, "bericht": "Deze veldnaam bevat een ongeldig teken (een losse "
                                                          "UTF-16-surrogaat zoals \\ud800)."})
                stapel.append((v, sub))
        elif type(waarde) is list:
            stapel.extend((v, f"{p}[{i}]") for i, v in enumerate(waarde))
        elif type(waarde) is str and not _is_utf8(waarde):
            fouten.append({"pad": p, "bericht": ONGELDIG_TEKEN})
    return sorted(fouten, key=lambda f: f["pad"])


def _is_utf8(tekst: str) -> bool:
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def lees_json(surrogaten_toestaan: bool = False):
    """The request body as JSON, or a problem response (415 wrong type, 400 malformed, 413 too large, 422
    duplicate key or a lone surrogate). `surrogaten_toestaan`: the caller checks them per item (batch)."""
    if not request.is_json:
        return None, problem(415, "Verkeerd inhoudstype", "Stuur de invoer als JSON met Content-Type: application/json.")
    raw = request.get_data(cache=False)
    if not raw.strip():
        return None, problem(400, "Lege invoer", "De body is leeg; stuur een JSON-object.")
    if raw.count(b"{") + raw.count(b"[") > MAX_STRUCTUREN:
        return None, problem(413, "Invoer te groot", f"De invoer bevat meer dan {MAX_STRUCTUREN} objecten en lijsten; "
                                                     "geen berekening heeft er zo veel nodig. Splits de invoer.")
    try:
        data = uit_json(raw)
    except DubbeleSleutel as exc:
        return None, problem(422, "Ongeldige invoer", "Een veld staat twee keer in de invoer.", [
            {"pad": f"$.{tekst_pad(exc.sleutel)}", "bericht": "Dit veld staat meer dan eens in hetzelfde object."}])
    except UnicodeDecodeError:
        return None, problem(400, "Ongeldige tekens", "De body is geen geldige UTF-8-tekst.")
    except (ValueError, RecursionError):
        return None, problem(400, "Ongeldige JSON", "De body is geen geldige JSON.")
    mogelijk = b"\\ud" in raw or b"\\uD" in raw  # only an escape can make a lone surrogate
    g.rekenhulp_surrogaat_mogelijk = mogelijk
    if not surrogaten_toestaan and mogelijk:
        fouten = losse_surrogaten(data)
        if fouten:
            return None, problem(422, "Ongeldige invoer", "Een of meer teksten bevatten een ongeldig teken.", fouten)
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
            return json_response(bereken_met_scenario(soort, data, uitleg))
        invoer = laad_invoer(soort, data)
        uitkomst = reken(soort, invoer, uitleg=uitleg)
    except Fout as exc:
        return problem(422, "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.", exc.fouten,
                       bekend_tot=exc.bekend_tot)
    return json_response(envelop(soort, invoer, uitkomst, uitleg=uitleg))


def _registreer_routes() -> None:
    """POST /api/v1/{soort} for every soort of the registry, on this module's blueprint. The other API routes have
    their own blueprints (api/parameters.py, api/vergelijking.py, api/batch.py, api/bestandsvergelijking.py);
    rekenhulp.create_app registers them all."""
    register.laad_alle_soorten()
    for naam in list(SOORTEN):
        bp.add_url_rule(f"/{naam}", endpoint=naam, view_func=lambda naam=naam: bereken_antwoord(naam),
                        methods=["POST"])


_registreer_routes()


@bp.get("/openapi.json")
def openapi_json():
    from .openapi import spec

    antwoord = json_response(spec(current_app.config.get("BASIS_URL")))
    antwoord.headers["Access-Control-Allow-Origin"] = "*"  # ADR /core/publish-openapi
    return antwoord


@bp.get("/docs")
def docs():
    from .openapi import spec

    return render_template("api/api_docs.html", spec=spec(current_app.config.get("BASIS_URL")), soorten=SOORTEN)


def versie_koppen() -> tuple[tuple[str, str], ...]:
    """The headers of every answer under /api/ (added by rekenhulp.koppen): engine version and parameter
    fingerprint, the same as in the receipt."""
    return (("API-Version", API_VERSIE), ("X-Rekenhulp-Versie", calculator.__version__),
            ("X-Rekenhulp-Parameters", default_parameters().fingerprint))


def api_fout(exc: Exception) -> Response:
    """Every error under /api/ as problem+json; never a stack trace."""
    if isinstance(exc, HTTPException):
        titels = {404: "Niet gevonden", 405: "Methode niet toegestaan", 413: "Invoer te groot",
                  400: "Ongeldig verzoek", 415: "Verkeerd inhoudstype"}
        antwoord = problem(exc.code, titels.get(exc.code, exc.name), exc.description if exc.code != 413 else
                           f"De body is groter dan {current_app.config['MAX_CONTENT_LENGTH'] // 1024} kB.")
        for naam, waarde in exc.get_headers():  # e.g. Allow on a 405 (RFC 9110 15.5.6)
            if naam.lower() != "content-type":
                antwoord.headers[naam] = waarde
        return antwoord
    current_app.logger.exception("Onverwachte fout")
    return problem(500, "Interne fout", "Er ging iets mis bij het rekenen. De fout is gelogd.")


__all__ = ["bp", "problem", "soorten", "bereken_antwoord", "api_fout", "versie_koppen"]

"""GET /api/v1/parameters: every parameter with its dated history and sources, the set in force on a
date, and the differences between two dates. Read straight from the parameter files (one source)."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, request
from marshmallow import Schema, fields

from calculator.vergelijking import op_datum, vergelijk_parameters
from parameters import Parameter, ParameterSet, default_parameters

from . import json_response, problem

bp = Blueprint("api_parameters", __name__, url_prefix="/api/v1")


def waarde_str(waarde) -> str | None:
    """A parameter value as an exact string ("14.71", "true"), None when vervallen."""
    if waarde is None:
        return None
    return str(waarde).lower() if isinstance(waarde, bool) else format(waarde, "f")


class ParameterWaardeSchema(Schema):
    vanaf = fields.Date()
    vervallen = fields.Boolean(metadata={"description": "Waar: vanaf deze datum geldt er geen waarde meer"})
    waarde = fields.String(allow_none=True, metadata={"example": "14.71"})
    bron = fields.String(allow_none=True)
    status = fields.String(allow_none=True, metadata={"enum": ["bevestigd", "voorlopig"]})
    toelichting = fields.String(allow_none=True)


class ParameterSchema(Schema):
    naam = fields.String(metadata={"example": "wml.uurloon"})
    omschrijving = fields.String()
    eenheid = fields.String(metadata={"enum": ["EUR", "procent", "uren", "jaren", "maanden", "aantal", "ja_nee"]})
    grondslag = fields.String()
    bekend_tot = fields.Date(metadata={"description": "Tot en met deze datum is de reeks waarden gecontroleerd"})
    bestand = fields.String(metadata={"example": "wml.yaml"})
    publicatie = fields.String(allow_none=True, metadata={"description": "Waar de volgende waarde wordt gepubliceerd"})
    waarden = fields.List(fields.Nested(ParameterWaardeSchema))


HORIZON = "De horizon: tot en met deze datum zijn alle parameters bekend (de vroegste bekend_tot); een berekening " \
          "voor een latere datum geeft een 422 met bekend_tot"


class ParameterLijstSchema(Schema):
    parameters_vingerafdruk = fields.String()
    bekend_tot = fields.Date(metadata={"description": HORIZON})
    aantal = fields.Integer()
    parameters = fields.List(fields.Nested(ParameterSchema))


class ParameterOpDatumSchema(Schema):
    naam = fields.String()
    omschrijving = fields.String()
    eenheid = fields.String()
    grondslag = fields.String()
    in_werking = fields.Boolean(metadata={"description": "Onwaar: op deze datum geldt geen waarde (zie reden)"})
    reden = fields.String(allow_none=True, metadata={"description": "Waarom er geen waarde geldt"})
    waarde = fields.String(allow_none=True)
    geldig_vanaf = fields.Date(allow_none=True)
    bron = fields.String(allow_none=True)
    status = fields.String(allow_none=True)
    toelichting = fields.String(allow_none=True)


class ParametersOpDatumSchema(Schema):
    datum = fields.Date()
    parameters_vingerafdruk = fields.String()
    bekend_tot = fields.Date(metadata={"description": HORIZON})
    parameters = fields.List(fields.Nested(ParameterOpDatumSchema))


class ParameterKantSchema(Schema):
    waarde = fields.String(allow_none=True)
    geldig_vanaf = fields.Date(allow_none=True)
    bron = fields.String(allow_none=True)
    status = fields.String(allow_none=True)
    toelichting = fields.String(allow_none=True)
    reden = fields.String(allow_none=True, metadata={"description": "Waarom er op deze datum geen waarde geldt"})


class ParameterWijzigingSchema(Schema):
    naam = fields.String()
    omschrijving = fields.String()
    eenheid = fields.String()
    soort = fields.String(metadata={"enum": ["gewijzigd", "alleen_van", "alleen_tot"],
                                    "description": "gewijzigd; alleen_van: geldt alleen op de eerste datum; alleen_tot: alleen op de tweede"})
    oud = fields.Nested(ParameterKantSchema)
    nieuw = fields.Nested(ParameterKantSchema)
    verschil = fields.String(allow_none=True, metadata={"description": "nieuw − oud (null bij ja/nee of als een kant ontbreekt)"})
    verschil_procent = fields.String(allow_none=True, metadata={"description": "Relatieve wijziging in %, afgerond op 2 decimalen"})


class ParameterVergelijkingSchema(Schema):
    van = fields.Date()
    tot = fields.Date()
    parameters_vingerafdruk = fields.String()
    aantal_gewijzigd = fields.Integer()
    wijzigingen = fields.List(fields.Nested(ParameterWijzigingSchema))
    ongewijzigd = fields.List(fields.String(), metadata={"description": "Parameters met op beide datums dezelfde waarde"})


# --- building the bodies (also used by the web pages) ---------------------------------------------


def parameter_json(p: Parameter) -> dict:
    return {
        "naam": p.naam, "omschrijving": p.omschrijving, "eenheid": p.eenheid, "grondslag": p.grondslag,
        "bekend_tot": p.bekend_tot, "bestand": p.bestand, "publicatie": p.publicatie,
        "waarden": [
            {"vanaf": e.vanaf, "vervallen": e.value is None,
             "waarde": waarde_str(e.value.waarde) if e.value else None,
             "bron": e.value.bron if e.value else None, "status": e.value.status if e.value else None,
             "toelichting": e.value.toelichting if e.value else None}
            for e in p.entries
        ],
    }


def alle_parameters(params: ParameterSet) -> dict:
    lijst = [parameter_json(params.parameter(n)) for n in params.names]
    return ParameterLijstSchema().dump({"parameters_vingerafdruk": params.fingerprint, "bekend_tot": params.bekend_tot,
                                        "aantal": len(lijst), "parameters": lijst})


def parameters_op_datum(params: ParameterSet, datum: date) -> dict:
    out = []
    for naam in params.names:
        p = params.parameter(naam)
        pv, reden = op_datum(params, naam, datum)
        out.append({
            "naam": naam, "omschrijving": p.omschrijving, "eenheid": p.eenheid, "grondslag": p.grondslag,
            "in_werking": pv is not None, "reden": reden,
            "waarde": waarde_str(pv.waarde) if pv else None, "geldig_vanaf": pv.vanaf if pv else None,
            "bron": pv.bron if pv else None, "status": pv.status if pv else None,
            "toelichting": pv.toelichting if pv else None,
        })
    return ParametersOpDatumSchema().dump({"datum": datum, "parameters_vingerafdruk": params.fingerprint,
                                           "bekend_tot": params.bekend_tot, "parameters": out})


def _kant(pv, reden) -> dict:
    if pv is None:
        return {"waarde": None, "geldig_vanaf": None, "bron": None, "status": None, "toelichting": None, "reden": reden}
    return {"waarde": waarde_str(pv.waarde), "geldig_vanaf": pv.vanaf, "bron": pv.bron, "status": pv.status,
            "toelichting": pv.toelichting, "reden": None}


def parameter_vergelijking(params: ParameterSet, van: date, tot: date) -> dict:
    verschillen, ongewijzigd = vergelijk_parameters(params, van, tot)
    wijzigingen = []
    for v in verschillen:
        p = params.parameter(v.naam)
        wijzigingen.append({
            "naam": v.naam, "omschrijving": p.omschrijving, "eenheid": p.eenheid, "soort": v.soort,
            "oud": _kant(v.oud, v.reden_oud), "nieuw": _kant(v.nieuw, v.reden_nieuw),
            "verschil": None if v.absoluut is None else format(v.absoluut, "f"),
            "verschil_procent": None if v.relatief is None else format(v.relatief, "f"),
        })
    return ParameterVergelijkingSchema().dump({
        "van": van, "tot": tot, "parameters_vingerafdruk": params.fingerprint,
        "aantal_gewijzigd": len(wijzigingen), "wijzigingen": wijzigingen, "ongewijzigd": ongewijzigd,
    })


# --- query parameters ------------------------------------------------------------------------------

ONGELDIGE_DATUM = "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01."


def lees_datums(namen: list[str], verplicht: bool) -> tuple[dict[str, date | None], list[dict]]:
    """Dates from the query string: ({naam: date}, [fouten]) with every error at once."""
    datums: dict[str, date | None] = {}
    fouten: list[dict] = []
    for naam in namen:
        ruw = request.args.get(naam, "").strip()
        if not ruw:
            datums[naam] = None
            if verplicht:
                fouten.append({"pad": f"$.{naam}", "bericht": "Dit veld is verplicht."})
            continue
        try:
            if len(ruw) != 10:
                raise ValueError
            datums[naam] = date.fromisoformat(ruw)
        except ValueError:
            fouten.append({"pad": f"$.{naam}", "bericht": ONGELDIGE_DATUM})
    return datums, fouten


def _ongeldig(fouten: list[dict]):
    return problem(422, "Ongeldige invoer", "Een of meer datums zijn niet goed ingevuld.", fouten)


@bp.get("/parameters")
def parameters_lijst():
    params = default_parameters()
    if "datum" in request.args:
        datums, fouten = lees_datums(["datum"], verplicht=True)
        if fouten:
            return _ongeldig(fouten)
        return json_response(parameters_op_datum(params, datums["datum"]))
    return json_response(alle_parameters(params))


@bp.get("/parameters/vergelijking")
def parameters_vergelijking():
    datums, fouten = lees_datums(["van", "tot"], verplicht=True)
    if fouten:
        return _ongeldig(fouten)
    return json_response(parameter_vergelijking(default_parameters(), datums["van"], datums["tot"]))


@bp.get("/parameters/<naam>")
def parameter_detail(naam: str):
    params = default_parameters()
    if naam not in params:
        return problem(404, "Niet gevonden", f"Er is geen parameter met de naam '{naam}'. "
                                             "GET /api/v1/parameters geeft alle namen.")
    return json_response(ParameterSchema().dump(parameter_json(params.parameter(naam))))


__all__ = ["alle_parameters", "parameters_op_datum", "parameter_vergelijking", "parameter_json", "lees_datums",
           "waarde_str"]


def openapi_paden(s, problem_ref: dict) -> None:
    """OpenAPI entries for /parameters, /vergelijking and /batch (from their marshmallow schemas)."""
    from .batch import MAX_BATCH, BatchAntwoordSchema, BatchInvoerSchema
    from .vergelijking import MAX_PEILDATA, VergelijkingAntwoordSchema, VergelijkingInvoer

    def fout(beschrijving):
        return {"description": beschrijving, "content": {"application/problem+json": {"schema": problem_ref}}}

    def datum_param(naam, verplicht, beschrijving):
        return {"name": naam, "in": "query", "required": verplicht, "description": beschrijving,
                "schema": {"type": "string", "format": "date"}}

    s.path(path="/api/v1/parameters", operations={"get": {
        "summary": "Alle parameters met hun geschiedenis, of de set die op een datum geldt",
        "description": "Zonder datum: elke parameter met alle gedateerde waarden, bron, status, eenheid, grondslag en "
                       "bekend_tot. Met ?datum=JJJJ-MM-DD: per parameter de waarde die op die datum geldt; geldt er geen "
                       "waarde, dan in_werking=false met de reden (nooit aangevuld uit een andere periode).",
        "operationId": "parameters",
        "parameters": [datum_param("datum", False, "Toon de waarden die op deze datum gelden")],
        "responses": {"200": {"description": "Parameters", "content": {"application/json": {"schema": {"oneOf": [
            {"$ref": "#/components/schemas/ParameterLijst"}, {"$ref": "#/components/schemas/ParametersOpDatum"}]}}}},
            "422": fout("Ongeldige datum")},
    }})
    for naam, schema in (("ParameterLijst", ParameterLijstSchema), ("ParametersOpDatum", ParametersOpDatumSchema)):
        if naam not in s.components.schemas:
            s.components.schema(naam, schema=schema)
    s.path(path="/api/v1/parameters/vergelijking", operations={"get": {
        "summary": "Parameters op twee datums vergelijken",
        "description": "Elke parameter waarvan de waarde verschilt (oud, nieuw, absoluut en relatief verschil, bronnen), "
                       "ook parameters die maar op één van de twee datums gelden.",
        "operationId": "parameters_vergelijking",
        "parameters": [datum_param("van", True, "Eerste datum"), datum_param("tot", True, "Tweede datum")],
        "responses": {"200": {"description": "Verschillen", "content": {"application/json": {
            "schema": ParameterVergelijkingSchema}}}, "422": fout("Ongeldige of ontbrekende datum")},
    }})
    s.path(path="/api/v1/parameters/{naam}", operations={"get": {
        "summary": "Eén parameter met zijn geschiedenis",
        "description": "Eén parameter (naam zoals in GET /api/v1/parameters) met alle gedateerde waarden, bron, status, "
                       "eenheid, grondslag en bekend_tot; 404 voor een onbekende naam.",
        "operationId": "parameter",
        "parameters": [{"name": "naam", "in": "path", "required": True, "schema": {"type": "string"},
                        "example": "wml.uurloon"}],
        "responses": {"200": {"description": "Parameter", "content": {"application/json": {"schema": ParameterSchema}}},
                      "404": fout("Onbekende parameter")},
    }})
    s.path(path="/api/v1/vergelijking", operations={"post": {
        "summary": "Dezelfde berekening op meerdere peildata",
        "description": f"Rekent `invoer` van `soort` op elke peildatum (1 tot en met {MAX_PEILDATA}) en geeft per datum het "
                       "resultaat met het verschil van elk geldbedrag (absoluut en in %) ten opzichte van de eerste "
                       "berekende peildatum. Een datum waarop niet gerekend kan worden krijgt eigen `fouten`; de andere "
                       "datums worden gewoon berekend.",
        "operationId": "vergelijking",
        "requestBody": {"required": True, "content": {"application/json": {"schema": VergelijkingInvoer, "example": {
            "soort": "loonkostensubsidie", "invoer": {"geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60},
            "peildata": ["2025-06-01", "2025-07-01"]}}}},
        "responses": {"200": {"description": "Uitkomst per peildatum", "content": {"application/json": {
            "schema": VergelijkingAntwoordSchema}}}, "400": fout("Geen geldige JSON"), "415": fout("Geen JSON"),
            "422": fout("Ongeldige invoer")},
    }})
    s.path(path="/api/v1/batch", operations={"post": {
        "summary": "Veel berekeningen in één verzoek",
        "description": f"Ten hoogste {MAX_BATCH} berekeningen per verzoek (en een body van ten hoogste 1 MiB); meer geeft 413. "
                       "De uitkomsten staan in dezelfde volgorde met dezelfde id's; elke berekening heeft óf status ok met "
                       "resultaat, parameters, waarschuwingen en rekenbewijs, óf status fout met eigen `fouten`. Eén foute "
                       "berekening laat de andere nooit mislukken. Voor grote bestanden: `rekenhulp batch`.",
        "operationId": "batch",
        "requestBody": {"required": True, "content": {"application/json": {"schema": BatchInvoerSchema, "example": {
            "berekeningen": [
                {"id": "zaak-1", "soort": "loonkostensubsidie",
                 "invoer": {"peildatum": "2026-01-01", "geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60}},
                {"id": "zaak-2", "soort": "loonkostensubsidie",
                 "invoer": {"peildatum": "2026-01-01", "leeftijd": 30, "uren_per_week": 20, "loonwaarde": 150}}]}}}},
        "responses": {"200": {"description": "Uitkomsten in dezelfde volgorde", "content": {"application/json": {
            "schema": BatchAntwoordSchema}}}, "400": fout("Geen geldige JSON"), "413": fout("Te veel berekeningen of body te groot"),
            "415": fout("Geen JSON"), "422": fout("Ongeldige invoer")},
    }})

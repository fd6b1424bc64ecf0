"""OpenAPI 3 document, generated from the marshmallow schemas (apispec), never hand-written."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import Schema, fields

import calculator

from soorten.fields import Getal
from soorten.register import SOORTEN, envelop_schema


class FoutSchema(Schema):
    pad = fields.String(metadata={"example": "$.loonwaarde"})
    bericht = fields.String(metadata={"example": "Vul een waarde van 0 tot en met 100 in."})


class ProblemSchema(Schema):
    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    fouten = fields.List(fields.Nested(FoutSchema))
    bekend_tot = fields.Date(metadata={"description": "Alleen als er voor de gevraagde datum geen parameterwaarde is: "
                                                      "tot en met deze datum zijn de waarden bekend"})


def _schema_naam(resolver_schema) -> str:
    cls = resolver_schema if isinstance(resolver_schema, type) else type(resolver_schema)
    name = cls.__name__
    return name[:-6] if name.endswith("Schema") and len(name) > 6 else name


GETAL_PATROON = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"


def _decimaal_als_tekst(self, field, ret, **kwargs) -> dict:
    """Amounts in responses (Bedrag, Percentage and other Decimal fields dumped as strings, e.g. "881.19") are
    JSON strings; apispec documents every Decimal field as a number (found by tests/test_schemathesis.py).

    Input numbers (Getal) accept a JSON number or a string with the number in it ("600.00", as every amount in
    an answer is written): documented as exactly that, anyOf a number (with the field's bounds) or a string
    (issue 19: the examples and defaults are strings, the contract says so)."""
    if isinstance(field, Getal):
        getal = {"type": "number"}
        for sleutel in _GRENZEN:
            if sleutel in ret:
                getal[sleutel] = ret.pop(sleutel)
        ret.pop("type", None)
        ret.pop("format", None)
        tekst = {"type": "string", "format": "decimal", "pattern": GETAL_PATROON}
        if ret.pop("nullable", False):
            getal["nullable"] = tekst["nullable"] = True
        ret["anyOf"] = [getal, tekst]
        return {}
    if isinstance(field, fields.Decimal) and getattr(field, "as_string", False):
        return {"type": "string", "format": "decimal"}
    return {}


BASIS = "/api/v1"  # the versioned base of every operation (ADR /core/uri-version)
TAG_BEREKENINGEN = "Berekeningen"
TAGS = [
    {"name": TAG_BEREKENINGEN, "description": "Eén berekening per regel: invoer in, resultaat met rekenstappen, "
                                              "parameters en rekenbewijs uit."},
    {"name": "Vergelijking en batch", "description": "Dezelfde berekening op meerdere peildata, of veel berekeningen "
                                                     "in één verzoek."},
    {"name": "Parameters", "description": "De gedateerde parameterwaarden met hun bronnen."},
    {"name": "Documentatie", "description": "Dit OpenAPI-document."},
]
_TAG_PER_PAD = {"/vergelijking": "Vergelijking en batch", "/batch": "Vergelijking en batch",
                "/bestandsvergelijking": "Vergelijking en batch",
                "/openapi.json": "Documentatie"}


def server_url(basis_url: str | None) -> dict:
    """The server object: the configured public base URL (REKENHULP_BASIS_URL, e.g. https://rekenhulp.example.nl)
    followed by /api/v1; without one, https on a host to fill in (a server variable), so that the document
    never depends on the Host header of a request (issue 19)."""
    if basis_url:
        return {"url": basis_url.rstrip("/") + BASIS, "description": "Deze dienst"}
    return {"url": "https://{host}" + BASIS, "description": "De dienst op uw eigen host (zet REKENHULP_BASIS_URL)",
            "variables": {"host": {"default": "localhost:8000", "description": "Host en poort van de dienst"}}}


def api_versie_kop() -> dict:
    from . import API_VERSIE

    return {"API-Version": {"description": "De volledige versie van de API (ADR /core/version-header)",
                            "schema": {"type": "string", "example": API_VERSIE}}}


def spec(basis_url: str | None = None) -> dict:
    """The OpenAPI document, made once per parameter set and base URL: the year ranges of the schemas follow the
    data (issue 15), the servers entry the configured base URL (issue 19)."""
    from parameters import default_parameters

    return _spec(default_parameters().fingerprint, basis_url or None)


@lru_cache(maxsize=4)
def _spec(vingerafdruk: str, basis_url: str | None) -> dict:
    from . import API_VERSIE

    plugin = MarshmallowPlugin(schema_name_resolver=_schema_naam)
    s = APISpec(
        title="Rekenhulp API",
        version=API_VERSIE,
        openapi_version="3.0.3",
        plugins=[plugin],
        info={"description": "Rekenhulp: loonkostensubsidie, bijstandsnorm en kostendelersnorm, quotumheffing en "
                             "vrijwilligersvergoeding, met jaarversies van de parameters en bronnen bij elke waarde. "
                             "Bedragen zijn strings met twee decimalen. Fouten zijn application/problem+json met alle "
                             "ongeldige velden tegelijk (JSON-pad en Nederlandse uitleg). Invoergetallen mogen een JSON-getal "
                             "of een string zijn (\"600.00\"); een getal met een breuk of exponent wordt exact gelezen. "
                             f"Versie van de rekenkern: {calculator.__version__} (kop X-Rekenhulp-Versie).",
              # the organisation that runs the service; its own documentation page, on its own base URL
              "contact": {"name": "Beheer van deze Rekenhulp-dienst",
                          "url": (basis_url or "").rstrip("/") + BASIS + "/docs"}},
        servers=[server_url(basis_url)],
        tags=TAGS,
    )
    plugin.converter.add_attribute_function(_decimaal_als_tekst)
    s.components.schema("Problem", schema=ProblemSchema)
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for naam, soort in SOORTEN.items():
        s.path(
            path=f"/api/v1/{naam}",
            operations={"post": {
                "summary": soort.titel,
                "description": soort.omschrijving,
                "operationId": naam,
                "parameters": [{"name": "uitleg", "in": "query", "required": False,
                                "description": "true: neem de rekenstappen op in het antwoord",
                                "schema": {"type": "boolean"}}],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": soort.invoer_schema, "example": soort.voorbeeld}}},
                "responses": {
                    "200": {"description": "Resultaat", "content": {"application/json": {"schema": envelop_schema(soort)}}},
                    "400": {"description": "Geen geldige JSON", "content": {"application/problem+json": {"schema": problem_ref}}},
                    "413": {"description": "Body te groot", "content": {"application/problem+json": {"schema": problem_ref}}},
                    "415": {"description": "Geen JSON", "content": {"application/problem+json": {"schema": problem_ref}}},
                    "422": {"description": "Ongeldige invoer", "content": {"application/problem+json": {"schema": problem_ref}}},
                },
            }},
        )
    from .parameters import openapi_paden  # parameters, vergelijking, batch (issue 6)

    openapi_paden(s, problem_ref)
    from .bestandsvergelijking import openapi_pad  # issue 17
    from .scenario import openapi_scenario

    openapi_pad(s, problem_ref)
    s.path(path="/api/v1/openapi.json", operations={"get": {
        "summary": "Dit OpenAPI-document", "operationId": "openapi",
        "description": "Het contract van deze API als OpenAPI 3.0, gegenereerd uit de invoer- en antwoordschema's; "
                       "te lezen vanaf elke herkomst (Access-Control-Allow-Origin: *).",
        "responses": {"200": {"description": "OpenAPI-document", "headers": {
            "access-control-allow-origin": {"description": "Altijd *: het document is openbaar",
                                            "schema": {"type": "string", "example": "*"}}},
            "content": {"application/json": {"schema": {"type": "object"}}}}},
    }})
    return _versie_koppen(_relatief(_getallen(openapi_scenario(s.to_dict()))))


def _relatief(doc: dict) -> dict:
    """Paths relative to the server URL (…/api/v1), each operation with its tag."""
    paden = {}
    for pad, ops in doc["paths"].items():
        kort = pad.removeprefix(BASIS)
        tag = next((t for p, t in _TAG_PER_PAD.items() if kort == p), None)
        if tag is None:
            tag = "Parameters" if kort.startswith("/parameters") else TAG_BEREKENINGEN
        for op in ops.values():
            if isinstance(op, dict) and "responses" in op:
                op.setdefault("tags", [tag])
        paden[kort] = ops
    doc["paths"] = paden
    return doc


def _versie_koppen(doc: dict) -> dict:
    """Every answer carries API-Version (rekenhulp.koppen adds it under /api/): declared on every response."""
    kop = api_versie_kop()
    for ops in doc["paths"].values():
        for op in ops.values():
            if isinstance(op, dict):
                for antwoord in op.get("responses", {}).values():
                    antwoord["headers"] = {**kop, **antwoord.get("headers", {})}
    return doc


_GRENZEN = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def _getallen(node):
    """Range bounds as JSON numbers: apispec copies Decimal bounds of a Getal field (as_string) as strings
    ("minimum": "0.01"), which JSON Schema rejects (found by tests/test_schemathesis.py)."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k in _GRENZEN and isinstance(v, str):
                d = Decimal(v)
                v = int(d) if d == d.to_integral_value() else float(d)
            out[k] = _getallen(v)
        return out
    if isinstance(node, list):
        return [_getallen(v) for v in node]
    return node

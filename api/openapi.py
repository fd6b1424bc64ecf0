"""OpenAPI 3 document, generated from the marshmallow schemas (apispec), never hand-written."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import Schema, fields

import calculator

from .fields import Getal
from .soorten import SOORTEN, envelop_schema


class FoutSchema(Schema):
    pad = fields.String(metadata={"example": "$.loonwaarde"})
    bericht = fields.String(metadata={"example": "Vul een waarde van 0 tot en met 100 in."})


class ProblemSchema(Schema):
    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    fouten = fields.List(fields.Nested(FoutSchema))


def _schema_naam(resolver_schema) -> str:
    cls = resolver_schema if isinstance(resolver_schema, type) else type(resolver_schema)
    name = cls.__name__
    return name[:-6] if name.endswith("Schema") and len(name) > 6 else name


def _decimaal_als_tekst(self, field, ret, **kwargs) -> dict:
    """Amounts in responses (Bedrag, Percentage and other Decimal fields dumped as strings, e.g. "881.19") are
    JSON strings; apispec documents every Decimal field as a number (found by tests/test_schemathesis.py).
    Input numbers (Getal) accept a JSON number or a string and stay documented as numbers."""
    if isinstance(field, fields.Decimal) and getattr(field, "as_string", False) and not isinstance(field, Getal):
        return {"type": "string", "format": "decimal"}
    return {}


@lru_cache(maxsize=1)
def spec() -> dict:
    plugin = MarshmallowPlugin(schema_name_resolver=_schema_naam)
    s = APISpec(
        title="Rekenhulp API",
        version=calculator.__version__,
        openapi_version="3.0.3",
        plugins=[plugin],
        info={"description": "Rekenhulp: loonkostensubsidie, bijstandsnorm en kostendelersnorm, quotumheffing en "
                             "vrijwilligersvergoeding, met jaarversies van de parameters en bronnen bij elke waarde. "
                             "Bedragen zijn strings met twee decimalen. Fouten zijn application/problem+json met alle "
                             "ongeldige velden tegelijk (JSON-pad en Nederlandse uitleg)."},
        servers=[{"url": "/"}],
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
    return _getallen(openapi_scenario(s.to_dict()))


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

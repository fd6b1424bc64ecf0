"""OpenAPI 3 document, generated from the marshmallow schemas (apispec), never hand-written."""

from __future__ import annotations

from functools import lru_cache

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import Schema, fields

import calculator

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


@lru_cache(maxsize=1)
def spec() -> dict:
    s = APISpec(
        title="Rekenhulp API",
        version=calculator.__version__,
        openapi_version="3.0.3",
        plugins=[MarshmallowPlugin(schema_name_resolver=_schema_naam)],
        info={"description": "Rekenhulp: loonkostensubsidie, bijstandsnorm en kostendelersnorm, quotumheffing en "
                             "vrijwilligersvergoeding, met jaarversies van de parameters en bronnen bij elke waarde. "
                             "Bedragen zijn strings met twee decimalen. Fouten zijn application/problem+json met alle "
                             "ongeldige velden tegelijk (JSON-pad en Nederlandse uitleg)."},
        servers=[{"url": "/"}],
    )
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
    return s.to_dict()

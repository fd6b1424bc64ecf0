"""The scenario in the API's OpenAPI document (issue 17). Taking the scenario out of a body, validating it and
computing with it is shared by api, web and batch: soorten.scenario."""

from __future__ import annotations

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import Schema, fields


# --- OpenAPI ------------------------------------------------------------------------------------------------


class ScenarioWaardeSchema(Schema):
    vanaf = fields.Date(required=True, metadata={"example": "2027-01-01"})
    waarde = fields.String(required=True, metadata={
        "example": "15.15", "description": "Een getal (als tekst of JSON-getal) in de eenheid van de parameter; "
                                           "true/false bij eenheid ja_nee"})
    eenheid = fields.String(metadata={"description": "Optioneel; moet dan gelijk zijn aan de eenheid van de parameter"})
    toelichting = fields.String(metadata={"description": "Optioneel: waarom deze waarde"})


class ScenarioSchema(Schema):
    naam = fields.String(required=True, metadata={"example": "WML volgend jaar +3 %"})
    parameters = fields.Dict(keys=fields.String(), values=fields.List(fields.Nested(ScenarioWaardeSchema)),
                             required=True, metadata={
                                 "description": "Parameternaam (zie /api/v1/parameters) -> waarden met hun ingangsdatum. "
                                                "Een waarde vervangt de officiële waarde op dezelfde datum, of geldt na "
                                                "de officiële waarden (ook na hun horizon, tot het einde van dat jaar).",
                                 "example": {"wml.maandloon": [{"vanaf": "2027-01-01", "waarde": "2407.20"}]}})
    doortrekken_tot = fields.Date(metadata={
        "description": "Optioneel: de aanname dat elke andere parameter na zijn horizon zijn laatste officiële waarde "
                       "houdt, tot en met deze datum (ook die waarden krijgen status scenario)"})


class ScenarioKenmerkSchema(Schema):
    naam = fields.String()
    vingerafdruk = fields.String(metadata={"description": "SHA-256 (eerste 16 tekens) van de canonieke JSON van het scenario"})


SCENARIO_BESCHRIJVING = (
    "Optioneel: een scenario met andere parameterwaarden dan de officiële (bv. een prognose voor een jaar waarvoor nog geen officiële waarden zijn). De waarden "
    "worden gecontroleerd zoals die in de parameterbestanden (bestaande parameter, eenheid, grenzen); fouten geven 422 "
    "met het JSON-pad. Het antwoord noemt het scenario bovenaan, met een waarschuwing, en in het rekenbewijs; elke "
    "waarde uit het scenario heeft status `scenario`.")


def openapi_scenario(d: dict) -> dict:
    """Add `scenario` to the request schemas in the generated document `d`, and to the answers."""
    plugin = MarshmallowPlugin()
    s = APISpec(title="x", version="1", openapi_version="3.0.3", plugins=[plugin])
    s.components.schema("Scenario", schema=ScenarioSchema)
    s.components.schema("ScenarioKenmerk", schema=ScenarioKenmerkSchema)
    extra = s.to_dict()["components"]["schemas"]
    schemas = d.setdefault("components", {}).setdefault("schemas", {})
    for naam, sch in extra.items():
        schemas.setdefault(naam, sch)
    ref = {"$ref": "#/components/schemas/Scenario"}
    for pad, item in d.get("paths", {}).items():
        body = item.get("post", {}).get("requestBody", {}).get("content", {}).get("application/json", {})
        naam = body.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
        if naam in schemas and "properties" in schemas[naam]:
            schemas[naam]["properties"]["scenario"] = {"allOf": [ref], "description": SCENARIO_BESCHRIJVING}
        antwoord = item.get("post", {}).get("responses", {}).get("200", {}).get("content", {}).get(
            "application/json", {}).get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
        if antwoord.endswith("Antwoord") and antwoord in schemas and "rekenbewijs" in schemas[antwoord].get("properties", {}):
            schemas[antwoord]["properties"]["scenario"] = {
                "allOf": [{"$ref": "#/components/schemas/ScenarioKenmerk"}],
                "description": "Alleen als met een scenario is gerekend"}
    if "Rekenbewijs" in schemas:
        props = schemas["Rekenbewijs"].setdefault("properties", {})
        props["scenario"] = {"allOf": [ref], "description": "Alleen met een scenario: het scenario zoals gebruikt"}
        props["scenario_vingerafdruk"] = {"type": "string", "description": "Alleen met een scenario"}
    return d


__all__ = ["openapi_scenario", "ScenarioSchema", "ScenarioKenmerkSchema"]

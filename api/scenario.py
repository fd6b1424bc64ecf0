"""A scenario in the API (issue 17): an optional top-level `scenario` in the body of every calculation,
/api/v1/vergelijking, /api/v1/batch and /api/v1/bestandsvergelijking.

The input schemas of the soorten do not know it: the endpoint takes `scenario` out of the body before the
soort's schema loads the rest (`neem_scenario`), validates it against the official parameters
(`parameters.scenario.lees_scenario`), and passes the overlay to the calculation as its parameter set. The answer
then says so at the top (`scenario`: naam and vingerafdruk, and a first warning) and in the `rekenbewijs` (the
scenario itself and its fingerprint: the rekenbewijs's `invoer` plus `scenario` sent back gives the same result).
"""

from __future__ import annotations

from marshmallow import Schema, fields

from parameters import ParameterSet, default_parameters
from parameters.scenario import STATUS, Scenario, ScenarioFout, lees_scenario

from .soorten import Fout, envelop, laad_invoer, reken


def waarschuwing(scenario: Scenario) -> str:
    return (f"Berekend met scenario '{scenario.naam}' (vingerafdruk {scenario.vingerafdruk}): de waarden met status "
            f"'{STATUS}' bij de parameters komen uit dit scenario, niet uit een officiële bron.")


def neem_scenario(data: dict, pad: str = "$.scenario") -> tuple[dict, Scenario | None, list[dict]]:
    """(the body without `scenario`, the validated scenario or None, its errors). The body is not changed."""
    if "scenario" not in data:
        return data, None, []
    rest = dict(data)
    ruw = rest.pop("scenario")
    if ruw is None:
        return rest, None, []
    try:
        return rest, lees_scenario(ruw, default_parameters(), pad), []
    except ScenarioFout as exc:
        return rest, None, exc.fouten


def parameters_voor(scenario: Scenario | None) -> ParameterSet:
    """The parameter set to compute with: the official one, or a fresh overlay of it (its own caches)."""
    basis = default_parameters()
    return basis if scenario is None else scenario.pas_toe(basis)


def met_scenario(body: dict, scenario: Scenario | None) -> dict:
    """The answer of one calculation, marked as computed with `scenario` (unchanged without one)."""
    if scenario is None:
        return body
    out = {"soort": body["soort"]} if "soort" in body else {}
    out["scenario"] = {"naam": scenario.naam, "vingerafdruk": scenario.vingerafdruk}
    out.update((k, v) for k, v in body.items() if k != "soort")
    out["waarschuwingen"] = [waarschuwing(scenario), *body.get("waarschuwingen", [])]
    if "rekenbewijs" in body:
        out["rekenbewijs"] = {**body["rekenbewijs"], "scenario": scenario.canoniek(),
                              "scenario_vingerafdruk": scenario.vingerafdruk}
    return out


def bereken_met_scenario(soort, data: dict, uitleg: bool = False) -> dict:
    """POST /api/v1/{soort} with a `scenario`: the answer, or Fout with the input's and the scenario's errors
    together."""
    rest, scenario, fouten = neem_scenario(data)
    try:
        invoer = laad_invoer(soort, rest)
    except Fout as exc:
        raise Fout(exc.fouten + fouten) from None
    if fouten:
        raise Fout(fouten)
    uitkomst = reken(soort, invoer, uitleg=uitleg, params=parameters_voor(scenario))
    return met_scenario(envelop(soort, invoer, uitkomst, uitleg=uitleg), scenario)


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
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin

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


__all__ = ["neem_scenario", "parameters_voor", "met_scenario", "waarschuwing", "openapi_scenario", "ScenarioSchema",
           "bereken_met_scenario"]

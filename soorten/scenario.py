"""A scenario in the API (issue 17): an optional top-level `scenario` in the body of every calculation,
/api/v1/vergelijking, /api/v1/batch and /api/v1/bestandsvergelijking.

The input schemas of the soorten do not know it: the endpoint takes `scenario` out of the body before the
soort's schema loads the rest (`neem_scenario`), validates it against the official parameters
(`parameters.scenario.lees_scenario`), and passes the overlay to the calculation as its parameter set. The answer
then says so at the top (`scenario`: naam and vingerafdruk, and a first warning) and in the `rekenbewijs` (the
scenario itself and its fingerprint: the rekenbewijs's `invoer` plus `scenario` sent back gives the same result).
"""

from __future__ import annotations

from parameters import ParameterSet, default_parameters
from parameters.scenario import STATUS, Scenario, ScenarioFout, lees_scenario

from .register import Fout, envelop, laad_invoer, reken


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


__all__ = ["neem_scenario", "parameters_voor", "met_scenario", "waarschuwing", "bereken_met_scenario"]

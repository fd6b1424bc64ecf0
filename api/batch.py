"""POST /api/v1/batch: many calculations in one request, for case-management systems.

At most MAX_BATCH cases per request (and the 1 MiB body limit). The answer lists the results in the
same order with the same ids; each case has either its `resultaat` (with parameters, warnings and
rekenbewijs, exactly as POST /api/v1/{soort}) or its own `fouten`. One bad case never fails the others.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g
from marshmallow import Schema, fields

from soorten.register import SOORTEN, Fout, envelop, laad_invoer, reken

from . import begrens_fouten, json_response, lees_json, losse_surrogaten, problem

bp = Blueprint("api_batch", __name__, url_prefix="/api/v1")

MAX_BATCH = 1000
# The work of one request (issue 19), counted before anything is computed: one unit per case plus one per list
# element in its input (a medebewoner, a maand). 1000 plain cases fit; 1000 cases of 20 medebewoners each
# (2.7 s of one worker) do not.
MAX_WERK = 5000


def werk(invoer) -> int:
    """The work units of one case's input: 1 + the number of elements of every list in it + the keys of any
    object with more than 30 of them (no input object has that many fields; each unknown one is an error)."""
    eenheden, stapel = 1, [invoer]
    while stapel:
        x = stapel.pop()
        if type(x) is dict:
            if len(x) > 30:
                eenheden += len(x)
            stapel.extend(v for v in x.values() if type(v) is dict or type(v) is list)
        elif type(x) is list:
            eenheden += len(x)
            stapel.extend(v for v in x if type(v) is dict or type(v) is list)
    return eenheden


class BatchItemSchema(Schema):
    id = fields.Raw(metadata={"description": "Uw eigen kenmerk (tekst of getal); komt ongewijzigd terug", "example": "zaak-1"})
    soort = fields.String(metadata={"example": "loonkostensubsidie"})
    invoer = fields.Dict(metadata={"description": "De invoer zoals bij POST /api/v1/{soort}"})


class BatchInvoerSchema(Schema):
    berekeningen = fields.List(fields.Nested(BatchItemSchema), required=True,
                               metadata={"description": f"Ten hoogste {MAX_BATCH} berekeningen per verzoek"})


class BatchUitkomstSchema(Schema):
    id = fields.Raw()
    soort = fields.String(allow_none=True)
    scenario = fields.Dict(metadata={"description": "Alleen met een scenario: naam en vingerafdruk"})
    status = fields.String(metadata={"enum": ["ok", "fout"]})
    resultaat = fields.Dict(allow_none=True)
    parameters = fields.List(fields.Dict())
    waarschuwingen = fields.List(fields.String())
    rekenbewijs = fields.Dict()
    fouten = fields.List(fields.Dict(), metadata={"description": "JSON-paden binnen dit item, bv. $.invoer.loonwaarde"})


class BatchAntwoordSchema(Schema):
    scenario = fields.Dict(metadata={"description": "Alleen als met een scenario is gerekend: naam en vingerafdruk"})
    aantal = fields.Integer()
    geslaagd = fields.Integer()
    mislukt = fields.Integer()
    uitkomsten = fields.List(fields.Nested(BatchUitkomstSchema))


def _item_fout(item_id, soort, fouten: list[dict]) -> dict:
    return {"id": item_id, "soort": soort, "status": "fout", "fouten": begrens_fouten(fouten)}


def bereken_item(item, params=None, scenario=None) -> dict:
    """One case of a batch; never raises."""
    if not isinstance(item, dict):
        return _item_fout(None, None, [{"pad": "$", "bericht": "Verwacht een JSON-object met id, soort en invoer."}])
    ongeldig = losse_surrogaten(item) if g.get("rekenhulp_surrogaat_mogelijk", True) else None
    if ongeldig:  # a lone surrogate cannot be echoed: this case fails on its own, the id left out (issue 19)
        soort_naam = item.get("soort")
        return _item_fout(None, soort_naam if isinstance(soort_naam, str) and soort_naam in SOORTEN else None,
                          ongeldig)
    item_id = item.get("id")
    soort_naam = item.get("soort")
    fouten = []
    onbekend = sorted(set(item) - {"id", "soort", "invoer"})
    fouten += [{"pad": f"$.{k}", "bericht": "Onbekend veld."} for k in onbekend]
    if item_id is not None and not isinstance(item_id, (str, int)) or isinstance(item_id, bool):
        fouten.append({"pad": "$.id", "bericht": "Verwacht tekst of een geheel getal."})
    if soort_naam is None:
        fouten.append({"pad": "$.soort", "bericht": "Dit veld is verplicht."})
    elif not isinstance(soort_naam, str) or soort_naam not in SOORTEN:
        fouten.append({"pad": "$.soort", "bericht": f"Kies een van: {', '.join(SOORTEN)}."})
        soort_naam = None
    invoer = item.get("invoer")
    if invoer is None:
        fouten.append({"pad": "$.invoer", "bericht": "Dit veld is verplicht."})
    elif not isinstance(invoer, dict):
        fouten.append({"pad": "$.invoer", "bericht": "Verwacht een JSON-object."})
    if fouten:
        return _item_fout(item_id, soort_naam, fouten)
    soort = SOORTEN[soort_naam]
    try:
        geladen = laad_invoer(soort, invoer)
        uitkomst = reken(soort, geladen, params=params)
    except Fout as exc:
        return _item_fout(item_id, soort_naam, [{"pad": "$.invoer" + f["pad"][1:], "bericht": f["bericht"]}
                                                for f in exc.fouten])
    except Exception:  # an engine bug in one case must not fail the others
        current_app.logger.exception("Onverwachte fout in batch-item")
        return _item_fout(item_id, soort_naam, [{"pad": "$", "bericht": "Interne fout bij het rekenen; de fout is gelogd."}])
    body = envelop(soort, geladen, uitkomst)
    if scenario is not None:
        from soorten.scenario import met_scenario

        body = met_scenario(body, scenario)
    return {"id": item_id, "soort": soort_naam, "status": "ok", **{k: v for k, v in body.items() if k != "soort"}}


def te_veel_werk(gevallen: list, wat: str, eenheid: str, keer: int = 1):
    """A 413 when the cases of one request together are more work than MAX_WERK (issue 19: the total work of a
    request is checked before anything is computed), else None. `keer`: how often each case is computed (twice
    in a caseload comparison: situation A and B). Used by /batch and /bestandsvergelijking."""
    totaal = keer * sum(werk(item) for item in gevallen)
    if totaal <= MAX_WERK:
        return None
    return problem(413, "Te veel werk in één verzoek",
                   f"{wat} telt {totaal} eenheden werk (één per {eenheid} plus één per element van een lijst "
                   f"in de invoer, zoals een medebewoner{', en alles twee keer: situatie A en B' if keer == 2 else ''}); "
                   f"ten hoogste {MAX_WERK}. Splits de batch.")


@bp.post("/batch")
def batch():
    data, fout = lees_json(surrogaten_toestaan=True)
    if fout is not None:
        return fout
    from soorten.scenario import neem_scenario, parameters_voor

    data, scenario, scenario_fouten = neem_scenario(data)  # issue 17: one scenario for every case
    berekeningen = data.get("berekeningen")
    onbekend = sorted(set(data) - {"berekeningen"})
    fouten = [{"pad": f"$.{k}", "bericht": "Onbekend veld."} for k in onbekend] + scenario_fouten
    if berekeningen is None:
        fouten.append({"pad": "$.berekeningen", "bericht": "Dit veld is verplicht."})
    elif not isinstance(berekeningen, list):
        fouten.append({"pad": "$.berekeningen", "bericht": "Verwacht een lijst."})
    elif not berekeningen:
        fouten.append({"pad": "$.berekeningen", "bericht": "De lijst is leeg; stuur ten minste één berekening."})
    if fouten:
        return problem(422, "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.", fouten)
    if len(berekeningen) > MAX_BATCH:
        return problem(413, "Te veel berekeningen",
                       f"Ten hoogste {MAX_BATCH} berekeningen per verzoek; u stuurde er {len(berekeningen)}. "
                       "Splits de batch, of gebruik `rekenhulp batch` voor grote bestanden.")
    te_veel = te_veel_werk(berekeningen, "Deze batch", "berekening")
    if te_veel is not None:
        return te_veel
    params = parameters_voor(scenario)  # one overlay for the whole batch: built once, its own caches
    uitkomsten = [bereken_item(item, params, scenario) for item in berekeningen]
    geslaagd = sum(1 for u in uitkomsten if u["status"] == "ok")
    kop = {} if scenario is None else {"scenario": {"naam": scenario.naam, "vingerafdruk": scenario.vingerafdruk}}
    return json_response({**kop, "aantal": len(uitkomsten), "geslaagd": geslaagd, "mislukt": len(uitkomsten) - geslaagd,
                          "uitkomsten": uitkomsten})


__all__ = ["MAX_BATCH", "MAX_WERK", "te_veel_werk", "bereken_item", "BatchInvoerSchema", "BatchAntwoordSchema"]

"""POST /api/v1/vergelijking: the same case computed on several dates, side by side, with the
difference of every money field. Generic over the registry: every soort works without changes."""

from __future__ import annotations

from datetime import date

from flask import Blueprint
from marshmallow import Schema, ValidationError, fields, validate

from calculator.vergelijking import geldbedragen, vergelijk_bedragen
from soorten.fields import Bedrag, Datum, InvoerSchema, Lijst, Tekst, keuze
from soorten.register import SOORTEN, Fout, Soort, envelop, laad_invoer, reken, validatiefouten

from . import begrens_fouten, json_response, lees_json, problem

bp = Blueprint("api_vergelijking", __name__, url_prefix="/api/v1")

MAX_PEILDATA = 20  # documented maximum number of dates per comparison


def geld_velden(schema_cls) -> dict:
    """The money (Bedrag) fields of a result schema, recursively: {"veld": True | {...} | ({...},)}."""
    out: dict = {}
    for naam, veld in schema_cls().fields.items():
        key = veld.data_key or naam
        if isinstance(veld, Bedrag):
            out[key] = True
        elif isinstance(veld, fields.Nested):
            sub = geld_velden(type(veld.schema))
            if sub:
                out[key] = (sub,) if veld.many else sub
        elif isinstance(veld, fields.List) and isinstance(veld.inner, fields.Nested):
            sub = geld_velden(type(veld.inner.schema))
            if sub:
                out[key] = (sub,)
    return out


class VergelijkingInvoer(InvoerSchema):
    soort = Tekst(required=True, validate=lambda s: keuze(list(SOORTEN))(s),
                  metadata={"description": "De berekening", "example": "loonkostensubsidie"})
    invoer = fields.Dict(required=True, error_messages={"required": "Dit veld is verplicht.",
                                                        "invalid": "Verwacht een JSON-object."},
                         metadata={"description": "De invoer van die berekening; het datumveld wordt per peildatum ingevuld"})
    peildata = Lijst(Datum(), required=True, validate=validate.Length(
        min=1, max=MAX_PEILDATA, error=f"Geef 1 tot en met {MAX_PEILDATA} peildata."),
        metadata={"example": ["2025-06-01", "2025-07-01"]})


class VerschilSchema(Schema):
    veld = fields.String(metadata={"example": "loonkostensubsidie"})
    oud = Bedrag(allow_none=True)
    nieuw = Bedrag(allow_none=True)
    absoluut = Bedrag(allow_none=True, metadata={"description": "nieuw − oud"})
    relatief = fields.Method("_relatief", metadata={"type": "string", "nullable": True,
                                                   "description": "Relatieve wijziging in % (2 decimalen), null als oud 0 is"})

    def _relatief(self, obj):
        return None if obj["relatief"] is None else format(obj["relatief"], "f")


class FoutItemSchema(Schema):
    pad = fields.String()
    bericht = fields.String()


class PeildatumUitkomstSchema(Schema):
    peildatum = fields.Date()
    resultaat = fields.Dict(allow_none=True, metadata={"description": "Het resultaat zoals bij POST /api/v1/{soort}"})
    parameters = fields.List(fields.Dict(), allow_none=True)
    waarschuwingen = fields.List(fields.String(), allow_none=True)
    rekenbewijs = fields.Dict(allow_none=True)
    fouten = fields.List(fields.Nested(FoutItemSchema), allow_none=True,
                         metadata={"description": "Alleen als deze peildatum niet kon worden berekend"})
    verschillen = fields.List(fields.Nested(VerschilSchema), allow_none=True,
                              metadata={"description": "Elk geldbedrag ten opzichte van de eerste berekende peildatum"})


class VergelijkingAntwoordSchema(Schema):
    soort = fields.String()
    scenario = fields.Dict(metadata={"description": "Alleen als met een scenario is gerekend: naam en vingerafdruk"})
    waarschuwingen = fields.List(fields.String(), metadata={"description": "Alleen met een scenario"})
    basis = fields.Date(allow_none=True, metadata={"description": "De peildatum waartegen de verschillen zijn berekend"})
    uitkomsten = fields.List(fields.Nested(PeildatumUitkomstSchema))


def vergelijk(soort: Soort, invoer: dict, peildata: list[date], scenario=None) -> dict:
    """Compute `invoer` on every date (each date on its own: one failure never fails the others); with a
    `scenario` (issue 17) on the official parameters with the scenario laid over them."""
    from soorten.scenario import met_scenario, parameters_voor, waarschuwing

    params = parameters_voor(scenario)
    velden = geld_velden(soort.resultaat_schema)
    uitkomsten = []
    basis = basis_datum = None
    for datum in peildata:
        try:
            geladen = laad_invoer(soort, soort.met_datum(invoer, datum))
            uitkomst = reken(soort, geladen, params=params)
        except Fout as exc:
            uitkomsten.append({"peildatum": datum.isoformat(), "fouten": begrens_fouten([
                {"pad": "$.invoer" + f["pad"][1:], "bericht": f["bericht"]} for f in exc.fouten])})
            continue
        except Exception:  # an engine bug on one date must not fail the other dates
            from flask import current_app

            current_app.logger.exception("Onverwachte fout in vergelijking")
            uitkomsten.append({"peildatum": datum.isoformat(), "fouten": [
                {"pad": "$", "bericht": "Interne fout bij het rekenen op deze datum; de fout is gelogd."}]})
            continue
        body = met_scenario(envelop(soort, geladen, uitkomst), scenario)
        bedragen = geldbedragen(body["resultaat"], velden)
        if basis is None:
            basis, basis_datum = bedragen, datum
        regel = {"peildatum": datum.isoformat(), "resultaat": body["resultaat"], "parameters": body["parameters"],
                 "waarschuwingen": body["waarschuwingen"], "rekenbewijs": body["rekenbewijs"],
                 "verschillen": VerschilSchema(many=True).dump(vergelijk_bedragen(basis, bedragen))}
        uitkomsten.append(regel)
    out = {"soort": soort.naam, "basis": basis_datum.isoformat() if basis_datum else None, "uitkomsten": uitkomsten}
    if scenario is None:
        return out
    return {"soort": soort.naam, "scenario": {"naam": scenario.naam, "vingerafdruk": scenario.vingerafdruk},
            "waarschuwingen": [waarschuwing(scenario)], **out}


@bp.post("/vergelijking")
def vergelijking():
    data, fout = lees_json()
    if fout is not None:
        return fout
    from soorten.scenario import neem_scenario

    data, scenario, scenario_fouten = neem_scenario(data)  # issue 17: optional, validated on its own
    try:
        verzoek = VergelijkingInvoer().load(data)
    except ValidationError as exc:
        return problem(422, "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.",
                       validatiefouten(exc.messages) + scenario_fouten)
    if scenario_fouten:
        return problem(422, "Ongeldige invoer", "Het scenario is niet goed ingevuld.", scenario_fouten)
    return json_response(vergelijk(SOORTEN[verzoek["soort"]], verzoek["invoer"], verzoek["peildata"], scenario))


__all__ = ["vergelijk", "geld_velden", "MAX_PEILDATA", "VergelijkingInvoer", "VergelijkingAntwoordSchema"]

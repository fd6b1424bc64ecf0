"""POST /api/v1/bestandsvergelijking (issue 17): a caseload in two situations A and B, per case the key amounts
and the difference, and a summary (totals, gain/lose/same, distribution, breakdown by a column).

At most MAX_GEVALLEN cases per request, as /api/v1/batch; larger files: `rekenhulp vergelijk`. Nothing of the
caseload is kept after the answer (the computation holds totals and counts only while it runs)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask import Blueprint
from marshmallow import Schema, fields

from parameters import default_parameters
from parameters.scenario import ScenarioFout, lees_scenario
from batch.bestandsvergelijking import MAX_KLASSEN, Situatie, Vergelijker
from soorten.fields import Bedrag
from soorten.register import SOORTEN

from . import json_response, lees_json, problem
from .batch import MAX_BATCH, te_veel_werk
from .scenario import ScenarioKenmerkSchema, ScenarioSchema

bp = Blueprint("api_bestandsvergelijking", __name__, url_prefix="/api/v1")

MAX_GEVALLEN = MAX_BATCH
VELDEN = ("soort", "a", "b", "gevallen", "groep_op", "klassebreedte")


def _situatie(data, pad: str, fouten: list) -> Situatie | None:
    from datetime import date

    if data is None:
        data = {}
    if not isinstance(data, dict):
        fouten.append({"pad": pad, "bericht": "Verwacht een object met peildatum en/of scenario."})
        return None
    for k in sorted(set(data) - {"peildatum", "scenario"}, key=str):
        fouten.append({"pad": f"{pad}.{k}", "bericht": "Onbekend veld."})
    peildatum = None
    if data.get("peildatum") is not None:
        try:
            peildatum = date.fromisoformat(data["peildatum"]) if isinstance(data["peildatum"], str) \
                and len(data["peildatum"]) == 10 else None
        except ValueError:
            peildatum = None
        if peildatum is None:
            fouten.append({"pad": f"{pad}.peildatum", "bericht": "Geen geldige datum (JJJJ-MM-DD)."})
    scenario = None
    if data.get("scenario") is not None:
        try:
            scenario = lees_scenario(data["scenario"], default_parameters(), f"{pad}.scenario")
        except ScenarioFout as exc:
            fouten.extend(exc.fouten)
    return Situatie(peildatum, scenario)


def lees_verzoek(data: dict) -> tuple[dict | None, list[dict]]:
    fouten = [{"pad": f"$.{k}", "bericht": "Onbekend veld."} for k in sorted(set(data) - set(VELDEN), key=str)]
    soort = data.get("soort")
    if soort is None:
        fouten.append({"pad": "$.soort", "bericht": "Dit veld is verplicht."})
    elif not isinstance(soort, str) or soort not in SOORTEN:
        fouten.append({"pad": "$.soort", "bericht": f"Kies een van: {', '.join(SOORTEN)}."})
    a = _situatie(data.get("a"), "$.a", fouten)
    b = _situatie(data.get("b"), "$.b", fouten)
    if "a" not in data:
        fouten.append({"pad": "$.a", "bericht": "Dit veld is verplicht (peildatum en/of scenario van situatie A)."})
    if "b" not in data:
        fouten.append({"pad": "$.b", "bericht": "Dit veld is verplicht (peildatum en/of scenario van situatie B)."})
    gevallen = data.get("gevallen")
    if gevallen is None:
        fouten.append({"pad": "$.gevallen", "bericht": "Dit veld is verplicht."})
    elif not isinstance(gevallen, list):
        fouten.append({"pad": "$.gevallen", "bericht": "Verwacht een lijst."})
    elif not gevallen:
        fouten.append({"pad": "$.gevallen", "bericht": "De lijst is leeg; stuur ten minste één geval."})
    groep_op = data.get("groep_op")
    if groep_op is not None and (not isinstance(groep_op, str) or not groep_op or groep_op == "id"):
        fouten.append({"pad": "$.groep_op", "bericht": "Verwacht de naam van een kolom van de gevallen (niet id)."})
    breedte = None
    if data.get("klassebreedte") is not None:
        try:
            breedte = Decimal(str(data["klassebreedte"]))
            if not breedte.is_finite() or breedte <= 0 or isinstance(data["klassebreedte"], bool):
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            fouten.append({"pad": "$.klassebreedte", "bericht": "Verwacht een bedrag groter dan 0, bv. \"10.00\"."})
            breedte = None
    if fouten:
        return None, fouten
    return {"soort": soort, "a": a, "b": b, "gevallen": gevallen, "groep_op": groep_op, "klassebreedte": breedte}, []


def vergelijk_bestand(verzoek: dict) -> dict:
    v = Vergelijker(verzoek["soort"], verzoek["a"], verzoek["b"], verzoek["groep_op"], verzoek["klassebreedte"])
    rijen = [v.rij(g) for g in verzoek["gevallen"]]
    kop = v.kop()
    try:
        samenvatting = v.samenvatting.json()
    except ValueError:  # a width so small that the distribution would have more than 1000 bins
        v.samenvatting.klassebreedte = None
        samenvatting = v.samenvatting.json()
    return {**kop, "samenvatting": samenvatting, "gevallen": rijen}


def _csv_verzoek():
    """A CSV body (the batch format): soort, a, b (peildata), s_a, s_b (compact scenarios, as in the web
    addresses), groep_op and klassebreedte as query parameters. (request data, or a problem response)."""
    import io

    from flask import request

    from parameters.scenario import ScenarioFout, uit_param
    from batch.verwerking import BatchFout
    from batch.bestandsvergelijking import lees_gevallen

    args = request.args
    data = {"soort": args.get("soort"), "a": {"peildatum": args.get("a")}, "b": {"peildatum": args.get("b")},
            "groep_op": args.get("groep_op"), "klassebreedte": args.get("klassebreedte")}
    fouten = []
    for kant in ("a", "b"):
        if args.get(f"s_{kant}"):
            try:
                data[kant]["scenario"] = uit_param(args[f"s_{kant}"]).canoniek()
            except ScenarioFout as exc:
                fouten += [{"pad": f"$.s_{kant}", "bericht": f["bericht"]} for f in exc.fouten]
    if data["soort"] not in SOORTEN:
        fouten.append({"pad": "$.soort", "bericht": f"Kies een van: {', '.join(SOORTEN)} (queryparameter soort)."})
    if fouten:
        return None, problem(422, "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.", fouten)
    try:
        tekst = request.get_data(cache=False).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, problem(400, "Ongeldige tekens", "De body is geen geldige UTF-8-tekst.")
    try:
        gevallen = []
        for regel, geval in lees_gevallen(io.StringIO(tekst, newline=""), SOORTEN[data["soort"]],
                                          data["groep_op"], "csv"):
            gevallen.append(geval)  # a dict, or a Leesfout that becomes that row's error
            if len(gevallen) > MAX_GEVALLEN:
                break
    except BatchFout as exc:
        return None, problem(422, "Ongeldig bestand", str(exc))
    data["gevallen"] = gevallen
    return data, None


@bp.post("/bestandsvergelijking")
def bestandsvergelijking():
    from flask import request

    if request.mimetype == "text/csv":  # the caseload as a CSV body, the rest in the query string
        data, fout = _csv_verzoek()
    else:
        data, fout = lees_json()
    if fout is not None:
        return fout
    gevallen = data.get("gevallen")
    if isinstance(gevallen, list) and len(gevallen) > MAX_GEVALLEN:
        return problem(413, "Te veel gevallen",
                       f"Ten hoogste {MAX_GEVALLEN} gevallen per verzoek; u stuurde er {len(gevallen)}. "
                       "Gebruik `rekenhulp vergelijk` voor grote bestanden.")
    verzoek, fouten = lees_verzoek(data)
    if fouten:
        return problem(422, "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.", fouten)
    te_veel = te_veel_werk(verzoek["gevallen"], "Deze bestandsvergelijking", "geval", keer=2)
    if te_veel is not None:
        return te_veel
    return json_response(vergelijk_bestand(verzoek))


# --- OpenAPI ------------------------------------------------------------------------------------------------


class SituatieSchema(Schema):
    peildatum = fields.Date(allow_none=True, metadata={"description": "Reken elk geval op deze datum; leeg: de datum van het geval zelf"})
    scenario = fields.Nested(ScenarioSchema, allow_none=True)


class BestandsvergelijkingInvoerSchema(Schema):
    soort = fields.String(required=True, metadata={"example": "loonkostensubsidie"})
    a = fields.Nested(SituatieSchema, required=True)
    b = fields.Nested(SituatieSchema, required=True)
    gevallen = fields.List(fields.Dict(), required=True, metadata={
        "description": f"Ten hoogste {MAX_GEVALLEN}: per geval een `id` en de invoervelden van de soort (zoals bij "
                       "POST /api/v1/{soort}), en eventueel de kolom van `groep_op`"})
    groep_op = fields.String(allow_none=True, metadata={"description": "Een kolom (invoerveld of eigen kolom, bv. wijk) om de samenvatting naar op te splitsen"})
    klassebreedte = fields.String(allow_none=True, metadata={"description": "Breedte van de klassen van de verdeling; standaard gekozen (1, 2 of 5 × 10^k cent, ten hoogste %d klassen)" % MAX_KLASSEN})


class SituatieKenmerkSchema(Schema):
    peildatum = fields.Date(allow_none=True)
    scenario = fields.Nested(ScenarioKenmerkSchema, allow_none=True)
    rekenbewijs_scenario = fields.Dict(allow_none=True, metadata={"description": "Het scenario zoals gebruikt"})


class TotaalSchema(Schema):
    totaal_a = Bedrag()
    totaal_b = Bedrag()
    verschil = Bedrag(metadata={"description": "totaal_b − totaal_a"})
    stijgt = fields.Integer(metadata={"description": "Gevallen met een hoger bedrag in B"})
    daalt = fields.Integer()
    gelijk = fields.Integer()


class KlasseSchema(Schema):
    van = Bedrag(metadata={"description": "Ondergrens (inclusief)"})
    tot = Bedrag(metadata={"description": "Bovengrens (exclusief)"})
    aantal = fields.Integer()


class VerdelingSchema(Schema):
    bedrag = fields.String(metadata={"description": "Het bedrag waarvan het verschil is verdeeld (het eerste)"})
    klassebreedte = Bedrag(allow_none=True)
    klassen = fields.List(fields.Nested(KlasseSchema))


class GroepSchema(Schema):
    groep = fields.Raw(allow_none=True)
    aantal = fields.Integer()
    bedragen = fields.Dict(keys=fields.String(), values=fields.Nested(TotaalSchema))


class BestandSamenvattingSchema(Schema):
    aantal = fields.Integer()
    vergeleken = fields.Integer(metadata={"description": "Gevallen zonder fouten in A en B: alleen die tellen mee"})
    met_fouten = fields.Integer()
    bedragen = fields.Dict(keys=fields.String(), values=fields.Nested(TotaalSchema))
    verdeling = fields.Nested(VerdelingSchema)
    groep_op = fields.String(allow_none=True)
    groepen = fields.List(fields.Nested(GroepSchema), allow_none=True)


class GevalFoutSchema(Schema):
    situatie = fields.String(allow_none=True, metadata={"enum": ["a", "b", None]})
    pad = fields.String()
    bericht = fields.String()


class GevalSchema(Schema):
    id = fields.Raw(allow_none=True)
    groep = fields.Raw(allow_none=True)
    a = fields.Dict(keys=fields.String(), values=fields.String(), allow_none=True)
    b = fields.Dict(keys=fields.String(), values=fields.String(), allow_none=True)
    verschil = fields.Dict(keys=fields.String(), values=fields.String(), allow_none=True)
    fouten = fields.List(fields.Nested(GevalFoutSchema))


class BestandsvergelijkingAntwoordSchema(Schema):
    soort = fields.String()
    a = fields.Nested(SituatieKenmerkSchema)
    b = fields.Nested(SituatieKenmerkSchema)
    bedragen = fields.List(fields.String())
    engine_versie = fields.String()
    parameters_vingerafdruk = fields.String()
    samenvatting = fields.Nested(BestandSamenvattingSchema)
    gevallen = fields.List(fields.Nested(GevalSchema))


def openapi_pad(s, problem_ref: dict) -> None:
    def fout(beschrijving):
        return {"description": beschrijving, "content": {"application/problem+json": {"schema": problem_ref}}}

    s.path(path="/api/v1/bestandsvergelijking", operations={"post": {
        "summary": "Een bestand met gevallen in twee situaties vergelijken",
        "description": "Rekent elk geval in situatie A en B (twee peildata, of een peildatum met en zonder scenario, of "
                       "twee scenario's) en geeft per geval de kernbedragen in A en B en het verschil, en een "
                       "samenvatting: per bedrag de totalen en het verschil, het aantal gevallen dat stijgt, daalt of "
                       "gelijk blijft, de verdeling van het verschil en een uitsplitsing naar `groep_op`. Een geval dat "
                       f"niet kan worden berekend krijgt eigen `fouten` en telt niet mee. Ten hoogste {MAX_GEVALLEN} "
                       "gevallen; meer geeft 413 (gebruik dan `rekenhulp vergelijk`).",
        "operationId": "bestandsvergelijking",
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": BestandsvergelijkingInvoerSchema, "example": {
                "soort": "loonkostensubsidie", "a": {"peildatum": "2025-07-01"}, "b": {"peildatum": "2026-07-01"},
                "groep_op": "wijk",
                "gevallen": [{"id": "w-1", "wijk": "Noord", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60},
                             {"id": "w-2", "wijk": "Zuid", "leeftijd": 45, "uren_per_week": 24, "loonwaarde": 40}]}},
            "text/csv": {"schema": {"type": "string", "description":
                "Het bestand zoals bij `rekenhulp batch` (kopregel met id, de invoervelden en eventueel de groepkolom); "
                "soort, a, b, s_a, s_b, groep_op en klassebreedte dan als queryparameters"},
                "example": "id,wijk,leeftijd,uren_per_week,loonwaarde\nw-1,Noord,30,32,60\n"}}},
        "parameters": [{"name": n, "in": "query", "required": False, "description": d, "schema": {"type": "string"}}
                       for n, d in (("soort", "Alleen bij een CSV-body: de berekening"),
                                    ("a", "Alleen bij een CSV-body: peildatum van A"),
                                    ("b", "Alleen bij een CSV-body: peildatum van B"),
                                    ("s_a", "Alleen bij een CSV-body: scenario van A in de compacte vorm van de webpagina"),
                                    ("s_b", "Alleen bij een CSV-body: scenario van B"),
                                    ("groep_op", "Alleen bij een CSV-body: groepkolom"),
                                    ("klassebreedte", "Alleen bij een CSV-body: breedte van de klassen"))],
        "responses": {"200": {"description": "Per geval en samenvatting", "content": {"application/json": {
            "schema": BestandsvergelijkingAntwoordSchema}}}, "400": fout("Geen geldige JSON"),
            "413": fout("Te veel gevallen of body te groot"), "415": fout("Geen JSON"), "422": fout("Ongeldige invoer")},
    }})


__all__ = ["MAX_GEVALLEN", "lees_verzoek", "vergelijk_bestand", "openapi_pad"]

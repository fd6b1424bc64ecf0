"""The registry of calculations ("soorten"): one entry per rule, used by the API routes, the web
forms, the OpenAPI document, batch and comparison. Adding a calculation = one `registreer(...)` call
in its own module; nothing here knows a rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from marshmallow import Schema, ValidationError, fields

import calculator
from calculator.errors import InvoerFout
from calculator.explanation import Uitkomst
from calculator.explanation import Melding
from parameters import MissingParameterError, ParameterSet, default_parameters
from soorten import uitleg

from .fields import Bedrag, Percentage
from .snel import schema_instantie, snelle_dump  # noqa: F401 (also used from here by other modules)


@dataclass(frozen=True)
class Soort:
    naam: str  # e.g. "loonkostensubsidie": URL path and `soort` in responses
    titel: str  # Dutch, for humans
    invoer_schema: type[Schema]  # validates input, post_load returns the engine's input object
    resultaat_schema: type[Schema]  # serialises `Uitkomst.resultaat`
    bereken: Callable[..., Uitkomst]  # bereken(invoer, params=..., uitleg=...)
    voorbeeld: dict  # a valid request body, for the docs and tests
    omschrijving: str = ""
    volgorde: int = 100  # position in menus and docs
    # Which input field carries the date: "peildatum" (a date) or "jaar" (a calendar year). Used to compute
    # the same case on other dates (coverage tests, year comparison, batch --peildatum).
    datumveld: str = "peildatum"
    # extra example inputs that tests/test_dekking.py also runs for every month (other branches of the rule)
    dekking_varianten: tuple = ()
    # optional: gelijke_uitkomst(engine input) -> None or (key, {result field: value}): inputs with the same key
    # get the same Uitkomst (without uitleg) except for those fields; lets the batch compute such inputs once
    # (issue 17 part 3, only with REKENHULP_SNEL)
    gelijke_uitkomst: Callable | None = None
    # optional: klassen(input columns [(index, field)], peildatum or None, parameter set) -> an object with
    # `bruikbaar`, `klasse(cells)` (a key or None), `GATEN` (result fields, the holes), `fijn` (what the holes
    # depend on for the row last classed), `resultaat(loaded input of the key's first row)` (the row's result),
    # `eigen_velden(key)` and `eigen(key, loaded input)` (the holes that differ per row): rows with the same key get
    # the same answer except in the holes, so the batch and the caseload comparison compute the first and fill in
    # the others (issue 17 part 3, only with REKENHULP_SNEL; soorten.schemas.loonkostensubsidie.LksKlassen)
    klassen: Callable | None = None

    def met_datum(self, invoer: dict, datum: date) -> dict:
        """A copy of raw input `invoer` set to `datum` (or its year, for soorten that take a `jaar`)."""
        kopie = dict(invoer)
        kopie[self.datumveld] = datum.year if self.datumveld == "jaar" else datum.isoformat()
        return kopie


SOORTEN: dict[str, Soort] = {}


def registreer(soort: Soort) -> Soort:
    SOORTEN[soort.naam] = soort
    # keep the registry in menu order
    for naam in sorted(SOORTEN, key=lambda n: (SOORTEN[n].volgorde, n)):
        SOORTEN[naam] = SOORTEN.pop(naam)
    return soort


def laad_alle_soorten() -> dict[str, Soort]:
    """Import every module in soorten/schemas/ (each registers its soort). No list to keep up to date."""
    import importlib
    import pkgutil

    from . import schemas

    for mod in pkgutil.iter_modules(schemas.__path__):
        if not mod.name.startswith("_") and mod.name != "common":
            importlib.import_module(f"{schemas.__name__}.{mod.name}")
    return SOORTEN


class Fout(Exception):
    """Validation failed: a list of (JSON path, Dutch message)."""

    def __init__(self, fouten: list[dict], bekend_tot: date | None = None, datum: date | None = None):
        self.fouten = fouten
        # A date without a parameter value: the last date up to which the values are known (the API puts
        # it in the problem body) and the date asked for (the web form explains it in plain words).
        self.bekend_tot = bekend_tot
        self.datum = datum
        super().__init__("; ".join(f"{f['pad']}: {f['bericht']}" for f in fouten))


def validatiefouten(messages: Any, pad: str = "$") -> list[dict]:
    """Flatten marshmallow's nested messages into [{pad: "$.medebewoners[0].leeftijd", bericht}]."""
    out: list[dict] = []
    if isinstance(messages, dict):
        for key, sub in messages.items():
            if key == "_schema":
                sub_pad = pad
            elif isinstance(key, int):
                sub_pad = f"{pad}[{key}]"
            else:
                sub_pad = f"{pad}.{key}"
            out.extend(validatiefouten(sub, sub_pad))
    elif isinstance(messages, (list, tuple)):
        for m in messages:
            if isinstance(m, (dict, list)):
                out.extend(validatiefouten(m, pad))
            else:  # a Melding (a str with its key and values) is kept as it is: the web layer translates it by key
                out.append({"pad": pad, "bericht": m if isinstance(m, str) else str(m)})
    else:
        out.append({"pad": pad, "bericht": messages if isinstance(messages, str) else str(messages)})
    return out


def laad_invoer(soort: Soort, data: Any):
    """Validate raw input (a dict from JSON or a form) into the engine's input object, or raise Fout."""
    try:
        return schema_instantie(soort.invoer_schema).load(data)
    except ValidationError as exc:
        raise Fout(validatiefouten(exc.messages)) from None


def reken(soort: Soort, invoer, uitleg: bool = False, params: ParameterSet | None = None) -> Uitkomst:
    """Run the engine; input the rules cannot apply to becomes Fout (never an unhandled exception)."""
    try:
        return soort.bereken(invoer, params=params or default_parameters(), uitleg=uitleg)
    except InvoerFout as exc:
        raise Fout([{"pad": f"$.{exc.veld}", "bericht": exc.bericht}]) from None
    except MissingParameterError as exc:
        # the dates as ISO text: the API keeps the exact reason (the web form says it in plain words instead)
        if exc.bekend_tot is not None and exc.datum > exc.bekend_tot:
            bericht = Melding("parameter.na_horizon", naam=exc.naam, datum=exc.datum.isoformat(),
                              bekend_tot=exc.bekend_tot.isoformat())
        else:
            bericht = Melding("parameter.ontbreekt", naam=exc.naam, datum=exc.datum.isoformat(), reden=exc.reden)
        raise Fout([{"pad": f"$.{soort.datumveld}", "bericht": bericht}], bekend_tot=exc.bekend_tot,
                   datum=exc.datum) from None


# --- response envelope -------------------------------------------------------------------------


class ParameterGebruikSchema(Schema):
    naam = fields.String()
    omschrijving = fields.String()
    waarde = fields.Method("_waarde", metadata={"type": "string", "example": "14.71"})
    eenheid = fields.String()
    geldig_vanaf = fields.Date(attribute="vanaf")
    bron = fields.String()
    status = fields.String(metadata={"enum": ["bevestigd", "voorlopig", "scenario"],
                                     "description": "scenario: de waarde komt uit het meegestuurde scenario"})
    toelichting = fields.String(allow_none=True)
    grondslag = fields.String()

    def _waarde(self, pv):
        return str(pv.waarde).lower() if isinstance(pv.waarde, bool) else format(pv.waarde, "f")


class GrondslagSchema(Schema):
    wet = fields.String(metadata={"example": "Participatiewet"})
    artikel = fields.String(allow_none=True, metadata={"example": "10d"})
    lid = fields.String(allow_none=True, metadata={"example": "4"})
    onderdeel = fields.String(allow_none=True, metadata={"example": "b"})
    link = fields.String(allow_none=True, metadata={
        "description": "De geconsolideerde tekst van het artikel op wetten.overheid.nl",
        "example": "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=10d"})


class StapSchema(Schema):
    nummer = fields.Integer()
    id = fields.String(allow_none=True, metadata={
        "description": "De sleutel van de stap in de uitlegcatalogus (calculator/teksten); dezelfde stap heeft in elke "
                       "taal en bij elke berekening hetzelfde id", "example": "lks.per_maand"})
    omschrijving = fields.String()
    berekening = fields.String(allow_none=True)
    bedrag = Bedrag(allow_none=True)
    grondslag = fields.String(allow_none=True, metadata={"example": "Participatiewet art. 10d lid 4"})
    grondslag_detail = fields.List(fields.Nested(GrondslagSchema), allow_none=True, metadata={
        "description": "De grondslag als gegevens: per bron wet, artikel, lid, onderdeel en link"})


class RekenbewijsSchema(Schema):
    engine_versie = fields.String(metadata={"description": "Versie van de rekenkern"})
    parameters_vingerafdruk = fields.String(metadata={"description": "SHA-256 (eerste 16 tekens) van alle parameterbestanden"})
    peildatum = fields.Date()
    invoer = fields.Dict(metadata={"description": "De invoer zoals die is gebruikt, met ingevulde standaardwaarden; opnieuw insturen geeft hetzelfde resultaat zolang versie en vingerafdruk gelijk zijn"})


_ENVELOPPEN: dict[str, type[Schema]] = {}


def envelop_schema(soort: Soort) -> type[Schema]:
    """The response schema of one soort (named for OpenAPI)."""
    if soort.naam not in _ENVELOPPEN:
        _ENVELOPPEN[soort.naam] = Schema.from_dict(
            {
                "soort": fields.String(metadata={"example": soort.naam}),
                "resultaat": fields.Nested(soort.resultaat_schema),
                "parameters": fields.List(fields.Nested(ParameterGebruikSchema)),
                "waarschuwingen": fields.List(fields.String()),
                "uitleg": fields.List(fields.Nested(StapSchema), metadata={"description": "Alleen met ?uitleg=true"}),
                "rekenbewijs": fields.Nested(RekenbewijsSchema),
            },
            name=f"{soort.naam.capitalize()}Antwoord",
        )
    return _ENVELOPPEN[soort.naam]


_PARAMETER_JSON: dict[int, tuple] = {}


def parameter_gebruik(pv) -> dict:
    """One parameter value as listed in a response (ParameterGebruikSchema), as a fresh dict.

    Parameter values are loaded once and never change, so their serialised form (with the source and
    legal basis texts) is made once per value and copied; keyed by identity, holding the value so that
    its id cannot be reused while it is cached."""
    hit = _PARAMETER_JSON.get(id(pv))
    if hit is None or hit[0] is not pv:
        if len(_PARAMETER_JSON) >= 50_000:  # parameter sets reloaded many times (tests): start over
            _PARAMETER_JSON.clear()
        hit = _PARAMETER_JSON[id(pv)] = (pv, snelle_dump(ParameterGebruikSchema)(pv))
    return dict(hit[1])


def rekenbewijs(soort: Soort, invoer, peildatum: date, params: ParameterSet | None = None) -> dict:
    params = params or default_parameters()
    return {
        "engine_versie": calculator.__version__,
        "parameters_vingerafdruk": params.fingerprint,
        "peildatum": peildatum.isoformat(),
        "invoer": snelle_dump(soort.invoer_schema)(invoer),
    }


def envelop(soort: Soort, invoer, uitkomst: Uitkomst, uitleg: bool = False, locale: str = "nl_NL") -> dict:
    """The JSON response body for one calculation."""
    body = {
        "soort": soort.naam,
        "resultaat": snelle_dump(soort.resultaat_schema)(uitkomst.resultaat),
        "parameters": [parameter_gebruik(pv) for pv in uitkomst.parameters],
        "waarschuwingen": list(uitkomst.waarschuwingen),
        "rekenbewijs": rekenbewijs(soort, invoer, uitkomst.peildatum),
    }
    if uitleg:
        body["uitleg"] = stappen_json(uitkomst, locale)
    return body


def stappen_json(uitkomst: Uitkomst, locale: str = "nl_NL") -> list[dict]:
    """The steps rendered from the catalogue (soorten.uitleg) in the language of `locale` (the API: Dutch)."""
    # the generated dump (soorten.snel; marshmallow's own with REKENHULP_SNEL=0): ~34 steps per LKS answer
    return snelle_dump(StapSchema, many=True)(uitleg.stappen(uitkomst, uitleg.taal_van(locale)))


__all__ = [
    "Soort", "SOORTEN", "registreer", "laad_alle_soorten", "Fout", "validatiefouten", "laad_invoer", "reken", "envelop",
    "envelop_schema", "rekenbewijs", "parameter_gebruik", "stappen_json", "Bedrag", "Percentage",
]

"""API contract for the bijstandsnorm with kostendelersnorm and aanvullende bijstand
(Participatiewet art. 19a, 20, 21, 22, 22a, 31)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from calculator import bijstandsnorm as bn
from calculator.kostendelersnorm import ONDERWIJS, RELATIES, Medebewoner
from parameters import MissingParameterError, default_parameters

from ..fields import Bedrag, Datum, Geheel, Genest, Getal, InvoerSchema, JaNee, Lijst, Percentage, Tekst, _Sjabloon, \
    keuze, minimaal, tussen
from ..register import Soort, registreer
from .common import PersoonVelden, vandaag

MAX_MEDEBEWONERS = 20


class PersoonSchema(PersoonVelden, InvoerSchema):
    aow_leeftijd_bereikt = JaNee(load_default=None, allow_none=True, metadata={
        "description": "Alleen nodig als de geboortedatum onbekend is: heeft deze persoon de AOW-leeftijd bereikt?"})
    geen_beroep_op_ouders = JaNee(load_default=False, metadata={
        "description": "Voor 18, 19 of 20 jaar (Participatiewet art. 20 lid 3, sinds de Participatiewet in balans): deze persoon kan "
                       "voor de kosten van levensonderhoud geen beroep doen op zijn ouders, omdat hun middelen niet "
                       "toereikend zijn of hij het onderhoudsrecht redelijkerwijs niet te gelde kan maken. De norm van "
                       "art. 20 wordt dan per zo'n persoon verhoogd met het bedrag van parameter "
                       "bijstand.jongeren_verhoging.bedrag, tot ten hoogste de norm van art. 21 (lid 4). Op een "
                       "peildatum vóór bijstand.jongeren_verhoging.in_werking geeft true een fout (422)."})

    @post_load
    def _maak(self, data, **kwargs):
        return bn.Persoon(**data)


class MedebewonerSchema(PersoonVelden, InvoerSchema):
    relatie = Tekst(load_default="anders", validate=keuze(RELATIES + ("partner",)), metadata={
        "description": "Relatie met de belanghebbende (art. 19a lid 1 onder b): familie (bloedverwant in de eerste of "
                       "tweede graad: ouder, kind, grootouder, kleinkind, broer of zus), aanverwant (aanverwant in de "
                       "eerste of tweede graad: schoonouder, schoonzoon of schoondochter, stiefouder of stiefkind, "
                       "zwager of schoonzus, grootouder of kleinkind van de partner) of anders"})
    commerciele_relatie = JaNee(load_default=False, metadata={
        "description": "Art. 19a lid 1 onder b: woont hier op basis van een schriftelijke overeenkomst MET DE "
                       "BELANGHEBBENDE tegen een commerciële prijs, als verhuurder, huurder, onderverhuurder, "
                       "onderhuurder, kostgever of kostganger. Geldt niet voor familie of aanverwanten (relatie). "
                       "Het college kan de overeenkomst en de bewijzen van betaling vragen (lid 2)."})
    commerciele_relatie_derde = JaNee(load_default=False, metadata={
        "description": "Art. 19a lid 1 onder c: huurt (onderhuurder, kostganger) op basis van een schriftelijke "
                       "overeenkomst tegen een commerciële prijs met DEZELFDE DERDE (bijvoorbeeld dezelfde verhuurder "
                       "van kamers) als de belanghebbende, die ook zo'n overeenkomst met die derde heeft. Ook voor "
                       "familie: onder c kent geen uitzondering voor familie. Het college kan de overeenkomsten en de "
                       "bewijzen van betaling vragen (lid 2)."})
    onderwijs = Tekst(load_default="geen", validate=keuze(ONDERWIJS), metadata={
        "description": "Art. 19a lid 1 onder d: geen; wsf (onderwijs waarvoor aanspraak op studiefinanciering WSF 2000 "
                       "kan bestaan en waarvoor hij op enig moment tijdens dat onderwijs gelet op zijn leeftijd "
                       "studiefinanciering kan krijgen, 1°); wtos (idem voor een tegemoetkoming van hoofdstuk 4 WTOS, "
                       "2°); bbl (beroepsbegeleidende leerweg, 3°); buitenland (vergelijkbaar onderwijs als 1° of 2° "
                       "buiten Nederland, 4°: alleen als hij op enig moment tijdens dat onderwijs jonger is dan 30 of "
                       "30 werd in de maand van aanvang, zie aanvang_onderwijs); buitenland_bbl (een met 3° "
                       "vergelijkbare beroepsopleiding buiten Nederland, 4°, zonder leeftijdsgrens)"})
    aanvang_onderwijs = Datum(load_default=None, allow_none=True, metadata={
        "description": "Alleen bij onderwijs buitenland voor wie 30 jaar of ouder is: de datum waarop het onderwijs "
                       "begon (met de geboortedatum te beoordelen: jonger dan 30 bij de aanvang of 30 geworden in de "
                       "maand van aanvang)"})

    @post_load
    def _maak(self, data, **kwargs):
        return Medebewoner(**data)


class VrijlatingSchema(InvoerSchema):
    soort = Tekst(required=True, validate=keuze(bn.VRIJLATINGEN), metadata={
        # no percentage, duration or age here: they are parameters and change with the law (issue 15)
        "description": "Participatiewet art. 31 lid 2: algemeen (onder n), alleenstaande_ouder (onder r), "
                       "medisch_urenbeperkt (onder y, zonder einddatum), doelgroep_loonkostensubsidie (onder z, na "
                       "onder n) of doelgroep_loonkostensubsidie_voortgezet (onder aa, na onder z, zonder einddatum). "
                       "Percentage, maximum en duur per datum: de parameters bijstand.vrijlating_arbeid.*, "
                       "bijstand.vrijlating_alleenstaande_ouder.*, bijstand.vrijlating_medisch_urenbeperkt.* en "
                       "bijstand.vrijlating_doelgroep_lks.* (GET /api/v1/parameters). Onder n en r gelden niet onder "
                       "de leeftijd bijstand.vrijlatingen.minimumleeftijd (lid 5)."})
    maand = Geheel(load_default=1, validate=tussen(1, 120), metadata={
        "description": "De hoeveelste maand van deze vrijlating het is op de peildatum (1 = de eerste); "
                       "niet van belang bij onder y en aa. Met begindatum volgt maand daaruit"})
    begindatum = Datum(load_default=None, metadata={
        "description": "Sinds wanneer de vrijlating loopt (JJJJ-MM-DD), in plaats van maand: maand k loopt van "
                       "begindatum + (k − 1) maanden tot begindatum + k maanden. Niet na de peildatum; met maand "
                       "erbij moeten ze overeenkomen", "example": "2026-10-01"})
    kind_jonger_dan_12 = JaNee(load_default=False, metadata={
        "description": "Alleen bij alleenstaande_ouder: volledige zorg voor een kind jonger dan 12 jaar"})

    @post_load
    def _maak(self, data, **kwargs):
        return bn.Vrijlating(**data)


class BijstandsnormInvoer(InvoerSchema):
    peildatum = Datum(load_default=vandaag, metadata={"description": "De datum waarop wordt gerekend; standaard vandaag"})
    belanghebbende = Genest(PersoonSchema, required=True)
    partner = Genest(PersoonSchema, load_default=None, allow_none=True,
                     metadata={"description": "De echtgenoot of partner met een gezamenlijke huishouding, of null"})
    kinderen = JaNee(load_default=False, metadata={"description": "Een of meer ten laste komende kinderen"})
    medebewoners = Lijst(Genest(MedebewonerSchema), load_default=list,
                         validate=validate.Length(max=MAX_MEDEBEWONERS,
                                                  error=_Sjabloon("Vul ten hoogste %(n)s medebewoners in.", n="max")))
    netto_inkomsten_per_maand = Getal(load_default=Decimal(0), validate=minimaal(0), metadata={
        "description": "Netto inkomsten uit arbeid per maand (van het gezin)", "example": "600.00"})
    vrijlating = Genest(VrijlatingSchema, load_default=None, allow_none=True)
    vrijwilligersvergoeding_per_maand = Getal(load_default=Decimal(0), validate=minimaal(0), metadata={
        "description": "Vrijwilligersvergoeding per maand"})
    netto_inkomsten_per_vier_weken = Getal(load_default=None, allow_none=True, validate=minimaal(0), metadata={
        "description": "In plaats van netto_inkomsten_per_maand: netto inkomsten uit arbeid per 4 weken, voor wie per "
                       "4 weken wordt betaald; omgerekend naar een maand volgens omrekening_vier_weken",
        "example": "1300.00"})
    omrekening_vier_weken = Tekst(load_default="dertien_twaalfde", validate=keuze(tuple(bn.OMREKENINGEN_VIER_WEKEN)),
                                  metadata={"description": "Omrekening van 4 weken naar een maand: dertien_twaalfde "
                                            "(× 13 / 12, standaard) of dertig_achtentwintigste (÷ 28 × 30); de wet "
                                            "schrijft er geen voor, gemeenten verschillen"})
    mantelzorg = JaNee(load_default=False, metadata={
        "description": "Participatiewet art. 22a lid 4 (sinds de Participatiewet in balans): de belanghebbende gebruikt tijdelijk "
                       "een hoofdverblijf elders om mantelzorg te geven bij een intensieve zorgbehoefte; dan geldt de "
                       "kostendelersnorm niet. Op een peildatum vóór bijstand.kostendelers.mantelzorg_uitzondering geeft "
                       "true een fout (422)."})

    @validates_schema(pass_original=True, skip_on_field_errors=False)
    def _huishouden(self, data, original=None, **kwargs):
        fouten: dict = {}
        peildatum = data.get("peildatum")
        for veld in ("belanghebbende", "partner"):
            p = data.get(veld)
            if not isinstance(p, bn.Persoon) or peildatum is None:
                continue
            if p.geboortedatum and p.geboortedatum > peildatum:
                fouten[veld] = {"geboortedatum": ["De geboortedatum ligt na de peildatum."]}
            elif p.leeftijd_op(peildatum) < 18:
                sleutel = "geboortedatum" if p.geboortedatum else "leeftijd"
                fouten[veld] = {sleutel: ["De belanghebbende en de partner moeten 18 jaar of ouder zijn: "
                                          "de Participatiewet kent geen bijstandsnorm onder de 18 jaar."]}
        for i, mb in enumerate(data.get("medebewoners") or []):
            if not isinstance(mb, Medebewoner):
                continue
            if mb.relatie == "partner":
                fouten.setdefault("medebewoners", {})[i] = {"relatie": [
                    "De partner is twee keer opgegeven: hij of zij staat al bij 'partner' en is geen medebewoner."
                    if data.get("partner") else
                    "Een partner is geen medebewoner: vul de partner in bij 'partner'."]}
            elif peildatum and mb.geboortedatum and mb.geboortedatum > peildatum:
                fouten.setdefault("medebewoners", {})[i] = {"geboortedatum": ["De geboortedatum ligt na de peildatum."]}
            elif mb.aanvang_onderwijs and mb.onderwijs != "buitenland":
                fouten.setdefault("medebewoners", {})[i] = {"aanvang_onderwijs": [
                    "De aanvang van het onderwijs is alleen nodig bij onderwijs buiten Nederland (buitenland)."]}
            elif peildatum and mb.aanvang_onderwijs and mb.aanvang_onderwijs > peildatum:
                fouten.setdefault("medebewoners", {})[i] = {"aanvang_onderwijs": [
                    "De aanvang van het onderwijs ligt na de peildatum."]}
        # rules that exist only from a date (art. 20 lid 3, art. 22a lid 4): reported with the other errors; the
        # engine checks the same (calculator.bijstandsnorm.nog_niet) for direct use and for the year overview
        if peildatum is not None:
            for veld, p in (("belanghebbende", data.get("belanghebbende")), ("partner", data.get("partner"))):
                if isinstance(p, bn.Persoon) and p.geen_beroep_op_ouders:
                    bericht = _nog_niet(bn.JONGEREN_VERHOGING, peildatum, bn.JONGEREN_NOG_NIET)
                    if bericht:
                        fouten.setdefault(veld, {})["geen_beroep_op_ouders"] = [bericht]
            if data.get("mantelzorg"):
                bericht = _nog_niet(bn.MANTELZORG, peildatum, bn.MANTELZORG_NOG_NIET)
                if bericht:
                    fouten["mantelzorg"] = [bericht]
        if data.get("netto_inkomsten_per_vier_weken") is not None and data.get("netto_inkomsten_per_maand"):
            fouten["netto_inkomsten_per_vier_weken"] = [bn.ZOWEL_MAAND_ALS_VIER_WEKEN]
        v = data.get("vrijlating")
        if isinstance(v, bn.Vrijlating) and v.begindatum is not None and peildatum is not None:
            if v.begindatum > peildatum:
                fouten.setdefault("vrijlating", {})["begindatum"] = ["De vrijlating kan niet na de peildatum beginnen."]
            elif isinstance(original, dict) and isinstance(original.get("vrijlating"), dict) and \
                    "maand" in original["vrijlating"] and \
                    v.maand != bn.maand_van_vrijlating(v.begindatum, peildatum):
                fouten.setdefault("vrijlating", {})["maand"] = [
                    f"De maand past niet bij de begindatum: op de peildatum is het maand "
                    f"{bn.maand_van_vrijlating(v.begindatum, peildatum)}. Vul alleen de begindatum in, of alleen de maand."]
        if isinstance(v, bn.Vrijlating) and v.soort == "alleenstaande_ouder" and data.get("partner"):
            fouten["vrijlating"] = {"soort": ["De vrijlating voor een alleenstaande ouder kan niet met een partner."]}
        if fouten:
            raise ValidationError(fouten)

    @post_load
    def _maak(self, data, **kwargs):
        data["medebewoners"] = tuple(data["medebewoners"])
        v = data.get("vrijlating")
        if isinstance(v, bn.Vrijlating) and v.begindatum is not None:
            # maand follows from the begindatum, so the rekenbewijs holds both, consistent, and can be replayed
            data["vrijlating"] = replace(v, maand=bn.maand_van_vrijlating(v.begindatum, data["peildatum"]))
        return bn.BijstandInvoer(**data)


def _nog_niet(naam: str, peildatum, wat: str) -> str | None:
    try:
        return bn.nog_niet(default_parameters(), naam, peildatum, wat)
    except MissingParameterError:
        return None  # a date without parameters: the calculation reports it


class MedebewonerOordeel(Schema):
    nummer = fields.Integer()
    leeftijd = fields.Integer()
    telt_mee = fields.Boolean(metadata={"description": "Kostendelende medebewoner (art. 19a lid 1)"})
    reden = fields.String()
    grondslag = fields.String(metadata={"description": "Het onderdeel van art. 19a lid 1 dat beslist",
                                        "example": "Participatiewet art. 19a lid 1 onder c"})


class InkomstenvrijlatingSchema(Schema):
    soort = fields.String(allow_none=True)
    percentage = Percentage(allow_none=True)
    maximum = Bedrag(allow_none=True)
    bedrag = Bedrag()
    van_toepassing = fields.Boolean()
    reden = fields.String(allow_none=True)
    grondslag = fields.String(allow_none=True)
    duur = fields.Integer(allow_none=True, metadata={
        "description": "Het aantal maanden dat de vrijlating ten hoogste duurt (parameter ...duur), of null zonder "
                       "einddatum (onder y en aa, onder n na de pensioengerechtigde leeftijd)"})
    eerste_maand = fields.String(allow_none=True, metadata={
        "description": "De eerste maand van de vrijlating (JJJJ-MM), teruggerekend uit vrijlating.maand", "example": "2026-10"})
    laatste_maand = fields.String(allow_none=True, metadata={
        "description": "De laatste maand waarin de vrijlating geldt (JJJJ-MM), of null zonder einddatum of als zij niet "
                       "van toepassing is", "example": "2027-03"})


class VrijwilligersSchema(Schema):
    vergoeding = Bedrag()
    vrijgelaten = Bedrag()
    maximum_per_maand = Bedrag(allow_none=True)
    maximum_per_jaar = Bedrag(allow_none=True)
    reden = fields.String(allow_none=True)


class DeelSchema(Schema):
    vanaf = fields.Date()
    aantal_kostendelers = fields.Integer()
    norm = Bedrag()


class BijstandMaandSchema(Schema):
    maand = fields.String(metadata={"example": "2026-07"})
    delen = fields.List(fields.Nested(DeelSchema), metadata={"description": "Meer dan één bij een wijziging in de maand"})
    vrijgelaten = Bedrag(allow_none=True, metadata={
        "description": "Vanaf de maand van de peildatum, bij gelijke inkomsten: inkomstenvrijlating (de maanden tellen "
                       "door) plus vrijgelaten vrijwilligersvergoeding; null voor eerdere maanden"})
    aanvullende_bijstand = Bedrag(allow_none=True, metadata={
        "description": "Vanaf de maand van de peildatum, bij gelijke inkomsten, met de norm op de 1e van de maand; "
                       "null voor eerdere maanden"})
    bekend = fields.Boolean(metadata={
        "description": "False voor een maand na de horizon van de parameters: dan zijn delen leeg en de bedragen null"})
    bekend_tot = fields.Date(allow_none=True, metadata={
        "description": "Bij bekend = false: de laatste datum waarvoor de waarden bekend zijn"})


class JaaroverzichtSchema(Schema):
    jaar = fields.Integer()
    aantal_wijzigingen = fields.Integer()
    maanden = fields.List(fields.Nested(BijstandMaandSchema))


class MaandoverzichtSchema(Schema):
    van = fields.String(metadata={"description": "De maand van de peildatum (JJJJ-MM)", "example": "2026-12"})
    tot = fields.String(metadata={
        "description": "De laatste maand: minstens 12 maanden vanaf de peildatum, en bij een vrijlating met een einde "
                       "tot en met de maand na haar laatste maand", "example": "2027-11"})
    aantal_wijzigingen = fields.Integer()
    bekend_tot = fields.Date(allow_none=True, metadata={
        "description": "Als maanden na de horizon vallen: de laatste datum waarvoor de waarden bekend zijn; anders null"})
    maanden = fields.List(fields.Nested(BijstandMaandSchema))


class BijstandsnormResultaat(Schema):
    leefvorm = fields.String(metadata={"enum": ["alleenstaande", "alleenstaande_ouder", "gehuwden"]})
    normartikel = fields.String()
    aantal_kostendelers = fields.Integer(metadata={"description": "A in art. 22a lid 1"})
    kostendelersnorm_toegepast = fields.Boolean()
    mantelzorg_uitzondering = fields.Boolean(metadata={
        "description": "True als de kostendelersnorm niet is toegepast omdat de belanghebbende tijdelijk elders "
                       "mantelzorg geeft (art. 22a lid 4)"})
    verhoging_jongeren = Bedrag(allow_none=True, metadata={
        "description": "De verhoging van de norm voor een jongere van 18-20 die geen beroep kan doen op zijn ouders "
                       "(art. 20 lid 3), na het maximum van lid 4; null als zij niet is toegepast"})
    norm_per_persoon = Bedrag(allow_none=True)
    gehuwdennorm_b = Bedrag(allow_none=True, metadata={"description": "B in art. 22a lid 1"})
    norm = Bedrag(metadata={"description": "Norm van het huishouden, inclusief vakantietoeslag"})
    norm_excl_vakantietoeslag = Bedrag()
    vakantietoeslag = Bedrag()
    norm_zonder_kostendelers = Bedrag()
    verschil = Bedrag(metadata={"description": "norm_zonder_kostendelers − norm"})
    medebewoners = fields.List(fields.Nested(MedebewonerOordeel))
    netto_inkomsten_per_maand = Bedrag(metadata={"description": "Zoals ingevuld, of omgerekend van 4 weken"})
    netto_inkomsten_per_vier_weken = Bedrag(allow_none=True, metadata={"description": "Zoals ingevuld, of null"})
    omrekening_vier_weken = fields.String(allow_none=True, metadata={
        "description": "De gebruikte omrekening naar een maand (bijvoorbeeld '× 13 / 12'), of null", "example": "× 13 / 12"})
    inkomstenvrijlating = fields.Nested(InkomstenvrijlatingSchema)
    vrijwilligersvergoeding = fields.Nested(VrijwilligersSchema)
    vrijgelaten = Bedrag()
    in_aanmerking_genomen_inkomsten = Bedrag()
    aanvullende_bijstand = Bedrag()
    jaaroverzicht = fields.Nested(JaaroverzichtSchema, metadata={"description": "De maanden van het kalenderjaar van de peildatum"})
    maandoverzicht = fields.Nested(MaandoverzichtSchema, metadata={
        "description": "De maanden vanaf de peildatum (minstens 12, tot na het einde van de vrijlating), ook over de "
                       "jaargrens; maanden na de horizon met bekend = false"})


SOORT = registreer(Soort(
    naam=bn.SOORT,
    titel="Bijstandsnorm en kostendelersnorm",
    omschrijving="Bijstandsnorm van het huishouden (Participatiewet art. 20-22a) met de kostendelersnorm, "
                 "per medebewoner of hij meetelt, en de aanvullende bijstand naast inkomsten na de vrijlatingen (art. 31).",
    invoer_schema=BijstandsnormInvoer,
    resultaat_schema=BijstandsnormResultaat,
    bereken=bn.bereken,
    voorbeeld={
        "peildatum": "2026-01-01",
        "belanghebbende": {"geboortedatum": "1980-04-12"},
        "partner": None,
        "kinderen": False,
        "medebewoners": [
            {"geboortedatum": "1955-03-01", "relatie": "familie", "commerciele_relatie": False, "onderwijs": "geen"},
            {"leeftijd": 22, "relatie": "familie", "commerciele_relatie": False, "onderwijs": "wsf"},
        ],
        "netto_inkomsten_per_maand": "400.00",
        "vrijlating": {"soort": "algemeen", "maand": 2},
        "vrijwilligersvergoeding_per_maand": "100.00",
    },
    dekking_varianten=(
        {"belanghebbende": {"leeftijd": 19}, "partner": {"leeftijd": 30}, "kinderen": True,
         "medebewoners": [{"leeftijd": 40}]},
        {"belanghebbende": {"leeftijd": 19}, "partner": {"leeftijd": 20}, "kinderen": False},
        {"belanghebbende": {"leeftijd": 70}, "partner": {"leeftijd": 60}, "medebewoners": [{"leeftijd": 35}]},
        {"belanghebbende": {"leeftijd": 35}, "kinderen": True, "netto_inkomsten_per_maand": "900",
         "vrijlating": {"soort": "alleenstaande_ouder", "maand": 10, "kind_jonger_dan_12": True}},
        # onder y exists in every supported month (onder z and aa only from 2023: they cannot be a coverage case)
        {"belanghebbende": {"leeftijd": 24}, "netto_inkomsten_per_maand": "1100",
         "vrijlating": {"soort": "medisch_urenbeperkt", "maand": 1}},
        # art. 19a lid 1 onder b (an aanverwant still counts), onder c and onder d 4°; onder n at AOW age (no end)
        {"belanghebbende": {"leeftijd": 40}, "netto_inkomsten_per_maand": "400",
         "medebewoners": [{"leeftijd": 60, "relatie": "aanverwant", "commerciele_relatie": True},
                          {"leeftijd": 35, "relatie": "familie", "commerciele_relatie_derde": True},
                          {"leeftijd": 31, "onderwijs": "buitenland"}, {"leeftijd": 45, "onderwijs": "buitenland_bbl"}]},
        {"belanghebbende": {"leeftijd": 70}, "netto_inkomsten_per_maand": "400",
         "vrijlating": {"soort": "algemeen", "maand": 10}},
    ),
    volgorde=20,
))

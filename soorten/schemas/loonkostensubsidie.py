"""API contract for the loonkostensubsidie (Participatiewet art. 10d)."""

from __future__ import annotations

from decimal import Decimal

from marshmallow import Schema, ValidationError, fields, post_load, validates_schema

from calculator import loonkostensubsidie as lks
from calculator.explanation import Melding

from ..fields import Bedrag, Datum, Geheel, Getal, InvoerSchema, JaNee, Percentage, tussen
from ..register import Soort, registreer
from .common import PersoonVelden, vandaag


class LoonkostensubsidieInvoer(PersoonVelden, InvoerSchema):
    peildatum = Datum(load_default=vandaag, metadata={"description": "De datum waarop wordt gerekend; standaard vandaag"})
    uren_per_week = Getal(required=True, validate=tussen(Decimal("0.01"), 60),
                          metadata={"description": "Contracturen per week", "example": "32"})
    voltijd_uren_per_week = Getal(load_default=lks.STANDAARD_VOLTIJD_UREN, validate=tussen(1, 60),
                                  metadata={"description": "Voltijdse arbeidsduur per week van de functie (standaard 38). De contracturen tellen ten hoogste zo zwaar (Participatiewet art. 10d lid 4); vóór 2024 is dit ook de arbeidsduur waarnaar de subsidie naar evenredigheid wordt verminderd", "example": "38"})
    loonwaarde = Geheel(load_default=None, validate=tussen(0, 100),
                        metadata={"description": "Loonwaarde in hele procenten van het WML (0-100); niet nodig bij forfaitair", "example": 60})
    forfaitair = JaNee(load_default=False, metadata={"description": "Forfaitaire loonkostensubsidie (percentage lks.forfaitair_percentage, ten hoogste lks.forfaitair_maximale_duur maanden; GET /api/v1/parameters) zolang de loonwaarde niet is vastgesteld"})
    bbl = JaNee(load_default=False, metadata={"description": "Werknemer volgt de beroepsbegeleidende leerweg (BBL), van belang van 18 tot 21 jaar"})
    functieloon_per_uur = Getal(load_default=None, validate=tussen(Decimal("0.01"), 1000),
                                metadata={"description": "Bruto uurloon volgens cao of arbeidsovereenkomst (optioneel)"})
    begindatum_dienstbetrekking = Datum(load_default=None, metadata={
        "description": "Begindatum van de dienstbetrekking (optioneel). Het jaartotaal telt alleen de maanden van de "
                       "dienstbetrekking; de forfaitaire loonkostensubsidie loopt de eerste 6 maanden vanaf deze datum "
                       "(art. 10d lid 5); begint de dienstbetrekking in het jaar, dan geldt het minimumloon van deze "
                       "datum (daarna opnieuw per 1 januari, lid 7). Zonder begindatum: het hele jaar.",
        "example": "2026-03-01"})
    einddatum_dienstbetrekking = Datum(load_default=None, metadata={
        "description": "Einddatum van de dienstbetrekking (optioneel, de laatste dag). Het jaartotaal telt alleen de "
                       "maanden tot en met deze datum; een maand die maar voor een deel in de dienstbetrekking valt, "
                       "telt naar kalenderdagen."})
    jaaroverzicht = JaNee(load_default=False, metadata={
        "description": "Ook de 12 maanden van het kalenderjaar van de peildatum tonen (`per_jaar.maanden`): "
                       "alle maanden met het minimumloon van 1 januari (of van de begindatum), een verjaardag die het "
                       "minimumjeugdloon verhoogt, het begin en einde van de dienstbetrekking en het einde van de "
                       "forfaitaire periode. De jaartotalen staan "
                       "altijd in `per_jaar`; zonder deze keuze is `per_jaar.maanden` null."})

    @validates_schema
    def _loonwaarde_nodig(self, data, **kwargs):
        fouten = {}
        if not data.get("forfaitair") and data.get("loonwaarde") is None:
            fouten["loonwaarde"] = ["Vul de loonwaarde in (0 tot en met 100), of kies forfaitair."]
        begin, eind = data.get("begindatum_dienstbetrekking"), data.get("einddatum_dienstbetrekking")
        peildatum = data.get("peildatum")
        if begin and eind and eind < begin:
            fouten["einddatum_dienstbetrekking"] = ["De einddatum van de dienstbetrekking ligt vóór de begindatum."]
        if begin and peildatum and peildatum < begin:
            fouten["peildatum"] = ["De peildatum ligt vóór de begindatum van de dienstbetrekking: dan is er nog geen "
                                   "loonkostensubsidie. Kies een peildatum vanaf de begindatum."]
        elif eind and peildatum and peildatum > eind:
            fouten["peildatum"] = ["De peildatum ligt na de einddatum van de dienstbetrekking: dan is er geen "
                                   "loonkostensubsidie meer. Kies een peildatum tot en met de einddatum."]
        if fouten:
            raise ValidationError(fouten)

    @post_load
    def _maak(self, data, **kwargs):
        return lks.LksInvoer(**data)


class LksMaandSchema(Schema):
    maand = fields.String(metadata={"example": "2026-07"})
    leeftijd = fields.List(fields.Integer(), metadata={"description": "Leeftijd(en) in de maand; twee bij een verjaardag na de 1e"})
    wml_per_maand_incl_vakantiebijslag = Bedrag()
    loonkostensubsidie = Bedrag()
    werkgeverslasten = Bedrag()
    totaal = Bedrag()


class PerJaarSchema(Schema):
    jaar = fields.Integer()
    vastgesteld_per = fields.Date(metadata={
        "description": "De datum waarvan het minimumloon voor het hele jaar geldt: 1 januari, of de begindatum als "
                       "de dienstbetrekking later in het jaar begint (Participatiewet art. 10d lid 7)"})
    loonkostensubsidie = Bedrag()
    werkgeverslasten = Bedrag()
    totaal = Bedrag()
    maanden = fields.List(fields.Nested(LksMaandSchema), allow_none=True,
                          metadata={"description": "Alleen met `\"jaaroverzicht\": true` in de invoer; anders null"})


class LoonkostensubsidieResultaat(Schema):
    leeftijd = fields.Integer()
    minimumloon_percentage = Percentage(metadata={"description": "Minimumjeugdloon als percentage van het WML (100 vanaf 21 jaar), zoals de loonkostensubsidie het gebruikt: Wml art. 8 lid 3 (Participatiewet art. 2), ook bij BBL"})
    wml_per_uur = Bedrag(metadata={"description": "Wettelijk minimumloon per uur op de peildatum (bij BBL het BBL-bedrag): wat de werkgever ten minste betaalt"})
    wml_per_uur_indicatief = fields.Boolean(metadata={"description": "Waar vóór 2024: de wet kende toen geen uurloon"})
    wml_per_maand = Bedrag(metadata={"description": "Wettelijk minimumloon per maand (Participatiewet art. 2) voor de contracturen, excl. vakantiebijslag: vanaf 2024 het maandbedrag × uren / 36, met ten hoogste de voltijduren van de functie (art. 10d lid 4)"})
    vakantiebijslag = Bedrag()
    wml_per_maand_incl_vakantiebijslag = Bedrag()
    loonwaarde_per_maand = Bedrag(allow_none=True)
    maximum_loonkostensubsidie = Bedrag()
    maximum_bereikt = fields.Boolean()
    loonkostensubsidie = Bedrag()
    werkgeverslasten = Bedrag()
    totaal = Bedrag()
    functieloon_per_maand_incl_vakantiebijslag = Bedrag(allow_none=True)
    eigen_kosten_werkgever_boven_wml = Bedrag(allow_none=True)
    per_jaar = fields.Nested(PerJaarSchema, metadata={"description": "Het kalenderjaar van de peildatum: de totalen over de maanden van de dienstbetrekking (zonder begindatum: het hele jaar)"})


SOORT = registreer(Soort(
    naam=lks.SOORT,
    titel=Melding("lks.soort.titel"),  # texts in calculator/teksten/loonkostensubsidie.yaml
    omschrijving=Melding("lks.soort.omschrijving"),
    invoer_schema=LoonkostensubsidieInvoer,
    resultaat_schema=LoonkostensubsidieResultaat,
    bereken=lks.bereken,
    gelijke_uitkomst=lks.gelijke_uitkomst,
    voorbeeld={"peildatum": "2026-01-01", "geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60},
    volgorde=10,
    # the 12 months as the web page asks for them, for a young worker (a birthday after the 1st that raises
    # the minimumjeugdloon during the year) and in the forfaitaire period; then the same two cases as the API
    # answers them by default (the year totals from runs of identical months); then the dienstbetrekking dates
    # (tests/test_dekking.py also starts a dienstbetrekking on every tested date)
    dekking_varianten=(
        {"peildatum": "2026-01-01", "geboortedatum": "2006-05-10", "uren_per_week": 32, "loonwaarde": 60,
         "jaaroverzicht": True},
        {"peildatum": "2026-01-01", "leeftijd": 30, "uren_per_week": 24, "forfaitair": True, "jaaroverzicht": True},
        {"peildatum": "2026-01-01", "geboortedatum": "2006-05-10", "uren_per_week": 32, "loonwaarde": 60},
        {"peildatum": "2026-01-01", "leeftijd": 30, "uren_per_week": 24, "forfaitair": True},
        # a dienstbetrekking around every supported peildatum and a year added by data (test_horizon), more hours
        # than the function's full time
        {"peildatum": "2026-01-01", "leeftijd": 30, "uren_per_week": 40, "voltijd_uren_per_week": 38, "loonwaarde": 50,
         "begindatum_dienstbetrekking": "2021-06-15", "einddatum_dienstbetrekking": "2030-03-10"},
    ),
))

"""API contract for the vrijwilligersvergoeding check (Wet LB 1964 art. 2 lid 6 and the Belastingdienst's hourly
amounts; Participatiewet art. 31 lid 2 onder k)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from calculator import vrijwilligersvergoeding as vv
from calculator.money import NUL

from ..fields import Bedrag, Datum, Geheel, Genest, Getal, InvoerSchema, JaNee, Lijst, decimalen, tussen
from ..register import Soort, registreer
from .common import Jaren

MAX_BEDRAG = Decimal(100_000)  # per month; far above any cap, keeps nonsense input out
MAX_UREN = Decimal(744)  # 31 days × 24 hours


class MaandInvoerSchema(InvoerSchema):
    maand = Geheel(required=True, validate=tussen(1, 12), metadata={"description": "Kalendermaand, 1 tot en met 12", "example": 3})
    vergoeding = Getal(required=True, validate=tussen(0, MAX_BEDRAG),
                       metadata={"description": "Alles wat de vrijwilliger in de maand ontving, inclusief kostenvergoedingen (euro)", "example": "150"})
    # hours to the hundredth: the engine divides by them (vergoeding per uur)
    uren = Getal(load_default=None, validate=[tussen(0, MAX_UREN), decimalen(2)],
                 metadata={"description": "Gewerkte uren in de maand, ten hoogste 2 decimalen; nodig om het uurbedrag van de Belastingdienst te toetsen (optioneel)", "example": "30"})
    aangetoonde_kosten = Getal(load_default=NUL, validate=tussen(0, MAX_BEDRAG),
                               metadata={"description": "Deel van de vergoeding dat werkelijk gemaakte kosten vergoedt, aangetoond met bonnen (optioneel)", "example": "0"})

    @validates_schema
    def _kosten_niet_hoger(self, data, **kwargs):
        v, k = data.get("vergoeding"), data.get("aangetoonde_kosten")
        if v is not None and k is not None and k > v:
            raise ValidationError("De aangetoonde kosten kunnen niet hoger zijn dan de vergoeding van die maand.",
                                  "aangetoonde_kosten")

    @post_load
    def _maak(self, data, **kwargs):
        return vv.MaandInvoer(**data)


class VrijwilligersvergoedingInvoer(InvoerSchema):
    jaar = Geheel(required=True, validate=Jaren(vv.BESTAND, error="Vul een waarde van {min} tot en met {max} in."),
                  metadata={"description": "Kalenderjaar; de jaren volgen uit de parameters (minimum en maximum; een "
                                           "jaar na het maximum geeft een 422 met bekend_tot)", "example": 2026})
    geboortedatum = Datum(load_default=None, metadata={"description": "Geboortedatum (JJJJ-MM-DD); geeft de leeftijd in elke maand"})
    leeftijd = Geheel(load_default=None, validate=tussen(0, 125),
                      metadata={"description": "Leeftijd in jaren, als de geboortedatum niet bekend is (geldt dan voor het hele jaar)"})
    maanden = Lijst(Genest(MaandInvoerSchema), required=True,
                    validate=validate.Length(min=1, max=12, error="Vul 1 tot en met 12 maanden in."),
                    metadata={"description": "De maanden met een vergoeding; elke maand ten hoogste één keer"})
    ontvangt_bijstand = JaNee(load_default=False, metadata={"description": "De vrijwilliger ontvangt bijstand (Participatiewet)"})

    # skip_on_field_errors=False: duplicate months and person errors are reported together with field errors.
    @validates_schema(pass_original=True, skip_on_field_errors=False)
    def _samenhang(self, data, original, **kwargs):
        fouten: dict = {}
        if data.get("geboortedatum") is not None and data.get("leeftijd") is not None:
            fouten["leeftijd"] = ["Vul een geboortedatum óf een leeftijd in, niet allebei."]
        elif isinstance(original, dict) and original.get("geboortedatum") in (None, "") \
                and original.get("leeftijd") in (None, ""):
            fouten["geboortedatum"] = ["Vul een geboortedatum of een leeftijd in."]
        jaar = data.get("jaar")
        if data.get("geboortedatum") and isinstance(jaar, int) and data["geboortedatum"] > date(jaar, 12, 31):
            fouten.setdefault("geboortedatum", []).append("De geboortedatum ligt na het gekozen jaar.")
        # Duplicates are found on the raw input, so they are reported even when another month has an error.
        ruw = original.get("maanden") if isinstance(original, dict) else None
        if isinstance(ruw, list):
            gezien: dict[int, int] = {}
            dubbel: dict = {}
            for i, item in enumerate(ruw):
                maand = item.get("maand") if isinstance(item, dict) else None
                if isinstance(maand, int) and not isinstance(maand, bool):
                    if maand in gezien:
                        dubbel[i] = {"maand": [f"Maand {maand} staat al in maanden[{gezien[maand]}]; "
                                               "vul elke maand één keer in."]}
                    else:
                        gezien[maand] = i
            if dubbel:
                fouten["maanden"] = dubbel
        if fouten:
            raise ValidationError(fouten)

    @post_load
    def _maak(self, data, **kwargs):
        data["maanden"] = tuple(data["maanden"])
        return vv.VrijwilligersInvoer(**data)


class MaandResultaatSchema(Schema):
    maand = fields.Integer(metadata={"example": 3})
    naam = fields.String(metadata={"example": "maart"})
    leeftijd = fields.Integer(metadata={"description": "Leeftijd op de eerste dag van de maand; die bepaalt het uurbedrag"})
    vergoeding = Bedrag()
    aangetoonde_kosten = Bedrag()
    vergoeding_voor_inzet = Bedrag(metadata={"description": "Vergoeding min aangetoonde kosten: getoetst aan het uurbedrag"})
    uren = fields.Decimal(as_string=True, allow_none=True)
    vergoeding_per_uur = Bedrag(allow_none=True, metadata={"description": "Ter informatie, afgerond op de cent; de toets zelf is exact"})
    max_per_uur = Bedrag(metadata={"description": "Uurbedrag van de Belastingdienst voor de leeftijd (geen wettelijke grens: daarboven is de vergoeding alleen onbelast als de organisatie kan uitleggen dat zij niet marktconform is)"})
    max_per_maand = Bedrag(metadata={"description": "Wettelijk maximum per maand (Wet LB 1964 art. 2 lid 6)"})
    max_voor_uren = Bedrag(allow_none=True, metadata={"description": "Ten hoogste te vergoeden voor de ingevulde uren: uurbedrag × uren plus aangetoonde kosten, niet meer dan het maximum per maand; naar beneden afgerond op de cent. Leeg zonder uren"})
    binnen_grenzen = fields.Boolean(metadata={"description": "Uurbedrag en maandmaximum in deze maand gerespecteerd"})
    overschreden = fields.List(fields.String(validate=validate.OneOf(["uur", "maand"])),
                               metadata={"description": "Wat in deze maand is overschreden: uur (het uurbedrag van de Belastingdienst), maand (het wettelijke maximum)"})
    oordeel = fields.String(metadata={"description": "Het oordeel over deze maand in woorden (het oordeel over het jaar staat in `oordeel` van het resultaat)"})
    belastbaar = Bedrag(metadata={"description": "Belast deel van deze maand: alles behalve aangetoonde kosten als het jaaroordeel 'belast' is, anders 0"})
    vrijgelaten = Bedrag(allow_none=True, metadata={"description": "Bijstand: buiten beschouwing gelaten (art. 31 lid 2 onder k)"})
    in_mindering = Bedrag(allow_none=True, metadata={"description": "Bijstand: in mindering op de uitkering"})


class BijstandResultaatSchema(Schema):
    max_per_jaar = Bedrag()
    vrijgelaten = Bedrag()
    in_mindering = Bedrag()
    jaarmaximum_gebruikt = Bedrag(metadata={"description": "Deel van het jaarmaximum van onderdeel k dat is gebruikt"})


class VrijwilligersvergoedingResultaat(Schema):
    jaar = fields.Integer()
    oordeel = fields.String(metadata={
        "enum": list(vv.OORDELEN),
        "description": "onbelast: het maximum per maand en per jaar (Wet LB 1964 art. 2 lid 6) en de uurbedragen van de "
                       "Belastingdienst zijn gerespecteerd; onbelast_mits_niet_marktconform: alleen een uurbedrag is "
                       "overschreden, onbelast als de organisatie kan uitleggen dat de vergoeding niet marktconform is; "
                       "belast: een maximum per maand of per jaar is overschreden"})
    oordeel_toelichting = fields.String(metadata={"description": "De reden van het oordeel, in gewone taal"})
    binnen_grenzen = fields.Boolean(metadata={"description": "Waar alleen bij oordeel 'onbelast': alle grenzen (uur, maand, jaar) gerespecteerd"})
    overschreden = fields.List(fields.String(), metadata={"description": "Overschreden grenzen in het jaar: uur (uurbedrag van de Belastingdienst), maand, jaar (wettelijk)"})
    totaal_vergoeding = Bedrag()
    totaal_aangetoonde_kosten = Bedrag()
    max_per_jaar = Bedrag()
    jaar_overschreden = fields.Boolean()
    uurmaximum_gecontroleerd = fields.Boolean(metadata={"description": "Onwaar als in een maand met vergoeding de uren ontbreken (het uurbedrag is dan niet getoetst)"})
    belastbaar_bedrag = Bedrag(metadata={"description": "Loon (belast): de hele vergoeding min aangetoonde kosten bij oordeel 'belast', anders 0 (bij 'onbelast_mits_niet_marktconform' onder die voorwaarde)"})
    belastbaar_bedrag_als_marktconform = Bedrag(allow_none=True, metadata={"description": "Alleen bij oordeel 'onbelast_mits_niet_marktconform': het bedrag dat belast is als de organisatie niet kan uitleggen dat de vergoeding niet marktconform is (de hele vergoeding min aangetoonde kosten); anders leeg"})
    onbelast_bedrag = Bedrag()
    maanden = fields.List(fields.Nested(MaandResultaatSchema))
    bijstand = fields.Nested(BijstandResultaatSchema, allow_none=True)


SOORT = registreer(Soort(
    naam=vv.SOORT,
    titel="Vrijwilligersvergoeding",
    omschrijving="Toets of een vrijwilligersvergoeding binnen de fiscale grenzen per uur, maand en jaar blijft, welk "
                 "deel belast is, en hoeveel een bijstandsgerechtigde mag houden (Participatiewet art. 31 lid 2 onder k).",
    invoer_schema=VrijwilligersvergoedingInvoer,
    resultaat_schema=VrijwilligersvergoedingResultaat,
    bereken=vv.bereken,
    voorbeeld={"jaar": 2026, "geboortedatum": "1980-06-15", "ontvangt_bijstand": True,
               "maanden": [{"maand": 1, "vergoeding": 150, "uren": 30},
                           {"maand": 2, "vergoeding": 180, "uren": 36, "aangetoonde_kosten": 20}]},
    volgorde=40,
    datumveld="jaar",
    dekking_varianten=(
        {"jaar": 2026, "leeftijd": 19, "ontvangt_bijstand": True,
         "maanden": [{"maand": m, "vergoeding": 60, "uren": 20} for m in range(1, 13)]},
        {"jaar": 2026, "geboortedatum": "2005-03-15", "ontvangt_bijstand": False,
         "maanden": [{"maand": 3, "vergoeding": 300, "uren": 10, "aangetoonde_kosten": 40},
                     {"maand": 7, "vergoeding": 100}]},
        # only the hourly amount exceeded: onbelast_mits_niet_marktconform
        {"jaar": 2026, "leeftijd": 40, "ontvangt_bijstand": True,
         "maanden": [{"maand": 5, "vergoeding": 200, "uren": 10}, {"maand": 6, "vergoeding": 50, "uren": "7.5"}]},
    ),
))

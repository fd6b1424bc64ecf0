"""API contract for the quotumheffing (Wet banenafspraak en quotum arbeidsbeperkten; Wfsv art. 34, 38a-38j)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from calculator import quotumheffing as q
from calculator.explanation import Melding

from ..fields import Bedrag, Geheel, Getal, InvoerSchema, Percentage, Tekst, keuze, minimaal, tussen
from ..soorten import Soort, registreer
from .common import Jaren


class QuotumheffingInvoer(InvoerSchema):
    jaar = Geheel(required=True,
                  validate=Jaren(q.BESTAND, error="Kies een jaar van {min} tot en met {max}; andere jaren worden niet ondersteund."),
                  metadata={"description": "Het kalenderjaar waarover de heffing gaat; de jaren volgen uit de parameters "
                                           "(minimum en maximum; een jaar na het maximum geeft een 422 met bekend_tot)",
                            "example": 2024})
    sector = Tekst(required=True, validate=keuze(q.SECTOREN),
                   metadata={"description": "Sector van de werkgever: markt of overheid", "example": "overheid"})
    verloonde_uren_totaal = Getal(required=True, validate=minimaal(0),
                                  metadata={"description": "Alle verloonde uren van de werkgever in het jaar (loonaangifte, eigen werknemers)", "example": "100000"})
    verloonde_uren_totaal_vorig_jaar = Getal(
        load_default=None, validate=minimaal(0),
        metadata={"description": "Alle verloonde uren van de werkgever in het kalenderjaar vóór het heffingsjaar "
                                 "(optioneel). Wfsv art. 34 lid 4: bleef de werkgever in dat jaar onder de grens, dan "
                                 "is er geen quotumheffing verschuldigd. Zonder dit getal wordt die toets niet gedaan "
                                 "en zegt de uitkomst dat.", "example": "98000"})
    verloonde_uren_doelgroep = Getal(required=True, validate=minimaal(0),
                                     metadata={"description": "Verloonde uren van eigen werknemers uit de doelgroep banenafspraak; deel van het totaal", "example": "1331"})
    verloonde_uren_doelgroep_ingeleend = Getal(load_default=Decimal(0), validate=minimaal(0),
                                               metadata={"description": "Uren van ingeleende werknemers uit de doelgroep banenafspraak (uitzendkrachten, gedetacheerden); tellen mee voor de inlener", "example": "0"})
    quotumpercentage = Getal(load_default=None, validate=tussen(0, 100),
                             metadata={"description": "Quotumpercentage om mee te rekenen; verplicht als er voor het jaar en de sector geen officieel percentage bekend is. Gaat vóór het officiële percentage. Wordt naar beneden afgerond op twee cijfers achter de komma (Wfsv art. 38f lid 1): 2.768 wordt 2.76.", "example": "2.76"})

    @validates_schema
    def _doelgroep_niet_meer_dan_totaal(self, data, **kwargs):
        totaal, doelgroep = data.get("verloonde_uren_totaal"), data.get("verloonde_uren_doelgroep")
        if totaal is not None and doelgroep is not None and totaal >= 0 and doelgroep > totaal:
            raise ValidationError(
                "De verloonde uren van werknemers uit de doelgroep kunnen niet meer zijn dan het totaal aantal "
                "verloonde uren. Ingeleende uren vult u apart in.", "verloonde_uren_doelgroep")

    @post_load
    def _maak(self, data, **kwargs):
        return q.QuotumInvoer(**data)


class Aantal(fields.Decimal):
    """A count of arbeidsplaatsen, exact in the engine; shown with 4 decimals (display only)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("metadata", {}).setdefault("example", "2.0737")
        super().__init__(as_string=True, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return str(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


class QuotumheffingResultaat(Schema):
    jaar = fields.Integer()
    sector = fields.String()
    quotumplichtig = fields.Boolean(metadata={"description": "Waar als de werkgever in het heffingsjaar (Wfsv art. 34 lid 6) en, als dat is ingevuld, in het jaar ervoor (lid 4) niet minder dan de grens (parameter quotum.drempel_verloonde_uren: 25 × het gemiddeld aantal verloonde uren per werknemer) had"})
    drempel_verloonde_uren = Percentage(metadata={"description": "De grens in verloonde uren voor het heffingsjaar"})
    drempel_verloonde_uren_vorig_jaar = Percentage(allow_none=True, metadata={"description": "De grens in verloonde uren voor het jaar vóór het heffingsjaar; leeg als die uren niet zijn ingevuld"})
    vorig_jaar_getoetst = fields.Boolean(metadata={"description": "Is de toets van Wfsv art. 34 lid 4 (het jaar vóór het heffingsjaar) gedaan? Onwaar als verloonde_uren_totaal_vorig_jaar ontbreekt"})
    onder_drempel_vorig_jaar = fields.Boolean(allow_none=True, metadata={"description": "Had de werkgever in het jaar vóór het heffingsjaar minder dan de grens (art. 34 lid 4: dan geen heffing)? Leeg als niet getoetst"})
    onder_drempel_heffingsjaar = fields.Boolean(metadata={"description": "Had de werkgever in het heffingsjaar minder dan de grens (art. 34 lid 6: dan geen heffing)?"})
    quotumpercentage = Percentage(allow_none=True, metadata={"description": "Het gebruikte quotumpercentage (een opgegeven percentage naar beneden afgerond op twee cijfers achter de komma, Wfsv art. 38f lid 1); leeg als de werkgever niet quotumplichtig is en er geen percentage bekend of opgegeven is"})
    quotumpercentage_bron = fields.String(allow_none=True, metadata={"enum": [q.BRON_OFFICIEEL, q.BRON_OPGEGEVEN], "description": "officieel (parameter met bron) of opgegeven (door de gebruiker); leeg als er geen percentage nodig was"})
    opgegeven_quotumpercentage = Percentage(allow_none=True, metadata={"description": "Het percentage zoals u het opgaf, vóór de afronding naar beneden op twee cijfers achter de komma (Wfsv art. 38f lid 1); leeg als u geen percentage opgaf"})
    officieel_quotumpercentage = Percentage(allow_none=True, metadata={"description": "Het officiële percentage, als dat bekend is"})
    benodigde_uren = Percentage(metadata={"description": "Quotumpercentage × verloonde uren totaal (0 als niet quotumplichtig)"})
    gerealiseerde_uren = Percentage(metadata={"description": "Uren doelgroep, eigen plus ingeleend"})
    tekort_uren = Percentage(metadata={"description": "max(0, benodigde − gerealiseerde uren)"})
    benodigde_arbeidsplaatsen = Aantal(metadata={"description": "Benodigde uren / uren per arbeidsplaats (parameter quotum.uren_per_arbeidsplaats); 4 decimalen, alleen voor weergave afgerond"})
    gerealiseerde_arbeidsplaatsen = Aantal(metadata={"description": "Gerealiseerde uren / uren per arbeidsplaats (parameter quotum.uren_per_arbeidsplaats); 4 decimalen, alleen voor weergave afgerond"})
    ontbrekende_arbeidsplaatsen = Aantal(metadata={"description": "Tekort uren / uren per arbeidsplaats (parameter quotum.uren_per_arbeidsplaats); 4 decimalen, alleen voor weergave afgerond (de heffing rekent met de onafgeronde waarde)"})
    heffing = Bedrag(metadata={"description": "De quotumheffing zoals die zou zijn: ontbrekende arbeidsplaatsen × het bedrag per arbeidsplaats (parameter quotum.heffing_per_arbeidsplaats), één keer afgerond op de cent"})
    heffing_geactiveerd = fields.Boolean(metadata={"description": "Wordt de heffing over dit jaar en deze sector echt opgelegd (parameter quotum.heffing_geactiveerd.<sector>)"})
    te_betalen_heffing = Bedrag(metadata={"description": "De heffing als die is geactiveerd, anders 0"})
    toelichting_heffing = fields.String(metadata={"description": "In gewone taal: wordt de heffing opgelegd en waarom niet"})


SOORT = registreer(Soort(
    naam=q.SOORT,
    titel=Melding("quotum.soort.titel"),  # texts in calculator/teksten/quotumheffing.yaml
    omschrijving=Melding("quotum.soort.omschrijving"),
    invoer_schema=QuotumheffingInvoer,
    resultaat_schema=QuotumheffingResultaat,
    bereken=q.bereken,
    voorbeeld={"jaar": 2024, "sector": "overheid", "verloonde_uren_totaal": 100000,
               "verloonde_uren_totaal_vorig_jaar": 98000, "verloonde_uren_doelgroep": 1331,
               "verloonde_uren_doelgroep_ingeleend": 0, "quotumpercentage": "2.76"},
    volgorde=30,
    datumveld="jaar",
    dekking_varianten=(
        {"jaar": 2024, "sector": "markt", "verloonde_uren_totaal": "40575.5", "verloonde_uren_doelgroep": 0,
         "quotumpercentage": "2.5"},
        {"jaar": 2024, "sector": "overheid", "verloonde_uren_totaal": 40575, "verloonde_uren_doelgroep": 0,
         "verloonde_uren_doelgroep_ingeleend": 500, "quotumpercentage": "3"},
        {"jaar": 2024, "sector": "markt", "verloonde_uren_totaal": 50000, "verloonde_uren_totaal_vorig_jaar": 40000,
         "verloonde_uren_doelgroep": 0, "quotumpercentage": "2.768"},
    ),
))

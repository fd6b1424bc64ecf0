"""Quotumheffing for one werkgever and one calendar year (Wet banenafspraak en quotum arbeidsbeperkten).

Wfsv (BWBR0017745) hoofdstuk 3, afdeling 4, paragraaf 4a (art. 38a-38j), geheven als opslag op de premie (art. 34
lid 3, 4 en 6); the quotumpercentage per sector follows from art. 38f (Regeling Wfsv art. 3.35).

    quotumplichtig       = niet "minder dan" 40.575 verloonde uren (25 werknemers × 1.623 uur) in BOTH
                           the calendar year before the levy year (art. 34 lid 4) and the levy year (art. 34 lid 6);
                           without the hours of the year before, lid 4 is not tested (the result says so)
    quotumpercentage     = official, or the user's percentage "naar beneden afgerond op twee cijfers achter de
                           komma" (art. 38f lid 1)
    benodigde uren       = quotumpercentage × verloonde uren totaal
    gerealiseerde uren   = verloonde uren doelgroep (eigen) + ingeleende uren doelgroep
    tekort uren          = max(0, benodigde uren − gerealiseerde uren)
    arbeidsplaatsen      = uren / 1.331 (25,5 uur per week)
    heffing              = tekort uren / 1.331 × € 5.000 (art. 38h lid 4)

Rounding: the law sets no rounding of the quotumtekort (art. 38g lid 3: (A × B − C) / D). So the
counts are never rounded in the calculation: the heffing is computed from the exact shortfall in hours
and rounded half-up to the cent once, at the end, because it is a money amount. The counts are shown
rounded (4 decimals in the API) for display only.

Whether a heffing is actually imposed for a year and sector is a dated parameter
(quotum.heffing_geactiveerd.<sector>); 2022-2026: no heffing (art. 122na lid 1). The result still shows what the heffing
would be, and says plainly that it is not imposed, and why.

The user may supply a quotumpercentage; it overrides the official one (and is reported as "opgegeven"), after
the rounding down of art. 38f lid 1. Without it, a year/sector without a known official percentage is an input
error asking for one. Sources and reasoning: docs/bronnen/quotumheffing.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from parameters import MissingParameterError, ParameterSet, default_parameters

from .errors import InvoerFout
from .explanation import Bedrag, Rekenspoor, Uitkomst
from .money import NUL, cent, procent

SOORT = "quotumheffing"
SECTOREN = ("markt", "overheid")
BESTAND = "quotumheffing.yaml"  # the years offered follow from this parameter file (ParameterSet.jaren)
WFSV = "Wfsv art. 38g lid 3 (quotumtekort)"
WFSV_PERCENTAGE = "Wfsv art. 38f lid 1 en 2; Regeling Wfsv art. 3.35"
WFSV_AFRONDING = "Wfsv art. 38f lid 1 ('Het percentage wordt naar beneden afgerond op twee cijfers achter de komma.')"
WFSV_HEFFING = "Wfsv art. 38h lid 4 en art. 34 lid 3, 4 en 6"
WFSV_VORIG_JAAR = "Wfsv art. 34 lid 4"
WFSV_HEFFINGSJAAR = "Wfsv art. 34 lid 6"
HONDERDSTE = Decimal("0.01")

BRON_OFFICIEEL = "officieel"
BRON_OPGEGEVEN = "opgegeven"


@dataclass(frozen=True)
class QuotumInvoer:
    jaar: int
    sector: str
    verloonde_uren_totaal: Decimal
    verloonde_uren_doelgroep: Decimal
    verloonde_uren_doelgroep_ingeleend: Decimal = NUL
    quotumpercentage: Decimal | None = None
    verloonde_uren_totaal_vorig_jaar: Decimal | None = None

    @property
    def peildatum(self) -> date:
        # The quotum is per calendar year; parameters are looked up on 1 January of that year.
        return date(self.jaar, 1, 1)


def _controleer(invoer: QuotumInvoer, params: ParameterSet) -> None:
    if invoer.sector not in SECTOREN:
        raise InvoerFout("sector", "Kies als sector 'markt' of 'overheid'.")
    # A year after the horizon is refused by the parameter look-up, which names the horizon (bekend_tot).
    eerste, laatste = params.jaren(BESTAND)
    if not eerste <= invoer.jaar <= date.max.year:
        raise InvoerFout("jaar", f"Kies een jaar van {eerste} tot en met {laatste}.")
    if invoer.verloonde_uren_totaal_vorig_jaar is not None and invoer.verloonde_uren_totaal_vorig_jaar < 0:
        raise InvoerFout("verloonde_uren_totaal_vorig_jaar", "Het aantal verloonde uren kan niet negatief zijn.")
    if invoer.verloonde_uren_doelgroep > invoer.verloonde_uren_totaal:
        raise InvoerFout("verloonde_uren_doelgroep",
                         "De verloonde uren van werknemers uit de doelgroep kunnen niet meer zijn dan het totaal "
                         "aantal verloonde uren.")


def officieel_percentage(params: ParameterSet, sector: str, jaar: int):
    """The official quotumpercentage (ParameterValue) for the year and sector, or None if none is known."""
    try:
        return params.at(f"quotum.percentage.{sector}", date(jaar, 1, 1))
    except MissingParameterError:
        return None


def bereken(invoer: QuotumInvoer, params: ParameterSet | None = None, uitleg: bool = False) -> Uitkomst:
    params = params or default_parameters()
    _controleer(invoer, params)
    spoor = Rekenspoor(params, uitleg)
    datum = invoer.peildatum
    sector = invoer.sector

    # 1. Quotumplicht, Wfsv art. 34 lid 4 en 6 (texts 2022-01-01 to 2026-07-01 alike). Lid 4: "De quotumheffing is
    # niet verschuldigd indien in het kalenderjaar voorafgaand aan het kalenderjaar waarover de quotumheffing wordt
    # geheven, de werkgever minder dan 25 vermenigvuldigd met het gemiddeld aantal verloonde uren per werknemer op
    # jaarbasis in Nederland aan verloonde uren [...] heeft verantwoord." Lid 6: the same for "het kalenderjaar
    # waarover de quotumheffing wordt geheven". So the heffing is owed only if neither year is below the threshold;
    # exactly 25 × 1.623 = 40.575 hours is not "minder dan". The average of lid 8 onder a is the one of "het
    # desbetreffende kalenderjaar", so the year before is tested against the threshold of that year.
    drempel = spoor.waarde("quotum.drempel_verloonde_uren", datum)
    gemiddeld = spoor.waarde("quotum.gemiddelde_uren_werknemer", datum)
    totaal = invoer.verloonde_uren_totaal
    vorig_jaar = invoer.jaar - 1
    vorig = invoer.verloonde_uren_totaal_vorig_jaar
    # The number of werknemers of art. 34 lid 4 (25) as the parameters have it: the threshold / the average.
    werknemers_grens = _uren(drempel / gemiddeld)
    if vorig is None:
        drempel_vorig = None
        vorig_gehaald = None
        spoor.stap(f"Wfsv art. 34 lid 4: had de werkgever in {vorig_jaar}, het jaar vóór het heffingsjaar, minder "
                   f"dan {werknemers_grens} × het gemiddeld aantal verloonde uren per werknemer? Niet getoetst: de verloonde uren "
                   f"van {vorig_jaar} zijn niet ingevuld", grondslag=WFSV_VORIG_JAAR)
        spoor.waarschuw(
            f"De toets over het jaar vóór het heffingsjaar is niet gedaan: u heeft de verloonde uren van {vorig_jaar} "
            f"niet ingevuld. Had uw organisatie in {vorig_jaar} minder dan {_uren(drempel)} verloonde uren, dan is "
            f"over {invoer.jaar} geen quotumheffing verschuldigd (Wfsv art. 34 lid 4). Vul de verloonde uren van "
            f"{vorig_jaar} in om dat te laten toetsen."
        )
    else:
        datum_vorig = date(vorig_jaar, 1, 1)
        drempel_vorig = spoor.waarde("quotum.drempel_verloonde_uren", datum_vorig)
        gemiddeld_vorig = spoor.waarde("quotum.gemiddelde_uren_werknemer", datum_vorig)
        vorig_gehaald = vorig >= drempel_vorig
        spoor.stap(
            f"Wfsv art. 34 lid 4: had de werkgever in {vorig_jaar}, het jaar vóór het heffingsjaar, minder dan "
            f"{werknemers_grens} × het gemiddeld aantal verloonde uren per werknemer?", grondslag=WFSV_VORIG_JAAR,
            berekening="{vorig} uur " + ("is niet minder dan" if vorig_gehaald else "is minder dan")
                       + " {n} × {gem} = {drempel} uur → "
                       + ("de heffing kan verschuldigd zijn" if vorig_gehaald
                          else "geen quotumheffing verschuldigd over {jaar}"),
            vorig=vorig, gem=gemiddeld_vorig, drempel=drempel_vorig, jaar=invoer.jaar,
            n=(drempel_vorig / gemiddeld_vorig).normalize(),
        )
    heffingsjaar_gehaald = totaal >= drempel
    spoor.stap(
        f"Wfsv art. 34 lid 6: had de werkgever in {invoer.jaar}, het heffingsjaar zelf, minder dan {werknemers_grens} × het "
        f"gemiddeld aantal verloonde uren per werknemer?", grondslag=WFSV_HEFFINGSJAAR,
        berekening="{totaal} uur " + ("is niet minder dan" if heffingsjaar_gehaald else "is minder dan")
                   + " {n} × {gem} = {drempel} uur (ongeveer {werknemers} werknemers van {gem} uur) → "
                   + ("de heffing kan verschuldigd zijn" if heffingsjaar_gehaald
                      else "geen quotumheffing verschuldigd over {jaar}"),
        totaal=totaal, drempel=drempel, werknemers=(totaal / gemiddeld).quantize(Decimal("0.1")), gem=gemiddeld,
        jaar=invoer.jaar, n=(drempel / gemiddeld).normalize(),
    )
    quotumplichtig = heffingsjaar_gehaald and vorig_gehaald is not False
    spoor.stap("Valt de werkgever onder het quotum? Alleen als geen van beide jaren onder de grens bleef",
               grondslag="Wfsv art. 34 lid 4 en 6",
               berekening="{antwoord}",
               antwoord=("ja, quotumplichtig" + ("" if vorig_gehaald else f" (het jaar {vorig_jaar} is niet getoetst)")
                         if quotumplichtig else "nee, niet quotumplichtig"))

    # 2. Quotumpercentage: the user's override, else the official one, else ask for it.
    officieel = officieel_percentage(params, sector, invoer.jaar)
    opgegeven = invoer.quotumpercentage
    if opgegeven is not None:
        # Wfsv art. 38f lid 1: "Het percentage wordt naar beneden afgerond op twee cijfers achter de komma." The
        # official percentages are set so; a percentage the user supplies (e.g. worked out with the formula of
        # lid 2) is rounded down the same way before it is used: 2,768 % → 2,76 %.
        percentage, bron = opgegeven.quantize(HONDERDSTE, rounding=ROUND_DOWN), BRON_OPGEGEVEN
        if percentage != opgegeven:
            spoor.stap("Quotumpercentage naar beneden afgerond op twee cijfers achter de komma", grondslag=WFSV_AFRONDING,
                       berekening="{opgegeven} % → {pct} %", opgegeven=opgegeven, pct=percentage)
            spoor.waarschuw(
                f"U gaf {_pct(opgegeven)} % op. Een quotumpercentage wordt naar beneden afgerond op twee cijfers "
                f"achter de komma (Wfsv art. 38f lid 1); er is gerekend met {_pct(percentage)} %."
            )
        if officieel is None:
            spoor.waarschuw(
                f"Voor {invoer.jaar} (sector {sector}) is geen officieel quotumpercentage bekend. De berekening "
                f"gebruikt het percentage dat u zelf heeft opgegeven ({_pct(percentage)} %)."
            )
        elif officieel.waarde != percentage:
            spoor.waarschuw(
                f"U heeft zelf {_pct(percentage)} % opgegeven; het officiële quotumpercentage voor {invoer.jaar} "
                f"(sector {sector}) is {_pct(officieel.waarde)} %."
            )
        spoor.stap("Quotumpercentage: door u opgegeven", grondslag=WFSV_PERCENTAGE,
                   berekening="{pct} % (opgegeven, niet officieel)", pct=percentage)
    elif officieel is not None:
        percentage, bron = spoor.waarde(f"quotum.percentage.{sector}", datum), BRON_OFFICIEEL
        spoor.stap(f"Quotumpercentage {invoer.jaar}, sector {sector}", grondslag=WFSV_PERCENTAGE,
                   berekening="{pct} % (officieel)", pct=percentage)
    elif not quotumplichtig:
        # Not quotumplichtig: the percentage plays no part, so the user is not asked for one.
        percentage, bron = None, None
        spoor.stap("Quotumpercentage: niet nodig, want de werkgever valt niet onder het quotum",
                   grondslag=WFSV_PERCENTAGE)
    else:
        raise InvoerFout(
            "quotumpercentage",
            f"Voor {invoer.jaar} (sector {sector}) is geen officieel quotumpercentage bekend. Vul het "
            f"quotumpercentage in dat u wilt gebruiken, bijvoorbeeld uit de Staatscourant of de banenmonitor.",
        )

    uren_per_plaats = spoor.waarde("quotum.uren_per_arbeidsplaats", datum)
    per_week = spoor.waarde("quotum.uren_per_arbeidsplaats_per_week", datum)
    per_plaats_bedrag = spoor.waarde("quotum.heffing_per_arbeidsplaats", datum)

    # 3. Required and realised hours and arbeidsplaatsen (exact; no rounding, see the module docstring).
    eigen = invoer.verloonde_uren_doelgroep
    ingeleend = invoer.verloonde_uren_doelgroep_ingeleend
    gerealiseerde_uren = eigen + ingeleend
    gerealiseerde_plaatsen = gerealiseerde_uren / uren_per_plaats
    if quotumplichtig:
        benodigde_uren = procent(totaal, percentage)  # exact: hours × percentage, no rounding
    else:
        benodigde_uren = NUL
    benodigde_plaatsen = benodigde_uren / uren_per_plaats
    tekort_uren = max(NUL, benodigde_uren - gerealiseerde_uren)
    ontbrekende_plaatsen = tekort_uren / uren_per_plaats

    if quotumplichtig:
        spoor.stap("Benodigde uren voor werknemers uit de doelgroep banenafspraak", grondslag=WFSV_PERCENTAGE,
                   berekening="{pct} % × {totaal} uur = {uren} uur", pct=percentage, totaal=totaal,
                   uren=benodigde_uren)
        spoor.stap(f"Benodigde arbeidsplaatsen (één arbeidsplaats is {_uren(per_week)} uur per week, "
                   f"{_uren(uren_per_plaats)} uur per jaar)",
                   grondslag=WFSV,
                   berekening="{uren} uur / {per} uur = {plaatsen} arbeidsplaatsen ({week} uur per week)",
                   uren=benodigde_uren, per=uren_per_plaats, plaatsen=_toon(benodigde_plaatsen), week=per_week)
    else:
        spoor.stap("Niet quotumplichtig: er zijn geen arbeidsplaatsen voor de doelgroep vereist", grondslag=WFSV,
                   berekening="benodigde uren = {nul}", nul=NUL)
    spoor.stap("Gerealiseerde uren: eigen werknemers uit de doelgroep plus ingeleende werknemers uit de doelgroep",
               grondslag=WFSV, berekening="{eigen} uur + {ingeleend} uur = {uren} uur = {plaatsen} arbeidsplaatsen",
               eigen=eigen, ingeleend=ingeleend, uren=gerealiseerde_uren, plaatsen=_toon(gerealiseerde_plaatsen))
    spoor.stap("Ontbrekende arbeidsplaatsen", grondslag=WFSV,
               berekening="het tekort is max(0, {benodigd} − {gerealiseerd}) = {tekort} uur; "
                          "{tekort} uur / {per} uur = {plaatsen} arbeidsplaatsen (getoond op 4 decimalen; "
                          "de heffing rekent met het precieze aantal, want de wet schrijft geen afronding voor (Wfsv art. 38g lid 3))",
               benodigd=benodigde_uren, gerealiseerd=gerealiseerde_uren, tekort=tekort_uren, per=uren_per_plaats,
               plaatsen=_toon(ontbrekende_plaatsen))

    # 4. Heffing: exact shortfall × € 5.000, rounded half-up to the cent once (a money amount; no source
    # states a rounding of the arbeidsplaatsen, so they are not rounded first).
    heffing = cent(tekort_uren * per_plaats_bedrag / uren_per_plaats)
    spoor.stap(f"Quotumheffing zoals die zou zijn: ontbrekende arbeidsplaatsen × {_euro(per_plaats_bedrag)} "
               "(afgerond op de cent)",
               heffing, WFSV_HEFFING, "{tekort} uur / {per} uur × {per_plaats} = {heffing}",
               tekort=tekort_uren, per=uren_per_plaats, per_plaats=Bedrag(per_plaats_bedrag), heffing=Bedrag(heffing))

    # 5. Is the heffing imposed for this year and sector?
    actief_pv = params.at(f"quotum.heffing_geactiveerd.{sector}", datum)
    geactiveerd = bool(spoor.waarde(f"quotum.heffing_geactiveerd.{sector}", datum))
    te_betalen = heffing if (geactiveerd and quotumplichtig) else NUL
    if geactiveerd:
        toelichting = (f"Over {invoer.jaar} wordt in de sector {sector} een quotumheffing opgelegd. "
                       f"Te betalen: {_euro(te_betalen)}.")
    else:
        toelichting = (
            f"Over {invoer.jaar} wordt in de sector {sector} geen quotumheffing opgelegd: de heffing is niet "
            f"geactiveerd of het opleggen is opgeschort. U betaalt dus niets. Het bedrag van {_euro(heffing)} laat "
            f"alleen zien wat de heffing zou zijn als die wel werd opgelegd."
        )
        if actief_pv.voorlopig:
            toelichting += (" Dat er geen heffing is, is voor dit jaar niet in een officiële bron bevestigd: "
                            "geen enkele gevonden bron noemt een opgelegde heffing.")
        spoor.waarschuw(toelichting)
    spoor.stap("Wordt de quotumheffing over dit jaar echt opgelegd?", te_betalen, actief_pv.grondslag,
               "{antwoord}; te betalen {bedrag_te_betalen}",
               antwoord="ja" if geactiveerd else "nee, niet geactiveerd of opgeschort",
               bedrag_te_betalen=Bedrag(te_betalen))

    resultaat = {
        "jaar": invoer.jaar,
        "sector": sector,
        "quotumplichtig": quotumplichtig,
        "drempel_verloonde_uren": drempel,
        "drempel_verloonde_uren_vorig_jaar": drempel_vorig,
        "vorig_jaar_getoetst": vorig is not None,
        "onder_drempel_vorig_jaar": None if vorig is None else not vorig_gehaald,
        "onder_drempel_heffingsjaar": not heffingsjaar_gehaald,
        "quotumpercentage": percentage,
        "quotumpercentage_bron": bron,
        "opgegeven_quotumpercentage": opgegeven,
        "officieel_quotumpercentage": officieel.waarde if officieel is not None else None,
        "benodigde_uren": benodigde_uren,
        "gerealiseerde_uren": gerealiseerde_uren,
        "tekort_uren": tekort_uren,
        "benodigde_arbeidsplaatsen": benodigde_plaatsen,
        "gerealiseerde_arbeidsplaatsen": gerealiseerde_plaatsen,
        "ontbrekende_arbeidsplaatsen": ontbrekende_plaatsen,
        "heffing": heffing,
        "heffing_geactiveerd": geactiveerd,
        "te_betalen_heffing": te_betalen,
        "toelichting_heffing": toelichting,
    }
    return Uitkomst.uit_spoor(SOORT, datum, resultaat, spoor)


def _toon(aantal: Decimal) -> Decimal:
    """Display only: 4 decimals. The calculation keeps the exact value."""
    return aantal.quantize(Decimal("0.0001"))


def _uren(waarde: Decimal) -> str:
    """A number of hours or people as Dutch text (40.575; 25,5): the step texts take it from the parameter."""
    from babel.numbers import format_decimal

    return format_decimal(waarde.normalize(), locale="nl_NL", decimal_quantization=False)


def _pct(waarde: Decimal) -> str:
    return format(waarde.normalize(), "f").replace(".", ",")


def _euro(bedrag: Decimal) -> str:
    from babel.numbers import format_currency

    return format_currency(bedrag, "EUR", locale="nl_NL")


__all__ = ["QuotumInvoer", "bereken", "SOORT", "SECTOREN", "BRON_OFFICIEEL", "BRON_OPGEGEVEN"]

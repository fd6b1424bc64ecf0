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
from .explanation import Bedrag, Melding, melding, Rekenspoor, Uitkomst
from .money import NUL, cent, procent

SOORT = "quotumheffing"
SECTOREN = ("markt", "overheid")
BESTAND = "quotumheffing.yaml"  # the years offered follow from this parameter file (ParameterSet.jaren)
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
        raise InvoerFout("sector", melding("quotum.fout.sector"))
    # A year after the horizon is refused by the parameter look-up, which names the horizon (bekend_tot).
    eerste, laatste = params.jaren(BESTAND)
    if not eerste <= invoer.jaar <= date.max.year:
        raise InvoerFout("jaar", melding("quotum.fout.jaar", van=eerste, tot=laatste))
    if invoer.verloonde_uren_totaal_vorig_jaar is not None and invoer.verloonde_uren_totaal_vorig_jaar < 0:
        raise InvoerFout("verloonde_uren_totaal_vorig_jaar", melding("quotum.fout.uren_negatief"))
    if invoer.verloonde_uren_doelgroep > invoer.verloonde_uren_totaal:
        raise InvoerFout("verloonde_uren_doelgroep", melding("quotum.fout.doelgroep_boven_totaal"))


def officieel_percentage(params: ParameterSet, sector: str, jaar: int):
    """The official quotumpercentage (ParameterValue) for the year and sector, or None if none is known."""
    try:
        return params.at(f"quotum.percentage.{sector}", date(jaar, 1, 1))
    except MissingParameterError:
        return None


@dataclass(slots=True)
class _Quotum:
    """The arithmetic of one quotumheffing: every figure the result and the explanation use."""

    drempel: Decimal
    gemiddeld: Decimal
    vorig: Decimal | None
    drempel_vorig: Decimal | None
    gemiddeld_vorig: Decimal | None
    vorig_gehaald: bool | None  # None: the year before is not tested (no hours given)
    heffingsjaar_gehaald: bool
    quotumplichtig: bool
    officieel: object  # ParameterValue or None
    opgegeven: Decimal | None
    percentage: Decimal | None
    bron: str | None
    uren_per_plaats: Decimal
    per_week: Decimal
    per_plaats_bedrag: Decimal
    gerealiseerde_uren: Decimal
    benodigde_uren: Decimal
    tekort_uren: Decimal
    heffing: Decimal
    actief_pv: object
    geactiveerd: bool
    te_betalen: Decimal


def bereken(invoer: QuotumInvoer, params: ParameterSet | None = None, uitleg: bool = False) -> Uitkomst:
    params = params or default_parameters()
    _controleer(invoer, params)
    spoor = Rekenspoor(params, uitleg)
    q = _reken(spoor, invoer, params)
    toelichting = _waarschuwingen(spoor, invoer, q)
    if uitleg:
        _vertel(spoor, invoer, q)
    uren_per_plaats = q.uren_per_plaats
    resultaat = {
        "jaar": invoer.jaar,
        "sector": invoer.sector,
        "quotumplichtig": q.quotumplichtig,
        "drempel_verloonde_uren": q.drempel,
        "drempel_verloonde_uren_vorig_jaar": q.drempel_vorig,
        "vorig_jaar_getoetst": q.vorig is not None,
        "onder_drempel_vorig_jaar": None if q.vorig is None else not q.vorig_gehaald,
        "onder_drempel_heffingsjaar": not q.heffingsjaar_gehaald,
        "quotumpercentage": q.percentage,
        "quotumpercentage_bron": q.bron,
        "opgegeven_quotumpercentage": q.opgegeven,
        "officieel_quotumpercentage": q.officieel.waarde if q.officieel is not None else None,
        "benodigde_uren": q.benodigde_uren,
        "gerealiseerde_uren": q.gerealiseerde_uren,
        "tekort_uren": q.tekort_uren,
        "benodigde_arbeidsplaatsen": q.benodigde_uren / uren_per_plaats,
        "gerealiseerde_arbeidsplaatsen": q.gerealiseerde_uren / uren_per_plaats,
        "ontbrekende_arbeidsplaatsen": q.tekort_uren / uren_per_plaats,
        "heffing": q.heffing,
        "heffing_geactiveerd": q.geactiveerd,
        "te_betalen_heffing": q.te_betalen,
        "toelichting_heffing": toelichting,
    }
    return Uitkomst.uit_spoor(SOORT, invoer.peildatum, resultaat, spoor)


def _reken(spoor: Rekenspoor, invoer: QuotumInvoer, params: ParameterSet) -> _Quotum:
    """The arithmetic, without a word of explanation (that is _vertel and _waarschuwingen)."""
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
    vorig = invoer.verloonde_uren_totaal_vorig_jaar
    drempel_vorig = gemiddeld_vorig = vorig_gehaald = None
    if vorig is not None:
        datum_vorig = date(invoer.jaar - 1, 1, 1)
        drempel_vorig = spoor.waarde("quotum.drempel_verloonde_uren", datum_vorig)
        gemiddeld_vorig = spoor.waarde("quotum.gemiddelde_uren_werknemer", datum_vorig)
        vorig_gehaald = vorig >= drempel_vorig
    heffingsjaar_gehaald = totaal >= drempel
    quotumplichtig = heffingsjaar_gehaald and vorig_gehaald is not False

    # 2. Quotumpercentage: the user's override, else the official one, else ask for it.
    officieel = officieel_percentage(params, sector, invoer.jaar)
    opgegeven = invoer.quotumpercentage
    if opgegeven is not None:
        # Wfsv art. 38f lid 1: "Het percentage wordt naar beneden afgerond op twee cijfers achter de komma." The
        # official percentages are set so; a percentage the user supplies (e.g. worked out with the formula of
        # lid 2) is rounded down the same way before it is used: 2,768 % → 2,76 %.
        percentage, bron = opgegeven.quantize(HONDERDSTE, rounding=ROUND_DOWN), BRON_OPGEGEVEN
    elif officieel is not None:
        percentage, bron = spoor.waarde(f"quotum.percentage.{sector}", datum), BRON_OFFICIEEL
    elif not quotumplichtig:
        # Not quotumplichtig: the percentage plays no part, so the user is not asked for one.
        percentage, bron = None, None
    else:
        raise InvoerFout("quotumpercentage", melding("quotum.fout.geen_percentage", jaar=invoer.jaar,
                                                     sector=_sector(sector)))

    uren_per_plaats = spoor.waarde("quotum.uren_per_arbeidsplaats", datum)
    per_week = spoor.waarde("quotum.uren_per_arbeidsplaats_per_week", datum)
    per_plaats_bedrag = spoor.waarde("quotum.heffing_per_arbeidsplaats", datum)

    # 3. Required and realised hours (exact; no rounding, see the module docstring).
    gerealiseerde_uren = invoer.verloonde_uren_doelgroep + invoer.verloonde_uren_doelgroep_ingeleend
    benodigde_uren = procent(totaal, percentage) if quotumplichtig else NUL  # exact: hours × percentage
    tekort_uren = max(NUL, benodigde_uren - gerealiseerde_uren)

    # 4. Heffing: exact shortfall × € 5.000, rounded half-up to the cent once (a money amount; no source
    # states a rounding of the arbeidsplaatsen, so they are not rounded first).
    heffing = cent(tekort_uren * per_plaats_bedrag / uren_per_plaats)

    # 5. Is the heffing imposed for this year and sector?
    actief_pv = params.at(f"quotum.heffing_geactiveerd.{sector}", datum)
    geactiveerd = bool(spoor.waarde(f"quotum.heffing_geactiveerd.{sector}", datum))
    te_betalen = heffing if (geactiveerd and quotumplichtig) else NUL
    return _Quotum(drempel, gemiddeld, vorig, drempel_vorig, gemiddeld_vorig, vorig_gehaald, heffingsjaar_gehaald,
                   quotumplichtig, officieel, opgegeven, percentage, bron, uren_per_plaats, per_week,
                   per_plaats_bedrag, gerealiseerde_uren, benodigde_uren, tekort_uren, heffing, actief_pv,
                   geactiveerd, te_betalen)


def _sector(sector: str) -> Melding:
    return melding(f"quotum.sector.{sector}")


def _waarschuwingen(spoor: Rekenspoor, invoer: QuotumInvoer, q: _Quotum) -> Melding:
    """The warnings (always, also without uitleg); returns the toelichting of the heffing (itself a warning when no
    heffing is imposed)."""
    jaar, sector = invoer.jaar, _sector(invoer.sector)
    if q.vorig is None:
        spoor.waarschuw("quotum.waarschuwing.vorig_jaar_niet_ingevuld", vorig_jaar=jaar - 1,
                        drempel=q.drempel.normalize(), jaar=jaar)
    if q.opgegeven is not None:
        if q.percentage != q.opgegeven:
            spoor.waarschuw("quotum.waarschuwing.afgerond", opgegeven=q.opgegeven.normalize(),
                            pct=q.percentage.normalize())
        if q.officieel is None:
            spoor.waarschuw("quotum.waarschuwing.geen_officieel", jaar=jaar, sector=sector,
                            pct=q.percentage.normalize())
        elif q.officieel.waarde != q.percentage:
            spoor.waarschuw("quotum.waarschuwing.afwijkend", pct=q.percentage.normalize(), jaar=jaar, sector=sector,
                            officieel=q.officieel.waarde.normalize())
    if q.geactiveerd:
        return melding("quotum.toelichting.opgelegd", jaar=jaar, sector=sector, bedrag=Bedrag(q.te_betalen))
    toelichting = melding("quotum.toelichting.niet_opgelegd_onbevestigd" if q.actief_pv.voorlopig
                          else "quotum.toelichting.niet_opgelegd", jaar=jaar, sector=sector, heffing=Bedrag(q.heffing))
    spoor.waarschuw(toelichting)
    return toelichting


def _vertel(spoor: Rekenspoor, invoer: QuotumInvoer, q: _Quotum) -> None:
    """The steps: the arithmetic of _reken, narrated by catalogue key (calculator/teksten/quotumheffing.yaml)."""
    jaar, vorig_jaar = invoer.jaar, invoer.jaar - 1
    # The number of werknemers of art. 34 lid 4 (25) as the parameters have it: the threshold / the average.
    if q.vorig is None:
        spoor.stap("quotum.vorig_jaar_niet_getoetst", vorig_jaar=vorig_jaar, n=(q.drempel / q.gemiddeld).normalize())
    elif q.vorig_gehaald:
        spoor.stap("quotum.vorig_jaar_gehaald", vorig_jaar=vorig_jaar, vorig=q.vorig, gem=q.gemiddeld_vorig,
                   drempel=q.drempel_vorig, n=(q.drempel_vorig / q.gemiddeld_vorig).normalize())
    else:
        spoor.stap("quotum.vorig_jaar_onder_drempel", vorig_jaar=vorig_jaar, vorig=q.vorig, gem=q.gemiddeld_vorig,
                   drempel=q.drempel_vorig, jaar=jaar, n=(q.drempel_vorig / q.gemiddeld_vorig).normalize())
    totaal = invoer.verloonde_uren_totaal
    waarden = dict(totaal=totaal, drempel=q.drempel, werknemers=(totaal / q.gemiddeld).quantize(Decimal("0.1")),
                   gem=q.gemiddeld, jaar=jaar, n=(q.drempel / q.gemiddeld).normalize())
    spoor.stap("quotum.heffingsjaar_gehaald" if q.heffingsjaar_gehaald else "quotum.heffingsjaar_onder_drempel",
               **waarden)
    if not q.quotumplichtig:
        spoor.stap("quotum.niet_plichtig")
    elif q.vorig_gehaald:
        spoor.stap("quotum.plichtig")
    else:
        spoor.stap("quotum.plichtig_vorig_jaar_niet_getoetst", vorig_jaar=vorig_jaar)

    if q.opgegeven is not None:
        if q.percentage != q.opgegeven:
            spoor.stap("quotum.percentage_afgerond", opgegeven=q.opgegeven, pct=q.percentage)
        spoor.stap("quotum.percentage_opgegeven", pct=q.percentage)
    elif q.percentage is not None:
        spoor.stap("quotum.percentage_officieel", jaar=jaar, sector=_sector(invoer.sector), pct=q.percentage)
    else:
        spoor.stap("quotum.percentage_niet_nodig")

    per = q.uren_per_plaats
    if q.quotumplichtig:
        spoor.stap("quotum.benodigde_uren", pct=q.percentage, totaal=totaal, uren=q.benodigde_uren)
        spoor.stap("quotum.benodigde_plaatsen", uren=q.benodigde_uren, per=per,
                   plaatsen=_toon(q.benodigde_uren / per), week=q.per_week)
    else:
        spoor.stap("quotum.geen_plaatsen", nul=NUL)
    spoor.stap("quotum.gerealiseerd", eigen=invoer.verloonde_uren_doelgroep,
               ingeleend=invoer.verloonde_uren_doelgroep_ingeleend, uren=q.gerealiseerde_uren,
               plaatsen=_toon(q.gerealiseerde_uren / per))
    spoor.stap("quotum.ontbrekend", benodigd=q.benodigde_uren, gerealiseerd=q.gerealiseerde_uren, tekort=q.tekort_uren,
               per=per, plaatsen=_toon(q.tekort_uren / per))
    spoor.stap("quotum.heffing", q.heffing, tekort=q.tekort_uren, per=per, per_plaats=Bedrag(q.per_plaats_bedrag),
               heffing=Bedrag(q.heffing))
    spoor.stap("quotum.opgelegd" if q.geactiveerd else "quotum.niet_opgelegd", q.te_betalen,
               te_betalen=Bedrag(q.te_betalen))


def _toon(aantal: Decimal) -> Decimal:
    """Display only: 4 decimals. The calculation keeps the exact value."""
    return aantal.quantize(Decimal("0.0001"))


__all__ = ["QuotumInvoer", "bereken", "SOORT", "SECTOREN", "BRON_OFFICIEEL", "BRON_OPGEGEVEN"]

"""Loonkostensubsidie (LKS), Participatiewet art. 10d.

art. 10d lid 1 onder a and lid 4: LKS = the difference between the wettelijk minimumloon plus 8 %
vakantiebijslag (Wml art. 15) and the loonwaarde (plus its vakantiebijslag), at most 70 % of WML + vakantiebijslag;
art. 10d lid 1 onder b and lid 5: forfaitaire LKS (50 % of WML + vakantiebijslag) "gedurende een periode van
maximaal de eerste zes maanden van de dienstbetrekking";
art. 10d lid 4-5 with the Regeling loonkostensubsidie Participatiewet 2021, art. 1: a vergoeding for
werkgeverslasten of 23,5 % of the LKS.
Besluit loonkostensubsidie Participatiewet 2021 art. 3 lid 1: the loonwaarde is a whole percentage.
Since 2017 the loonwaarde is a percentage of the WML (Cedris/Programmaraad 19-01-2017); a functieloon
above the WML is the werkgever's own cost.

The wettelijk minimumloon is the one of Participatiewet art. 2: "het minimumloon per maand, bedoeld in artikel 8,
eerste lid, onderdeel b [before 2024: onderdeel a], van de Wet minimumloon en minimumvakantiebijslag of, indien
het een werknemer jonger dan 21 jaar betreft, het voor zijn leeftijd geldende minimumloon per maand, bedoeld in
artikel 7, derde lid, en artikel 8, derde lid, van genoemde wet". Art. 8 lid 3 is the minimumjeugdloon; the BBL
percentages rest on art. 8 lid 4, which art. 2 does not name, so the LKS of a BBL worker is computed on the
ordinary minimumjeugdloon (docs/bronnen/loonkostensubsidie.md); the BBL hourly minimum is still shown and
used to check the functieloon, because that is what the werkgever must pay at least.

Pro rata (art. 10d lid 4 and 5): from 2024 "naar evenredigheid verminderd of vermeerderd, indien de
overeengekomen arbeidsduur korter of langer is dan 36 uren per week", the hours counting "maximaal de
arbeidsduur welke in overeenkomstige dienstbetrekkingen in de regel geacht wordt een volledige dienstbetrekking
te vormen": WML per maand × min(uren, voltijd) / 36 (`lks.arbeidsduur_uren_per_week`). Before 2024 only
"verminderd, indien de overeengekomen arbeidsduur korter is dan de normale arbeidsduur": × min(uren, voltijd) / voltijd.

The year (art. 10d lid 7): the college sets a running LKS again "met ingang van 1 januari van het kalenderjaar"
in line with the WML; so every month of a calendar year, and the peildatum, use the parameter values of
1 January of that year, or of the begindatum of the dienstbetrekking when it starts later in the year (the
LKS is first set at the start). The 1 July indexation of the WML is not followed during the year.

Rounding: every amount that is paid (the monthly wage, its vakantiebijslag, the loonwaarde in euros,
the LKS, the werkgeverslastenvergoeding) is rounded half-up to the cent once, when it is formed;
everything after that is exact sums of those cent amounts, so each step can be checked by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from parameters import ParameterSet, default_parameters

from .errors import InvoerFout
from .explanation import Bedrag, melding, Rekenspoor, Uitkomst
from .money import NUL, cent, procent
from .periods import dagen_in_maand, leeftijd_op, leeftijd_van, leeftijdsdelen, maanden_van_jaar, verjaardag
from .wml import (JONGSTE_LEEFTIJD, MAANDEN_PER_JAAR, VOLWASSEN_LEEFTIJD, WEKEN_PER_JAAR, Minimumloon, minimumloon,
                  te_jong)

SOORT = "loonkostensubsidie"
STANDAARD_VOLTIJD_UREN = Decimal(38)
ARBEIDSDUUR = "lks.arbeidsduur_uren_per_week"
EEN_DAG = timedelta(days=1)


@dataclass(frozen=True)
class LksInvoer:
    peildatum: date
    uren_per_week: Decimal
    loonwaarde: int | None = None
    geboortedatum: date | None = None
    leeftijd: int | None = None
    voltijd_uren_per_week: Decimal = STANDAARD_VOLTIJD_UREN
    forfaitair: bool = False
    bbl: bool = False
    functieloon_per_uur: Decimal | None = None
    begindatum_dienstbetrekking: date | None = None
    einddatum_dienstbetrekking: date | None = None
    # the 12 months of the calendar year (`per_jaar.maanden`); the year totals are always computed
    jaaroverzicht: bool = False

    def leeftijd_op(self, datum: date) -> int:
        return leeftijd_van(self.geboortedatum, self.leeftijd, datum)


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field through object.__setattr__ (slow)
class _Maandbedragen:
    wml_per_maand: Decimal
    vakantiebijslag: Decimal
    basis: Decimal  # WML per maand incl. vakantiebijslag
    loonwaarde_bedrag: Decimal | None
    maximum: Decimal
    onbegrensd: Decimal
    loonkostensubsidie: Decimal
    werkgeverslasten: Decimal

    @property
    def totaal(self) -> Decimal:
        return self.loonkostensubsidie + self.werkgeverslasten

    @property
    def maximum_bereikt(self) -> bool:
        return self.onbegrensd > self.maximum


GEEN = _Maandbedragen(NUL, NUL, NUL, None, NUL, NUL, NUL, NUL)  # a month outside the dienstbetrekking


def vaststellingsdatum(invoer: LksInvoer) -> date:
    """The date whose parameter values set the LKS of the peildatum's calendar year (art. 10d lid 7):
    1 January, or the begindatum of the dienstbetrekking when that is later in the year."""
    januari = date(invoer.peildatum.year, 1, 1)
    begin = invoer.begindatum_dienstbetrekking
    return begin if begin is not None and begin > januari else januari


def _per_arbeidsduur(spoor: Rekenspoor, datum: date) -> bool:
    """Does the 36-hour rule of art. 10d lid 4 (texts from 2024) apply on `datum`? From the first value of
    `lks.arbeidsduur_uren_per_week`; before it the LKS was only reduced, to the normal hours of the function."""
    return datum >= spoor.params.parameter(ARBEIDSDUUR).entries[0].vanaf


def _zelfde_dag_later(datum: date, maanden: int) -> date:
    """The same day `maanden` months later; when that month is shorter, the first day of the month after."""
    index = datum.year * 12 + (datum.month - 1) + maanden
    jaar, maand = index // 12, index % 12 + 1
    if datum.day <= dagen_in_maand(jaar, maand):
        return date(jaar, maand, datum.day)
    return date(jaar + maand // 12, maand % 12 + 1, 1)


class _Grondslag:
    """The exact (unrounded) WML per month for the contract hours, per age, on the vaststellingsdatum."""

    __slots__ = ("spoor", "invoer", "datum", "uren", "noemer", "cache", "maanden")

    def __init__(self, spoor: Rekenspoor, invoer: LksInvoer, datum: date):
        self.spoor = spoor
        self.invoer = invoer
        self.datum = datum
        # art. 10d lid 4: the agreed hours count at most as the full-time hours of the function
        self.uren = min(invoer.uren_per_week, invoer.voltijd_uren_per_week)
        self.noemer = (spoor.waarde(ARBEIDSDUUR, datum) if _per_arbeidsduur(spoor, datum)
                       else invoer.voltijd_uren_per_week)
        self.cache: dict = {}
        # {(exact WML, subsidie, forfaitair, loonwaarde): _Maandbedragen}: None in `bereken` (every month is
        # computed); a dict in Jaartotalen, which keeps one _Grondslag for many cases (see there)
        self.maanden: dict | None = None

    def minimumloon(self, leeftijd: int, stappen: bool = False) -> Minimumloon:
        # Pw art. 2 names the minimumjeugdloon of Wml art. 8 lid 3, not the BBL percentages of lid 4: bbl=False
        return minimumloon(self.spoor, leeftijd, False, self.datum, self.invoer.voltijd_uren_per_week,
                           stappen=stappen)

    def exact(self, leeftijd: int) -> Decimal:
        sleutel = min(leeftijd, VOLWASSEN_LEEFTIJD)  # from 21 the WML does not depend on the age (Wml art. 8)
        out = self.cache.get(sleutel)
        if out is None:
            out = self.cache[sleutel] = self.minimumloon(leeftijd).per_maand_voltijd * self.uren / self.noemer
        return out


def _bedragen(spoor: Rekenspoor, invoer: LksInvoer, datum: date, wml_exact: Decimal,
              subsidie: bool = True, stappen: bool = False) -> _Maandbedragen:
    """The monthly pipeline from the (exact, pro rata) WML of the month to the LKS."""
    # Each amount below is paid as a cent amount: rounded half-up once, when it is formed (see the
    # module docstring).
    wml_maand = cent(wml_exact)
    vb_pct = spoor.waarde("wml.vakantiebijslag", datum)
    vakantiebijslag = cent(procent(wml_maand, vb_pct))
    basis = wml_maand + vakantiebijslag
    max_pct = spoor.waarde("lks.maximum_percentage", datum)
    maximum = cent(procent(basis, max_pct))
    loonwaarde_bedrag = None
    if not subsidie:
        onbegrensd = NUL
    elif invoer.forfaitair:
        f_pct = spoor.waarde("lks.forfaitair_percentage", datum)
        onbegrensd = cent(procent(basis, f_pct))
    else:
        loonwaarde_bedrag = cent(procent(basis, Decimal(invoer.loonwaarde)))
        onbegrensd = basis - loonwaarde_bedrag
    lks = min(onbegrensd, maximum)
    wgl_pct = spoor.waarde("lks.werkgeverslasten_percentage", datum)
    werkgeverslasten = cent(procent(lks, wgl_pct))
    m = _Maandbedragen(wml_maand, vakantiebijslag, basis, loonwaarde_bedrag, maximum, onbegrensd, lks, werkgeverslasten)
    if stappen:
        _bedragen_stappen(spoor, invoer, m, subsidie, vb_pct=vb_pct, max_pct=max_pct, wgl_pct=wgl_pct,
                          f_pct=f_pct if subsidie and invoer.forfaitair else None)
    return m


def _bedragen_stappen(spoor: Rekenspoor, invoer: LksInvoer, m: _Maandbedragen, subsidie: bool, vb_pct: Decimal,
                      max_pct: Decimal, wgl_pct: Decimal, f_pct: Decimal | None) -> None:
    """The steps of _bedragen: its amounts, narrated."""
    wml, vb, basis = Bedrag(m.wml_per_maand), Bedrag(m.vakantiebijslag), Bedrag(m.basis)
    spoor.stap("lks.vakantiebijslag", m.vakantiebijslag, pct=vb_pct, wml=wml, vb=vb)
    spoor.stap("lks.basis", m.basis, wml=wml, vb=vb, basis=basis)
    if not subsidie:
        return
    if invoer.forfaitair:
        spoor.stap("lks.forfaitair", m.onbegrensd, pct=f_pct, basis=basis, lks=Bedrag(m.onbegrensd))
    else:
        spoor.stap("lks.loonwaarde", m.loonwaarde_bedrag, lw=Decimal(invoer.loonwaarde), basis=basis,
                   lwb=Bedrag(m.loonwaarde_bedrag))
        spoor.stap("lks.verschil", m.onbegrensd, basis=basis, lw=Bedrag(m.loonwaarde_bedrag),
                   lks=Bedrag(m.onbegrensd))
    spoor.stap("lks.maximum_bereikt" if m.maximum_bereikt else "lks.maximum_niet_bereikt", m.maximum,
               pct=max_pct.normalize(), basis=basis, max=Bedrag(m.maximum))
    spoor.stap("lks.per_maand", m.loonkostensubsidie, lks=Bedrag(m.onbegrensd), max=Bedrag(m.maximum))
    lks, wgl = Bedrag(m.loonkostensubsidie), Bedrag(m.werkgeverslasten)
    spoor.stap("lks.werkgeverslasten", m.werkgeverslasten, pct=wgl_pct, lks=lks, wgl=wgl)
    spoor.stap("lks.totaal", m.totaal, lks=lks, wgl=wgl, tot=Bedrag(m.totaal))


def _controleer(invoer: LksInvoer) -> int:
    """Input the rules cannot apply to raises InvoerFout; returns the age on the peildatum."""
    if invoer.geboortedatum is None and invoer.leeftijd is None:
        raise InvoerFout("geboortedatum", melding("lks.fout.geen_leeftijd"))
    if not invoer.forfaitair and invoer.loonwaarde is None:
        raise InvoerFout("loonwaarde", melding("lks.fout.geen_loonwaarde"))
    begin, eind = invoer.begindatum_dienstbetrekking, invoer.einddatum_dienstbetrekking
    if begin is not None and eind is not None and eind < begin:
        raise InvoerFout("einddatum_dienstbetrekking", melding("lks.fout.einde_voor_begin"))
    if begin is not None and invoer.peildatum < begin:
        raise InvoerFout("peildatum", melding("lks.fout.peildatum_voor_begin"))
    if eind is not None and invoer.peildatum > eind:
        raise InvoerFout("peildatum", melding("lks.fout.peildatum_na_einde"))
    leeftijd = invoer.leeftijd_op(invoer.peildatum)
    if leeftijd < JONGSTE_LEEFTIJD:
        raise InvoerFout("geboortedatum" if invoer.geboortedatum else "leeftijd", te_jong())
    return leeftijd


FORFAITAIR_DUUR = "lks.forfaitair_maximale_duur"


def forfaitair_einde(params: ParameterSet, begin: date, vd: date) -> date:
    """The first day after the forfaitaire period of a dienstbetrekking that starts on `begin` (art. 10d lid 5),
    as `_forfaitair_venster` sets it; a peildatum on or after it is refused there."""
    return _zelfde_dag_later(begin, int(params.at(FORFAITAIR_DUUR, vd).waarde))


def _forfaitair_venster(spoor: Rekenspoor, invoer: LksInvoer, vd: date) -> tuple[date, date]:
    """The forfaitaire period (art. 10d lid 5) as (first day, first day after it)."""
    duur = int(spoor.waarde(FORFAITAIR_DUUR, vd))
    begin = invoer.begindatum_dienstbetrekking
    datum = invoer.peildatum
    if begin is None:
        start = datum.replace(day=1)
        venster = (start, _zelfde_dag_later(start, duur))  # the month of the peildatum and the next duur − 1
        spoor.waarschuw("lks.waarschuwing.forfaitair_zonder_begindatum", duur=duur, start=start)
        return venster
    venster = (begin, _zelfde_dag_later(begin, duur))
    if datum >= venster[1]:
        laatste = venster[1] - EEN_DAG
        raise InvoerFout("loonwaarde", melding("lks.fout.forfaitair_voorbij", duur=duur, laatste=laatste, datum=datum))
    return venster


def bereken(invoer: LksInvoer, params: ParameterSet | None = None, uitleg: bool = False) -> Uitkomst:
    """LKS per month on the peildatum and the totals of its calendar year; with `invoer.jaaroverzicht`
    also every month of that year."""
    leeftijd = _controleer(invoer)
    spoor = Rekenspoor(params or default_parameters(), uitleg)
    datum = invoer.peildatum
    vd = vaststellingsdatum(invoer)
    uren = invoer.uren_per_week
    # Steps are only recorded with uitleg; the `if uitleg` guards only skip building their arguments.
    if uitleg:
        spoor.stap("lks.leeftijd", datum=datum, leeftijd=leeftijd, volwassen=VOLWASSEN_LEEFTIJD)
        spoor.stap("lks.vastgesteld_januari" if vd == date(datum.year, 1, 1) else "lks.vastgesteld_begindatum",
                   datum=vd)
    grond = _Grondslag(spoor, invoer, vd)
    ml = grond.minimumloon(leeftijd)
    wml_exact = grond.exact(leeftijd)
    # the Wml minimum per hour on the peildatum (BBL when it applies): what the werkgever must pay at least
    uur = _uurloon(spoor, invoer, ml, leeftijd, vd)
    if uitleg:
        _grondslag_stappen(spoor, invoer, grond, ml, uur, leeftijd, wml_exact)
    if uren > invoer.voltijd_uren_per_week:
        spoor.waarschuw("lks.waarschuwing.uren_boven_voltijd", uren=uren.normalize(),
                        voltijd=invoer.voltijd_uren_per_week.normalize())
    if invoer.forfaitair and invoer.loonwaarde is not None:
        spoor.waarschuw("lks.waarschuwing.forfaitair_loonwaarde")
    venster = _forfaitair_venster(spoor, invoer, vd) if invoer.forfaitair else None
    m = _bedragen(spoor, invoer, vd, wml_exact, stappen=uitleg)

    if uitleg and not invoer.forfaitair and invoer.loonwaarde == 100:
        spoor.stap("lks.volle_loonwaarde", NUL, lw=Decimal(invoer.loonwaarde))

    resultaat = _resultaat(leeftijd, ml, uur, m)
    if invoer.functieloon_per_uur is not None:
        _functieloon(spoor, invoer, uur, m, resultaat)
    resultaat["per_jaar"] = _per_jaar(spoor, invoer, grond, m, venster)
    return Uitkomst.uit_spoor(SOORT, datum, resultaat, spoor)


def _uurloon(spoor: Rekenspoor, invoer: LksInvoer, ml: Minimumloon, leeftijd: int, vd: date) -> Minimumloon:
    """The Wml minimum per hour on the peildatum (BBL when it applies): what the werkgever must pay at least."""
    if not invoer.bbl and vd == invoer.peildatum:
        return ml
    return minimumloon(spoor, leeftijd, invoer.bbl, invoer.peildatum, invoer.voltijd_uren_per_week, stappen=False)


def _resultaat(leeftijd: int, ml: Minimumloon, uur: Minimumloon, m: _Maandbedragen) -> dict:
    """The result fields of the month on the peildatum (the functieloon and the year are added by `bereken`)."""
    return {
        "leeftijd": leeftijd,
        "minimumloon_percentage": ml.percentage,
        "wml_per_uur": uur.per_uur,
        "wml_per_uur_indicatief": not uur.per_uur_regime,
        "wml_per_maand": m.wml_per_maand,
        "vakantiebijslag": m.vakantiebijslag,
        "wml_per_maand_incl_vakantiebijslag": m.basis,
        "loonwaarde_per_maand": m.loonwaarde_bedrag,
        "maximum_loonkostensubsidie": m.maximum,
        "maximum_bereikt": m.maximum_bereikt,
        "loonkostensubsidie": m.loonkostensubsidie,
        "werkgeverslasten": m.werkgeverslasten,
        "totaal": m.totaal,
        "functieloon_per_maand_incl_vakantiebijslag": None,
        "eigen_kosten_werkgever_boven_wml": None,
    }


# The fields of LksInvoer that `gelijke_uitkomst` knows; a new field must be thought through there first.
_BEKENDE_VELDEN = ("peildatum", "uren_per_week", "loonwaarde", "geboortedatum", "leeftijd", "voltijd_uren_per_week",
                   "forfaitair", "bbl", "functieloon_per_uur", "begindatum_dienstbetrekking",
                   "einddatum_dienstbetrekking", "jaaroverzicht")
assert tuple(f.name for f in fields(LksInvoer)) == _BEKENDE_VELDEN, "gelijke_uitkomst: LksInvoer changed"


def gelijke_uitkomst(invoer: LksInvoer):
    """(key, verschil) or None: two valid inputs with the same key get from `bereken` (without uitleg) the same
    Uitkomst except for the result fields in `verschil` (field -> this input's value), here only `leeftijd`, the
    age on the peildatum. Lets the batch compute a caseload of adults once per key instead of once per distinct birth date
    (issue 17 part 3); it does not compute anything itself. Read off `bereken` above; the cases it covers:

    - a geboortedatum with `jaar - geboortejaar - 1 >= 21` (jaar: the peildatum's year): every age in that year is
      at least 21 (also on 1 January and on the vaststellingsdatum), so the minimumloon is the adult one for every
      month (Wml art. 8; `_Grondslag.exact` and `jeugdpercentage` do not look at an age from 21), `_per_jaar` adds
      no birthday to its changes, and the birth date only shows as the age on the peildatum (`leeftijd`, the one
      result field in `verschil`; no warning names the age);
    - no forfaitaire LKS, no einddatum and no jaaroverzicht (the months list the ages of each month), and a
      begindatum that is absent (its own warning, so "no begindatum" is in the key) or before 1 January of that
      year: then the vaststellingsdatum is 1 January either way, the begindatum is no change within the year
      (`_per_jaar` keeps only changes in the year), no month is cut short, and no check of `_controleer` can fail
      on it. So the year is one run of equal months: the month of the peildatum (no `_maand` at all).

    Every other field is part of the key as it is. tests/test_batch_gelijk.py checks rows that share a key
    (other birth dates of the same age, other begindata before the year) against the single-case API."""
    if (invoer.geboortedatum is None or invoer.forfaitair or invoer.jaaroverzicht
            or invoer.einddatum_dienstbetrekking is not None):
        return None
    jaar = invoer.peildatum.year
    if jaar - invoer.geboortedatum.year - 1 < VOLWASSEN_LEEFTIJD:
        return None
    begin = invoer.begindatum_dienstbetrekking
    if begin is not None and begin >= date(jaar, 1, 1):
        return None
    return ((invoer.peildatum, begin is None, invoer.uren_per_week, invoer.loonwaarde, invoer.voltijd_uren_per_week,
             invoer.bbl, invoer.functieloon_per_uur), {"leeftijd": invoer.leeftijd_op(invoer.peildatum)})


def _grondslag_stappen(spoor: Rekenspoor, invoer: LksInvoer, grond: _Grondslag, ml: Minimumloon,
                       uur: Minimumloon, leeftijd: int, wml_exact: Decimal) -> None:
    """The steps from the WML per maand of Pw art. 2 to the WML for the contract hours."""
    vd = grond.datum
    onder = "b" if ml.per_uur_regime else "a"
    if ml.percentage == 100:
        spoor.stap("lks.wml_volwassen", ml.per_maand_voltijd, leeftijd=VOLWASSEN_LEEFTIJD, onder=onder,
                   maand=Bedrag(ml.per_maand_voltijd))
    else:
        volwassen = grond.minimumloon(VOLWASSEN_LEEFTIJD).per_maand_voltijd
        spoor.stap("lks.wml_jeugd" if ml.per_uur_regime else "lks.wml_jeugd_5_cent", ml.per_maand_voltijd,
                   leeftijd=leeftijd, onder=onder, pct=ml.percentage, volwassen=Bedrag(volwassen),
                   maand=Bedrag(ml.per_maand_voltijd))
        if invoer.bbl and leeftijd >= 18:
            spoor.stap("lks.bbl")
    deel = Bedrag(cent(wml_exact))
    afgetopt = invoer.uren_per_week > invoer.voltijd_uren_per_week
    if _per_arbeidsduur(spoor, vd):
        spoor.stap(
            "lks.wml_contracturen_forfaitair" if invoer.forfaitair else "lks.wml_contracturen", deel.amount,
            maand=Bedrag(ml.per_maand_voltijd), uren=grond.uren, noemer=grond.noemer, deel=deel,
            aftopping=melding("lks.aftopping", voltijd=invoer.voltijd_uren_per_week) if afgetopt else "",
        )
    else:
        spoor.stap(
            "lks.wml_contracturen_tot_uurloon_forfaitair" if invoer.forfaitair else "lks.wml_contracturen_tot_uurloon",
            deel.amount, jaar=_eerste_dag(spoor, ARBEIDSDUUR).year, maand=Bedrag(ml.per_maand_voltijd),
            uren=grond.uren, voltijd=invoer.voltijd_uren_per_week, deel=deel,
            aftopping=melding("lks.aftopping_tot_uurloon") if afgetopt else "",
        )
    if uur.per_uur_regime:
        sleutel = ("lks.wml_uur" if uur.percentage == 100 else
                   "lks.wml_uur_bbl" if invoer.bbl and leeftijd >= 18 else "lks.wml_uur_jeugd")
        spoor.stap(sleutel, uur.per_uur, datum=invoer.peildatum, uur=Bedrag(uur.per_uur))
    else:
        spoor.stap("lks.wml_uur_indicatief", uur.per_uur, jaar=_eerste_dag(spoor, "wml.uurloon").year,
                   uur=Bedrag(uur.per_uur))


def _eerste_dag(spoor: Rekenspoor, naam: str) -> date:
    """The first day with a value of parameter `naam` (a rule that starts with it, e.g. the hourly WML)."""
    return spoor.params.parameter(naam).entries[0].vanaf


def _functieloon(spoor: Rekenspoor, invoer: LksInvoer, ml, m: _Maandbedragen, resultaat: dict) -> None:
    f = invoer.functieloon_per_uur
    if f < ml.per_uur:
        spoor.waarschuw("lks.waarschuwing.functieloon_onder_wml")
    # A payroll comparison, not LKS law: hourly wage × hours × 52/12 weeks per month; each paid amount to the cent.
    maand = cent(f * invoer.uren_per_week * WEKEN_PER_JAAR / MAANDEN_PER_JAAR)
    vb = cent(procent(maand, spoor.waarde("wml.vakantiebijslag", invoer.peildatum)))
    incl = maand + vb
    eigen = max(NUL, incl - m.basis)
    resultaat["functieloon_per_maand_incl_vakantiebijslag"] = incl
    resultaat["eigen_kosten_werkgever_boven_wml"] = eigen
    spoor.stap("lks.functieloon", incl, f=Bedrag(f), uren=invoer.uren_per_week, weken=WEKEN_PER_JAAR,
               maanden=MAANDEN_PER_JAAR, maand=Bedrag(maand), vb=Bedrag(vb))
    spoor.stap("lks.eigen_kosten", eigen, incl=Bedrag(incl), basis=Bedrag(m.basis), eigen=Bedrag(eigen))


def _per_jaar(spoor: Rekenspoor, invoer: LksInvoer, grond: _Grondslag, hoofd: _Maandbedragen, venster) -> dict:
    """The calendar year of the peildatum: its totals always, the 12 months with `jaaroverzicht`.

    Every month uses the parameter values of the vaststellingsdatum (art. 10d lid 7; see the module docstring).
    A month counts only for the calendar days of the dienstbetrekking (begindatum to einddatum) and, with
    forfaitaire LKS, of its period (art. 10d lid 5); in the month of a birthday that moves a young worker to a
    higher percentage, each age counts for its own calendar days (the higher minimumjeugdloon applies from that
    day, Wml art. 8 lid 3). So a month that is only partly covered gets the WML of the whole month × covered days
    / days in the month, the same weighting as for a birthday. Each month then goes through the same pipeline as
    the peildatum (_bedragen).

    The totals need only the different months: within a run of months without such a change every month is
    the same (_gelijke_maanden), so the totals are a few months times their number; the run of the peildatum
    is the month already computed (`hoofd`). The full 12 months are computed one by one;
    tests/test_properties_lks.py checks that both give the same totals.
    """
    peildatum = invoer.peildatum
    jaar = peildatum.year
    begin, eind = invoer.begindatum_dienstbetrekking, invoer.einddatum_dienstbetrekking
    totaal_lks = totaal_wgl = NUL
    if invoer.jaaroverzicht:
        maanden = []
        for maand in maanden_van_jaar(jaar):
            delen, m = _maand(spoor, invoer, grond, maand, venster)
            totaal_lks += m.loonkostensubsidie
            totaal_wgl += m.werkgeverslasten
            maanden.append({
                "maand": maand.strftime("%Y-%m"),
                "leeftijd": [leeftijd for leeftijd, _ in delen],
                "wml_per_maand_incl_vakantiebijslag": m.basis,
                "loonkostensubsidie": m.loonkostensubsidie,
                "werkgeverslasten": m.werkgeverslasten,
                "totaal": m.totaal,
            })
    else:
        maanden = None
        p = peildatum.month - 1
        wissel = []  # the first days on which something may change
        if invoer.geboortedatum is not None and jaar - invoer.geboortedatum.year - 1 < VOLWASSEN_LEEFTIJD:
            # below 21 a birthday can change the WML (from 21 the age does not matter, Wml art. 8)
            wissel.append(verjaardag(invoer.geboortedatum, jaar))  # 29 February: 1 March in a non-leap year
        if begin is not None:
            wissel.append(begin)
        if eind is not None and eind.year == jaar:  # (an einddatum of 9999-12-31 has no day after it)
            wissel.append(eind + EEN_DAG)
        if venster is not None:
            wissel.extend(venster)
        for eerste, aantal, gesplitst in _gelijke_maanden(jaar, tuple(d for d in wissel if d.year == jaar)):
            a = eerste.month - 1
            if a <= p < a + aantal and not gesplitst:
                m = hoofd  # the run of the peildatum: its months are the month already computed on the peildatum
            else:
                m = _maand(spoor, invoer, grond, eerste, venster)[1]
            totaal_lks += aantal * m.loonkostensubsidie
            totaal_wgl += aantal * m.werkgeverslasten
    if invoer.geboortedatum is None and invoer.leeftijd is not None and invoer.leeftijd < VOLWASSEN_LEEFTIJD:
        spoor.waarschuw("lks.waarschuwing.alleen_leeftijd")
    if begin is None:
        spoor.waarschuw("lks.waarschuwing.geen_begindatum" if eind is None
                        else "lks.waarschuwing.geen_begindatum_wel_einddatum", jaar=jaar)
    if spoor.uitleg:
        spoor.stap("lks.kalenderjaar", totaal_lks, jaar=jaar, datum=grond.datum, tot=Bedrag(totaal_lks))
    return {
        "jaar": jaar,
        "vastgesteld_per": grond.datum,
        "loonkostensubsidie": totaal_lks,
        "werkgeverslasten": totaal_wgl,
        "totaal": totaal_lks + totaal_wgl,
        "maanden": maanden,
    }


def _maand(spoor: Rekenspoor, invoer: LksInvoer, grond: _Grondslag, maand: date,
           venster) -> tuple[list, _Maandbedragen]:
    """One calendar month (`maand`: its first day): its (age, days) parts and its amounts."""
    delen = leeftijdsdelen(invoer.geboortedatum, invoer.leeftijd, maand)
    n = dagen_in_maand(maand.year, maand.month)
    laatste = maand.replace(day=n)
    begin, eind = invoer.begindatum_dienstbetrekking, invoer.einddatum_dienstbetrekking
    van = max(maand, begin) if begin is not None else maand
    tot = min(laatste, eind) if eind is not None else laatste
    if van > tot:
        return delen, GEEN  # no day of the dienstbetrekking in this month
    subsidie = True
    if venster is not None:
        f_van, f_tot = max(van, venster[0]), min(tot, venster[1] - EEN_DAG)
        if f_van > f_tot:
            subsidie = False  # in the dienstbetrekking, after (or before) the forfaitaire period
        else:
            van, tot = f_van, f_tot
    eerste_dag, laatste_dag = van.day, tot.day
    per_deel = []  # (exact WML per month at that age, covered days at that age); none below 15 (no WML)
    dag = 1
    for leeftijd, dagen in delen:
        dagen_hier = min(dag + dagen - 1, laatste_dag) - max(dag, eerste_dag) + 1
        dag += dagen
        if dagen_hier > 0 and leeftijd >= JONGSTE_LEEFTIJD:
            per_deel.append((grond.exact(leeftijd), dagen_hier))
    if len(per_deel) == 1 and per_deel[0][1] == n:
        exact = per_deel[0][0]  # one WML for the whole month
    else:
        # a birthday after the 1st that changes the WML, or a month only partly covered: by calendar days
        exact = sum((deel * dagen / n for deel, dagen in per_deel), NUL)
    return delen, _maandbedragen(spoor, invoer, grond, exact, subsidie)


def _maandbedragen(spoor: Rekenspoor, invoer: LksInvoer, grond: _Grondslag, exact: Decimal,
                   subsidie: bool = True) -> _Maandbedragen:
    """_bedragen on the vaststellingsdatum of `grond`, kept in `grond.maanden` when that is a dict: the amounts
    depend only on the exact WML of the month, the parameter values of that date (the same `spoor.params` for
    one grond) and whether there is subsidie, forfaitair or a loonwaarde."""
    memo = grond.maanden
    if memo is None:
        return _bedragen(spoor, invoer, grond.datum, exact, subsidie=subsidie)
    sleutel = (exact, subsidie, invoer.forfaitair, invoer.loonwaarde)
    m = memo.get(sleutel)
    if m is None:
        if len(memo) >= _MAANDEN_MAX:
            memo.clear()  # bounded memory
        m = memo[sleutel] = _bedragen(spoor, invoer, grond.datum, exact, subsidie=subsidie)
    return m


_MAANDEN_MAX = 20_000  # month amounts kept per grond in Jaartotalen
_GRONDEN_MAX = 2_000  # gronden (vaststellingsdatum, hours, full-time hours) kept in Jaartotalen


class Jaartotalen:
    """The age on the peildatum and the year totals (`per_jaar` without jaaroverzicht) of many cases in a row,
    for the batch (issue 17 part 3): the same `_per_jaar`, `_maand` and `_bedragen` as `bereken`, computed on one
    long-lived _Grondslag per (vaststellingsdatum, contract hours, full-time hours) whose month amounts are kept
    (`_maandbedragen`). A young worker's birthday splits the year differently for every birth date, but the
    months themselves repeat: the same exact WML and loonwaarde give the same amounts.

    Not for a jaaroverzicht or a functieloon (refused); with forfaitaire LKS the period of art. 10d lid 5 comes from
    `_forfaitair_venster` as in `bereken` (a peildatum after it raises there as it does in `bereken`). The warnings
    and parameters of a case are not collected here: the batch takes them from the first case of its class,
    computed in full by `bereken` (soorten.schemas.loonkostensubsidie.LksKlassen); tests/test_batch_klassen.py
    compares whole files with the full computation."""

    def __init__(self, params: ParameterSet):
        self.spoor = Rekenspoor(params, False)  # long-lived: its warnings and used values are not read
        self.gronden: dict = {}

    def _grond(self, invoer: LksInvoer) -> _Grondslag:
        if invoer.jaaroverzicht or invoer.functieloon_per_uur is not None:
            raise ValueError("Jaartotalen: a functieloon and the jaaroverzicht go through bereken")
        vd = vaststellingsdatum(invoer)
        sleutel = (vd, invoer.uren_per_week, invoer.voltijd_uren_per_week)
        grond = self.gronden.get(sleutel)
        if grond is None:
            if len(self.gronden) >= _GRONDEN_MAX:
                self.gronden.clear()
            grond = self.gronden[sleutel] = _Grondslag(self.spoor, invoer, vd)
            grond.maanden = {}
        return grond

    def _maand_en_jaar(self, invoer: LksInvoer, totalen: bool = True) -> tuple[_Grondslag, int, _Maandbedragen, dict]:
        """(grond, leeftijd, the month on the peildatum, per_jaar) as `bereken` computes them; `totalen=False`:
        per_jaar without its three year totals (None)."""
        grond = self._grond(invoer)
        leeftijd = invoer.leeftijd_op(invoer.peildatum)
        venster = _forfaitair_venster(self.spoor, invoer, grond.datum) if invoer.forfaitair else None
        m = _maandbedragen(self.spoor, invoer, grond, grond.exact(leeftijd))
        if not totalen:
            return grond, leeftijd, m, {"jaar": invoer.peildatum.year, "vastgesteld_per": grond.datum,
                                        "loonkostensubsidie": None, "werkgeverslasten": None, "totaal": None,
                                        "maanden": None}
        jaar = None if venster is not None else self._per_jaar_verjaardag(invoer, grond, m)
        return grond, leeftijd, m, jaar or _per_jaar(self.spoor, invoer, grond, m, venster)

    def _per_jaar_verjaardag(self, invoer: LksInvoer, grond: _Grondslag, hoofd: _Maandbedragen) -> dict | None:
        """`_per_jaar` (its totals) when only a birthday can change the month amount in the year: a birth date,
        no einddatum, no begindatum in the year, no forfaitaire period (else None: `_per_jaar` itself). Then the
        runs of `_gelijke_maanden` are at most three (before the birthday, its month when it falls after the 1st,
        after it) and a run of whole months has one age all month: its amounts are `_maandbedragen` of the exact
        WML at that age, as `_maand` finds them, without splitting each month into its (age, days) parts again
        (for the batch's young workers, whose birth dates make nearly every case distinct); the month of the
        birthday is its two parts, weighted by days as in `_maand`. tests/test_batch_klassen.py compares with
        `bereken` on birth dates through the year, 29 February and ages below 15 included."""
        geb, begin = invoer.geboortedatum, invoer.begindatum_dienstbetrekking
        peildatum = invoer.peildatum
        jaar = peildatum.year
        if geb is None or invoer.einddatum_dienstbetrekking is not None or (begin is not None and begin.year >= jaar):
            return None
        # below 21 a birthday can change the WML (from 21 the age does not matter, Wml art. 8), as in _per_jaar
        wissel = (verjaardag(geb, jaar),) if jaar - geb.year - 1 < VOLWASSEN_LEEFTIJD else ()
        p = peildatum.month - 1
        totaal_lks = totaal_wgl = NUL
        for eerste, aantal, gesplitst in _gelijke_maanden(jaar, wissel):
            a = eerste.month - 1
            if gesplitst:
                # the month of a birthday after the 1st: each age for its own calendar days, the same sum as _maand
                # (its parts are the days before the birthday and the rest; none below 15, which has no WML)
                n = dagen_in_maand(jaar, eerste.month)
                voor = wissel[0].day - 1
                leeftijd = leeftijd_op(geb, eerste)
                exact = NUL
                if leeftijd >= JONGSTE_LEEFTIJD:
                    exact = exact + grond.exact(leeftijd) * voor / n
                if leeftijd + 1 >= JONGSTE_LEEFTIJD:
                    exact = exact + grond.exact(leeftijd + 1) * (n - voor) / n
                # not kept in grond.maanden: a birthday's split hardly repeats, and kept it pushed out the whole
                # months that do (the memo is cleared when full)
                m = _bedragen(self.spoor, invoer, grond.datum, exact)
            elif a <= p < a + aantal:
                m = hoofd
            else:
                leeftijd = leeftijd_op(geb, eerste)  # the same all run: a birthday starts a new run
                m = _maandbedragen(self.spoor, invoer, grond,
                                   grond.exact(leeftijd) if leeftijd >= JONGSTE_LEEFTIJD else NUL)
            totaal_lks += aantal * m.loonkostensubsidie
            totaal_wgl += aantal * m.werkgeverslasten
        return {"jaar": jaar, "vastgesteld_per": grond.datum, "loonkostensubsidie": totaal_lks,
                "werkgeverslasten": totaal_wgl, "totaal": totaal_lks + totaal_wgl, "maanden": None}

    def totalen(self, invoer: LksInvoer) -> tuple[int, Decimal, Decimal, Decimal]:
        """(leeftijd, per_jaar.loonkostensubsidie, per_jaar.werkgeverslasten, per_jaar.totaal), as `bereken`."""
        _, leeftijd, _, jaar = self._maand_en_jaar(invoer)
        return leeftijd, jaar["loonkostensubsidie"], jaar["werkgeverslasten"], jaar["totaal"]

    def resultaat(self, invoer: LksInvoer, totalen: bool = True) -> dict:
        """The whole result of `bereken` (without uitleg) for the input: the same steps, on the kept grond and
        month amounts. `totalen=False`: the three year totals in `per_jaar` are None, not computed (for a caller
        that takes them per case from `totalen`, as the batch's classes of young workers do)."""
        grond, leeftijd, m, jaar = self._maand_en_jaar(invoer, totalen)
        ml = grond.minimumloon(leeftijd)
        resultaat = _resultaat(leeftijd, ml, _uurloon(self.spoor, invoer, ml, leeftijd, grond.datum), m)
        resultaat["per_jaar"] = jaar
        return resultaat


@lru_cache(maxsize=4096)
def _gelijke_maanden(jaar: int, wissel: tuple) -> tuple[tuple[date, int, bool], ...]:
    """The year as runs of identical months: (first month, number of months, split within the month).

    `wissel` holds the first days in `jaar` on which the month amount may change (a birthday below 21, the
    begindatum, the day after the einddatum, the start and the end of the forfaitaire period). A run ends at
    each; a change after the 1st makes its month a run of its own (weighted by days). Pure calendar arithmetic
    on its arguments, so cached."""
    grenzen = {0, 12}
    gesplitst = set()
    for d in wissel:
        grenzen.add(d.month - 1)
        if d.day > 1:
            gesplitst.add(d.month - 1)
            grenzen.add(d.month)
    grenzen = sorted(grenzen)
    return tuple((date(jaar, a + 1, 1), b - a, a in gesplitst) for a, b in zip(grenzen, grenzen[1:]))


__all__ = ["LksInvoer", "bereken", "SOORT", "vaststellingsdatum", "gelijke_uitkomst", "Jaartotalen",
           "forfaitair_einde"]

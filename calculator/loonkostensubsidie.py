"""Loonkostensubsidie (LKS), Participatiewet art. 10d.

art. 10d lid 1 onder a and lid 4: LKS = the difference between the wettelijk minimumloon plus 8 %
vakantiebijslag (Wml art. 15) and the loonwaarde (plus its vakantiebijslag), at most 70 % of WML + vakantiebijslag;
art. 10d lid 1 onder b and lid 5: forfaitaire LKS (50 % of WML + vakantiebijslag) for at most the first 6 months;
art. 10d lid 4-5 with the Regeling loonkostensubsidie Participatiewet 2021, art. 1: a vergoeding for
werkgeverslasten of 23,5 % of the LKS.
Besluit loonkostensubsidie Participatiewet 2021 art. 3 lid 1: the loonwaarde is a whole percentage.
Since 2017 the loonwaarde is a percentage of the WML (Cedris/Programmaraad 19-01-2017); a functieloon
above the WML is the werkgever's own cost.

Rounding: every amount that is paid (the monthly wage, its vakantiebijslag, the loonwaarde in euros,
the LKS, the werkgeverslastenvergoeding) is rounded half-up to the cent once, when it is formed;
everything after that is exact sums of those cent amounts, so each step can be checked by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from parameters import ParameterSet, default_parameters

from .errors import InvoerFout
from .explanation import Bedrag, Rekenspoor, Uitkomst
from .money import NUL, cent, procent
from .periods import dagen_in_maand, leeftijd_van, leeftijdsdelen, maanden_van_jaar, plus_maanden, verjaardag
from .wml import (JONGSTE_LEEFTIJD, MAANDEN_PER_JAAR, VOLWASSEN_LEEFTIJD, WEKEN_PER_JAAR, minimumloon,
                  per_maand_exact)

SOORT = "loonkostensubsidie"
ART_10D = "Participatiewet art. 10d"
STANDAARD_VOLTIJD_UREN = Decimal(38)


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
    if stappen:
        spoor.stap("Vakantiebijslag", vakantiebijslag, "Wml art. 15 lid 1",
                   "{pct} % × {wml} = {vb}", pct=vb_pct, wml=Bedrag(wml_maand), vb=Bedrag(vakantiebijslag))
        spoor.stap("Minimumloon per maand inclusief vakantiebijslag", basis, ART_10D,
                   "{wml} + {vb} = {basis}", wml=Bedrag(wml_maand), vb=Bedrag(vakantiebijslag), basis=Bedrag(basis))
    loonwaarde_bedrag = None
    if not subsidie:
        onbegrensd = NUL
    elif invoer.forfaitair:
        f_pct = spoor.waarde("lks.forfaitair_percentage", datum)
        onbegrensd = cent(procent(basis, f_pct))
        if stappen:
            spoor.stap("Forfaitaire loonkostensubsidie (loonwaarde nog niet vastgesteld)", onbegrensd,
                       f"{ART_10D} lid 1 onder b en lid 5", "{pct} % × {basis} = {lks}",
                       pct=f_pct, basis=Bedrag(basis), lks=Bedrag(onbegrensd))
    else:
        lw = Decimal(invoer.loonwaarde)
        loonwaarde_bedrag = cent(procent(basis, lw))
        onbegrensd = basis - loonwaarde_bedrag
        if stappen:
            spoor.stap("Loonwaarde in euro's", loonwaarde_bedrag,
                       "Besluit loonkostensubsidie Participatiewet 2021 art. 3 (loonwaarde in hele procenten van het WML)",
                       "{lw} % × {basis} = {lwb}", lw=lw, basis=Bedrag(basis), lwb=Bedrag(loonwaarde_bedrag))
            spoor.stap("Verschil tussen minimumloon en loonwaarde", onbegrensd, f"{ART_10D} lid 4",
                       "{basis} − {lw} = {lks}", basis=Bedrag(basis), lw=Bedrag(loonwaarde_bedrag),
                       lks=Bedrag(onbegrensd))
    lks = min(onbegrensd, maximum)
    if stappen and subsidie:
        spoor.stap(
            f"Maximum: {format(max_pct.normalize(), 'f').replace('.', ',')} % van het minimumloon inclusief vakantiebijslag",
            maximum, f"{ART_10D} lid 4",
            "{pct} % × {basis} = {max}" + (" → het maximum is bereikt" if onbegrensd > maximum else " → niet bereikt"),
            pct=max_pct, basis=Bedrag(basis), max=Bedrag(maximum),
        )
        spoor.stap("Loonkostensubsidie per maand", lks, f"{ART_10D} lid 4",
                   "de laagste van {lks} en {max}", lks=Bedrag(onbegrensd), max=Bedrag(maximum))
    wgl_pct = spoor.waarde("lks.werkgeverslasten_percentage", datum)
    werkgeverslasten = cent(procent(lks, wgl_pct))
    if stappen and subsidie:
        spoor.stap("Vergoeding werkgeverslasten", werkgeverslasten,
                   f"{ART_10D} lid 4 en 5; Regeling loonkostensubsidie Participatiewet 2021 art. 1",
                   "{pct} % × {lks} = {wgl}", pct=wgl_pct, lks=Bedrag(lks), wgl=Bedrag(werkgeverslasten))
        spoor.stap("Totaal per maand", lks + werkgeverslasten, ART_10D, "{lks} + {wgl} = {tot}",
                   lks=Bedrag(lks), wgl=Bedrag(werkgeverslasten), tot=Bedrag(lks + werkgeverslasten))
    return _Maandbedragen(wml_maand, vakantiebijslag, basis, loonwaarde_bedrag, maximum, onbegrensd, lks,
                          werkgeverslasten)


def _controleer(invoer: LksInvoer) -> int:
    """Input the rules cannot apply to raises InvoerFout; returns the age on the peildatum."""
    if invoer.geboortedatum is None and invoer.leeftijd is None:
        raise InvoerFout("geboortedatum", "Vul een geboortedatum of een leeftijd in.")
    if not invoer.forfaitair and invoer.loonwaarde is None:
        raise InvoerFout("loonwaarde", "Vul de loonwaarde in (of kies de forfaitaire loonkostensubsidie).")
    leeftijd = invoer.leeftijd_op(invoer.peildatum)
    if leeftijd < JONGSTE_LEEFTIJD:
        raise InvoerFout(
            "geboortedatum" if invoer.geboortedatum else "leeftijd",
            f"Voor een werknemer jonger dan {JONGSTE_LEEFTIJD} jaar geldt geen wettelijk minimumloon.",
        )
    return leeftijd


def bereken(invoer: LksInvoer, params: ParameterSet | None = None, uitleg: bool = False) -> Uitkomst:
    """LKS per month on the peildatum and the totals of its calendar year; with `invoer.jaaroverzicht`
    also every month of that year."""
    leeftijd = _controleer(invoer)
    spoor = Rekenspoor(params or default_parameters(), uitleg)
    datum = invoer.peildatum
    uren = invoer.uren_per_week
    # Steps are only recorded with uitleg; the `if uitleg` guards only skip building their arguments.
    if uitleg:
        spoor.stap(f"Leeftijd op {datum.isoformat()}: {leeftijd} jaar",
                   grondslag="Wml art. 8 (minimumjeugdloon tot 21 jaar)")

    ml = minimumloon(spoor, leeftijd, invoer.bbl, datum, invoer.voltijd_uren_per_week, stappen=uitleg)
    wml_exact = per_maand_exact(ml, uren)
    if not uitleg:
        pass
    elif ml.per_uur_regime:
        spoor.stap("Minimumloon per maand voor de contracturen", cent(wml_exact), ART_10D,
                   "{uur} × {uren} uur per week × 52 / 12 = {maand} (afgerond op de cent)",
                   uur=Bedrag(ml.per_uur), uren=uren, maand=Bedrag(cent(wml_exact)))
    else:
        spoor.stap("Minimumloon per maand voor de contracturen", cent(wml_exact), ART_10D,
                   "{maand} × {uren} / {voltijd} uur = {deel} (afgerond op de cent)",
                   maand=Bedrag(ml.per_maand_voltijd), uren=uren, voltijd=ml.voltijd_uren,
                   deel=Bedrag(cent(wml_exact)))
    if invoer.forfaitair and invoer.loonwaarde is not None:
        spoor.waarschuw("Bij forfaitaire loonkostensubsidie telt de ingevulde loonwaarde niet mee.")
    venster = None  # the forfaitaire period: (first month, first month after it)
    if invoer.forfaitair:
        duur = int(spoor.waarde("lks.forfaitair_maximale_duur", datum))
        start = datum.replace(day=1)
        venster = (start, plus_maanden(start, duur))  # the month of the peildatum and the next duur − 1
        spoor.waarschuw(
            f"Forfaitaire loonkostensubsidie geldt ten hoogste {duur} maanden, te rekenen vanaf "
            f"{datum.strftime('%m-%Y')} (de maand van de peildatum). Daarna moet de loonwaarde zijn vastgesteld."
        )
    m = _bedragen(spoor, invoer, datum, wml_exact, stappen=uitleg)

    if uitleg and not invoer.forfaitair and invoer.loonwaarde == 100:
        spoor.stap("Loonwaarde 100 %: de werknemer levert het volle minimumloon aan waarde, "
                   "dus er is geen loonkostensubsidie", NUL, f"{ART_10D} lid 4")

    resultaat: dict = {
        "leeftijd": leeftijd,
        "minimumloon_percentage": ml.percentage,
        "wml_per_uur": ml.per_uur,
        "wml_per_uur_indicatief": not ml.per_uur_regime,
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
    if invoer.functieloon_per_uur is not None:
        _functieloon(spoor, invoer, ml, m, resultaat)
    resultaat["per_jaar"] = _per_jaar(spoor, invoer, m, venster)
    return Uitkomst.uit_spoor(SOORT, datum, resultaat, spoor)


def _functieloon(spoor: Rekenspoor, invoer: LksInvoer, ml, m: _Maandbedragen, resultaat: dict) -> None:
    f = invoer.functieloon_per_uur
    if f < ml.per_uur:
        spoor.waarschuw(
            "Het functieloon per uur ligt onder het wettelijk minimumloon per uur; de werkgever moet "
            "ten minste het minimumloon betalen (Wml art. 7)."
        )
    # Same pro-rata factor as the WML (52/12 weeks per month); each paid amount rounded to the cent once.
    maand = cent(f * invoer.uren_per_week * WEKEN_PER_JAAR / MAANDEN_PER_JAAR)
    vb = cent(procent(maand, spoor.waarde("wml.vakantiebijslag", invoer.peildatum)))
    incl = maand + vb
    eigen = max(NUL, incl - m.basis)
    resultaat["functieloon_per_maand_incl_vakantiebijslag"] = incl
    resultaat["eigen_kosten_werkgever_boven_wml"] = eigen
    spoor.stap("Functieloon per maand inclusief vakantiebijslag", incl, "cao of arbeidsovereenkomst",
               "{f} × {uren} uur × 52 / 12 = {maand}, plus vakantiebijslag {vb}",
               f=Bedrag(f), uren=invoer.uren_per_week, maand=Bedrag(maand), vb=Bedrag(vb))
    spoor.stap("Deel van het functieloon boven het minimumloon: kosten van de werkgever, geen subsidie", eigen,
               f"{ART_10D} (subsidie alleen tot het wettelijk minimumloon)",
               "{incl} − {basis} = {eigen}", incl=Bedrag(incl), basis=Bedrag(m.basis), eigen=Bedrag(eigen))


def _per_jaar(spoor: Rekenspoor, invoer: LksInvoer, hoofd: _Maandbedragen, venster) -> dict:
    """The calendar year of the peildatum: its totals always, the 12 months with `jaaroverzicht`.

    Each month has the WML on its first day (the changes on 1 January and 1 July), and in the month of a
    birthday that moves a young worker to a higher percentage, the WML weighted by calendar days before
    and from the birthday (the higher minimumjeugdloon applies from that day, Wml art. 8). Forfaitaire
    LKS counts only for its maximum duration from the month of the peildatum (art. 10d lid 5). Each
    month then goes through the same pipeline as the peildatum (_bedragen).

    The totals need only the different months: within a run of months without a new parameter value on
    the 1st, without a birthday and without a start or end of the forfaitaire period, every month is the
    same (_gelijke_maanden). So the totals are a few months times their number; the month of the
    peildatum is the one already computed (`hoofd`) when nothing changes within it. The full 12 months
    are computed one by one; tests/test_properties_lks.py checks that both give the same totals.
    """
    peildatum = invoer.peildatum
    jaar = peildatum.year
    nieuw, run_van, binnen = _wisselingen(spoor.params, jaar)
    per_leeftijd: dict = {}  # (age, first month of the parameter run) -> exact WML per month
    totaal_lks = totaal_wgl = NUL
    if invoer.jaaroverzicht:
        maanden = []
        for maand in maanden_van_jaar(jaar):
            delen, m = _maand(spoor, invoer, maand, venster, run_van, per_leeftijd)
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
        jarig = None
        if invoer.geboortedatum is not None and jaar - invoer.geboortedatum.year - 1 < VOLWASSEN_LEEFTIJD:
            # below 21 a birthday can change the WML (from 21 the age does not matter, Wml art. 8)
            jarig = verjaardag(invoer.geboortedatum, jaar)  # 29 February: 1 March in a non-leap year
        for eerste, aantal, gesplitst in _gelijke_maanden(jaar, nieuw, jarig, venster):
            a = eerste.month - 1
            if a <= p < a + aantal and not gesplitst and (peildatum.day == 1 or p not in binnen):
                m = hoofd  # the run of the peildatum: its months are the month already computed on the peildatum
            else:
                m = _maand(spoor, invoer, eerste, venster, run_van, per_leeftijd)[1]
            totaal_lks += aantal * m.loonkostensubsidie
            totaal_wgl += aantal * m.werkgeverslasten
    if invoer.geboortedatum is None and invoer.leeftijd is not None and invoer.leeftijd < VOLWASSEN_LEEFTIJD:
        spoor.waarschuw("Alleen de leeftijd is bekend: het jaartotaal houdt geen rekening met een verjaardag "
                        "in het jaar. Vul de geboortedatum in voor een precies jaartotaal.")
    if spoor.uitleg:
        spoor.stap("Loonkostensubsidie in het kalenderjaar", totaal_lks, ART_10D,
                   "som van de 12 maanden (elke maand met het minimumloon van die maand) = {tot}",
                   tot=Bedrag(totaal_lks))
    return {
        "jaar": jaar,
        "loonkostensubsidie": totaal_lks,
        "werkgeverslasten": totaal_wgl,
        "totaal": totaal_lks + totaal_wgl,
        "maanden": maanden,
    }


def _maand(spoor: Rekenspoor, invoer: LksInvoer, maand: date, venster, run_van,
           per_leeftijd: dict) -> tuple[list, _Maandbedragen]:
    """One calendar month (`maand`: its first day): its (age, days) parts and its amounts."""
    delen = leeftijdsdelen(invoer.geboortedatum, invoer.leeftijd, maand)
    run = run_van[maand.month - 1]
    per_deel = []  # (exact WML per month at that age, days at that age); none below 15 (no WML)
    for leeftijd, dagen in delen:
        if leeftijd >= JONGSTE_LEEFTIJD:
            # from 21 the WML does not depend on the age (Wml art. 8): one amount for all adult ages
            sleutel = (min(leeftijd, VOLWASSEN_LEEFTIJD), run)
            deel = per_leeftijd.get(sleutel)
            if deel is None:
                ml = minimumloon(spoor, leeftijd, invoer.bbl, maand, invoer.voltijd_uren_per_week, stappen=False)
                deel = per_leeftijd[sleutel] = per_maand_exact(ml, invoer.uren_per_week)
            per_deel.append((deel, dagen))
    if len(per_deel) == len(delen) and all(deel is per_deel[0][0] for deel, _ in per_deel):
        exact = per_deel[0][0]  # one WML for the whole month
    else:
        # a birthday after the 1st that changes the WML: each amount for its calendar days
        exact = sum((deel * dagen / dagen_in_maand(maand.year, maand.month) for deel, dagen in per_deel), NUL)
    subsidie = venster is None or venster[0] <= maand < venster[1]
    return delen, _bedragen(spoor, invoer, maand, exact, subsidie=subsidie)


@lru_cache(maxsize=4096)
def _gelijke_maanden(jaar: int, nieuw: tuple, jarig: date | None, venster) -> tuple[tuple[date, int, bool], ...]:
    """The year as runs of identical months: (first month, number of months, split by a birthday).

    A run ends where a WML or LKS parameter may take a new value on the 1st (`nieuw`, from the data),
    at a birthday that can change the WML (`jarig`, below 21: from its month; a birthday after the 1st
    makes that month a run of its own, weighted by days), and where the forfaitaire period (`venster`)
    starts or ends. Pure calendar arithmetic on its arguments, so cached."""
    grenzen = {0, 12}
    grenzen.update(i for i, n in enumerate(nieuw) if n)
    gesplitst = None
    if jarig is not None:
        grenzen.add(jarig.month - 1)
        if jarig.day > 1:
            gesplitst = jarig.month - 1
            grenzen.add(jarig.month)
    if venster is not None:
        grenzen.update(d.month - 1 for d in venster if d.year == jaar)
    grenzen = sorted(grenzen)
    return tuple((date(jaar, a + 1, 1), b - a, a == gesplitst) for a, b in zip(grenzen, grenzen[1:]))


def _wisselingen(params: ParameterSet, jaar: int) -> tuple:
    """Where WML and LKS parameter values change in `jaar`, derived from the parameter data (a new
    value, vervallen, or past `bekend_tot`), cached per parameter set and year:
    - for each month: may a value on its first day differ from the first of the month before
      (January always counts as new);
    - for each month: the index of the first month of its run (months without a new value in between);
    - the month indexes in which a value changes after the first day."""
    sleutel = ("lks.wisselingen", jaar)
    out = params.afgeleid.get(sleutel)
    if out is None:
        grenzen = set()
        binnen = set()
        for par in params:
            if par.naam.startswith(("wml.", "lks.")):
                for g in [e.vanaf for e in par.entries] + [par.bekend_tot + timedelta(days=1)]:
                    # a value from day d > 1 is first seen on the first of the next month
                    eerste = g if g.day == 1 else plus_maanden(g, 1)
                    grenzen.add((eerste.year, eerste.month))
                    if g.day > 1 and g.year == jaar:
                        binnen.add(g.month - 1)
        nieuw = tuple(m == 1 or (jaar, m) in grenzen for m in range(1, 13))
        run_van = []
        for i, n in enumerate(nieuw):
            run_van.append(i if n else run_van[-1])
        out = params.afgeleid[sleutel] = (nieuw, tuple(run_van), frozenset(binnen))
    return out


__all__ = ["LksInvoer", "bereken", "SOORT"]

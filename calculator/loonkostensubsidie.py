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
from .money import CENT, HALF_UP, HONDERD, NUL, cent, procent
from .periods import dagen_in_maand, leeftijd_van, maanden_van_jaar, plus_maanden, verjaardag
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
    # the month-by-month overview of the calendar year (`per_jaar`): asked for, not computed by default
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
    # The monthly wage is a cent amount: rounded half-up once. (`.quantize(CENT, None, HALF_UP)` is
    # money.cent and `a * pct / HONDERD` is money.procent, written out here because this runs for
    # every month of the year overview.)
    wml_maand = wml_exact.quantize(CENT, None, HALF_UP)
    vb_pct = spoor.waarde("wml.vakantiebijslag", datum)
    vakantiebijslag = (wml_maand * vb_pct / HONDERD).quantize(CENT, None, HALF_UP)
    basis = wml_maand + vakantiebijslag
    max_pct = spoor.waarde("lks.maximum_percentage", datum)
    maximum = (basis * max_pct / HONDERD).quantize(CENT, None, HALF_UP)
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
        onbegrensd = (basis * f_pct / HONDERD).quantize(CENT, None, HALF_UP)
        if stappen:
            spoor.stap("Forfaitaire loonkostensubsidie (loonwaarde nog niet vastgesteld)", onbegrensd,
                       f"{ART_10D} lid 1 onder b en lid 5", "{pct} % × {basis} = {lks}",
                       pct=f_pct, basis=Bedrag(basis), lks=Bedrag(onbegrensd))
    else:
        lw = Decimal(invoer.loonwaarde)
        loonwaarde_bedrag = (basis * lw / HONDERD).quantize(CENT, None, HALF_UP)
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
            "Maximum: 70 % van het minimumloon inclusief vakantiebijslag", maximum, f"{ART_10D} lid 4",
            "{pct} % × {basis} = {max}" + (" → het maximum is bereikt" if onbegrensd > maximum else " → niet bereikt"),
            pct=max_pct, basis=Bedrag(basis), max=Bedrag(maximum),
        )
        spoor.stap("Loonkostensubsidie per maand", lks, f"{ART_10D} lid 4",
                   "de laagste van {lks} en {max}", lks=Bedrag(onbegrensd), max=Bedrag(maximum))
    wgl_pct = spoor.waarde("lks.werkgeverslasten_percentage", datum)
    werkgeverslasten = (lks * wgl_pct / HONDERD).quantize(CENT, None, HALF_UP)
    if stappen and subsidie:
        spoor.stap("Vergoeding werkgeverslasten", werkgeverslasten,
                   f"{ART_10D} lid 4 en 5; Regeling loonkostensubsidie Participatiewet 2021 art. 1",
                   "{pct} % × {lks} = {wgl}", pct=wgl_pct, lks=Bedrag(lks), wgl=Bedrag(werkgeverslasten))
        spoor.stap("Totaal per maand", lks + werkgeverslasten, ART_10D, "{lks} + {wgl} = {tot}",
                   lks=Bedrag(lks), wgl=Bedrag(werkgeverslasten), tot=Bedrag(lks + werkgeverslasten))
    return _Maandbedragen(wml_maand, vakantiebijslag, basis, loonwaarde_bedrag, maximum, onbegrensd, lks,
                          werkgeverslasten)


def _controleer(invoer: LksInvoer) -> None:
    if invoer.geboortedatum is None and invoer.leeftijd is None:
        raise InvoerFout("geboortedatum", "Vul een geboortedatum of een leeftijd in.")
    if not invoer.forfaitair and invoer.loonwaarde is None:
        raise InvoerFout("loonwaarde", "Vul de loonwaarde in (of kies de forfaitaire loonkostensubsidie).")
    if invoer.leeftijd_op(invoer.peildatum) < JONGSTE_LEEFTIJD:
        raise InvoerFout(
            "geboortedatum" if invoer.geboortedatum else "leeftijd",
            f"Voor een werknemer jonger dan {JONGSTE_LEEFTIJD} jaar geldt geen wettelijk minimumloon.",
        )


def bereken(invoer: LksInvoer, params: ParameterSet | None = None, uitleg: bool = False) -> Uitkomst:
    """LKS per month on the peildatum; with `invoer.jaaroverzicht` also every month of its calendar year."""
    _controleer(invoer)
    spoor = Rekenspoor(params or default_parameters(), uitleg)
    datum = invoer.peildatum
    leeftijd = invoer.leeftijd_op(datum)
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
    if invoer.forfaitair:
        duur = int(spoor.waarde("lks.forfaitair_maximale_duur", datum))
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
    resultaat["per_jaar"] = _per_jaar(spoor, invoer, m) if invoer.jaaroverzicht else None
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


def _per_jaar(spoor: Rekenspoor, invoer: LksInvoer, hoofd: _Maandbedragen | None = None) -> dict:
    """Month by month for the calendar year of the peildatum.

    Follows the WML changes on 1 January and 1 July and a birthday that moves a young worker to a
    higher percentage: in the month of that birthday the WML is weighted by calendar days before and
    from the birthday (the worker is entitled to the higher minimumjeugdloon from that day, Wml art. 8).
    Forfaitaire LKS counts only for its maximum duration, starting in the month of the peildatum.

    Speed, not arithmetic: the monthly amounts are a function of the rounded monthly WML, the subsidie
    flag and the WML/LKS parameter values. Within a run of months in which no such parameter takes a new
    value on the first of the month (derived from the parameter data) and the subsidie flag stays the
    same, months with the same rounded WML reuse the amounts, and so does the month of the peildatum
    (`hoofd`, the amounts on the peildatum) when no value changes within that month. The exact WML of
    each month is computed as before; the parameters looked up are the same values, so the recorded
    parameter use is the same. tests/test_properties_lks.py checks this against the plain monthly loop.
    """
    peildatum = invoer.peildatum
    jaar = peildatum.year
    forfaitair = invoer.forfaitair
    if forfaitair:
        duur = int(spoor.waarde("lks.forfaitair_maximale_duur", peildatum))
        start, eind = peildatum.replace(day=1), plus_maanden(peildatum, duur)
    kalender = _kalender(jaar)
    nieuwe_waarden, run_van, binnen_maand = _wisselingen(spoor.params, jaar)
    # seed for the peildatum's month p: valid when no WML/LKS value changes inside that month
    p = peildatum.month - 1
    zaad = None
    if hoofd is not None and (peildatum.day == 1 or p not in binnen_maand):
        zaad = (hoofd.wml_per_maand, {
            "wml_per_maand_incl_vakantiebijslag": hoofd.basis,
            "loonkostensubsidie": hoofd.loonkostensubsidie,
            "werkgeverslasten": hoofd.werkgeverslasten,
            "totaal": hoofd.totaal,
        })

    # ages: leeftijdsdelen() for every month at once. On the first of month m the age is
    # jaar − geboortejaar, one less while (m, 1) is before the birthday (leeftijd_op); the month of the
    # birthday (verjaardag: 29 February is 1 March in a non-leap year) splits when it is after the 1st.
    geboortedatum = invoer.geboortedatum
    if geboortedatum is None:
        vaste_leeftijd, jarig_maand, voor = invoer.leeftijd, 13, 0
    else:
        vaste_leeftijd = None
        jaren = jaar - geboortedatum.year
        gm, gd = geboortedatum.month, geboortedatum.day
        jarig = verjaardag(geboortedatum, jaar)
        jarig_maand, voor = jarig.month, jarig.day - 1

    uren, voltijd, bbl = invoer.uren_per_week, invoer.voltijd_uren_per_week, invoer.bbl
    # Segments of consecutive months with the same age (one whole-month age part), the same half year
    # (the deel cache key) and the same run; inside a segment only the number of days differs.
    grenzen = {0, 6, 12}
    grenzen.update(i for i, n in enumerate(nieuwe_waarden) if n)
    if vaste_leeftijd is None:
        # the first month at the new age; a birthday after the 1st makes its month a segment of its own
        grenzen.update((jarig_maand - 1, jarig_maand) if voor else (jarig_maand - 1,))
    if forfaitair:
        grenzen.update(i for i, (maand, _, _) in enumerate(kalender) if maand == start or maand == eind)
    grenzen = sorted(grenzen)
    maanden = []
    totaal_lks = totaal_wgl = NUL
    cache: dict = {}  # (leeftijd, second half year) -> exact WML per month for the contract hours
    volwassen: dict = {}  # second half year -> (that amount for 21 and older, run it was computed in)
    exacte: dict = {}  # (id of that amount, days) -> (exact WML of a whole month, rounded to the cent)

    def deel_voor(leeftijd: int, half: bool, maand: date, run: int) -> Decimal:
        """The month's exact WML at `leeftijd`: computed at the first month that needs it, as before.
        From 21 the WML does not depend on the age, so another adult age's amount computed in the same
        run (the same parameter values) is the amount this computation would give."""
        key = (leeftijd, half)
        deel = cache.get(key)
        if deel is None:
            gedeeld = volwassen.get(half) if leeftijd >= VOLWASSEN_LEEFTIJD else None
            if gedeeld is not None and gedeeld[1] == run:
                deel = gedeeld[0]
            else:
                ml = minimumloon(spoor, leeftijd, bbl, maand, voltijd, stappen=False)
                deel = per_maand_exact(ml, uren)
                if leeftijd >= VOLWASSEN_LEEFTIJD:
                    volwassen[half] = (deel, run)
            cache[key] = deel
        return deel

    vorige_subsidie = None
    per_maandloon: dict = {}
    for a, b in zip(grenzen, grenzen[1:]):
        eerste = kalender[a][0]
        run = run_van[a]
        subsidie = not forfaitair or start <= eerste < eind
        if nieuwe_waarden[a] or subsidie is not vorige_subsidie:
            per_maandloon = {}  # a new run
            vorige_subsidie = subsidie
            if zaad is not None and subsidie and a <= p and run == run_van[p] and (not forfaitair or a == p):
                per_maandloon[zaad[0]] = zaad[1]
        m = a + 1
        half = m >= 7
        if vaste_leeftijd is not None:
            begin, gesplitst = vaste_leeftijd, False
        else:
            begin = jaren - 1 if (m, 1) < (gm, gd) else jaren
            gesplitst = m == jarig_maand and voor > 0  # then b == a + 1
        if gesplitst:
            leeftijden = (begin, begin + 1)
            dagen = kalender[a][2]
            exact = NUL
            for leeftijd, d in ((begin, voor), (begin + 1, dagen - voor)):
                if leeftijd >= JONGSTE_LEEFTIJD:  # no WML below 15: no wage and no subsidy for those days
                    exact += deel_voor(leeftijd, half, eerste, run) * d / dagen
            enkel = None
        else:
            leeftijden = (begin,)
            enkel = deel_voor(begin, half, eerste, run) if begin >= JONGSTE_LEEFTIJD else None
        per_dagen: dict = {}
        for maand, label, dagen in kalender[a:b]:
            bedragen = per_dagen.get(dagen)
            if bedragen is None:
                if gesplitst:
                    wml_maand = exact.quantize(CENT, None, HALF_UP)  # = cent(exact), as _bedragen rounds it
                else:
                    sleutel = (id(enkel), dagen)
                    paar = exacte.get(sleutel)
                    if paar is None:
                        # a whole month at one age: deel × dagen / dagen, as the day-weighted sum computes it
                        exact = NUL if enkel is None else NUL + enkel * dagen / dagen
                        paar = exacte[sleutel] = (exact, exact.quantize(CENT, None, HALF_UP))
                    exact, wml_maand = paar
                bedragen = per_maandloon.get(wml_maand)
                if bedragen is None:
                    mb = _bedragen(spoor, invoer, maand, exact, subsidie=subsidie)
                    bedragen = per_maandloon[wml_maand] = {
                        "wml_per_maand_incl_vakantiebijslag": mb.basis,
                        "loonkostensubsidie": mb.loonkostensubsidie,
                        "werkgeverslasten": mb.werkgeverslasten,
                        "totaal": mb.totaal,
                    }
                per_dagen[dagen] = bedragen
            maanden.append({"maand": label, "leeftijd": [*leeftijden], **bedragen})
    # the year totals: the sum of the 12 cent amounts (exact; the same sum added month by month)
    for bedragen in maanden:
        totaal_lks += bedragen["loonkostensubsidie"]
        totaal_wgl += bedragen["werkgeverslasten"]
    if geboortedatum is None and invoer.leeftijd is not None and invoer.leeftijd < 21:
        spoor.waarschuw("Alleen de leeftijd is bekend: het jaaroverzicht houdt geen rekening met een verjaardag "
                        "in het jaar. Vul de geboortedatum in voor een precies jaaroverzicht.")
    if spoor.uitleg:
        spoor.stap("Loonkostensubsidie in het kalenderjaar", totaal_lks, ART_10D,
                   "som van de 12 maanden (zie het jaaroverzicht) = {tot}", tot=Bedrag(totaal_lks))
    return {
        "jaar": jaar,
        "loonkostensubsidie": totaal_lks,
        "werkgeverslasten": totaal_wgl,
        "totaal": totaal_lks + totaal_wgl,
        "maanden": maanden,
    }


@lru_cache(maxsize=128)
def _kalender(jaar: int) -> tuple[tuple[date, str, int], ...]:
    """(first day, "YYYY-MM", number of days) for the 12 months of `jaar`: pure calendar facts."""
    return tuple((maand, maand.strftime("%Y-%m"), dagen_in_maand(maand.year, maand.month))
                 for maand in maanden_van_jaar(jaar))


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


__all__ = ["LksInvoer", "bereken", "SOORT", "HONDERD"]

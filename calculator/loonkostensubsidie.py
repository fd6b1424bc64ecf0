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

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from parameters import ParameterSet, default_parameters

from .errors import InvoerFout
from .explanation import Bedrag, Rekenspoor, Uitkomst
from .money import NUL, cent, procent
from .periods import dagen_in_maand, leeftijd_van, leeftijdsdelen, maanden_van_jaar, verjaardag
from .wml import JONGSTE_LEEFTIJD, MAANDEN_PER_JAAR, VOLWASSEN_LEEFTIJD, WEKEN_PER_JAAR, Minimumloon, minimumloon

SOORT = "loonkostensubsidie"
ART_10D = "Participatiewet art. 10d"
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

    __slots__ = ("spoor", "invoer", "datum", "uren", "noemer", "cache")

    def __init__(self, spoor: Rekenspoor, invoer: LksInvoer, datum: date):
        self.spoor = spoor
        self.invoer = invoer
        self.datum = datum
        # art. 10d lid 4: the agreed hours count at most as the full-time hours of the function
        self.uren = min(invoer.uren_per_week, invoer.voltijd_uren_per_week)
        self.noemer = (spoor.waarde(ARBEIDSDUUR, datum) if _per_arbeidsduur(spoor, datum)
                       else invoer.voltijd_uren_per_week)
        self.cache: dict = {}

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
    begin, eind = invoer.begindatum_dienstbetrekking, invoer.einddatum_dienstbetrekking
    if begin is not None and eind is not None and eind < begin:
        raise InvoerFout("einddatum_dienstbetrekking",
                         "De einddatum van de dienstbetrekking ligt vóór de begindatum.")
    if begin is not None and invoer.peildatum < begin:
        raise InvoerFout("peildatum", "De peildatum ligt vóór de begindatum van de dienstbetrekking: dan is er nog "
                                      "geen loonkostensubsidie. Kies een peildatum vanaf de begindatum.")
    if eind is not None and invoer.peildatum > eind:
        raise InvoerFout("peildatum", "De peildatum ligt na de einddatum van de dienstbetrekking: dan is er geen "
                                      "loonkostensubsidie meer. Kies een peildatum tot en met de einddatum.")
    leeftijd = invoer.leeftijd_op(invoer.peildatum)
    if leeftijd < JONGSTE_LEEFTIJD:
        raise InvoerFout(
            "geboortedatum" if invoer.geboortedatum else "leeftijd",
            f"Voor een werknemer jonger dan {JONGSTE_LEEFTIJD} jaar geldt geen wettelijk minimumloon.",
        )
    return leeftijd


def _forfaitair_venster(spoor: Rekenspoor, invoer: LksInvoer, vd: date) -> tuple[date, date]:
    """The forfaitaire period (art. 10d lid 5) as (first day, first day after it)."""
    duur = int(spoor.waarde("lks.forfaitair_maximale_duur", vd))
    begin = invoer.begindatum_dienstbetrekking
    datum = invoer.peildatum
    if begin is None:
        start = datum.replace(day=1)
        venster = (start, _zelfde_dag_later(start, duur))  # the month of the peildatum and the next duur − 1
        spoor.waarschuw(
            f"Forfaitaire loonkostensubsidie geldt ten hoogste {duur} maanden vanaf het begin van de dienstbetrekking "
            f"(art. 10d lid 5). De begindatum is niet ingevuld, dus is gerekend vanaf {datum.strftime('%m-%Y')} "
            f"(de maand van de peildatum). Vul de begindatum van de dienstbetrekking in voor de juiste maanden."
        )
        return venster
    venster = (begin, _zelfde_dag_later(begin, duur))
    if datum >= venster[1]:
        laatste = venster[1] - EEN_DAG
        raise InvoerFout(
            "loonwaarde",
            f"De forfaitaire loonkostensubsidie geldt ten hoogste de eerste {duur} maanden van de dienstbetrekking, "
            f"hier tot en met {laatste.strftime('%d-%m-%Y')} (art. 10d lid 5). Op de peildatum "
            f"{datum.strftime('%d-%m-%Y')} moet de loonwaarde zijn vastgesteld: vul de loonwaarde in en kies niet "
            f"voor forfaitair.",
        )
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
        spoor.stap(f"Leeftijd op {datum.isoformat()}: {leeftijd} jaar",
                   grondslag="Participatiewet art. 2; Wml art. 7 lid 3 en art. 8 lid 3 (minimumjeugdloon tot 21 jaar)")
        if vd == date(datum.year, 1, 1):
            spoor.stap(f"Vastgesteld met het minimumloon van {vd.isoformat()}", grondslag=f"{ART_10D} lid 7",
                       berekening="een lopende loonkostensubsidie wordt alleen met ingang van 1 januari opnieuw "
                                "vastgesteld; de wijziging van het minimumloon per 1 juli telt pas op 1 januari daarna")
        else:
            spoor.stap(f"Vastgesteld met het minimumloon van {vd.isoformat()}", grondslag=f"{ART_10D} lid 1 en 7",
                       berekening="de dienstbetrekking begint in dit kalenderjaar: de subsidie wordt vastgesteld met "
                                "het minimumloon bij de begindatum en pas op 1 januari daarna opnieuw")
    grond = _Grondslag(spoor, invoer, vd)
    ml = grond.minimumloon(leeftijd)
    wml_exact = grond.exact(leeftijd)
    # the Wml minimum per hour on the peildatum (BBL when it applies): what the werkgever must pay at least
    uur = ml if not invoer.bbl and vd == datum else minimumloon(spoor, leeftijd, invoer.bbl, datum,
                                                                invoer.voltijd_uren_per_week, stappen=False)
    if uitleg:
        _grondslag_stappen(spoor, invoer, grond, ml, uur, leeftijd, wml_exact)
    if uren > invoer.voltijd_uren_per_week:
        spoor.waarschuw(
            f"De contracturen ({_uren(uren)} uur) zijn meer dan de voltijdse arbeidsduur van de functie "
            f"({_uren(invoer.voltijd_uren_per_week)} uur). De loonkostensubsidie telt ten hoogste die voltijdse "
            f"arbeidsduur (art. 10d lid 4 en 5)."
        )
    if invoer.forfaitair and invoer.loonwaarde is not None:
        spoor.waarschuw("Bij forfaitaire loonkostensubsidie telt de ingevulde loonwaarde niet mee.")
    venster = _forfaitair_venster(spoor, invoer, vd) if invoer.forfaitair else None
    m = _bedragen(spoor, invoer, vd, wml_exact, stappen=uitleg)

    if uitleg and not invoer.forfaitair and invoer.loonwaarde == 100:
        spoor.stap("Loonwaarde 100 %: de werknemer levert het volle minimumloon aan waarde, "
                   "dus er is geen loonkostensubsidie", NUL, f"{ART_10D} lid 4")

    resultaat: dict = {
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
    if invoer.functieloon_per_uur is not None:
        _functieloon(spoor, invoer, uur, m, resultaat)
    resultaat["per_jaar"] = _per_jaar(spoor, invoer, grond, m, venster)
    return Uitkomst.uit_spoor(SOORT, datum, resultaat, spoor)


def _uren(uren: Decimal) -> str:
    return format(uren.normalize(), "f").replace(".", ",")


def _grondslag_stappen(spoor: Rekenspoor, invoer: LksInvoer, grond: _Grondslag, ml: Minimumloon,
                       uur: Minimumloon, leeftijd: int, wml_exact: Decimal) -> None:
    """The steps from the WML per maand of Pw art. 2 to the WML for the contract hours."""
    vd = grond.datum
    onder = "b" if ml.per_uur_regime else "a"
    if ml.percentage == 100:
        spoor.stap("Wettelijk minimumloon per maand (21 jaar en ouder)", ml.per_maand_voltijd,
                   f"Participatiewet art. 2; Wml art. 8 lid 1 onder {onder}", "{maand} per maand",
                   maand=Bedrag(ml.per_maand_voltijd))
    else:
        volwassen = grond.minimumloon(VOLWASSEN_LEEFTIJD).per_maand_voltijd
        spoor.stap(f"Minimumjeugdloon per maand ({leeftijd} jaar)", ml.per_maand_voltijd,
                   f"Participatiewet art. 2; Wml art. 7 lid 3 en art. 8 lid 3 en lid 1 onder {onder}; "
                   f"Besluit minimumjeugdloon art. 2",
                   "{pct} % × {volwassen} = {maand} ("
                   + ("afgerond op de cent: het Besluit schrijft alleen voor het uurloon een afronding voor)"
                      if ml.per_uur_regime else "afgerond op 5 cent, zoals de SZW-tabellen)"),
                   pct=ml.percentage, volwassen=Bedrag(volwassen), maand=Bedrag(ml.per_maand_voltijd))
        if invoer.bbl and leeftijd >= 18:
            spoor.stap("BBL: de loonkostensubsidie rekent met het minimumjeugdloon van Wml art. 8 lid 3, niet met "
                       "het BBL-percentage", grondslag="Participatiewet art. 2 (noemt art. 8 lid 3, niet lid 4)")
    deel = cent(wml_exact)
    afgetopt = invoer.uren_per_week > invoer.voltijd_uren_per_week
    if _per_arbeidsduur(spoor, vd):
        spoor.stap(
            "Minimumloon per maand voor de contracturen", deel,
            "Participatiewet art. 2 en art. 10d lid 4" + (" en 5" if invoer.forfaitair else "")
            + " (naar evenredigheid van 36 uur per week, ten hoogste de voltijd van de functie)",
            "{maand} × {uren} / {noemer} = {deel} (afgerond op de cent)"
            + (" — ten hoogste de {voltijd} uur van een voltijdse dienstbetrekking in de functie" if afgetopt else ""),
            maand=Bedrag(ml.per_maand_voltijd), uren=grond.uren, noemer=grond.noemer, deel=Bedrag(deel),
            voltijd=invoer.voltijd_uren_per_week,
        )
    else:
        spoor.stap(
            "Minimumloon per maand voor de contracturen", deel,
            "Participatiewet art. 2 en art. 10d lid 4" + (" en 5" if invoer.forfaitair else "")
            + " (tot 2024: alleen verminderd, naar de normale arbeidsduur van de functie)",
            "{maand} × {uren} / {voltijd} uur = {deel} (afgerond op de cent)"
            + (" — ten hoogste voltijd: nooit meer dan het volle maandloon" if afgetopt else ""),
            maand=Bedrag(ml.per_maand_voltijd), uren=grond.uren, voltijd=invoer.voltijd_uren_per_week,
            deel=Bedrag(deel),
        )
    if uur.per_uur_regime:
        spoor.stap(f"Wettelijk minimumloon per uur op {invoer.peildatum.isoformat()} (wat de werkgever ten minste "
                   f"betaalt)", uur.per_uur,
                   "Wml art. 8 lid 1 onder a" + ("" if uur.percentage == 100 else
                                                  "; Besluit minimumjeugdloon art. 3 (BBL)"
                                                  if invoer.bbl and leeftijd >= 18 else
                                                  "; Besluit minimumjeugdloon art. 2"),
                   "{uur} per uur", uur=Bedrag(uur.per_uur))
    else:
        spoor.stap("Indicatief minimumloon per uur (tot 2024 kende de wet geen uurloon)", uur.per_uur,
                   "Wml art. 8 lid 1 onder b (weekloon)", "{uur} per uur (weekloon / voltijduren, naar boven afgerond)",
                   uur=Bedrag(uur.per_uur))


def _functieloon(spoor: Rekenspoor, invoer: LksInvoer, ml, m: _Maandbedragen, resultaat: dict) -> None:
    f = invoer.functieloon_per_uur
    if f < ml.per_uur:
        spoor.waarschuw(
            "Het functieloon per uur ligt onder het wettelijk minimumloon per uur; de werkgever moet "
            "ten minste het minimumloon betalen (Wml art. 7)."
        )
    # A payroll comparison, not LKS law: hourly wage × hours × 52/12 weeks per month; each paid amount to the cent.
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
        spoor.waarschuw("Alleen de leeftijd is bekend: het jaartotaal houdt geen rekening met een verjaardag "
                        "in het jaar. Vul de geboortedatum in voor een precies jaartotaal.")
    if begin is None:
        spoor.waarschuw(f"De begindatum van de dienstbetrekking is niet ingevuld: het jaartotaal gaat ervan uit dat "
                        f"de dienstbetrekking het hele jaar {jaar} loopt"
                        + ("" if eind is None else " tot de einddatum") + ".")
    if spoor.uitleg:
        spoor.stap("Loonkostensubsidie in het kalenderjaar", totaal_lks, f"{ART_10D} lid 7",
                   "som van de maanden van de dienstbetrekking in {jaar} (elke maand vastgesteld met het minimumloon "
                   "van {vd}; een maand die maar voor een deel in de dienstbetrekking valt, naar kalenderdagen) = {tot}",
                   jaar=jaar, vd=grond.datum, tot=Bedrag(totaal_lks))
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
    return delen, _bedragen(spoor, invoer, grond.datum, exact, subsidie=subsidie)


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


__all__ = ["LksInvoer", "bereken", "SOORT", "vaststellingsdatum"]

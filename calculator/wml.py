"""The wettelijk minimumloon (WML) that applies to a worker on a date.

Wet minimumloon en minimumvakantiebijslag (Wml), BWBR0002638:
- art. 8 lid 1: the minimumloon for a werknemer of 21 or older; per month/week/day until 2023 (onder a-c),
  from 1 January 2024 per hour (onder a, the minimumuurloon) and "over elke uitbetalingstermijn van een
  maand" (onder b, the referentieminimummaandloon for 36 hours a week, the amount other laws refer to)
  (Wet invoering minimumuurloon, Stb. 2022, 308);
- art. 7 lid 3 and art. 8 lid 3 with the Besluit minimumjeugdloon (BWBR0003599) art. 1 and 2: the
  minimumjeugdloon, a percentage of the amounts of art. 8 lid 1 for ages 15 to 20; art. 8 lid 4 with
  Besluit art. 3: other percentages for a werknemer in the beroepsbegeleidende leerweg (BBL);
- art. 15 lid 1: minimumvakantiebijslag 8 %.

Rounding of the youth amounts: Besluit minimumjeugdloon art. 2 lid 2 (text valid from 2024-01-01): "Het uit
de toepassing van het eerste lid voortvloeiende uurloon wordt afgerond op een veelvoud van € 0,01. Indien het
restbedrag € 0,005 of meer bedraagt, geschiedt de afronding naar boven" (art. 3 lid 2: the same for BBL). It
prescribes nothing for the monthly amount (percentage × art. 8 lid 1 onder b): that is rounded once, half-up to
the cent, because it is paid in cents. Before 2024 the youth month and week amounts follow the published SZW
tables (multiples of 5 cents).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .errors import InvoerFout
from .explanation import Bedrag, Melding, melding, Rekenspoor
from .money import HONDERD, cent, cent_naar_boven, procent, vijf_cent

VOLWASSEN_LEEFTIJD = 21
JONGSTE_LEEFTIJD = 15
WEKEN_PER_JAAR = Decimal(52)
MAANDEN_PER_JAAR = Decimal(12)


@dataclass(slots=True)  # not frozen: frozen dataclasses set each field via object.__setattr__ (slow)
class Minimumloon:
    """The WML for one worker on one date."""

    per_uur_regime: bool  # True from 1 January 2024 (hourly WML), False before
    leeftijd: int
    bbl: bool
    percentage: Decimal  # 100 from age 21
    per_uur: Decimal  # official from 2024; before: indicative (week / full-time hours, rounded up)
    # per month: before 2024 for full time (art. 8 lid 1 onder a), from 2024 for 36 hours a week (onder b)
    per_maand_voltijd: Decimal
    voltijd_uren: Decimal | None  # only before 2024 (the hours of the indicative hourly amount)


def uurloon_regime(spoor: Rekenspoor, datum: date) -> bool:
    """Is the hourly WML in force on `datum`? The switch date is the first value of `wml.uurloon`."""
    return datum >= spoor.params.parameter("wml.uurloon").entries[0].vanaf


def jeugdpercentage(spoor: Rekenspoor, leeftijd: int, bbl: bool, datum: date) -> Decimal:
    if leeftijd >= VOLWASSEN_LEEFTIJD:
        return HONDERD
    if leeftijd < JONGSTE_LEEFTIJD:
        raise InvoerFout("leeftijd", te_jong())
    if bbl and leeftijd >= 18:
        return spoor.waarde(f"wml.jeugdpercentage_bbl.{leeftijd}", datum)
    return spoor.waarde(f"wml.jeugdpercentage.{leeftijd}", datum)


def te_jong() -> Melding:
    return melding("wml.fout.te_jong", leeftijd=JONGSTE_LEEFTIJD)


def minimumloon(spoor: Rekenspoor, leeftijd: int, bbl: bool, datum: date,
                voltijd_uren: Decimal | None = None, stappen: bool = True) -> Minimumloon:
    pct = jeugdpercentage(spoor, leeftijd, bbl, datum)
    jong = pct != HONDERD
    if uurloon_regime(spoor, datum):
        volwassen = spoor.waarde("wml.uurloon", datum)
        volwassen_maand = spoor.waarde("wml.maandloon", datum)
        # Youth and BBL hourly amounts are pct × adult hourly, rounded half-up to the cent (Besluit
        # minimumjeugdloon art. 2 lid 2 and art. 3 lid 2); this reproduces every published SZW table
        # 2024-2026 (tests/test_wml.py). The monthly amount has no prescribed rounding: once to the cent.
        per_uur = cent(procent(volwassen, pct)) if jong else volwassen
        maand = cent(procent(volwassen_maand, pct)) if jong else volwassen_maand
        if stappen:
            _stap_jong_of_volwassen(spoor, "uur", jong, leeftijd, bbl, per_uur, pct=pct, volwassen=Bedrag(volwassen),
                                    uur=Bedrag(per_uur))
        return Minimumloon(True, leeftijd, bbl, pct, per_uur, maand, None)

    volwassen_maand = spoor.waarde("wml.maandloon", datum)
    volwassen_week = spoor.waarde("wml.weekloon", datum)
    # Youth month and week amounts are pct × adult amount rounded to a multiple of 5 cents, as in the
    # published SZW besluiten 2022-2023 (checked against every published figure, tests/test_wml.py).
    maand = vijf_cent(procent(volwassen_maand, pct)) if jong else volwassen_maand
    week = vijf_cent(procent(volwassen_week, pct)) if jong else volwassen_week
    uren = voltijd_uren or Decimal(38)
    # Before 2024 the law had no hourly minimum; the indicative hourly figure that rijksoverheid.nl
    # published was the week amount / normal full-time hours, rounded UP to the cent.
    per_uur = cent_naar_boven(week / uren)
    if stappen:
        _stap_jong_of_volwassen(spoor, "maand_voltijd", jong, leeftijd, bbl, maand, pct=pct,
                                volwassen=Bedrag(volwassen_maand), maand=Bedrag(maand))
        spoor.stap("wml.indicatief_uur", per_uur, jaar=spoor.params.parameter("wml.uurloon").entries[0].vanaf.year,
                   week=Bedrag(week), uren=uren, uur=Bedrag(per_uur))
    return Minimumloon(False, leeftijd, bbl, pct, per_uur, maand, uren)


def _stap_jong_of_volwassen(spoor: Rekenspoor, wat: str, jong: bool, leeftijd: int, bbl: bool, bedrag: Decimal,
                            **waarden) -> None:
    """The step of the hourly (`wat` "uur") or full-time monthly ("maand_voltijd") WML of the worker's age: the
    youth amount (BBL percentages from 18, Wml art. 8 lid 4) or the adult amount."""
    if jong:
        sleutel = f"wml.jeugd_{wat}" + ("_bbl" if bbl and leeftijd >= 18 else "")
        spoor.stap(sleutel, bedrag, leeftijd=leeftijd, bbl=melding("wml.bbl") if bbl else "", **waarden)
    else:
        waarden.pop("pct"), waarden.pop("volwassen")
        spoor.stap(f"wml.volwassen_{wat}", bedrag, leeftijd=VOLWASSEN_LEEFTIJD, **waarden)

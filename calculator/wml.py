"""The wettelijk minimumloon (WML) that applies to a worker on a date.

Wet minimumloon en minimumvakantiebijslag (Wml), BWBR0002638:
- art. 8 lid 1: the minimumloon for a werknemer of 21 or older; per month/week/day until 2023,
  per hour (minimumuurloon) from 1 January 2024 (Wet invoering minimumuurloon, Stb. 2022, 308);
- art. 8 lid 2 and art. 15: the minimumjeugdloon, a percentage of it for ages 15 to 20
  (separate percentages for BBL students of 18 to 20);
- art. 15 lid 1: minimumvakantiebijslag 8 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .errors import InvoerFout
from .explanation import Bedrag, Rekenspoor
from .money import HONDERD, cent, cent_naar_boven, procent, vijf_cent

VOLWASSEN_LEEFTIJD = 21
JONGSTE_LEEFTIJD = 15
WEKEN_PER_JAAR = Decimal(52)
MAANDEN_PER_JAAR = Decimal(12)
GRONDSLAG_JEUGD = "Wml art. 8 lid 2 en art. 15 lid 1 (minimumjeugdloon)"


@dataclass(slots=True)  # not frozen: frozen dataclasses set each field via object.__setattr__ (slow)
class Minimumloon:
    """The WML for one worker on one date."""

    per_uur_regime: bool  # True from 1 January 2024 (hourly WML), False before
    leeftijd: int
    bbl: bool
    percentage: Decimal  # 100 from age 21
    per_uur: Decimal  # official from 2024; before: indicative (week / full-time hours, rounded up)
    per_maand_voltijd: Decimal | None  # only before 2024
    voltijd_uren: Decimal | None  # only before 2024


def uurloon_regime(spoor: Rekenspoor, datum: date) -> bool:
    """Is the hourly WML in force on `datum`? The switch date is the first value of `wml.uurloon`."""
    return datum >= spoor.params.parameter("wml.uurloon").entries[0].vanaf


def jeugdpercentage(spoor: Rekenspoor, leeftijd: int, bbl: bool, datum: date) -> Decimal:
    if leeftijd >= VOLWASSEN_LEEFTIJD:
        return HONDERD
    if leeftijd < JONGSTE_LEEFTIJD:
        raise InvoerFout(
            "leeftijd", f"Voor een werknemer jonger dan {JONGSTE_LEEFTIJD} jaar geldt geen wettelijk minimumloon."
        )
    if bbl and leeftijd >= 18:
        return spoor.waarde(f"wml.jeugdpercentage_bbl.{leeftijd}", datum)
    return spoor.waarde(f"wml.jeugdpercentage.{leeftijd}", datum)


def minimumloon(spoor: Rekenspoor, leeftijd: int, bbl: bool, datum: date,
                voltijd_uren: Decimal | None = None, stappen: bool = True) -> Minimumloon:
    pct = jeugdpercentage(spoor, leeftijd, bbl, datum)
    jong = pct != HONDERD
    if uurloon_regime(spoor, datum):
        volwassen = spoor.waarde("wml.uurloon", datum)
        # Youth and BBL hourly amounts are pct × adult hourly, rounded half-up to the cent; this
        # reproduces every published SZW table 2024-2026 (tests/test_wml.py).
        per_uur = cent(procent(volwassen, pct)) if jong else volwassen
        if stappen:
            if jong:
                spoor.stap(
                    f"Minimumjeugdloon per uur ({leeftijd} jaar{', BBL' if bbl else ''})", per_uur, GRONDSLAG_JEUGD,
                    "{pct} % × {volwassen} = {uur} (afgerond op de cent)",
                    pct=pct, volwassen=Bedrag(volwassen), uur=Bedrag(per_uur),
                )
            else:
                spoor.stap("Wettelijk minimumuurloon (21 jaar en ouder)", per_uur, "Wml art. 8 lid 1",
                           "{uur} per uur", uur=Bedrag(per_uur))
        return Minimumloon(True, leeftijd, bbl, pct, per_uur, None, None)

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
        if jong:
            spoor.stap(
                f"Minimumjeugdloon per maand bij voltijd ({leeftijd} jaar{', BBL' if bbl else ''})", maand,
                GRONDSLAG_JEUGD, "{pct} % × {volwassen} = {maand} (afgerond op 5 cent)",
                pct=pct, volwassen=Bedrag(volwassen_maand), maand=Bedrag(maand),
            )
        else:
            spoor.stap("Wettelijk minimummaandloon bij voltijd (21 jaar en ouder)", maand, "Wml art. 8 lid 1 onder a",
                       "{maand} per maand", maand=Bedrag(maand))
        spoor.stap(
            "Indicatief minimumloon per uur (tot 2024 kende de wet geen uurloon)", per_uur, "Wml art. 8 lid 1 onder b",
            "{week} per week / {uren} uur = {uur} (naar boven afgerond, zoals rijksoverheid.nl publiceerde)",
            week=Bedrag(week), uren=uren, uur=Bedrag(per_uur),
        )
    return Minimumloon(False, leeftijd, bbl, pct, per_uur, maand, uren)


def per_maand_exact(ml: Minimumloon, uren_per_week: Decimal) -> Decimal:
    """The WML for the contract hours per month, exact (not yet rounded).

    From 2024: hourly WML × hours per week × 52 / 12. No official LKS worked example with the hourly
    WML was found; 52/12 weeks per month is the usual payroll factor (13 weeks per quarter) and is
    stated in every explanation. Before 2024: monthly WML × hours / full-time hours of the function.
    """
    if ml.per_uur_regime:
        return ml.per_uur * uren_per_week * WEKEN_PER_JAAR / MAANDEN_PER_JAAR
    return ml.per_maand_voltijd * uren_per_week / ml.voltijd_uren

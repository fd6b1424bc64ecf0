"""Kostendelersnorm (Participatiewet art. 22a) and who is a kostendelende medebewoner (art. 19a lid 1).

art. 22a lid 1: norm per person = (40 % + A × 30 %) / A × B, with
  A = the number of kostendelende medebewoners plus the belanghebbende and his echtgenoot "van 21 jaar of
      ouder" (a spouse of 18-20 does not count in A);
  B = the gehuwdennorm that applies: art. 21 onder b, or art. 22 (gehuwden) once the pensioengerechtigde
      leeftijd is reached.
art. 22a lid 2: for gehuwden the norm is the sum of the norms of both spouses.
art. 22a lid 3: a spouse of 18, 19 or 20 gets a fixed amount (onder a with kinderen, onder b without)
      plus the kostendelersnorm of the spouse of 21 or older.

Rounding: the formula is computed exactly with Decimal (no rounded factor table such as 43,33 %) and the
norm per person is rounded half-up to the cent once, because it is the amount the law assigns to one
person; a couple's norm is the sum of those cent amounts. Municipal tables that multiply B by a rounded
factor differ by cents (velsen.nl jan 2023: 3 persons € 740,11 = 43,33 % × 1.708,08; exact 13/30 gives € 740,17).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .explanation import Bedrag, Rekenspoor
from .money import HONDERD, cent
from .periods import leeftijd_van

ART_19A = "Participatiewet art. 19a lid 1"
ART_22A = "Participatiewet art. 22a"

RELATIES = ("familie", "anders")
ONDERWIJS = ("geen", "wsf", "wtos", "bbl")


@dataclass(frozen=True)
class Medebewoner:
    """Someone else who has his main residence in the same home (not the partner, not a child under 18
    who is simply a child of the household: such a child is never 27+ anyway)."""

    geboortedatum: date | None = None
    leeftijd: int | None = None
    relatie: str = "anders"  # familie: parent, child, grandparent, grandchild, brother or sister
    commerciele_relatie: bool = False  # kamerhuurder / kostganger / verhuurder on a commercial basis
    onderwijs: str = "geen"  # wsf (WSF 2000), wtos, bbl

    def leeftijd_op(self, datum: date) -> int:
        return leeftijd_van(self.geboortedatum, self.leeftijd, datum)


@dataclass(frozen=True, slots=True)
class Oordeel:
    telt_mee: bool
    reden: str
    leeftijd: int


def oordeel(spoor: Rekenspoor, mb: Medebewoner, datum: date) -> Oordeel:
    """Is `mb` a kostendelende medebewoner on `datum`? (art. 19a lid 1)"""
    leeftijd = mb.leeftijd_op(datum)
    grens = int(spoor.waarde("bijstand.kostendelers.minimumleeftijd", datum))
    if leeftijd < grens:
        return Oordeel(False, f"Telt niet mee: jonger dan {grens} jaar ({leeftijd} jaar).", leeftijd)
    if mb.onderwijs == "wsf":
        return Oordeel(False, "Telt niet mee: volgt onderwijs dat recht kan geven op studiefinanciering (WSF 2000).",
                       leeftijd)
    if mb.onderwijs == "wtos":
        return Oordeel(False, "Telt niet mee: heeft recht op een tegemoetkoming op grond van de WTOS.", leeftijd)
    if mb.onderwijs == "bbl":
        return Oordeel(False, "Telt niet mee: volgt de beroepsbegeleidende leerweg (BBL).", leeftijd)
    if mb.commerciele_relatie:
        if mb.relatie == "familie":
            return Oordeel(True, "Telt mee: een commerciële huur- of kostgangersrelatie telt niet bij familie "
                                 "(ouder, kind, grootouder, kleinkind, broer of zus).", leeftijd)
        return Oordeel(False, "Telt niet mee: kamerhuurder, kostganger of verhuurder op commerciële basis.", leeftijd)
    return Oordeel(True, f"Telt mee: {grens} jaar of ouder en hoofdverblijf in dezelfde woning ({leeftijd} jaar).",
                   leeftijd)


def norm_per_persoon(spoor: Rekenspoor, a: int, b: Decimal, datum: date, stappen: bool = False) -> Decimal:
    """(40 % + A × 30 %) / A × B, exact, rounded half-up to the cent once (art. 22a lid 1)."""
    basis = spoor.waarde("bijstand.kostendelers.basispercentage", datum)
    per = spoor.waarde("bijstand.kostendelers.percentage_per_persoon", datum)
    a_dec = Decimal(a)
    exact = (basis + a_dec * per) * b / (a_dec * HONDERD)
    uitkomst = cent(exact)  # one rounding per person: the law assigns this amount to one person
    if stappen:
        spoor.stap(
            f"Kostendelersnorm per persoon (A = {a})", uitkomst, f"{ART_22A} lid 1",
            "({basis} % + {a} × {per} %) / {a} × {b} = {uit} (afgerond op de cent)",
            basis=basis, a=a, per=per, b=Bedrag(b), uit=Bedrag(uitkomst),
        )
    return uitkomst


__all__ = ["Medebewoner", "Oordeel", "oordeel", "norm_per_persoon", "RELATIES", "ONDERWIJS", "ART_19A", "ART_22A"]

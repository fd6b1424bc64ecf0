"""Kostendelersnorm (Participatiewet art. 22a) and who is a kostendelende medebewoner (art. 19a lid 1).

art. 22a lid 1: norm per person = (40 % + A × 30 %) / A × B, with
  A = the number of kostendelende medebewoners plus the belanghebbende and his echtgenoot "van 21 jaar of
      ouder" (a spouse of 18-20 does not count in A);
  B = the gehuwdennorm that applies: art. 21 onder b, or art. 22 (gehuwden) once the pensioengerechtigde
      leeftijd is reached.
art. 22a lid 2: for gehuwden the norm is the sum of the norms of both spouses.
art. 22a lid 3: a spouse of 18, 19 or 20 gets a fixed amount (onder a with kinderen, onder b without)
      plus the kostendelersnorm of the spouse of 21 or older.
art. 22a lid 4 (from 2026): the article does not apply to a belanghebbende who temporarily has his main residence
      elsewhere to give mantelzorg (calculator.bijstandsnorm, input `mantelzorg`).

art. 19a lid 1: a kostendelende medebewoner is the person of 27 or older (21 before 2023) with his main residence in the
same home, who is not a. the echtgenoot; b. living there on a written agreement WITH THE BELANGHEBBENDE at a commercial
price (verhuurder, huurder, onderverhuurder, onderhuurder, kostgever, kostganger), "niet zijnde een bloed- of aanverwant
in de eerste of tweede graad"; c. a huurder, onderhuurder or kostganger on a written agreement at a commercial price
with THE SAME THIRD PARTY as the belanghebbende (no family exception); d. following education: 1° WSF 2000 and 2° WTOS
for which he can, given his age, qualify at some moment during it, 3° BBL, 4° comparable education abroad (for 1° and
2° only if he is under 30 at some moment during it or turned 30 in the month it started). Lid 2: for b and c the
college may ask for the agreement and the proof of payment.

Rounding: the formula is computed exactly with Decimal (no rounded factor table such as 43,33 %) and the
norm per person is rounded half-up to the cent once, because it is the amount the law assigns to one
person; a couple's norm is the sum of those cent amounts. Municipal tables that multiply B by a rounded
factor differ by cents (velsen.nl jan 2023: 3 persons € 740,11 = 43,33 % × 1.708,08; exact 13/30 gives € 740,17).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .explanation import Bedrag, Melding, melding, Rekenspoor
from .money import HONDERD, cent
from .periods import leeftijd_van, verjaardag

ART_19A = "Participatiewet art. 19a lid 1"
ART_22A = "Participatiewet art. 22a"

# relatie: familie = a bloedverwant in the first or second degree of the belanghebbende (parent, child, grandparent,
# grandchild, brother or sister); aanverwant = an aanverwant in the first or second degree (schoonouder, schoonzoon or
# schoondochter, stiefouder or stiefkind, zwager or schoonzus, a grandparent or grandchild of the partner).
RELATIES = ("familie", "aanverwant", "anders")
# onderwijs (art. 19a lid 1 onder d): wsf 1°, wtos 2°, bbl 3°; buitenland = 4° for education comparable to 1° or 2°
# (with the age condition of 4°), buitenland_bbl = 4° for a vocational training comparable to 3° (no age condition)
ONDERWIJS = ("geen", "wsf", "wtos", "bbl", "buitenland", "buitenland_bbl")


@dataclass(frozen=True)
class Medebewoner:
    """Someone else who has his main residence in the same home (not the partner, not a child under 18
    who is simply a child of the household: such a child is never 27+ anyway)."""

    geboortedatum: date | None = None
    leeftijd: int | None = None
    relatie: str = "anders"  # RELATIES: familie or aanverwant in the first or second degree, or anders
    # art. 19a lid 1 onder b: a written agreement at a commercial price WITH THE BELANGHEBBENDE, as verhuurder,
    # huurder, onderverhuurder, onderhuurder, kostgever or kostganger (not for family or aanverwanten)
    commerciele_relatie: bool = False
    # art. 19a lid 1 onder c: both rent (huurder, onderhuurder, kostganger) from THE SAME THIRD PARTY, each with a
    # written agreement at a commercial price (no family exception)
    commerciele_relatie_derde: bool = False
    onderwijs: str = "geen"  # ONDERWIJS
    # only for onderwijs "buitenland" at 30 or older: the start of that education (art. 19a lid 1 onder d 4°)
    aanvang_onderwijs: date | None = None

    def leeftijd_op(self, datum: date) -> int:
        return leeftijd_van(self.geboortedatum, self.leeftijd, datum)


@dataclass(frozen=True, slots=True)
class Oordeel:
    telt_mee: bool
    reden: Melding  # the reason by key (calculator/teksten/kostendelersnorm.yaml); its str is the Dutch text
    leeftijd: int
    # the part of art. 19a lid 1 that decides: "leeftijd" (the opening words), "b", "c", "d" or None (he counts)
    onderdeel: str | None = None

    @property
    def grondslag(self) -> Melding:
        """The part of art. 19a lid 1 that decides, by catalogue key (a page renders it in its language); its str
        is the Dutch citation ("Participatiewet art. 19a lid 1 onder b") of the API."""
        if self.onderdeel in ("b", "c", "d"):
            return melding("kdn.grondslag.onderdeel", onderdeel=self.onderdeel)
        return melding("kdn.grondslag.lid1")


def _buitenland_jong_genoeg(mb: Medebewoner, datum: date, leeftijd: int) -> bool | None:
    """art. 19a lid 1 onder d 4°, for education comparable to 1° and 2°: "op enig moment tijdens dat onderwijs jonger
    dan 30 jaar is of in de maand van aanvang de leeftijd van 30 jaren heeft bereikt". True/False, or None when
    it cannot be told (30 or older on `datum` without a geboortedatum and an aanvang_onderwijs)."""
    if leeftijd < 30:
        return True  # younger than 30 now, so at some moment during the education
    if mb.geboortedatum is None or mb.aanvang_onderwijs is None:
        return None
    dertig = verjaardag(mb.geboortedatum, mb.geboortedatum.year + 30)
    # younger than 30 at the start, or 30 reached in the month of the start: the 30th birthday is not before the
    # first day of the month in which the education started
    return dertig >= mb.aanvang_onderwijs.replace(day=1)


def oordeel(spoor: Rekenspoor, mb: Medebewoner, datum: date) -> Oordeel:
    """Is `mb` a kostendelende medebewoner on `datum`? (art. 19a lid 1)"""
    leeftijd = mb.leeftijd_op(datum)
    grens = int(spoor.waarde("bijstand.kostendelers.minimumleeftijd", datum))
    if leeftijd < grens:
        return Oordeel(False, melding("kdn.reden.jonger", grens=grens, leeftijd=leeftijd), leeftijd, "leeftijd")
    if mb.onderwijs in ("wsf", "wtos", "bbl", "buitenland_bbl"):  # onder d 1°, 2°, 3° and 4° (like 3°)
        return Oordeel(False, melding(f"kdn.reden.{mb.onderwijs}"), leeftijd, "d")
    if mb.onderwijs == "buitenland":
        jong = _buitenland_jong_genoeg(mb, datum, leeftijd)
        if jong:
            return Oordeel(False, melding("kdn.reden.buitenland"), leeftijd, "d")
        if jong is None:
            return Oordeel(True, melding("kdn.reden.buitenland_onbekend", leeftijd=leeftijd), leeftijd)
        # 30 or older and started after the month of his 30th birthday: onder d does not apply; b and c may
    familie = mb.relatie in ("familie", "aanverwant")
    if mb.commerciele_relatie and not familie:
        return Oordeel(False, melding("kdn.reden.commercieel"), leeftijd, "b")
    if mb.commerciele_relatie_derde:
        # onder c has no exception for family: a brother who rents a room from the same landlord does not count
        return Oordeel(False, melding("kdn.reden.commercieel_derde"), leeftijd, "c")
    if mb.commerciele_relatie:
        return Oordeel(True, melding(f"kdn.reden.commercieel_{mb.relatie}"), leeftijd)
    return Oordeel(True, melding("kdn.reden.telt_mee", grens=grens, leeftijd=leeftijd), leeftijd)


def norm_per_persoon(spoor: Rekenspoor, a: int, b: Decimal, datum: date, stappen: bool = False) -> Decimal:
    """(40 % + A × 30 %) / A × B, exact, rounded half-up to the cent once (art. 22a lid 1)."""
    basis = spoor.waarde("bijstand.kostendelers.basispercentage", datum)
    per = spoor.waarde("bijstand.kostendelers.percentage_per_persoon", datum)
    a_dec = Decimal(a)
    exact = (basis + a_dec * per) * b / (a_dec * HONDERD)
    uitkomst = cent(exact)  # one rounding per person: the law assigns this amount to one person
    if stappen:
        spoor.stap("kdn.per_persoon", uitkomst, basis=basis, a=a, per=per, b=Bedrag(b), uit=Bedrag(uitkomst))
    return uitkomst


__all__ = ["Medebewoner", "Oordeel", "oordeel", "norm_per_persoon", "RELATIES", "ONDERWIJS", "ART_19A", "ART_22A"]

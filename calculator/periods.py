"""Dates and periods: ages on a date, calendar months."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache


def leeftijd_op(geboortedatum: date, datum: date) -> int:
    """Age in whole years on `datum`. Someone born on 29 February turns a year older on 1 March
    in a non-leap year (BW art. 1:2 is silent; this follows the common administrative practice)."""
    jaren = datum.year - geboortedatum.year
    if (datum.month, datum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


def leeftijd_van(geboortedatum: date | None, leeftijd: int | None, datum: date) -> int:
    """Age on `datum` from the birth date when known; otherwise the age that was given (constant)."""
    return leeftijd_op(geboortedatum, datum) if geboortedatum is not None else leeftijd


def verjaardag(geboortedatum: date, jaar: int) -> date:
    """The birthday in `jaar` (29 February becomes 1 March in a non-leap year)."""
    try:
        return geboortedatum.replace(year=jaar)
    except ValueError:
        return date(jaar, 3, 1)


@lru_cache(maxsize=4096)  # pure calendar arithmetic; the LKS year totals ask it twice per month
def dagen_in_maand(jaar: int, maand: int) -> int:
    return calendar.monthrange(jaar, maand)[1]


def maanden_van_jaar(jaar: int) -> list[date]:
    return [date(jaar, m, 1) for m in range(1, 13)]


def plus_maanden(datum: date, maanden: int) -> date:
    """First day of the month `maanden` months after the month of `datum` (the bijstand month overview)."""
    index = datum.year * 12 + (datum.month - 1) + maanden
    return date(index // 12, index % 12 + 1, 1)


def leeftijdsdelen(geboortedatum: date | None, leeftijd: int | None, maand: date) -> list[tuple[int, int]]:
    """Split a calendar month into (age, number of days) parts: one part, or two when the person
    has a birthday after the first day of the month."""
    dagen = dagen_in_maand(maand.year, maand.month)
    if geboortedatum is None:
        return [(leeftijd, dagen)]
    begin = leeftijd_op(geboortedatum, maand)
    jarig = verjaardag(geboortedatum, maand.year)
    if jarig.month == maand.month and jarig.day > 1:
        voor = (jarig - maand).days
        return [(begin, voor), (begin + 1, dagen - voor)]
    return [(begin, dagen)]


# --- months and lists in words, as values of a message (calculator/teksten/kalender.yaml) -----------------------


def maandnaam(maand: int, hoofdletter: bool = False):
    """The name of month `maand` (1-12) as a message value: "maart" (Dutch, or "Maart" at the start of a sentence),
    "March" in English."""
    from .explanation import melding as Melding  # made once per key and values

    return Melding(f"maand.{maand}.hoofdletter" if hoofdletter else f"maand.{maand}")


def opsomming(delen: list):
    """["a", "b", "c"] -> "a, b en c" (English "a, b and c"), each part a message value (a Melding or a str)."""
    from .explanation import melding as Melding  # made once per key and values

    if len(delen) == 1:
        return delen[0]
    kop = delen[0]
    for deel in delen[1:-1]:
        kop = Melding("lijst.komma", a=kop, b=deel)
    return Melding("lijst.en", a=kop, b=delen[-1])


def maanden_in_woorden(maanden: list[int], hoofdletter: bool = False):
    """[1, 2, ..., 12] -> "januari tot en met december" (three or more months in a row); otherwise a list,
    "januari, maart en april". `hoofdletter`: the first month with a capital (the start of a sentence)."""
    from .explanation import melding as Melding  # made once per key and values

    if len(maanden) >= 3 and maanden == list(range(maanden[0], maanden[-1] + 1)):
        return Melding("maanden.reeks", van=maandnaam(maanden[0], hoofdletter), tot=maandnaam(maanden[-1]))
    return opsomming([maandnaam(m, hoofdletter and i == 0) for i, m in enumerate(maanden)])


__all__ = [
    "leeftijd_op",
    "leeftijd_van",
    "verjaardag",
    "dagen_in_maand",
    "maanden_van_jaar",
    "leeftijdsdelen",
    "maandnaam",
    "opsomming",
    "maanden_in_woorden",
]

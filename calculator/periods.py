"""Dates and periods: ages on a date, calendar months."""

from __future__ import annotations

import calendar
from datetime import date


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


__all__ = [
    "leeftijd_op",
    "leeftijd_van",
    "verjaardag",
    "dagen_in_maand",
    "maanden_van_jaar",
    "leeftijdsdelen",
]

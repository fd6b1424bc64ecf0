"""Locale selection and Dutch/English formatting of amounts and dates (Babel)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from flask import request

TALEN = {"nl": "nl_NL", "en": "en_GB"}


def huidige_taal() -> str:
    taal = request.args.get("taal") or request.cookies.get("taal") or "nl"
    return taal if taal in TALEN else "nl"


def babel_locale() -> str:
    return TALEN[huidige_taal()]


def euro(bedrag: Decimal | None) -> str:
    """€ 1.234,56 (nl) or €1,234.56 (en)."""
    if bedrag is None:
        return "–"
    return format_currency(bedrag, "EUR", locale=babel_locale())


def getal(waarde) -> str:
    if waarde is None:
        return "–"
    return format_decimal(waarde, locale=babel_locale(), decimal_quantization=False)


def datum(d: date | str | None) -> str:
    """1 januari 2026 (nl) or 1 January 2026 (en)."""
    if d is None:
        return "–"
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return format_date(d, format="long", locale=babel_locale())


def maandnaam(maand: date | str | None) -> str:
    """"2026-03" -> "maart 2026" (nl) or "March 2026" (en)."""
    if maand is None:
        return "–"
    if isinstance(maand, str):
        maand = date.fromisoformat(maand[:7] + "-01")
    return format_date(maand, format="LLLL yyyy", locale=babel_locale())

"""The texts of the explanations, in the language of the channel: steps, warnings, reasons and rule errors
rendered from the catalogue (calculator/teksten/*.yaml) by key, with their values formatted for the locale
(Babel): Dutch "€ 1.234,56", "1 januari 2026", Decimal("1760") "1.760"; English "€1,234.56", "1 January 2026",
"1,760". An int (a year, an age) is written as it is: 2026, not 2.026.

The engine records keys and typed values only (calculator.explanation: Stap, Melding); this module is the one
place that turns them into text for the API dump and the web pages. It imports neither Flask nor the web
layer: a gettext-style message (calculator.explanation.Msgid, e.g. a field validation message) is translated
with the `gettext` the caller passes (the web layer's flask_babel.gettext).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Callable

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from calculator.explanation import Bedrag, Melding, Msgid, Stap
from calculator.teksten import entry, grondslag_tekst, vul_in

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def taal_van(taal_of_locale: str) -> str:
    """"nl", "en", "nl_NL", "en_GB" -> "nl" or "en" (anything else: Dutch)."""
    taal = taal_of_locale[:2].lower()
    return taal if taal in LOCALES else "nl"


# Babel's formatting costs ~10 us per value and explanations repeat the same amounts; the functions are
# pure, so their results are cached. Keyed by the Decimal's text, not its value: 23.5 and 23.50 are
# equal Decimals but format differently without quantization.
@lru_cache(maxsize=8192)
def _euro(tekst: str, locale: str) -> str:
    return format_currency(Decimal(tekst), "EUR", locale=locale)


@lru_cache(maxsize=8192)
def _getal(tekst: str, locale: str) -> str:
    return format_decimal(Decimal(tekst), locale=locale, decimal_quantization=False)


@lru_cache(maxsize=2048)
def _datum(waarde: date, locale: str) -> str:
    return format_date(waarde, format="long", locale=locale)


def waarde(v, taal: str = "nl") -> str:
    """One value of a template in `taal`: Bedrag as euros, Decimal and int as numbers, date as a long date,
    a Melding as its text in `taal`; an int (a year, an age, a count) and anything else as str()."""
    locale = LOCALES[taal]
    if isinstance(v, Melding):
        return tekst(v, taal)
    if isinstance(v, Bedrag):
        return _euro(str(v.amount), locale)
    if isinstance(v, Decimal):
        return _getal(str(v), locale)
    if isinstance(v, date):
        return _datum(v, locale)
    return "" if v is None else str(v)


def tekst(bericht, taal: str = "nl", gettext: Callable[[str], str] | None = None) -> str:
    """A message in `taal`: a Melding from the catalogue by key; a Msgid through `gettext` (the .po catalogue)
    with its values formatted for the locale; a plain text as it is (the caller may still translate it)."""
    if bericht is None:
        return ""
    if isinstance(bericht, Msgid):
        msgid = bericht.sleutel
        vertaald = gettext(msgid) if gettext is not None else msgid
        if not bericht.waarden:
            return vertaald
        return vertaald % {k: waarde(v, taal) for k, v in bericht.waarden.items()}
    if isinstance(bericht, Melding):
        return vul_in(entry(bericht.sleutel).tekst[taal], bericht.waarden, lambda v: waarde(v, taal))
    return str(bericht)


@dataclass(frozen=True, slots=True)
class GetoondeStap:
    """One step as a channel shows it."""

    nummer: int
    id: str | None  # the catalogue key; None for a step of a rule that still writes its own Dutch text
    omschrijving: str
    berekening: str | None
    bedrag: Decimal | None
    grondslag: str | None
    grondslag_detail: list[dict] | None  # [{wet, artikel, lid, onderdeel, link}] from the catalogue
    vertaald: bool  # the text is in the language asked for (False: Dutch, not yet in the catalogue)


def stap(s: Stap, taal: str = "nl", nummer: int = 0) -> GetoondeStap:
    opmaak = lambda v: waarde(v, taal)  # noqa: E731
    if s.sleutel is None:  # a rule not yet converted: its Dutch texts, numbers in the page's notation
        berekening = None if s.sjabloon is None else vul_in(s.sjabloon, s.waarden, opmaak)
        return GetoondeStap(nummer, None, s.tekst, berekening, s.bedrag, s.grondslag_tekst, None, taal == "nl")
    e = entry(s.sleutel)
    berekening = None if e.berekening is None else vul_in(e.berekening[taal], s.waarden, opmaak)
    if e.grondslag is not None:
        grondslag = vul_in(grondslag_tekst(e.grondslag, taal), s.waarden, opmaak)
        detail = [_detail(b.als_dict(), s.waarden, opmaak) for b in e.grondslag.bronnen]
    else:
        grondslag, detail = s.grondslag_tekst, None
    return GetoondeStap(nummer, s.sleutel, vul_in(e.omschrijving[taal], s.waarden, opmaak), berekening, s.bedrag,
                        grondslag, detail, True)


def _detail(d: dict, waarden: dict, opmaak) -> dict:
    return {k: (vul_in(v, waarden, opmaak) if isinstance(v, str) and "{" in v and k != "link" else v)
            for k, v in d.items()}


def stappen(gegeven, taal: str = "nl") -> list[GetoondeStap]:
    """The steps of an Uitkomst (or a list of Stap) in `taal`, numbered from 1."""
    lijst = getattr(gegeven, "stappen", gegeven)
    return [stap(s, taal, i) for i, s in enumerate(lijst, start=1)]


__all__ = ["LOCALES", "taal_van", "waarde", "tekst", "stap", "stappen", "GetoondeStap"]

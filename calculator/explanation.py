"""Every result explains itself: the ordered steps, the amounts, the parameter values used and
their legal basis, and warnings (e.g. for `voorlopig` values).

Steps are recorded only when an explanation is asked for (`uitleg=True`); their arithmetic text is
formatted lazily, so a calculation without explanation pays nothing for it. Parameter use is
always recorded, because every response lists the values it used with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_currency, format_decimal

from parameters import ParameterSet, ParameterValue


@dataclass(slots=True)
class Stap:
    omschrijving: str
    bedrag: Decimal | None
    grondslag: str | None
    sjabloon: str | None
    waarden: dict

    def berekening(self, locale: str = "nl_NL") -> str | None:
        """The arithmetic as text, with amounts formatted for `locale` (e.g. "€ 14,71 × 32 uur")."""
        if self.sjabloon is None:
            return None
        return self.sjabloon.format(**{k: _format(v, locale) for k, v in self.waarden.items()})


def _format(value, locale: str) -> str:
    if isinstance(value, Bedrag):
        return _euro(str(value.amount), locale)
    if isinstance(value, Decimal):
        return _getal(str(value), locale)
    if isinstance(value, date):
        return _datum(value, locale)
    return str(value)


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
def _datum(value: date, locale: str) -> str:
    from babel.dates import format_date

    return format_date(value, format="long", locale=locale)


@dataclass(frozen=True, slots=True)
class Bedrag:
    """Marks a Decimal as a euro amount inside a step's template values."""

    amount: Decimal


class Rekenspoor:
    """Records what a calculation used and did. One per calculation."""

    __slots__ = ("params", "uitleg", "stappen", "_gebruikt", "_waarschuwingen")

    def __init__(self, params: ParameterSet, uitleg: bool = False):
        self.params = params
        self.uitleg = uitleg
        self.stappen: list[Stap] = []
        self._gebruikt: dict[tuple[str, date], ParameterValue] = {}
        self._waarschuwingen: list[str] = []

    def waarde(self, naam: str, datum: date) -> Decimal:
        """The value of parameter `naam` in force on `datum`; raises MissingParameterError if none."""
        pv = self.params.at(naam, datum)
        self._gebruikt[(naam, pv.vanaf)] = pv
        return pv.waarde

    def stap(self, omschrijving: str, bedrag: Decimal | None = None, grondslag: str | None = None,
             berekening: str | None = None, **waarden) -> None:
        if self.uitleg:
            self.stappen.append(Stap(omschrijving, bedrag, grondslag, berekening, waarden))

    def stil(self) -> "Rekenspoor":
        """A spoor for a side calculation (e.g. the other months of a year overview): the same parameter set,
        and the values it uses count as used by this calculation, but it records no steps or warnings."""
        kind = Rekenspoor(self.params, False)
        kind._gebruikt = self._gebruikt
        return kind

    def waarschuw(self, tekst: str) -> None:
        if tekst not in self._waarschuwingen:
            self._waarschuwingen.append(tekst)

    @property
    def gebruikte_parameters(self) -> list[ParameterValue]:
        # keys are (naam, vanaf): sorting the keys is sorting by (naam, vanaf), without a key function
        gebruikt = self._gebruikt
        return [gebruikt[k] for k in sorted(gebruikt)]

    @property
    def waarschuwingen(self) -> list[str]:
        return self._met_voorlopig(self.gebruikte_parameters)

    def _met_voorlopig(self, gebruikte: list[ParameterValue]) -> list[str]:
        out = list(self._waarschuwingen)
        for pv in gebruikte:
            if pv.voorlopig:
                out.append(voorlopig_waarschuwing(pv))
        return out


_VOORLOPIG: dict[int, tuple[ParameterValue, str]] = {}


def voorlopig_waarschuwing(pv: ParameterValue) -> str:
    """The warning for a value that no official source has confirmed. Parameter values never change once
    loaded, so the text is made once per value (keyed by identity, holding the value so that its id
    cannot be reused while cached)."""
    hit = _VOORLOPIG.get(id(pv))
    if hit is None or hit[0] is not pv:
        if len(_VOORLOPIG) >= 10_000:  # parameter sets reloaded many times (tests): start over
            _VOORLOPIG.clear()
        hit = _VOORLOPIG[id(pv)] = (pv, (
            f"Voorlopige waarde gebruikt: {pv.omschrijving} ({pv.naam}) per "
            f"{pv.vanaf.isoformat()} is niet bevestigd door een officiële bron. {pv.toelichting or ''}").strip())
    return hit[1]


@dataclass
class Uitkomst:
    """The result of one calculation: amounts, explanation, parameters, warnings."""

    soort: str
    peildatum: date
    resultaat: dict
    parameters: list[ParameterValue]
    waarschuwingen: list[str]
    stappen: list[Stap] = field(default_factory=list)

    @classmethod
    def uit_spoor(cls, soort: str, peildatum: date, resultaat: dict, spoor: Rekenspoor) -> "Uitkomst":
        gebruikte = spoor.gebruikte_parameters  # sorted once, for both lists
        return cls(soort, peildatum, resultaat, gebruikte, spoor._met_voorlopig(gebruikte), spoor.stappen)

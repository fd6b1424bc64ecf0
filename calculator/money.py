"""Exact money: Decimal only, never float. Rounding happens only where a rule or a published table
rounds, and each caller says so in a comment that cites the source."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, DefaultContext

# Half-up rounding through an explicit context (default precision and traps): `x.quantize(CENT, None,
# HALF_UP)` is `x.quantize(CENT, rounding=ROUND_HALF_UP)` at half the cost, for code that runs per month
# or per answer.
HALF_UP = DefaultContext.copy()
HALF_UP.rounding = ROUND_HALF_UP

CENT = Decimal("0.01")
VIJF_CENT = Decimal("0.05")
NUL = Decimal("0")
HONDERD = Decimal("100")


def cent(amount: Decimal) -> Decimal:
    """Round half-up to the cent ("rekenkundig afronden")."""
    return amount.quantize(CENT, None, HALF_UP)


def vijf_cent(amount: Decimal) -> Decimal:
    """Round half-up to a multiple of 5 cents, as the WML besluiten do for month and week amounts."""
    return (amount / VIJF_CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP) * VIJF_CENT


def cent_naar_boven(amount: Decimal) -> Decimal:
    """Round up to the cent, as the indicative 2022-2023 hourly WML figures were."""
    return amount.quantize(CENT, rounding=ROUND_CEILING)


def procent(amount: Decimal, percentage: Decimal) -> Decimal:
    """`percentage` % of `amount`, exact (no rounding)."""
    return amount * percentage / HONDERD


def as_str(amount: Decimal) -> str:
    """Amount for the JSON API: a string with two decimals, e.g. "881.19". The engine's amounts are
    already whole cents (each rounded once where its rule rounds); this only fixes the notation."""
    return str(amount.quantize(CENT, None, HALF_UP))

"""Comparing parameter years and results on different dates (pure: no Flask, no rules).

Nothing here knows a rule: parameters are compared by name and date, results by the money fields the
caller names. Relative changes are percentages for people to read; they are rounded half-up to two
decimals for display only and never used in a calculation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from parameters import MissingParameterError, ParameterSet, ParameterValue

HONDERD = Decimal(100)
TWEE_DECIMALEN = Decimal("0.01")


def verschil(oud: Decimal, nieuw: Decimal) -> tuple[Decimal, Decimal | None]:
    """(nieuw − oud, relative change in % rounded to 0.01 for display; None when oud is 0)."""
    absoluut = nieuw - oud
    if oud == 0:
        return absoluut, None
    relatief = (absoluut / oud * HONDERD).quantize(TWEE_DECIMALEN, rounding=ROUND_HALF_UP)
    return absoluut, relatief


def op_datum(params: ParameterSet, naam: str, datum: date) -> tuple[ParameterValue | None, str | None]:
    """The value in force on `datum`, or (None, reason). Never a value from another period."""
    try:
        return params.at(naam, datum), None
    except MissingParameterError as exc:
        return None, exc.reden


@dataclass(frozen=True)
class ParameterVerschil:
    naam: str
    soort: str  # "gewijzigd", "alleen_van" (only on the first date), "alleen_tot" (only on the second)
    oud: ParameterValue | None
    nieuw: ParameterValue | None
    absoluut: Decimal | None = None
    relatief: Decimal | None = None
    reden_oud: str | None = None
    reden_nieuw: str | None = None


def vergelijk_parameters(params: ParameterSet, van: date, tot: date) -> tuple[list[ParameterVerschil], list[str]]:
    """Every parameter whose value in force differs between `van` and `tot` (also: in force on one date
    only), and the names of the parameters whose value is the same on both dates."""
    verschillen: list[ParameterVerschil] = []
    ongewijzigd: list[str] = []
    for naam in params.names:
        oud, reden_oud = op_datum(params, naam, van)
        nieuw, reden_nieuw = op_datum(params, naam, tot)
        if oud is None and nieuw is None:
            continue
        if oud is None or nieuw is None:
            verschillen.append(ParameterVerschil(naam, "alleen_tot" if oud is None else "alleen_van", oud, nieuw,
                                                 reden_oud=reden_oud, reden_nieuw=reden_nieuw))
            continue
        if oud.waarde == nieuw.waarde and type(oud.waarde) is type(nieuw.waarde):
            ongewijzigd.append(naam)
            continue
        absoluut = relatief = None
        if not isinstance(oud.waarde, bool) and not isinstance(nieuw.waarde, bool):
            absoluut, relatief = verschil(oud.waarde, nieuw.waarde)
        verschillen.append(ParameterVerschil(naam, "gewijzigd", oud, nieuw, absoluut, relatief))
    return verschillen, ongewijzigd


def geldbedragen(resultaat, velden: "GeldVelden", pad: str = "") -> dict[str, Decimal]:
    """The money fields of a serialised result as {"per_jaar.maanden[0].totaal": Decimal}, in field order."""
    out: dict[str, Decimal] = {}
    if not isinstance(resultaat, dict):
        return out
    for naam, sub in velden.items():
        waarde = resultaat.get(naam)
        volledig = f"{pad}.{naam}" if pad else naam
        if sub is True:
            if waarde is not None:
                out[volledig] = Decimal(str(waarde))
        elif isinstance(sub, tuple):  # a list of nested objects
            for i, item in enumerate(waarde or []):
                out.update(geldbedragen(item, sub[0], f"{volledig}[{i}]"))
        else:
            out.update(geldbedragen(waarde, sub, volledig))
    return out


# {"veld": True (money) | {nested...} | ({nested...},) (list of nested)}
GeldVelden = dict


def vergelijk_bedragen(basis: dict[str, Decimal], ander: dict[str, Decimal]) -> list[dict]:
    """Every money field present in either result: old, new, absolute and relative difference."""
    out = []
    for veld in list(basis) + [v for v in ander if v not in basis]:
        oud, nieuw = basis.get(veld), ander.get(veld)
        regel = {"veld": veld, "oud": oud, "nieuw": nieuw, "absoluut": None, "relatief": None}
        if oud is not None and nieuw is not None:
            regel["absoluut"], regel["relatief"] = verschil(oud, nieuw)
        out.append(regel)
    return out


__all__ = ["verschil", "op_datum", "ParameterVerschil", "vergelijk_parameters", "geldbedragen", "vergelijk_bedragen"]

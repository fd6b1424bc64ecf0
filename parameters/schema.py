"""marshmallow schema for the parameter files in this folder.

One YAML file per rule. Each file holds named parameters; each parameter holds dated values.
Every value carries its own source (`bron`) and status (`bevestigd` / `voorlopig`), in the spirit
of OpenFisca's country-template (a reference per value) and ParamTools (messages that name the
parameter, the date and the bound).

    titel: Wettelijk minimumloon
    parameters:
      wml.uurloon:
        omschrijving: Wettelijk minimumuurloon, 21 jaar en ouder
        eenheid: EUR
        grondslag: Wet minimumloon en minimumvakantiebijslag, art. 8 lid 1
        bekend_tot: 2026-12-31
        waarden:
          - vanaf: 2024-01-01
            waarde: 13.27
            bron: Stcrt. 2023, 29283
            status: bevestigd
"""

from __future__ import annotations

import re
from datetime import date

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

EENHEDEN = ("EUR", "procent", "uren", "jaren", "maanden", "aantal", "ja_nee")
STATUSSEN = ("bevestigd", "voorlopig")
NAAM_PATROON = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


_NL = {"required": "ontbreekt", "null": "mag niet leeg zijn", "invalid": "ongeldige waarde"}
_DATUM = {**_NL, "invalid": "geen geldige datum (JJJJ-MM-DD)"}


class _Schema(Schema):
    error_messages = {"unknown": "onbekend veld", "type": "verwacht een mapping"}


class WaardeSchema(_Schema):
    vanaf = fields.Date(required=True, error_messages=_DATUM)
    # `vervallen: true` ends a parameter (e.g. the monthly WML on 2024-01-01): from that date
    # no value is in force and a look-up is an error.
    vervallen = fields.Boolean(load_default=False, error_messages=_NL)
    waarde = fields.Raw(load_default=None)
    bron = fields.String(required=True, validate=validate.Length(min=5, error="te kort (minstens {min} tekens)"), error_messages=_NL)
    status = fields.String(required=True, validate=validate.OneOf(STATUSSEN, error="moet een van {choices} zijn"), error_messages=_NL)
    toelichting = fields.String(load_default=None)

    @validates_schema
    def _check(self, data, **kwargs):
        if data.get("status") == "voorlopig" and not data.get("toelichting"):
            raise ValidationError("een voorlopige waarde heeft een toelichting nodig (waarom voorlopig)", "toelichting")
        if data.get("vervallen"):
            if data.get("waarde") is not None:
                raise ValidationError("een vervallen regel heeft geen waarde", "waarde")
        elif data.get("waarde") is None:
            raise ValidationError("waarde ontbreekt", "waarde")


class ParameterSchema(_Schema):
    omschrijving = fields.String(required=True, validate=validate.Length(min=3, error="te kort"), error_messages=_NL)
    eenheid = fields.String(required=True, validate=validate.OneOf(EENHEDEN, error="moet een van {choices} zijn"), error_messages=_NL)
    grondslag = fields.String(required=True, validate=validate.Length(min=3, error="te kort"), error_messages=_NL)
    # The last date for which the list of values is known to be complete. A look-up after it is an
    # error: the last value is never silently carried into a period nobody has checked.
    bekend_tot = fields.Date(required=True, error_messages=_DATUM)
    # Where the next value of this parameter is published (e.g. "Staatscourant, indexeringsregeling WML per
    # 1 januari en 1 juli"); overrides the file's `publicatie` for this parameter. `rekenhulp parameters
    # ontbrekend DATUM` lists it for every parameter without a value on that date (docs/nieuwe-periode.md).
    publicatie = fields.String(load_default=None, validate=validate.Length(min=10, error="te kort (minstens {min} tekens)"), error_messages=_NL)
    minimum = fields.Raw(load_default=None)
    maximum = fields.Raw(load_default=None)
    waarden = fields.List(fields.Nested(WaardeSchema), required=True, validate=validate.Length(min=1, error="minstens een waarde nodig"), error_messages=_NL)


class ParameterFileSchema(_Schema):
    titel = fields.String(required=True, error_messages=_NL)
    # The first date for which this file's values have been researched: the calculations of the file's
    # rule are offered from then (e.g. the years a quotumheffing can be computed for). Optional; without
    # it the earliest `vanaf` of the file counts. The end is the horizon: the earliest `bekend_tot`.
    ondersteund_vanaf = fields.Date(load_default=None, error_messages=_DATUM)
    # Where new values are published, per parameter-name prefix (the longest matching prefix wins; "*"
    # for every parameter of the file); a parameter's own `publicatie` goes first. Each prefix must
    # match a parameter of the file (a typo is an error).
    publicatie = fields.Dict(keys=fields.String(), values=fields.String(validate=validate.Length(min=10, error="te kort (minstens {min} tekens)")), load_default=dict, error_messages=_NL)
    parameters = fields.Dict(keys=fields.String(), values=fields.Nested(ParameterSchema), required=True, error_messages=_NL)


def check_publicatie(data: dict) -> list[str]:
    """Every prefix of the file's `publicatie` names at least one parameter of the file."""
    namen = list(data["parameters"])
    return [f"publicatie.{prefix}: geen parameter in dit bestand begint zo"
            for prefix in data.get("publicatie", {}) if prefix != "*" and not any(n.startswith(prefix) for n in namen)]


def publicatie_van(naam: str, spec: dict, per_prefix: dict[str, str]) -> str | None:
    """Where the next value of parameter `naam` is published: its own field, else the longest prefix."""
    if spec.get("publicatie"):
        return spec["publicatie"]
    passend = [p for p in per_prefix if p == "*" or naam.startswith(p)]
    if not passend:
        return None
    return per_prefix[max(passend, key=lambda p: 0 if p == "*" else len(p))]


def check_values(naam: str, spec: dict) -> list[str]:
    """Checks that need the whole list: order, duplicates, types per unit, bounds.

    Returns messages that each name the parameter and the date, ParamTools-style:
    ``wml.uurloon[2024-01-01]: -1 < minimum 0``.
    """
    errors: list[str] = []
    if not NAAM_PATROON.match(naam):
        errors.append(f"{naam}: ongeldige parameternaam (kleine letters, cijfers, _ en .)")
    previous: date | None = None
    for item in spec["waarden"]:
        vanaf = item["vanaf"]
        label = f"{naam}[{vanaf.isoformat()}]"
        if previous is not None:
            if vanaf == previous:
                errors.append(f"{label}: datum komt twee keer voor")
            elif vanaf < previous:
                errors.append(f"{label}: datums staan niet oplopend (na {previous.isoformat()})")
        previous = vanaf
        if item["vervallen"]:
            continue
        waarde = item["waarde"]
        eenheid = spec["eenheid"]
        if eenheid == "ja_nee":
            if not isinstance(waarde, bool):
                errors.append(f"{label}: waarde {waarde!r} is geen ja/nee (true/false)")
            continue
        if isinstance(waarde, bool) or not _is_decimal(waarde):
            errors.append(f"{label}: waarde {waarde!r} is geen getal")
            continue
        if eenheid == "procent" and not (0 <= waarde <= 100):
            errors.append(f"{label}: {waarde} valt buiten 0..100 procent")
        if waarde < 0:
            errors.append(f"{label}: {waarde} < minimum 0")
        if spec.get("minimum") is not None and waarde < spec["minimum"]:
            errors.append(f"{label}: {waarde} < minimum {spec['minimum']}")
        if spec.get("maximum") is not None and waarde > spec["maximum"]:
            errors.append(f"{label}: {waarde} > maximum {spec['maximum']}")
    if spec["waarden"] and spec["bekend_tot"] < spec["waarden"][-1]["vanaf"]:
        errors.append(f"{naam}: bekend_tot {spec['bekend_tot'].isoformat()} ligt voor de laatste waarde")
    return errors


def _is_decimal(value) -> bool:
    from decimal import Decimal

    return isinstance(value, Decimal)

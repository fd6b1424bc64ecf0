"""marshmallow fields and a base schema with Dutch error messages.

Every input schema of the API (and of the web forms, which validate through the same schemas)
builds on these, so that every field error reads in plain Dutch.
"""

from __future__ import annotations

from decimal import Decimal

from marshmallow import RAISE, Schema, fields, validate
from marshmallow.exceptions import ValidationError

from calculator.money import as_str

VERPLICHT = "Dit veld is verplicht."
NIET_LEEG = "Dit veld mag niet leeg zijn."


class InvoerSchema(Schema):
    """Base for input: unknown fields are an error, named in Dutch."""

    class Meta:
        unknown = RAISE

    error_messages = {
        "unknown": "Onbekend veld.",
        "type": "Verwacht een JSON-object.",
    }


class Datum(fields.Date):
    default_error_messages = {
        "required": VERPLICHT,
        "null": NIET_LEEG,
        "invalid": "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01.",
        "format": "Geen geldige datum; gebruik JJJJ-MM-DD.",
    }


class Getal(fields.Decimal):
    """An exact number (Decimal). Accepts JSON numbers and strings; never NaN or infinity."""

    default_error_messages = {
        "required": VERPLICHT,
        "null": NIET_LEEG,
        "invalid": "Geen geldig getal.",
        "special": "Geen geldig getal.",
        "too_large": "Dit getal is te groot.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_nan", False)
        kwargs.setdefault("as_string", True)  # echoed back (receipt) as an exact string
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool):
            raise self.make_error("invalid")
        if isinstance(value, str) and len(value) > 40:
            raise self.make_error("too_large")
        result = super()._deserialize(value, attr, data, **kwargs)
        if result is not None and abs(result) >= Decimal("1e15"):
            raise self.make_error("too_large")
        return result


class Bedrag(fields.Decimal):
    """A money amount in a response: a string with two decimals, e.g. "881.19"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("metadata", {}).setdefault("example", "881.19")
        super().__init__(as_string=True, places=2, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else as_str(value)


class Percentage(fields.Decimal):
    """A percentage in a response, as a string (e.g. "23.5")."""

    def __init__(self, **kwargs):
        super().__init__(as_string=True, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else format(value.normalize(), "f")


class Geheel(fields.Integer):
    default_error_messages = {
        "required": VERPLICHT,
        "null": NIET_LEEG,
        "invalid": "Geen geldig geheel getal.",
        "too_large": "Dit getal is te groot.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("strict", True)
        super().__init__(**kwargs)


class JaNee(fields.Boolean):
    default_error_messages = {
        "required": VERPLICHT,
        "null": NIET_LEEG,
        "invalid": "Kies ja (true) of nee (false).",
    }


class Tekst(fields.String):
    default_error_messages = {"required": VERPLICHT, "null": NIET_LEEG, "invalid": "Verwacht tekst."}


class Lijst(fields.List):
    default_error_messages = {"required": VERPLICHT, "null": NIET_LEEG, "invalid": "Verwacht een lijst."}


class Genest(fields.Nested):
    default_error_messages = {"required": VERPLICHT, "null": NIET_LEEG, "type": "Verwacht een JSON-object."}


def tussen(minimum, maximum) -> validate.Range:
    return validate.Range(min=minimum, max=maximum, error="Vul een waarde van {min} tot en met {max} in.")


def minimaal(minimum, *, exclusief: bool = False) -> validate.Range:
    if exclusief:
        return validate.Range(min=minimum, min_inclusive=False, error="Vul een waarde groter dan {min} in.")
    return validate.Range(min=minimum, error="Vul een waarde van {min} of meer in.")


def keuze(opties) -> validate.OneOf:
    return validate.OneOf(opties, error="Kies een van: {choices}.")


__all__ = [
    "InvoerSchema", "Datum", "Getal", "Bedrag", "Percentage", "Geheel", "JaNee", "Tekst", "Lijst", "Genest",
    "tussen", "minimaal", "keuze", "ValidationError", "fields", "VERPLICHT",
]

"""marshmallow fields and a base schema with Dutch error messages.

Every input schema of the API (and of the web forms, which validate through the same schemas)
builds on these, so that every field error reads in plain Dutch.
"""

from __future__ import annotations

from decimal import Decimal

from marshmallow import RAISE, Schema, fields, validate
from marshmallow.exceptions import ValidationError
from marshmallow.utils import missing

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

    def _deserialize(self, data, *, error_store, many=False, partial=None, unknown=RAISE, index=None):
        """marshmallow's field loop, shortened for the common case (issue 8): one JSON object whose keys
        are all known fields, and every field valid. Each field is still loaded by its own
        `Field.deserialize` (conversion, load_default, validators); hooks, schema validators and
        post_load stay marshmallow's (`Schema._do_load`). Anything else - a list, unknown keys,
        partial loading, or any field error - goes through marshmallow's own loop from the start, so
        errors are exactly marshmallow's. tests/test_api_json.py compares both on generated input."""
        velden = self.__dict__.get("_snelle_velden") or self._maak_snelle_velden()
        bekend, lijst = velden
        if many or partial or type(data) is not dict or lijst is None or not bekend.issuperset(data):
            return super()._deserialize(data, error_store=error_store, many=many, partial=partial,
                                        unknown=unknown, index=index)
        kwargs = {} if partial is None else {"partial": partial}
        ret = self.dict_class()
        try:
            for naam, sleutel, veld, standaard in lijst:
                ruw = data.get(naam, missing)
                if ruw is missing and standaard is not None:
                    # what Field.deserialize does for an absent optional field: its load_default
                    waarde = standaard[0]() if standaard[1] else standaard[0]
                else:
                    waarde = veld.deserialize(ruw, naam, data, **kwargs)
                if waarde is not missing:
                    ret[sleutel] = waarde
        except ValidationError:
            return super()._deserialize(data, error_store=error_store, many=many, partial=partial,
                                        unknown=unknown, index=index)
        return ret

    def _maak_snelle_velden(self):
        """(known input keys, [(input key, result key, field, default)]) of this instance; None as list
        when a field stores under a dotted attribute (marshmallow's set_value nests those). `default`
        is (load_default, callable?) for an optional field that uses marshmallow's own
        Field.deserialize, else None (then an absent value goes through deserialize)."""
        lijst = []
        for attr, veld in self.load_fields.items():
            naam = veld.data_key if veld.data_key is not None else attr
            sleutel = veld.attribute or attr
            eigen = type(veld).deserialize is fields.Field.deserialize and not veld.required
            standaard = (veld.load_default, callable(veld.load_default)) if eigen else None
            lijst.append((naam, sleutel, veld, standaard))
        bruikbaar = all("." not in v[1] for v in lijst)
        self._snelle_velden = (frozenset(v[0] for v in lijst), lijst if bruikbaar else None)
        return self._snelle_velden


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


def decimalen(aantal: int):
    """At most `aantal` decimals (30, 30.5 and 30.250 pass for 2; 30.125 and 1e-30 do not). For numbers the
    engine divides by: hours to the hundredth keep every quotient within Decimal's 28 digits."""

    def controleer(waarde):
        if waarde is not None and -waarde.normalize().as_tuple().exponent > aantal:
            raise ValidationError(f"Gebruik ten hoogste {aantal} decimalen.")

    return controleer


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
    "tussen", "minimaal", "keuze", "decimalen", "ValidationError", "fields", "VERPLICHT",
]

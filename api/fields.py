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

    def load(self, data, *, many=None, partial=None, unknown=None):
        """marshmallow's load, shortened for the common case (issue 8): one JSON object whose keys are
        all known fields and that is valid. Each field is still loaded by its own `Field.deserialize`
        (conversion, load_default, validators), then the schema's own @validates_schema and @post_load
        methods run as marshmallow calls them. Anything else - a list, unknown keys, other load
        options, hooks this does not model, or any ValidationError - goes through marshmallow's own
        load from the start, so error reports are exactly marshmallow's. tests/test_api_json.py
        compares both on generated valid and invalid input of every soort."""
        if many is None and partial is None and unknown is None:
            snel = self.__dict__.get("_snel_laden", _NIET_SNEL)
            if snel is _NIET_SNEL:  # made once per instance
                snel = self._snel_laden = self._maak_snel_laden()
            if snel is not None:
                uit = snel(data)
                if uit is not _NIET_SNEL:
                    return uit
        return super().load(data, many=many, partial=partial, unknown=unknown)

    def _maak_snel_laden(self):
        """The short load function of this instance, or None when the schema uses something it does not
        model (many, partial, pre_load, @validates field validators, dotted attributes)."""
        hooks = self._hooks
        if self.many or self.partial or hooks["pre_load"] or hooks["validates"]:
            return None
        velden = []
        for attr, veld in self.load_fields.items():
            naam = veld.data_key if veld.data_key is not None else attr
            sleutel = veld.attribute or attr
            if "." in sleutel:  # marshmallow's set_value nests those
                return None
            # an absent optional field with marshmallow's own Field.deserialize gets its load_default
            eigen = type(veld).deserialize is fields.Field.deserialize
            standaard = (veld.load_default, callable(veld.load_default)) if eigen and not veld.required else None
            # A present, non-null value in such a field: Field.deserialize comes down to `_deserialize` and
            # then every validator (its required/null checks do not apply; its And collects the messages,
            # which the fallback reports). Called directly, without building an And per value.
            direct = None
            if eigen and not veld.pre_load and not veld.post_load and type(veld)._validate is fields.Field._validate \
                    and type(veld)._validate_all is fields.Field._validate_all:
                direct = (veld._deserialize, tuple(veld.validators))
            velden.append((naam, sleutel, veld, standaard, direct))
        bekend = frozenset(v[0] for v in velden)
        opties = {"partial": self.partial, "unknown": self.unknown}
        # as Schema._do_load: collection hooks first, then per-item hooks, each in declaration order
        validators = [(getattr(self, naam), kw.get("pass_original", False))
                      for veel in (True, False) for naam, hook_veel, kw in hooks["validates_schema"] if hook_veel is veel]
        na_laden = [(getattr(self, naam), kw.get("pass_original", False))
                    for veel in (True, False) for naam, hook_veel, kw in hooks["post_load"] if hook_veel is veel]
        maak = self.dict_class

        def laad(data):
            if type(data) is not dict or not bekend.issuperset(data):
                return _NIET_SNEL
            ret = maak()
            try:
                for naam, sleutel, veld, standaard, direct in velden:
                    ruw = data.get(naam, missing)
                    if ruw is missing and standaard is not None:
                        waarde = standaard[0]() if standaard[1] else standaard[0]
                    elif direct is not None and ruw is not None and ruw is not missing:
                        waarde = direct[0](ruw, naam, data)
                        for controleer in direct[1]:
                            controleer(waarde)
                    else:
                        waarde = veld.deserialize(ruw, naam, data)
                    if waarde is not missing:
                        ret[sleutel] = waarde
                for validator, origineel in validators:
                    if origineel:
                        validator(ret, data, many=False, **opties)
                    else:
                        validator(ret, many=False, **opties)
            except ValidationError:
                return _NIET_SNEL
            for verwerk, origineel in na_laden:
                ret = verwerk(ret, data, many=False, **opties) if origineel else verwerk(ret, many=False, **opties)
            return ret

        return laad


_NIET_SNEL = object()  # the short load does not apply (or is not made yet): marshmallow's own load decides


class Datum(fields.Date):
    default_error_messages = {
        "required": VERPLICHT,
        "null": NIET_LEEG,
        "invalid": "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01.",
        "format": "Geen geldige datum; gebruik JJJJ-MM-DD.",
    }


GROOTST = Decimal("1e15")  # an input number must be below this (in absolute value)


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
        soort = type(value)
        if (soort is int or soort is float or soort is str and len(value) <= 40) \
                and self.places is None and not self.allow_nan:
            # What marshmallow's Decimal field does with these (Number._validated -> Decimal._format_num:
            # Decimal(str(value))), in one step; anything it would refuse goes the long way for its message.
            try:
                getal = Decimal(str(value))
            except ArithmeticError:  # decimal.InvalidOperation: not a number
                getal = None
            if getal is not None and getal.is_finite() and abs(getal) < GROOTST:
                return getal
        if isinstance(value, bool):
            raise self.make_error("invalid")
        if isinstance(value, str) and len(value) > 40:
            raise self.make_error("too_large")
        result = super()._deserialize(value, attr, data, **kwargs)
        if result is not None and abs(result) >= GROOTST:
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

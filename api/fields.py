"""marshmallow fields and a base schema with Dutch error messages.

Every input schema of the API (and of the web forms, which validate through the same schemas)
builds on these, so that every field error reads in plain Dutch.
"""

from __future__ import annotations

import re
from decimal import Decimal

from marshmallow import RAISE, Schema, fields, validate
from marshmallow.exceptions import ValidationError

from calculator.explanation import Msgid
from calculator.money import as_str

from .getallen import OngeldigGetal
from .snel import NIET_SNEL, snelle_load

VERPLICHT = "Dit veld is verplicht."
NIET_LEEG = "Dit veld mag niet leeg zijn."


MAX_ONBEKEND = 100  # unknown keys reported one by one; more make the whole object one error


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
        all known fields and that is valid goes through the generated load of `api.snel` (off with
        REKENHULP_SNEL=0); anything else - a list, unknown keys, other load options, or any error - goes
        through marshmallow's own load from the start, so error reports are exactly marshmallow's."""
        if type(data) is dict and len(data) > len(self.load_fields) + MAX_ONBEKEND:
            # far more keys than fields (issue 19): report the first unknown ones, validate nothing else
            bekend = self._sleutels()
            onbekend = [k for k in data if k not in bekend]
            if len(onbekend) > MAX_ONBEKEND:
                fouten = {k: ["Onbekend veld."] for k in onbekend[:MAX_ONBEKEND]}
                fouten["_schema"] = [f"En nog {len(onbekend) - MAX_ONBEKEND} onbekende velden."]
                raise ValidationError(fouten)
        if many is None and partial is None and unknown is None:
            laad = self.__dict__.get("_snel_laden", _NOG_NIET)
            if laad is _NOG_NIET:  # made once per instance
                laad = self._snel_laden = snelle_load(self)
            if laad is not None:
                uit = laad(data)
                if uit is not NIET_SNEL:
                    return uit
        return super().load(data, many=many, partial=partial, unknown=unknown)

    def _sleutels(self) -> frozenset:
        return frozenset(v.data_key if v.data_key is not None else k for k, v in self.load_fields.items())


_NOG_NIET = object()  # the generated load of this instance is not made yet


DATUM_TEKST = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


class Datum(fields.Date):
    """A date written JJJJ-MM-DD, nothing else: Python 3.11's date.fromisoformat also takes "20260115" and
    week dates ("2026-W03-4"), which no form or CSV means (issue 19)."""

    default_error_messages = {
        "required": VERPLICHT,
        "null": NIET_LEEG,
        "invalid": "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01.",
        "format": "Geen geldige datum; gebruik JJJJ-MM-DD.",
    }

    def _deserialize(self, value, attr, data, **kwargs):
        if type(value) is str and not DATUM_TEKST.fullmatch(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


# A number as text: ASCII digits with an optional sign, decimal point and exponent ("600.00", "-2", "1e3").
# Not what Decimal() also takes: digits of other scripts ("٣٢", "３２"), underscores ("3_2"), "Infinity", "NaN".
GETAL_TEKST = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
MAX_DECIMALEN = 20  # no input needs more; beyond this a number is refused before any arithmetic touches it


class Getal(fields.Decimal):
    """An exact number (Decimal). Accepts JSON numbers (read as Decimal, api.uit_json) and strings; never NaN,
    infinity, a huge exponent or more than MAX_DECIMALEN decimals (issue 19: "1e999999999" overflowed Decimal's
    context in abs() and gave a 500). "-0" is 0."""

    default_error_messages = {
        "required": VERPLICHT,
        "null": NIET_LEEG,
        "invalid": "Geen geldig getal.",
        "special": "Geen geldig getal.",
        "too_large": "Dit getal is te groot.",
        "too_precise": f"Gebruik ten hoogste {MAX_DECIMALEN} decimalen.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_nan", False)
        kwargs.setdefault("as_string", True)  # echoed back (receipt) as an exact string
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        klasse = type(value)
        if klasse is Decimal:
            getal = value
        elif klasse is int:
            getal = Decimal(value)
        elif klasse is str:
            if len(value) > 40:
                raise self.make_error("too_large")
            tekst = value.strip()
            if not GETAL_TEKST.fullmatch(tekst):
                raise self.make_error("invalid")
            try:
                getal = Decimal(tekst)
            except ArithmeticError:  # an exponent beyond what Decimal can hold at all ("1E+53778651565233907157")
                raise self.make_error("too_precise" if "-" in tekst.lower().partition("e")[2] else "too_large") \
                    from None
        elif klasse is float:  # not from JSON (read as Decimal) but from Python callers
            getal = Decimal(str(value))
        elif isinstance(value, OngeldigGetal):  # a form or CSV cell that breaks the Dutch number rule
            raise ValidationError(value.bericht)
        else:
            raise self.make_error("invalid")
        if not getal.is_finite():
            raise self.make_error("special")
        teken, cijfers, exponent = getal.as_tuple()
        if not any(cijfers):  # zero, whatever its sign or exponent: 0 (with at most MAX_DECIMALEN places)
            return Decimal(0).scaleb(max(min(exponent, 0), -MAX_DECIMALEN))
        if getal.adjusted() >= 15:  # |getal| >= 1e15, without abs() (which rounds to the context and overflows)
            raise self.make_error("too_large")
        nullen = len(cijfers) - len("".join(map(str, cijfers)).rstrip("0"))
        if -(exponent + nullen) > MAX_DECIMALEN:
            raise self.make_error("too_precise")
        return getal


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

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, OngeldigGetal):  # a form or CSV cell that breaks the Dutch number rule
            raise ValidationError(value.bericht)
        return super()._deserialize(value, attr, data, **kwargs)


class JaNee(fields.Boolean):
    default_error_messages = {
        "required": VERPLICHT,
        "null": NIET_LEEG,
        "invalid": "Kies ja (true) of nee (false).",
    }


class Tekst(fields.String):
    default_error_messages = {"required": VERPLICHT, "null": NIET_LEEG, "invalid": "Verwacht tekst."}


class _Sjabloon(str):
    """A marshmallow error template that gives a Msgid (calculator.explanation): marshmallow calls
    `.format(min=..., max=..., choices=...)`; this returns the gettext msgid with its values, so the web layer
    translates by key (the .po) and writes the values in the page's notation, without matching the text. The
    str of the Msgid is the message as before ("Vul een waarde van 0.01 tot en met 100 in.")."""

    def __new__(cls, msgid: str, **namen):
        self = super().__new__(cls, msgid)
        self.namen = namen  # placeholder in the msgid -> the keyword marshmallow passes
        return self

    def format(self, *args, **kwargs):
        return Msgid(str(self), **{naam: kwargs[kw] for naam, kw in self.namen.items()})


MAX_LIJST = 1000  # any list without its own maximum: no input has more items


class Lijst(fields.List):
    """A list whose length is checked before any item is (issue 19: 330 000 empty items were validated one by
    one, 26 s and a 33 MB answer, before the maximum of 20 was looked at). The maximum is that of the field's
    validate.Length, else MAX_LIJST."""

    default_error_messages = {"required": VERPLICHT, "null": NIET_LEEG, "invalid": "Verwacht een lijst.",
                              "too_long": _Sjabloon("Deze lijst is te lang: ten hoogste %(n)s elementen.", n="max")}

    def _deserialize(self, value, attr, data, **kwargs):
        if type(value) is list or type(value) is tuple:
            lengte = next((v for v in self.validators if isinstance(v, validate.Length) and v.max is not None), None)
            if lengte is not None and len(value) > lengte.max:
                lengte(value)  # raises with the field's own message
            if len(value) > (lengte.max if lengte is not None else MAX_LIJST):
                raise self.make_error("too_long", max=MAX_LIJST)
        return super()._deserialize(value, attr, data, **kwargs)


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
    return validate.Range(min=minimum, max=maximum,
                          error=_Sjabloon("Vul een waarde van %(min)s tot en met %(max)s in.", min="min", max="max"))


def minimaal(minimum, *, exclusief: bool = False) -> validate.Range:
    if exclusief:
        return validate.Range(min=minimum, min_inclusive=False,
                              error=_Sjabloon("Vul een waarde groter dan %(min)s in.", min="min"))
    return validate.Range(min=minimum, error=_Sjabloon("Vul een waarde van %(min)s of meer in.", min="min"))


def keuze(opties) -> validate.OneOf:
    return validate.OneOf(opties, error=_Sjabloon("Kies een van: %(keuzes)s.", keuzes="choices"))


__all__ = [
    "InvoerSchema", "Datum", "Getal", "Bedrag", "Percentage", "Geheel", "JaNee", "Tekst", "Lijst", "Genest",
    "tussen", "minimaal", "keuze", "decimalen", "ValidationError", "fields", "VERPLICHT",
]

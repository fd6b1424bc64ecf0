"""marshmallow fields and a base schema with Dutch error messages.

Every input schema of the API (and of the web forms, which validate through the same schemas)
builds on these, so that every field error reads in plain Dutch.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from marshmallow import RAISE, Schema, fields, validate
from marshmallow.exceptions import ValidationError
from marshmallow.utils import missing

from calculator.money import as_str

from .getallen import OngeldigGetal

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
        all known fields and that is valid. Each field gets what its own `Field.deserialize` would do
        (load_default, `_deserialize` - for dates, integers and booleans inline -, validators - a Range as
        a comparison -), then the schema's own @validates_schema and @post_load methods run as
        marshmallow calls them. Anything else - a list, unknown keys, other load options, hooks this does
        not model, or any error - goes through marshmallow's own load from the start, so error reports
        are exactly marshmallow's. tests/test_api_json.py compares both on generated valid and invalid
        input of every soort, including every Range bound."""
        if type(data) is dict and len(data) > len(self.load_fields) + MAX_ONBEKEND:
            # far more keys than fields (issue 19): report the first unknown ones, validate nothing else
            bekend = self._sleutels()
            onbekend = [k for k in data if k not in bekend]
            if len(onbekend) > MAX_ONBEKEND:
                fouten = {k: ["Onbekend veld."] for k in onbekend[:MAX_ONBEKEND]}
                fouten["_schema"] = [f"En nog {len(onbekend) - MAX_ONBEKEND} onbekende velden."]
                raise ValidationError(fouten)
        if many is None and partial is None and unknown is None:
            snel = self.__dict__.get("_snel_laden", _NIET_SNEL)
            if snel is _NIET_SNEL:  # made once per instance
                snel = self._snel_laden = self._maak_snel_laden()
            if snel is not None:
                uit = snel(data)
                if uit is not _NIET_SNEL:
                    return uit
        return super().load(data, many=many, partial=partial, unknown=unknown)

    def _sleutels(self) -> frozenset:
        return frozenset(v.data_key if v.data_key is not None else k for k, v in self.load_fields.items())

    def _maak_snel_laden(self):
        """The short load function of this instance, or None when the schema uses something it does not
        model (many, partial, pre_load, @validates field validators, dotted attributes).

        It is generated Python source with one block per field (as the response dump in api.soorten),
        so a valid object is loaded without a loop over fields and without a call per validator."""
        hooks = self._hooks
        if self.many or self.partial or hooks["pre_load"] or hooks["validates"]:
            return None
        ns = {"missing": missing, "_NIET_SNEL": _NIET_SNEL, "date": date, "maak": self.dict_class}
        regels, namen = [], []
        for i, (attr, veld) in enumerate(self.load_fields.items()):
            naam = veld.data_key if veld.data_key is not None else attr
            sleutel = veld.attribute or attr
            if "." in sleutel:  # marshmallow's set_value nests those
                return None
            namen.append(naam)
            ns[f"n{i}"], ns[f"s{i}"], ns[f"f{i}"] = naam, sleutel, veld
            takken = []  # (condition, statements) of an if/elif chain; the last one is the else
            eigen = type(veld).deserialize is fields.Field.deserialize
            if eigen and not veld.required:
                # an absent optional field with marshmallow's own Field.deserialize gets its load_default
                standaard = ns[f"d{i}"] = veld.load_default
                if callable(standaard):
                    takken.append(("w is missing", [f"v = d{i}()", f"if v is not missing: ret[s{i}] = v"]))
                else:
                    takken.append(("w is missing", [f"ret[s{i}] = d{i}"] if standaard is not missing else ["pass"]))
            if _direct(veld, eigen):
                takken.append(("w is not None and w is not missing", _converteer_en_controleer(ns, i, veld)))
            # anything else (null, a missing required value, a field of its own): Field.deserialize
            takken.append((None, [f"v = f{i}.deserialize(w, n{i}, data)", f"if v is not missing: ret[s{i}] = v"]))
            regels.append(f"w = g(n{i}, missing)")
            for k, (voorwaarde, opdrachten) in enumerate(takken):
                regels.append("else:" if voorwaarde is None else f"{'el' if k else ''}if {voorwaarde}:")
                regels += [f"    {r}" for r in opdrachten]
            if len(takken) == 1:  # only the else: no if before it
                regels[-3:] = [r[4:] for r in regels[-2:]]
        ns["bekend"] = frozenset(namen)
        opties = {"partial": self.partial, "unknown": self.unknown}
        ns["opties"] = opties
        # as Schema._do_load: collection hooks first, then per-item hooks, each in declaration order
        for soort, lijst in (("validates_schema", "validators"), ("post_load", "na_laden")):
            ns[lijst] = [(getattr(self, naam), kw.get("pass_original", False))
                         for veel in (True, False) for naam, hook_veel, kw in hooks[soort] if hook_veel is veel]
        bron = "\n".join([
            "def laad(data):",
            "    if type(data) is not dict or not bekend.issuperset(data):",
            "        return _NIET_SNEL",
            "    ret = maak()",
            "    g = data.get",
            "    try:",
            *(f"        {r}" for r in regels),
            "        for validator, origineel in validators:",
            "            if origineel:",
            "                validator(ret, data, many=False, **opties)",
            "            else:",
            "                validator(ret, many=False, **opties)",
            # any error (a ValidationError, or a value the inline conversion or range check refuses):
            # marshmallow's own load decides, from the start
            "    except Exception:",
            "        return _NIET_SNEL",
            "    for verwerk, origineel in na_laden:",
            "        ret = verwerk(ret, data, many=False, **opties) if origineel else verwerk(ret, many=False, **opties)",
            "    return ret",
        ])
        exec(compile(bron, f"<korte load {type(self).__name__}>", "exec"), ns)
        return ns["laad"]


def _direct(veld, eigen: bool) -> bool:
    """Can a present, non-null value of this field be loaded directly? Yes for a field with marshmallow's
    own deserialize/_validate: Field.deserialize then comes down to `_deserialize` and every validator
    (its required/null checks do not apply to such a value)."""
    return eigen and not veld.pre_load and not veld.post_load and type(veld)._validate is fields.Field._validate \
        and type(veld)._validate_all is fields.Field._validate_all


def _converteer_en_controleer(ns: dict, i: int, veld) -> list[str]:
    """Statements that load a present, non-null value `w` of field i into ret: the field's `_deserialize`
    (for the common types its result inline), then each validator (a Range as a comparison)."""
    ns[f"x{i}"] = veld._deserialize
    soort = type(veld)
    omzetten = f"v = x{i}(w, n{i}, data)"
    if isinstance(veld, fields.Date) and soort._deserialize in (fields.Date._deserialize, Datum._deserialize) \
            and (veld.format or veld.DEFAULT_FORMAT) in ("iso", "iso8601"):
        # marshmallow: date.fromisoformat for a string (a ValueError: the fallback gives the message); only
        # JJJJ-MM-DD (Datum): ten characters with the dashes in place, anything else goes the long way
        omzetten = (f"v = date.fromisoformat(w) if type(w) is str and len(w) == 10 and w[4] == '-' and w[7] == '-' "
                    f"else x{i}(w, n{i}, data)")
    elif isinstance(veld, fields.Integer) and soort._deserialize in (fields.Number._deserialize, Geheel._deserialize) \
            and soort._validated is fields.Integer._validated and soort._format_num is fields.Number._format_num:
        omzetten = f"v = w if type(w) is int else x{i}(w, n{i}, data)"  # int(w) is w
    elif isinstance(veld, fields.Boolean) and soort._deserialize is fields.Boolean._deserialize \
            and (not veld.truthy or (True in veld.truthy and False in veld.falsy)):
        omzetten = f"v = w if w is True or w is False else x{i}(w, n{i}, data)"
    uit = [omzetten]
    for j, controle in enumerate(veld.validators):
        if type(controle) is validate.Range:
            ns[f"lo{i}_{j}"], ns[f"hi{i}_{j}"] = controle.min, controle.max
            if controle.min is not None:
                uit.append(f"if v {'<' if controle.min_inclusive else '<='} lo{i}_{j}: raise ValueError")
            if controle.max is not None:
                uit.append(f"if v {'>' if controle.max_inclusive else '>='} hi{i}_{j}: raise ValueError")
        else:
            ns[f"c{i}_{j}"] = controle
            uit.append(f"c{i}_{j}(v)")
    return uit + [f"ret[s{i}] = v"]


_NIET_SNEL = object()  # the short load does not apply (or is not made yet): marshmallow's own load decides


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


GROOTST = Decimal("1e15")  # an input number must be below this (in absolute value)


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
        soort = type(value)
        if soort is Decimal:
            getal = value
        elif soort is int:
            getal = Decimal(value)
        elif soort is str:
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
        elif soort is float:  # not from JSON (read as Decimal) but from Python callers
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


MAX_LIJST = 1000  # any list without its own maximum: no input has more items


class Lijst(fields.List):
    """A list whose length is checked before any item is (issue 19: 330 000 empty items were validated one by
    one, 26 s and a 33 MB answer, before the maximum of 20 was looked at). The maximum is that of the field's
    validate.Length, else MAX_LIJST."""

    default_error_messages = {"required": VERPLICHT, "null": NIET_LEEG, "invalid": "Verwacht een lijst.",
                              "too_long": "Deze lijst is te lang: ten hoogste {max} elementen."}

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

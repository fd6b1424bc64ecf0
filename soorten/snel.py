"""The generated load and dump (issue 8, issue 16 part 2): the only place in the project that builds Python
source and runs it with `exec`.

Two public functions:

- `snelle_load(schema)`: for an input schema instance (`soorten.fields.InvoerSchema`), a function that loads a
  valid JSON object the way marshmallow's `Schema.load` would, or returns `NIET_SNEL` so that marshmallow's own
  load decides (any error, unknown keys, a list, ...); None when the schema uses something it does not model.
- `snelle_dump(schema_cls, many)`: for an output schema class, a function equal to
  `schema_instantie(schema_cls, many).dump`.

The switch: the environment variable `REKENHULP_SNEL=0` (also "false", "nee", "uit", "off") turns both off,
read once when this module is imported. Then `snelle_load` returns None (InvoerSchema.load is marshmallow's
`Schema.load`, after the check on far too many unknown keys, which is behaviour and not speed) and `snelle_dump`
returns the schema instance's own `dump`. Default on. `tests/test_snel.py` runs the comparison tests with the
switch off too (a subprocess), so both modes are tested by `./dev test`.

Why marshmallow's private parts are still used. marshmallow's public API (`Schema.load`, `Schema.dump`,
`Field.deserialize`, `Field.serialize`) runs a loop over the fields with an accessor, a per-field
try/except and error collection, and a call per validator; for the small objects of this API that machinery
costs more than the calculation (issue 8: validating the LKS example 8.8 µs with marshmallow's load, 3.8 µs
generated; the result dump 4.4 -> 3.5 µs, the receipt's input 2.8 -> 1.6 µs; see benchmarks/README.md for the
figures of both settings). To give exactly marshmallow's answer without that loop, the generated code needs to
know what marshmallow would do per field, which only its internals say: `Schema._hooks` (which
@validates_schema / @post_load / dump hooks exist and in which order), `Field._deserialize` / `_serialize` (the
conversion without the required/null/validator wrapper), `Field._validate` / `_validate_all` (to see that a
field validates the standard way), `Field._CHECK_ATTRIBUTE` (Method/Function fields), `Integer._validated` and
`Number._format_num`. Each use is checked against the class marshmallow ships (a subclass that overrides any
of them goes the long way), and the tests compare the results with marshmallow's on generated input; these
private names are the reason for the `marshmallow>=4,<5` pin in pyproject.toml.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable

from marshmallow import Schema, fields, validate
from marshmallow.utils import missing

from calculator.money import as_str

# The Dutch field classes whose values the generated code handles inline. soorten.fields hands them over when it is
# imported (ken_velden): fields imports this module for InvoerSchema.load, so importing fields here would be a cycle
# (issue 16: fields <-> snel).
_VELDEN: dict[str, type] = {}


def ken_velden(**klassen: type) -> None:
    _VELDEN.update(klassen)

AAN: bool = os.environ.get("REKENHULP_SNEL", "1").strip().lower() not in {"0", "false", "nee", "uit", "off"}

NIET_SNEL = object()  # the generated load does not apply: marshmallow's own load decides


def schema_instantie(schema_cls: type[Schema], many: bool = False) -> Schema:
    """One instance per schema class, reused: creating a marshmallow schema deep-copies all its fields
    (and those of nested schemas), which cost more than the calculation itself. Schemas keep no state
    between load/dump calls (marshmallow 4 has no context), so reuse gives the same results."""
    return _instantie(schema_cls, bool(many))  # one cache key however `many` is passed


@lru_cache(maxsize=None)
def _instantie(schema_cls: type[Schema], many: bool) -> Schema:
    return schema_cls(many=many)


def _maak(bron: str, naam: str, ns: dict) -> Callable:
    """The one exec: the generated source `bron` defines function `naam` using the names in `ns`."""
    exec(compile(bron, f"<soorten.snel {naam}>", "exec"), ns)
    return ns[naam]


# --- load ------------------------------------------------------------------------------------------


def snelle_load(schema: Schema) -> Callable[[Any], Any] | None:
    """The generated load function of this schema instance, or None when the switch is off or the schema uses
    something it does not model (many, partial, pre_load, @validates field validators, dotted attributes).

    One block per field: each field gets what its own `Field.deserialize` would do (load_default,
    `_deserialize` - for dates, integers and booleans inline -, validators - a Range as a comparison -), then
    the schema's own @validates_schema and @post_load methods run as marshmallow calls them. Anything else -
    a list, unknown keys, or any error - returns NIET_SNEL, so error reports are exactly marshmallow's.
    tests/test_api_json.py compares both on generated valid and invalid input of every soort."""
    if not AAN:
        return None
    hooks = schema._hooks
    if schema.many or schema.partial or hooks["pre_load"] or hooks["validates"]:
        return None
    ns = {"missing": missing, "_NIET_SNEL": NIET_SNEL, "date": date, "maak": schema.dict_class}
    regels, namen = [], []
    for i, (attr, veld) in enumerate(schema.load_fields.items()):
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
    opties = {"partial": schema.partial, "unknown": schema.unknown}
    ns["opties"] = opties
    # as Schema._do_load: collection hooks first, then per-item hooks, each in declaration order
    for haak, lijst in (("validates_schema", "validators"), ("post_load", "na_laden")):
        ns[lijst] = [(getattr(schema, naam), kw.get("pass_original", False))
                     for veel in (True, False) for naam, hook_veel, kw in hooks[haak] if hook_veel is veel]
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
    return _maak(bron, "laad", ns)


def _direct(veld, eigen: bool) -> bool:
    """Can a present, non-null value of this field be loaded directly? Yes for a field with marshmallow's
    own deserialize/_validate: Field.deserialize then comes down to `_deserialize` and every validator
    (its required/null checks do not apply to such a value)."""
    return eigen and not veld.pre_load and not veld.post_load and type(veld)._validate is fields.Field._validate \
        and type(veld)._validate_all is fields.Field._validate_all


def _converteer_en_controleer(ns: dict, i: int, veld) -> list[str]:
    """Statements that load a present, non-null value `w` of field i into ret: the field's `_deserialize`
    (for the common types its result inline), then each validator (a Range as a comparison)."""
    Datum, Geheel = _VELDEN["Datum"], _VELDEN["Geheel"]
    ns[f"x{i}"] = veld._deserialize
    klasse = type(veld)
    omzetten = f"v = x{i}(w, n{i}, data)"
    if isinstance(veld, fields.Date) and klasse._deserialize in (fields.Date._deserialize, Datum._deserialize) \
            and (veld.format or veld.DEFAULT_FORMAT) in ("iso", "iso8601"):
        # marshmallow: date.fromisoformat for a string (a ValueError: the fallback gives the message); only
        # JJJJ-MM-DD (Datum): ten characters with the dashes in place, anything else goes the long way
        omzetten = (f"v = date.fromisoformat(w) if type(w) is str and len(w) == 10 and w[4] == '-' and w[7] == '-' "
                    f"else x{i}(w, n{i}, data)")
    elif isinstance(veld, fields.Integer) and klasse._deserialize in (fields.Number._deserialize, Geheel._deserialize) \
            and klasse._validated is fields.Integer._validated and klasse._format_num is fields.Number._format_num:
        omzetten = f"v = w if type(w) is int else x{i}(w, n{i}, data)"  # int(w) is w
    elif isinstance(veld, fields.Boolean) and klasse._deserialize is fields.Boolean._deserialize \
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


# --- dump ------------------------------------------------------------------------------------------

_MISSING = object()
_DUMPS: dict = {}


def snelle_dump(schema_cls: type[Schema], many: bool = False) -> Callable[[Any], Any]:
    """`schema_instantie(schema_cls, many).dump` as a precompiled function (with the switch off: that dump).

    marshmallow's dump looks every value up through an accessor and dumps nested schemas through their
    full machinery; here one generated function per schema reads each value directly and converts it
    (the common field types inline, any other through the field's own `_serialize`), and Nested /
    List(Nested) recurse into precompiled functions. Anything this does not model exactly
    (dump hooks, dotted attributes, Method/Function fields) falls back to marshmallow's own code for that
    schema or field. tests/test_properties.py and tests/test_api_json.py compare it with the dump.
    """
    sleutel = (schema_cls, many)
    fn = _DUMPS.get(sleutel)
    if fn is None:
        fn = _DUMPS[sleutel] = (_compileer(schema_instantie(schema_cls), many) if AAN
                                else schema_instantie(schema_cls, many=many).dump)
    return fn


def _compileer(schema: Schema, many: bool) -> Callable[[Any], Any]:
    """One straight-line Python function for the schema (generated source, one statement per field), so a
    response is dumped without a loop over fields and a function call per value (issue 8)."""
    if schema._hooks.get("pre_dump") or schema._hooks.get("post_dump") or schema.dict_class is not dict:
        return schema_instantie(type(schema), many=many).dump
    ns: dict[str, Any] = {"_MISSING": _MISSING, "marshmallow_missing": missing}
    uit_dict, uit_object = [], []
    for i, (naam, veld) in enumerate(schema.dump_fields.items()):
        attribuut = veld.attribute or naam
        ns[f"k{i}"] = veld.data_key if veld.data_key is not None else naam
        ns[f"a{i}"] = attribuut
        if not veld._CHECK_ATTRIBUTE or "." in attribuut or veld.dump_default is not missing:
            ns[f"f{i}"] = _veld_traag(schema, naam, veld)
            regels = [f"w = f{i}(obj)", f"if w is not marshmallow_missing: ret[k{i}] = w"]
            uit_dict += regels
            uit_object += regels
            continue
        expressie, ns[f"f{i}"], extra = _veld_waarde(veld)
        ns.update(extra)
        expressie = expressie.format(f=f"f{i}", attr=f"a{i}")
        # marshmallow reads a dict by key (else attribute) and an object by attribute; it leaves a missing value out
        uit_dict += [f"w = g(a{i}, _MISSING)", f"if w is _MISSING: w = getattr(obj, a{i}, _MISSING)",
                     f"if w is not _MISSING: ret[k{i}] = {expressie}"]
        uit_object += [f"w = getattr(obj, a{i}, _MISSING)", f"if w is not _MISSING: ret[k{i}] = {expressie}"]
    bron = "\n".join([
        "def dump_een(obj):",
        "    ret = {}",
        "    if isinstance(obj, dict):",
        "        g = obj.get",
        *(f"        {r}" for r in uit_dict or ["pass"]),
        "    else:",
        *(f"        {r}" for r in uit_object or ["pass"]),
        "    return ret",
    ])
    dump_een = _maak(bron, "dump_een", ns)
    if many:
        return lambda objs: None if objs is None else [dump_een(o) for o in objs]
    return dump_een


def _veld_traag(schema: Schema, naam: str, veld) -> Callable[[Any], Any]:
    if not veld._CHECK_ATTRIBUTE:  # Method/Function: Field.serialize passes value None to _serialize
        serialiseer = veld._serialize
        return lambda obj: serialiseer(None, naam, obj)
    return lambda obj: veld.serialize(naam, obj, accessor=schema.get_attribute)


def _veld_waarde(veld) -> tuple[str, Callable, dict]:
    """How a field serialises a value `w` read from the object: (an expression in `w`, a function that the
    expression may call as {f}(w, {attr}, obj) or {f}(w), other names the expression uses).

    The field types of every response are served without going through the field object, with the
    output of their own `_serialize` (tests/test_properties.py compares with marshmallow's dump):
    Bedrag -> money.as_str; a Decimal in a Getal -> its plain notation; Date in iso format -> isoformat();
    a bool in a Boolean field -> itself; an int in a plain Integer -> itself; a str in a String -> itself.
    Any other value goes to the field's `_serialize`."""
    Bedrag, Getal = _VELDEN["Bedrag"], _VELDEN["Getal"]
    serialiseer = veld._serialize
    klasse = type(veld)
    if klasse is Bedrag:
        return "None if w is None else as_str(w)", serialiseer, {"as_str": as_str}
    if klasse is Getal and veld.as_string and veld.places is None:
        # marshmallow: format(Decimal(str(w)), "f"); for a Decimal, Decimal(str(d)) is d with its exponent
        return 'format(w, "f") if type(w) is Decimal else {f}(w, {attr}, obj)', serialiseer, {"Decimal": Decimal}
    eigen = klasse._serialize  # a subclass that serialises differently keeps its own _serialize
    if isinstance(veld, fields.Date) and eigen is fields.Date._serialize \
            and (veld.format or veld.DEFAULT_FORMAT) in ("iso", "iso8601"):
        return ("None if w is None else w.isoformat() if type(w) is date else {f}(w, {attr}, obj)", serialiseer,
                {"date": date})
    if isinstance(veld, fields.Boolean) and eigen is fields.Boolean._serialize:
        return "w if w is None or w is True or w is False else {f}(w, {attr}, obj)", serialiseer, {}
    if isinstance(veld, fields.Integer) and not veld.as_string and eigen is fields.Number._serialize:
        return "w if w is None or type(w) is int else {f}(w, {attr}, obj)", serialiseer, {}
    if isinstance(veld, fields.String) and eigen is fields.String._serialize:
        return "w if type(w) is str else {f}(w, {attr}, obj)", serialiseer, {}
    if isinstance(veld, fields.Nested) and isinstance(veld.nested, type) and not veld.only and not veld.exclude:
        return "None if w is None else {f}(w)", snelle_dump(veld.nested, bool(veld.many)), {}
    if (isinstance(veld, fields.List) and isinstance(veld.inner, fields.Nested)
            and isinstance(veld.inner.nested, type) and not veld.inner.only and not veld.inner.exclude
            and not veld.inner.many):
        return "None if w is None else [{f}(x) for x in w]", snelle_dump(veld.inner.nested), {}
    return "{f}(w, {attr}, obj)", serialiseer, {}


__all__ = ["AAN", "NIET_SNEL", "schema_instantie", "snelle_load", "snelle_dump"]

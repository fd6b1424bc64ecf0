"""The JSON encoding of API answers (api.naar_json) and the cached parameter listing (issue 8 speed-ups):
the same content as the plain json module and the marshmallow schema would give."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from marshmallow import Schema, ValidationError, fields

from soorten.json_exact import DubbeleSleutel, naar_json, uit_json
from soorten.fields import Bedrag, Getal, InvoerSchema
from soorten.register import SOORTEN, ParameterGebruikSchema, laad_alle_soorten, parameter_gebruik, schema_instantie
from parameters import default_parameters


def test_naar_json_gelijk_aan_json_module():
    body = {"soort": "x", "bedrag": "881.19", "lijst": [1, True, None, "€ ë"], "genest": {"a": [{"b": 2}]}}
    assert json.loads(naar_json(body)) == body
    assert "€ ë".encode() in naar_json(body)  # UTF-8, not \\u escapes


def test_naar_json_valt_terug_op_json_module():
    # orjson refuses integers beyond 64 bits; the answer is still made, by the json module
    groot = {"getal": 2**70, 1: "niet-tekst-sleutel"}
    assert json.loads(naar_json(groot)) == {"getal": 2**70, "1": "niet-tekst-sleutel"}


def test_parameter_gebruik_gelijk_aan_schema_en_een_kopie():
    params = default_parameters()
    pv = params.at("wml.uurloon", date(2026, 1, 1))
    verwacht = schema_instantie(ParameterGebruikSchema).dump(pv)
    eerste = parameter_gebruik(pv)
    assert eerste == verwacht and eerste["waarde"] == "14.71" and eerste["geldig_vanaf"] == "2026-01-01"
    eerste["waarde"] = "gewijzigd"  # a caller changing its copy does not change the next answer
    assert parameter_gebruik(pv) == verwacht


# --- InvoerSchema.load: the shortened load equals marshmallow's ------------------------

laad_alle_soorten()
VOORBEELDEN = [(naam, body) for naam, s in SOORTEN.items() for body in (s.voorbeeld, *s.dekking_varianten)]


def _grenzen() -> list:
    """Every bound of a Range validator in an input schema, and the numbers just inside and outside it."""
    from marshmallow import validate

    uit = set()
    for soort in SOORTEN.values():
        for veld in schema_instantie(soort.invoer_schema).load_fields.values():
            for controle in getattr(veld, "validators", ()):
                if isinstance(controle, validate.Range):
                    for grens in (controle.min, controle.max):
                        if grens is not None:
                            uit |= {grens, grens - 1, grens + 1, str(grens), str(grens + Decimal("0.01"))}
    return sorted(uit, key=str)


waarden = st.one_of(st.none(), st.booleans(), st.integers(-10, 200), st.sampled_from(_grenzen()), st.sampled_from(
    ["", "32", "32,5", "abc", "2026-01-01", "2026-13-01", "1e400", "NaN", "60"]), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["leeftijd", "x"]), st.integers(0, 99), max_size=2))


def _laad(schema_cls, data):
    try:
        return "ok", schema_instantie(schema_cls).load(data)
    except ValidationError as exc:
        return "fout", exc.messages


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VOORBEELDEN), st.data())
def test_korte_load_gelijk_aan_marshmallow(voorbeeld, data):
    naam, body = voorbeeld
    body = dict(body)
    for veld in data.draw(st.lists(st.sampled_from(sorted(body) + ["onbekend"]), max_size=3), label="wijzig"):
        keuze = data.draw(st.sampled_from(["weg", "waarde"]), label=veld)
        if keuze == "weg":
            body.pop(veld, None)
        else:
            body[veld] = data.draw(waarden, label=f"{veld}=")
    schema_cls = SOORTEN[naam].invoer_schema
    kort = _laad(schema_cls, body)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(InvoerSchema, "load", Schema.load)  # marshmallow's own load
        lang = _laad(schema_cls, body)
    assert kort == lang


@pytest.mark.parametrize("naam,body", VOORBEELDEN, ids=[f"{n}-{i}" for i, (n, _) in enumerate(VOORBEELDEN)])
def test_geldige_invoer_neemt_de_korte_load(naam, body, monkeypatch):
    """Valid input never reaches marshmallow's own load (else the speed-up would be dead code); with
    REKENHULP_SNEL=0 it always does (the switch really turns the generated load off)."""
    from soorten import snel

    if not snel.AAN:
        monkeypatch.setattr(Schema, "_do_load", lambda *a, **kw: (_ for _ in ()).throw(AssertionError("gebruikt")))
        with pytest.raises(AssertionError, match="gebruikt"):
            schema_instantie(SOORTEN[naam].invoer_schema).load(body)
        return
    def nooit(*args, **kwargs):
        raise AssertionError("marshmallow's load gebruikt voor geldige invoer")

    monkeypatch.setattr(Schema, "_do_load", nooit)
    assert schema_instantie(SOORTEN[naam].invoer_schema).load(body) is not None


# --- Getal: its one-step conversion equals marshmallow's Decimal field plus Getal's own checks ------------

class _GetalVoorheen(fields.Decimal):
    """Getal's contract written out the long way: refuse bools and strings over 40 characters, strings that are
    not ASCII digits with an optional sign, point and exponent (issue 19: "٣٢", "３２" and "3_2" were 32),
    marshmallow's Decimal conversion (Decimal(str(value)), no NaN or infinity), then refuse 1e15 and more and
    more than 20 significant decimals (computed in a context wide enough for any exponent: "1e999999999" gave a
    500 from decimal.Overflow); zero is 0 without a sign ("-0" came back as "-0.00")."""

    default_error_messages = Getal.default_error_messages

    def __init__(self):
        super().__init__(allow_nan=False, as_string=True)

    def _deserialize(self, value, attr, data, **kwargs):
        import re
        from decimal import localcontext

        if isinstance(value, bool):
            raise self.make_error("invalid")
        if isinstance(value, str) and len(value) > 40:
            raise self.make_error("too_large")
        if isinstance(value, str) and not re.fullmatch(r"[+\-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+\-]?[0-9]+)?",
                                                       value.strip()):
            raise self.make_error("invalid")
        if isinstance(value, str):
            try:
                Decimal(value.strip())
            except ArithmeticError:  # an exponent no Decimal holds: too large, or too many decimals
                raise self.make_error("too_precise" if "e-" in value.lower() else "too_large") from None
        result = super()._deserialize(value, attr, data, **kwargs)
        with localcontext() as ctx:
            ctx.Emax, ctx.Emin, ctx.prec = 10**12, -10**12, 100
            if result == 0:
                return Decimal("0." + "0" * min(20, -result.as_tuple().exponent)) if result.as_tuple().exponent < 0 \
                    else Decimal(0)
            if abs(result) >= Decimal("1e15"):
                raise self.make_error("too_large")
            if -result.normalize().as_tuple().exponent > 20:
                raise self.make_error("too_precise")
        return result


def _getal(veld, waarde):
    try:
        uit = veld.deserialize(waarde)
        return "ok", uit, str(uit)  # the same value and the same notation (the receipt echoes it)
    except ValidationError as exc:
        return "fout", exc.messages


getallen = st.one_of(
    st.integers(), st.floats(), st.booleans(), st.decimals().map(str), st.floats().map(repr),
    st.sampled_from(["", " 32 ", "1_000", "32,5", "abc", "1e400", "-1e15", "999999999999999.99", "NaN", "-inf",
                     "sNaN", "0E-30", "1" * 40, "1" * 41, "+.5", "5.", "١٢", "３２", "3_2", "1e999999999", "-1e-999999999",
                     "-0", "-0.00", "0E+999999999", ".3E+53778651565233907157", "1E-53778651565233907157", "1." + "0" * 30, "0." + "0" * 19 + "1", "0." + "0" * 20 + "1"]),
    st.text(max_size=45), st.lists(st.integers(), max_size=1), st.none(),
)


@settings(max_examples=1000, deadline=None)
@given(getallen)
def test_getal_gelijk_aan_de_conversie_van_marshmallow(waarde):
    assert _getal(Getal(), waarde) == _getal(_GetalVoorheen(), waarde)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.decimals(allow_nan=False, allow_infinity=False), st.integers(), st.none()))
def test_getal_in_een_antwoord_gelijk_aan_marshmallow(waarde):
    """The response dump's shortcut for a Getal (the receipt echoes the input) gives marshmallow's text."""
    from soorten.snel import snelle_dump

    schema_cls = Schema.from_dict({"x": Getal(allow_none=True)})
    assert repr(snelle_dump(schema_cls)({"x": waarde})) == repr(schema_cls().dump({"x": waarde}))


# --- uit_json: the request body parsed as the json module parses it, numbers exact (issue 19) ------------


def _weiger_dubbel(paren):
    sleutels = [k for k, _ in paren]
    if len(set(sleutels)) != len(sleutels):
        raise DubbeleSleutel(sleutels[0])  # the exception the API answers with its own 422
    return dict(paren)


def json_exact(raw):
    """The reference: the json module with every fraction/exponent number a Decimal and duplicate keys refused."""
    return json.loads(raw, parse_float=Decimal, object_pairs_hook=_weiger_dubbel)


json_waarden = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.integers(2**63 - 2, 2**70) | st.text(),
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=5), kind, max_size=4),
    max_leaves=20,
)


def _uitkomst(fn, raw):
    try:
        return "ok", repr(fn(raw))  # repr: nan, -0.0, int or float all count
    except Exception as exc:  # the same exception type: the API maps each to its own 400
        return "fout", type(exc).__name__


@settings(max_examples=500, deadline=None)
@given(json_waarden)
def test_uit_json_gelijk_aan_json_module(waarde):
    raw = json.dumps(waarde).encode()
    assert _uitkomst(uit_json, raw) == _uitkomst(json_exact, raw)


@pytest.mark.parametrize("raw", [
    b'{"a": 1, "a": 2}', b'[123456789012345678901]', b'{"x": -123456789012345678901234}', b'{"x": 1e400}',
    b'{"x": NaN}', b'[Infinity]', b'\xef\xbb\xbf{"a": 1}', '{"a": 1}'.encode("utf-16"), b'"\\ud800"',
    b'{"a": "\xff"}', b'', b'  ', b'{"a": 1} x', b'[' * 1000 + b']' * 1000, b'[' * 3000 + b']' * 3000,
    b'{"a": [1, {"b": [2.5]}]}', b'0.1', b'-0', b'1E5', b'{"a" : 1, "a" : 2}', b'{"a": {"b": 1, "b": 1}}',
    b'{"a": "x:y", "b": 1}', b'{"x": 40574.999999999999}', b'{"x": 1e999999999}',
], ids=lambda raw: repr(raw[:20]))
def test_uit_json_gelijk_aan_json_module_in_randgevallen(raw):
    assert _uitkomst(uit_json, raw) == _uitkomst(json_exact, raw)


def test_uit_json_leest_getallen_exact_en_weigert_dubbele_sleutels():
    """Issue 19 item 5 and 11: a binary float made 40574.999999999999 into 40575.0; `{"a": 1, "a": 2}` was 2."""
    assert uit_json(b'{"x": 40574.999999999999}') == {"x": Decimal("40574.999999999999")}
    assert uit_json(b'[0.1, 1E5, 7]') == [Decimal("0.1"), Decimal("1E5"), 7]
    for raw in (b'{"a": 1, "a": 2}', b'{"a" : 1,"a":1}', b'[{"b": {"c": 1, "c": 2}}]'):
        with pytest.raises(ValueError):
            uit_json(raw)


# --- snelle_dump: the generated dump function equals marshmallow's dump, field type by field type --------

class _Binnen(Schema):
    n = fields.Integer()


class _AlleSoorten(Schema):
    bedrag = Bedrag(allow_none=True)
    getal = Getal(allow_none=True)
    datum = fields.Date(allow_none=True)
    ja = fields.Boolean(allow_none=True)
    geheel = fields.Integer(allow_none=True)
    tekst = fields.String(allow_none=True)
    binnen = fields.Nested(_Binnen, allow_none=True)
    lijst = fields.List(fields.Nested(_Binnen), allow_none=True)
    berekend = fields.Method("_berekend")
    anders = fields.String(data_key="andere_naam", attribute="anders_attr")
    standaard = fields.Integer(dump_default=7)

    def _berekend(self, obj):
        return "m"


class _Object:
    def __init__(self, **kw):
        self.__dict__.update(kw)


dump_waarden = {
    "bedrag": st.one_of(st.none(), st.decimals(min_value=-10**15, max_value=10**15, places=2),
                        st.decimals(min_value=-10**6, max_value=10**6, places=3),
                        st.sampled_from([Decimal("0.125"), Decimal("2.675"), Decimal("-0.005")])),  # half-up
    "getal": st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False), st.integers()),
    "datum": st.one_of(st.none(), st.dates()),
    "ja": st.one_of(st.none(), st.booleans(), st.integers(0, 1), st.sampled_from(["ja", ""])),
    "geheel": st.one_of(st.none(), st.integers(), st.decimals(allow_nan=False, allow_infinity=False, places=0),
                        st.booleans()),
    "tekst": st.one_of(st.none(), st.text(max_size=5), st.integers()),
    "binnen": st.one_of(st.none(), st.fixed_dictionaries({"n": st.integers()}), st.just({})),
    "lijst": st.one_of(st.none(), st.lists(st.fixed_dictionaries({"n": st.integers()}), max_size=2)),
    "anders_attr": st.text(max_size=3),
    "standaard": st.integers(),
}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional=dump_waarden), st.booleans())
def test_snelle_dump_gelijk_aan_marshmallow_per_veldsoort(waarden, als_object):
    """Every field type the generated function converts itself, with values of its type and of others,
    absent keys, a Method field, data_key/attribute and dump_default; from a dict and from an object."""
    from soorten.snel import snelle_dump

    obj = _Object(**waarden) if als_object else waarden
    # repr: the same keys in the same order, and values of the same type (1 == True, but not in JSON)
    assert repr(snelle_dump(_AlleSoorten)(obj)) == repr(_AlleSoorten().dump(obj))
    assert repr(snelle_dump(_AlleSoorten, many=True)([obj, obj])) == repr(_AlleSoorten(many=True).dump([obj, obj]))

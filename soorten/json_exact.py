"""JSON in and out, exact (issue 19): numbers as Decimal, a key named twice refused. Used by the API, the web
pages that read or write JSON and the batch (its JSON cells); moved here from api/__init__.py so that batch and web
do not import api for it (issue 16)."""

from __future__ import annotations

import json
from decimal import Decimal

import orjson


def _standaard(waarde):
    """What orjson cannot encode itself: a Decimal (an input number echoed in an error) as its exact text."""
    if isinstance(waarde, Decimal):
        return format(waarde, "f") if waarde.is_finite() else str(waarde)
    raise TypeError


def naar_json(body) -> bytes:
    """UTF-8 JSON. orjson is several times faster than the json module on the answers here (issue 8);
    what it refuses (an integer beyond 64 bits, a non-string key, a lone surrogate) goes through the json
    module with ASCII escapes, so no answer fails because of the encoder (issue 19)."""
    try:
        return orjson.dumps(body, default=_standaard)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(body, default=_standaard).encode()


class DubbeleSleutel(ValueError):
    """A JSON object names the same key twice (issue 19: the last one silently won)."""

    def __init__(self, sleutel: str):
        self.sleutel = sleutel
        super().__init__(sleutel)


def _zonder_dubbele(paren):
    uit = {}
    for sleutel, waarde in paren:
        if sleutel in uit:
            raise DubbeleSleutel(sleutel)
        uit[sleutel] = waarde
    return uit


def uit_json(raw: bytes):
    """JSON with every number exact (issue 19): a number with a fraction or exponent is a Decimal, never a
    binary float (40574.999999999999 stays that, it does not become 40575.0); an object that names a key twice
    raises DubbeleSleutel. orjson parses a small object about 7× faster (issue 8), so it reads first; whatever
    it refuses (NaN, a BOM, UTF-16, lone surrogates, nesting over 1024), any document with a float in it, and any
    document whose text has more keys than its objects (a duplicate), is parsed again by the json module with
    parse_float=Decimal. Integers are exact in both."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return _json_exact(raw)
    try:
        if _heeft_float_of_dubbel(data, raw):
            return _json_exact(raw)
    except RecursionError:  # nested deeper than Python recurses: as the json module would have it
        return _json_exact(raw)
    return data


def _json_exact(raw):
    return json.loads(raw, parse_float=Decimal, object_pairs_hook=_zonder_dubbele)


def _heeft_float_of_dubbel(data, raw: bytes) -> bool:
    """Is there a float anywhere in the parsed document, or could a key have been named twice? A duplicate
    leaves fewer keys than the text has `":` separators after a string; counting those is a cheap upper bound
    (a string value may contain `":` too, then the slow parse decides)."""
    tel = [0]
    if _heeft_float(data, tel):
        return True
    return raw.count(b":") > tel[0]


def _heeft_float(x, tel) -> bool:
    """Is there a float anywhere in a parsed JSON document (dicts and lists)? Counts the keys in tel[0]."""
    if type(x) is dict:
        tel[0] += len(x)
        waarden = x.values()
    else:
        waarden = x if type(x) is list else (x,)
    for w in waarden:
        klasse = type(w)
        if klasse is float or (klasse is dict or klasse is list) and _heeft_float(w, tel):
            return True
    return False


__all__ = ["DubbeleSleutel", "naar_json", "uit_json"]

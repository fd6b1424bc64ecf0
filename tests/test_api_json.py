"""The JSON encoding of API answers (api.naar_json) and the cached parameter listing (issue 8 speed-ups):
the same content as the plain json module and the marshmallow schema would give."""

from __future__ import annotations

import json
from datetime import date

from api import naar_json
from api.soorten import ParameterGebruikSchema, parameter_gebruik, schema_instantie
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

"""The NLGov API Design Rules (Logius) on the generated OpenAPI document: 0 errors and 0 warnings (issue 19 A).

The ruleset is Logius' Spectral linter (tests/adr/spectral.yml, a copy of Logius-standaarden/API-Design-Rules
linter/spectral.yml, commit 9f897c4). Spectral is installed by scripts/setup-extra from package-lock.json
(`npm ci`); in CI (CI=true) a missing Spectral is a failure, elsewhere the lint is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from rekenhulp import create_app

ROOT = Path(__file__).resolve().parent.parent
SPECTRAL = ROOT / "node_modules" / ".bin" / "spectral"
REGELS = ROOT / "tests" / "adr" / "spectral.yml"


def _spectral() -> Path:
    if SPECTRAL.exists():
        return SPECTRAL
    reden = ("Spectral ontbreekt (node_modules/.bin/spectral): scripts/setup-extra installeert het met npm ci "
             "als npm er is (apt-get install nodejs npm)")
    if os.environ.get("CI") == "true":
        pytest.fail(reden)
    pytest.skip(reden)


def _lint(tmp_path, doc: dict) -> tuple[list[dict], str]:
    pad = tmp_path / "openapi.json"
    pad.write_text(json.dumps(doc))
    r = subprocess.run([str(_spectral()), "lint", "-r", str(REGELS), "-f", "json", "--quiet", str(pad)],
                       capture_output=True, text=True, timeout=300, cwd=tmp_path)
    try:
        return json.loads(r.stdout or "[]"), r.stderr
    except ValueError:
        pytest.fail(f"Spectral gaf geen JSON (exit {r.returncode}): {r.stdout[:2000]} {r.stderr[:2000]}")


@pytest.mark.parametrize("basis_url", [None, "https://rekenhulp.voorbeeld.nl"])
def test_adr_regels_0_fouten_0_waarschuwingen(tmp_path, basis_url):
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "BASIS_URL": basis_url})
    doc = app.test_client().get("/api/v1/openapi.json").get_json()
    meldingen, stderr = _lint(tmp_path, doc)
    # severity 0 = error, 1 = warning (2 info and 3 hint are not counted by the goal either)
    telling = [(m["code"], ".".join(map(str, m["path"])), m["message"]) for m in meldingen if m["severity"] <= 1]
    assert telling == [], "\n".join(map(str, telling)) + stderr


def test_lint_vindt_een_fout_als_die_er_is(tmp_path):
    """The lint really runs: a document without the version header and contact is reported."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test"})
    doc = app.test_client().get("/api/v1/openapi.json").get_json()
    del doc["info"]["contact"]
    for antwoord in doc["paths"]["/batch"]["post"]["responses"].values():
        antwoord.pop("headers", None)
    codes = {m["code"] for m in _lint(tmp_path, doc)[0]}
    assert {"info-contact", "missing-header"} <= codes


def test_document_en_antwoorden_kloppen_met_elkaar(client):
    """What the document declares is what the service does: API-Version on every answer under /api/ (also
    errors), the document under the versioned base with Access-Control-Allow-Origin: *, and amounts in answers
    are strings with two decimals as the schema says."""
    doc = client.get("/api/v1/openapi.json")
    assert doc.headers["Access-Control-Allow-Origin"] == "*"
    spec = doc.get_json()
    versie = spec["info"]["version"]
    assert spec["servers"][0]["url"].endswith("/api/v1") and "/openapi.json" in spec["paths"]
    for r in (doc, client.get("/api/v1/parameters"), client.get("/api/v1/bestaat-niet"),
              client.post("/api/v1/loonkostensubsidie", json={"loonwaarde": 500})):
        assert r.headers["API-Version"] == versie, r.status_code
    voorbeeld = spec["paths"]["/bijstandsnorm"]["post"]["requestBody"]["content"]["application/json"]["example"]
    r = client.post("/api/v1/bijstandsnorm", json=voorbeeld)
    schema = spec["components"]["schemas"]
    norm = r.get_json()["resultaat"]["norm"]
    assert isinstance(norm, str) and norm.count(".") == 1 and len(norm.split(".")[1]) == 2
    eigenschap = schema["BijstandsnormResultaat"]["properties"]["norm"]
    assert eigenschap["type"] == "string"
    # an input amount: a number or a string, both declared; the string example validates against it
    invoer = schema["BijstandsnormInvoer"]["properties"]["netto_inkomsten_per_maand"]
    assert [a["type"] for a in invoer["anyOf"]] == ["number", "string"]

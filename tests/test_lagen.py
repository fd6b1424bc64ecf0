"""The layers of the code (issue 16, README "Architectuur"): every package imports only packages below it,

    rekenhulp -> api, web -> batch -> soorten -> calculator -> parameters

and there is no cycle between packages. api and web are one layer: they may not import each other in a circle
(today web uses a few helpers of api; api never imports web). The check reads every module with `ast` (nothing is
imported), follows every import, also those inside functions (they are dependencies all the same, only later), and
names the module and line of each import that goes the wrong way.

The check that calculator/ imports no Babel is added by the branch that removes Babel from the calculator (issue 16
part 4, branch `catalogus`); here only Flask.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# the layer of each package: a package may import its own layer's other packages (without a cycle) and lower ones
LAGEN = {"rekenhulp": 5, "api": 4, "web": 4, "batch": 3, "soorten": 2, "calculator": 1, "parameters": 0}


def module_naam(pad: Path) -> str:
    delen = list(pad.relative_to(ROOT).with_suffix("").parts)
    if delen[-1] == "__init__":
        delen.pop()
    return ".".join(delen)


def imports(bron: str, module: str, is_pakket: bool = False) -> list[tuple[str, int]]:
    """(imported module, line) for every import in the source of `module`, relative imports made absolute."""
    uit = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            uit.extend((alias.name, knoop.lineno) for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                basis = module.split(".")
                basis = basis[:len(basis) - knoop.level + (1 if is_pakket else 0)]
                naam = ".".join(basis + ([knoop.module] if knoop.module else []))
            else:
                naam = knoop.module
            uit.append((naam, knoop.lineno))
    return uit


def overtredingen(modules: dict[str, tuple[str, bool]]) -> list[str]:
    """The upward imports and the package cycles in `modules` (name -> (source, is a package __init__)), each as
    "module:line imports module (why)"."""
    fout: list[str] = []
    randen: dict[str, dict[str, tuple[str, int, str]]] = {}  # package -> imported package -> first place
    for module, (bron, is_pakket) in sorted(modules.items()):
        pakket = module.split(".")[0]
        for doel, regel in imports(bron, module, is_pakket):
            doelpakket = doel.split(".")[0]
            if doelpakket not in LAGEN or doelpakket == pakket:
                continue
            if LAGEN[doelpakket] > LAGEN[pakket]:
                fout.append(f"{module}:{regel} importeert {doel} (omhoog: {pakket} ligt onder {doelpakket})")
            randen.setdefault(pakket, {}).setdefault(doelpakket, (module, regel, doel))
    # a cycle between packages (possible only within one layer, the rest is caught above)
    for a, naar in sorted(randen.items()):
        for b, (module, regel, doel) in sorted(naar.items()):
            if a < b and a in randen.get(b, {}):
                terug = randen[b][a]
                fout.append(f"kring tussen {a} en {b}: {module}:{regel} importeert {doel} en "
                            f"{terug[0]}:{terug[1]} importeert {terug[2]}")
    return fout


def alle_modules() -> dict[str, tuple[str, bool]]:
    uit = {}
    for pakket in LAGEN:
        for pad in sorted((ROOT / pakket).rglob("*.py")):
            uit[module_naam(pad)] = (pad.read_text(encoding="utf-8"), pad.name == "__init__.py")
    return uit


def test_geen_import_omhoog_en_geen_kring():
    modules = alle_modules()
    assert {"soorten.register", "soorten.fields", "batch.verwerking", "api", "web", "rekenhulp"} <= modules.keys()
    fout = overtredingen(modules)
    assert not fout, "Imports tegen de lagen in (README, Architectuur):\n" + "\n".join(fout)


def test_calculator_en_parameters_zonder_flask():
    """The engine works without a web server: calculator/ and parameters/ import no Flask (nor flask_babel).
    parameters/__init__.py reads the folder of the app's config when it runs inside an app: that one place asks
    for `current_app` only if Flask is already loaded (sys.modules), so it is no import of Flask either.
    (The same check for Babel in calculator/ is tests/test_uitleg_catalogus.py::test_calculator_importeert_geen_babel_en_geen_flask.)"""
    fout = []
    for module, (bron, is_pakket) in alle_modules().items():
        if module.split(".")[0] in ("calculator", "parameters"):
            fout += [f"{module}:{regel} importeert {doel}" for doel, regel in imports(bron, module, is_pakket)
                     if doel.split(".")[0] in ("flask", "flask_babel", "flask_wtf", "werkzeug")]
    assert not fout, "\n".join(fout)


def test_de_controle_vangt_een_import_omhoog_en_een_kring():
    """The checker itself, on made-up modules: a calculator module that imports the registry (soorten) is an
    upward import, reported with its module and line; api and web importing each other is a cycle; the same
    imports in the right direction are fine."""
    goed = {"soorten.register": ("import calculator\nfrom parameters import default_parameters\n", False),
            "calculator.lks": ("from .money import cent\n", False),
            "web": ("from api import naar_json\n", True)}
    assert overtredingen(goed) == []
    omhoog = {**goed, "calculator.lks": ("from .money import cent\n\ndef f():\n    from soorten.register import SOORTEN\n",
                                         False)}
    assert overtredingen(omhoog) == [  # upward, and with the registry's own import of calculator also a cycle
        "calculator.lks:4 importeert soorten.register (omhoog: calculator ligt onder soorten)",
        "kring tussen calculator en soorten: calculator.lks:4 importeert soorten.register en soorten.register:1 "
        "importeert calculator"]
    relatief = {**goed, "soorten.schemas.lks": ("from ...batch import verwerk\n", False)}
    assert overtredingen(relatief) == ["soorten.schemas.lks:1 importeert batch (omhoog: soorten ligt onder batch)"]
    kring = {**goed, "api.batch": ("from web.scenario import uit_param\n", False)}
    assert overtredingen(kring) == [
        "kring tussen api en web: api.batch:1 importeert web.scenario en web:1 importeert api"]

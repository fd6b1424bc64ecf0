"""No year in code (issue 15): the law's calendar lives in the parameter files.

Every literal in calculator/, api/ and web/ (Python: numbers and strings, not comments or docstrings;
templates: the text outside {# comments #}) is searched for a four-digit year 19xx/20xx. A year is allowed
only where ALLOWED below says why. A year range, an age or a date at which a rule starts or ends belongs in
parameters/*.yaml, with its source; the code reads it there (ParameterSet.jaren, .bekend_tot, a parameter's
first `vanaf`)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d)")

# (pattern, why). A year is allowed when it lies inside a match of one of these in its literal (Python) or
# line (template). Keep this list short: each entry is a kind of text, not a place.
ALLOWED = [
    # 1. The title of a law or regulation: the year is part of its name.
    (r"Wet LB 1964|Wet op de loonbelasting 1964|WSF 2000|Participatiewet 2021", "naam van een wet of regeling"),
    # 2. Examples of input: an ISO date or month as a whole literal (OpenAPI examples, request examples in
    #    api/), a format hint "bijvoorbeeld 2026-01-01", and the year of an example request. Not a rule.
    (r"^[\"'](?:19|20)\d\d-\d\d(?:-\d\d)?[\"']$", "voorbeelddatum"),
    (r"[Bb]ijvoorbeeld (?:19|20)\d\d-\d\d-\d\d", "voorbeeld van de datumnotatie"),
    (r"[Bb]ijvoorbeeld \d\d-\d\d-(?:19|20)\d\d", "voorbeeld van de Nederlandse datumnotatie (DD-MM-JJJJ)"),
    (r"[\"'](?:example|jaar)[\"']: (?:19|20)\d\d\b", "jaar van een voorbeeldverzoek"),
    # 3. Law changes in the past that new data cannot move: the hourly WML since 1 January 2024 (Wet invoering
    #    minimumuurloon) and onder z/aa since 1 January 2023 (Wet breed offensief). These are explanations;
    #    the calculations take the dates from the data (wml.uurloon's first vanaf, ...in_werking).
    (r"(?:tot|vóór|vanaf)(?: 1 januari)? 2024\b", "overgang naar het minimumuurloon (Stb. 2022, 308)"),
    (r"onder z en aa\) bestaan pas vanaf 1 januari 2023", "onder z en aa sinds 2023 (Stb. 2022, 499)"),
    # 4. web/i18n.py's English catalogue entry for an engine message whose date the engine takes from the data
    #    (calculator.bijstandsnorm._nog_niet with the parameter's first vanaf); the copy only lets the message be
    #    translated. A new date in the data gives a new Dutch text, which then stays untranslated, never wrong.
    (r"bestaat pas vanaf 1 januari (?:19|20)\d\d; kies een latere peildatum", "vertaalsleutel van een rekenkernmelding"),
    # 5. Not a year: a cache size.
    (r"lru_cache\(maxsize=2048\)", "geen jaartal"),
    # 6. The date of a page's own text (toegankelijkheidsverklaring), not a rule.
    (r"'(?:19|20)\d\d-\d\d-\d\d'\|datum", "datum van een paginatekst"),
]
_ALLOWED = [re.compile(p) for p, _ in ALLOWED]


def _naam(pad: Path) -> str:
    return str(pad.relative_to(ROOT)) if pad.is_relative_to(ROOT) else pad.name


def _toegestaan(tekst: str, begin: int) -> bool:
    eind = begin + 4
    return any(m.start() <= begin and eind <= m.end() for r in _ALLOWED for m in r.finditer(tekst))


def _docstrings(tree) -> set[tuple[int, int]]:
    uit = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            eerste = node.body[0]
            if isinstance(eerste, ast.Expr) and isinstance(eerste.value, ast.Constant) \
                    and isinstance(eerste.value.value, str):
                uit.add((eerste.lineno, eerste.col_offset))
    return uit


def jaartallen_in_python(pad: Path) -> list[str]:
    bron = pad.read_text(encoding="utf-8")
    regels = bron.splitlines()
    docs = _docstrings(ast.parse(bron))
    gevonden = []
    for tok in tokenize.generate_tokens(io.StringIO(bron).readline):
        if tok.type == tokenize.NUMBER:
            tekst, verschuiving = regels[tok.start[0] - 1], tok.start[1]
        elif tok.type == tokenize.STRING and tok.start not in docs:
            tekst, verschuiving = tok.string, 0
        else:
            continue
        for m in JAAR.finditer(tok.string):
            if not _toegestaan(tekst, verschuiving + m.start()):
                gevonden.append(f"{_naam(pad)}:{tok.start[0]}: {m.group()} in {tok.string[:80]!r}")
    return gevonden


def jaartallen_in_template(pad: Path) -> list[str]:
    gevonden = []
    tekst = re.sub(r"\{#.*?#\}", lambda m: re.sub(r"[^\n]", " ", m.group()), pad.read_text(encoding="utf-8"),
                   flags=re.S)
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        for m in JAAR.finditer(regel):
            if not _toegestaan(regel, m.start()):
                gevonden.append(f"{_naam(pad)}:{nummer}: {m.group()} in {regel.strip()[:80]!r}")
    return gevonden


def bestanden():
    for map_ in ("calculator", "api", "web"):
        yield from sorted((ROOT / map_).rglob("*.py"))
        yield from sorted((ROOT / map_).rglob("*.html"))


def test_geen_jaartal_in_de_code():
    gevonden = []
    for pad in bestanden():
        gevonden += jaartallen_in_python(pad) if pad.suffix == ".py" else jaartallen_in_template(pad)
    assert not gevonden, "Jaartal in de code; zet het in parameters/*.yaml (of verklaar het in ALLOWED):\n" + \
        "\n".join(gevonden)


def test_de_toets_vindt_een_jaartal(tmp_path):
    """The check itself can fail: a year range in code, as quotumheffing had it, and a year in a template hint."""
    py = tmp_path / "regel.py"
    py.write_text('"""Docstring 2022 mag."""\nEERSTE_JAAR, LAATSTE_JAAR = 2022, 2026  # comment 2024 mag\n'
                  'MELDING = "Kies een jaar van 2022 tot en met 2026."\nVOORBEELD = {"example": 2024}\n',
                  encoding="utf-8")
    assert [r.split(": ")[1] for r in jaartallen_in_python(py)] == ["2022 in '2022'", "2026 in '2026'",
                                                                    "2022 in '\"Kies een jaar van 2022 tot en met 2026.\"'",
                                                                    "2026 in '\"Kies een jaar van 2022 tot en met 2026.\"'"]
    html = tmp_path / "pagina.html"
    html.write_text("{# 2022 in een commentaar mag #}\n<p>{{ _('2022 tot en met 2026.') }}</p>\n", encoding="utf-8")
    assert len(jaartallen_in_template(html)) == 2

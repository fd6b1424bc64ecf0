"""`rekenhulp batch`: many cases from a CSV or JSON Lines file, streamed to an output file.

- Constant memory: the input is read line by line (csv module), results are written as they come;
  with several processes at most a few blocks of rows are in flight, and the output keeps the input order.
- One output row per input row (blank lines are skipped). A row that cannot be computed gets its
  messages in the `fouten` column, with the line number; it never stops the other rows.
- Every row carries the receipt: engine_versie, parameters_vingerafdruk, peildatum.
- CSV output neutralises values that spreadsheet programs would run as a formula (OWASP "CSV injection"):
  a value starting with = + - @ tab or CR gets a leading apostrophe.
- Issue 18 (Dutch spreadsheets): a ";" CSV is answered with ";", decimal commas in the decimal result columns,
  dd-mm-jjjj dates (result columns and the receipt's peildatum) and a UTF-8 BOM; cells take dates as JJJJ-MM-DD or DD-MM-JJJJ (soorten.getallen.tekst_naar_waarde, as the forms); each
  warning is a code on the row (W1 W2) with a legend block after the last row; the medebewoners of the bijstandsnorm
  may be plain columns (PLATTE_LIJSTEN); an .xlsx file is processed by batch.xlsx with the same rows.
- Input that is not a usable file (not UTF-8, a line longer than MAX_REGEL, too many columns, unknown
  columns) stops with a Dutch message (`BatchFout`), never a traceback, and leaves no half output file.

The calculation is the same as the API's (schema `load`, `reken`, result schema `dump`): the only
differences are that the explanation steps are not built (as in the API without ?uitleg) and that a
schema instance is reused per process. Nothing here knows a rule.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing as mp
import os
import re
import sys
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from marshmallow import ValidationError, fields

import calculator
from parameters import default_parameters
from soorten.getallen import tekst_naar_waarde
from soorten.json_exact import DubbeleSleutel, uit_json
from soorten.register import SOORTEN, Fout, laad_alle_soorten, reken, validatiefouten
from soorten.scenario import waarschuwing
from soorten.snel import snelle_dump
from soorten import snel

MAX_REGEL = 1024 * 1024  # characters per physical line (a case is a few hundred)
MAX_KOLOMMEN = 500
BLOK = 500  # rows per block sent to a worker process
CACHE = 4096  # identical cases in a file are computed once (results depend only on input + parameters)
MEMO = 100_000  # distinct rows whose CSV output is kept per process (_blok_csv); ~1 kB each
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
FORMULE_BEGIN = frozenset("=+-@\t\r")  # the same, for a test on a value's first character

csv.field_size_limit(MAX_REGEL)


class BatchFout(Exception):
    """The input file as a whole cannot be processed; the message is Dutch and names the line."""


def neutraliseer(waarde: str) -> str:
    """Prefix an apostrophe to values a spreadsheet would evaluate as a formula."""
    return "'" + waarde if waarde and waarde.startswith(FORMULE_TEKENS) else waarde


def formaat_van(pad: str, formaat: str | None = None) -> str:
    if formaat:
        return formaat
    return "jsonl" if str(pad).lower().endswith((".jsonl", ".ndjson")) else "csv"


def _is_zip(pad: str) -> bool:
    with open(pad, "rb") as b:
        return b.read(4) == b"PK\x03\x04"


# --- what a soort looks like as columns -------------------------------------------------------------


def veldsoorten(schema_cls) -> dict[str, str]:
    """Input field name -> how a CSV cell is turned into JSON: geheel, janee, getal, datum, json or tekst."""
    out = {}
    for naam, veld in schema_cls().fields.items():
        if veld.dump_only:
            continue
        key = veld.data_key or naam
        if isinstance(veld, fields.Boolean):
            out[key] = "janee"
        elif isinstance(veld, fields.Integer):
            out[key] = "geheel"
        elif isinstance(veld, fields.Decimal):
            out[key] = "getal"
        elif isinstance(veld, fields.Date):
            out[key] = "datum"  # 15-01-2026 as well as 2026-01-15, as on every form (issue 18)
        elif isinstance(veld, (fields.Nested, fields.List, fields.Dict, fields.Tuple)):
            out[key] = "json"
        else:
            out[key] = "tekst"
    return out


# Lists of objects that also have plain columns, instead of JSON in one cell (issue 18): list field -> (the name of
# one element in the column names, how many elements get columns). `medebewoner_1_leeftijd` is
# medebewoners[0].leeftijd; the JSON column stays accepted (not both in one row). Presentation, not a rule.
PLATTE_LIJSTEN = {"medebewoners": ("medebewoner", 5)}
# Objects with plain columns (issue 18): every field of a nested object (not a list) of the input gets a column
# `<object>_<field>`: belanghebbende_leeftijd is belanghebbende.leeftijd, vrijlating_begindatum is
# vrijlating.begindatum. The JSON column of the object stays accepted (not both in one row).


def platte_kolommen(schema_cls) -> dict[str, tuple[str, int | None, str, str]]:
    """Plain column name -> (list or object field, element number from 1 (None for an object), field of the element,
    kind of cell)."""
    out = {}
    for naam, veld in schema_cls().fields.items():
        key = veld.data_key or naam
        if isinstance(veld, fields.Nested) and not veld.many:
            for k, aard in veldsoorten(type(veld.schema)).items():
                if aard != "json":
                    out[f"{key}_{k}"] = (key, None, k, aard)
            continue
        if key not in PLATTE_LIJSTEN or not isinstance(veld, fields.List) or \
                not isinstance(veld.inner, fields.Nested):
            continue
        enkel, aantal = PLATTE_LIJSTEN[key]
        sub = veldsoorten(type(veld.inner.schema))
        for n in range(1, aantal + 1):
            for k, aard in sub.items():
                out[f"{enkel}_{n}_{k}"] = (key, n, k, aard)
    return out


def resultaat_kolommen(schema_cls, prefix: str = "") -> tuple[list[str], list[str]]:
    """(flat result columns like "per_jaar.totaal", nested lists left out of the CSV, e.g. "per_jaar.maanden")."""
    kolommen, weg = [], []
    for naam, veld in schema_cls().fields.items():
        key = veld.data_key or naam
        if isinstance(veld, fields.Nested) and not veld.many:
            sub_k, sub_w = resultaat_kolommen(type(veld.schema), f"{prefix}{key}.")
            kolommen += sub_k
            weg += sub_w
        elif isinstance(veld, (fields.List, fields.Nested, fields.Dict, fields.Tuple)):
            weg.append(f"{prefix}{naam}")
        else:
            kolommen.append(f"{prefix}{key}")
    return kolommen, weg


def _kolommen_van_soort(schema_cls, soort) -> list[bool]:
    """Per flat result column (the order of `resultaat_kolommen`): is its field an instance of `soort`?"""
    out = []
    for veld in schema_cls().fields.values():
        if isinstance(veld, fields.Nested) and not veld.many:
            out += _kolommen_van_soort(type(veld.schema), soort)
        elif not isinstance(veld, (fields.List, fields.Nested, fields.Dict, fields.Tuple)):
            out.append(isinstance(veld, soort))
    return out


def bedrag_kolommen(schema_cls) -> list[bool]:
    """Per flat result column: is it a decimal number (an amount, a number of hours)? Those get a decimal comma in
    a Dutch CSV and are numbers in an Excel file."""
    return _kolommen_van_soort(schema_cls, fields.Decimal)


def datum_kolommen(schema_cls) -> list[bool]:
    """Per flat result column: is it a date? A Dutch CSV writes it as dd-mm-jjjj (issue 18), as Dutch Excel reads
    and writes dates."""
    return _kolommen_van_soort(schema_cls, fields.Date)


_ISO_DATUM = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)


def nl_datum(tekst: str) -> str:
    """"2026-01-15" -> "15-01-2026" (a Dutch CSV's dates); any other text as it is."""
    m = _ISO_DATUM.fullmatch(tekst)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else tekst


def _cel(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    return str(waarde)


def _plat(d: dict, paden: list[tuple[str, ...]]) -> list[str]:
    """The dumped result as cells, one per column path (("per_jaar", "totaal"))."""
    out = []
    for pad in paden:
        v = d.get(pad[0])
        for deel in pad[1:]:
            v = v.get(deel) if isinstance(v, dict) else None
        out.append("" if v is None else v if type(v) is str else _cel(v))
    return out


def cel_naar_json(waarde: str, soort: str, veld: str):
    """A CSV cell (text) to the JSON value the input schema expects: numbers, dates and ja/nee by the one converter
    of the forms (soorten.getallen.tekst_naar_waarde); nested input as JSON. Invalid text is passed on, so the
    schema reports it in Dutch like any API error."""
    if soort == "json":
        try:
            return uit_json(waarde.encode("utf-8", "surrogatepass"))
        except DubbeleSleutel as exc:
            raise _CelFout(veld, f"Het veld '{exc.sleutel}' staat twee keer in de JSON van deze kolom.") from None
        except (ValueError, RecursionError):
            raise _CelFout(veld, "Geen geldige JSON in deze kolom (zie de README: geneste invoer als JSON).") from None
    return tekst_naar_waarde(waarde, soort)


CELLEN = 50_000  # distinct cell values whose conversion is kept (cel_omzetter)


def cel_omzetter():
    """`cel_naar_json` with its answers kept per (kind, column, text) for the kinds that give an immutable value
    (a number, yes/no, a date, text; not JSON): a caseload repeats its ages, hours and dates on many rows even
    when the rows differ. A fresh function per file or process; with REKENHULP_SNEL=0 plain `cel_naar_json`."""
    if not snel.AAN:
        return cel_naar_json
    bekend: dict = {}

    def omzetten(waarde: str, soort: str, veld: str):
        if soort == "json":
            return cel_naar_json(waarde, soort, veld)
        sleutel = (soort, veld, waarde)
        try:
            return bekend[sleutel]
        except KeyError:
            pass
        if len(bekend) >= CELLEN:
            bekend.clear()
        uit = bekend[sleutel] = cel_naar_json(waarde, soort, veld)
        return uit

    return omzetten


class _CelFout(Exception):
    def __init__(self, veld, bericht):
        self.veld, self.bericht = veld, bericht


# --- computing rows (in the main process or a worker) ------------------------------------------------


class Rekenaar:
    """Computes rows of one soort; one instance per process (schemas reused, small result cache)."""

    def __init__(self, soort_naam: str, peildatum: date | None = None, scenario=None):
        laad_alle_soorten()
        self.soort = SOORTEN[soort_naam]
        self.peildatum = peildatum
        # a scenario (issue 17): its own overlay of the official set, per process; the official set is untouched
        self.scenario = scenario
        # look-ups are memoised per (naam, datum) by the parameter set itself (parameters.ParameterSet.at)
        self.params = default_parameters() if scenario is None else scenario.pas_toe(default_parameters())
        self._scenario_waarschuwing = ""
        if scenario is not None:
            self._scenario_waarschuwing = waarschuwing(scenario)
        self.versie = calculator.__version__
        self.invoer_schema = self.soort.invoer_schema()
        self.velden = veldsoorten(self.soort.invoer_schema)
        self.kolommen, weg = resultaat_kolommen(self.soort.resultaat_schema)
        self.bedragen = [i for i, b in enumerate(bedrag_kolommen(self.soort.resultaat_schema)) if b]
        self.datums = [i for i, d in enumerate(datum_kolommen(self.soort.resultaat_schema)) if d]
        self.paden = [tuple(k.split(".")) for k in self.kolommen]
        self.dump = snelle_dump(self.soort.resultaat_schema)  # soorten.snel; the cells are picked by _plat
        self.json_schema = self.soort.resultaat_schema()
        self._cache: OrderedDict = OrderedDict()
        # {input cells: the CSV text of the row after its input columns} (_blok_csv); None: every row is computed
        self.staarten: dict | None = {} if snel.AAN else None
        # {gelijke_uitkomst key: the CSV text of the staart} (_blok_csv): rows whose input differs but whose outcome
        # the rule module proves equal (an adult's birth date, a begindatum before the year) share it. When the
        # only result field that may differ is the first column (the LKS `leeftijd`), the text is kept as a
        # template: a 1-tuple with the text after that cell, which each row puts its own cell in front of
        # (`gelijk_cel`); otherwise the differing values are part of the key. None: not used (REKENHULP_SNEL=0).
        self.gelijke_uitkomst = self.soort.gelijke_uitkomst if snel.AAN else None
        self.gelijk_teksten: dict | None = {} if self.gelijke_uitkomst is not None else None
        self.gelijk_sleutel = None  # the key of the row csv_rij last handled (None: no key, or an error)
        self.gelijk_cel = None  # with a template: that row's first result cell as CSV text
        self._gelijk_leeg = [""] * (len(self.kolommen) + 5)
        self._gelijk_eerste = self.kolommen[0] if self.kolommen and 0 not in self.bedragen else None
        self._gelijk_scheiding = ","  # set by _blok_csv to the file's separator
        self._gelijk_cellen: dict = {}  # {(type, value): its CSV cell, or False when it cannot be a template cell}
        self.cel = cel_omzetter()
        # {warning text: code} (issue 18: a 700-character warning was repeated on every row). With codes set, the
        # waarschuwingen column holds "W1 W2" and the texts are listed once (Excel: a sheet, CSV: a block at the
        # end). In a CSV worker the codes are markers "\x00<n>\x00" (n numbered per process) that the main
        # process replaces by W1, W2, ... in the order of the file (`_codes_in_blok`); a NUL never reaches the
        # output otherwise (a row with one is refused and its NULs removed). None: the texts themselves (JSON).
        self.codes: dict[str, str] | None = None
        self.markeer = False

    def _waarschuwingen_cel(self, waarschuwingen: list[str]) -> str:
        if self.codes is None:
            return " | ".join(waarschuwingen)
        for w in waarschuwingen:
            if w not in self.codes:
                n = len(self.codes) + 1
                self.codes[w] = f"\x00{n}\x00" if self.markeer else f"W{n}"
        return " ".join(self.codes[w] for w in waarschuwingen)

    # -- one case -------------------------------------------------------------------------------
    def _reken(self, ruw: dict):
        """(invoer, uitkomst) or raises soorten.register.Fout; the same calls as the API."""
        if self.peildatum is not None:
            ruw = self.soort.met_datum(ruw, self.peildatum)
        try:
            invoer = self.invoer_schema.load(ruw)
        except ValidationError as exc:
            raise Fout(validatiefouten(exc.messages)) from None
        return invoer, reken(self.soort, invoer, params=self.params)

    def _peildatum_tekst(self, ruw: dict) -> str:
        if self.peildatum is not None:
            d = self.soort.met_datum({}, self.peildatum)[self.soort.datumveld]
            return str(d)
        return str(ruw.get(self.soort.datumveld) or "")

    def csv_rij(self, regel: int, ruw: dict | None, fout: str | None = None) -> list[str]:
        """[result columns..., waarschuwingen, engine_versie, parameters_vingerafdruk, peildatum, fouten]."""
        leeg = [""] * len(self.kolommen)
        self.gelijk_sleutel = self.gelijk_cel = None
        if fout is not None:
            return leeg + ["", self.versie, self.params.fingerprint, self._peildatum_tekst({}), f"regel {regel}: {fout}"]
        try:
            sleutel = None
            invoer, uitkomst = None, None
            try:
                if self.peildatum is not None:
                    ruw = self.soort.met_datum(ruw, self.peildatum)
                invoer = self.invoer_schema.load(ruw)
            except ValidationError as exc:
                raise Fout(validatiefouten(exc.messages)) from None
            if self.gelijke_uitkomst is not None:
                gelijk = self.gelijke_uitkomst(invoer)
                if gelijk is not None:
                    self._gelijk(*gelijk)
                    if self.gelijk_sleutel in self.gelijk_teksten:
                        return self._gelijk_leeg  # _blok_csv writes the text it keeps under this key
            try:
                sleutel = invoer if hash(invoer) is not None else None
            except TypeError:
                sleutel = None
            if sleutel is not None and sleutel in self._cache:
                self._cache.move_to_end(sleutel)
                return self._cache[sleutel]
            uitkomst = reken(self.soort, invoer, params=self.params)
            cellen = _plat(self.dump(uitkomst.resultaat), self.paden)
            waarschuwingen = uitkomst.waarschuwingen
            if self._scenario_waarschuwing:
                waarschuwingen = [self._scenario_waarschuwing, *waarschuwingen]
            rij = cellen + [
                self._waarschuwingen_cel(waarschuwingen), self.versie, self.params.fingerprint,
                uitkomst.peildatum.isoformat(), ""]
            if sleutel is not None:
                self._cache[sleutel] = rij
                if len(self._cache) > CACHE:
                    self._cache.popitem(last=False)
            return rij
        except Fout as exc:
            self.gelijk_sleutel = None
            tekst = "; ".join(f"{f['pad']}: {f['bericht']}" for f in exc.fouten)
            return leeg + ["", self.versie, self.params.fingerprint, self._peildatum_tekst(ruw),
                           f"regel {regel}: {tekst}"]
        except Exception as exc:  # an engine bug in one row must not stop the batch
            self.gelijk_sleutel = None
            return leeg + ["", self.versie, self.params.fingerprint, self._peildatum_tekst(ruw),
                           f"regel {regel}: interne fout bij het rekenen ({type(exc).__name__})"]

    def _gelijk(self, sleutel, verschil: dict) -> None:
        """Set gelijk_sleutel (and gelijk_cel for a template) from the rule's gelijke_uitkomst."""
        if self._gelijk_eerste is not None and verschil.keys() == {self._gelijk_eerste}:
            waarde = verschil[self._gelijk_eerste]
            cel = self._gelijk_cellen.get((type(waarde), waarde))
            if cel is None:
                cel = neutraliseer(_cel(waarde))
                if not cel or any(t in cel for t in (self._gelijk_scheiding, '"', "\r", "\n")):
                    cel = False  # the csv module would quote it (or write nothing): no template
                if len(self._gelijk_cellen) < CELLEN:
                    self._gelijk_cellen[(type(waarde), waarde)] = cel
            if cel:
                self.gelijk_sleutel, self.gelijk_cel = ("sjabloon", sleutel), cel
                return
        self.gelijk_sleutel = ("tekst", sleutel, tuple(sorted(verschil.items())))

    def json_regel(self, regel: int, rij_id, ruw: dict | None, fout: str | None = None) -> dict:
        bewijs = {"engine_versie": self.versie, "parameters_vingerafdruk": self.params.fingerprint, "peildatum": None}
        if self.scenario is not None:
            bewijs["scenario"] = self.scenario.canoniek()
            bewijs["scenario_vingerafdruk"] = self.scenario.vingerafdruk
        if fout is not None:
            return {"regel": regel, "id": rij_id, "status": "fout", "rekenbewijs": bewijs,
                    "fouten": [{"pad": "$", "bericht": fout}]}
        try:
            invoer, uitkomst = self._reken(ruw)
        except Fout as exc:
            bewijs["peildatum"] = self._peildatum_tekst(ruw) or None
            return {"regel": regel, "id": rij_id, "status": "fout", "rekenbewijs": bewijs, "fouten": exc.fouten}
        except Exception as exc:
            return {"regel": regel, "id": rij_id, "status": "fout", "rekenbewijs": bewijs,
                    "fouten": [{"pad": "$", "bericht": f"interne fout bij het rekenen ({type(exc).__name__})"}]}
        bewijs["peildatum"] = uitkomst.peildatum.isoformat()
        bewijs["invoer"] = self.invoer_schema.dump(invoer)
        waarschuwingen = list(uitkomst.waarschuwingen)
        if self._scenario_waarschuwing:
            waarschuwingen.insert(0, self._scenario_waarschuwing)
        return {"regel": regel, "id": rij_id, "status": "ok", "resultaat": self.json_schema.dump(uitkomst.resultaat),
                "waarschuwingen": waarschuwingen, "rekenbewijs": bewijs}


_REKENAAR: Rekenaar | None = None
_KOP: "_CsvKop | None" = None


def _init_worker(soort_naam, peildatum, kop=None, scenario=None):
    global _REKENAAR, _KOP
    _REKENAAR = Rekenaar(soort_naam, peildatum, scenario)
    _KOP = kop
    if kop is not None:  # CSV: warnings as codes, listed once at the end (issue 18)
        _REKENAAR.codes, _REKENAAR.markeer = {}, True


@dataclass
class _CsvKop:
    """What a worker needs to turn parsed input cells into an output CSV row."""

    kolommen: int
    id_kolom: int | None
    invoer_kolommen: list  # [(index, name, kind)]
    scheiding: str


def rij_uitvoer(kop: "_CsvKop", rekenaar: Rekenaar, regel: int, cellen: list[str]) -> list[str]:
    """One input row (its text cells) -> the output cells (not yet neutralised): regel, id, the input as typed,
    the result columns, waarschuwingen, the receipt and fouten. Shared by CSV and Excel."""
    fout = None
    ruw = {}
    if any("\x00" in c for c in cellen):  # issue 19: it was copied to the output
        fout = "Deze regel bevat een NUL-teken; dat hoort niet in een CSV-bestand."
        cellen = [c.replace("\x00", "") for c in cellen]
    if fout is not None:
        cellen = (cellen + [""] * kop.kolommen)[:kop.kolommen]
    elif len(cellen) > kop.kolommen:
        fout = f"{len(cellen)} waarden, maar de kopregel heeft {kop.kolommen} kolommen."
        cellen = cellen[:kop.kolommen]
    else:
        cellen = cellen + [""] * (kop.kolommen - len(cellen))
        try:
            platte: dict = {}
            for i, k, aard in kop.invoer_kolommen:
                c = cellen[i]
                if c and not c.isspace():
                    if type(aard) is tuple:  # medebewoner_1_leeftijd, belanghebbende_leeftijd (platte_kolommen)
                        lijst, n, sub, subaard = aard
                        platte.setdefault(lijst, {}).setdefault(n, {})[sub] = rekenaar.cel(c, subaard, k)
                    else:
                        ruw[k] = rekenaar.cel(c, aard, k)
            for lijst, elementen in platte.items():
                ruw[lijst] = _platte_lijst(lijst, elementen, ruw)
        except _CelFout as exc:
            fout = f"$.{exc.veld}: {exc.bericht}"
    rij = rekenaar.csv_rij(regel, None if fout else ruw, fout)
    voor = [str(regel)] + ([cellen[kop.id_kolom]] if kop.id_kolom is not None else []) + \
        [cellen[i] for i, _, _ in kop.invoer_kolommen]
    return voor + rij


def _platte_lijst(lijst: str, elementen: dict[int, dict], ruw: dict) -> list[dict]:
    """The plain columns of one list as the list the schema expects: element 1, 2, ... without gaps, so an error
    at $.medebewoners[0] is about medebewoner_1. An object's plain columns (belanghebbende_leeftijd) as the object."""
    if lijst not in PLATTE_LIJSTEN:
        if lijst in ruw:
            raise _CelFout(lijst, f"Vul {lijst} in de kolom {lijst} (JSON) of in de kolommen {lijst}_…, niet allebei.")
        return elementen[None]
    enkel = PLATTE_LIJSTEN[lijst][0]
    if lijst in ruw:
        raise _CelFout(lijst, f"Vul de {lijst} in de kolom {lijst} (JSON) of in de kolommen {enkel}_1_…, "
                              "niet allebei.")
    for n in range(1, max(elementen) + 1):
        if n not in elementen:
            raise _CelFout(f"{enkel}_{n}", f"{enkel.capitalize()} {n} is leeg, maar {enkel} {max(elementen)} is "
                                           f"ingevuld: vul ze op volgorde in, zonder lege ertussen.")
    return [elementen[n] for n in range(1, max(elementen) + 1)]


def _blok_csv(blok) -> tuple[str, int, int, dict]:
    """A block of (line number, cells) -> (output CSV text in input order, rows, rows with errors, this process's
    {marker: warning text}). A Dutch CSV (semicolons) gets decimal commas in the amounts and dd-mm-jjjj dates (issue 18).

    Each distinct case is computed once (issue 17 part 3): the output of a row is its line number, its id and its
    input cells as typed (the "kop" of the row), then a "staart" (the result columns, waarschuwingen, the receipt
    and fouten) that depends only on the input cells. A computed row without errors leaves its staart, already
    written as CSV text, in `Rekenaar.staarten` under its input cells (the id and the line number left out); a
    later row with the same cells writes that text instead of computing again. Rows with other cells whose outcome
    the rule proves equal (`Soort.gelijke_uitkomst`; for the LKS an adult's birth date only gives the age on the
    peildatum, a begindatum before the year changes nothing) share one computation through
    `Rekenaar.gelijk_teksten`: such a row is still validated by the schema load, then takes the kept text (for
    the LKS a template with its own age as the first result cell). A row with an error names its
    line number in `fouten` and is always computed. With REKENHULP_SNEL=0 (soorten.snel.AAN) every row is computed.
    tests/test_batch_gelijk.py compares both settings with the single-case API on 10 000 random cases."""
    import io

    kop, rekenaar = _KOP, _REKENAAR
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=kop.scheiding, lineterminator="")
    schrijf = buf.write
    fouten = 0
    nl = kop.scheiding == ";"
    staarten = rekenaar.staarten
    gelijk_teksten = rekenaar.gelijk_teksten
    if rekenaar._gelijk_scheiding != kop.scheiding:
        rekenaar._gelijk_scheiding, rekenaar._gelijk_cellen = kop.scheiding, {}
    scheiding = kop.scheiding
    invoer_idx = [i for i, _, _ in kop.invoer_kolommen]
    id_kolom, n_kolommen = kop.id_kolom, kop.kolommen
    staart_buf = io.StringIO()
    staart_w = csv.writer(staart_buf, delimiter=kop.scheiding, lineterminator="\r\n")
    n_staart = len(rekenaar.kolommen) + 5
    for regel, cellen in blok:
        sleutel = None
        if staarten is not None and len(cellen) == n_kolommen:
            sleutel = tuple([cellen[i] for i in invoer_idx])
            staart = staarten.get(sleutel)
            if staart is not None:
                voor = [str(regel), *sleutel] if id_kolom is None else [str(regel), cellen[id_kolom], *sleutel]
                if type(staart) is str:
                    w.writerow(["'" + c if c and c[0] in FORMULE_BEGIN else c for c in voor])
                    schrijf(staart)
                else:  # a row with an error: its message names this row's line number
                    fouten += 1
                    w.writerow(["'" + c if c and c[0] in FORMULE_BEGIN else c for c in voor]
                               + staart[0] + [f"regel {regel}: {staart[1]}"])
                    schrijf("\r\n")
                continue
        uit = rij_uitvoer(kop, rekenaar, regel, cellen)
        gelijk = rekenaar.gelijk_sleutel
        if gelijk is not None:
            staart = gelijk_teksten.get(gelijk)
            if staart is not None:  # csv_rij did not compute: an earlier row with the same outcome did
                if type(staart) is tuple:
                    staart = scheiding + rekenaar.gelijk_cel + staart[0]
                w.writerow([neutraliseer(c) for c in uit[:-n_staart]])
                schrijf(staart)
                if sleutel is not None:
                    if len(staarten) >= MEMO:
                        staarten.clear()
                    staarten[sleutel] = staart
                continue
        if nl:
            begin = len(uit) - n_staart
            for i in rekenaar.bedragen:
                uit[begin + i] = uit[begin + i].replace(".", ",")
            for i in rekenaar.datums:  # and dates as dd-mm-jjjj, the receipt's peildatum too (issue 18)
                uit[begin + i] = nl_datum(uit[begin + i])
            uit[-2] = nl_datum(uit[-2])
        uit = [neutraliseer(c) for c in uit]
        w.writerow(uit[:-n_staart])
        if uit[-1]:
            fouten += 1
            w.writerow(["", *uit[-n_staart:]])
            schrijf("\r\n")
            prefix = f"regel {regel}: "
            staart = (uit[-n_staart:-1], uit[-1][len(prefix):]) if uit[-1].startswith(prefix) else None
        else:
            staart_buf.seek(0)
            staart_buf.truncate()
            staart_w.writerow(["", *uit[-n_staart:]])  # "" and the separator after it: the staart starts with it
            staart = staart_buf.getvalue()
            schrijf(staart)
            if gelijk is not None:
                if len(gelijk_teksten) >= MEMO:
                    gelijk_teksten.clear()
                if rekenaar.gelijk_cel is None:
                    gelijk_teksten[gelijk] = staart
                else:  # the template: the text after this row's first result cell
                    voor = scheiding + rekenaar.gelijk_cel
                    if staart.startswith(voor + scheiding):
                        gelijk_teksten[gelijk] = (staart[len(voor):],)
        if sleutel is not None and staart is not None:
            if len(staarten) >= MEMO:
                staarten.clear()  # bounded memory; a sorted caseload keeps its repeats close together
            staarten[sleutel] = staart
    return buf.getvalue(), len(blok), fouten, {m: t for t, m in rekenaar.codes.items()}




def _codes_in_blok(tekst: str, markers: dict, codes: dict) -> str:
    """Replace a worker's warning markers by the file's codes (W1 for the first warning in the file, ...)."""
    if "\x00" not in tekst:
        return tekst
    # new warnings get their codes in the order they first appear in the block (a marker is "\x00<n>\x00", so
    # one marker is never part of another), then every marker is replaced (a few distinct warnings per process)
    nieuw = sorted((tekst.find(m), m) for m, w in markers.items() if w not in codes)
    for positie, m in nieuw:
        if positie >= 0:
            codes[markers[m]] = f"W{len(codes) + 1}"
    for m, w in markers.items():
        if w in codes and m in tekst:
            tekst = tekst.replace(m, codes[w])
    return tekst


def legenda_rijen(codes: dict[str, str]) -> list[list[str]]:
    """The block after the rows of a CSV: an empty row, "code, waarschuwing", one row per warning."""
    if not codes:
        return []
    return [[], ["code", "waarschuwing"], *([c, t] for t, c in codes.items())]


def _blok_json(blok):
    return [_REKENAAR.json_regel(regel, rij_id, ruw, fout) for regel, rij_id, ruw, fout in blok]


# --- reading --------------------------------------------------------------------------------------


class _Lezer:
    """Physical lines with a length limit, a line counter and progress by bytes."""

    def __init__(self, f):
        self.f = f
        self.regel = 0

    def __iter__(self) -> Iterator[str]:
        while True:
            try:
                lijn = self.f.readline(MAX_REGEL + 1)
            except UnicodeDecodeError:
                raise BatchFout(f"Het invoerbestand is geen geldige UTF-8-tekst (rond regel {self.regel + 1}). "
                                "Sla het op als 'CSV UTF-8' (of JSON Lines in UTF-8) en probeer het opnieuw.") from None
            if not lijn:
                return
            self.regel += 1
            if len(lijn) > MAX_REGEL:
                raise BatchFout(f"Regel {self.regel} is langer dan {MAX_REGEL // 1024} kB; dit is geen bruikbaar "
                                "invoerbestand (een berekening past ruim op één regel).")
            yield lijn

    def positie(self) -> int:
        try:
            return self.f.buffer.tell()
        except (AttributeError, OSError, ValueError):
            return 0


def _open_invoer(pad: str):
    p = Path(pad)
    if not p.is_file():
        raise BatchFout(f"Invoerbestand niet gevonden: {pad}")
    with open(p, "rb") as b:
        kop = b.read(4)
    if kop.startswith(b"PK\x03\x04"):
        raise BatchFout("Dit lijkt een Excel- of zip-bestand. Sla het op als 'CSV UTF-8' en probeer het opnieuw.")
    return open(p, encoding="utf-8-sig", newline="")


def _csv_fout(exc: csv.Error, regel: int) -> BatchFout:
    tekst = str(exc)
    if "NUL" in tekst:
        return BatchFout(f"Regel {regel} bevat een NUL-teken; dit is geen tekstbestand.")
    if "field larger than field limit" in tekst:
        return BatchFout(f"Regel {regel}: een waarde is langer dan {MAX_REGEL // 1024} kB.")
    return BatchFout(f"Regel {regel}: geen geldige CSV ({tekst}).")


@dataclass
class Samenvatting:
    rijen: int = 0
    fouten: int = 0
    seconden: float = 0.0


class _Voortgang:
    """A progress line on stderr, only when stderr is a terminal."""

    def __init__(self, totaal: int, aan: bool | None = None):
        self.aan = sys.stderr.isatty() if aan is None else aan
        self.totaal = max(totaal, 1)
        self.start = self.laatst = time.monotonic()

    def toon(self, rijen: int, positie: int, klaar: bool = False):
        if not self.aan:
            return
        nu = time.monotonic()
        if not klaar and nu - self.laatst < 0.5:
            return
        self.laatst = nu
        pct = min(100, positie * 100 // self.totaal) if not klaar else 100
        balk = "#" * (pct // 4) + "-" * (25 - pct // 4)
        tempo = rijen / max(nu - self.start, 1e-9)
        sys.stderr.write(f"\r[{balk}] {pct:3d} %  {rijen:,} rijen  {tempo:,.0f}/s".replace(",", "."))
        if klaar:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _geordend(blokken: Iterator, functie: Callable, processen: int, init_args: tuple,
              init: Callable | None = None) -> Iterator[list]:
    """Results of `functie(blok)` in input order; with processes, a bounded number of blocks in flight. `init`
    (default `_init_worker`, the batch's) prepares each process with `init_args`."""
    init = init or _init_worker
    if processen <= 1:
        init(*init_args)
        for blok in blokken:
            yield functie(blok)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(processen, initializer=init, initargs=init_args) as pool:
        onderweg: deque = deque()
        for blok in blokken:
            onderweg.append(pool.apply_async(functie, (blok,)))
            if len(onderweg) >= processen * 3:
                yield onderweg.popleft().get()
        while onderweg:
            yield onderweg.popleft().get()


def _blokken(rijen: Iterator) -> Iterator[list]:
    blok = []
    for r in rijen:
        blok.append(r)
        if len(blok) >= BLOK:
            yield blok
            blok = []
    if blok:
        yield blok


def standaard_processen(pad: str) -> int:
    try:
        groot = os.path.getsize(pad) > 2 * 1024 * 1024
    except OSError:
        groot = False
    return min(os.cpu_count() or 1, 8) if groot else 1


def verwerk(invoer_pad: str, uitvoer_pad: str, soort_naam: str, peildatum: date | None = None,
            formaat: str | None = None, processen: int | None = None, voortgang: bool | None = None,
            scenario=None) -> Samenvatting:
    """Process a whole file. Raises BatchFout for an unusable input file (no output file is left)."""
    laad_alle_soorten()
    if soort_naam not in SOORTEN:
        raise BatchFout(f"Onbekende soort '{soort_naam}'. Kies een van: {', '.join(SOORTEN)}.")
    if formaat == "xlsx" or formaat in (None, "csv") and Path(invoer_pad).is_file() and _is_zip(invoer_pad):
        # issue 18: an Excel file in, an Excel file out. Imported here, not at the top: batch.xlsx builds on this
        # module (its rows are this module's rows), so a top-level import would be a cycle within batch/.
        from .xlsx import verwerk_xlsx

        start = time.monotonic()
        s = verwerk_xlsx(invoer_pad, uitvoer_pad, soort_naam, peildatum, scenario)
        s.seconden = time.monotonic() - start
        return s
    formaat = formaat_van(invoer_pad, formaat)
    processen = standaard_processen(invoer_pad) if processen is None else max(1, processen)
    f = _open_invoer(invoer_pad)
    uit = Path(uitvoer_pad)
    tijdelijk = uit.with_name(f".{uit.name}.{os.getpid()}.deel")
    start = time.monotonic()
    try:
        with f, open(tijdelijk, "w", encoding="utf-8", newline="") as out:
            lezer = _Lezer(f)
            balk = _Voortgang(os.path.getsize(invoer_pad), voortgang)
            if formaat == "csv":
                s = _verwerk_csv(lezer, out, soort_naam, peildatum, processen, balk, scenario)
            else:
                s = _verwerk_jsonl(lezer, out, soort_naam, peildatum, processen, balk, scenario)
        os.replace(tijdelijk, uit)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
    s.seconden = time.monotonic() - start
    return s


def kop_controle(kop: list[str], soort_naam: str, scheiding: str = ",") -> _CsvKop:
    """The header row checked against the soort's input fields (BatchFout names what is wrong)."""
    velden = veldsoorten(SOORTEN[soort_naam].invoer_schema)
    platte = platte_kolommen(SOORTEN[soort_naam].invoer_schema)
    if len(kop) > MAX_KOLOMMEN:
        raise BatchFout(f"De kopregel heeft {len(kop)} kolommen; ten hoogste {MAX_KOLOMMEN}.")
    onbekend = [k for k in kop if k not in velden and k not in platte and k != "id"]
    dubbel = sorted({k for k in kop if kop.count(k) > 1})
    if onbekend or dubbel:
        delen = []
        if onbekend:
            delen.append(f"onbekende kolom(men): {', '.join(onbekend[:10])}")
        if dubbel:
            delen.append(f"dubbele kolom(men): {', '.join(dubbel)}")
        extra = f", {next(iter(platte))}, …" if platte else ""
        raise BatchFout(f"Kopregel: {'; '.join(delen)}. Toegestane kolommen voor {soort_naam}: id, "
                        f"{', '.join(velden)}{extra}. Zie /batch/sjabloon/{soort_naam}.csv.")
    id_kolom = kop.index("id") if "id" in kop else None
    return _CsvKop(len(kop), id_kolom, [(i, k, velden[k] if k in velden else platte[k])
                                        for i, k in enumerate(kop) if k != "id"], scheiding)


def kop_uitvoer(kop: list[str], kolommen: list[str]) -> list[str]:
    """The output header: regel, id, the input columns, resultaat.…, waarschuwingen, the receipt, fouten."""
    return (["regel"] + (["id"] if "id" in kop else []) + [k for k in kop if k != "id"]
            + [f"resultaat.{k}" for k in kolommen]
            + ["waarschuwingen", "engine_versie", "parameters_vingerafdruk", "peildatum", "fouten"])


def csv_lezen(lezer: _Lezer) -> tuple[str, list[str], Iterator[tuple[int, list[str]]]]:
    """A batch CSV as (separator, header, rows): the separator is the one the header uses most (";" for a Dutch
    CSV, else ","); the rows are (last physical line number, cells), blank lines left out. The file is refused
    (BatchFout) when it is empty, when it is not valid CSV, and when a quote is not closed: such a quote takes the
    following lines into one value (issue 19: 10 rows in, 2 out), and no input of a calculation holds a line
    break. `rekenhulp batch` and the caseload comparison read their CSV with this one function."""
    regels = iter(lezer)
    eerste = next(regels, None)
    if eerste is None:
        raise BatchFout("Het invoerbestand is leeg; de eerste regel moet de kolomnamen bevatten.")
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","

    def alle_regels():
        yield eerste
        yield from regels

    reader = csv.reader(alle_regels(), delimiter=scheiding)
    try:
        kop = [k.strip() for k in next(reader)]
    except csv.Error as exc:
        raise _csv_fout(exc, lezer.regel) from None

    def rijen():
        vorige = lezer.regel  # the last physical line read so far (the header's)
        try:
            for cellen in reader:
                begin, vorige = vorige + 1, lezer.regel
                # a line break in a value takes the row over more than one physical line (readline splits at
                # \r, \n and \r\n), so a row of one line needs no look at its values
                if vorige > begin and any("\n" in c or "\r" in c for c in cellen):
                    raise BatchFout(
                        f"Regel {begin}: een aanhalingsteken (\") wordt niet gesloten; de waarde loopt door tot "
                        f"regel {vorige}, zodat regels zouden wegvallen. Er is niets berekend: herstel het "
                        "aanhalingsteken en probeer het opnieuw.")
                if not cellen or (len(cellen) == 1 and not cellen[0].strip()):
                    continue  # blank line
                yield lezer.regel, cellen  # the (last) physical line of this row
        except csv.Error as exc:
            raise _csv_fout(exc, lezer.regel) from None

    return scheiding, kop, rijen()


def _verwerk_csv(lezer: _Lezer, out, soort_naam, peildatum, processen, balk, scenario=None) -> Samenvatting:
    soort = SOORTEN[soort_naam]
    kolommen, _ = resultaat_kolommen(soort.resultaat_schema)
    scheiding, kop, rijen = csv_lezen(lezer)
    csv_kop = kop_controle(kop, soort_naam, scheiding)
    if scheiding == ";":  # a Dutch CSV is answered in kind: Dutch Excel needs the BOM to read "ë" (issue 18)
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=scheiding, lineterminator="\r\n")
    writer.writerow(kop_uitvoer(kop, kolommen))
    s = Samenvatting()
    codes: dict[str, str] = {}
    for tekst, aantal, fouten, markers in _geordend(_blokken(rijen), _blok_csv, processen,
                                                     (soort_naam, peildatum, csv_kop, scenario)):
        out.write(_codes_in_blok(tekst, markers, codes))
        s.rijen += aantal
        s.fouten += fouten
        balk.toon(s.rijen, lezer.positie())
    for rij in legenda_rijen(codes):
        writer.writerow([neutraliseer(c) for c in rij])
    balk.toon(s.rijen, lezer.positie(), klaar=True)
    return s


def _verwerk_jsonl(lezer: _Lezer, out, soort_naam, peildatum, processen, balk, scenario=None) -> Samenvatting:
    s = Samenvatting()

    def rijen():
        for lijn in lezer:
            if not lijn.strip():
                continue
            regel = lezer.regel
            try:
                obj = uit_json(lijn.encode("utf-8", "surrogatepass"))  # numbers exact, as the API (issue 19)
            except DubbeleSleutel as exc:
                yield regel, None, None, f"Het veld '{exc.sleutel}' staat twee keer in het JSON-object op deze regel."
                continue
            except (ValueError, RecursionError):
                yield regel, None, None, "Geen geldige JSON op deze regel."
                continue
            if not isinstance(obj, dict):
                yield regel, None, None, "Verwacht een JSON-object op elke regel."
                continue
            rij_id = obj.pop("id", None)
            if set(obj) == {"invoer"} and isinstance(obj["invoer"], dict):
                obj = obj["invoer"]
            yield regel, rij_id, obj, None

    for resultaten in _geordend(_blokken(rijen()), _blok_json, processen, (soort_naam, peildatum, None, scenario)):
        for r in resultaten:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            s.rijen += 1
            if r["status"] != "ok":
                s.fouten += 1
        balk.toon(s.rijen, lezer.positie())
    balk.toon(s.rijen, lezer.positie(), klaar=True)
    return s


def sjabloon_csv(soort_naam: str) -> str:
    """A template CSV for a soort: the column names and the soort's example as the first row."""
    laad_alle_soorten()
    soort = SOORTEN[soort_naam]
    velden = veldsoorten(soort.invoer_schema)
    platte = platte_kolommen(soort.invoer_schema)
    # an object with plain columns has those in its place, without its JSON column (still read: issue 18); a list
    # keeps its JSON column (empty) and has its plain columns at the end
    objecten = {k: [(p, a) for p, (o, n, _, a) in platte.items() if o == k and n is None] for k in velden}
    kolommen = [*(kol for k, aard in velden.items() for kol in (objecten[k] or [(k, aard)])),
                *((k, a) for k, (_, n, _, a) in platte.items() if n is not None)]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["id"] + [k for k, _ in kolommen])
    rij = ["voorbeeld-1"]
    voorbeeld = dict(soort.voorbeeld)
    plat_voorbeeld = {}
    for k, (lijst, n, sub, aard) in platte.items():  # the example's list in the plain columns, its JSON column empty
        if n is None:
            plat_voorbeeld[k] = ((soort.voorbeeld.get(lijst) or {}).get(sub), aard)
            continue
        elementen = soort.voorbeeld.get(lijst) or []
        plat_voorbeeld[k] = (elementen[n - 1].get(sub) if n <= len(elementen) else None, aard)
        voorbeeld.pop(lijst, None)
    for k, aard in kolommen:
        v = plat_voorbeeld[k][0] if k in plat_voorbeeld else voorbeeld.get(k)
        if v is None:
            rij.append("")
        elif aard == "json":
            rij.append(json.dumps(v, ensure_ascii=False))
        elif isinstance(v, bool):
            rij.append("ja" if v else "nee")
        else:
            rij.append(str(v))
    w.writerow([neutraliseer(c) for c in rij])
    return buf.getvalue()


__all__ = ["verwerk", "BatchFout", "neutraliseer", "sjabloon_csv", "Rekenaar", "veldsoorten", "resultaat_kolommen",
           "MAX_REGEL", "MAX_KOLOMMEN", "Samenvatting"]

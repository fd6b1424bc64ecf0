"""`rekenhulp batch`: many cases from a CSV or JSON Lines file, streamed to an output file.

- Constant memory: the input is read line by line (csv module), or with REKENHULP_SNEL on a CSV in chunks of raw
  text of LEESBLOK bytes that the workers split into the same rows (`_verwerk_csv_snel`); results are written as
  they come; with several processes at most a few blocks of rows are in flight, and the output keeps the input order.
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
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterator

from marshmallow import ValidationError, fields

import calculator
from calculator.money import as_str
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
        # the soort's row classes (Soort.klassen, issue 17 part 3), set per CSV file by _init_worker; None: every
        # row goes through the schema load. `sjablonen`: {class: the staart text cut at its holes, a row with an
        # error (cells, message), or False: computed in full}; `laatste_invoer`: the loaded input of the row
        # csv_rij last loaded; `afwijkingen`: classes whose first row's holes did not match its computed text
        self.klassen = None
        self.sjablonen: dict = {}
        self.laatste_invoer = None
        self.afwijkingen = 0
        self.gat_cellen: dict = {}  # {fijn: the result cells of a row with that fijn} (_vaste_delen)

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
            self.laatste_invoer = invoer
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
        klassen = _REKENAAR.soort.klassen
        if klassen is not None and snel.AAN:
            k = klassen([(i, n) for i, n, _ in kop.invoer_kolommen], peildatum, _REKENAAR.params)
            _REKENAAR.klassen = k if k.bruikbaar else None


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


def _blok_csv(blok, schoon: bool = False) -> tuple[str, int, int, dict]:
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
    the LKS a template with its own age as the first result cell). Before all that a row may get a class
    (`Soort.klassen`, issue 17 part 3; soorten.schemas.loonkostensubsidie.LksKlassen): rows of one class share the
    text of the class's first row, computed in full, with the holes filled in for each row (`_maak_sjabloon`,
    `_vaste_delen`); such a row is not loaded through the schema at all, because the class says its load would
    pass or fail the same way. A row with an error names its line number in `fouten`. With REKENHULP_SNEL=0 (soorten.snel.AAN) every row is computed.
    tests/test_batch_gelijk.py compares both settings with the single-case API on 10 000 random cases;
    tests/test_batch_klassen.py compares the classes with REKENHULP_SNEL off on rows built on their edges.
    `schoon`: the block comes from a chunk that `_schoon_stuk` found free of tabs, NULs and cells that start with
    a formula character, so no row's echo needs a NUL test or neutraliseer, and only one with a quote or the
    separator in a cell the csv module."""
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
    klassen = rekenaar.klassen
    sjablonen = rekenaar.sjablonen
    volgorde = _echo_volgorde(kop)
    n_echo = n_kolommen - 1  # separators in the echo of a row whose cells hold none
    _moet_schrijver = _schrijver_nodig(scheiding)
    for regel, cellen in blok:
        sleutel = None
        klasse = None
        nul = None  # whether a cell holds a NUL (when the row has all its columns)
        if klassen is not None and len(cellen) == n_kolommen:
            echo = scheiding.join(volgorde(cellen))  # the row's input cells in output order, all of them
            nul = False if schoon else "\x00" in echo
            if not nul:
                klasse = klassen.klasse(cellen)
            if klasse is not None:
                sjabloon = sjablonen.get(klasse)
                if sjabloon:
                    staart = None
                    if type(sjabloon) is list:  # the staart around its holes
                        try:
                            delen = _vaste_delen(rekenaar, klasse, sjabloon, nl)
                            if len(delen) == 2:
                                staart = (delen[0] + _gat_tekst(klassen.eigen(klasse, sjabloon[0])[0], sjabloon[2][0],
                                                                nl) + delen[1])
                            else:
                                staart = delen[0] + "".join(
                                    _gat_tekst(waarde, bedrag, nl) + tekst for waarde, bedrag, tekst in
                                    zip(klassen.eigen(klasse, sjabloon[0]), sjabloon[2], delen[1:]))
                        except Exception:  # never expected (the classes say when it holds): computed in full
                            rekenaar.afwijkingen += 1
                            sjabloon = None
                    if sjabloon:
                        if echo.count(scheiding) == n_echo and (
                                '"' not in echo if schoon else not _moet_schrijver(echo)):
                            schrijf(f"{regel}{scheiding}{echo}")  # no cell the csv module would quote or neutralise
                            voor = None
                        else:
                            voor = [str(regel), *("'" + c if c and c[0] in FORMULE_BEGIN else c
                                                  for c in volgorde(cellen))]
                        if staart is not None:
                            if voor is not None:
                                w.writerow(voor)
                            schrijf(staart)
                        else:  # a row with an error: its message names this row's line number
                            fouten += 1
                            if voor is None:
                                schrijf(scheiding)
                                voor = []
                            w.writerow(voor + sjabloon[0] + [f"regel {regel}: {sjabloon[1]}"])
                            schrijf("\r\n")
                        continue
                    klasse = None
                if sjabloon is False:
                    klasse = None  # computed in full
        if staarten is not None and len(cellen) == n_kolommen and not (
                "\x00" in "".join(cellen) if nul is None else nul):
            # (a NUL is removed from the echo and makes the row an error: rij_uitvoer, never from the memo)
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
                if klasse is not None:
                    _maak_sjabloon(rekenaar, klasse, staart, scheiding, nl)
                continue
        if nl:
            _nederlands(rekenaar, uit, len(uit) - n_staart)
            uit[-2] = nl_datum(uit[-2])  # the receipt's peildatum too (issue 18)
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
        if klasse is not None:
            _maak_sjabloon(rekenaar, klasse, staart, scheiding, nl)
    return buf.getvalue(), len(blok), fouten, {m: t for t, m in rekenaar.codes.items()}


def _schrijver_nodig(scheiding: str):
    """text -> True when a cell in that joined row text would be quoted by the csv module (a quote or a line
    break) or neutralised (it starts with a formula character, FORMULE_TEKENS): then it goes through csv.writer.
    Plain `in` tests: several times quicker than one regular expression here."""
    s = scheiding

    def nodig(tekst: str) -> bool:
        return ('"' in tekst or "\r" in tekst or "\n" in tekst or "\t" in tekst or s + "=" in tekst
                or s + "+" in tekst or s + "-" in tekst or s + "@" in tekst or tekst[:1] in FORMULE_BEGIN)

    return nodig


def _echo_volgorde(kop: "_CsvKop"):
    """cells -> the input cells as the output echoes them: the id first, then the input columns."""
    idx = ([kop.id_kolom] if kop.id_kolom is not None else []) + [i for i, _, _ in kop.invoer_kolommen]
    if len(idx) == 1:
        return lambda cellen, i=idx[0]: (cellen[i],)
    return itemgetter(*idx)


def _gat_tekst(waarde, bedrag: bool, nl: bool) -> str:
    """A hole's value as its cell: an age as a number, an amount with two decimals (a decimal comma in a Dutch
    CSV), as the result dump and _blok_csv write them."""
    if not bedrag:
        if isinstance(waarde, date):  # per_jaar.vastgesteld_per
            return nl_datum(waarde.isoformat()) if nl else waarde.isoformat()
        return str(waarde)
    tekst = as_str(waarde)
    return neutraliseer(tekst.replace(".", ",") if nl else tekst)


def _resultaat_cellen(rekenaar: Rekenaar, resultaat: dict, nl: bool) -> list[str]:
    """A result as its CSV cells, as _blok_csv writes a computed row (dump, decimal commas and dd-mm-jjjj in a
    Dutch CSV, neutralised)."""
    cellen = _plat(rekenaar.dump(resultaat), rekenaar.paden)
    if nl:
        _nederlands(rekenaar, cellen, 0)
    return [neutraliseer(c) for c in cellen]


def _nederlands(rekenaar: Rekenaar, cellen: list[str], begin: int) -> None:
    """The result cells from `begin` on in a Dutch CSV's notation, in place: decimal commas in the amounts and
    dd-mm-jjjj dates (issue 18)."""
    for i in rekenaar.bedragen:
        cellen[begin + i] = cellen[begin + i].replace(".", ",")
    for i in rekenaar.datums:
        cellen[begin + i] = nl_datum(cellen[begin + i])


def _vaste_delen(rekenaar: Rekenaar, klasse, sjabloon: list, nl: bool) -> list[str]:
    """The staart of the class with every hole filled that depends only on the class and the row's `fijn`
    (Soort.klassen), cut at the holes the row fills itself; kept per fijn in the class's sjabloon."""
    klassen = rekenaar.klassen
    per_fijn = sjabloon[5]
    delen = per_fijn.get(klassen.fijn)
    if delen is None:
        cellen = rekenaar.gat_cellen.get(klassen.fijn)
        if cellen is None:
            cellen = _resultaat_cellen(rekenaar, klassen.resultaat(sjabloon[0], klasse), nl)
            if len(rekenaar.gat_cellen) >= MEMO:
                rekenaar.gat_cellen.clear()
            rekenaar.gat_cellen[klassen.fijn] = cellen
        eigen = sjabloon[3]
        tekst, delen = "", []
        for stuk, p, veld in zip(sjabloon[1], sjabloon[4], klassen.GATEN):
            tekst += stuk
            if veld in eigen:
                delen.append(tekst)
                tekst = ""
            else:
                tekst += cellen[p]
        delen.append(tekst + sjabloon[1][-1])
        if len(per_fijn) >= MEMO:
            per_fijn.clear()
        per_fijn[klassen.fijn] = delen
    return delen


def _maak_sjabloon(rekenaar: Rekenaar, klasse, staart, scheiding: str, nl: bool) -> None:
    """After the first row of a class was computed in full: keep its staart for the class, cut at the holes
    (Soort.klassen GATEN) as [loaded input, texts between the holes, which of the row's own holes are amounts,
    the row's own holes, the holes' cell positions, {fijn: the staart cut at the row's own holes}]; an error row
    as (cells, message). The text the holes give for this row's own input must be the staart just computed, else the class is computed in full (False) and
    counted in `afwijkingen` (tests/test_batch_klassen.py expects none)."""
    sjablonen = rekenaar.sjablonen
    if len(sjablonen) >= MEMO:
        sjablonen.clear()
    klassen = rekenaar.klassen
    if staart is None:
        sjablonen[klasse] = False
        return
    if type(staart) is tuple:
        # an error is shared only by a class without holes of its own (`fout`): its cells are all in the class
        sjablonen[klasse] = False if klassen.eigen_velden(klasse) else staart
        return
    invoer = rekenaar.laatste_invoer
    rekenaar.laatste_invoer = None
    eigen = klassen.eigen_velden(klasse)
    if invoer is None or not eigen or '"' in staart or not staart.endswith("\r\n"):
        sjablonen[klasse] = False
        return
    cellen = staart[:-2].split(scheiding)
    if len(cellen) != len(rekenaar.kolommen) + 6:
        sjablonen[klasse] = False
        return
    plekken = [rekenaar.kolommen.index(veld) for veld in klassen.GATEN]
    stukken, vorige = [], 0
    for p in plekken:  # result column p is cell p + 1 (the staart starts with its separator)
        stukken.append(scheiding.join(([""] if vorige else []) + cellen[vorige:p + 1] + [""]))
        vorige = p + 2
    stukken.append(scheiding.join([""] + cellen[vorige:]) + "\r\n")
    bedragen = [rekenaar.kolommen.index(veld) in rekenaar.bedragen for veld in eigen]
    sjabloon = [invoer, stukken, bedragen, eigen, plekken, {}]  # the last: {fijn: its vaste delen}
    delen = _vaste_delen(rekenaar, klasse, sjabloon, nl)
    tekst = delen[0] + "".join(_gat_tekst(w, b, nl) + t for w, b, t in
                               zip(klassen.eigen(klasse, invoer), bedragen, delen[1:]))
    if tekst != staart:
        rekenaar.afwijkingen += 1
        rekenaar.gat_cellen.pop(klassen.fijn, None)
        sjablonen[klasse] = False
        return
    sjablonen[klasse] = sjabloon


def _codes_in_blok(tekst: str, markers: dict, codes: dict) -> str:
    """Replace a worker's warning markers by the file's codes (W1 for the first warning in the file, ...)."""
    if "\x00" not in tekst:
        return tekst
    # one pass: a marker is "\x00<n>\x00" and a NUL is nowhere else in a block (a cell with a NUL is not echoed),
    # so the odd pieces between NULs are the marker numbers; new warnings get their codes in the order they first
    # appear in the block
    delen = tekst.split("\x00")
    nummers = {m[1:-1]: w for m, w in markers.items()}
    aanwezig = set(delen[1::2])
    if len(delen) % 2 == 1 and nummers.keys() >= aanwezig:
        if any(nummers[n] not in codes for n in aanwezig):
            for n in delen[1::2]:
                if nummers[n] not in codes:
                    codes[nummers[n]] = f"W{len(codes) + 1}"
        vervang = {n: codes[w] for n, w in nummers.items()}
        delen[1::2] = [vervang[n] for n in delen[1::2]]
        return "".join(delen)
    # (never expected) marker by marker
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
    with ctx.Pool(processen, initializer=_werker_start, initargs=(init, *init_args)) as pool:
        onderweg: deque = deque()
        for blok in blokken:
            onderweg.append(pool.apply_async(functie, (blok,)))
            if len(onderweg) >= processen * 3:
                yield onderweg.popleft().get()
        while onderweg:
            yield onderweg.popleft().get()


WERKER_GC = (50_000, 20, 100)  # the cyclic collector's thresholds in a worker process (Python's: 700, 10, 10)


def _werker_start(init: Callable, *init_args) -> None:
    """A worker process of `_geordend`: `init`, then the objects it made (parameters, schemas, the soort's
    tables) out of the cyclic collector's sight (gc.freeze) and that collector run far less often. A worker keeps
    its memos (hundreds of thousands of small tuples and strings, never in a cycle) and makes few cycles; with
    Python's thresholds the collector went through all of them again and again: 12-20 % of a worker's CPU time
    on a caseload (benchmarks/README.md). Memory is still freed at once by reference counting, and a cycle
    still by the collector, later. Only in a worker: the web server's processes keep Python's settings."""
    import gc

    init(*init_args)
    gc.freeze()
    gc.set_threshold(*WERKER_GC)


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
            if formaat == "csv" and snel.AAN:  # the chunked reading; REKENHULP_SNEL=0: line by line
                s = _verwerk_csv_snel(invoer_pad, lezer, out, soort_naam, peildatum, processen, balk, scenario)
            elif formaat == "csv":
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

    return scheiding, kop, _csv_rijen(lezer, reader)


def _csv_rijen(lezer: _Lezer, reader) -> Iterator[tuple[int, list[str]]]:
    """The rows of csv_lezen: `reader` reads the lines of `lezer` after the last one read so far."""
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
    for uitkomst in _geordend(_blokken(rijen), _blok_csv, processen, (soort_naam, peildatum, csv_kop, scenario)):
        _schrijf_blok(out, uitkomst, codes, s)
        balk.toon(s.rijen, lezer.positie())
    for rij in legenda_rijen(codes):
        writer.writerow([neutraliseer(c) for c in rij])
    balk.toon(s.rijen, lezer.positie(), klaar=True)
    return s


# --- the fast CSV path: chunks of raw text, split into rows by the workers (issue 17 part 3) ------------------
#
# Reading line by line in the main process (readline, csv.reader, a (line, cells) list per row, blocks of 500
# pickled to the workers) cost the main process ~6 µs a row on this machine, more than a worker's share of the
# work. Here the main process reads the file in binary chunks of about LEESBLOK bytes cut after a line end,
# decodes each and sends it as text with its first line number; the worker splits it into the rows csv_lezen
# would give (`_stuk_rijen`) and hands them to `_blok_csv`. A chunk is only sent where that provably gives the
# same rows as csv_lezen over the whole file:
# - in the main process (`_stuk_tekst`): valid UTF-8 (the BOM of the first chunk dropped, as utf-8-sig does), no
#   NUL, every \r part of a \r\n (so lines end only at \n, as readline splits them), no line longer than
#   MAX_REGEL (a chunk of at most MAX_REGEL bytes has none);
# - in the worker: no row over more than one line (a quote still open at a line end).
# Otherwise the file is read from that chunk's first line on by the line reader, replayed from the start of the
# file (`_csv_vanaf`): the lines before it are read and skipped, so every message (not UTF-8 "rond regel N",
# which depends on the text layer decoding 8 kB at a time, a line too long, an unclosed quote) is exactly today's,
# and so is every row after it. With REKENHULP_SNEL=0 only the line reader (`_verwerk_csv`).

# bytes read per chunk (~5 000 LKS rows: small enough that the last chunks keep both workers busy, large enough that
# sending one costs little next to computing it); at most MAX_REGEL, so no line needs measuring (_stuk_tekst).
# Tests set it to a few bytes, so the chunk ends fall everywhere.
LEESBLOK = 256 * 1024


def _ruwe_stukken(b) -> Iterator[bytes]:
    """The binary file `b` in chunks of whole lines (each ends with b"\n", the last one at the end of the file),
    about LEESBLOK bytes each; a piece without a line end longer than MAX_REGEL comes out as it is (it will not be
    used), so memory stays bounded on a file without line ends."""
    rest = b""
    while True:
        stuk = b.read(LEESBLOK)
        if not stuk:
            if rest:
                yield rest
            return
        if rest:
            stuk = rest + stuk
        eind = stuk.rfind(b"\n")
        if eind < 0:
            rest = stuk
            if len(rest) > MAX_REGEL:
                yield rest
                rest = b""
            continue
        if eind == len(stuk) - 1:
            rest = b""
        else:
            stuk, rest = stuk[:eind + 1], stuk[eind + 1:]
        yield stuk


def _stuk_tekst(stuk: bytes, eerste: bool) -> str | None:
    """The chunk as text when the line reader would read exactly its lines split at b"\n" without an error; None
    when only the line reader can say what it holds."""
    # a line (with its end) of at most MAX_REGEL bytes has at most MAX_REGEL characters (the BOM counted too)
    if len(stuk) > MAX_REGEL and max(map(len, stuk.split(b"\n"))) + 1 > MAX_REGEL:
        return None
    if eerste and stuk.startswith(b"\xef\xbb\xbf"):
        stuk = stuk[3:]
    if b"\x00" in stuk or (b"\r" in stuk and stuk.count(b"\r") != stuk.count(b"\r\n")):
        return None
    try:
        return stuk.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _stuk_rijen(tekst: str, regel: int, scheiding: str) -> list[tuple[int, list[str]]] | None:
    """The rows csv_lezen gives for the whole lines in `tekst` (lines ending in \n or \r\n, no bare \r: see
    _stuk_tekst), the first being physical line `regel`: [(line number, cells)], blank lines left out. None when a
    line ends inside a quoted value: that row runs over more lines, and only the line reader gives its message.

    A line without a quote is its text split at the separator: csv.reader treats only the separator, the quote
    and the line end specially (no escape character, NUL read as any character). A line with a quote is read by
    csv.reader itself, each such line on its own; that is the same as in the whole file because every row here is
    one line (csv.reader gives one row per line: fewer rows than lines, or a line end inside the last row's value,
    means a value went on past its line)."""
    if "\r" in tekst:
        tekst = tekst.replace("\r\n", "\n")
    lijnen = tekst.split("\n")
    if lijnen[-1] == "":
        lijnen.pop()  # the end of the last line, not a line
    if '"' not in tekst:
        return [(n, lijn.split(scheiding)) for n, lijn in enumerate(lijnen, regel) if scheiding in lijn or lijn.strip()]
    cellen = [lijn.split(scheiding) if '"' not in lijn else None for lijn in lijnen]
    geciteerd = [i for i, c in enumerate(cellen) if c is None]
    try:
        gelezen = list(csv.reader([lijnen[i] + "\n" for i in geciteerd], delimiter=scheiding))
    except csv.Error:
        return None
    if len(gelezen) != len(geciteerd) or any("\n" in c for c in gelezen[-1]):
        return None
    for i, c in zip(geciteerd, gelezen):
        cellen[i] = c
    return [(n, c) for n, c in enumerate(cellen, regel) if c and (len(c) > 1 or c[0].strip())]


def _blok_csv_werk(werk) -> tuple[str, int, int, dict] | int:
    """A worker's job in the fast CSV path: a list of rows (from the line reader) or a chunk (text, first line);
    `_blok_csv`'s answer, or the chunk's first line number when the chunk cannot be split here (_stuk_rijen)."""
    if type(werk) is list:
        return _blok_csv(werk)
    tekst, regel = werk
    rijen = _stuk_rijen(tekst, regel, _KOP.scheiding)
    if rijen is None:
        return regel
    return _blok_csv(rijen, _schoon_stuk(tekst, _KOP.scheiding))


def _schoon_stuk(tekst: str, scheiding: str) -> bool:
    """True when no cell of the chunk (split by _stuk_rijen) holds a tab or a NUL or starts with a formula
    character (FORMULE_TEKENS): then no echo of a row's cells needs neutraliseer, and only a row with a quote or
    the separator in a cell (a quoted value: "25,5") needs the csv module. A cell starts at the start of a line or
    after a separator, its value after a quote that opens it; a \r is only part of a line end here (_stuk_tekst),
    and a quoted value over more lines never reaches a block, so no cell holds a \r or a \n."""
    if "\t" in tekst or "\x00" in tekst or tekst[:1] in FORMULE_BEGIN or (
            tekst[:1] == '"' and tekst[1:2] in FORMULE_BEGIN):
        return False
    for teken in "=+-@":
        if (scheiding + teken in tekst or "\n" + teken in tekst or scheiding + '"' + teken in tekst
                or '\n"' + teken in tekst):
            return False
    return True


def _csv_vanaf(lezer: _Lezer, scheiding: str, vanaf: int) -> Iterator[tuple[int, list[str]]]:
    """csv_lezen's rows from physical line `vanaf` on, `lezer` read from the start of the file: the lines before
    it are read (so the line reader raises what it would raise there) and skipped. Every row before `vanaf` was one
    line (the fast path checked that), so the csv reader starts a row at `vanaf` as it would in the whole file."""
    regels = iter(lezer)
    for _ in range(vanaf - 1):
        if next(regels, None) is None:
            break
    return _csv_rijen(lezer, csv.reader(regels, delimiter=scheiding))


def eerste_stuk(stukken: Iterator[bytes]) -> tuple[str | None, int, str, list[str] | None]:
    """The first chunk of a CSV (_ruwe_stukken) as (its text, where its second line starts, the separator the
    header uses most, the header stripped); the header is None when only the line reader can read the start of
    the file (an empty file, a first chunk _stuk_tekst refuses, a header without a line end or with a quoted line
    break)."""
    tekst = _stuk_tekst(next(stukken, b""), eerste=True)
    einde = tekst.find("\n") + 1 if tekst else 0
    kopregel = tekst[:einde] if einde else ""
    scheiding = ";" if kopregel.count(";") > kopregel.count(",") else ","
    kop = next(csv.reader([kopregel], delimiter=scheiding), []) if kopregel else []
    if not kopregel or any("\n" in k or "\r" in k for k in kop):
        return tekst, einde, scheiding, None
    return tekst, einde, scheiding, [k.strip() for k in kop]


def stukken_na_de_kop(tekst: str, einde: int, stukken: Iterator[bytes], stand: dict) -> Iterator[tuple[str, int]]:
    """(chunk text, its first line number) after the header, for the workers; where a chunk cannot be used
    (_stuk_tekst) it stops and sets stand["vanaf"] to that chunk's first line, for the line reader."""
    regel, stuk_tekst = 2, tekst[einde:]
    while True:
        if stuk_tekst:
            yield stuk_tekst, regel
            regel += stuk_tekst.count("\n")
        stuk = next(stukken, None)
        if stuk is None:
            return
        stuk_tekst = _stuk_tekst(stuk, eerste=False)
        if stuk_tekst is None:
            stand["vanaf"] = regel
            return


def _verwerk_csv_snel(pad: str, lezer: _Lezer, out, soort_naam, peildatum, processen, balk,
                      scenario=None) -> Samenvatting:
    """_verwerk_csv with the chunked reading (see above); `lezer` is the file's unread line reader, used only
    where a chunk cannot be used (for the whole file when the first chunk, with the header, cannot)."""
    with open(pad, "rb") as b:
        stukken = _ruwe_stukken(b)
        tekst, einde, scheiding, kop = eerste_stuk(stukken)
        if kop is None:  # empty, or a header the line reader must read
            return _verwerk_csv(lezer, out, soort_naam, peildatum, processen, balk, scenario)
        try:
            csv_kop = kop_controle(kop, soort_naam, scheiding)
        except BatchFout:
            # the line reader decodes 8 kB before it has the header: a byte that is not UTF-8 there (perhaps in a
            # later chunk) is its message, not the header's; it gives whichever message it gives
            return _verwerk_csv(lezer, out, soort_naam, peildatum, processen, balk, scenario)
        soort = SOORTEN[soort_naam]
        kolommen, _ = resultaat_kolommen(soort.resultaat_schema)
        if scheiding == ";":
            out.write("\ufeff")
        writer = csv.writer(out, delimiter=scheiding, lineterminator="\r\n")
        writer.writerow(kop_uitvoer(kop, kolommen))
        s = Samenvatting()
        codes: dict[str, str] = {}
        stand = {"vanaf": None}  # the first line the line reader reads, when a chunk cannot be used
        init = (soort_naam, peildatum, csv_kop, scenario)
        uitkomsten = _geordend(stukken_na_de_kop(tekst, einde, stukken, stand), _blok_csv_werk, processen, init)
        for uitkomst in uitkomsten:
            if type(uitkomst) is int:  # a chunk a worker could not split: the line reader from its first line
                stand["vanaf"] = uitkomst
                uitkomsten.close()  # the chunks after it are not used (the workers stop)
                break
            _schrijf_blok(out, uitkomst, codes, s)
            balk.toon(s.rijen, b.tell())
    if stand["vanaf"] is not None:
        rijen = _csv_vanaf(lezer, scheiding, stand["vanaf"])
        for uitkomst in _geordend(_blokken(rijen), _blok_csv, processen, init):
            _schrijf_blok(out, uitkomst, codes, s)
            balk.toon(s.rijen, lezer.positie())
    for rij in legenda_rijen(codes):
        writer.writerow([neutraliseer(c) for c in rij])
    balk.toon(s.rijen, 0, klaar=True)
    return s


def _schrijf_blok(out, uitkomst: tuple, codes: dict, s: "Samenvatting") -> None:
    """One block's output (_blok_csv) to the file, its warning markers as the file's codes, counted in `s`."""
    tekst, aantal, fouten, markers = uitkomst
    out.write(_codes_in_blok(tekst, markers, codes))
    s.rijen += aantal
    s.fouten += fouten


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

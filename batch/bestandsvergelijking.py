"""Caseload comparison ("bestandsvergelijking", issue 17): one caseload computed in two situations A and B
(two peildata, or one peildatum with and without a scenario, or two scenarios), per case the key amounts in A
and B and the difference, and a summary: per amount the totals and the difference, the number of cases that
gain, lose or stay the same, the distribution of the difference and a breakdown by a column the user picks.

Used by POST /api/v1/bestandsvergelijking, `rekenhulp vergelijk` and the web page. No Flask here, and nothing
is kept after the comparison: the summary holds totals and counts only. Every case is computed exactly as the
single-case API computes it (schema load, `reken`, result dump), on the situation's parameter set.

`rekenhulp vergelijk` computes a CSV or JSON Lines file in blocks in worker processes (`vergelijk_in_blokken`): the
main process reads raw rows, each worker has its own Vergelijker, converts, computes and writes its block, and the
blocks' summaries are merged (`Samenvatting.voeg_samen`); the rows and the summary are the same as in one process.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing as mp
import os
import signal
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from itertools import islice

import calculator
from calculator.money import CENT, NUL, as_str
from parameters import default_parameters
from soorten.fields import Bedrag
from soorten.register import SOORTEN, Fout, laad_alle_soorten, laad_invoer, reken, schema_instantie, snelle_dump

from soorten import snel

from .verwerking import (FORMULE_BEGIN, MAX_KOLOMMEN, BatchFout, _CelFout, _csv_vanaf, _geordend, _Lezer,
                         _platte_lijst, _ruwe_stukken, _schrijver_nodig, _stuk_rijen, cel_omzetter, csv_lezen,
                         eerste_stuk, platte_kolommen, stukken_na_de_kop, veldsoorten)

# The key amounts per soort (paths in the result as the API answers it): what a policy adviser adds up.
# A soort that is not listed compares every money field at the top of its result.
KERNBEDRAGEN = {
    "loonkostensubsidie": ("loonkostensubsidie", "werkgeverslasten", "totaal", "per_jaar.totaal"),
    "bijstandsnorm": ("norm", "aanvullende_bijstand"),
    "quotumheffing": ("heffing", "te_betalen_heffing"),
    "vrijwilligersvergoeding": ("belastbaar_bedrag", "onbelast_bedrag"),
}
MAX_KLASSEN = 12
_MOOI = (1, 2, 5)


def kernbedragen(soort) -> tuple[str, ...]:
    if soort.naam in KERNBEDRAGEN:
        return KERNBEDRAGEN[soort.naam]
    return tuple(n for n, v in soort.resultaat_schema().fields.items() if isinstance(v, Bedrag))


@dataclass
class Situatie:
    """A or B: a peildatum (None: each case's own date) and a scenario (None: the official parameters)."""

    peildatum: date | None = None
    scenario: object | None = None  # parameters.scenario.Scenario

    def __post_init__(self):
        basis = default_parameters()
        self.params = basis if self.scenario is None else self.scenario.pas_toe(basis)

    def beschrijving(self) -> dict:
        s = self.scenario
        return {"peildatum": self.peildatum.isoformat() if self.peildatum else None,
                "scenario": None if s is None else {"naam": s.naam, "vingerafdruk": s.vingerafdruk},
                "rekenbewijs_scenario": None if s is None else s.canoniek()}


@dataclass
class _Totaal:
    a: Decimal = NUL
    b: Decimal = NUL
    stijgt: int = 0
    daalt: int = 0
    gelijk: int = 0

    def voeg_samen(self, ander: "_Totaal") -> None:
        self.a += ander.a
        self.b += ander.b
        self.stijgt += ander.stijgt
        self.daalt += ander.daalt
        self.gelijk += ander.gelijk

    def tel(self, a: Decimal, b: Decimal, n: int = 1) -> None:
        """Count `n` cases with amounts a and b (n × a is exactly n additions of a: Decimal)."""
        self.a += a * n if n != 1 else a
        self.b += b * n if n != 1 else b
        if b > a:
            self.stijgt += n
        elif b < a:
            self.daalt += n
        else:
            self.gelijk += n

    def json(self) -> dict:
        return {"totaal_a": as_str(self.a), "totaal_b": as_str(self.b), "verschil": as_str(self.b - self.a),
                "stijgt": self.stijgt, "daalt": self.daalt, "gelijk": self.gelijk}


@dataclass
class Samenvatting:
    bedragen: tuple[str, ...]
    groep_op: str | None = None
    klassebreedte: Decimal | None = None
    aantal: int = 0
    vergeleken: int = 0
    fouten: int = 0
    totalen: dict = field(default_factory=dict)
    verschillen: Counter = field(default_factory=Counter)  # difference of the first amount -> cases
    groepen: dict = field(default_factory=dict)  # group value -> {"aantal": n, amount: _Totaal}

    def __post_init__(self):
        self.totalen = {b: _Totaal() for b in self.bedragen}

    def tel(self, rij: dict, n: int = 1) -> None:
        """Count a row (`n` rows with the same amounts and group)."""
        self.aantal += n
        if rij["fouten"]:
            self.fouten += n
            return
        self.vergeleken += n
        a, b = rij["_a"], rij["_b"]
        for naam in self.bedragen:
            self.totalen[naam].tel(a[naam], b[naam], n)
        eerste = self.bedragen[0]
        self.verschillen[b[eerste] - a[eerste]] += n
        if self.groep_op is not None:
            g = self.groepen.get(rij.get("groep"))
            if g is None:
                g = self.groepen[rij.get("groep")] = {"aantal": 0, "totalen": {n: _Totaal() for n in self.bedragen}}
            g["aantal"] += n
            for naam in self.bedragen:
                g["totalen"][naam].tel(a[naam], b[naam], n)

    def voeg_samen(self, ander: "Samenvatting") -> None:
        """Add the counts of `ander` (the summary of another part of the same file, e.g. a worker's block) to this
        one: afterwards this summary is the one of both parts together. The sums are exact (Decimal) and the
        distribution is computed from the merged differences in `json`, so the order of the parts does not matter."""
        self.aantal += ander.aantal
        self.vergeleken += ander.vergeleken
        self.fouten += ander.fouten
        for naam, t in ander.totalen.items():
            self.totalen[naam].voeg_samen(t)
        self.verschillen.update(ander.verschillen)
        for groep, g in ander.groepen.items():
            mijn = self.groepen.get(groep)
            if mijn is None:
                mijn = self.groepen[groep] = {"aantal": 0, "totalen": {n: _Totaal() for n in self.bedragen}}
            mijn["aantal"] += g["aantal"]
            for naam, t in g["totalen"].items():
                mijn["totalen"][naam].voeg_samen(t)

    def leeg(self) -> "Samenvatting":
        """A new, empty summary of the same amounts, group column and bin width."""
        return Samenvatting(self.bedragen, self.groep_op, self.klassebreedte)

    def json(self) -> dict:
        eerste = self.bedragen[0]
        return {
            "aantal": self.aantal, "vergeleken": self.vergeleken, "met_fouten": self.fouten,
            "bedragen": {n: t.json() for n, t in self.totalen.items()},
            "verdeling": {"bedrag": eerste, **verdeling(self.verschillen, self.klassebreedte)},
            "groep_op": self.groep_op,
            "groepen": None if self.groep_op is None else [
                {"groep": k, "aantal": g["aantal"], "bedragen": {n: t.json() for n, t in g["totalen"].items()}}
                for k, g in sorted(self.groepen.items(), key=lambda kv: ("" if kv[0] is None else str(kv[0])))],
        }


def mooie_breedte(laagste: Decimal, hoogste: Decimal, max_klassen: int = MAX_KLASSEN) -> Decimal:
    """The smallest width 1, 2 or 5 × 10^k cents for which [laagste, hoogste] fits in at most `max_klassen` bins."""
    spreiding = hoogste - laagste
    macht = CENT
    while True:
        for m in _MOOI:
            breedte = macht * m
            if spreiding / breedte < max_klassen - 1 or spreiding == 0:
                return breedte
        macht *= 10


def verdeling(verschillen: Counter, breedte: Decimal | None = None) -> dict:
    """The differences in bins [van, tot) of equal width, from the bin of the lowest to that of the highest
    difference (empty bins included, so the table reads as a histogram)."""
    if not verschillen:
        return {"klassebreedte": None, "klassen": []}
    laagste, hoogste = min(verschillen), max(verschillen)
    breedte = breedte or mooie_breedte(laagste, hoogste)
    eerste = (laagste / breedte).to_integral_value(rounding=ROUND_FLOOR)
    laatste = (hoogste / breedte).to_integral_value(rounding=ROUND_FLOOR)
    if laatste - eerste > 1000:
        raise ValueError("te veel klassen")
    tellingen: Counter = Counter()
    for d, n in verschillen.items():
        tellingen[(d / breedte).to_integral_value(rounding=ROUND_FLOOR)] += n
    klassen = []
    k = eerste
    while k <= laatste:
        klassen.append({"van": as_str(k * breedte), "tot": as_str((k + 1) * breedte), "aantal": tellingen.get(k, 0)})
        k += 1
    return {"klassebreedte": as_str(breedte), "klassen": klassen}


MEMO = 200_000  # distinct cases whose outcome a Vergelijker keeps (~1 kB each)
_SLEUTEL_TYPES = (str, int, bool)


def _sleutel(ruw: dict):
    """A case's input (without its id and group) as a dict key, or None when it holds a list or an object (JSON
    Lines; those are computed every time). The type is part of the key, so 1 and true, "1" and 1, or the Decimals
    1.0 and 1 (equal as numbers, not as input: the schema checks the number of decimals) are different cases."""
    delen = []
    for k, v in ruw.items():
        t = type(v)
        if t in _SLEUTEL_TYPES:
            delen.append((k, t, v))
        elif v is None or t in (float, Decimal):
            delen.append((k, t, repr(v)))
        elif isinstance(v, str):  # soorten.getallen.OngeldigGetal: its text and its message
            delen.append((k, t, str(v), getattr(v, "bericht", None)))
        else:
            return None
    return tuple(delen)  # in the input's order: a different order is a different key (computed again, never wrong)


class Leesfout(str):
    """A line of a caseload file that could not be read, as its Dutch message (from `lees_gevallen`)."""


class Vergelijker:
    """Computes cases of one soort in situations A and B."""

    def __init__(self, soort_naam: str, a: Situatie, b: Situatie, groep_op: str | None = None,
                 klassebreedte: Decimal | None = None):
        laad_alle_soorten()
        self.soort = SOORTEN[soort_naam]
        self.a, self.b = a, b
        self.bedragen = kernbedragen(self.soort)
        self.groep_op = groep_op
        self.invoer_velden = set(self.soort.invoer_schema().fields)
        self.schema = schema_instantie(self.soort.invoer_schema)
        self.dump = snelle_dump(self.soort.resultaat_schema)
        self.samenvatting = Samenvatting(self.bedragen, groep_op, klassebreedte)
        # issue 17 part 3: each distinct case is computed once, {_sleutel(input): _reken_beide(input)}; the
        # rows share the (read-only) amount dicts. None with REKENHULP_SNEL=0: every case is computed.
        self._memo: dict | None = {} if snel.AAN else None
        self._eigen_datum = a.peildatum is None or b.peildatum is None
        # and per situation {gelijke_uitkomst key: its amounts}: cases whose outcome the rule proves equal except
        # for fields that are not among the amounts compared (calculator.loonkostensubsidie.gelijke_uitkomst: an
        # adult's birth date, a begindatum before the year) are computed once per situation
        self._gelijk = self.soort.gelijke_uitkomst if snel.AAN else None
        self._gelijk_memo: dict = {id(a): {}, id(b): {}}
        self._bedrag_velden = {n.split(".")[0] for n in self.bedragen}
        self._datumveld = self.soort.datumveld
        self._kl = None  # the row classes of a CSV (klassen_voor)
        self._laatste_invoer = None
        self.klasse_afwijkingen = 0

    def _kant(self, situatie: Situatie, ruw: dict):
        """{amount: Decimal} or raises Fout."""
        if situatie.peildatum is not None:
            ruw = self.soort.met_datum(ruw, situatie.peildatum)
        invoer = laad_invoer(self.soort, ruw)
        self._laatste_invoer = invoer
        gelijk = None if self._gelijk is None else self._gelijk(invoer)
        if gelijk is not None:
            sleutel, verschil = gelijk
            if verschil.keys() & self._bedrag_velden:
                gelijk = None  # a compared amount may differ between such cases: computed
            else:
                memo = self._gelijk_memo[id(situatie)]
                out = memo.get(sleutel)
                if out is not None:
                    return out
        out = self._kernbedragen(self.dump(reken(self.soort, invoer, params=situatie.params).resultaat))
        if gelijk is not None:
            if len(memo) >= MEMO:
                memo.clear()  # bounded memory
            memo[sleutel] = out
        return out

    def _kernbedragen(self, resultaat: dict) -> dict:
        """{amount: Decimal} of a dumped result (the amounts as the API writes them)."""
        out = {}
        for naam in self.bedragen:
            v = resultaat
            for deel in naam.split("."):
                v = v.get(deel) if isinstance(v, dict) else None
            out[naam] = NUL if v is None else Decimal(v)
        return out

    def rij(self, geval, regel: int | None = None) -> dict:
        """One case (a dict with `id`, the group column and the soort's input fields) -> its row; never raises.
        The row is also counted in the summary."""
        rij: dict = {"id": None, "fouten": []}
        if regel is not None:
            rij = {"regel": regel, **rij}
        if isinstance(geval, Leesfout):  # a line of a file that could not be read: its message
            rij.update(fouten=[{"situatie": None, "pad": "$", "bericht": str(geval)}], a=None, b=None, verschil=None)
            self.samenvatting.tel(rij)
            return self._openbaar(rij)
        if not isinstance(geval, dict):
            rij["fouten"] = [{"situatie": None, "pad": "$", "bericht": "Verwacht een JSON-object."}]
            self.samenvatting.tel(rij)
            return self._openbaar(rij)
        ruw = dict(geval)
        rij["id"] = ruw.pop("id", None)
        if self.groep_op is not None:
            groep = ruw.get(self.groep_op) if self.groep_op in self.invoer_velden else ruw.pop(self.groep_op, None)
            rij["groep"] = groep if groep is None or isinstance(groep, (str, int, bool)) else json.dumps(groep)
        sleutel = None
        if self._memo is not None:
            # with a peildatum in A and in B the case's own date is not used (met_datum replaces it): not in the key
            sleutel = _sleutel(ruw if self._eigen_datum else {k: v for k, v in ruw.items() if k != self._datumveld})
        deel = None if sleutel is None else self._memo.get(sleutel)
        if deel is None:
            deel = self._reken_beide(ruw)
            if sleutel is not None:
                if len(self._memo) >= MEMO:
                    self._memo.clear()  # bounded memory
                self._memo[sleutel] = deel
        return self._rij_af(rij, deel)

    def _reken_beide(self, ruw: dict) -> tuple:
        """(fouten, a, b, verschil, amounts in A, amounts in B) of one case: what its row holds besides the id,
        the line number and the group; the same for every case with the same input (`Vergelijker._memo`)."""
        fouten: list = []
        uitkomsten = {}
        for kant, situatie in (("a", self.a), ("b", self.b)):
            try:
                uitkomsten[kant] = self._kant(situatie, ruw)
            except Fout as exc:
                fouten += [{"situatie": kant, **f} for f in exc.fouten]
            except Exception as exc:  # an engine bug in one case must not stop the others
                fouten.append({"situatie": kant, "pad": "$",
                               "bericht": f"Interne fout bij het rekenen ({type(exc).__name__})."})
        a, b = ({n: as_str(w) for n, w in uitkomsten[kant].items()} if kant in uitkomsten else None
                for kant in ("a", "b"))
        if fouten:
            return fouten, a, b, None, None, None
        verschil = {n: as_str(uitkomsten["b"][n] - uitkomsten["a"][n]) for n in self.bedragen}
        return fouten, a, b, verschil, uitkomsten["a"], uitkomsten["b"]

    # --- rows in classes (issue 17 part 3) -----------------------------------------------------------------

    def klassen_voor(self, kolommen: list[str]) -> None:
        """Sort the CSV rows with these columns into the soort's row classes (Soort.klassen; only with
        REKENHULP_SNEL): per situation, rows of one class get the same amounts except in the holes, which the
        class fills in (soorten.schemas.loonkostensubsidie.LksKlassen, lks.Jaartotalen). The first row of a
        class is computed in full (`_kant`) and its amounts must equal the filled-in ones, else the class is
        computed in full (counted in `klasse_afwijkingen`). Not used when the group column is an input field
        (its value in the row is the converted one)."""
        self._kl = None
        self.klasse_afwijkingen = 0
        if not snel.AAN or self.soort.klassen is None or len(set(kolommen)) != len(kolommen) or (
                self.groep_op is not None and self.groep_op in self.invoer_velden):
            return
        idx = [(i, k) for i, k in enumerate(kolommen) if k in self.invoer_velden]
        kl = {id(s): self.soort.klassen(idx, s.peildatum, s.params) for s in (self.a, self.b)}
        if not all(k.bruikbaar for k in kl.values()):
            return
        self._kl = kl
        self._kl_sj: dict = {id(self.a): {}, id(self.b): {}}  # {class: (voorbeeld,), ("fout", fouten) or False}
        self._kl_vast: dict = {id(self.a): {}, id(self.b): {}}  # {fijn: {amount: Decimal}}
        self._kl_rij: dict = {}  # {(class A, fijn A, class B, fijn B): the row's part, as _reken_beide}
        self._kl_tekst: dict = {}  # {the same: the CSV text of the row after its id and group}
        self._kl_deel: dict = {}  # {the same: the part, for tel_uitstaand}
        self._kl_tel: Counter = Counter()  # {(the same, group): rows written and not yet counted}
        self._kl_eigen: dict = {}  # {class kind: no compared amount among its own holes}
        self._kl_n = len(kolommen)
        self._kl_id = kolommen.index("id") if "id" in kolommen else None
        self._kl_groep = kolommen.index(self.groep_op) if self.groep_op in kolommen else None

    def _klasse_bedragen(self, sid: int, kl, k, voorbeeld) -> dict:
        """{amount: Decimal} of the row `kl` last classed (class `k`), from the class's first row's input."""
        memo = self._kl_vast[sid]
        sleutel = kl.fijn  # (the amounts outside the own holes depend on fijn alone: LksKlassen)
        vast = memo.get(sleutel)
        if vast is None:
            vast = self._kernbedragen(self.dump(kl.resultaat(voorbeeld, k)))
            if len(memo) >= MEMO:
                memo.clear()
            memo[sleutel] = vast
        eigen = kl.eigen_velden(k)
        if not any(n in self.bedragen for n in eigen):
            return vast
        out = dict(vast)
        for naam, waarde in zip(eigen, kl.eigen(k, voorbeeld)):
            if naam in out:
                out[naam] = NUL if waarde is None else Decimal(as_str(waarde))
        return out

    def _klasse_kant(self, situatie: Situatie, kl, k, ruw):
        """{amount: Decimal} of one side of the row `kl` last classed, or raises Fout; None: not by class."""
        sid = id(situatie)
        sjablonen = self._kl_sj[sid]
        sj = sjablonen.get(k)
        if sj is None:  # the first row of the class: in full
            if len(sjablonen) >= MEMO:
                sjablonen.clear()
            self._laatste_invoer = None
            try:
                out = self._kant(situatie, ruw())
            except Fout as exc:
                sjablonen[k] = ("fout", exc.fouten) if k[0] == "fout" else False
                raise
            except Exception:
                sjablonen[k] = False
                raise
            voorbeeld = self._laatste_invoer
            if k[0] == "fout" or voorbeeld is None:
                sjablonen[k] = False
                return out
            if self._klasse_bedragen(sid, kl, k, voorbeeld) != out:
                self.klasse_afwijkingen += 1
                self._kl_vast[sid].pop(kl.fijn, None)
                sjablonen[k] = False
                return out
            sjablonen[k] = (voorbeeld,)
            return out
        if sj is False:
            return None
        if sj[0] == "fout":
            raise Fout(sj[1])
        return self._klasse_bedragen(sid, kl, k, sj[0])

    def indeling(self, cellen: list):
        """(class in A, class in B, the key of the row's part) of a CSV row, or None: it has no class on a side.
        The classes keep the row's values (LksKlassen.geval, fijn) until the next row is classed."""
        if self._kl is None or len(cellen) != self._kl_n:
            return None
        kl_a, kl_b = self._kl[id(self.a)], self._kl[id(self.b)]
        k_a = kl_a.klasse(cellen)
        if k_a is None:
            return None
        k_b = kl_b.klasse(cellen)
        if k_b is None:
            return None
        return k_a, k_b, (k_a, None if k_a[0] == "fout" else kl_a.fijn, k_b, None if k_b[0] == "fout" else kl_b.fijn)

    def _reken_beide_klasse(self, indeling: tuple, ruw) -> tuple | None:
        """_reken_beide of a CSV row by its classes, or None (then in full). When neither side has a compared
        amount among its own holes (adults), the row's part is kept per (class and fijn of A and of B)."""
        kl_a, kl_b = self._kl[id(self.a)], self._kl[id(self.b)]
        k_a, k_b, sleutel = indeling
        sj_a, sj_b = self._kl_sj[id(self.a)].get(k_a), self._kl_sj[id(self.b)].get(k_b)
        if not (sj_a and sj_b and self._zonder_eigen(kl_a, k_a) and self._zonder_eigen(kl_b, k_b)):
            sleutel = None
        else:
            deel = self._kl_rij.get(sleutel)
            if deel is not None:
                return deel
        delen = {}
        fouten: list = []
        for kant, situatie, kl, k in (("a", self.a, kl_a, k_a), ("b", self.b, kl_b, k_b)):
            try:
                uit = self._klasse_kant(situatie, kl, k, ruw)
            except Fout as exc:
                fouten += [{"situatie": kant, **f} for f in exc.fouten]
                continue
            except Exception:
                return None
            if uit is None:
                return None
            delen[kant] = uit
        a, b = ({n: as_str(w) for n, w in delen[kant].items()} if kant in delen else None for kant in ("a", "b"))
        if fouten:
            deel = fouten, a, b, None, None, None
        else:
            verschil = {n: as_str(delen["b"][n] - delen["a"][n]) for n in self.bedragen}
            deel = fouten, a, b, verschil, delen["a"], delen["b"]
        if sleutel is not None:
            if len(self._kl_rij) >= MEMO:
                self._kl_rij.clear()
            self._kl_rij[sleutel] = deel  # read-only: rij copies the fouten
        return deel

    def _zonder_eigen(self, kl, k) -> bool:
        eigen = self._kl_eigen.get(k[0])
        if eigen is None:
            eigen = self._kl_eigen[k[0]] = not any(n in self.bedragen for n in kl.eigen_velden(k))
        return eigen

    def csv_tekst_uit_cellen(self, cellen: list, regel: int, schrijver_nodig, indeling) -> str | None:
        """The output CSV line of a row whose part is kept (`_kl_rij`, adults on both sides), or None (then
        `rij_uit_cellen` and csv_rij). The row is counted in the summary when `tel_uitstaand` runs (per kept part
        and group: n rows at once, exact). The text after the id (and group) is kept per part, written once by
        csv.writer; the id and group cells go as they are when csv.writer would neither quote nor neutralise them
        (`schrijver_nodig`, as batch._schrijver_nodig). `indeling`: of this row, from `indeling`."""
        sleutel = indeling[2]
        staart = self._kl_tekst.get(sleutel)
        if staart is None:
            deel = self._kl_rij.get(sleutel)
            if deel is None:
                return None
            buf = io.StringIO()
            schijn = {"regel": "", "id": "", "groep": None, "fouten": deel[0], "a": deel[1], "b": deel[2],
                      "verschil": deel[3]}
            csv.writer(buf, lineterminator="\r\n").writerow(["x", *csv_rij(schijn, self.bedragen, self.groep_op)[
                2 + (self.groep_op is not None):]])
            if len(self._kl_tekst) >= MEMO:
                self.tel_uitstaand()
                self._kl_tekst.clear()
                self._kl_deel.clear()
            staart = self._kl_tekst[sleutel] = buf.getvalue()[1:]
            self._kl_deel[sleutel] = deel
        voor = [str(regel), "" if self._kl_id is None else cellen[self._kl_id]]
        groep = None
        if self.groep_op is not None:
            groep = None if self._kl_groep is None else cellen[self._kl_groep]
            voor.append("" if groep is None else groep)
        tekst = ",".join(voor)
        if tekst.count(",") != len(voor) - 1 or schrijver_nodig(tekst) or voor[1][:1] in FORMULE_BEGIN:
            return None
        self._kl_tel[(sleutel, groep)] += 1
        return tekst + staart

    def tel_uitstaand(self) -> None:
        """Count the rows `csv_tekst_uit_cellen` wrote in the summary."""
        for (sleutel, groep), n in self._kl_tel.items():
            fouten, _, _, _, uit_a, uit_b = self._kl_deel[sleutel]
            self.samenvatting.tel({"fouten": fouten, "_a": uit_a, "_b": uit_b, "groep": groep}, n)
        self._kl_tel.clear()

    def rij_uit_cellen(self, kop, cellen: list, regel: int, omzetter, indeling=False) -> dict:
        """`rij` of a CSV row given as its cells (kop: CsvKop): by its classes when `klassen_voor` was called
        for these columns and the row has a class on both sides, else converted and computed in full.
        `indeling`: the row's `indeling` when the caller has it already (False: not yet)."""
        if indeling is False:
            indeling = self.indeling(cellen)
        if indeling is None:
            return self.rij(geval_uit_cellen(kop, cellen, omzetter), regel)
        geval = None

        def ruw():
            nonlocal geval
            geval = geval_uit_cellen(kop, cellen, omzetter)
            if isinstance(geval, Leesfout):
                raise RuntimeError("a row that cannot be read is not computed by class")  # -> in full
            r = dict(geval)
            r.pop("id", None)
            if self.groep_op is not None:
                r.pop(self.groep_op, None)
            return r

        deel = self._reken_beide_klasse(indeling, ruw)
        if deel is None:
            return self.rij(geval_uit_cellen(kop, cellen, omzetter), regel)
        rij: dict = {"regel": regel, "id": None if self._kl_id is None else cellen[self._kl_id], "fouten": []}
        if self.groep_op is not None:
            rij["groep"] = None if self._kl_groep is None else cellen[self._kl_groep]
        return self._rij_af(rij, deel)

    def _rij_af(self, rij: dict, deel: tuple) -> dict:
        """The row with its part (`_reken_beide`), counted in the summary, without its private amounts."""
        fouten, rij["a"], rij["b"], rij["verschil"], uit_a, uit_b = deel
        if fouten:
            rij["fouten"] = [dict(f) for f in fouten]
        else:
            rij["_a"], rij["_b"] = uit_a, uit_b
        self.samenvatting.tel(rij)
        return self._openbaar(rij)

    @staticmethod
    def _openbaar(rij: dict) -> dict:
        rij.pop("_a", None)
        rij.pop("_b", None)
        return rij

    def kop(self) -> dict:
        return {"soort": self.soort.naam, "a": self.a.beschrijving(), "b": self.b.beschrijving(),
                "bedragen": list(self.bedragen), "engine_versie": calculator.__version__,
                "parameters_vingerafdruk": self.a.params.fingerprint}


# --- files (rekenhulp vergelijk, web page) -----------------------------------------------------------------


def csv_kolommen(bedragen, groep_op: str | None) -> list[str]:
    kol = ["regel", "id"] + ([groep_op] if groep_op else [])
    for n in bedragen:
        kol += [f"a.{n}", f"b.{n}", f"verschil.{n}"]
    return kol + ["fouten"]


def csv_rij(rij: dict, bedragen, groep_op: str | None) -> list[str]:
    cellen = [str(rij.get("regel") or ""), "" if rij["id"] is None else str(rij["id"])]
    if groep_op:
        cellen.append("" if rij.get("groep") is None else str(rij["groep"]))
    a, b, verschil = rij.get("a") or {}, rij.get("b") or {}, rij.get("verschil") or {}
    for n in bedragen:
        cellen += (a.get(n, ""), b.get(n, ""), verschil.get(n, ""))
    cellen.append("; ".join(f"{f['situatie'] or ''}{':' if f['situatie'] else ''}{f['pad']}: {f['bericht']}"
                            for f in rij["fouten"]))
    return ["'" + c if c and c[0] in FORMULE_BEGIN else c for c in cellen]  # batch.neutraliseer, inline


def samenvatting_csv(samenvatting: dict, bedragen) -> str:
    """The summary as CSV (one table per part, separated by an empty line), for a spreadsheet."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["bedrag", "totaal_a", "totaal_b", "verschil", "stijgt", "daalt", "gelijk"])
    for n in bedragen:
        t = samenvatting["bedragen"][n]
        w.writerow([n, t["totaal_a"], t["totaal_b"], t["verschil"], t["stijgt"], t["daalt"], t["gelijk"]])
    w.writerow([])
    w.writerow([f"verschil {samenvatting['verdeling']['bedrag']} van", "tot", "aantal"])
    for k in samenvatting["verdeling"]["klassen"]:
        w.writerow([k["van"], k["tot"], k["aantal"]])
    if samenvatting.get("groepen"):
        w.writerow([])
        w.writerow([samenvatting["groep_op"], "aantal"] + [f"{n} {x}" for n in bedragen for x in ("totaal_a", "totaal_b", "verschil")])
        for g in samenvatting["groepen"]:
            w.writerow(["" if g["groep"] is None else g["groep"], g["aantal"]]
                       + [g["bedragen"][n][x] for n in bedragen for x in ("totaal_a", "totaal_b", "verschil")])
    return buf.getvalue()


@dataclass
class CsvKop:
    """What turns the cells of a caseload CSV row into a case (`geval_uit_cellen`): the checked header and the
    soort's fields. Picklable, so a worker process converts its own rows (`vergelijk_blok`)."""

    kop: list
    velden: dict  # input field -> kind of cell (batch.verwerking.veldsoorten)
    platte: dict  # plain column -> (list or object, element number, field, kind) (batch.verwerking.platte_kolommen)
    groep_op: str | None


def lees_ruw(f, soort, groep_op: str | None, formaat: str) -> tuple[_Lezer, CsvKop | None, object]:
    """An open CSV or JSON Lines caseload file as (its line reader, the checked header (None for JSON Lines), an
    iterator of (line number, raw row)): a CSV row as its list of cells, a JSON Lines line as its text (blank lines
    left out). Nothing is converted here (`geval_uit_cellen`, `geval_uit_lijn`), so the reading process only
    reads. A CSV header that cannot be used raises BatchFout before the first row."""
    lezer = _Lezer(f)
    if formaat == "jsonl":
        def lijnen():
            for lijn in lezer:
                if lijn.strip():
                    yield lezer.regel, lijn
        return lezer, None, lijnen()
    _, kop, rijen = csv_lezen(lezer)
    return lezer, kop_van(kop, soort, groep_op), rijen


def kop_van(kop: list[str], soort, groep_op: str | None) -> CsvKop:
    """A caseload CSV's header checked (BatchFout names what is wrong)."""
    velden = veldsoorten(soort.invoer_schema)
    platte = platte_kolommen(soort.invoer_schema)  # medebewoner_1_leeftijd, ... as in the batch template
    if len(kop) > MAX_KOLOMMEN:
        raise BatchFout(f"De kopregel heeft {len(kop)} kolommen; ten hoogste {MAX_KOLOMMEN}.")
    onbekend = [k for k in kop if k not in velden and k not in platte and k not in ("id", groep_op)]
    if onbekend:
        raise BatchFout(f"Kopregel: onbekende kolom(men): {', '.join(onbekend[:10])}. Toegestane kolommen voor "
                        f"{soort.naam}: id, {', '.join(velden)}" + (f" en de groepkolom {groep_op}" if groep_op else "")
                        + ".")
    if groep_op and groep_op not in kop:
        raise BatchFout(f"De kolom '{groep_op}' (groeperen op) staat niet in de kopregel.")
    return CsvKop(kop, velden, platte, groep_op)


def geval_uit_lijn(lijn: str):
    """A JSON Lines line -> the case (a dict, or whatever JSON value the line holds) or a Leesfout."""
    try:
        obj = json.loads(lijn)
    except (ValueError, RecursionError):
        return Leesfout("Geen geldige JSON op deze regel.")
    if isinstance(obj, dict) and set(obj) - {"id"} == {"invoer"} and isinstance(obj["invoer"], dict):
        obj = {"id": obj.get("id"), **obj["invoer"]}
    return obj


def geval_uit_cellen(kop: CsvKop, cellen: list, cel_naar_json):
    """A CSV row's cells -> the case dict or a Leesfout, with the cell conversion of `rekenhulp batch`
    (`cel_naar_json`: batch.verwerking.cel_omzetter() of the process that converts)."""
    if len(cellen) > len(kop.kop):
        return Leesfout(f"{len(cellen)} waarden, maar de kopregel heeft {len(kop.kop)} kolommen.")
    velden, platte, groep_op = kop.velden, kop.platte, kop.groep_op
    geval, lijsten = {}, {}
    try:
        for k, c in zip(kop.kop, cellen):
            if k == "id" or (k == groep_op and k not in velden):
                geval[k] = c
            elif c and not c.isspace():
                if k in platte:
                    lijst, n, sub, aard = platte[k]
                    lijsten.setdefault(lijst, {}).setdefault(n, {})[sub] = cel_naar_json(c, aard, k)
                else:
                    geval[k] = cel_naar_json(c, velden[k], k)
        for lijst, elementen in lijsten.items():
            geval[lijst] = _platte_lijst(lijst, elementen, geval)
    except _CelFout as exc:
        return Leesfout(f"$.{exc.veld}: {exc.bericht}")
    return geval


def omgezet(kop: CsvKop | None, rijen, cel_naar_json=None):
    """(line number, case or Leesfout) for (line number, raw row) pairs of `lees_ruw` (kop None: JSON Lines)."""
    if kop is None:
        for regel, lijn in rijen:
            yield regel, geval_uit_lijn(lijn)
        return
    cel_naar_json = cel_naar_json or cel_omzetter()
    for regel, cellen in rijen:
        yield regel, geval_uit_cellen(kop, cellen, cel_naar_json)


def lees_gevallen(f, soort, groep_op: str | None, formaat: str):
    """(line number, case dict) from an open CSV or JSON Lines file, read as `rekenhulp batch` reads it (the same
    cell conversion and the same limits); a CSV may have the group column besides the input columns. A line
    that cannot be read gives (line number, error text)."""
    _, kop, rijen = lees_ruw(f, soort, groep_op, formaat)
    yield from omgezet(kop, rijen)


def vergelijk_rijen(vergelijker: Vergelijker, gevallen):
    """Rows for (line number, case or error text) pairs."""
    for regel, geval in gevallen:
        yield vergelijker.rij(geval, regel)


# --- in blocks, in worker processes (rekenhulp vergelijk, issue 17 part 3) ---------------------------------

BLOK = 5000  # rows per block sent to a worker (benchmarks/README.md: "Vergelijking in processen")

_WERK: tuple | None = None  # (Vergelijker, CsvKop or None, cell converter, output format) of this process


def init_vergelijk_worker(soort_naam: str, a: Situatie, b: Situatie, groep_op: str | None,
                          klassebreedte: Decimal | None, kop: CsvKop | None, formaat_uit: str) -> None:
    """Prepare a process for `vergelijk_blok`: its own Vergelijker (own memo) and cell converter."""
    global _WERK
    if mp.parent_process() is not None:  # a worker: Ctrl-C is for the main process, which ends the pool
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    v = Vergelijker(soort_naam, a, b, groep_op, klassebreedte)
    if kop is not None:
        v.klassen_voor(kop.kop)  # LKS rows by their classes (only with REKENHULP_SNEL)
    _WERK = (v, kop, None if kop is None else cel_omzetter(), formaat_uit)


def vergelijk_blok(blok: tuple) -> tuple[str, Samenvatting]:
    """A block of `_in_blokken` (line numbers, raw rows) -> (the block's output rows as CSV (the columns of
    `csv_kolommen`, CRLF) or JSON Lines text, the block's summary), computed by this process's Vergelijker."""
    v, kop, omzetter, formaat_uit = _WERK
    deel = v.samenvatting = v.samenvatting.leeg()
    regels, ruwe = blok
    if kop is None:
        rijen = (v.rij(geval_uit_lijn(r), regel) for regel, r in zip(regels, ruwe))
    else:
        rijen = (v.rij_uit_cellen(kop, r.split(SCHEIDING) if type(r) is str else r, regel, omzetter)
                 for regel, r in zip(regels, ruwe))
    buf = io.StringIO()
    if formaat_uit == "csv" and kop is not None and v._kl is not None:
        # LKS rows by their classes: a row whose part is kept is written as text and counted per part
        schrijf, bedragen, groep_op = csv.writer(buf, lineterminator="\r\n").writerow, v.bedragen, v.groep_op
        tekst_van, nodig = v.csv_tekst_uit_cellen, _schrijver_nodig(",")
        for regel, r in zip(regels, ruwe):
            cellen = r.split(SCHEIDING) if type(r) is str else r
            indeling = v.indeling(cellen)
            tekst = None if indeling is None else tekst_van(cellen, regel, nodig, indeling)
            if tekst is not None:
                buf.write(tekst)
            else:
                schrijf(csv_rij(v.rij_uit_cellen(kop, cellen, regel, omzetter, indeling), bedragen, groep_op))
        v.tel_uitstaand()
    elif formaat_uit == "csv":
        schrijf, bedragen, groep_op = csv.writer(buf, lineterminator="\r\n").writerow, v.bedragen, v.groep_op
        for rij in rijen:
            schrijf(csv_rij(rij, bedragen, groep_op))
    else:
        schrijf = buf.write
        for rij in rijen:
            schrijf(json.dumps(rij, ensure_ascii=False) + "\n")
    return buf.getvalue(), deel


SCHEIDING = "\x00"


def _in_blokken(rijen, grootte: int, csv_cellen: bool):
    """Blocks of `grootte` (line number, raw row) pairs as (line numbers, raw rows). A CSV row's cells travel as
    one text joined by NUL (a pickled text costs a fraction of a pickled list of texts, in the reading process and
    the worker), unless a cell holds a NUL itself (the csv module reads one): then as the list."""
    rijen = iter(rijen)
    while True:
        regels, ruwe = [], []
        for regel, r in islice(rijen, grootte):
            regels.append(regel)
            if csv_cellen:
                tekst = SCHEIDING.join(r)
                if tekst.count(SCHEIDING) == len(r) - 1:
                    r = tekst
            ruwe.append(r)
        if not regels:
            return
        yield regels, ruwe


def vergelijk_in_blokken(v: Vergelijker, f, formaat_in: str, formaat_uit: str, processen: int,
                         blok: int | None = None):
    """The rows of an open caseload file as output text, block by block in input order: (text, position in the
    file in bytes) per block. The main process only reads (raw cells or lines, `lees_ruw`), sends blocks to
    `processen` worker processes (1: in this process) and adds each block's summary to `v.samenvatting`; the
    workers convert, compute and write. A bad header raises BatchFout at the first step. With REKENHULP_SNEL a
    CSV file is read in chunks that the workers split (`_vergelijk_in_stukken`)."""
    if formaat_in == "csv" and snel.AAN and isinstance(getattr(f, "name", None), str) and os.path.isfile(f.name):
        yield from _vergelijk_in_stukken(v, f, formaat_uit, processen, blok)
        return
    yield from _vergelijk_regels(v, f, formaat_in, formaat_uit, processen, blok)


def _vergelijk_regels(v: Vergelijker, f, formaat_in: str, formaat_uit: str, processen: int, blok: int | None):
    """vergelijk_in_blokken with the line reader."""
    lezer, kop, rijen = lees_ruw(f, v.soort, v.groep_op, formaat_in)
    init = (v.soort.naam, v.a, v.b, v.groep_op, v.samenvatting.klassebreedte, kop, formaat_uit)
    blokken = _in_blokken(rijen, blok or BLOK, kop is not None)
    with closing(_geordend(blokken, vergelijk_blok, processen, init, init_vergelijk_worker)) as delen:
        for tekst, deel in delen:
            v.samenvatting.voeg_samen(deel)
            yield tekst, lezer.positie()


def vergelijk_stuk(werk: tuple) -> tuple[str, Samenvatting] | int:
    """A worker's job in the chunked reading: (text of whole lines, its first line number, separator) ->
    `vergelijk_blok` of its rows, or the first line number when only the line reader can read the chunk."""
    tekst, regel, scheiding = werk
    rijen = _stuk_rijen(tekst, regel, scheiding)
    if rijen is None:
        return regel
    return vergelijk_blok(([r for r, _ in rijen], [c for _, c in rijen]))


def _vergelijk_in_stukken(v: Vergelijker, f, formaat_uit: str, processen: int, blok: int | None):
    """vergelijk_in_blokken for a CSV read as `rekenhulp batch` reads it (batch.verwerking, "Lezen in blokken"):
    the main process reads raw chunks of whole lines, the workers split them into the rows csv_lezen gives. Where
    a chunk cannot be used, the line reader (on `f`, unread) takes over from that chunk's first line, so every
    message is the line reader's; when the first chunk or the header cannot be used, the whole file."""
    with open(f.name, "rb") as b:
        stukken = _ruwe_stukken(b)
        tekst, einde, scheiding, kop = eerste_stuk(stukken)
        if kop is None:
            yield from _vergelijk_regels(v, f, "csv", formaat_uit, processen, blok)
            return
        try:
            csv_kop = kop_van(kop, v.soort, v.groep_op)
        except BatchFout:  # the line reader gives its own message (perhaps about a byte that is not UTF-8)
            yield from _vergelijk_regels(v, f, "csv", formaat_uit, processen, blok)
            return
        init = (v.soort.naam, v.a, v.b, v.groep_op, v.samenvatting.klassebreedte, csv_kop, formaat_uit)
        stand = {"vanaf": None}
        werk = ((t, regel, scheiding) for t, regel in stukken_na_de_kop(tekst, einde, stukken, stand))
        with closing(_geordend(werk, vergelijk_stuk, processen, init, init_vergelijk_worker)) as delen:
            for uitkomst in delen:
                if type(uitkomst) is int:  # a chunk a worker could not split
                    stand["vanaf"] = uitkomst
                    break
                tekst_uit, deel = uitkomst
                v.samenvatting.voeg_samen(deel)
                yield tekst_uit, b.tell()
    if stand["vanaf"] is not None:
        lezer = _Lezer(f)
        blokken = _in_blokken(_csv_vanaf(lezer, scheiding, stand["vanaf"]), blok or BLOK, True)
        with closing(_geordend(blokken, vergelijk_blok, processen, init, init_vergelijk_worker)) as delen:
            for tekst_uit, deel in delen:
                v.samenvatting.voeg_samen(deel)
                yield tekst_uit, lezer.positie()


__all__ = ["Situatie", "Vergelijker", "Leesfout", "Samenvatting", "KERNBEDRAGEN", "verdeling", "mooie_breedte", "lees_gevallen",
           "vergelijk_rijen", "csv_kolommen", "csv_rij", "samenvatting_csv", "lees_ruw", "geval_uit_cellen",
           "geval_uit_lijn", "vergelijk_in_blokken", "vergelijk_blok", "init_vergelijk_worker", "CsvKop"]

"""`rekenhulp vergelijk` in blocks in worker processes (issue 17 part 3): the output file, the summary (JSON and
CSV) and the printed summary are byte for byte the same with `--processen 1` (blocks in this process),
`--processen 2` (blocks in two forked workers, each with its own Vergelijker, merged with `Samenvatting.voeg_samen`)
and REKENHULP_SNEL=0 (the one-process path row by row, in a subprocess: the switch is read at import).

The caseloads are benchmarks.caseload's generated LKS caseloads (~2 % invalid rows), with a group column `wijk`,
plus a row with more cells than the header, a row with a NUL in a cell and (JSON Lines) a line that is not JSON
and a blank line; as a "," and a ";" CSV and as JSON Lines; A and B two peildata, or one peildatum with a scenario
in B.

The merge test computes the cases L1, L2, L3 and L5 of tests/test_bestandsvergelijking.py in two blocks; their
amounts are written out there from the Participatiewet art. 10d (texts geldig vanaf 2025-07-01 and 2026-01-01) and
Wml art. 8 and 15: L1 841,65 -> 881,05, L2 1 499,20 -> 1 569,37, L3 0,00 -> 0,00, L5 not computable.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

import batch.bestandsvergelijking as bv
from batch.bestandsvergelijking import Samenvatting, Situatie, Vergelijker
from benchmarks.caseload import maak_invoer
from rekenhulp.cli import main

ROOT = Path(__file__).resolve().parent.parent
WIJKEN = ["Noord", "Zuid", "Oost", "West", ""]
SCENARIO = "naam: WML 2400\nparameters:\n  wml.maandloon:\n    - vanaf: 2026-01-01\n      waarde: 2400.00\n"


def _caseload(tmp_path: Path, rijen: int = 3000) -> tuple[list[str], list[list[str]]]:
    bron = tmp_path / "bron.csv"
    maak_invoer(bron, rijen, "caseload")
    with open(bron, encoding="utf-8", newline="") as f:
        kop, *data = list(csv.reader(f))
    kop = kop[:1] + ["wijk"] + kop[1:]
    data = [r[:1] + [WIJKEN[i % len(WIJKEN)]] + r[1:] for i, r in enumerate(data)]
    data.insert(100, data[100] + ["een cel te veel"])  # more values than the header: a read error on its line
    data[200][0] = "zaak\x00nul"  # a NUL in a cell (the csv module reads it): sent to the worker as a list
    return kop, data


def _schrijf_csv(pad: Path, kop, data, scheiding: str) -> None:
    with open(pad, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=scheiding)
        w.writerow(kop)
        w.writerows(data)


def _schrijf_jsonl(pad: Path, kop, data) -> None:
    with open(pad, "w", encoding="utf-8", newline="") as f:
        for i, r in enumerate(data):
            obj = {k: v for k, v in zip(kop, r) if v != ""}
            for k in ("leeftijd", "loonwaarde"):
                if k in obj and obj[k].isdigit():
                    obj[k] = int(obj[k])
            if "uren_per_week" in obj:
                obj["uren_per_week"] = obj["uren_per_week"].replace(",", ".")
            if obj.get("forfaitair") == "ja":
                obj["forfaitair"] = True
            if i % 1000 == 7:
                obj = {"id": obj.pop("id"), "invoer": obj}  # the batch's wrapped form
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            if i == 50:
                f.write("geen json\n\n")


def _draai(tmp_path: Path, naam: str, invoer: Path, uit_ext: str, sv_ext: str, extra: list[str],
           processen: int | None) -> tuple[bytes, bytes, str]:
    """(output file, summary file, stdout) of one run; processen None: REKENHULP_SNEL=0 in a subprocess."""
    uit, sv = tmp_path / f"{naam}.{uit_ext}", tmp_path / f"{naam}-samenvatting.{sv_ext}"
    args = ["vergelijk", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie", "--samenvatting", str(sv),
            *extra]
    if processen is None:
        env = {**os.environ, "REKENHULP_SNEL": "0"}
        r = subprocess.run([sys.executable, "-m", "rekenhulp.cli", *args], env=env, cwd=ROOT, capture_output=True,
                           text=True, timeout=600)
        assert r.returncode == 0, r.stderr
        stdout = r.stdout
    else:
        r = CliRunner().invoke(main, [*args, "--processen", str(processen)])
        assert r.exit_code == 0, r.output
        stdout = r.stdout
    return uit.read_bytes(), sv.read_bytes(), stdout


GEVALLEN = {
    # name: (input kind, output extension, summary extension, options)
    "komma-csv": ("csv,", "csv", "json", ["--a", "2025-07-01", "--b", "2026-07-01", "--groep-op", "wijk"]),
    "puntkomma-csv": ("csv;", "jsonl", "csv", ["--a", "2025-07-01", "--b", "2026-07-01", "--groep-op", "wijk",
                                               "--klassebreedte", "25"]),
    "jsonl": ("jsonl", "csv", "csv", ["--a", "2025-07-01", "--b", "2026-07-01", "--groep-op", "wijk"]),
    "scenario-b": ("csv,", "csv", "json", ["--a", "2026-07-01", "--b", "2026-07-01", "--scenario-b", "SCENARIO",
                                         "--groep-op", "wijk"]),
}


@pytest.mark.parametrize("geval", list(GEVALLEN))
def test_processen_en_snel_uit_geven_dezelfde_bytes(tmp_path, monkeypatch, geval):
    soort, uit_ext, sv_ext, extra = GEVALLEN[geval]
    kop, data = _caseload(tmp_path)
    if soort == "jsonl":
        invoer = tmp_path / "in.jsonl"
        _schrijf_jsonl(invoer, kop, data)
    else:
        invoer = tmp_path / "in.csv"
        _schrijf_csv(invoer, kop, data, soort[-1])
    scenario = tmp_path / "wml.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    extra = [str(scenario) if x == "SCENARIO" else x for x in extra]
    monkeypatch.setattr(bv, "BLOK", 400)  # 3 000 rows: 8 blocks, so both workers get several
    een = _draai(tmp_path, "p1", invoer, uit_ext, sv_ext, extra, 1)
    twee = _draai(tmp_path, "p2", invoer, uit_ext, sv_ext, extra, 2)
    oud = _draai(tmp_path, "snel0", invoer, uit_ext, sv_ext, extra, None)
    assert een[0] == oud[0] and twee[0] == oud[0]
    assert een[1] == oud[1] and twee[1] == oud[1]
    assert een[2] == oud[2] and twee[2] == oud[2]
    # what is compared is not trivial: every line has its row, with errors and the group column among them
    regels = oud[0].decode("utf-8").splitlines()
    assert len(regels) == len(data) + (1 if uit_ext == "csv" else 0) + (1 if soort == "jsonl" else 0)
    tekst = oud[0].decode("utf-8")
    assert "Geen geldige JSON op deze regel." in tekst if soort == "jsonl" else "kopregel heeft" in tekst
    if sv_ext == "json":
        sv = json.loads(oud[1])["samenvatting"]
        assert sv["met_fouten"] > 30 and sv["vergeleken"] > 2800
        assert sv["verdeling"]["klassen"]
    if "--groep-op" in extra:
        assert b"Noord" in oud[1] and "Per wijk" in oud[2]


def test_een_slechte_kopregel_en_geen_half_uitvoerbestand(tmp_path):
    invoer = tmp_path / "in.csv"
    invoer.write_text("id,leeftijd,schoenmaat\n1,30,44\n", encoding="utf-8")
    uit = tmp_path / "u.csv"
    r = CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie",
                                  "--processen", "2"])
    assert r.exit_code == 1
    assert "Kopregel: onbekende kolom(men): schoenmaat." in r.output
    assert list(tmp_path.iterdir()) == [invoer]


LKS = {
    "L1": {"id": "L1", "wijk": "Noord", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60},
    "L2": {"id": "L2", "wijk": "Zuid", "leeftijd": 30, "uren_per_week": 40, "loonwaarde": 40},
    "L3": {"id": "L3", "wijk": "Noord", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 100},
    "L5": {"id": "L5", "wijk": "Noord", "leeftijd": 30, "uren_per_week": 0, "loonwaarde": 60},
}


def _vergelijker():
    return Vergelijker("loonkostensubsidie", Situatie(date(2025, 7, 1)), Situatie(date(2026, 7, 1)), "wijk")


def test_samenvatting_voeg_samen_twee_blokken():
    """Block 1: L1 and L2 (one Vergelijker), block 2: L3 and L5 (another), merged into an empty summary.
    Totals of loonkostensubsidie: A 841,65 + 1 499,20 + 0,00 = 2 340,85; B 881,05 + 1 569,37 + 0,00 = 2 450,42;
    verschil 109,57 (= 39,40 + 70,17 + 0,00). L1 and L2 rise, L3 stays the same; L5 is counted as a case with
    errors only. Per wijk: Noord L1 + L3: 841,65 -> 881,05; Zuid L2: 1 499,20 -> 1 569,37. The distribution of
    the differences 0,00, 39,40 and 70,17: a spread of 70,17 fits in bins of 10,00 (7,0 bins, fewer than 12 - 1)."""
    blok1, blok2 = _vergelijker(), _vergelijker()
    for g in ("L1", "L2"):
        blok1.rij(LKS[g])
    for g in ("L3", "L5"):
        blok2.rij(LKS[g])
    samen = blok1.samenvatting.leeg()
    samen.voeg_samen(blok1.samenvatting)
    samen.voeg_samen(blok2.samenvatting)
    sv = samen.json()
    assert (sv["aantal"], sv["vergeleken"], sv["met_fouten"]) == (4, 3, 1)
    assert sv["bedragen"]["loonkostensubsidie"] == {"totaal_a": "2340.85", "totaal_b": "2450.42", "verschil": "109.57",
                                                    "stijgt": 2, "daalt": 0, "gelijk": 1}
    assert samen.verschillen == Counter({D("39.40"): 1, D("70.17"): 1, D("0.00"): 1})
    v = sv["verdeling"]
    assert v["klassebreedte"] == "10.00"
    assert [(k["van"], k["aantal"]) for k in v["klassen"]] == [
        ("0.00", 1), ("10.00", 0), ("20.00", 0), ("30.00", 1), ("40.00", 0), ("50.00", 0), ("60.00", 0), ("70.00", 1)]
    groepen = {g["groep"]: (g["aantal"], g["bedragen"]["loonkostensubsidie"]) for g in sv["groepen"]}
    assert groepen == {
        "Noord": (2, {"totaal_a": "841.65", "totaal_b": "881.05", "verschil": "39.40", "stijgt": 1, "daalt": 0,
                      "gelijk": 1}),
        "Zuid": (1, {"totaal_a": "1499.20", "totaal_b": "1569.37", "verschil": "70.17", "stijgt": 1, "daalt": 0,
                     "gelijk": 0}),
    }
    # and the same summary as one Vergelijker counting the four cases in one go
    een = _vergelijker()
    for g in ("L1", "L2", "L3", "L5"):
        een.rij(LKS[g])
    assert een.samenvatting.json() == sv
    # merging an empty summary changes nothing
    samen.voeg_samen(Samenvatting(samen.bedragen, "wijk"))
    assert samen.json() == sv


def test_blokken_met_nul_in_een_cel():
    """A CSV row travels as one NUL-joined text, unless a cell holds a NUL: then as its list of cells."""
    blokken = list(bv._in_blokken([(2, ["a", ""]), (3, ["b\x00c", "d"]), (5, ["e"])], 2, True))
    assert blokken == [([2, 3], ["a\x00", ["b\x00c", "d"]]), ([5], ["e"])]
    assert "a\x00".split(bv.SCHEIDING) == ["a", ""]


def _gc_stand(_):
    import gc

    return gc.get_threshold(), gc.get_freeze_count() > 0


def test_werkers_met_rustiger_gc():
    """The worker processes of batch and comparison (batch.verwerking._geordend) run the cyclic collector at
    WERKER_GC's thresholds, with what their initializer loaded frozen; the calling process keeps its own."""
    import gc

    from batch import verwerking

    eigen = gc.get_threshold()
    uit = list(verwerking._geordend(iter([1, 2, 3, 4]), _gc_stand, 2, ("loonkostensubsidie", None)))
    assert uit == [(verwerking.WERKER_GC, True)] * 4
    assert gc.get_threshold() == eigen

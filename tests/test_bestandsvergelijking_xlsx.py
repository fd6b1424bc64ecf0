"""The caseload comparison with Excel files (issue 17; the Excel batch of issue 18 is batch/xlsx.py):
`rekenhulp vergelijk IN.xlsx -o UIT.xlsx`, and .xlsx in or out with CSV on the other side.

The caseload and every amount are those of tests/test_bestandsvergelijking.py, where the arithmetic is written out
(Participatiewet art. 10d lid 4 and 7, art. 2: the WML per maand of 1 January; A peildatum 2025-07-01, B 2026-07-01):
L1 841,65 -> 881,05 (+39,40), L2 1 499,20 -> 1 569,37 (+70,17), L3 0,00 -> 0,00, L4 1 104,67 -> 1 156,38 (+51,71),
L5 (uren_per_week 0) an error in A and B. Totals A 3 445,52, B 3 606,80, verschil 161,28; 3 up, 0 down, 1 the same.
Per wijk: Noord (L1, L3) 841,65 -> 881,05 (+39,40); Zuid (L2, L4) 2 603,87 -> 2 725,75 (+121,88).
Distribution in classes of 10,00: [0, 10) 1, [30, 40) 1, [50, 60) 1, [70, 80) 1, the classes between them 0.
"""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from click.testing import CliRunner

from rekenhulp.cli import main

openpyxl = pytest.importorskip("openpyxl")

KOP = ["id", "wijk", "leeftijd", "uren_per_week", "loonwaarde"]
RIJEN = [["L1", "Noord", 30, 32, 60], ["L2", "Zuid", 30, 40, 40], ["L3", "Noord", 30, 32, 100],
         ["L4", "Zuid", 30, 24, 20], ["L5", "Noord", 30, 0, 60]]


def _werkmap(pad, rijen=RIJEN, kop=KOP):
    wb = openpyxl.Workbook()
    wb.active.append(kop)
    for r in rijen:
        wb.active.append(r)
    for rij in wb.active.iter_rows():
        for c in rij:
            if isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"  # a text cell that starts with =, as Excel saves one typed as '=1+1
    wb.save(pad)


def _vergelijk(invoer, uitvoer, *extra):
    return CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(uitvoer), "--soort", "loonkostensubsidie",
                                     "--a", "2025-07-01", "--b", "2026-07-01", "--groep-op", "wijk", *extra])


def _blad(ws) -> list[list]:
    return [tuple(rij) for rij in ws.iter_rows(values_only=True)]


def test_xlsx_in_xlsx_uit(tmp_path):
    invoer, uitvoer = tmp_path / "gevallen.xlsx", tmp_path / "uit.xlsx"
    _werkmap(invoer)
    r = _vergelijk(invoer, uitvoer)
    assert r.exit_code == 0, r.output
    assert "3445.52" in r.output and "3606.80" in r.output and "161.28" in r.output  # the summary printed
    wb = openpyxl.load_workbook(uitvoer)
    assert wb.sheetnames == ["Gevallen", "Samenvatting"]
    gevallen = _blad(wb["Gevallen"])
    kop = gevallen[0]
    assert kop[:6] == ("regel", "id", "wijk", "a.loonkostensubsidie", "b.loonkostensubsidie",
                       "verschil.loonkostensubsidie") and kop[-1] == "fouten"
    lks = {rij[1]: tuple(rij[3:6]) for rij in gevallen[1:]}
    # amounts are numbers in the workbook (openpyxl reads them back as floats), 2 decimals shown
    assert lks["L1"] == (841.65, 881.05, 39.4) and lks["L2"] == (1499.2, 1569.37, 70.17)
    assert lks["L3"] == (0, 0, 0) and lks["L4"] == (1104.67, 1156.38, 51.71)
    assert lks["L5"] == (None, None, None) and "uren_per_week" in gevallen[5][-1]
    assert [rij[0] for rij in gevallen[1:]] == [2, 3, 4, 5, 6]  # the Excel row numbers
    assert wb["Gevallen"]["D2"].number_format == "#,##0.00"
    s = _blad(wb["Samenvatting"])
    assert s[0][:2] == ("Situatie A", "peildatum 2025-07-01; officiële parameters")
    rijen = {rij[0]: rij[1:] for rij in s if rij and rij[0] is not None}
    assert rijen["Gevallen"][0] == 5 and rijen["Vergeleken"][0] == 4 and rijen["Met fouten (tellen niet mee)"][0] == 1
    assert rijen["loonkostensubsidie"][:6] == (3445.52, 3606.8, 161.28, 3, 0, 1)
    # the distribution table (and a chart of it), then the breakdown per wijk
    i = next(n for n, rij in enumerate(s) if rij[0] == "verschil loonkostensubsidie van")
    assert [tuple(rij[:3]) for rij in s[i + 1:i + 9]] == [
        (0, 10, 1), (10, 20, 0), (20, 30, 0), (30, 40, 1), (40, 50, 0), (50, 60, 1), (60, 70, 0), (70, 80, 1)]
    assert len(wb["Samenvatting"]._charts) == 1
    assert rijen["Noord"][:4] == (2, 841.65, 881.05, 39.4) and rijen["Zuid"][:4] == (2, 2603.87, 2725.75, 121.88)


def test_xlsx_uitvoer_is_exact(tmp_path):
    """The cells hold the exact Decimal text (openpyxl writes str(Decimal)): read as text from the sheet XML."""
    import zipfile

    invoer, uitvoer = tmp_path / "gevallen.xlsx", tmp_path / "uit.xlsx"
    _werkmap(invoer)
    assert _vergelijk(invoer, uitvoer).exit_code == 0
    with zipfile.ZipFile(uitvoer) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>1569.37</v>" in xml and "<v>70.17</v>" in xml


def test_csv_in_xlsx_uit_en_xlsx_in_csv_uit(tmp_path):
    invoer = tmp_path / "gevallen.csv"
    with open(invoer, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(KOP)
        w.writerows(RIJEN)
    assert _vergelijk(invoer, tmp_path / "uit.xlsx").exit_code == 0
    s = _blad(openpyxl.load_workbook(tmp_path / "uit.xlsx")["Samenvatting"])
    assert next(r for r in s if r[0] == "loonkostensubsidie")[1:4] == (3445.52, 3606.8, 161.28)
    xlsx = tmp_path / "gevallen.xlsx"
    # Excel cells as Excel holds them: a decimal number cell, a formula-looking text (stays text, no formula)
    _werkmap(xlsx, [["L1", "Noord", 30, 32.0, 60], ["=1+1", "Zuid", 30, 40, 40]])
    r = _vergelijk(xlsx, tmp_path / "uit.csv")
    assert r.exit_code == 0, r.output
    with open(tmp_path / "uit.csv", encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    assert [(x["regel"], x["verschil.loonkostensubsidie"]) for x in rijen] == [("2", "39.40"), ("3", "70.17")]
    assert rijen[1]["id"].lstrip("'") == "=1+1"  # neutralised as in every CSV output


def test_slecht_excelbestand(tmp_path):
    kapot = tmp_path / "kapot.xlsx"
    kapot.write_bytes(b"PK\x03\x04 geen zip")
    r = _vergelijk(kapot, tmp_path / "uit.xlsx")
    assert r.exit_code == 1 and "Dit Excel-bestand kan niet gelezen worden" in r.output
    onbekend = tmp_path / "onbekend.xlsx"
    _werkmap(onbekend, [["L1", 1]], kop=["id", "onzin"])
    r = _vergelijk(onbekend, tmp_path / "uit.xlsx")
    assert r.exit_code == 1 and "onbekende kolom(men): onzin" in r.output
    assert not (tmp_path / "uit.xlsx").exists()

"""Issue 18, "Done when": a Dutch ";" CSV (dd-mm-jjjj dates, decimal commas) and an .xlsx batch round trip through
/batch in a real browser. The amount is the README's LKS example: 32 uur, loonwaarde 60 %, peildatum 1 January 2026:
loonkostensubsidie 881.05 (tests/test_loonkostensubsidie.py writes out the arithmetic)."""

from __future__ import annotations

import io

import pytest

from .test_browser import _open

openpyxl = pytest.importorskip("openpyxl")


def _upload(page, server, naam: str, inhoud: bytes, mime: str) -> bytes:
    _open(page, f"{server}/batch?taal=nl")
    page.select_option("#soort", "loonkostensubsidie")
    page.set_input_files("#bestand", files=[{"name": naam, "mimeType": mime, "buffer": inhoud}])
    with page.expect_download() as download:
        page.click("button[type=submit]")
    with open(download.value.path(), "rb") as f:
        return f.read()


def test_nederlandse_csv_rondgang(page, server):
    inhoud = ("id;geboortedatum;uren_per_week;loonwaarde;peildatum\r\n"
              "Zoë;01-05-1990;32,0;60;01-01-2026\r\n").encode("utf-8-sig")
    uit = _upload(page, server, "zaken.csv", inhoud, "text/csv")
    assert uit.startswith(b"\xef\xbb\xbf")
    tekst = uit.decode("utf-8-sig")
    kop, rij = tekst.split("\r\n")[:2]
    waarden = dict(zip(kop.split(";"), rij.split(";")))
    assert waarden["id"] == "Zoë" and waarden["resultaat.loonkostensubsidie"] == "881,05"
    # answered in kind: decimal commas and dd-mm-jjjj dates, in the result columns and the receipt (issue 18)
    assert waarden["resultaat.totaal"] == "1088,10" and waarden["resultaat.wml_per_maand"].count(",") == 1
    assert waarden["peildatum"] == "01-01-2026" and waarden["resultaat.per_jaar.vastgesteld_per"] == "01-01-2026"
    assert waarden["geboortedatum"] == "01-05-1990" and waarden["uren_per_week"] == "32,0"  # the input as it was


def test_excel_rondgang(page, server):
    wb = openpyxl.Workbook()
    wb.active.append(["id", "geboortedatum", "uren_per_week", "loonwaarde", "peildatum"])
    wb.active.append(["a", "01-05-1990", 32, 60, "01-01-2026"])
    buf = io.BytesIO()
    wb.save(buf)
    uit = _upload(page, server, "zaken.xlsx", buf.getvalue(),
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    terug = openpyxl.load_workbook(io.BytesIO(uit))
    assert terug.sheetnames == ["Resultaten", "Samenvatting", "Waarschuwingen"]
    ws = terug["Resultaten"]
    kop = [c.value for c in ws[1]]
    lks = ws.cell(row=2, column=kop.index("resultaat.loonkostensubsidie") + 1)
    assert lks.value == 881.05 and lks.number_format == "#,##0.00"  # a number, shown by Excel in its own notation
    # the receipt's peildatum (the last column of that name; the first is the input, text as it was typed)
    peil = ws.cell(row=2, column=len(kop) - kop[::-1].index("peildatum"))
    assert peil.is_date and peil.value.date().isoformat() == "2026-01-01" and peil.number_format == "DD-MM-YYYY"

"""The caseload comparison for Excel files (issue 17): `rekenhulp vergelijk IN.xlsx -o UIT.xlsx` and an .xlsx upload
and download on /bestandsvergelijking.

Reading: the first sheet of the workbook is handed to `bestandsvergelijking.lees_gevallen` as CSV lines
(`XlsxAlsCsv`, row by row, nothing held), so an Excel caseload is checked and converted by exactly the rules of a
CSV caseload (the same header check, cell rules and limits; batch.xlsx.cel_tekst turns a cell into the text
the CSV rules read). The Excel row number is the `regel` of a row.

Writing (`XlsxUitvoer`): a workbook with two sheets, written as the rows come (write-only):
- "Gevallen": per case regel, id, the group column, per amount A, B and the difference (numbers with 2 decimals),
  and `fouten` (an error stays on its row);
- "Samenvatting": situations A and B, the counts, per amount the totals in A and B, the difference and the number of
  cases that gain, lose and stay the same; the distribution of the difference (the table and a bar chart of it);
  the breakdown by the chosen column; engine version and parameter fingerprint.
Text is always written as text, never as a formula.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from .bestandsvergelijking import csv_kolommen, csv_rij, lees_gevallen, vergelijk_rijen
from .verwerking import BatchFout, _open_invoer, _Voortgang, formaat_van
from .xlsx import BEDRAG_FORMAAT, XLSX_MIME, _cel, _tekstcel, cel_tekst

ZIP = b"PK\x03\x04"


def is_xlsx(kop: bytes) -> bool:
    return kop.startswith(ZIP)


class XlsxAlsCsv:
    """The first sheet of a workbook as a text file of CSV lines (what `lees_gevallen` reads), one row at a time.
    A blank row stays a (blank) line, so line numbers are Excel row numbers. `totaal` is the number of rows below the
    header as the workbook states it (its dimension), or None when it does not say."""

    def __init__(self, bron):
        import zipfile

        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self.wb = load_workbook(bron, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
            raise BatchFout("Dit Excel-bestand kan niet gelezen worden (geen geldig .xlsx-bestand). Sla het in Excel op "
                            "als 'Excel-werkmap (.xlsx)' of als 'CSV UTF-8' en probeer het opnieuw. "
                            f"({type(exc).__name__})") from None
        if not self.wb.worksheets:
            raise BatchFout("Dit Excel-bestand heeft geen werkblad.")
        ws = self.wb.worksheets[0]
        try:
            self.totaal = max(0, (ws.max_row or 0) - 1) if ws.max_row else None
        except (TypeError, ValueError):
            self.totaal = None
        self._rijen = ws.iter_rows(values_only=True)
        self._buf = io.StringIO()
        self._w = csv.writer(self._buf, lineterminator="\n")

    def readline(self, _limiet: int = -1) -> str:
        rij = next(self._rijen, None)
        if rij is None:
            return ""
        # a line break inside a cell is not input of any calculation: a space, so the CSV rules see one line
        cellen = [cel_tekst(c).replace("\r", " ").replace("\n", " ") for c in rij]
        while cellen and not cellen[-1].strip():
            cellen.pop()
        if not cellen:
            return "\n"
        self._buf.seek(0)
        self._buf.truncate()
        self._w.writerow(cellen)
        return self._buf.getvalue()

    def close(self) -> None:
        self.wb.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _bedrag(ws, tekst):
    if tekst in (None, ""):
        return _cel(ws, None)
    return _cel(ws, Decimal(tekst), BEDRAG_FORMAAT)  # exact: openpyxl writes str(Decimal)


class XlsxUitvoer:
    """The comparison as a workbook: `rij(...)` per case while they are computed, `sluit(kop, samenvatting, doel)`
    writes the summary and saves to `doel` (a path or a binary file object)."""

    def __init__(self, bedragen, groep_op: str | None):
        from openpyxl import Workbook

        self.bedragen, self.groep_op = tuple(bedragen), groep_op
        self.wb = Workbook(write_only=True)
        self.ws = self.wb.create_sheet("Gevallen")
        kol = ["regel", "id"] + ([groep_op] if groep_op else [])
        for n in self.bedragen:
            kol += [f"a.{n}", f"b.{n}", f"verschil.{n}"]
        self.ws.append([_tekstcel(self.ws, k) for k in kol + ["fouten"]])

    def rij(self, rij: dict) -> None:
        ws = self.ws
        cellen = [_cel(ws, rij.get("regel")), _cel(ws, None if rij["id"] is None else rij["id"])]
        if self.groep_op:
            g = rij.get("groep")
            cellen.append(_cel(ws, g if g is None or isinstance(g, (int, str)) else str(g)))
        for n in self.bedragen:
            for kant in ("a", "b", "verschil"):
                cellen.append(_bedrag(ws, (rij.get(kant) or {}).get(n)))
        cellen.append(_tekstcel(ws, "; ".join(
            f"{f['situatie'] or ''}{':' if f['situatie'] else ''}{f['pad']}: {f['bericht']}" for f in rij["fouten"])))
        ws.append(cellen)

    def sluit(self, kop: dict, sv: dict, doel) -> None:
        from openpyxl.chart import BarChart, Reference

        s = self.wb.create_sheet("Samenvatting")
        t = lambda x: _tekstcel(s, x)  # noqa: E731
        for kant in ("a", "b"):
            x = kop[kant]
            beschrijving = (f"peildatum {x['peildatum']}" if x["peildatum"] else "de datum van elk geval") + "; " + (
                f"scenario '{x['scenario']['naam']}' (vingerafdruk {x['scenario']['vingerafdruk']})" if x["scenario"]
                else "officiële parameters")
            s.append([t(f"Situatie {kant.upper()}"), t(beschrijving)])
        s.append([t("Gevallen"), _cel(s, sv["aantal"])])
        s.append([t("Vergeleken"), _cel(s, sv["vergeleken"])])
        s.append([t("Met fouten (tellen niet mee)"), _cel(s, sv["met_fouten"])])
        s.append([])
        s.append([t(k) for k in ("bedrag", "totaal_a", "totaal_b", "verschil", "stijgt", "daalt", "gelijk")])
        for n in self.bedragen:
            x = sv["bedragen"][n]
            s.append([t(n), _bedrag(s, x["totaal_a"]), _bedrag(s, x["totaal_b"]), _bedrag(s, x["verschil"]),
                      _cel(s, x["stijgt"]), _cel(s, x["daalt"]), _cel(s, x["gelijk"])])
        regel = 6 + len(self.bedragen) + 1  # rows written so far
        v = sv["verdeling"]
        s.append([])
        s.append([t(f"verschil {v['bedrag']} van"), t("tot"), t("aantal")])
        kop_regel = regel + 2
        for k in v["klassen"]:
            s.append([_bedrag(s, k["van"]), _bedrag(s, k["tot"]), _cel(s, k["aantal"])])
        regel = kop_regel + len(v["klassen"])
        if sv.get("groepen"):
            s.append([])
            s.append([t(sv["groep_op"]), t("aantal")]
                     + [t(f"{n} {x}") for n in self.bedragen for x in ("totaal_a", "totaal_b", "verschil")])
            for g in sv["groepen"]:
                s.append([_cel(s, "" if g["groep"] is None else g["groep"]), _cel(s, g["aantal"])]
                         + [_bedrag(s, g["bedragen"][n][x]) for n in self.bedragen
                            for x in ("totaal_a", "totaal_b", "verschil")])
            regel += 2 + len(sv["groepen"])
        s.append([])
        s.append([t("engine_versie"), t(kop["engine_versie"])])
        s.append([t("parameters_vingerafdruk"), t(kop["parameters_vingerafdruk"])])
        if v["klassen"]:
            grafiek = BarChart()
            grafiek.title = f"Verdeling van het verschil in {v['bedrag']}"
            grafiek.y_axis.title = "gevallen"
            grafiek.x_axis.title = "verschil vanaf (euro)"
            grafiek.legend = None
            grafiek.add_data(Reference(s, min_col=3, min_row=kop_regel, max_row=kop_regel + len(v["klassen"])),
                             titles_from_data=True)
            grafiek.set_categories(Reference(s, min_col=1, min_row=kop_regel + 1, max_row=kop_regel + len(v["klassen"])))
            s.add_chart(grafiek, "I2")
        self.wb.save(doel)


def vergelijk_bestand(v, invoer: str, uitvoer: str, formaat: str | None = None) -> int:
    """`rekenhulp vergelijk` when the input or the output is .xlsx: the cases of `invoer` (.xlsx, or CSV / JSON Lines
    as usual) through the Vergelijker `v`, the rows to `uitvoer` (.xlsx with the summary sheet, or CSV / JSON Lines).
    No half output file is left behind (BatchFout, OSError and KeyboardInterrupt remove it). Returns the rows."""
    import itertools
    import json
    import os
    from pathlib import Path


    if not Path(invoer).is_file():
        raise BatchFout(f"Invoerbestand niet gevonden: {invoer}")
    with open(invoer, "rb") as b:
        excel_in = is_xlsx(b.read(4))
    f = XlsxAlsCsv(invoer) if excel_in else _open_invoer(invoer)
    formaat_in = "csv" if excel_in else formaat_van(invoer, formaat)
    excel_uit = str(uitvoer).lower().endswith(".xlsx")
    uit = Path(uitvoer)
    tijdelijk = uit.with_name(f".{uit.name}.{os.getpid()}.deel")
    balk = _Voortgang((f.totaal or 1) if excel_in else os.path.getsize(invoer))
    n = 0
    try:
        with f:
            gevallen = lees_gevallen(f, v.soort, v.groep_op, formaat_in)
            eerste = next(gevallen, None)  # the header is checked here (BatchFout), before anything is written
            if eerste is not None:
                gevallen = itertools.chain([eerste], gevallen)
            if excel_uit:
                schrijver = XlsxUitvoer(v.bedragen, v.groep_op)
                for rij in vergelijk_rijen(v, gevallen):
                    schrijver.rij(rij)
                    n += 1
                    if n % 500 == 0:
                        balk.toon(n, n if excel_in else f.buffer.tell())
                try:
                    sv = v.samenvatting.json()
                except ValueError:  # a class width that gives more than 1000 classes: the default width
                    v.samenvatting.klassebreedte = None
                    sv = v.samenvatting.json()
                schrijver.sluit(v.kop(), sv, tijdelijk)
            else:
                with open(tijdelijk, "w", encoding="utf-8", newline="") as out:
                    w = csv.writer(out, lineterminator="\r\n") if formaat_van(uitvoer) == "csv" else None
                    if w is not None:
                        w.writerow(csv_kolommen(v.bedragen, v.groep_op))
                    for rij in vergelijk_rijen(v, gevallen):
                        if w is not None:
                            w.writerow(csv_rij(rij, v.bedragen, v.groep_op))
                        else:
                            out.write(json.dumps(rij, ensure_ascii=False) + "\n")
                        n += 1
                        if n % 500 == 0:
                            balk.toon(n, n)
            balk.toon(n, 0, klaar=True)
        os.replace(tijdelijk, uit)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
    return n


def xlsx_bytes(uitvoer: XlsxUitvoer, kop: dict, sv: dict) -> bytes:
    buf = io.BytesIO()
    uitvoer.sluit(kop, sv, buf)
    return buf.getvalue()


__all__ = ["XlsxAlsCsv", "XlsxUitvoer", "xlsx_bytes", "vergelijk_bestand", "is_xlsx", "XLSX_MIME"]

"""The batch for Excel files (issue 18): `rekenhulp batch IN.xlsx -o UIT.xlsx` and an .xlsx upload on /batch.

The same rows as the CSV batch (batch.verwerking.rij_uitvoer: the same header check, cell rules and engine),
written to a workbook with three sheets:
- "Resultaten": one row per input row (the Excel row number in `regel`), the input as it was, the results
  (decimal numbers as numbers shown with 2 decimals, dates as dates, whole numbers as numbers), the warning
  codes, the receipt and `fouten` (an error stays on its row);
- "Samenvatting": rows, rows computed, rows with errors and the total of every amount column (rows without errors);
- "Waarschuwingen": each distinct warning once, with its code (W1, W2, ...) and the number of rows it is on.
Text is always written as text, never as a formula (a cell "=1+1" from the input comes back as the text "=1+1").
The warning codes are "W1 W2" (separated by a space), as in the CSV.
Cells are read with their values (data_only): a formula in the input counts with the value Excel saved for it.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .verwerking import BatchFout, Rekenaar, Samenvatting, kop_controle, kop_uitvoer, rij_uitvoer

BEDRAG_FORMAAT = "#,##0.00"
DATUM_FORMAAT = "DD-MM-YYYY"
_ISO_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_GEHEEL = re.compile(r"-?[0-9]{1,15}", re.ASCII)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cel_tekst(waarde) -> str:
    """An Excel cell value -> the text the CSV rules read. A number cell is unambiguous, so it is written with a
    decimal comma (never "100.000" for the Dutch number rule to refuse); a date cell becomes JJJJ-MM-DD."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, float):
        # the shortest text that is this float (repr), as a Decimal in plain notation: 36.5 -> "36,5"
        return format(Decimal(repr(waarde)), "f").replace(".", ",")
    if isinstance(waarde, datetime):
        return waarde.date().isoformat()
    if isinstance(waarde, date):
        return waarde.isoformat()
    return str(waarde)


def _lees_rijen(pad: str):
    import zipfile

    from openpyxl import load_workbook

    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # a file object, so the name does not matter (an upload is saved under its own name; "zaken.csv" may be Excel)
        fh = open(pad, "rb")
    except OSError as exc:
        raise BatchFout(f"Invoerbestand kan niet gelezen worden: {pad} ({exc.strerror})") from None
    try:
        wb = load_workbook(fh, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        fh.close()
        raise BatchFout("Dit Excel-bestand kan niet gelezen worden (geen geldig .xlsx-bestand). Sla het in Excel op "
                        f"als 'Excel-werkmap (.xlsx)' of als 'CSV UTF-8' en probeer het opnieuw. ({type(exc).__name__})"
                        ) from None
    if not wb.worksheets:
        fh.close()
        raise BatchFout("Dit Excel-bestand heeft geen werkblad.")
    return fh, wb.worksheets[0].iter_rows(values_only=True)


def _tekstcel(ws, waarde: str):
    """A cell that holds text, also when it starts with = (openpyxl would make that a formula)."""
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws, value=None)
    c.value = waarde
    c.data_type = "s"
    return c


def _cel(ws, waarde, formaat: str | None = None):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(waarde, str):
        return _tekstcel(ws, waarde)
    c = WriteOnlyCell(ws, value=waarde)
    if formaat:
        c.number_format = formaat
    return c


def _resultaatcel(ws, tekst: str, bedrag: bool):
    """A result cell (text from the engine's serialisation) as a typed Excel cell."""
    if tekst == "":
        return _cel(ws, None)
    if bedrag:
        try:
            return _cel(ws, Decimal(tekst), BEDRAG_FORMAAT)  # exact: openpyxl writes str(Decimal)
        except InvalidOperation:
            return _tekstcel(ws, tekst)
    if tekst in ("true", "false"):
        return _cel(ws, tekst == "true")
    if _ISO_DATUM.fullmatch(tekst):
        try:
            return _cel(ws, date.fromisoformat(tekst), DATUM_FORMAAT)
        except ValueError:
            return _tekstcel(ws, tekst)
    if _GEHEEL.fullmatch(tekst):
        return _cel(ws, int(tekst))
    return _tekstcel(ws, tekst)


def _invoercel(ws, waarde):
    if isinstance(waarde, datetime):
        waarde = waarde.date()
    if isinstance(waarde, date):
        return _cel(ws, waarde, DATUM_FORMAAT)
    if isinstance(waarde, str) and "\x00" in waarde:
        waarde = waarde.replace("\x00", "")
    return _cel(ws, waarde)


def verwerk_xlsx(invoer_pad: str, uitvoer_pad: str, soort_naam: str, peildatum: date | None = None,
                 scenario=None) -> Samenvatting:
    """Process an .xlsx file into an .xlsx file (in this process). BatchFout for an unusable file; no (half)
    output file is left behind."""
    from openpyxl import Workbook

    fh_in, rijen = _lees_rijen(invoer_pad)
    if not str(uitvoer_pad).lower().endswith(".xlsx"):
        fh_in.close()
        raise BatchFout("Een Excel-bestand geeft een Excel-bestand terug: kies een uitvoerbestand dat op .xlsx eindigt.")
    uit = Path(uitvoer_pad)
    tijdelijk = uit.with_name(f".{uit.name}.{os.getpid()}.deel")
    s = Samenvatting()
    try:
        kop_ruw = next(rijen, None)
        kop = [cel_tekst(k).strip() for k in (kop_ruw or ())]
        while kop and not kop[-1]:
            kop.pop()
        if not kop:
            raise BatchFout("Het eerste werkblad is leeg; de eerste rij moet de kolomnamen bevatten.")
        csv_kop = kop_controle(kop, soort_naam)
        rekenaar = Rekenaar(soort_naam, peildatum, scenario)
        rekenaar.codes = {}  # warnings as codes, listed once on their own sheet
        bedrag = set(rekenaar.bedragen)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Resultaten")
        kolommen = kop_uitvoer(kop, rekenaar.kolommen)
        ws.append([_tekstcel(ws, k) for k in kolommen])
        n_voor = len(kolommen) - len(rekenaar.kolommen) - 5
        totalen = [Decimal(0)] * len(rekenaar.kolommen)
        aantallen: dict[str, int] = {}
        for regel, waarden in enumerate(rijen, start=2):
            waarden = list(waarden)
            while waarden and (waarden[-1] is None or waarden[-1] == ""):
                waarden.pop()
            if not waarden or all(cel_tekst(w).strip() == "" for w in waarden):
                continue  # blank row
            uitvoer = rij_uitvoer(csv_kop, rekenaar, regel, [cel_tekst(w) for w in waarden])
            s.rijen += 1
            fout = bool(uitvoer[-1])
            s.fouten += fout
            origineel = (waarden + [None] * csv_kop.kolommen)[:csv_kop.kolommen]
            cellen = [_cel(ws, regel)]
            if csv_kop.id_kolom is not None:
                cellen.append(_invoercel(ws, origineel[csv_kop.id_kolom]))
            cellen += [_invoercel(ws, origineel[i]) for i, _, _ in csv_kop.invoer_kolommen]
            resultaat = uitvoer[n_voor:n_voor + len(rekenaar.kolommen)]
            for i, tekst in enumerate(resultaat):
                cellen.append(_resultaatcel(ws, tekst, i in bedrag))
                if i in bedrag and tekst and not fout:
                    totalen[i] += Decimal(tekst)
            waarschuwingen, versie, vingerafdruk, peil, fouten = uitvoer[-5:]
            for code in waarschuwingen.split():
                aantallen[code] = aantallen.get(code, 0) + 1
            cellen += [_tekstcel(ws, waarschuwingen), _tekstcel(ws, versie), _tekstcel(ws, vingerafdruk),
                       _resultaatcel(ws, peil, False), _tekstcel(ws, fouten)]
            ws.append(cellen)
        som = wb.create_sheet("Samenvatting")
        som.append([_tekstcel(som, "Onderdeel"), _tekstcel(som, "Waarde")])
        for naam, waarde in (("Regels", s.rijen), ("Berekend (zonder fouten)", s.rijen - s.fouten),
                             ("Met fouten", s.fouten)):
            som.append([_tekstcel(som, naam), _cel(som, waarde)])
        som.append([])
        som.append([_tekstcel(som, "Totaal per bedrag over de regels zonder fouten")])
        for i in sorted(bedrag):
            som.append([_tekstcel(som, f"resultaat.{rekenaar.kolommen[i]}"), _cel(som, totalen[i], BEDRAG_FORMAAT)])
        som.append([])
        som.append([_tekstcel(som, "engine_versie"), _tekstcel(som, rekenaar.versie)])
        som.append([_tekstcel(som, "parameters_vingerafdruk"), _tekstcel(som, rekenaar.params.fingerprint)])
        leg = wb.create_sheet("Waarschuwingen")
        leg.append([_tekstcel(leg, "code"), _tekstcel(leg, "waarschuwing"), _tekstcel(leg, "aantal regels")])
        for tekst, code in rekenaar.codes.items():
            leg.append([_tekstcel(leg, code), _tekstcel(leg, tekst), _cel(leg, aantallen.get(code, 0))])
        wb.save(tijdelijk)
        os.replace(tijdelijk, uit)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
    finally:
        fh_in.close()
    return s


__all__ = ["verwerk_xlsx", "cel_tekst", "XLSX_MIME"]

"""Issue 18, "Dutch spreadsheets": a Dutch CSV (semicolons) is answered in kind (semicolons, decimal commas, UTF-8
with BOM) and an Excel file (.xlsx) in gives an Excel file out, with a results sheet, a summary sheet and the
warnings listed once. The amounts are the same as those of the comma CSV (and so of the API:
tests/test_batch_cli.py::test_batch_gelijk_aan_de_api_op_de_cent).

The LKS case used throughout: peildatum 1 January 2026, 32 uur per week, loonwaarde 60 %, born 1 May 1990:
loonkostensubsidie 881.05 + werkgeverslasten 207.05 = totaal 1088.10 (the arithmetic is written out in
tests/test_loonkostensubsidie.py and tests/test_batch_cli.py::test_csv_rondgang_met_formule_en_foute_regel).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from click.testing import CliRunner

from batch.verwerking import BatchFout, verwerk
from rekenhulp.cli import main
from tests.conftest import csrf_token

openpyxl = pytest.importorskip("openpyxl")

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# the same three cases, once as a Dutch Excel saves them (";", DD-MM-JJJJ, decimal comma, BOM) and once as before
NL = ("\ufeffid;geboortedatum;uren_per_week;loonwaarde;peildatum\r\n"
      "Zoë;01-05-1990;32;60;01-01-2026\r\n"
      "b;1-5-1990;36,5;45;15-07-2026\r\n"
      "c;01-05-1990;32;150;01-01-2026\r\n")  # loonwaarde out of range: an error on its own row
KOMMA = ("id,geboortedatum,uren_per_week,loonwaarde,peildatum\n"
         "Zoë,1990-05-01,32,60,2026-01-01\n"
         "b,1990-05-01,36.5,45,2026-07-15\n"
         "c,1990-05-01,32,150,2026-01-01\n")


def rijen_en_legenda(tekst: str) -> tuple[list[dict], dict[str, str]]:
    """A batch CSV (text) -> (result rows, {code: warning text} from the block after the first empty row)."""
    tekst = tekst.lstrip("\ufeff")
    regels = list(csv.reader(io.StringIO(tekst), delimiter=";" if tekst.split("\n", 1)[0].count(";") else ","))
    kop, rest = regels[0], regels[1:]
    eind = rest.index([]) if [] in rest else len(rest)
    legenda = {}
    if eind < len(rest):
        assert rest[eind + 1] == ["code", "waarschuwing"]
        legenda = dict(rest[eind + 2:])
    return [dict(zip(kop, r)) for r in rest[:eind]], legenda


def _bedragen(rij: dict) -> dict:
    """The result cells with a decimal point and ISO dates, to compare a Dutch CSV (decimal commas, dd-mm-jjjj dates)
    with a comma CSV."""
    return {k: re.sub(r"^(\d\d)-(\d\d)-(\d{4})$", r"\3-\2-\1", v.replace(",", "."))
            for k, v in rij.items() if k.startswith("resultaat.")}


def test_nederlandse_csv_krijgt_een_nederlands_antwoord(tmp_path):
    (tmp_path / "nl.csv").write_bytes(NL.encode("utf-8"))
    (tmp_path / "komma.csv").write_text(KOMMA, encoding="utf-8")
    runner = CliRunner()
    for naam in ("nl", "komma"):
        r = runner.invoke(main, ["batch", str(tmp_path / f"{naam}.csv"), "-o", str(tmp_path / f"{naam}-uit.csv"),
                                 "--soort", "loonkostensubsidie"])
        assert r.exit_code == 0, r.output
    ruw = (tmp_path / "nl-uit.csv").read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Dutch Excel reads "ë" correctly
    assert not (tmp_path / "komma-uit.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # a comma CSV stays as it was
    nl, legenda_nl = rijen_en_legenda(ruw.decode("utf-8"))
    komma, legenda_komma = rijen_en_legenda((tmp_path / "komma-uit.csv").read_text(encoding="utf-8"))
    assert [r["id"] for r in nl] == ["Zoë", "b", "c"]
    assert nl[0]["resultaat.loonkostensubsidie"] == "881,05" and nl[0]["resultaat.totaal"] == "1088,10"
    # 15-07-2026 read as a date, and a Dutch CSV's dates are written dd-mm-jjjj (issue 18); the comma CSV keeps ISO
    assert nl[0]["peildatum"] == "01-01-2026" and nl[1]["peildatum"] == "15-07-2026"
    assert komma[0]["peildatum"] == "2026-01-01" and komma[1]["peildatum"] == "2026-07-15"
    assert nl[0]["fouten"] == "" and nl[1]["fouten"] == ""
    assert nl[2]["fouten"] == "regel 4: $.loonwaarde: Vul een waarde van 0 tot en met 100 in."
    assert komma[0]["resultaat.loonkostensubsidie"] == "881.05"
    for a, b in zip(nl, komma):  # the same amounts, only the decimal sign differs
        assert _bedragen(a) == _bedragen(b)
        assert a["fouten"] == b["fouten"]
    assert nl[1]["resultaat.wml_per_maand"] and "," in nl[1]["resultaat.wml_per_maand"]
    # each warning once: a code on the row, the text in the legend after the rows (the same in both files)
    assert legenda_nl and legenda_nl == legenda_komma
    assert nl[0]["waarschuwingen"].split() == list(legenda_nl)[:len(nl[0]["waarschuwingen"].split())]
    assert all(len(r["waarschuwingen"]) < 20 for r in nl)
    assert nl[2]["waarschuwingen"] == ""  # the row with an error has none


def test_datum_in_een_cel_ongeldig_blijft_een_nederlandse_fout(tmp_path):
    (tmp_path / "in.csv").write_text("geboortedatum;uren_per_week;loonwaarde;peildatum\n"
                                     "01-05-1990;32;60;31-02-2026\n", encoding="utf-8")
    verwerk(str(tmp_path / "in.csv"), str(tmp_path / "uit.csv"), "loonkostensubsidie")
    rij = next(csv.DictReader(io.StringIO((tmp_path / "uit.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rij["fouten"].startswith("regel 2: $.peildatum: Geen geldige datum")


def test_nederlandse_csv_via_het_web(client):
    token = csrf_token(client, "/batch")
    r = client.post("/batch", data={"csrf_token": token, "soort": "loonkostensubsidie",
                                    "bestand": (io.BytesIO(NL.encode("utf-8")), "zaken.csv")},
                    content_type="multipart/form-data")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert r.data.startswith(b"\xef\xbb\xbf")
    rijen, legenda = rijen_en_legenda(r.data.decode("utf-8"))
    assert legenda and all(c in legenda for c in rijen[0]["waarschuwingen"].split())
    assert rijen[0]["id"] == "Zoë" and rijen[0]["resultaat.loonkostensubsidie"] == "881,05"
    assert r.headers["X-Rekenhulp-Fouten"] == "1"


def _werkmap(pad):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Zaken"
    ws.append(["id", "geboortedatum", "uren_per_week", "loonwaarde", "peildatum"])
    ws.append(["Zoë", datetime(1990, 5, 1), 32, 60, datetime(2026, 1, 1)])  # Excel date and number cells
    ws.append(["b", "01-05-1990", "32,0", "60", "01-01-2026"])  # the same case typed as text, the Dutch way
    ws.append([None, None, None, None, None])  # a blank row: skipped
    ws.append(["c", date(1990, 5, 1), 32, 150, date(2026, 1, 1)])  # an error stays on its row
    ws.append(["=1+1", date(1990, 5, 1), 32.0, 60, date(2026, 1, 1)])
    ws.cell(row=6, column=1).data_type = "s"  # a text cell that looks like a formula
    wb.save(pad)


def _lees_werkmap(pad):
    wb = openpyxl.load_workbook(pad)
    return wb


def test_excel_rondgang_cli(tmp_path):
    _werkmap(tmp_path / "zaken.xlsx")
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "zaken.xlsx"), "-o", str(tmp_path / "uit.xlsx"),
                                  "--soort", "loonkostensubsidie"])
    assert r.exit_code == 0, r.output
    assert "4 regels verwerkt" in r.output and "1 met fouten" in r.output
    wb = _lees_werkmap(tmp_path / "uit.xlsx")
    assert wb.sheetnames == ["Resultaten", "Samenvatting", "Waarschuwingen"]
    ws = wb["Resultaten"]
    kop = [c.value for c in ws[1]]
    rijen = [dict(zip(kop, (c.value for c in rij))) for rij in ws.iter_rows(min_row=2)]
    assert [r["regel"] for r in rijen] == [2, 3, 5, 6]  # Excel row numbers; one output row per input row
    for r in (rijen[0], rijen[1], rijen[3]):
        assert r["resultaat.loonkostensubsidie"] == Decimal("881.05") or r["resultaat.loonkostensubsidie"] == 881.05
        assert round(r["resultaat.totaal"], 2) == 1088.10 and r["fouten"] is None
        assert r["peildatum"] == datetime(2026, 1, 1)  # a date, not text
    cel = ws.cell(row=2, column=kop.index("resultaat.loonkostensubsidie") + 1)
    assert cel.data_type == "n" and cel.number_format == "#,##0.00"
    assert ws.cell(row=2, column=kop.index("peildatum") + 1).is_date
    assert rijen[2]["fouten"] == "regel 5: $.loonwaarde: Vul een waarde van 0 tot en met 100 in."
    assert rijen[2]["resultaat.loonkostensubsidie"] is None and rijen[2]["id"] == "c"
    # never a formula from the input: "=1+1" comes back as text
    id_cel = ws.cell(row=5, column=kop.index("id") + 1)
    assert id_cel.value == "=1+1" and id_cel.data_type == "s"
    assert all(c.data_type != "f" for rij in ws.iter_rows() for c in rij)
    # warnings: a short code on the row, the text once on its own sheet
    leg = wb["Waarschuwingen"]
    legenda = {r[0].value: (r[1].value, r[2].value) for r in leg.iter_rows(min_row=2)}
    assert rijen[0]["waarschuwingen"] and set(rijen[0]["waarschuwingen"].split()) <= set(legenda)
    assert all(aantal == 3 for _, aantal in legenda.values())  # the three computed rows share the warnings
    assert all(len(r["waarschuwingen"]) < 20 for r in rijen if r["waarschuwingen"])
    # the summary: counts and the total of every amount over the rows without errors (3 × 881.05 = 2643.15;
    # 3 × 1088.10 = 3264.30)
    som = {r[0].value: r[1].value for r in wb["Samenvatting"].iter_rows(min_row=2) if r and r[0].value}
    assert (som["Regels"], som["Berekend (zonder fouten)"], som["Met fouten"]) == (4, 3, 1)
    assert round(som["resultaat.loonkostensubsidie"], 2) == 2643.15
    assert round(som["resultaat.totaal"], 2) == 3264.30


def test_excel_uitvoer_moet_xlsx_zijn_en_kapot_bestand(tmp_path):
    _werkmap(tmp_path / "zaken.xlsx")
    with pytest.raises(BatchFout, match="Excel-bestand geeft een Excel-bestand terug"):
        verwerk(str(tmp_path / "zaken.xlsx"), str(tmp_path / "uit.csv"), "loonkostensubsidie")
    (tmp_path / "kapot.xlsx").write_bytes(b"PK\x03\x04niet echt")
    with pytest.raises(BatchFout, match="kan niet gelezen worden"):
        verwerk(str(tmp_path / "kapot.xlsx"), str(tmp_path / "uit.xlsx"), "loonkostensubsidie")
    wb = openpyxl.Workbook()
    wb.active.append(["id", "uren"])
    wb.save(tmp_path / "kop.xlsx")
    with pytest.raises(BatchFout, match="onbekende kolom"):
        verwerk(str(tmp_path / "kop.xlsx"), str(tmp_path / "uit.xlsx"), "loonkostensubsidie")
    assert not (tmp_path / "uit.xlsx").exists() and not (tmp_path / "uit.csv").exists()


def test_excel_via_het_web(client, tmp_path):
    _werkmap(tmp_path / "zaken.xlsx")
    token = csrf_token(client, "/batch")
    r = client.post("/batch", data={"csrf_token": token, "soort": "loonkostensubsidie",
                                    "bestand": (io.BytesIO((tmp_path / "zaken.xlsx").read_bytes()), "zaken.xlsx")},
                    content_type="multipart/form-data")
    assert r.status_code == 200 and r.mimetype == XLSX_MIME
    assert 'filename="rekenhulp-loonkostensubsidie-resultaat.xlsx"' in r.headers["Content-Disposition"]
    assert r.headers["X-Rekenhulp-Regels"] == "4" and r.headers["X-Rekenhulp-Fouten"] == "1"
    wb = openpyxl.load_workbook(io.BytesIO(r.data))
    ws = wb["Resultaten"]
    kop = [c.value for c in ws[1]]
    assert ws.cell(row=2, column=kop.index("resultaat.loonkostensubsidie") + 1).value == 881.05


def test_bijstand_medebewoners_in_gewone_kolommen(tmp_path, client):
    """medebewoner_1_leeftijd, medebewoner_1_relatie, ... (up to 5) are the same input as the JSON column
    `medebewoners`; the result equals the API's for that input (issue 18)."""
    invoer = {"peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 40},
              "medebewoners": [{"leeftijd": 60, "relatie": "familie"},
                               {"geboortedatum": "2001-03-01", "relatie": "anders", "onderwijs": "wsf"}]}
    api = client.post("/api/v1/bijstandsnorm", json=invoer).get_json()
    (tmp_path / "plat.csv").write_text(
        "id;peildatum;belanghebbende;medebewoner_1_leeftijd;medebewoner_1_relatie;medebewoner_2_geboortedatum;"
        "medebewoner_2_relatie;medebewoner_2_onderwijs;medebewoner_3_leeftijd\n"
        'a;01-01-2026;"{""leeftijd"": 40}";60;familie;01-03-2001;anders;wsf;\n'
        'gat;01-01-2026;"{""leeftijd"": 40}";60;familie;;;;30\n', encoding="utf-8")
    (tmp_path / "json.csv").write_text(
        "id;peildatum;belanghebbende;medebewoners;medebewoner_1_leeftijd\n"
        'a;2026-01-01;"{""leeftijd"": 40}";"[{""leeftijd"": 60, ""relatie"": ""familie""}, '
        '{""geboortedatum"": ""2001-03-01"", ""relatie"": ""anders"", ""onderwijs"": ""wsf""}]";\n'
        'beide;2026-01-01;"{""leeftijd"": 40}";"[{""leeftijd"": 60}]";60\n', encoding="utf-8")
    for naam in ("plat", "json"):
        verwerk(str(tmp_path / f"{naam}.csv"), str(tmp_path / f"{naam}-uit.csv"), "bijstandsnorm")
    plat, _ = rijen_en_legenda((tmp_path / "plat-uit.csv").read_text(encoding="utf-8"))
    met_json, _ = rijen_en_legenda((tmp_path / "json-uit.csv").read_text(encoding="utf-8"))
    assert plat[0]["fouten"] == "" and met_json[0]["fouten"] == ""
    assert _bedragen(plat[0]) == _bedragen(met_json[0])
    assert plat[0]["resultaat.norm"].replace(",", ".") == api["resultaat"]["norm"]
    assert plat[0]["resultaat.aantal_kostendelers"] == str(api["resultaat"]["aantal_kostendelers"])
    # Pw art. 19a lid 1: the belanghebbende and the medebewoner of 60 (familie, 21 or older) share costs; the one
    # born 1 March 2001 follows onderwijs with studiefinanciering (wsf), onder d 1°: he does not count. So 2.
    assert plat[0]["resultaat.aantal_kostendelers"] == "2"
    assert plat[1]["fouten"].startswith("regel 3: $.medebewoner_2: Medebewoner 2 is leeg, maar medebewoner 3")
    assert met_json[1]["fouten"].startswith("regel 3: $.medebewoners: Vul de medebewoners in de kolom medebewoners")


def test_nederlandse_csv_schrijft_datums_in_de_resultaatkolommen_als_dd_mm_jjjj(tmp_path):
    """Every date column of a Dutch CSV's output is dd-mm-jjjj, not only the receipt: the LKS result's
    `per_jaar.vastgesteld_per` (the date the yearly LKS is set, 1 January 2026 for peildatum 1 January 2026), in
    the same file as a comma CSV keeps it ISO."""
    (tmp_path / "in.csv").write_text("geboortedatum;uren_per_week;loonwaarde;peildatum\n01-05-1990;32;60;01-01-2026\n",
                                     encoding="utf-8")
    verwerk(str(tmp_path / "in.csv"), str(tmp_path / "uit.csv"), "loonkostensubsidie")
    rij = rijen_en_legenda((tmp_path / "uit.csv").read_text(encoding="utf-8-sig"))[0][0]
    assert rij["fouten"] == ""
    assert rij["resultaat.per_jaar.vastgesteld_per"] == "01-01-2026" and rij["peildatum"] == "01-01-2026"
    datums = {k: v for k, v in rij.items() if re.fullmatch(r"[\d-]{8,10}", v) and v.count("-") == 2}
    assert all(re.fullmatch(r"\d\d-\d\d-\d{4}", v) for v in datums.values()), datums


def test_bijstand_belanghebbende_partner_en_vrijlating_in_gewone_kolommen(tmp_path, client):
    """belanghebbende_leeftijd, partner_leeftijd, vrijlating_soort, vrijlating_begindatum, ... are the same input as
    the JSON columns belanghebbende, partner and vrijlating (issue 18); the JSON columns stay accepted, not both in
    one row. The result equals the API's for that input."""
    invoer = {"peildatum": "2026-03-01", "belanghebbende": {"leeftijd": 40}, "partner": {"geboortedatum": "1990-06-01"},
              "netto_inkomsten_per_maand": "600.00",
              "vrijlating": {"soort": "algemeen", "begindatum": "2026-01-01"}}
    api = client.post("/api/v1/bijstandsnorm", json=invoer).get_json()
    assert "resultaat" in api, api
    (tmp_path / "plat.csv").write_text(
        "id;peildatum;belanghebbende_leeftijd;partner_geboortedatum;netto_inkomsten_per_maand;vrijlating_soort;"
        "vrijlating_begindatum\n"
        "a;01-03-2026;40;01-06-1990;600,00;algemeen;01-01-2026\n", encoding="utf-8")
    (tmp_path / "json.csv").write_text(
        "id,peildatum,belanghebbende,partner,netto_inkomsten_per_maand,vrijlating,belanghebbende_leeftijd\n"
        'a,2026-03-01,"{""leeftijd"": 40}","{""geboortedatum"": ""1990-06-01""}",600.00,'
        '"{""soort"": ""algemeen"", ""begindatum"": ""2026-01-01""}",\n'
        'beide,2026-03-01,"{""leeftijd"": 40}",,600.00,,40\n', encoding="utf-8")
    for naam in ("plat", "json"):
        verwerk(str(tmp_path / f"{naam}.csv"), str(tmp_path / f"{naam}-uit.csv"), "bijstandsnorm")
    plat, _ = rijen_en_legenda((tmp_path / "plat-uit.csv").read_text(encoding="utf-8-sig"))
    met_json, _ = rijen_en_legenda((tmp_path / "json-uit.csv").read_text(encoding="utf-8"))
    assert plat[0]["fouten"] == "" and met_json[0]["fouten"] == ""
    assert _bedragen(plat[0]) == _bedragen(met_json[0])
    for veld in ("norm", "aanvullende_bijstand"):
        if veld in api["resultaat"]:
            assert plat[0][f"resultaat.{veld}"].replace(",", ".") == api["resultaat"][veld], veld
    assert plat[0]["resultaat.leefvorm"] == "gehuwden"  # the partner came through
    assert plat[0]["resultaat.inkomstenvrijlating.van_toepassing"] == "true"  # and the vrijlating
    assert met_json[1]["fouten"].startswith("regel 3: $.belanghebbende: Vul belanghebbende in de kolom "
                                            "belanghebbende (JSON) of in de kolommen belanghebbende_…")


def test_bijstand_sjabloon_heeft_gewone_kolommen():
    """The template of the bijstandsnorm needs no JSON: the belanghebbende, partner, vrijlating and medebewoners in
    plain columns, and the example in it computes (tests/test_batch_cli.py::test_sjabloon_is_een_geldige_invoer)."""
    from batch.verwerking import sjabloon_csv

    kop, rij = list(csv.reader(io.StringIO(sjabloon_csv("bijstandsnorm"))))[:2]
    for kolom in ("belanghebbende_leeftijd", "belanghebbende_geboortedatum", "partner_leeftijd", "vrijlating_soort",
                  "vrijlating_begindatum", "medebewoner_1_leeftijd"):
        assert kolom in kop, kolom
    assert "belanghebbende" not in kop and "partner" not in kop and "vrijlating" not in kop
    assert not any(c.startswith(("{", "[")) for c in rij), rij

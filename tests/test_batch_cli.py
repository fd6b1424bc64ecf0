"""`rekenhulp batch`: CSV and JSON Lines, one row per input row, formula neutralising, bad rows and bad files."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from batch.verwerking import BatchFout, MAX_REGEL, neutraliseer, sjabloon_csv, verwerk
from rekenhulp.cli import main

KOP = "id,geboortedatum,uren_per_week,loonwaarde,peildatum\n"


def _lees(pad: Path) -> list[dict]:
    """The result rows (up to the empty row before the warnings' legend)."""
    return _lees_met_legenda(pad)[0]


def _lees_met_legenda(pad: Path) -> tuple[list[dict], dict[str, str]]:
    """(result rows, {code: warning text}): the legend is the block after the first empty row (issue 18)."""
    with open(pad, encoding="utf-8-sig", newline="") as f:
        scheiding = ";" if f.readline().count(";") > 1 else ","
        f.seek(0)
        regels = list(csv.reader(f, delimiter=scheiding))
    kop, rest = regels[0], regels[1:]
    eind = rest.index([]) if [] in rest else len(rest)
    legenda = {}
    if eind < len(rest):
        assert rest[eind + 1] == ["code", "waarschuwing"]
        legenda = {c: t for c, t in rest[eind + 2:]}
    return [dict(zip(kop, r)) for r in rest[:eind]], legenda


def test_neutraliseer():
    for waarde in ("=1+1", "+31612345678", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutraliseer(waarde) == "'" + waarde
    for waarde in ("", "12.50", "abc", "'al"):
        assert neutraliseer(waarde) == waarde


def test_csv_rondgang_met_formule_en_foute_regel(tmp_path):
    invoer = tmp_path / "in.csv"
    invoer.write_text(
        KOP
        + '=HYPERLINK("http://x"),1990-05-01,32,60,2026-01-01\n'  # formula-like id: escaped in the output
        + "b,1990-05-01,32,150,2026-01-01\n"  # bad row: loonwaarde out of range
        + "\n"  # blank line: skipped
        + 'c,1990-05-01,"32,0",60,2026-01-01\n',  # Dutch decimal comma
        encoding="utf-8")
    s = verwerk(str(invoer), str(tmp_path / "uit.csv"), "loonkostensubsidie")
    assert (s.rijen, s.fouten) == (3, 1)
    rijen = _lees(tmp_path / "uit.csv")
    assert [r["regel"] for r in rijen] == ["2", "3", "5"]
    assert rijen[0]["id"] == '\'=HYPERLINK("http://x")'
    # 2026-01-01, 32 uur, loonwaarde 60 %: 881.05 + 207.05 = 1088.10 (tests/test_loonkostensubsidie.py)
    assert rijen[0]["resultaat.loonkostensubsidie"] == "881.05" and rijen[0]["resultaat.totaal"] == "1088.10"
    assert rijen[0]["fouten"] == "" and rijen[2]["resultaat.loonkostensubsidie"] == "881.05"
    assert rijen[1]["fouten"] == "regel 3: $.loonwaarde: Vul een waarde van 0 tot en met 100 in."
    assert rijen[1]["resultaat.loonkostensubsidie"] == "" and rijen[1]["id"] == "b"
    for r in rijen:  # the receipt on every row, also on the bad one
        assert r["engine_versie"] and len(r["parameters_vingerafdruk"]) == 16 and r["peildatum"] == "2026-01-01"


def test_peildatum_optie_en_puntkomma(tmp_path):
    invoer = tmp_path / "in.csv"
    invoer.write_text("geboortedatum;uren_per_week;loonwaarde\n1990-05-01;32;60\n", encoding="utf-8-sig")
    verwerk(str(invoer), str(tmp_path / "uit.csv"), "loonkostensubsidie", peildatum=date(2025, 7, 1))
    with open(tmp_path / "uit.csv", encoding="utf-8-sig", newline="") as f:
        rij = next(csv.DictReader(f, delimiter=";"))
    # set per 1 January 2025 (Pw art. 10d lid 7): 2191.80 × 32 / 36 = 1948.27; + 8 % 155.86 = 2104.13;
    # − 60 % 1262.48 = 841.65 (wml.yaml wml.maandloon per 2025-01-01); a Dutch CSV is answered with a decimal comma
    # and a dd-mm-jjjj date (issue 18)
    assert rij["resultaat.loonkostensubsidie"] == "841,65" and rij["peildatum"] == "01-07-2025"


def test_kolom_te_veel_en_ongeldige_json_kolom(tmp_path):
    invoer = tmp_path / "in.csv"
    invoer.write_text(KOP + "a,1990-05-01,32,60,2026-01-01,extra\nb,1990-05-01,32,60,2026-01-01\n"
                      + "c,\x00,32,60,2026-01-01\n", encoding="utf-8")
    verwerk(str(invoer), str(tmp_path / "uit.csv"), "loonkostensubsidie")
    a, b, c = _lees(tmp_path / "uit.csv")
    assert a["fouten"] == "regel 2: 6 waarden, maar de kopregel heeft 5 kolommen." and b["fouten"] == ""
    # a NUL byte is refused and not copied to the output (issue 19)
    assert c["fouten"] == "regel 4: Deze regel bevat een NUL-teken; dat hoort niet in een CSV-bestand."
    assert "\x00" not in (tmp_path / "uit.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("inhoud, melding", [
    ("geboortedatum,uren,loonwaarde\n1990-01-01,32,60\n".encode(), "onbekende kolom(men): uren"),
    (KOP.encode() + "a,1990-05-01,32,60,2026-01-01\n".encode() + "b,caf\xe9,32,60\n".encode("latin-1"), "geen geldige UTF-8"),
    (b"", "leeg"),
    (b"PK\x03\x04rest", "Excel"),
    (("a" * (MAX_REGEL + 10)).encode(), "langer dan"),
    ((",".join(["x"] * 1_000_000) + "\n").encode(), "langer dan"),  # 10^6 columns
    ((",".join(f"k{i}" for i in range(600)) + "\n").encode(), "600 kolommen"),
])
def test_onbruikbaar_bestand_geeft_nette_fout_en_geen_uitvoer(tmp_path, inhoud, melding):
    invoer = tmp_path / "in.csv"
    invoer.write_bytes(inhoud)
    with pytest.raises(BatchFout, match=melding.replace("(", r"\(").replace(")", r"\)")):
        verwerk(str(invoer), str(tmp_path / "uit.csv"), "loonkostensubsidie")
    assert list(tmp_path.iterdir()) == [invoer]  # no (half) output file left behind


def test_regel_van_10_mb_via_de_cli(tmp_path):
    invoer = tmp_path / "in.csv"
    invoer.write_text(KOP + "a," + "9" * 10_000_000 + ",32,60,2026-01-01\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "rekenhulp.cli", "batch", str(invoer), "-o", str(tmp_path / "u.csv"),
                        "--soort", "loonkostensubsidie"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert "Regel 2 is langer dan 1024 kB" in r.stderr and "Traceback" not in r.stderr


def test_cli_meldingen(tmp_path):
    invoer = tmp_path / "in.csv"
    invoer.write_text(KOP + "a,1990-05-01,32,60,2026-01-01\n", encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(main, ["batch", str(invoer), "-o", str(tmp_path / "u.csv"), "--soort", "loonkostensubsidie"])
    assert r.exit_code == 0 and "1 regels verwerkt" in r.output and "0 met fouten" in r.output
    r = runner.invoke(main, ["batch", str(invoer), "-o", str(tmp_path / "u.csv"), "--soort", "onzin"])
    assert r.exit_code == 1 and "Onbekende soort" in r.output
    r = runner.invoke(main, ["batch", str(invoer), "-o", str(tmp_path / "u.csv"), "--soort", "loonkostensubsidie",
                             "--peildatum", "2026-02-30"])
    assert r.exit_code == 2 and "Ongeldige --peildatum" in r.output
    r = runner.invoke(main, ["batch", str(tmp_path / "bestaat-niet.csv"), "-o", str(tmp_path / "u.csv"),
                             "--soort", "loonkostensubsidie"])
    assert r.exit_code == 1 and "niet gevonden" in r.output


def test_jsonl(tmp_path):
    invoer = tmp_path / "in.jsonl"
    regels = [
        {"id": "a", "geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60, "peildatum": "2026-01-01",
         "jaaroverzicht": True},
        {"id": "b", "invoer": {"geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": -1}},
    ]
    invoer.write_text("\n".join(json.dumps(r) for r in regels) + "\n{kapot\n[1]\n", encoding="utf-8")
    s = verwerk(str(invoer), str(tmp_path / "uit.jsonl"), "loonkostensubsidie")
    uit = [json.loads(x) for x in (tmp_path / "uit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (s.rijen, s.fouten) == (4, 3)
    assert [(u["regel"], u["id"], u["status"]) for u in uit] == [(1, "a", "ok"), (2, "b", "fout"), (3, None, "fout"),
                                                                  (4, None, "fout")]
    assert uit[0]["resultaat"]["loonkostensubsidie"] == "881.05"
    assert len(uit[0]["resultaat"]["per_jaar"]["maanden"]) == 12
    assert uit[0]["rekenbewijs"]["peildatum"] == "2026-01-01"
    assert uit[1]["fouten"] == [{"pad": "$.loonwaarde", "bericht": "Vul een waarde van 0 tot en met 100 in."}]


def _steekproef(n: int, seed: int = 6) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        geval = {"id": f"z{i}", "uren_per_week": rnd.choice(["12", "20", "32", "36.5", "40"]),
                 "peildatum": rnd.choice(["2022-03-01", "2023-08-01", "2024-01-01", "2025-07-01", "2026-05-01"])}
        if rnd.random() < 0.7:
            geval["geboortedatum"] = date.fromordinal(date(1960, 1, 1).toordinal() + rnd.randrange(17000)).isoformat()
        else:
            geval["leeftijd"] = str(rnd.randrange(15, 67))
        if rnd.random() < 0.15:
            geval["forfaitair"] = "ja"
        else:
            geval["loonwaarde"] = str(rnd.randrange(0, 101))
        if rnd.random() < 0.2:
            geval["bbl"] = "ja"
        if rnd.random() < 0.3:
            geval["functieloon_per_uur"] = rnd.choice(["14.00", "17.25", "22.80"])
        if rnd.random() < 0.5:
            geval["jaaroverzicht"] = "ja"  # accepted as a column; the months themselves are not in a CSV
        out.append(geval)
    return out


@pytest.mark.parametrize("processen", [1, 2])
def test_batch_gelijk_aan_de_api_op_de_cent(tmp_path, client, processen, monkeypatch):
    """A sample of varied cases: every result column of the batch equals the single-case API."""
    import batch.verwerking as batch_mod

    monkeypatch.setattr(batch_mod, "BLOK", 7)  # several blocks in flight, to prove the order is kept
    gevallen = _steekproef(120)
    velden = ["id", "geboortedatum", "leeftijd", "uren_per_week", "loonwaarde", "forfaitair", "bbl",
              "functieloon_per_uur", "peildatum", "jaaroverzicht"]
    invoer = tmp_path / "in.csv"
    with open(invoer, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=velden)
        w.writeheader()
        w.writerows(gevallen)
    verwerk(str(invoer), str(tmp_path / "uit.csv"), "loonkostensubsidie", processen=processen)
    rijen, legenda = _lees_met_legenda(tmp_path / "uit.csv")
    assert [r["id"] for r in rijen] == [g["id"] for g in gevallen]
    geslaagd = 0
    for geval, rij in zip(gevallen, rijen):
        body = {k: v for k, v in geval.items() if k != "id"}
        body = {**body, **{k: int(body[k]) for k in ("leeftijd", "loonwaarde") if k in body}}
        body.update({k: True for k in ("forfaitair", "bbl", "jaaroverzicht") if k in body})
        r = client.post("/api/v1/loonkostensubsidie", json=body)
        if r.status_code != 200:
            assert rij["fouten"], (geval, r.get_json())
            continue
        geslaagd += 1
        api = r.get_json()
        assert rij["fouten"] == "", rij["fouten"]
        for kolom, waarde in rij.items():
            if kolom.startswith("resultaat."):
                v = api["resultaat"]
                for deel in kolom.removeprefix("resultaat.").split("."):
                    v = None if v is None else v[deel]  # per_jaar is null without jaaroverzicht
                verwacht = "" if v is None else ("true" if v is True else "false" if v is False else str(v))
                assert waarde == verwacht, (geval, kolom)
        # each warning once, in the legend at the end; the row names it by its code (issue 18)
        assert [legenda[c] for c in rij["waarschuwingen"].split()] == api["waarschuwingen"]
        assert rij["peildatum"] == api["rekenbewijs"]["peildatum"]
        assert rij["parameters_vingerafdruk"] == api["rekenbewijs"]["parameters_vingerafdruk"]
    assert geslaagd > 80  # the sample is mostly valid cases
    # the year totals are in every computed row (the months, a list, only in JSON output with jaaroverzicht)
    assert all(r["resultaat.per_jaar.totaal"] for r in rijen if not r["fouten"])


def test_sjabloon_is_een_geldige_invoer(tmp_path):
    from soorten.register import SOORTEN

    for naam in SOORTEN:
        invoer = tmp_path / f"{naam}.csv"
        invoer.write_text(sjabloon_csv(naam), encoding="utf-8")
        s = verwerk(str(invoer), str(tmp_path / f"{naam}_uit.csv"), naam)
        assert (s.rijen, s.fouten) == (1, 0), (naam, _lees(tmp_path / f"{naam}_uit.csv"))


def test_voortgang_alleen_op_een_terminal(tmp_path, capsys):
    invoer = tmp_path / "in.csv"
    invoer.write_text(KOP + "a,1990-05-01,32,60,2026-01-01\n", encoding="utf-8")
    verwerk(str(invoer), str(tmp_path / "u.csv"), "loonkostensubsidie", voortgang=True)
    assert "100 %" in capsys.readouterr().err
    verwerk(str(invoer), str(tmp_path / "u.csv"), "loonkostensubsidie")  # stderr is no terminal under pytest
    assert capsys.readouterr().err == ""


def test_snelle_serialisatie_gelijk_aan_schema_dump():
    """The batch takes its result cells from the generated dump (soorten.snel); for every soort's examples they
    equal those of marshmallow's dump of the schema without the list fields the CSV leaves out."""
    from soorten.register import SOORTEN, laad_invoer, reken
    from batch.verwerking import Rekenaar, _plat, resultaat_kolommen

    for naam, soort in SOORTEN.items():
        r = Rekenaar(naam)
        _, weg = resultaat_kolommen(soort.resultaat_schema)
        schema = soort.resultaat_schema(exclude=weg) if weg else soort.resultaat_schema()
        for body in (soort.voorbeeld, *soort.dekking_varianten):
            uitkomst = reken(soort, laad_invoer(soort, body))  # the variants include the 12 months
            verwacht = _plat(schema.dump(uitkomst.resultaat), r.paden)
            assert _plat(r.dump(uitkomst.resultaat), r.paden) == verwacht, naam
            assert len(verwacht) == len(r.kolommen)

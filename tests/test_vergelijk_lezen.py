"""The chunked reading of `rekenhulp vergelijk` (batch.bestandsvergelijking._vergelijk_in_stukken, issue 17 part 3):
the main process sends chunks of raw text, the workers split them into the rows the line reader gives. Whatever the
file, the output text, the summary and any BatchFout message equal those of the line reader (`_vergelijk_regels`),
with the chunk ends anywhere (LEESBLOK set to a few bytes), also with rows of the LKS classes and a file whose
chunks cannot all be used (a quote over two lines, NUL, a byte that is not UTF-8, a bare \\r)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from batch import bestandsvergelijking as bv
from batch import verwerking
from batch.verwerking import BatchFout
from soorten.register import laad_alle_soorten

KOLOMMEN = ["id", "geboortedatum", "uren_per_week", "loonwaarde", "begindatum_dienstbetrekking", "peildatum", "wijk"]


def _regels(rnd: random.Random, n: int, scheiding: str) -> list[str]:
    out = [scheiding.join(KOLOMMEN)]
    for i in range(n):
        geb = date(rnd.randint(1960, 2008), rnd.randint(1, 12), rnd.randint(1, 28)).isoformat()
        uren = rnd.choice(["32", "24", "40", "36"]) if scheiding == "," else rnd.choice(["32", "25,5", "40"])
        cellen = [f"zaak-{i}", geb, uren, rnd.choice(["50", "70", "onbekend", "100"]),
                  rnd.choice(["", "2020-03-01", "2026-02-01"]), rnd.choice(["2026-07-01", "2025-07-01"]),
                  rnd.choice(["Noord", "Zuid", "Oost-West", "ë-wijk"])]
        out.append(scheiding.join(cellen))
        if rnd.random() < 0.05:
            out.append("")  # a blank line
    return out


def _draai(pad: Path, snel_pad: bool, processen: int = 1):
    laad_alle_soorten()
    v = bv.Vergelijker("loonkostensubsidie", bv.Situatie(date(2025, 7, 1)), bv.Situatie(date(2026, 7, 1)), "wijk")
    try:
        with open(pad, encoding="utf-8-sig", newline="") as f:
            if snel_pad:
                delen = list(bv.vergelijk_in_blokken(v, f, "csv", "csv", processen))
            else:
                delen = list(bv._vergelijk_regels(v, f, "csv", "csv", processen, None))
    except BatchFout as exc:
        return "fout", str(exc)
    return "".join(t for t, _ in delen), v.samenvatting.json()


def _beide(monkeypatch, pad: Path, processen: int = 1, blokken=(7, 64, 1000, 1 << 18)):
    verwacht = _draai(pad, False, processen)
    for blok in blokken:
        with monkeypatch.context() as m:
            m.setattr(verwerking, "LEESBLOK", blok)
            assert _draai(pad, True, processen) == verwacht, blok
    return verwacht


@pytest.mark.parametrize("scheiding,einde,bom", [(",", "\n", ""), (",", "\r\n", "\ufeff"), (";", "\r\n", "")])
def test_in_stukken_gelijk_aan_de_regellezer(tmp_path, monkeypatch, scheiding, einde, bom):
    pad = tmp_path / "in.csv"
    pad.write_text(bom + einde.join(_regels(random.Random(scheiding + einde), 400, scheiding)) + einde,
                   encoding="utf-8", newline="")
    tekst, samenvatting = _beide(monkeypatch, pad)
    assert tekst.count("\n") == 400 and samenvatting["aantal"] == 400


@pytest.mark.parametrize("kwaad", [
    b'zaak-x,"1990-01-01",32,50,,2026-07-01,"Noord\nZuid"\n',  # a quoted value over two lines
    b'zaak-x,1990-01-01,32,50,,2026-07-01,"Noord, Zuid"\n',  # a quoted separator
    b"zaak-x,1990-01-01,32,5\x000,,2026-07-01,Noord\n",  # NUL
    b"zaak-x,1990-01-01,32,50,,2026-07-01,No\xffrd\n",  # not UTF-8
    b"zaak-x,1990-01-01,32,50,,2026-07-01,No\rrd\n",  # a bare \r
])
def test_stukken_die_niet_kunnen_gaan_naar_de_regellezer(tmp_path, monkeypatch, kwaad):
    regels = _regels(random.Random(7), 200, ",")
    data = ("\n".join(regels[:120]) + "\n").encode() + kwaad + ("\n".join(regels[120:]) + "\n").encode()
    pad = tmp_path / "in.csv"
    pad.write_bytes(data)
    _beide(monkeypatch, pad, processen=1)
    _beide(monkeypatch, pad, processen=2, blokken=(64, 1 << 18))


def test_kopregel_fout_gelijk(tmp_path, monkeypatch):
    pad = tmp_path / "in.csv"
    pad.write_text("id,geboortedatum,onzin\nzaak-1,1990-01-01,3\n", encoding="utf-8")
    soort, melding = _beide(monkeypatch, pad)
    assert soort == "fout" and "onzin" in melding

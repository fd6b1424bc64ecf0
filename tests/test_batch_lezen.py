"""The chunked CSV reading of `rekenhulp batch` (issue 17 part 3, batch.verwerking._verwerk_csv_snel): the main
process sends chunks of raw text to the workers, which split them into rows. Whatever the file, the output (or the
BatchFout message) must be byte for byte that of the line reader (`_verwerk_csv`, what REKENHULP_SNEL=0 runs), with
the chunk ends anywhere: LEESBLOK is set to a few bytes, so they fall inside multibyte characters, inside \\r\\n
pairs, inside quoted values and around the 8 kB pieces the text layer decodes at a time (which decide the line
number of a "not UTF-8" message)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from batch import verwerking
from batch.verwerking import BatchFout, verwerk
from rekenhulp.cli import main
from soorten import snel

ROOT = Path(__file__).resolve().parent.parent
KOLOMMEN = ["id", "geboortedatum", "uren_per_week", "loonwaarde", "peildatum"]


def _lijnlezer(pad, lezer, *rest):
    """In place of the chunked path: the line reader, with everything else (the switch, the workers) the same."""
    return verwerking._verwerk_csv(lezer, *rest)


def _rijen_als_tekst(blok, schoon=False):
    """In place of _blok_csv: the rows it gets, written out (line number and cells), so a test of the reading
    compares exactly what the computation would get, without computing. A block called `schoon`
    (batch.verwerking._schoon_stuk) must be that: no cell with a tab, a NUL or a line end, and none that starts
    with a formula character."""
    if schoon:
        for _, cellen in blok:
            for c in cellen:
                assert not any(t in c for t in ("\t", "\x00", "\r", "\n")), (cellen, c)
                assert c[:1] not in verwerking.FORMULE_BEGIN, (cellen, c)
    return "".join(f"{regel}\t{cellen!r}\n" for regel, cellen in blok), len(blok), 0, {}


def _draai(invoer: Path, uit: Path, processen: int = 1):
    """(output bytes, None) or (None, the BatchFout message); no output file is left after an error."""
    try:
        s = verwerk(str(invoer), str(uit), "loonkostensubsidie", processen=processen, voortgang=False)
    except BatchFout as exc:
        assert not uit.exists()
        return None, str(exc)
    data = uit.read_bytes()
    uit.unlink()
    return (data, s.rijen, s.fouten), None


def _beide(monkeypatch, invoer: Path, processen: int = 1, blokken=(1, 7, 13, 100, 8192)):
    """The line reader's answer, checked equal to the chunked path's for every chunk size in `blokken`."""
    uit = invoer.with_name("uit.csv")
    with monkeypatch.context() as m:
        m.setattr(verwerking, "_verwerk_csv_snel", _lijnlezer)
        verwacht = _draai(invoer, uit, processen)
    for blok in blokken:
        with monkeypatch.context() as m:
            m.setattr(verwerking, "LEESBLOK", blok)
            assert _draai(invoer, uit, processen) == verwacht, (blok, invoer.read_bytes()[:300])
    return verwacht


@pytest.fixture
def alleen_lezen(monkeypatch):
    monkeypatch.setattr(snel, "AAN", True)
    monkeypatch.setattr(verwerking, "_blok_csv", _rijen_als_tekst)


def _cel(rnd, scheiding: str) -> str:
    keuze = rnd.random()
    if keuze < 0.45:
        return rnd.choice(["1990-05-01", "32", "60", "2026-01-01", "", "x", "é", "€ 12", "  ", "日本"])
    if keuze < 0.6:
        return f'"25{scheiding}5"'  # a quoted value with the separator in it
    if keuze < 0.68:
        return '"a ""b"" c"'  # doubled quotes
    if keuze < 0.72:
        return 'ab"c'  # a quote inside an unquoted value: literal
    if keuze < 0.76:
        return '"x" y'  # text after a closing quote (csv's non-strict mode keeps it)
    if keuze < 0.8:
        return "\t"
    return str(rnd.randint(0, 10**6))


def _bestand(rnd, pad: Path, rijen: int, storing: str | None = None) -> Path:
    scheiding = rnd.choice([",", ";"])
    einde = rnd.choice(["\n", "\r\n"])
    regels = [scheiding.join(KOLOMMEN)]
    for i in range(rijen):
        k = rnd.random()
        if k < 0.05:
            regels.append("")  # blank line
        elif k < 0.08:
            regels.append(rnd.choice([" ", "\t ", "\u00a0", "\x0c"]))  # whitespace only: blank too
        elif k < 0.1:
            regels.append(scheiding.join(["z"] * 7))  # too many cells
        elif k < 0.12:
            regels.append(scheiding * 2)  # empty cells: a row, not blank
        else:
            regels.append(scheiding.join([f"r{i}", *(_cel(rnd, scheiding) for _ in range(rnd.randint(1, 4)))]))
    tekst = einde.join(regels) + (einde if rnd.random() < 0.8 else "")
    data = ("\ufeff" if rnd.random() < 0.4 else "").encode() + tekst.encode("utf-8")
    if storing:
        plek = rnd.randrange(len(data) // 4, len(data))
        plek = data.find(b"\n", plek) + 1 or plek  # at a line start, or where it fell
        invoeg = {"nul": b"r\x00x,1\n", "utf8": b"\xff", "utf8-half": "€".encode()[:2],
                  "cr": b"a,b\rc,d\n", "meerregelig": b'"een\ntwee",x\n', "open": b'"open\n'}[storing]
        data = data[:plek] + invoeg + data[plek:]
    pad.write_bytes(data)
    return pad


@pytest.mark.parametrize("seed", range(12))
def test_gegenereerde_bestanden_geven_dezelfde_rijen(alleen_lezen, monkeypatch, tmp_path, seed):
    """`,` and `;`, BOM or not, CRLF or LF, blank and whitespace-only lines, too many cells, quotes with the
    separator in them, doubled quotes, quotes inside values, with or without a line end after the last line."""
    rnd = random.Random(seed)
    pad = _bestand(rnd, tmp_path / "in.csv", rnd.choice([0, 1, 3, 40, 400]))
    (uit, _, _), fout = _beide(monkeypatch, pad, blokken=(1, 2, 7, 13, 64, 8192, 1 << 20))
    assert fout is None


@pytest.mark.parametrize("storing", ["nul", "utf8", "utf8-half", "cr", "meerregelig", "open"])
@pytest.mark.parametrize("seed", range(3))
def test_storingen_geven_dezelfde_uitvoer_of_melding(alleen_lezen, monkeypatch, tmp_path, storing, seed):
    """A NUL, a byte that is not UTF-8 (also half a character), a bare \\r, a quoted value over two lines, a quote
    that is not closed: wherever it falls (in files past the text layer's 8 kB pieces, so "rond regel N" is tested
    where the line number depends on them), the same output or the same BatchFout as the line reader."""
    rnd = random.Random(100 + seed)
    pad = _bestand(rnd, tmp_path / "in.csv", 600, storing)
    verwacht = _beide(monkeypatch, pad)
    if storing in ("utf8", "utf8-half"):
        assert verwacht[1].startswith("Het invoerbestand is geen geldige UTF-8-tekst (rond regel ")
    if storing == "meerregelig":
        assert "aanhalingsteken" in verwacht[1]


def test_niet_utf8_op_de_grens_van_een_stuk(alleen_lezen, monkeypatch, tmp_path):
    """A bad byte just after, just before and on a chunk end (LEESBLOK bytes) and around the 8 kB pieces."""
    regel = "r,1990-05-01,32,60,2026-01-01\n".encode()
    for blok in (64, 8192):
        for plek in (blok - 1, blok, blok + 1, 8192 - len(regel), 3 * 8192 + 5):
            data = bytearray(KOLOMMEN_KOP + regel * (5 * 8192 // len(regel)))
            data[plek:plek] = b"\xe9"
            pad = tmp_path / "in.csv"
            pad.write_bytes(bytes(data))
            _, fout = _beide(monkeypatch, pad, blokken=(blok,))
            assert fout.startswith("Het invoerbestand is geen geldige UTF-8-tekst (rond regel "), fout


KOLOMMEN_KOP = (",".join(KOLOMMEN) + "\n").encode()


def test_regel_langer_dan_max_regel(alleen_lezen, monkeypatch, tmp_path):
    regel = b"r,1990-05-01,32,60,2026-01-01\n"
    lang = b"x," + b"9" * verwerking.MAX_REGEL + b"\n"
    pad = tmp_path / "in.csv"
    pad.write_bytes(KOLOMMEN_KOP + regel * 3 + lang + regel)
    _, fout = _beide(monkeypatch, pad, blokken=(7, 1 << 20))
    assert fout.startswith("Regel 5 is langer dan 1024 kB"), fout
    # with a small MAX_REGEL: lines at, just under and just over it, in chunks larger than it
    monkeypatch.setattr(verwerking, "MAX_REGEL", 60)  # the header has 52 characters, 53 with \r\n
    for lengte in (58, 59, 60, 61):
        for einde in (b"\n", b"\r\n"):
            lijn = b"r," + b"1" * (lengte - 2 - len(einde)) + einde
            pad.write_bytes(KOLOMMEN_KOP.replace(b"\n", einde) + (regel.replace(b"\n", einde) + lijn) * 30)
            verwacht = _beide(monkeypatch, pad, blokken=(7, 100, 1000))
            assert (verwacht[1] is None) == (lengte <= 60), (lengte, einde, verwacht[1])


def test_een_bestand_van_precies_een_stuk(alleen_lezen, monkeypatch, tmp_path):
    regel = b"r,1990-05-01,32,60,2026-01-01\r\n"
    data = KOLOMMEN_KOP + regel * 20
    pad = tmp_path / "in.csv"
    for extra in (b"", b"x,1"):  # ending at a line end, or with a last line without one
        pad.write_bytes(data + extra)
        n = len(data + extra)
        _beide(monkeypatch, pad, blokken=(n - 1, n, n + 1))


def test_lege_en_bijna_lege_bestanden(alleen_lezen, monkeypatch, tmp_path):
    pad = tmp_path / "in.csv"
    for data in (b"", b"\xef\xbb\xbf", b"\xef\xbb", b"\n", b"\r\n\r\n", b"id", b"id\n", b"id,x\n1\n", b'"id\n",x\n1\n',
                 b'"i""d",x\n', b"id;loonwaarde\n1;2\n", b"\xef\xbb\xbfid\r", b"id\r\n\r"):
        pad.write_bytes(data)
        _beide(monkeypatch, pad, blokken=(1, 3, 100))


def test_foute_kopregel_en_niet_utf8_erna(alleen_lezen, monkeypatch, tmp_path):
    """The line reader decodes the first 8 kB before it checks the header: a bad byte there gives the UTF-8
    message, not the header's, also when the chunk with the header ends before it."""
    regel = b"r,1990-05-01,32,60,2026-01-01\n"
    pad = tmp_path / "in.csv"
    for plek in (100, 5000, 9000):
        data = bytearray(b"id,onbekend\n" + regel * 400)
        data[plek:plek] = b"\xff"
        pad.write_bytes(bytes(data))
        _, fout = _beide(monkeypatch, pad, blokken=(7, 64, 8192))
        assert fout.startswith("Het invoerbestand is geen" if plek < 8192 else "Kopregel: onbekende kolom"), fout


def test_met_twee_processen(alleen_lezen, monkeypatch, tmp_path):
    """Chunks to two worker processes (forked, so they have the replaced _blok_csv), in order; a quote over two
    lines near the end: the line reader takes over from that chunk on, the chunks after it are dropped."""
    rnd = random.Random(7)
    pad = _bestand(rnd, tmp_path / "in.csv", 3000)
    (uit, rijen, _), _ = _beide(monkeypatch, pad, processen=2, blokken=(500, 4096))
    assert rijen > 2000
    data = pad.read_bytes()
    plek = data.find(b"\n", len(data) * 9 // 10) + 1
    pad.write_bytes(data[:plek] + b'"een\ntwee"\n' + data[plek:])
    _, fout = _beide(monkeypatch, pad, processen=2, blokken=(500, 4096))
    assert "aanhalingsteken" in fout


# --- the real computation: the whole output byte for byte ---------------------------------------------------------


def _lks_bestand(pad: Path, scheiding=",", einde="\n", bom=False, rijen=60) -> Path:
    rnd = random.Random(len(scheiding + einde) + rijen + bom)
    regels = [scheiding.join(KOLOMMEN)]
    for i in range(rijen):
        uren = rnd.choice(["32", "24", "25,5", "38"])
        if "," in uren and scheiding == ",":
            uren = f'"{uren}"'
        rij = [f"=zaak-{i}" if i % 17 == 0 else f"zaak-{i}", rnd.choice(["1990-05-01", "2008-03-02", "01-07-1970"]),
               uren, rnd.choice(["60", "45", "150", "x"]), rnd.choice(["2026-01-01", "2025-07-01", ""])]
        regels.append(scheiding.join(rij))
        if i % 9 == 0:
            regels.append(rnd.choice(["", "  "]))
        if i % 23 == 0:
            regels.append(scheiding.join(["te", "veel", "cellen", "in", "deze", "regel"]))
        if i % 29 == 0:
            regels.append(f"n\x00ul{scheiding}1990-05-01")
    pad.write_bytes((b"\xef\xbb\xbf" if bom else b"") + (einde.join(regels) + einde).encode())
    return pad


@pytest.mark.parametrize("processen", [1, 2])
@pytest.mark.parametrize("scheiding,einde,bom", [(",", "\n", False), (";", "\r\n", True), (",", "\r\n", True),
                                                 (";", "\n", False)])
def test_uitvoer_byte_voor_byte_gelijk(monkeypatch, tmp_path, processen, scheiding, einde, bom):
    """With the real computation (_blok_csv): formula-like ids, Dutch decimal commas (quoted in a `,` CSV),
    invalid rows, blank lines, rows with too many cells and with a NUL, warnings as codes with their legend."""
    monkeypatch.setattr(snel, "AAN", True)
    pad = _lks_bestand(tmp_path / "in.csv", scheiding, einde, bom)
    (uit, rijen, fouten), _ = _beide(monkeypatch, pad, processen, blokken=(7, 300, 1 << 20))
    assert rijen == 60 + 3 + 3 and fouten > 0
    assert b"\r\ncode" + scheiding.encode() + b"waarschuwing\r\n" in uit  # the legend


def test_rekenhulp_batch_met_beide_standen(tmp_path):
    """End to end through the click command, REKENHULP_SNEL=1 here and =0 in a subprocess (the switch is read
    when soorten.snel is imported): the same output file."""
    pad = _lks_bestand(tmp_path / "in.csv", ";", "\r\n", True, rijen=40)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(snel, "AAN", True)
        m.setattr(verwerking, "LEESBLOK", 50)
        r = CliRunner().invoke(main, ["batch", str(pad), "-o", str(tmp_path / "snel.csv"),
                                      "--soort", "loonkostensubsidie", "--processen", "2"])
    assert r.exit_code == 0, r.output
    env = {**os.environ, "REKENHULP_SNEL": "0"}
    code = ("import sys; from rekenhulp.cli import main; "
            "main(['batch', sys.argv[1], '-o', sys.argv[2], '--soort', 'loonkostensubsidie', '--processen', '1'])")
    uit = subprocess.run([sys.executable, "-c", code, str(pad), str(tmp_path / "traag.csv")], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert uit.returncode == 0, uit.stderr
    assert (tmp_path / "snel.csv").read_bytes() == (tmp_path / "traag.csv").read_bytes()
    assert (tmp_path / "snel.csv").read_bytes().count(b"\r\n") > 40


def test_de_snelle_weg_wordt_gebruikt(alleen_lezen, monkeypatch, tmp_path):
    """The chunks really reach the workers as text (not through the line reader) on an ordinary file with quoted
    decimal commas, and the line reader is used from the first chunk it is needed for."""
    gezien = []
    echte = verwerking._stuk_rijen
    monkeypatch.setattr(verwerking, "_stuk_rijen", lambda t, r, s: gezien.append(r) or echte(t, r, s))
    regels = [b"r%d,1990-05-01,\"25,5\",60,2026-01-01\n" % i for i in range(100)]
    pad = tmp_path / "in.csv"
    pad.write_bytes(KOLOMMEN_KOP + b"".join(regels))
    monkeypatch.setattr(verwerking, "LEESBLOK", 500)
    (uit, rijen, _), _ = _draai(pad, tmp_path / "uit.csv")
    assert rijen == 100 and gezien[0] == 2 and len(gezien) > 5
    gezien.clear()
    pad.write_bytes(KOLOMMEN_KOP + b"".join(regels[:50]) + b"a,b\rc\n" + b"".join(regels[50:]))
    (uit2, rijen, _), _ = _draai(pad, tmp_path / "uit.csv")
    assert rijen == 102 and gezien and max(gezien) < 52  # the chunk with the bare \\r and all after it: lines


def test_codes_in_blok_een_doorgang_en_volgorde():
    """The workers' warning markers become the file's codes in one pass (batch.verwerking._codes_in_blok): codes in
    the order the warnings first appear in the file, across blocks of two processes with their own numbering;
    a block with a NUL that is no marker (never expected) is still replaced marker by marker."""
    from batch.verwerking import _codes_in_blok

    codes: dict = {}
    eerste = {"\x001\x00": "geen begindatum", "\x002\x00": "voorlopig"}  # process 1
    tweede = {"\x001\x00": "voorlopig", "\x002\x00": "boven voltijd"}  # process 2 numbers its own warnings
    assert _codes_in_blok("a,\x002\x00\r\nb,\x002\x00 \x001\x00\r\n", eerste, codes) == "a,W1\r\nb,W1 W2\r\n"
    assert codes == {"voorlopig": "W1", "geen begindatum": "W2"}
    assert _codes_in_blok("c,\x002\x00 \x001\x00\r\nd,\r\n", tweede, codes) == "c,W3 W1\r\nd,\r\n"
    assert codes == {"voorlopig": "W1", "geen begindatum": "W2", "boven voltijd": "W3"}
    assert _codes_in_blok("geen markers\r\n", tweede, codes) == "geen markers\r\n"
    assert _codes_in_blok("e,\x001\x00 x\x00y\r\n", eerste, codes) == "e,W2 x\x00y\r\n"


@pytest.mark.parametrize("scheiding", [",", ";"])
def test_schoon_stuk(scheiding):
    """_schoon_stuk says a chunk needs no csv module and no neutraliseer only when no cell holds a quote, a tab or a
    NUL or starts with a formula character (=, +, -, @), at the start of the chunk, of a line or after a separator."""
    from batch.verwerking import _schoon_stuk

    s = scheiding
    assert _schoon_stuk(f"a{s}1990-05-01{s}32{s}{s}2026-01-01\nb{s}x{s}é 12{s}1-2{s}\n", s)
    assert _schoon_stuk(f'a{s}"25{s}5"{s}"x""y"\n"b"{s}c\n', s)  # quoted values: the csv module per row
    for vuil in ("\t", "\x00"):
        assert not _schoon_stuk(f"a{s}b{vuil}c{s}d\n", s)
    for teken in "=+-@":
        for cel in (teken, f'"{teken}'):  # a value, or a quoted value, that starts with it
            assert not _schoon_stuk(f"{cel}a{s}b\n", s)  # the first cell of the chunk
            assert not _schoon_stuk(f"a{s}b\n{cel}c{s}d\n", s)  # the first cell of a later line
            assert not _schoon_stuk(f"a{s}{cel}b\n", s)  # after a separator
        assert _schoon_stuk(f"a{s}b{teken}c\n", s)  # inside a cell: no formula


def test_formules_vooraan_met_en_zonder_snel(tmp_path, monkeypatch):
    """A file whose cells start with formula characters at the start of a line, of the file and after a separator
    gives the same output in chunks of every size as through the line reader, with the real computation: every
    such cell neutralised (an apostrophe), also in a chunk where all other rows are clean."""
    pad = tmp_path / "in.csv"
    rijen = ["id,geboortedatum,uren_per_week,loonwaarde,peildatum"]
    rijen += [f"r{i},1980-05-01,32,60,2026-01-01" for i in range(40)]
    rijen += ["=1+1,1980-05-01,32,60,2026-01-01", "r41,1980-05-01,32,60,2026-01-01", "+r42,1980-05-01,32,60,2026-01-01",
              "r43,@x,32,60,2026-01-01", '"-r44",1980-05-01,"-32",60,2026-01-01', 'r45,1980-05-01,"25,5",60,2026-01-01',
              'r46,1980-05-01,"2""5",60,2026-01-01', '"=r47",1980-05-01,32,60,2026-01-01']
    pad.write_text("\n".join(rijen) + "\n", encoding="utf-8")
    monkeypatch.setattr(snel, "AAN", True)
    (uit, n, _), fout = _beide(monkeypatch, pad, blokken=(1, 7, 40, 45, 61, 100, 8192))
    assert fout is None and n == 48
    tekst = uit.decode("utf-8-sig")
    for begin in ("'=1+1,", "'+r42,", "'@x", "'-r44,", "'-32", '"25,5"', '"2""5"', "'=r47"):
        assert begin in tekst, begin

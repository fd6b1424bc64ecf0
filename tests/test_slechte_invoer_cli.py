"""Bad-input catalogue for the `rekenhulp batch` CLI, run as a real process with a timeout: each bad
file ends with a non-zero exit and a Dutch message, never a traceback or a hang, and leaves no output.
(tests/test_batch_cli.py covers the same files at the library level; this is the user's view.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

KOP = "id,geboortedatum,uren_per_week,loonwaarde,peildatum\n"


def batch(tmp_path, inhoud: bytes, naam: str = "in.csv", timeout: int = 60):
    invoer = tmp_path / naam
    invoer.write_bytes(inhoud)
    uit = tmp_path / ("uit" + invoer.suffix)
    r = subprocess.run([sys.executable, "-m", "rekenhulp.cli", "batch", str(invoer), "-o", str(uit),
                        "--soort", "loonkostensubsidie"], capture_output=True, timeout=timeout)
    return r, uit


SLECHT = [
    ("niet-utf8", KOP.encode() + "a,1990-05-01,32,60,2026-01-01\n".encode() + "b,café,32,60,\n".encode("latin-1"),
     "in.csv", "UTF-8"),
    ("utf16", KOP.encode("utf-16"), "in.csv", "UTF-8"),
    ("miljoen-kolommen", (",".join(["x"] * 1_000_000) + "\n").encode(), "in.csv", "langer dan"),
    ("miljoen-kolommen-kort", (",".join([""] * 1_000_000) + "\n").encode(), "in.csv", "kolommen"),
    ("regel-10-mb", KOP.encode() + b"a," + b"9" * 10_000_000 + b",32,60,2026-01-01\n", "in.csv", "langer dan"),
    ("binair", bytes(range(256)) * 100, "in.csv", None),
    ("leeg", b"", "in.csv", "leeg"),
    ("jsonl-diep", b'{"a": ' * 100_000 + b"1" + b"}" * 100_000 + b"\n", "in.jsonl", None),
]


@pytest.mark.parametrize("naam,inhoud,bestand,melding", SLECHT, ids=[s[0] for s in SLECHT])
def test_slecht_bestand_geeft_nette_cli_fout(tmp_path, naam, inhoud, bestand, melding):
    r, uit = batch(tmp_path, inhoud, bestand)
    fout = r.stderr.decode("utf-8", "replace") + r.stdout.decode("utf-8", "replace")
    assert "Traceback" not in fout, fout[-2000:]
    if r.returncode == 0:
        # a file the CLI can read is processed row by row: then every bad row is reported in the output
        assert naam in ("jsonl-diep",), fout
        assert uit.exists() and "fout" in uit.read_text(encoding="utf-8", errors="replace").lower()
        return
    assert r.returncode in (1, 2), (r.returncode, fout)
    if melding:
        assert melding in fout, fout[-2000:]
    assert not uit.exists()  # no half output file left behind

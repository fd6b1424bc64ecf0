"""Issue 14 item 10: sources a user can read.

- Every `bron` names the official document first: a version of the consolidated law text (wetten.overheid.nl), a
  Staatscourant or Staatsblad number, a regulation, or a page of the authority that publishes the value
  (belastingdienst.nl, rijksoverheid.nl, uwv.nl); secondary sites only after "ook:".
- Nothing in the project points outside the repository: no research notes beside the checkout, no paths of a
  developer's machine. Reasoning behind a value lives in docs/bronnen/ and the parameter refers to it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from parameters import default_parameters

ROOT = Path(__file__).resolve().parent.parent

# How an official source starts: a law or regulation by name (Participatiewet, Wml, Wet ..., Besluit ..., Regeling ...,
# Algemene Ouderdomswet / AOW art.), a publication (Stcrt., Stb., Staatscourant, Kamerstuk, officielebekendmakingen),
# the consolidated text (wetten.overheid.nl) or the publishing authority's own page.
OFFICIEEL = re.compile(
    r"^(Participatiewet|Wml |Wet |Wfsv|Besluit|Regeling|Indexeringsregeling|Algemene Ouderdomswet|AOW art\.|Stcrt\.|"
    r"Stb\.|Staatscourant|Kamerstuk|https://wetten\.overheid\.nl/|https://zoek\.officielebekendmakingen\.nl/|"
    r"https://(www\.)?(rijksoverheid|belastingdienst|uwv)\.nl/|rijksoverheid\.nl|belastingdienst\.nl|Belastingdienst[ ,]|"
    r"Kennisnetwerk Belastingen en Toeslagen van de Belastingdienst)")


def test_elke_bron_noemt_eerst_het_officiele_document():
    fout = [f"{p.naam} {e.vanaf}: {e.value.bron[:80]}" for p in default_parameters() for e in p.entries
            if e.value is not None and not OFFICIEEL.match(e.value.bron or "")]
    assert fout == []


def test_de_test_herkent_een_secundaire_bron_vooraan():
    assert not OFFICIEEL.match("velsen.nl/bijstandsnormen; ook: Participatiewet art. 21")
    assert OFFICIEEL.match("Participatiewet art. 21 onder b, geconsolideerde tekst geldig op 2024-07-01, "
                           "https://wetten.overheid.nl/BWBR0015703/2024-07-01#Artikel21; ook: velsen.nl")


BUITEN = re.compile(r"\.\./research|\.\./shared|/work/|/root/|/home/\w+")


def _bestanden() -> list[Path]:
    uit = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / f for f in uit if not f.endswith((".mo", ".png", ".svg", ".woff2", ".min.js", "package-lock.json"))
            and "vendor/" not in f and f != "tests/test_bronnen.py"]


def test_niets_wijst_buiten_de_repository():
    fout = []
    for pad in _bestanden():
        try:
            tekst = pad.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        for nr, regel in enumerate(tekst.splitlines(), 1):
            if BUITEN.search(regel):
                fout.append(f"{pad.relative_to(ROOT)}:{nr}: {regel.strip()[:100]}")
    assert fout == []


def test_docs_bronnen_heeft_een_bestand_per_onderwerp():
    index = (ROOT / "docs" / "bronnen" / "README.md").read_text(encoding="utf-8")
    for naam in re.findall(r"\]\(([\w-]+\.md)\)", index):
        assert (ROOT / "docs" / "bronnen" / naam).is_file(), naam

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


# Issue 14 item 9: the statuses and citations that the law texts settle, each as the issue names it.
STATUSSEN = [
    # WML 1 July 2026: the Regeling of 28 April 2026, nr. 2026-0000107275, Stcrt. 2026, 16505 (named in the
    # consolidated Wml text valid from 2026-07-01)
    ("wml.uurloon", "2026-07-01", "14.99", "bevestigd", "Stcrt. 2026, 16505"),
    ("wml.maandloon", "2026-07-01", "2337.00", "bevestigd", "Stcrt. 2026, 16505"),
    # no quotumheffing over 2026: Wfsv art. 122na lid 1 (text valid from 2026-07-01)
    ("quotum.heffing_geactiveerd.markt", "2026-01-01", "False", "bevestigd", "Wfsv art. 122na lid 1"),
    ("quotum.heffing_geactiveerd.overheid", "2026-01-01", "False", "bevestigd", "Wfsv art. 122na lid 1"),
    # onder z/aa equal onder y by art. 38 lid 3 (the same indexation), also in January 2024 and 2025
    ("bijstand.vrijlating_doelgroep_lks.maximum", "2024-01-01", "167.07", "bevestigd", "art. 38 lid 3"),
    ("bijstand.vrijlating_doelgroep_lks.maximum", "2025-01-01", "173.04", "bevestigd", "art. 38 lid 3"),
    # overheid 2018 rests on secondary sources only
    ("quotum.percentage.overheid", "2018-01-01", "1.93", "voorlopig", "Wfsv art. 38f"),
    # AOW gehuwden 2024-01: the law text's amount, not the 1.933,98 of some municipal tables
    ("bijstand.norm_aow.gehuwden", "2024-01-01", "1932.32", "bevestigd", "Participatiewet art. 22"),
]


def test_statussen_en_citaten_van_item_9():
    from datetime import date

    ps = default_parameters()
    for naam, datum, waarde, status, citaat in STATUSSEN:
        pv = ps.at(naam, date.fromisoformat(datum))
        assert (str(pv.waarde), pv.status) == (waarde, status), naam
        assert citaat in pv.bron, (naam, pv.bron[:120])
    # the youth minimum wage rests on Wml art. 7 lid 3 and art. 8 lid 3 with the Besluit, not on art. 15
    grondslag = ps.parameter("wml.jeugdpercentage.18").grondslag
    assert "art. 7 lid 3" in grondslag and "art. 8 lid 3" in grondslag and "art. 15" not in grondslag
    assert "Besluit minimumjeugdloon" in grondslag

"""The explanation catalogue: every text the engine shows, by key, in Dutch and English.

One YAML file per rule in this folder (`loonkostensubsidie.yaml`, `wml.yaml`, ...) plus `algemeen.yaml`
(texts of the engine itself) and `wetten.yaml` (the laws cited, with their BWB id for the link to the
consolidated text on wetten.overheid.nl). docs/uitleg-catalogus.md describes the format.

The files are read and validated once (`catalogus()`); a key used twice, a text without `nl` or `en`, a
template whose placeholders differ between the languages or a grondslag naming an unknown wet is a
CatalogusFout naming the file and the key.

This module has no dependencies beyond PyYAML: it also holds the plain Dutch rendering that gives an engine
message its `str()` (the text of the API and the batch). The locale-aware rendering for the channels (Dutch
and English, with Babel) is `soorten.uitleg`; both give the same Dutch text (tests/test_uitleg_catalogus.py).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: quicker to start

MAP = Path(__file__).resolve().parent
TALEN = ("nl", "en")
_VELDEN_STAP = {"omschrijving", "berekening", "grondslag"}
_VELDEN_BRON = {"wet", "artikel", "lid", "onderdeel", "link"}
JCI = "https://wetten.overheid.nl/jci1.3:c:{bwb}&artikel={artikel}"


class CatalogusFout(Exception):
    """A catalogue file is invalid; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Bron:
    """One legal source of a step: wet, artikel, lid, onderdeel and the link to the consolidated text."""

    wet: str
    artikel: str | None = None
    lid: tuple[str, ...] = ()
    onderdeel: str | None = None
    link: str | None = None

    def als_dict(self) -> dict:
        return {"wet": self.wet, "artikel": self.artikel, "lid": " en ".join(self.lid) or None,
                "onderdeel": self.onderdeel, "link": self.link}


@dataclass(frozen=True, slots=True)
class Grondslag:
    bronnen: tuple[Bron, ...]
    toelichting: dict | None  # {nl, en}, shown after the sources in brackets (or alone without sources)


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalogue entry: a step (omschrijving, berekening, grondslag) or a message (tekst)."""

    sleutel: str
    bestand: str
    omschrijving: dict | None  # {nl, en}: a template
    berekening: dict | None
    grondslag: Grondslag | None
    tekst: dict | None  # for a message (warning, reason, error)

    def velden(self) -> set[str]:
        """The names of the placeholders of all templates of this entry (the same in nl and en)."""
        out: set[str] = set()
        for sjablonen in (self.omschrijving, self.berekening, self.tekst,
                          self.grondslag.toelichting if self.grondslag else None):
            if sjablonen:
                out |= placeholders(sjablonen["nl"])
        if self.grondslag:
            for b in self.grondslag.bronnen:
                for deel in (b.artikel, b.onderdeel, *b.lid):
                    if deel:
                        out |= placeholders(deel)
        return out


def placeholders(sjabloon: str) -> set[str]:
    return {naam for _, naam, _, _ in string.Formatter().parse(sjabloon) if naam}


def _talen(bestand: str, sleutel: str, veld: str, waarde) -> dict:
    if not isinstance(waarde, dict) or set(waarde) != set(TALEN) or not all(
            isinstance(waarde[t], str) and waarde[t].strip() for t in TALEN):
        raise CatalogusFout(f"{bestand}: {sleutel}.{veld} moet een tekst in 'nl' en 'en' hebben (en niets anders)")
    nl, en = placeholders(waarde["nl"]), placeholders(waarde["en"])
    if nl != en:
        raise CatalogusFout(f"{bestand}: {sleutel}.{veld}: de plaatshouders verschillen: nl {sorted(nl)}, "
                            f"en {sorted(en)}")
    return waarde


def _grondslag(bestand: str, sleutel: str, data, wetten: dict) -> Grondslag:
    if not isinstance(data, dict) or not set(data) <= {"bronnen", "toelichting"} or not data:
        raise CatalogusFout(f"{bestand}: {sleutel}.grondslag moet 'bronnen' en/of 'toelichting' hebben")
    bronnen = []
    for b in data.get("bronnen") or ():
        if not isinstance(b, dict) or "wet" not in b or not set(b) <= _VELDEN_BRON:
            raise CatalogusFout(f"{bestand}: {sleutel}.grondslag.bronnen: elke bron heeft 'wet' en verder alleen "
                                f"{sorted(_VELDEN_BRON - {'wet'})}")
        if b["wet"] not in wetten:
            raise CatalogusFout(f"{bestand}: {sleutel}: onbekende wet {b['wet']!r} (voeg haar toe aan wetten.yaml)")
        artikel = None if b.get("artikel") is None else str(b["artikel"])
        lid = b.get("lid")
        lid = () if lid is None else tuple(str(x) for x in (lid if isinstance(lid, list) else [lid]))
        link = b.get("link")
        if link is None and artikel is not None and wetten[b["wet"]].get("bwb") and "{" not in artikel:
            link = JCI.format(bwb=wetten[b["wet"]]["bwb"], artikel=artikel)
        bronnen.append(Bron(b["wet"], artikel, lid, None if b.get("onderdeel") is None else str(b["onderdeel"]), link))
    toelichting = data.get("toelichting")
    if toelichting is not None:
        toelichting = _talen(bestand, sleutel, "grondslag.toelichting", toelichting)
    return Grondslag(tuple(bronnen), toelichting)


def _lees(pad: Path) -> dict:
    with pad.open(encoding="utf-8") as f:
        data = yaml.load(f, Loader=_Loader) or {}  # noqa: S506 - SafeLoader (libyaml's when present)
    if not isinstance(data, dict):
        raise CatalogusFout(f"{pad.name}: verwacht een mapping")
    return data


@lru_cache(maxsize=1)
def catalogus() -> dict[str, Entry]:
    """Every entry of every catalogue file, by key; read and validated once."""
    return laad(MAP)


def laad(map_: Path) -> dict[str, Entry]:
    """Read and validate the catalogue files in `map_` (wetten.yaml and the others); CatalogusFout if one is wrong."""
    wetten = _lees(map_ / "wetten.yaml").get("wetten") or {}
    out: dict[str, Entry] = {}
    for pad in sorted(map_.glob("*.yaml")):
        if pad.name == "wetten.yaml":
            continue
        data = _lees(pad)
        onbekend = set(data) - {"stappen", "teksten"}
        if onbekend:
            raise CatalogusFout(f"{pad.name}: onbekende onderdelen {sorted(onbekend)} (alleen stappen en teksten)")
        for sleutel, e in (data.get("stappen") or {}).items():
            if sleutel in out:
                raise CatalogusFout(f"{pad.name}: sleutel {sleutel} staat ook in {out[sleutel].bestand}")
            if not isinstance(e, dict) or "omschrijving" not in e or not set(e) <= _VELDEN_STAP:
                raise CatalogusFout(f"{pad.name}: stap {sleutel} heeft 'omschrijving' en verder alleen "
                                    f"'berekening' en 'grondslag'")
            out[sleutel] = Entry(
                sleutel, pad.name, _talen(pad.name, sleutel, "omschrijving", e["omschrijving"]),
                None if e.get("berekening") is None else _talen(pad.name, sleutel, "berekening", e["berekening"]),
                None if e.get("grondslag") is None else _grondslag(pad.name, sleutel, e["grondslag"], wetten),
                None)
        for sleutel, e in (data.get("teksten") or {}).items():
            if sleutel in out:
                raise CatalogusFout(f"{pad.name}: sleutel {sleutel} staat ook in {out[sleutel].bestand}")
            out[sleutel] = Entry(sleutel, pad.name, None, None, None, _talen(pad.name, sleutel, "tekst", e))
    return out


def entry(sleutel: str) -> Entry:
    try:
        return catalogus()[sleutel]
    except KeyError:
        raise CatalogusFout(f"onbekende sleutel {sleutel!r}: niet in calculator/teksten/*.yaml") from None


# --- the plain Dutch rendering (str() of a message; no Babel) ------------------------------------

MAANDEN_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")


def _groepen(cijfers: str, scheiding: str) -> str:
    out = []
    while len(cijfers) > 3:
        out.insert(0, cijfers[-3:])
        cijfers = cijfers[:-3]
    out.insert(0, cijfers)
    return scheiding.join(out)


def getal_nl(waarde: Decimal | int) -> str:
    """1760 -> "1.760", Decimal("32.5") -> "32,5": as Babel's nl_NL format_decimal without quantization."""
    tekst = format(waarde, "f")
    teken = "-" if tekst.startswith("-") else ""
    heel, _, decimalen = tekst.lstrip("-").partition(".")
    decimalen = decimalen.rstrip("0")  # as Babel: 32.50 -> "32,5"
    return teken + _groepen(heel, ".") + ("," + decimalen if decimalen else "")


def euro_nl(bedrag: Decimal) -> str:
    """€ 1.234,56 with a no-break space, as Babel's nl_NL format_currency (two decimals, half-even)."""
    tekst = format(bedrag.quantize(Decimal("0.01")), "f")
    teken = "-" if tekst.startswith("-") else ""
    heel, _, decimalen = tekst.lstrip("-").partition(".")
    return f"€\xa0{teken}{_groepen(heel, '.')},{decimalen}"


def datum_nl(d: date) -> str:
    return f"{d.day} {MAANDEN_NL[d.month - 1]} {d.year}"


def waarde_nl(waarde) -> str:
    from calculator.explanation import Bedrag, Melding

    if isinstance(waarde, Melding):
        return str(waarde)
    if isinstance(waarde, Bedrag):
        return euro_nl(waarde.amount)
    if isinstance(waarde, Decimal):
        return getal_nl(waarde)
    if isinstance(waarde, date):
        return datum_nl(waarde)
    return "" if waarde is None else str(waarde)


def vul_in(sjabloon: str, waarden: dict, opmaak) -> str:
    """`sjabloon` with its named placeholders filled in, each value formatted by `opmaak`."""
    return sjabloon.format_map({k: opmaak(v) for k, v in waarden.items()})


# wetten.overheid.nl style: "Participatiewet art. 10d lid 4 onder b"; English: "Participatiewet art. 10d(4)(b)"
def bron_tekst(bron: Bron, taal: str, met_artikel: bool = True) -> str:
    """One source without its wet; `met_artikel` False: only the lid and onderdeel (the article was just named,
    as in "art. 10d lid 1 onder b en lid 5")."""
    if bron.artikel is None:
        return ""
    if taal == "nl":
        delen = [f"art. {bron.artikel}"] if met_artikel else []
        if bron.lid:
            delen.append("lid " + _en_lijst(bron.lid, "en"))
        if bron.onderdeel:
            delen.append(f"onder {bron.onderdeel}")
        return " ".join(delen)
    tekst = (f"art. {bron.artikel}" if met_artikel else "") + _en_lijst(tuple(f"({x})" for x in bron.lid), "and")
    return tekst + (f"({bron.onderdeel})" if bron.onderdeel else "")


def _en_lijst(delen: tuple[str, ...], en: str) -> str:
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + f" {en} " + delen[-1]


def grondslag_tekst(g: Grondslag, taal: str) -> str:
    """The sources grouped per wet, an article named once for consecutive sources in it:
    "Participatiewet art. 2 en art. 10d lid 1 onder b en lid 5; Wml art. 15 lid 1", then the toelichting in
    brackets (alone when there are no sources). Placeholders are left in (filled in after)."""
    per_wet: dict[str, list[str]] = {}
    vorige = None
    for b in g.bronnen:
        delen = per_wet.setdefault(b.wet, [])
        deel = bron_tekst(b, taal, met_artikel=(b.wet, b.artikel) != vorige)
        vorige = (b.wet, b.artikel)
        if deel:
            delen.append(deel)
    en = "en" if taal == "nl" else "and"
    tekst = "; ".join((f"{wet} " + _en_lijst(tuple(delen), en)).strip() for wet, delen in per_wet.items())
    if g.toelichting:
        tekst = f"{tekst} ({g.toelichting[taal]})" if tekst else g.toelichting[taal]
    return tekst


def tekst_nl(sleutel: str, waarden: dict) -> str:
    """The Dutch text of message `sleutel` with `waarden` (the str() of an engine message)."""
    return vul_in(entry(sleutel).tekst["nl"], waarden, waarde_nl)


__all__ = ["catalogus", "laad", "entry", "Entry", "Bron", "Grondslag", "CatalogusFout", "placeholders", "vul_in",
           "grondslag_tekst", "bron_tekst", "tekst_nl", "waarde_nl", "getal_nl", "euro_nl", "datum_nl"]

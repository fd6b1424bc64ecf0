"""The explanation catalogues of the bijstandsnorm, the kostendelersnorm and the vrijwilligersvergoeding
(calculator/teksten/{bijstandsnorm,kostendelersnorm,vrijwilligersvergoeding,kalender}.yaml, issue 16 part 4):
every entry in Dutch and English with a valid grondslag, every key the code uses in the catalogue and every entry
used, exactly the values a text names, English rendered by key, and the three rules free of Babel and Flask.

The Dutch sentences of the README examples are in tests/test_uitleg_bijstand_vrijwilligers.py."""

from __future__ import annotations

import ast
import re
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
import yaml

from calculator import bijstandsnorm as bn
from calculator import vrijwilligersvergoeding as vw
from calculator.errors import InvoerFout
from calculator.explanation import Melding
from calculator.kostendelersnorm import Medebewoner
from calculator.teksten import catalogus, entry
from parameters import default_parameters
from soorten import uitleg

ROOT = Path(__file__).resolve().parent.parent
TEKSTEN = ROOT / "calculator" / "teksten"
BESTANDEN = ("bijstandsnorm.yaml", "kostendelersnorm.yaml", "vrijwilligersvergoeding.yaml", "kalender.yaml")
MODULES = ("bijstandsnorm.py", "kostendelersnorm.py", "vrijwilligersvergoeding.py", "periods.py")
BWB = {"Participatiewet": "BWBR0015703", "Wet LB 1964": "BWBR0002471"}


def sleutels_van_de_bestanden() -> set[str]:
    out = set()
    for naam in BESTANDEN:
        data = yaml.safe_load((TEKSTEN / naam).read_text(encoding="utf-8"))
        out |= set(data.get("stappen") or {}) | set(data.get("teksten") or {})
    return out


# --- the catalogue itself ---------------------------------------------------------------------------------------


def test_elke_tekst_in_nl_en_en_met_dezelfde_plaatshouders():
    cat = catalogus()
    for sleutel in sleutels_van_de_bestanden():
        e = cat[sleutel]
        teksten = [t for t in (e.omschrijving, e.berekening, e.tekst) if t]
        assert teksten, sleutel
        for t in teksten:
            assert set(t) == {"nl", "en"} and t["nl"].strip() and t["en"].strip(), sleutel
            plaats = [set(re.findall(r"{(\w+)}", t[taal])) for taal in ("nl", "en")]
            assert plaats[0] == plaats[1], sleutel


def test_elke_stap_heeft_een_geldige_grondslag():
    """Every step names its legal basis as data: wet, artikel, lid and onderdeel in the law's own numbering, with
    the link to the consolidated text on wetten.overheid.nl; the only steps without an article cite no law
    (the Belastingdienst's hourly amounts, the gemeenten's conversion of 4 weeks) and say so in the toelichting."""
    for sleutel in sleutels_van_de_bestanden():
        e = entry(sleutel)
        if e.omschrijving is None:
            continue
        assert e.grondslag is not None, sleutel
        if not e.grondslag.bronnen:
            toelichting = e.grondslag.toelichting["nl"]
            assert "belastingdienst.nl" in toelichting or "de wet schrijft geen omrekening voor" in toelichting, sleutel
        for b in e.grondslag.bronnen:
            assert b.wet in BWB, sleutel
            assert re.fullmatch(r"\d+[a-z]?", b.artikel), sleutel
            assert all(re.fullmatch(r"\d+|\{\w+\}", lid) for lid in b.lid), sleutel
            assert b.onderdeel is None or re.fullmatch(r"[a-z]{1,2}|\{\w+\}", b.onderdeel), sleutel
            assert b.link == f"https://wetten.overheid.nl/jci1.3:c:{BWB[b.wet]}&artikel={b.artikel}", sleutel


def test_grondslag_als_data_en_als_tekst():
    # Participatiewet art. 31 lid 2 onder n and lid 5 (onder n and r do not apply below 27)
    s = _stappen(bn.bereken(_bijstand(netto="400", vrijlating=bn.Vrijlating("algemeen", 1)),
                            default_parameters(), uitleg=True))
    vrijlating = next(x for x in s if x.id == "bijstand.vrijlating.duur.lid5")
    assert vrijlating.grondslag == "Participatiewet art. 31 lid 2 onder n en lid 5"
    assert vrijlating.grondslag_detail == [
        {"wet": "Participatiewet", "artikel": "31", "lid": "2", "onderdeel": "n",
         "link": "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31"},
        {"wet": "Participatiewet", "artikel": "31", "lid": "5", "onderdeel": None,
         "link": "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=31"}]
    en = uitleg.stap(next(x for x in bn.bereken(_bijstand(netto="400", vrijlating=bn.Vrijlating("algemeen", 1)),
                                                default_parameters(), uitleg=True).stappen
                          if x.sleutel == "bijstand.vrijlating.duur.lid5"), "en")
    assert en.grondslag == "Participatiewet art. 31(2)(n) and (5)"


# --- the code and the catalogue agree ----------------------------------------------------------------------------


def _sleutel_patroon(knoop) -> str | None:
    """The key a call passes as a regex: a literal, or an f-string with its formatted parts as wildcards."""
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        return re.escape(knoop.value)
    if isinstance(knoop, ast.JoinedStr):
        return "".join(re.escape(d.value) if isinstance(d, ast.Constant) else r"[\w.]*" for d in knoop.values)
    return None


def _kandidaten(knoop) -> list:
    """The possible values of an argument: both sides of (nested) ternaries."""
    if isinstance(knoop, ast.IfExp):
        return _kandidaten(knoop.body) + _kandidaten(knoop.orelse)
    return [knoop]


def sleutels_in_de_code() -> list[tuple[str, str]]:
    """(module, key pattern) for every stap("…"), waarschuw("…"), Melding("…") and melding("…") in the rules (both
    sides of a ternary `stap("a" if x else "b")`), and every string constant that is a key (MANTELZORG_NOG_NIET = "…")."""
    cat = set(catalogus())
    out = []
    for naam in MODULES:
        boom = ast.parse((ROOT / "calculator" / naam).read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.Constant) and knoop.value in cat:
                out.append((naam, re.escape(knoop.value)))
            if not isinstance(knoop, ast.Call) or not knoop.args:
                continue
            f = knoop.func
            functie = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
            if functie not in ("stap", "waarschuw", "Melding", "melding"):
                continue
            for k in _kandidaten(knoop.args[0]):
                patroon = _sleutel_patroon(k)
                if patroon is not None:
                    out.append((naam, patroon))
    return out


def test_elke_sleutel_van_de_code_staat_in_de_catalogus_en_elke_tekst_wordt_gebruikt():
    cat = set(catalogus())
    patronen = sleutels_in_de_code()
    assert len(patronen) > 60
    for module, patroon in patronen:
        assert any(re.fullmatch(patroon, s) for s in cat), f"{module}: {patroon} staat niet in calculator/teksten"
    ongebruikt = [s for s in sleutels_van_de_bestanden() if not any(re.fullmatch(p, s) for _, p in patronen)]
    assert not ongebruikt, ongebruikt


def test_geen_babel_en_geen_flask_in_de_drie_regels():
    for naam in MODULES:
        for knoop in ast.walk(ast.parse((ROOT / "calculator" / naam).read_text(encoding="utf-8"))):
            namen = [a.name for a in knoop.names] if isinstance(knoop, ast.Import) else \
                [knoop.module or ""] if isinstance(knoop, ast.ImportFrom) else []
            assert not [n for n in namen if n.split(".")[0] in ("babel", "flask", "flask_babel")], (naam, namen)


def test_geen_parameterwaarde_of_iso_datum_in_een_tekst():
    """A value from the parameters (an amount, a percentage, a date, a year) is a placeholder, never written in the
    text. The ages 18-20, 21 and 30 that remain are the law's own words (art. 20, 22a lid 1 and 3, 19a lid 1 onder
    d 4°), not parameters; the gemeenten's conversion notation (× 13 / 12) is a practice, not a value."""
    for sleutel in sleutels_van_de_bestanden():
        e = entry(sleutel)
        for t in (e.omschrijving, e.berekening, e.tekst):
            for taal in ("nl", "en"):
                tekst = (t or {}).get(taal, "").replace("loonbelasting 1964", "").replace("WSF 2000", "")  # laws' titles
                assert not re.search(r"€\s?\d|\d+(,\d+)?\s?%|\b(19|20)\d\d\b|\d{4}-\d\d", tekst), (sleutel, tekst)


# --- every step and message of many calculations, with exactly its values, in both languages -------------------

DUTCH = ("Telt", "jaar", "maand", "Vergoeding", "vergoeding", "vrijgelaten", "Vrijgelaten", "aangetoonde", "uurbedrag",
         "Inkomstenvrijlating", "Medebewoner", "medebewoner", "Aanvullende", "Bijstand", "bijstand",
         "afgerond", "laagste", "boven", "binnen", "Binnen", "Boven", "januari", "februari", "maart", "december",
         "gemeente", "van toepassing", " en ", " lid ", " onder ", "Grondslag", "Niet ")


def _bijstand(**kw) -> bn.BijstandInvoer:
    peil = kw.pop("peildatum", date(2026, 1, 1))
    b = kw.pop("b", bn.Persoon(leeftijd=40))
    netto = D(kw.pop("netto", "0"))
    return bn.BijstandInvoer(peildatum=peil, belanghebbende=b, netto_inkomsten_per_maand=netto, **kw)


BIJSTAND = [
    _bijstand(medebewoners=(Medebewoner(leeftijd=30, relatie="familie"),), netto="400",
              vrijlating=bn.Vrijlating("algemeen", 1)),
    _bijstand(medebewoners=tuple(Medebewoner(**m) for m in (
        {"leeftijd": 20}, {"leeftijd": 30, "onderwijs": "wsf"}, {"leeftijd": 30, "onderwijs": "wtos"},
        {"leeftijd": 30, "onderwijs": "bbl"}, {"leeftijd": 30, "onderwijs": "buitenland_bbl"},
        {"leeftijd": 28, "onderwijs": "buitenland"}, {"leeftijd": 35, "onderwijs": "buitenland"},
        {"leeftijd": 40, "commerciele_relatie": True}, {"leeftijd": 40, "commerciele_relatie": True, "relatie": "familie"},
        {"leeftijd": 40, "commerciele_relatie": True, "relatie": "aanverwant"},
        {"leeftijd": 40, "commerciele_relatie_derde": True}))),
    _bijstand(partner=bn.Persoon(leeftijd=19), kinderen=True, medebewoners=(Medebewoner(leeftijd=50),)),
    _bijstand(b=bn.Persoon(leeftijd=19), partner=bn.Persoon(leeftijd=20)),
    _bijstand(b=bn.Persoon(leeftijd=19), medebewoners=(Medebewoner(leeftijd=50),)),
    _bijstand(b=bn.Persoon(leeftijd=66), netto="400", vrijlating=bn.Vrijlating("algemeen", 9)),
    _bijstand(b=bn.Persoon(leeftijd=70), partner=bn.Persoon(leeftijd=60), netto="400",
              vrijlating=bn.Vrijlating("algemeen", 9)),
    _bijstand(peildatum=date(2026, 6, 1), b=bn.Persoon(leeftijd=19, geen_beroep_op_ouders=True)),
    _bijstand(peildatum=date(2026, 6, 1), b=bn.Persoon(leeftijd=19, geen_beroep_op_ouders=True),
              partner=bn.Persoon(leeftijd=25), medebewoners=(Medebewoner(leeftijd=50),)),
    _bijstand(peildatum=date(2026, 6, 1), b=bn.Persoon(leeftijd=25, geen_beroep_op_ouders=True)),
    _bijstand(peildatum=date(2026, 2, 1), mantelzorg=True, medebewoners=(Medebewoner(leeftijd=50),)),
    _bijstand(kinderen=True, netto="800", vrijlating=bn.Vrijlating("alleenstaande_ouder", 3)),
    _bijstand(netto="800", vrijlating=bn.Vrijlating("alleenstaande_ouder", 3, kind_jonger_dan_12=True)),
    _bijstand(b=bn.Persoon(leeftijd=25), netto="800", vrijlating=bn.Vrijlating("algemeen", 3)),
    _bijstand(netto="800", vrijlating=bn.Vrijlating("algemeen", 8)),
    _bijstand(netto="2000", vrijlating=bn.Vrijlating("medisch_urenbeperkt")),
    _bijstand(netto="2000", vrijlating=bn.Vrijlating("doelgroep_loonkostensubsidie", 3)),
    _bijstand(netto="2000", vrijlating=bn.Vrijlating("doelgroep_loonkostensubsidie", 13)),
    _bijstand(netto="2000", vrijlating=bn.Vrijlating("doelgroep_loonkostensubsidie_voortgezet")),
    _bijstand(peildatum=date(2026, 12, 1), netto="600", vrijlating=bn.Vrijlating("doelgroep_loonkostensubsidie", 3)),
    _bijstand(netto_inkomsten_per_vier_weken=D(1300), omrekening_vier_weken="dertig_achtentwintigste"),
    _bijstand(peildatum=date(2026, 5, 1), vrijwilligersvergoeding_per_maand=D(250)),
    _bijstand(b=bn.Persoon(leeftijd=25), vrijwilligersvergoeding_per_maand=D(100)),
    _bijstand(peildatum=date(2026, 6, 1), b=bn.Persoon(geboortedatum=date(1999, 8, 20)),
              medebewoners=(Medebewoner(geboortedatum=date(1999, 8, 20)),)),
]


def _vrij(**kw) -> vw.VrijwilligersInvoer:
    kw.setdefault("jaar", 2026)
    if "geboortedatum" not in kw:
        kw.setdefault("leeftijd", 40)
    kw["maanden"] = tuple(vw.MaandInvoer(*m) for m in kw["maanden"])
    return vw.VrijwilligersInvoer(**kw)


VRIJWILLIGERS = [
    _vrij(geboortedatum=date(1980, 1, 1), ontvangt_bijstand=True, maanden=[(1, D(250), D(50)), (2, D(100))]),
    _vrij(maanden=[(1, D(100), D(20))]),
    _vrij(maanden=[(1, D(200), D(20)), (3, D(150), D(10))], ontvangt_bijstand=True),
    _vrij(maanden=[(m, D(200)) for m in range(1, 13)]),
    _vrij(maanden=[(1, D(50), D(0))]),
    _vrij(geboortedatum=date(2005, 6, 15), ontvangt_bijstand=True, maanden=[(m, D(100), D(25)) for m in range(1, 13)]),
    _vrij(geboortedatum=date(1999, 6, 15), ontvangt_bijstand=True,
          maanden=[(m, D(150), D(30), D(20)) for m in range(1, 13)]),
    _vrij(geboortedatum=date(2005, 12, 15), maanden=[(12, D(100), D(25))]),
    _vrij(leeftijd=20, maanden=[(1, D(100), D(10)), (2, D(30), D(10))]),
    _vrij(leeftijd=27, ontvangt_bijstand=True, maanden=[(1, D(100), D(10))]),
    _vrij(leeftijd=25, ontvangt_bijstand=True, maanden=[(1, D(100), D(10), D(30))]),
    _vrij(maanden=[(1, D(5), D(30)), (4, D(5), D(30)), (6, D("4.5"), D("7.5"))]),
    _vrij(maanden=[(1, D(250), D(10)), (2, D(100), D(30)), (3, D(20))]),
]


def _uitkomsten():
    p = default_parameters()
    return [bn.bereken(i, p, uitleg=True) for i in BIJSTAND] + [vw.bereken(i, p, uitleg=True) for i in VRIJWILLIGERS]


def _stappen(uitkomst):
    return uitleg.stappen(uitkomst, "nl")


def _meldingen(u) -> list[Melding]:
    """The warnings and the texts in the result (reasons, verdicts, toelichting) of one calculation."""
    r = u.resultaat
    out = list(u.waarschuwingen)
    out += [m["reden"] for m in r.get("medebewoners", [])]
    # the law citations of the result (issue 18 "English"): by key as well, their str the API's Dutch citation
    out += [m["grondslag"] for m in r.get("medebewoners", [])] + ([r["normartikel"]] if "normartikel" in r else [])
    for deel in ("inkomstenvrijlating", "vrijwilligersvergoeding"):
        if r.get(deel, {}) and r[deel].get("reden") is not None:
            out.append(r[deel]["reden"])
    if "oordeel_toelichting" in r:
        out.append(r["oordeel_toelichting"])
        out += [m["oordeel"] for m in r["maanden"]]
    return out


def _plaatshouders(sleutel: str) -> set[str]:
    return entry(sleutel).velden()


def test_elke_stap_en_melding_heeft_precies_de_waarden_van_haar_tekst_en_rendert_in_het_engels():
    gezien: set[str] = set()
    for u in _uitkomsten():
        for s in u.stappen:
            assert s.sleutel is not None, s.tekst  # no Dutch text left in these rules
            assert set(s.waarden) == _plaatshouders(s.sleutel), s.sleutel
            gezien.add(s.sleutel)
            nl, en = uitleg.stap(s, "nl"), uitleg.stap(s, "en")
            assert (nl.omschrijving, nl.berekening, nl.grondslag) == (s.omschrijving, s.berekening(), s.grondslag)
            for tekst in (en.omschrijving, en.berekening or "", en.grondslag or ""):
                assert "{" not in tekst and not [w for w in DUTCH if w in tekst.replace("belastingdienst.nl", "")
                                                 .replace("'vrijwilligersvergoedingen'", "")
                                                 .replace("'Dan moet u over deze gehele vergoeding belasting "
                                                          "betalen'", "")], (s.sleutel, tekst)
        for m in _meldingen(u):
            assert isinstance(m, Melding), m
            if m.sleutel.startswith("voorlopig"):
                continue  # the parameter's own description is Dutch data (calculator/teksten/algemeen.yaml)
            assert set(m.waarden) == _plaatshouders(m.sleutel), m.sleutel
            gezien.add(m.sleutel)
            assert uitleg.tekst(m, "nl") == str(m)
            en = uitleg.tekst(m, "en")
            assert en != str(m) and "{" not in en and not [w for w in DUTCH if w in en], (m.sleutel, en)
    # the calculations above reach most texts of the three rules (the rest: rule errors, below)
    stappen = {s for s in sleutels_van_de_bestanden() if entry(s).omschrijving is not None}
    assert stappen <= gezien, sorted(stappen - gezien)


@pytest.mark.parametrize("maak, veld, en", [
    (lambda p: bn.bereken(_bijstand(peildatum=date(2025, 2, 1), mantelzorg=True), p), "mantelzorg",
     "The exception to the cost-sharing norm for informal care (Participatiewet art. 22a(4)) only exists from "
     "1 January 2026; choose a later reference date or leave this out."),
    (lambda p: bn.bereken(_bijstand(peildatum=date(2025, 2, 1), b=bn.Persoon(leeftijd=19, geen_beroep_op_ouders=True)),
                          p), "belanghebbende.geen_beroep_op_ouders",
     "The increase for a young person who cannot rely on his parents (Participatiewet art. 20(3)) only exists from "
     "1 January 2026; choose a later reference date or leave this out."),
    # the start of onder z and aa comes from bijstand.vrijlating_doelgroep_lks.in_werking (Stb. 2022, 499)
    (lambda p: bn.bereken(_bijstand(peildatum=date(2022, 6, 1), netto="100",
                                    vrijlating=bn.Vrijlating("doelgroep_loonkostensubsidie", 2)), p), "vrijlating.soort",
     "The earnings exemptions for the wage cost subsidy target group (art. 31(2)(z) and (aa)) exist only from "
     "1 January 2023."),
    (lambda p: bn.bereken(_bijstand(netto="1", netto_inkomsten_per_vier_weken=D(1)), p), "netto_inkomsten_per_vier_weken",
     "Enter the net earnings per month or per 4 weeks, not both."),
    (lambda p: bn.bereken(_bijstand(b=bn.Persoon(leeftijd=17)), p), "belanghebbende.leeftijd",
     "Social assistance with a Participatiewet standard exists from age 18."),
    (lambda p: bn.bereken(_bijstand(netto="-1"), p), "netto_inkomsten_per_maand", "The income cannot be negative."),
    (lambda p: bn.bereken(_bijstand(vrijwilligersvergoeding_per_maand=D(-1)), p), "vrijwilligersvergoeding_per_maand",
     "The allowance cannot be negative."),
    (lambda p: bn.bereken(_bijstand(netto_inkomsten_per_vier_weken=D(1), omrekening_vier_weken="x"), p),
     "omrekening_vier_weken", "Choose one of: dertien_twaalfde, dertig_achtentwintigste."),
    (lambda p: bn.bereken(_bijstand(b=bn.Persoon()), p), "belanghebbende.geboortedatum", "Enter a date of birth or an age."),
    (lambda p: bn.bereken(_bijstand(vrijlating=bn.Vrijlating("algemeen", begindatum=date(2026, 2, 1))), p),
     "vrijlating.begindatum", "The disregard cannot begin after the reference date."),
    (lambda p: vw.bereken(_vrij(leeftijd=None, maanden=[(1, D(1))]), p), "geboortedatum",
     "Enter a date of birth or an age."),
    (lambda p: vw.bereken(_vrij(jaar=2021, maanden=[(1, D(1))]), p), "jaar", "Enter a year from 2022 to 2026."),
    (lambda p: vw.bereken(_vrij(maanden=[(1, D(1)), (1, D(2))]), p), "maanden[1].maand",
     "Month 1 is already in maanden[0]."),
    (lambda p: vw.bereken(_vrij(maanden=[(1, D(1), None, D(2))]), p), "maanden[0].aangetoonde_kosten",
     "The proven expenses cannot be higher than the allowance for that month."),
    (lambda p: vw.bereken(_vrij(leeftijd=None, geboortedatum=date(2027, 1, 1), maanden=[(1, D(1))]), p),
     "geboortedatum", "The date of birth is after the chosen year."),
])
def test_regelfouten_op_sleutel_in_het_engels(maak, veld, en):
    with pytest.raises(InvoerFout) as e:
        maak(default_parameters())
    assert e.value.veld == veld
    bericht = e.value.bericht
    assert isinstance(bericht, Melding) and set(bericht.waarden) == _plaatshouders(bericht.sleutel)
    assert uitleg.tekst(bericht, "en") == en
    assert uitleg.tekst(bericht, "nl") == str(bericht)


def test_de_maanden_in_een_waarschuwing_in_de_taal_van_de_pagina():
    # € 5 for 30 hours in January and April, € 4,50 for 7,5 hours in June: 5 ≤ 5,75 and 4,50 ≤ 5,75, more than an hour
    u = vw.bereken(VRIJWILLIGERS[11], default_parameters())
    teksten = [uitleg.tekst(w, "en") for w in u.waarschuwingen]
    assert "January and April: is €5.00 the allowance per hour? Then enter the allowance for the whole month (for " \
           "example 30 × €5.00 = €150.00)." in teksten
    assert "June: is €4.50 the allowance per hour? Then enter the allowance for the whole month (for example 7.5 × " \
           "€4.50 = €33.75)." in teksten
    nl = [str(w).replace("\xa0", " ") for w in u.waarschuwingen]
    assert "Januari en april: is € 5,00 de vergoeding per uur? Vul dan de vergoeding voor de hele maand in " \
           "(bijvoorbeeld 30 × € 5,00 = € 150,00)." in nl


def test_engelse_uitkomstpaginas(client):
    """The result pages in English: the reasons per medebewoner and the verdict per month by key, the steps in
    English without a note that they are Dutch."""
    html = client.get("/bijstandsnorm?bereken=1&peildatum=2026-01-01&belanghebbende-leeftijd=40&aantal_medebewoners=2"
                      "&medebewoners-0-leeftijd=17&medebewoners-1-leeftijd=40&medebewoners-1-relatie=familie"
                      "&medebewoners-1-commerciele_relatie=on&taal=en").get_data(as_text=True)
    assert "Counts: the exception for a commercial relationship with the claimant (under b) does not apply to a blood " \
           "relative in the first or second degree." in html
    assert "Co-resident 1: Does not count: younger than 27 (aged 17)." in html
    assert 'data-stap="kdn.per_persoon"' in html and "Cost-sharing norm per person (A = 2)" in html
    assert "shown in Dutch" not in html
    html = client.get("/vrijwilligersvergoeding?bereken=1&jaar=2026&leeftijd=30&m1_vergoeding=200&m1_uren=20"
                      "&taal=en").get_data(as_text=True)
    assert "Above the hourly amount: untaxed if the organisation can explain that the allowance is not at market " \
           "rate" in html
    assert "January: allowance per hour (age 30 on 1 January, 21 or older)" in html

"""Issue 17 part 3: the LKS row classes of `rekenhulp batch` (soorten.schemas.loonkostensubsidie.LksKlassen, the
hole-filling in batch.verwerking._blok_csv) and `calculator.loonkostensubsidie.Jaartotalen` give exactly what the
full path gives.

The reference is the batch with REKENHULP_SNEL off (soorten.snel.AAN = False): every row goes through the
schema load, `bereken` and the result dump, as the single-case API does (tests/test_batch_gelijk.py holds that
path and the fast one to the API itself). The rows are made to sit on the edges the classes reason about: a
birthday on 1 January, 31 December and 29 February, ages 14 to 23 around the peildatum, the MAX_LEEFTIJD
boundary against today (frozen), a geboortedatum on and after the peildatum, a begindatum on 31 December
before the year, on 1 January of it and later in it (on both sides of a parameter change on 1 July), forfaitaire
LKS within and past its period, with and without a loonwaarde, hours above the full-time hours, hours and loonwaarden that do not
load, other spellings of the same value (25,5 and 25.5, " 32"), dates as DD-MM-JJJJ, a peildatum before 2024
(the other regime of art. 10d lid 4), on 31 December and after the parameter horizon, cells a spreadsheet would
run as a formula, ids with the separator in them and NUL characters.
"""

from __future__ import annotations

import csv
import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from freezegun import freeze_time

from batch import verwerking
from batch.verwerking import verwerk
from calculator.periods import leeftijd_op
from calculator import loonkostensubsidie as lks
from parameters import default_parameters
from soorten import snel

KOLOMMEN = ["id", "geboortedatum", "leeftijd", "uren_per_week", "voltijd_uren_per_week", "loonwaarde", "forfaitair",
            "bbl", "begindatum_dienstbetrekking", "einddatum_dienstbetrekking", "peildatum"]
PEILDATA = ["2023-07-01", "2024-01-01", "2025-07-01", "2026-01-01", "2026-03-01", "2026-07-01", "2026-12-31",
            "2027-01-01", "2100-01-01"]


def _geboren(rnd: random.Random, peil: date) -> date:
    kies = rnd.random()
    if kies < 0.15:  # a birthday on an edge of the year
        jaar = peil.year - rnd.randint(14, 23)
        maand, dag = rnd.choice([(1, 1), (12, 31), (2, 29), (1, 2), (peil.month, peil.day)])
        try:
            return date(jaar, maand, dag)
        except ValueError:
            return date(jaar, 2, 28)
    if kies < 0.5:  # young: ages 14-23 in the year
        return peil - timedelta(days=rnd.randrange(14 * 365, 24 * 365))
    if kies < 0.52:  # the MAX_LEEFTIJD boundary against today (frozen at 2026-12-01): 1901 passes, 1900 not
        return date(rnd.choice([1900, 1901, 1902]), rnd.randint(1, 12), rnd.randint(1, 28))
    if kies < 0.53:
        return peil + timedelta(days=rnd.choice([0, 1]))  # too young, or born after the peildatum
    return peil - timedelta(days=rnd.randrange(22 * 365, 67 * 365))


def _rij(rnd: random.Random, i: int) -> dict:
    peil_tekst = rnd.choice(PEILDATA)
    peil = date.fromisoformat(peil_tekst)
    rij = {k: "" for k in KOLOMMEN}
    rij["id"] = rnd.choice([f"zaak-{i}", f"zaak-{i}", f"zaak-{i}", f"=zaak{i}", f"zaak,{i}", f"-{i}", f"z\x00{i}"])
    geb = _geboren(rnd, peil)
    rij["geboortedatum"] = rnd.choice([geb.isoformat()] * 6 + [geb.strftime("%d-%m-%Y"), f" {geb.isoformat()}"])
    if rnd.random() < 0.01:
        rij["geboortedatum"] = rnd.choice(["2001-02-30", "20010115", "onbekend", ""])
    if rnd.random() < 0.01:
        rij["leeftijd"] = "30"
    rij["uren_per_week"] = rnd.choice(["32", "32", "24", "36", "25,5", "25.5", " 32", "38", "40", "45", "19,75", "0",
                                       "61", "abc", "", "60"])
    if rnd.random() < 0.1:
        rij["voltijd_uren_per_week"] = rnd.choice(["36", "40", "0"])
    rij["loonwaarde"] = rnd.choice([str(rnd.randint(0, 100)) for _ in range(12)] + ["101", "-1", "onbekend", "",
                                                                                    "50.0", "+5"])
    forfaitair = rnd.random() < 0.06
    if forfaitair:
        rij["forfaitair"] = rnd.choice(["ja", "ja", "ja", "nee", "misschien"])
    if rnd.random() < 0.05:
        rij["bbl"] = rnd.choice(["ja", "nee"])
    kies = rnd.random()
    if kies < 0.4:
        begin = peil - timedelta(days=rnd.randrange(1, 9 * 365))
        begin = rnd.choice([begin, begin.replace(day=1), date(peil.year - 1, 12, 31), date(peil.year, 1, 1),
                            date(peil.year, 1, 1) + timedelta(days=rnd.randrange(366))])
        rij["begindatum_dienstbetrekking"] = begin.isoformat() if rnd.random() < 0.9 else begin.strftime("%d-%m-%Y")
    elif kies < 0.42:
        rij["begindatum_dienstbetrekking"] = rnd.choice([" ", (peil + timedelta(days=3)).isoformat(), "2020-13-01"])
    if forfaitair and rnd.random() < 0.8:  # a dienstbetrekking of the last months: within or past its period
        begin = peil - timedelta(days=rnd.randrange(250))
        rij["begindatum_dienstbetrekking"] = rnd.choice([begin, begin.replace(day=1)]).isoformat()
        if rnd.random() < 0.7:
            rij["loonwaarde"] = ""
    if rnd.random() < 0.02:
        rij["einddatum_dienstbetrekking"] = (peil + timedelta(days=200)).isoformat()
    rij["peildatum"] = peil_tekst if rnd.random() < 0.97 else rnd.choice(["", "01-07-2026", "morgen"])
    return rij


def _bestand(pad, rnd: random.Random, aantal: int, scheiding: str) -> None:
    pool = [_rij(rnd, i) for i in range(aantal // 2)]
    with open(pad, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=scheiding)
        w.writerow(KOLOMMEN)
        for i in range(aantal):
            rij = dict(rnd.choice(pool)) if rnd.random() < 0.5 else _rij(rnd, i)
            if rnd.random() < 0.3:  # the same case with another birth date of the same year (another class member)
                try:
                    g = date.fromisoformat(rij["geboortedatum"])
                    rij["geboortedatum"] = g.replace(month=rnd.randint(1, 12), day=rnd.randint(1, 28)).isoformat()
                except ValueError:
                    pass
            w.writerow([rij[k] for k in KOLOMMEN])


def _draai(invoer, uitvoer, aan: bool, monkeypatch, peildatum=None, scenario=None):
    monkeypatch.setattr(snel, "AAN", aan)
    verwerk(str(invoer), str(uitvoer), "loonkostensubsidie", peildatum=peildatum, processen=1, scenario=scenario)
    return verwerking._REKENAAR


@freeze_time("2026-12-01")
def test_klassen_met_een_scenario(tmp_path, monkeypatch):
    """With a scenario (an hourly WML from 1 April 2026 and a 2027 value beyond the horizon) the classes use the
    scenario's parameter periods and values: the file equals the one without classes."""
    from parameters.scenario import lees_scenario

    scenario = lees_scenario({"naam": "WML april", "parameters": {"wml.uurloon": [
        {"vanaf": "2026-04-01", "waarde": "15.10"}, {"vanaf": "2027-01-01", "waarde": "15.50"}]}},
        default_parameters())
    rnd = random.Random("scenario")
    invoer = tmp_path / "in.csv"
    _bestand(invoer, rnd, 3_000, ",")
    rekenaar = _draai(invoer, tmp_path / "snel.csv", True, monkeypatch, scenario=scenario)
    assert rekenaar.afwijkingen == 0 and any(type(s) is list for s in rekenaar.sjablonen.values())
    _draai(invoer, tmp_path / "vol.csv", False, monkeypatch, scenario=scenario)
    assert (tmp_path / "snel.csv").read_text(encoding="utf-8") == (tmp_path / "vol.csv").read_text(encoding="utf-8")


@freeze_time("2026-12-01")
@pytest.mark.parametrize("scheiding,peildatum", [(",", None), (";", None), (",", date(2026, 7, 1))])
def test_klassen_gelijk_aan_het_volle_pad(tmp_path, monkeypatch, scheiding, peildatum):
    rnd = random.Random(f"klassen{scheiding}{peildatum}")
    invoer = tmp_path / "in.csv"
    _bestand(invoer, rnd, 6_000, scheiding)
    rekenaar = _draai(invoer, tmp_path / "snel.csv", True, monkeypatch, peildatum)
    assert rekenaar.klassen is not None
    assert rekenaar.afwijkingen == 0
    sjablonen = [s for s in rekenaar.sjablonen.values() if s]
    # the lane is really used: holes filled for classes of adults and of young workers, and error rows shared
    assert any(type(s) is list and len(s[3]) == 1 for s in sjablonen)
    assert any(type(s) is list and len(s[3]) == 4 for s in sjablonen)
    assert any(type(s) is tuple for s in sjablonen)
    assert any(k[0] == "begin" and type(s) is list for k, s in rekenaar.sjablonen.items())  # a start in the year
    assert any(k[0] == "forfaitair" and type(s) is list for k, s in rekenaar.sjablonen.items())
    assert sum(len(s[5]) for s in sjablonen if type(s) is list) > 100
    _draai(invoer, tmp_path / "vol.csv", False, monkeypatch, peildatum)
    snel_tekst = (tmp_path / "snel.csv").read_text(encoding="utf-8")
    vol_tekst = (tmp_path / "vol.csv").read_text(encoding="utf-8")
    assert snel_tekst.count("\n") > 6_000
    for n, (a, b) in enumerate(zip(snel_tekst.splitlines(), vol_tekst.splitlines()), start=1):
        assert a == b, f"regel {n} van de uitvoer verschilt"
    assert snel_tekst == vol_tekst


def test_klassen_vallen_om_bij_een_verkeerde_sleutel(tmp_path, monkeypatch):
    """The comparison above can fail: classing young workers as adults (whose year totals do not depend on the
    birthday, so they would be filled in from another row of the same hours, loonwaarde and age) is caught."""
    from soorten.schemas import loonkostensubsidie as schema

    echt = schema.LksKlassen.klasse

    def fout(self, cellen):
        k = echt(self, cellen)
        if k is not None and k[0] == "jong":
            return ("volwassen",) + k[1:4] + k[7:]
        return k

    monkeypatch.setattr(schema.LksKlassen, "klasse", fout)
    rnd = random.Random("fout")
    invoer = tmp_path / "in.csv"
    _bestand(invoer, rnd, 2_000, ",")
    with freeze_time("2026-12-01"):
        rekenaar = _draai(invoer, tmp_path / "snel.csv", True, monkeypatch)
        _draai(invoer, tmp_path / "vol.csv", False, monkeypatch)
    assert rekenaar.afwijkingen > 0 or \
        (tmp_path / "snel.csv").read_text(encoding="utf-8") != (tmp_path / "vol.csv").read_text(encoding="utf-8")


def test_jaartotalen_gelijk_aan_bereken():
    """Jaartotalen (kept gronden and month amounts) against `bereken` on every combination of a birth date through
    a year (young and adult), hours, loonwaarde and peildatum; the same grond serves many cases in a row."""
    params = default_parameters()
    j = lks.Jaartotalen(params)
    rnd = random.Random(3)
    for _ in range(1_500):
        peil = date.fromisoformat(rnd.choice(PEILDATA[:7]))
        geb = _geboren(rnd, peil)
        if geb >= peil - timedelta(days=15 * 366) or geb.year < 1950:
            continue
        invoer = lks.LksInvoer(peildatum=peil, uren_per_week=Decimal(rnd.choice(["32", "25.5", "40", "12"])),
                               loonwaarde=rnd.randint(0, 100), geboortedatum=geb,
                               begindatum_dienstbetrekking=rnd.choice([None, date(peil.year - 2, 5, 17)]),
                               voltijd_uren_per_week=Decimal(rnd.choice(["38", "36"])), bbl=rnd.random() < 0.1)
        verwacht = lks.bereken(invoer, params).resultaat
        kreeg = j.resultaat(invoer)
        assert kreeg == verwacht, invoer
        assert j.totalen(invoer) == (verwacht["leeftijd"], verwacht["per_jaar"]["loonkostensubsidie"],
                                     verwacht["per_jaar"]["werkgeverslasten"], verwacht["per_jaar"]["totaal"])
    with pytest.raises(ValueError):
        j.resultaat(replace(invoer, jaaroverzicht=True))
    for _ in range(300):  # forfaitaire LKS: the period of art. 10d lid 5 from the begindatum
        peil = date.fromisoformat(rnd.choice(PEILDATA[:7]))
        invoer = lks.LksInvoer(peildatum=peil, uren_per_week=Decimal(rnd.choice(["32", "40"])), forfaitair=True,
                               geboortedatum=date(1980, 3, 3), loonwaarde=rnd.choice([None, 40]),
                               begindatum_dienstbetrekking=rnd.choice(
                                   [None, peil - timedelta(days=rnd.randrange(170))]))
        assert j.resultaat(invoer) == lks.bereken(invoer, params).resultaat, invoer


def test_jaartotalen_verjaardag_gelijk_aan_bereken():
    """Jaartotalen's year totals when only a birthday changes the month (`_per_jaar_verjaardag`, the runs before
    and after the birthday without splitting every month again) against `bereken`, for a birth date on every day
    of a leap year, at the ages where the minimumjeugdloon changes (turning 15, the youngest with a WML; 18-21;
    21, from which the age no longer counts), on several peildata, without and with a begindatum before the year.
    Wml art. 8 lid 3: "het minimumjeugdloon ... bedraagt het percentage van het minimumloon" that goes with the
    age, so the month of a birthday after the 1st gets each age for its own calendar days."""
    params = default_parameters()
    j = lks.Jaartotalen(params)
    rnd = random.Random(11)
    gebruikt = 0
    for dag in range(366):
        for peil in (date(2025, 7, 1), date(2026, 1, 1), date(2026, 12, 31)):
            dagtekening = date(2004, 1, 1) + timedelta(days=dag)  # 2004 is a leap year: 29 February included
            try:
                geb = dagtekening.replace(year=peil.year - rnd.choice([15, 16, 18, 19, 20, 21, 22]))
            except ValueError:  # 29 February in a year that is no leap year: 2004, a leap year
                geb = dagtekening
            if leeftijd_op(geb, peil) < 15:  # no LKS below 15 (no WML); the months before turning 15 count as 0
                continue
            invoer = lks.LksInvoer(peildatum=peil, uren_per_week=Decimal(rnd.choice(["32", "25.5", "40"])),
                                   loonwaarde=rnd.randint(0, 100), geboortedatum=geb,
                                   begindatum_dienstbetrekking=rnd.choice([None, date(peil.year - 1, 3, 2)]))
            verwacht = lks.bereken(invoer, params).resultaat
            grond = j._grond(invoer)
            hoofd = lks._maandbedragen(j.spoor, invoer, grond, grond.exact(invoer.leeftijd_op(peil)))
            assert j._per_jaar_verjaardag(invoer, grond, hoofd) is not None
            gebruikt += 1
            assert j.resultaat(invoer) == verwacht, invoer
            assert j.totalen(invoer)[1:] == (verwacht["per_jaar"]["loonkostensubsidie"],
                                             verwacht["per_jaar"]["werkgeverslasten"], verwacht["per_jaar"]["totaal"])
    assert gebruikt > 1_000
    # not for a begindatum in the year, an einddatum or forfaitaire LKS: those go through _per_jaar itself
    invoer = lks.LksInvoer(peildatum=date(2026, 7, 1), uren_per_week=Decimal(32), loonwaarde=50,
                           geboortedatum=date(2007, 5, 9), begindatum_dienstbetrekking=date(2026, 2, 3))
    grond = j._grond(invoer)
    assert j._per_jaar_verjaardag(invoer, grond, None) is None
    assert j._per_jaar_verjaardag(replace(invoer, begindatum_dienstbetrekking=None,
                                          einddatum_dienstbetrekking=date(2026, 9, 30)), grond, None) is None


def test_kopie_van_de_invoer_is_replace():
    """LksKlassen._invoer copies the loaded input without dataclasses.replace: the same object by value."""
    from soorten.schemas.loonkostensubsidie import LksKlassen

    kl = LksKlassen([(0, "geboortedatum"), (1, "uren_per_week"), (2, "loonwaarde"), (3, "peildatum")], None,
                    default_parameters())
    assert kl.klasse(["2004-03-05", "25,5", "60", "2026-07-01"]) is not None
    voorbeeld = lks.LksInvoer(peildatum=date(2026, 7, 1), uren_per_week=Decimal(32), loonwaarde=50,
                              geboortedatum=date(2001, 1, 1), bbl=True)
    kopie = kl._invoer(voorbeeld)
    assert kopie == replace(voorbeeld, geboortedatum=date(2004, 3, 5), uren_per_week=Decimal("25.5"), loonwaarde=60)
    assert hash(kopie) == hash(replace(kopie)) and voorbeeld.geboortedatum == date(2001, 1, 1)


@freeze_time("2026-12-01")
@pytest.mark.parametrize("a,b", [(date(2025, 7, 1), date(2026, 7, 1)), (None, date(2026, 1, 1))])
def test_vergelijking_met_klassen_gelijk_aan_het_volle_pad(tmp_path, monkeypatch, a, b):
    """The caseload comparison by classes (Vergelijker.rij_uit_cellen) against the same rows computed in full
    (Vergelijker.rij), on the edge rows above: two peildata, and the rows' own dates against one peildatum."""
    from batch.bestandsvergelijking import (CsvKop, Situatie, Vergelijker, csv_kolommen, csv_rij, geval_uit_cellen)
    from batch.verwerking import cel_omzetter, platte_kolommen, veldsoorten
    from soorten.register import SOORTEN, laad_alle_soorten

    laad_alle_soorten()
    rnd = random.Random(f"vergelijk{a}{b}")
    invoer = tmp_path / "in.csv"
    _bestand(invoer, rnd, 4_000, ",")
    with open(invoer, encoding="utf-8", newline="") as f:
        rijen = list(csv.reader(f))
    soort = SOORTEN["loonkostensubsidie"]
    kop = CsvKop(rijen[0], veldsoorten(soort.invoer_schema), platte_kolommen(soort.invoer_schema), None)
    snel_v = Vergelijker("loonkostensubsidie", Situatie(a), Situatie(b))
    snel_v.klassen_voor(kop.kop)
    vol_v = Vergelijker("loonkostensubsidie", Situatie(a), Situatie(b))
    omzetter = cel_omzetter()
    for regel, cellen in enumerate(rijen[1:], start=2):
        if "\x00" in "".join(cellen):
            continue  # (the reading process sends such a row as a list; the same function)
        kreeg = snel_v.rij_uit_cellen(kop, cellen, regel, omzetter)
        verwacht = vol_v.rij(geval_uit_cellen(kop, cellen, omzetter), regel)
        assert csv_rij(kreeg, snel_v.bedragen, None) == csv_rij(verwacht, vol_v.bedragen, None), regel
        assert kreeg == verwacht, regel
    assert snel_v.klasse_afwijkingen == 0
    assert len(snel_v._kl_vast[id(snel_v.a)]) > 100 and snel_v._kl_rij
    assert snel_v.samenvatting.json() == vol_v.samenvatting.json()
    assert csv_kolommen(snel_v.bedragen, None)


@freeze_time("2026-12-01")
def test_rekenhulp_vergelijk_met_klassen_gelijk_aan_het_volle_pad(tmp_path, monkeypatch):
    """`rekenhulp vergelijk` end to end on the edge rows with a group column (ids and groups that csv.writer
    quotes or neutralises, rows written as kept text and counted per part): the output file and the summary
    equal those of the path without classes (REKENHULP_SNEL off)."""
    from click.testing import CliRunner

    from rekenhulp.cli import main

    rnd = random.Random("vergelijk-cli")
    ruw = tmp_path / "ruw.csv"
    _bestand(ruw, rnd, 3_000, ",")
    with open(ruw, encoding="utf-8", newline="") as f:
        rijen = list(csv.reader(f))
    invoer = tmp_path / "in.csv"
    with open(invoer, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(rijen[0] + ["wijk"])
        for r in rijen[1:]:
            w.writerow(r + [rnd.choice(["Noord", "Zuid", "", "=West", "Oost,Centrum"])])
    uit = {}
    for aan in (True, False):
        monkeypatch.setattr(snel, "AAN", aan)
        pad = tmp_path / f"uit-{aan}.csv"
        r = CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(pad), "--soort", "loonkostensubsidie",
                                      "--a", "2025-07-01", "--b", "2026-07-01", "--groep-op", "wijk",
                                      "--samenvatting", str(tmp_path / f"sv-{aan}.json"), "--processen", "1"])
        assert r.exit_code == 0, r.output
        uit[aan] = (pad.read_text(encoding="utf-8"), (tmp_path / f"sv-{aan}.json").read_text(encoding="utf-8"),
                    r.output.split(" gevallen in ")[0])
    assert uit[True][0].count("\n") > 3_000
    assert uit[True] == uit[False]

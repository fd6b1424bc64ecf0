"""Issue 17 part 3: whatever makes `rekenhulp batch` and `rekenhulp vergelijk` fast (each distinct case computed
once, `Rekenaar.staarten` and `Vergelijker._memo`), their rows equal the single-case API to the cent.

10 000 random loonkostensubsidie cases (seeded) drawn from a pool of 4 000, so that most cases occur more than
once, under other ids and on lines far apart (what the memo serves), with ~5 % invalid rows. The reference is
`POST /api/v1/loonkostensubsidie` through the Flask test client, with a JSON body built from the generated values
(not from the batch's own cell conversion); it is asked once per distinct body, since the API is deterministic.
The file is a Dutch CSV (";", decimal commas, some dates as DD-MM-JJJJ), answered in kind.

tests/test_snel.py runs this file again with the other setting of REKENHULP_SNEL, so the plain path (every row
computed) is held to the same reference.
"""

from __future__ import annotations

import csv
import random
import re
from datetime import date
from decimal import Decimal

import pytest

from batch.verwerking import verwerk

AANTAL = 10_000
POOL = 4_000
VELDEN = ["id", "geboortedatum", "leeftijd", "uren_per_week", "voltijd_uren_per_week", "loonwaarde", "forfaitair",
          "bbl", "functieloon_per_uur", "begindatum_dienstbetrekking", "einddatum_dienstbetrekking", "peildatum"]
PEIL_A, PEIL_B = "2025-07-01", "2026-07-01"


def _dag(rnd: random.Random, van: date, dagen: int) -> date:
    return date.fromordinal(van.toordinal() + rnd.randrange(dagen))


def _geval(rnd: random.Random) -> tuple[dict, dict]:
    """(JSON body for the API, CSV cells as a user types them) of one random case."""
    body: dict = {}
    cel: dict = {}
    peil = _dag(rnd, date(2022, 1, 1), 5 * 365)
    body["peildatum"] = peil.isoformat()
    cel["peildatum"] = peil.isoformat() if rnd.random() < 0.7 else peil.strftime("%d-%m-%Y")
    if rnd.random() < 0.8:
        geboren = _dag(rnd, date(1958, 1, 1), 52 * 365)  # some younger than 15 on the peildatum: an error
        body["geboortedatum"] = geboren.isoformat()
        cel["geboortedatum"] = geboren.isoformat() if rnd.random() < 0.8 else geboren.strftime("%d-%m-%Y")
    else:
        body["leeftijd"] = rnd.randrange(15, 68)
        cel["leeftijd"] = str(body["leeftijd"])
    uren = rnd.choice(["8", "12", "16", "20", "24", "25.5", "28", "32", "36", "38", "40", "45", "19.75"])
    body["uren_per_week"] = uren
    cel["uren_per_week"] = uren.replace(".", ",")
    if rnd.random() < 0.1:
        body["voltijd_uren_per_week"] = rnd.choice(["36", "40"])
        cel["voltijd_uren_per_week"] = body["voltijd_uren_per_week"]
    if rnd.random() < 0.1:
        body["forfaitair"] = True
        cel["forfaitair"] = "ja"
    else:
        lw = rnd.randrange(0, 101)
        body["loonwaarde"] = lw
        cel["loonwaarde"] = str(lw) if rnd.random() < 0.9 else f"{lw}%"
    if rnd.random() < 0.1:
        body["bbl"] = True
        cel["bbl"] = "ja"
    if rnd.random() < 0.2:
        body["functieloon_per_uur"] = rnd.choice(["11.50", "14.00", "17.25", "22.80"])
        cel["functieloon_per_uur"] = body["functieloon_per_uur"].replace(".", ",")
    if rnd.random() < 0.5:
        # mostly before the peildatum, now and then after it (an error)
        begin = date.fromordinal(peil.toordinal() - rnd.randrange(-60, 6 * 365))
        body["begindatum_dienstbetrekking"] = cel["begindatum_dienstbetrekking"] = begin.isoformat()
        if rnd.random() < 0.2:
            eind = _dag(rnd, begin, 3 * 365)
            body["einddatum_dienstbetrekking"] = cel["einddatum_dienstbetrekking"] = eind.isoformat()
    if rnd.random() < 0.01:
        body["loonwaarde"] = cel["loonwaarde"] = "onbekend"  # invalid text
        body.pop("forfaitair", None)
        cel.pop("forfaitair", None)
    return body, cel


def _variant(rnd: random.Random, body: dict, cel: dict) -> tuple[dict, dict]:
    """Another case that the batch may answer from the same computation (calculator.loonkostensubsidie.
    gelijke_uitkomst): the birth date moved by up to a year either way (often the same age on the peildatum, an
    adult or not), and/or another begindatum before 1 January of the peildatum's year (or none). Checked against
    the API like every other row, so a key shared by cases with different outcomes shows as a difference."""
    body, cel = dict(body), dict(cel)
    peil = date.fromisoformat(body["peildatum"])
    if "geboortedatum" in body and rnd.random() < 0.8:
        geboren = date.fromordinal(date.fromisoformat(body["geboortedatum"]).toordinal() + rnd.randrange(-366, 367))
        body["geboortedatum"] = cel["geboortedatum"] = geboren.isoformat()
    if rnd.random() < 0.6:
        if rnd.random() < 0.2:
            body.pop("begindatum_dienstbetrekking", None)
            cel.pop("begindatum_dienstbetrekking", None)
        else:
            begin = date.fromordinal(date(peil.year, 1, 1).toordinal() - rnd.randrange(1, 6 * 365))
            if rnd.random() < 0.1:
                begin = date(peil.year - 1, 12, 31)  # the last day before the year
            body["begindatum_dienstbetrekking"] = cel["begindatum_dienstbetrekking"] = begin.isoformat()
    return body, cel


VARIANTEN = 0.1  # the share of rows that are a variant of a case in the pool (_variant)


@pytest.fixture(scope="module")
def gevallen():
    rnd = random.Random(17)
    pool = [_geval(rnd) for _ in range(POOL)]
    out = []
    for i in range(AANTAL):
        geval = pool[rnd.randrange(POOL)]
        out.append((f"g{i}", *(_variant(rnd, *geval) if rnd.random() < VARIANTEN else geval)))
    return out


@pytest.fixture(scope="module")
def invoer(tmp_path_factory, gevallen):
    pad = tmp_path_factory.mktemp("gelijk") / "gevallen.csv"
    with open(pad, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(VELDEN)
        for rij_id, _, cel in gevallen:
            w.writerow([rij_id] + [cel.get(k, "") for k in VELDEN[1:]])
    return pad


class _Referentie:
    """The single-case API's answer per distinct body."""

    def __init__(self, client):
        self.client, self.antwoorden = client, {}

    def __call__(self, body: dict):
        sleutel = tuple(sorted((k, str(v)) for k, v in body.items()))
        if sleutel not in self.antwoorden:
            r = self.client.post("/api/v1/loonkostensubsidie", json=body)
            assert r.status_code in (200, 422), (body, r.status_code)
            self.antwoorden[sleutel] = r.get_json() if r.status_code == 200 else None
        return self.antwoorden[sleutel]


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _nl(iso: str) -> str:
    """2026-01-15 as a Dutch CSV writes it: 15-01-2026."""
    jaar, maand, dag = iso.split("-")
    return f"{dag}-{maand}-{jaar}"


def _api_cel(api: dict, kolom: str) -> str:
    v = api["resultaat"]
    for deel in kolom.split("."):
        v = None if v is None else v[deel]
    return "" if v is None else "true" if v is True else "false" if v is False else str(v)


@pytest.mark.parametrize("processen", [1, 2])
def test_batch_gelijk_aan_de_api(tmp_path, client, gevallen, invoer, processen):
    from test_batch_cli import _lees_met_legenda

    uit = tmp_path / "uit.csv"
    s = verwerk(str(invoer), str(uit), "loonkostensubsidie", processen=processen)
    assert uit.read_bytes().startswith("\ufeff".encode())  # a Dutch CSV is answered in kind
    rijen, legenda = _lees_met_legenda(uit)
    assert len(rijen) == s.rijen == AANTAL
    assert [r["regel"] for r in rijen] == [str(i + 2) for i in range(AANTAL)]  # order kept, one row per line
    assert [r["id"] for r in rijen] == [g[0] for g in gevallen]
    referentie = _Referentie(client)
    resultaat = [k.removeprefix("resultaat.") for k in rijen[0] if k.startswith("resultaat.")]
    decimaal = {"loonkostensubsidie", "wml_per_maand", "totaal", "per_jaar.totaal", "wml_per_uur"}
    assert decimaal <= set(resultaat)
    fout, goed = 0, 0
    for (rij_id, body, cel), rij in zip(gevallen, rijen):
        for k in VELDEN[1:-1]:  # (the output's last "peildatum" column is the receipt's, checked below)
            assert rij[k] == cel.get(k, ""), (rij_id, k)  # the input as typed
        api = referentie(body)
        if api is None:
            fout += 1
            assert rij["fouten"].startswith(f"regel {rij['regel']}: "), (body, rij)
            assert all(rij[f"resultaat.{k}"] == "" for k in resultaat)
            continue
        goed += 1
        assert rij["fouten"] == "", (body, rij["fouten"])
        for k in resultaat:
            verwacht = _api_cel(api, k)
            waarde = rij[f"resultaat.{k}"]
            if "," in waarde:  # decimal comma in a Dutch CSV: the same amount to the cent
                assert Decimal(waarde.replace(",", ".")) == Decimal(verwacht) and waarde == verwacht.replace(".", ","), \
                    (body, k)
            elif _ISO.fullmatch(verwacht):  # a date in a Dutch CSV: dd-mm-jjjj (issue 18), the same day
                assert waarde == _nl(verwacht), (body, k, waarde, verwacht)
            else:
                assert waarde == verwacht, (body, k, waarde, verwacht)
        assert [legenda[c] for c in rij["waarschuwingen"].split()] == api["waarschuwingen"], body
        assert rij["peildatum"] == _nl(api["rekenbewijs"]["peildatum"])
        assert rij["parameters_vingerafdruk"] == api["rekenbewijs"]["parameters_vingerafdruk"]
        assert rij["engine_versie"] == api["rekenbewijs"]["engine_versie"]
    assert fout == s.fouten
    assert goed > 0.8 * AANTAL and fout > 0.02 * AANTAL  # mostly valid cases, and errors enough to see
    assert len({tuple(sorted(b.items())) for _, b, _ in gevallen}) < 0.5 * AANTAL  # most cases repeat


def test_vergelijk_gelijk_aan_de_api(tmp_path, client, gevallen, invoer):
    """`rekenhulp vergelijk` on the same 10 000 cases, A and B two peildata: per row both sides and the difference
    equal the API at those peildata; the totals equal the sums of the API's amounts."""
    from click.testing import CliRunner

    from batch.bestandsvergelijking import KERNBEDRAGEN
    from rekenhulp.cli import main

    uit = tmp_path / "vergelijk.csv"
    r = CliRunner().invoke(main, ["vergelijk", str(invoer), "-o", str(uit), "--soort", "loonkostensubsidie",
                                  "--a", PEIL_A, "--b", PEIL_B, "--samenvatting", str(tmp_path / "s.json")])
    assert r.exit_code == 0, r.output
    with open(uit, encoding="utf-8-sig", newline="") as f:
        rijen = list(csv.DictReader(f))
    assert [x["id"] for x in rijen] == [g[0] for g in gevallen]
    referentie = _Referentie(client)
    bedragen = KERNBEDRAGEN["loonkostensubsidie"]
    totalen = {(n, kant): Decimal(0) for n in bedragen for kant in "ab"}
    vergeleken = 0
    for (rij_id, body, _), rij in zip(gevallen, rijen):
        api = {kant: referentie({**body, "peildatum": d}) for kant, d in (("a", PEIL_A), ("b", PEIL_B))}
        if api["a"] is None or api["b"] is None:
            assert rij["fouten"], (body, rij)
            for kant in "ab":  # the side that could be computed still shows its amounts
                for n in bedragen:
                    assert rij[f"{kant}.{n}"] == ("" if api[kant] is None else _api_cel(api[kant], n)), (body, n)
            continue
        vergeleken += 1
        assert rij["fouten"] == "", (body, rij["fouten"])
        for n in bedragen:
            a, b = _api_cel(api["a"], n), _api_cel(api["b"], n)
            assert (rij[f"a.{n}"], rij[f"b.{n}"]) == (a, b), (body, n)
            verschil = Decimal(b) - Decimal(a)  # a negative difference is neutralised ('-12.00: CSV injection)
            assert rij[f"verschil.{n}"] == ("'" if verschil < 0 else "") + str(verschil)
            totalen[(n, "a")] += Decimal(a)
            totalen[(n, "b")] += Decimal(b)
    import json

    sv = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["samenvatting"]
    assert sv["vergeleken"] == vergeleken and sv["aantal"] == AANTAL
    for n in bedragen:
        assert Decimal(sv["bedragen"][n]["totaal_a"]) == totalen[(n, "a")]
        assert Decimal(sv["bedragen"][n]["totaal_b"]) == totalen[(n, "b")]


def test_de_gevallen_delen_sleutels_van_gelijke_uitkomst(gevallen):
    """The rows above exercise the shared computation of calculator.loonkostensubsidie.gelijke_uitkomst: many
    valid cases share a key with a case of another birth date or begindatum (so a wrong key shows as a
    difference in the tests above), and the young, forfaitaire and einddatum cases get none."""
    from calculator.loonkostensubsidie import gelijke_uitkomst
    from marshmallow import ValidationError
    from soorten.register import SOORTEN, laad_alle_soorten

    laad_alle_soorten()
    schema = SOORTEN["loonkostensubsidie"].invoer_schema()
    per_sleutel: dict = {}
    zonder = 0
    for _, body, _ in gevallen:
        try:
            invoer = schema.load(body)
        except ValidationError:
            continue
        gelijk = gelijke_uitkomst(invoer)
        if gelijk is None:
            zonder += 1
            continue
        per_sleutel.setdefault(gelijk[0], set()).add(
            (invoer.geboortedatum, invoer.begindatum_dienstbetrekking, gelijk[1]["leeftijd"]))
        assert not invoer.forfaitair and invoer.einddatum_dienstbetrekking is None
        assert invoer.peildatum.year - invoer.geboortedatum.year - 1 >= 21
    gedeeld = [v for v in per_sleutel.values() if len(v) > 1]
    assert len(gedeeld) > 150, len(gedeeld)  # keys shared by different birth dates / begindata
    assert sum(1 for v in gedeeld if len({leeftijd for _, _, leeftijd in v}) > 1) > 50  # and by different ages
    assert zonder > 0.2 * AANTAL

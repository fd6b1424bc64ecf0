"""Property tests (hypothesis) for the loonkostensubsidie engine, Participatiewet art. 10d.

- every month of the year overview equals the month calculation on the 1st of that month (the LKS of a year
  is set once, on 1 January or at the begindatum: Pw art. 10d lid 7); months outside the dienstbetrekking are zero;
- LKS never increases when the loonwaarde increases; never exceeds the 70 % cap plus the
  werkgeverslastenvergoeding on it; is zero at a loonwaarde of 100 %.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import loonkostensubsidie as lks
from calculator.money import NUL, cent, procent
from calculator.periods import dagen_in_maand
from parameters import default_parameters

PARAMS = default_parameters()
SNEL = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

datums = st.dates(min_value=date(2022, 1, 1), max_value=date(2026, 12, 31))
uren = st.one_of(st.sampled_from([Decimal(x) for x in ("8", "20", "24", "32", "36", "38", "40")]),
                 st.decimals(min_value=Decimal("0.01"), max_value=Decimal(60), places=2))


@st.composite
def invoer(draw, loonwaarde=None):
    peildatum = draw(datums)
    if draw(st.booleans()):
        # old enough to have a WML on the peildatum (15 or older), sometimes a 29 February birthday
        geboortedatum = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(peildatum.year - 16, 12, 31)))
        if draw(st.integers(0, 20)) == 0:
            geboortedatum = date(draw(st.sampled_from([1988, 1996, 2000, 2004])), 2, 29)
        leeftijd = None
    else:
        geboortedatum, leeftijd = None, draw(st.integers(15, 70))
    forfaitair = draw(st.integers(0, 5)) == 0
    begin = eind = None
    if draw(st.integers(0, 2)) == 0:
        # forfaitair: the peildatum must lie in the first 6 months (else a 422 asks for the loonwaarde)
        terug = draw(st.integers(0, 150 if forfaitair else 800))
        begin = max(date(2022, 1, 1), date.fromordinal(peildatum.toordinal() - terug))
    if draw(st.integers(0, 2)) == 0:
        eind = min(date(2026, 12, 31), date.fromordinal(peildatum.toordinal() + draw(st.integers(0, 400))))
    return lks.LksInvoer(
        peildatum=peildatum,
        uren_per_week=draw(uren),
        loonwaarde=loonwaarde if loonwaarde is not None else draw(st.integers(0, 100)),
        geboortedatum=geboortedatum,
        leeftijd=leeftijd,
        voltijd_uren_per_week=draw(st.sampled_from([Decimal(38), Decimal(36), Decimal(40), Decimal("37.5")])),
        forfaitair=forfaitair,
        bbl=draw(st.integers(0, 4)) == 0,
        begindatum_dienstbetrekking=begin,
        einddatum_dienstbetrekking=eind,
        jaaroverzicht=True,
    )


@SNEL
@given(invoer())
def test_jaaroverzicht_gelijk_aan_de_maandberekening(inv):
    """Every month of the year overview in which the age does not change after the 1st equals the
    month calculation with the 1st of that month as peildatum (the same rules, another code path);
    forfaitair: inside its 6 months, and nothing outside them."""
    jaar = lks.bereken(inv, PARAMS).resultaat["per_jaar"]
    assert [m["maand"] for m in jaar["maanden"]] == [f"{inv.peildatum.year}-{m:02d}" for m in range(1, 13)]
    assert jaar["loonkostensubsidie"] == sum(m["loonkostensubsidie"] for m in jaar["maanden"])
    assert jaar["totaal"] == jaar["loonkostensubsidie"] + jaar["werkgeverslasten"]
    begin, eind = inv.begindatum_dienstbetrekking, inv.einddatum_dienstbetrekking
    duur = int(PARAMS.at("lks.forfaitair_maximale_duur", inv.peildatum).waarde)
    start = begin or inv.peildatum.replace(day=1)
    f_eind = lks._zelfde_dag_later(start, duur)  # the first day after the forfaitaire period
    for rij in jaar["maanden"]:
        eerste = date.fromisoformat(rij["maand"] + "-01")
        laatste = eerste.replace(day=dagen_in_maand(eerste.year, eerste.month))
        if (begin and begin > laatste) or (eind and eind < eerste):
            assert rij["loonkostensubsidie"] == rij["totaal"] == rij["wml_per_maand_incl_vakantiebijslag"] == 0
            continue  # no day of the dienstbetrekking in this month
        if (begin and begin > eerste) or (eind and eind < laatste):
            continue  # partly in the dienstbetrekking: weighted by calendar days
        if len(rij["leeftijd"]) > 1 or inv.leeftijd_op(eerste) < 15:
            continue  # a birthday after the 1st (day-weighted), or no WML at that age
        if inv.forfaitair and start <= laatste and f_eind > eerste and not (start <= eerste and laatste < f_eind):
            continue  # the forfaitaire period starts or ends within this month: weighted by calendar days
        buiten = inv.forfaitair and not (start <= eerste and laatste < f_eind)
        if buiten:
            assert rij["loonkostensubsidie"] == rij["totaal"] == 0
            if begin is not None:
                continue  # a peildatum after the forfaitaire period is a 422 (a loonwaarde is needed)
        maand = lks.bereken(lks.LksInvoer(**{**inv.__dict__, "peildatum": eerste, "jaaroverzicht": False}),
                            PARAMS).resultaat
        assert rij["wml_per_maand_incl_vakantiebijslag"] == maand["wml_per_maand_incl_vakantiebijslag"]
        if not buiten:
            assert (rij["loonkostensubsidie"], rij["werkgeverslasten"], rij["totaal"]) == (
                maand["loonkostensubsidie"], maand["werkgeverslasten"], maand["totaal"])


@SNEL
@given(invoer(), st.integers(0, 99))
def test_lks_daalt_nooit_als_loonwaarde_stijgt(inv, lw):
    if inv.forfaitair:
        inv = lks.LksInvoer(**{**inv.__dict__, "forfaitair": False})
    lager = lks.bereken(lks.LksInvoer(**{**inv.__dict__, "loonwaarde": lw}), PARAMS).resultaat
    hoger = lks.bereken(lks.LksInvoer(**{**inv.__dict__, "loonwaarde": lw + 1}), PARAMS).resultaat
    assert hoger["loonkostensubsidie"] <= lager["loonkostensubsidie"]
    assert hoger["totaal"] <= lager["totaal"]
    assert hoger["per_jaar"]["totaal"] <= lager["per_jaar"]["totaal"]


@SNEL
@given(invoer())
def test_lks_nooit_boven_70_procent_plus_werkgeverslasten(inv):
    r = lks.bereken(inv, PARAMS).resultaat
    d = inv.peildatum
    maximum = cent(procent(r["wml_per_maand_incl_vakantiebijslag"], PARAMS.at("lks.maximum_percentage", d).waarde))
    wgl = cent(procent(maximum, PARAMS.at("lks.werkgeverslasten_percentage", d).waarde))
    assert r["maximum_loonkostensubsidie"] == maximum
    assert NUL <= r["loonkostensubsidie"] <= maximum
    assert r["totaal"] <= maximum + wgl
    for maand in r["per_jaar"]["maanden"]:
        eerste = date.fromisoformat(maand["maand"] + "-01")
        mmax = cent(procent(maand["wml_per_maand_incl_vakantiebijslag"],
                            PARAMS.at("lks.maximum_percentage", eerste).waarde))
        assert NUL <= maand["loonkostensubsidie"] <= mmax
        assert maand["totaal"] <= mmax + cent(procent(mmax, PARAMS.at("lks.werkgeverslasten_percentage", eerste).waarde))


@SNEL
@given(invoer(loonwaarde=100))
def test_lks_nul_bij_loonwaarde_100(inv):
    inv = lks.LksInvoer(**{**inv.__dict__, "forfaitair": False})
    r = lks.bereken(inv, PARAMS).resultaat
    assert r["loonkostensubsidie"] == 0 and r["werkgeverslasten"] == 0 and r["totaal"] == 0
    assert r["per_jaar"]["totaal"] == 0


@SNEL
@given(invoer())
def test_jaartotalen_zonder_maanden_gelijk_aan_de_som_van_de_maanden(inv):
    """The year totals computed from the runs of identical months (default) equal the sum of the 12
    months computed one by one (jaaroverzicht), with the same parameters and warnings; asking for the
    months changes nothing else."""
    zonder = lks.bereken(lks.LksInvoer(**{**inv.__dict__, "jaaroverzicht": False}), PARAMS)
    met = lks.bereken(inv, PARAMS)
    jaar_zonder, jaar_met = zonder.resultaat.pop("per_jaar"), met.resultaat.pop("per_jaar")
    assert jaar_zonder.pop("maanden") is None and len(jaar_met.pop("maanden")) == 12
    assert jaar_zonder == jaar_met
    assert zonder.resultaat == met.resultaat
    assert [(p.naam, p.vanaf) for p in zonder.parameters] == [(p.naam, p.vanaf) for p in met.parameters]
    assert zonder.waarschuwingen == met.waarschuwingen


@pytest.mark.parametrize("uitleg", [False, True])
def test_uitleg_verandert_geen_bedrag(uitleg):
    inv = lks.LksInvoer(peildatum=date(2026, 3, 15), uren_per_week=Decimal(32), loonwaarde=60,
                        geboortedatum=date(2006, 3, 20), jaaroverzicht=True)
    assert lks.bereken(inv, PARAMS, uitleg=uitleg).resultaat == lks.bereken(inv, PARAMS).resultaat

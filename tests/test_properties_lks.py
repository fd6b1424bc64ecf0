"""Property tests (hypothesis) for the loonkostensubsidie engine, Participatiewet art. 10d.

- the year overview (computed per run of identical months for speed) equals the plain month-by-month
  computation, amounts and recorded parameters alike;
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
from calculator.explanation import Rekenspoor
from calculator.money import NUL, cent, procent
from calculator.periods import dagen_in_maand, leeftijdsdelen, maanden_van_jaar, plus_maanden
from calculator.wml import JONGSTE_LEEFTIJD, minimumloon, per_maand_exact
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
    return lks.LksInvoer(
        peildatum=peildatum,
        uren_per_week=draw(uren),
        loonwaarde=loonwaarde if loonwaarde is not None else draw(st.integers(0, 100)),
        geboortedatum=geboortedatum,
        leeftijd=leeftijd,
        voltijd_uren_per_week=draw(st.sampled_from([Decimal(38), Decimal(36), Decimal(40), Decimal("37.5")])),
        forfaitair=forfaitair,
        bbl=draw(st.integers(0, 4)) == 0,
        jaaroverzicht=True,
    )


def _per_jaar_maand_voor_maand(spoor: Rekenspoor, invoer: lks.LksInvoer) -> dict:
    """The plain month-by-month year overview (the implementation before the speed-up), as reference."""
    peildatum = invoer.peildatum
    if invoer.forfaitair:
        duur = int(spoor.waarde("lks.forfaitair_maximale_duur", peildatum))
        start, eind = peildatum.replace(day=1), plus_maanden(peildatum, duur)
    maanden = []
    totaal_lks = totaal_wgl = NUL
    cache: dict = {}
    for maand in maanden_van_jaar(peildatum.year):
        delen = leeftijdsdelen(invoer.geboortedatum, invoer.leeftijd, maand)
        dagen = dagen_in_maand(maand.year, maand.month)
        exact = NUL
        for leeftijd, d in delen:
            if leeftijd < JONGSTE_LEEFTIJD:
                continue
            key = (leeftijd, maand.month >= 7)
            deel = cache.get(key)
            if deel is None:
                ml = minimumloon(spoor, leeftijd, invoer.bbl, maand, invoer.voltijd_uren_per_week, stappen=False)
                deel = cache[key] = per_maand_exact(ml, invoer.uren_per_week)
            exact += deel * d / dagen
        subsidie = not invoer.forfaitair or start <= maand < eind
        m = lks._bedragen(spoor, invoer, maand, exact, subsidie=subsidie)
        totaal_lks += m.loonkostensubsidie
        totaal_wgl += m.werkgeverslasten
        maanden.append({"maand": maand.strftime("%Y-%m"), "leeftijd": [lt for lt, _ in delen],
                        "wml_per_maand_incl_vakantiebijslag": m.basis, "loonkostensubsidie": m.loonkostensubsidie,
                        "werkgeverslasten": m.werkgeverslasten, "totaal": m.totaal})
    return {"jaar": peildatum.year, "loonkostensubsidie": totaal_lks, "werkgeverslasten": totaal_wgl,
            "totaal": totaal_lks + totaal_wgl, "maanden": maanden}


@SNEL
@given(invoer())
def test_jaaroverzicht_gelijk_aan_maand_voor_maand(inv):
    snel = lks.bereken(inv, PARAMS)
    spoor = Rekenspoor(PARAMS)
    referentie = _per_jaar_maand_voor_maand(spoor, inv)
    assert snel.resultaat["per_jaar"] == referentie
    # every parameter the plain loop used is listed in the result, with the same value
    gebruikt = {(pv.naam, pv.vanaf) for pv in snel.parameters}
    assert {(pv.naam, pv.vanaf) for pv in spoor.gebruikte_parameters} <= gebruikt


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
def test_jaaroverzicht_verandert_de_maand_niet(inv):
    """Asking for the year overview adds `per_jaar` and changes nothing about the month on the peildatum."""
    zonder = lks.bereken(lks.LksInvoer(**{**inv.__dict__, "jaaroverzicht": False}), PARAMS).resultaat
    met = lks.bereken(inv, PARAMS).resultaat
    assert zonder.pop("per_jaar") is None
    assert {k: v for k, v in met.items() if k != "per_jaar"} == zonder


@pytest.mark.parametrize("uitleg", [False, True])
def test_uitleg_verandert_geen_bedrag(uitleg):
    inv = lks.LksInvoer(peildatum=date(2026, 3, 15), uren_per_week=Decimal(32), loonwaarde=60,
                        geboortedatum=date(2006, 3, 20), jaaroverzicht=True)
    assert lks.bereken(inv, PARAMS, uitleg=uitleg).resultaat == lks.bereken(inv, PARAMS).resultaat

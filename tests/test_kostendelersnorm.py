"""Kostendelersnorm (Participatiewet art. 22a) and the bijstandsnorm of a household, written out by hand.

Norms incl. vakantietoeslag from parameters/bijstandsnormen.yaml:
  2026-01: 21 b (B) 2.002,13; 21 a 1.401,50; 20: 345,99 / 691,98 / 1.092,41 / 1.347,06 / 1.747,49; 22a lid 3 345,99 / 746,42
  2025-01: 21 a 1.345,45; 22 a 1.501,07; 22 b 2.053,48
  2023-07: 21 b 1.738,02; 22 b/c 1.843,60.  2022-07: 21 b 1.574,03; 21 a 1.101,82; 22 a 1.225,67
Per person: (40 % + A × 30 %) / A × B, exact, rounded half-up to the cent once.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from calculator.bijstandsnorm import BijstandInvoer, Persoon, bereken
from calculator.explanation import Rekenspoor
from calculator.kostendelersnorm import Medebewoner, norm_per_persoon
from parameters import default_parameters

JAN26 = date(2026, 1, 1)


def r(peildatum=JAN26, b=40, partner=None, medebewoners=(), kinderen=False, **kw):
    bh = b if isinstance(b, Persoon) else Persoon(leeftijd=b)
    pt = partner if partner is None or isinstance(partner, Persoon) else Persoon(leeftijd=partner)
    mbs = tuple(m if isinstance(m, Medebewoner) else Medebewoner(leeftijd=m) for m in medebewoners)
    return bereken(BijstandInvoer(peildatum=peildatum, belanghebbende=bh, partner=pt, medebewoners=mbs,
                                  kinderen=kinderen, **kw), uitleg=True).resultaat


@pytest.mark.parametrize("a, verwacht", [
    (1, "1401.49"),  # 70/100 × 2002,13 = 1401,491 (the statutory alleenstaandennorm is 1.401,50: see below)
    (2, "1001.07"),  # 100/200 × 2002,13 = 1001,065 -> 1001,07
    (3, "867.59"),   # 130/300 × 2002,13 = 867,5896.. -> 867,59
    (4, "800.85"),   # 160/400 × 2002,13 = 800,852 -> 800,85
    (5, "760.81"),   # 190/500 × 2002,13 = 760,8094 -> 760,81
    (6, "734.11"),   # 220/600 × 2002,13 = 734,1143.. -> 734,11
    (7, "715.05"),   # 250/700 × 2002,13 = 715,0464.. -> 715,05
    (8, "700.75"),   # 280/800 × 2002,13 = 700,7455 -> 700,75
])
def test_formule_a_1_tot_8(a, verwacht):
    spoor = Rekenspoor(default_parameters())
    assert norm_per_persoon(spoor, a, D("2002.13"), JAN26) == D(verwacht)
    if a >= 2:  # an alleenstaande with A − 1 kostendelende medebewoners of 30 gets exactly this norm
        res = r(medebewoners=[30] * (a - 1))
        assert res["aantal_kostendelers"] == a
        assert res["norm"] == D(verwacht)
        assert res["verschil"] == D("1401.50") - D(verwacht)


def test_gepubliceerde_tabel_juli_2023():
    # grdebevelanden.nl 1-7-2023 kostendelersnorm per persoon: 2p 869,01; 3p 753,14; 4p 695,21; 6p 637,27 (B 1.738,02)
    spoor = Rekenspoor(default_parameters())
    for a, bedrag in ((2, "869.01"), (3, "753.14"), (4, "695.21"), (6, "637.27")):
        assert norm_per_persoon(spoor, a, D("1738.02"), date(2023, 7, 1)) == D(bedrag)


def test_zonder_medebewoners_de_wettelijke_norm():
    res = r()
    assert res["norm"] == D("1401.50") and res["aantal_kostendelers"] == 1 and not res["kostendelersnorm_toegepast"]
    # excl. = 95 % × 1401,50 = 1331,425 -> 1331,43; vakantietoeslag 70,07
    assert res["norm_excl_vakantietoeslag"] == D("1331.43") and res["vakantietoeslag"] == D("70.07")


@pytest.mark.parametrize("peildatum, partner, incl, excl", [
    (date(2022, 1, 1), 40, "1559.58", "1481.60"),  # reference par. 2a: 1.559,58 / 1.481,60 (95 % = 1481,601)
    (date(2024, 7, 1), None, "1308.45", "1243.03"),  # velsen.nl jul 2024: 1.308,45 / 1.243,03 (95 % = 1243,0275)
    (date(2022, 7, 1), None, "1101.82", "1046.73"),  # amersfoort.nl / haarlemmermeer: 1.046,73
])
def test_excl_vakantietoeslag_gepubliceerde_paren(peildatum, partner, incl, excl):
    res = r(peildatum=peildatum, partner=partner)
    assert res["norm"] == D(incl) and res["norm_excl_vakantietoeslag"] == D(excl)
    assert res["vakantietoeslag"] == D(incl) - D(excl)


def test_grens_27_jaar_per_1_januari_2023():
    mb = [Medebewoner(geboortedatum=date(1998, 6, 1))]  # 24 jaar
    # 2022-12-31: age limit 21 -> counts; A = 2: 1574,03 / 2 = 787,015 -> 787,02
    oud = r(peildatum=date(2022, 12, 31), medebewoners=mb)
    assert oud["aantal_kostendelers"] == 2 and oud["norm"] == D("787.02")
    # 2023-01-01: age limit 27 -> does not count; norm 21 a = 1.195,66
    nieuw = r(peildatum=date(2023, 1, 1), medebewoners=mb)
    assert nieuw["aantal_kostendelers"] == 1 and nieuw["norm"] == D("1195.66")
    assert nieuw["medebewoners"][0]["telt_mee"] is False and "27" in nieuw["medebewoners"][0]["reden"]


def test_grens_27_jaar_op_verjaardag_en_jaaroverzicht():
    mb = [Medebewoner(geboortedatum=date(1999, 5, 10))]
    assert r(peildatum=date(2026, 5, 9), medebewoners=mb)["norm"] == D("1401.50")
    res = r(peildatum=date(2026, 5, 10), medebewoners=mb)
    assert res["norm"] == D("1001.07") and res["aantal_kostendelers"] == 2
    mei = res["jaaroverzicht"]["maanden"][4]["delen"]
    assert [(d["vanaf"], d["aantal_kostendelers"], d["norm"]) for d in mei] == [
        (date(2026, 5, 1), 1, D("1401.50")), (date(2026, 5, 10), 2, D("1001.07"))]
    # 1 July 2026: B = 2.027,79 -> 2027,79 / 2 = 1013,895 -> 1013,90
    assert res["jaaroverzicht"]["maanden"][6]["delen"][0]["norm"] == D("1013.90")
    assert res["jaaroverzicht"]["aantal_wijzigingen"] == 2


def test_gehuwden_som_voor_beide_echtgenoten():
    res = r(partner=38, medebewoners=[30])
    # A = 1 + 2 = 3: 867,59 per echtgenoot; 2 × 867,59 = 1735,18; zonder 2002,13; verschil 266,95
    assert res["aantal_kostendelers"] == 3 and res["norm_per_persoon"] == D("867.59")
    assert res["norm"] == D("1735.18") and res["norm_zonder_kostendelers"] == D("2002.13")
    assert res["verschil"] == D("266.95")


@pytest.mark.parametrize("kinderen, norm", [(False, "691.98"), (True, "1092.41")])
def test_gehuwden_beiden_18_20(kinderen, norm):
    # art. 20 lid 1/2 onder b; no kostendelersnorm below 21 (art. 22a lid 1), even with a medebewoner of 30
    res = r(b=19, partner=20, kinderen=kinderen, medebewoners=[30])
    assert res["norm"] == D(norm) and res["kostendelersnorm_toegepast"] is False
    assert r(b=19, partner=20, kinderen=kinderen)["norm"] == D(norm)


@pytest.mark.parametrize("kinderen, vast, zonder", [(False, "345.99", "1347.06"), (True, "746.42", "1747.49")])
def test_lid_3_een_echtgenoot_18_20(kinderen, vast, zonder):
    # no kostendelers: art. 20 lid 1/2 onder c
    assert r(b=19, partner=30, kinderen=kinderen)["norm"] == D(zonder)
    # two medebewoners: A = 2 + 1 (only the spouse of 21+) = 3 -> 867,59 + vast bedrag lid 3
    res = r(b=19, partner=30, kinderen=kinderen, medebewoners=[40, 50])
    assert res["aantal_kostendelers"] == 3
    assert res["norm"] == D("867.59") + D(vast)
    assert res["verschil"] == D(zonder) - D("867.59") - D(vast)


def test_aow_leeftijd_op_de_dag_zelf():
    p = Persoon(geboortedatum=date(1958, 6, 15))  # AOW-leeftijd 67 in 2025 -> 2025-06-15
    assert r(peildatum=date(2025, 6, 14), b=p)["norm"] == D("1345.45")  # art. 21 a
    res = r(peildatum=date(2025, 6, 15), b=p)
    assert res["norm"] == D("1501.07") and res["normartikel"].endswith("22 onder a")
    # with a medebewoner: B = 22 b 2.053,48 / 2 = 1026,74
    assert r(peildatum=date(2025, 6, 15), b=p, medebewoners=[30])["norm"] == D("1026.74")


def test_aow_leeftijd_van_het_jaar_waarin_ze_wordt_bereikt():
    p = Persoon(geboortedatum=date(1956, 5, 15))  # 66 jaar en 7 maanden (2022) -> 2022-12-15
    assert r(peildatum=date(2022, 12, 14), b=p)["norm"] == D("1101.82")
    assert r(peildatum=date(2022, 12, 15), b=p)["norm"] == D("1225.67")
    # still AOW in 2023 although 66y10m applies to those who reach it in 2023: 22 a per 1-1-2023 = 1.330,67
    assert r(peildatum=date(2023, 1, 10), b=p)["norm"] == D("1330.67")


def test_aow_vlag_en_gehuwden_een_aow():
    assert r(peildatum=date(2023, 3, 1), b=Persoon(leeftijd=66, aow_leeftijd_bereikt=True))["norm"] == D("1330.67")
    uitkomst = bereken(BijstandInvoer(peildatum=date(2023, 3, 1), belanghebbende=Persoon(leeftijd=66)))
    assert uitkomst.resultaat["norm"] == D("1195.66")
    assert any("AOW-leeftijd" in w for w in uitkomst.waarschuwingen)
    res = r(peildatum=date(2023, 7, 1), b=68, partner=60)  # art. 22 onder c = 1.843,60 (krimpenerwaard.nl)
    assert res["norm"] == D("1843.60") and res["normartikel"].endswith("onder c")


@pytest.mark.parametrize("mb, telt", [
    (Medebewoner(leeftijd=26), False),
    (Medebewoner(leeftijd=27), True),
    (Medebewoner(leeftijd=30, onderwijs="wsf"), False),
    (Medebewoner(leeftijd=30, onderwijs="wtos"), False),
    (Medebewoner(leeftijd=30, onderwijs="bbl"), False),
    (Medebewoner(leeftijd=30, commerciele_relatie=True, relatie="anders"), False),
    (Medebewoner(leeftijd=55, commerciele_relatie=True, relatie="familie"), True),  # never for close relatives
])
def test_uitzonderingen_art_19a(mb, telt):
    res = r(medebewoners=[mb])
    assert res["medebewoners"][0]["telt_mee"] is telt
    assert res["norm"] == (D("1001.07") if telt else D("1401.50"))

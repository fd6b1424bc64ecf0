"""Loonkostensubsidie arithmetic, each case written out by hand.

Rules (Participatiewet art. 10d; see calculator/loonkostensubsidie.py):
  WML per maand = WML-uurloon × uren × 52 / 12 (from 2024), or WML-maandloon × uren / voltijd (2022-2023), to the cent
  vakantiebijslag = 8 % of that, to the cent; basis = sum
  loonwaarde € = LW % × basis, to the cent; LKS = min(basis − loonwaarde €, 70 % × basis (to the cent))
  werkgeverslasten = 23,5 % × LKS, to the cent; totaal = LKS + werkgeverslasten
Parameter values: parameters/wml.yaml and parameters/loonkostensubsidie.yaml.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from calculator.errors import InvoerFout
from calculator.loonkostensubsidie import LksInvoer, bereken


def lks(**kw):
    kw.setdefault("uren_per_week", D(38))
    return bereken(LksInvoer(**kw), uitleg=True).resultaat


def test_voltijd_2026_loonwaarde_50():
    r = lks(peildatum=date(2026, 1, 1), leeftijd=30, uren_per_week=D(38), loonwaarde=50)
    # 14,71 × 38 × 52 / 12 = 2422,2466.. -> 2422,25
    assert r["wml_per_uur"] == D("14.71")
    assert r["wml_per_maand"] == D("2422.25")
    # 8 % × 2422,25 = 193,78; basis 2616,03
    assert r["vakantiebijslag"] == D("193.78")
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("2616.03")
    # 50 % × 2616,03 = 1308,015 -> 1308,02 (half-up); LKS = 2616,03 − 1308,02 = 1308,01
    assert r["loonwaarde_per_maand"] == D("1308.02")
    assert r["loonkostensubsidie"] == D("1308.01")
    # maximum 70 % × 2616,03 = 1831,221 -> 1831,22: not reached
    assert r["maximum_loonkostensubsidie"] == D("1831.22")
    assert r["maximum_bereikt"] is False
    # 23,5 % × 1308,01 = 307,38235 -> 307,38; totaal 1615,39
    assert r["werkgeverslasten"] == D("307.38")
    assert r["totaal"] == D("1615.39")


def test_deeltijd_32_uur_loonwaarde_60():
    r = lks(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60)
    # 14,71 × 32 × 52 / 12 = 2039,7866.. -> 2039,79; 8 % = 163,1832 -> 163,18; basis 2202,97
    assert r["wml_per_maand"] == D("2039.79")
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("2202.97")
    # 60 % × 2202,97 = 1321,782 -> 1321,78; LKS 881,19; 23,5 % = 207,07965 -> 207,08
    assert r["loonkostensubsidie"] == D("881.19")
    assert r["werkgeverslasten"] == D("207.08")
    assert r["totaal"] == D("1088.27")


def test_jeugd_19_jaar_2025():
    # born 2005-09-01: 19 on 2025-03-01; minimumjeugdloon 60 % × 14,06 = 8,436 -> 8,44 (published SZW table: 8,44)
    r = lks(peildatum=date(2025, 3, 1), geboortedatum=date(2005, 9, 1), uren_per_week=D(24), loonwaarde=40)
    assert r["leeftijd"] == 19
    assert r["wml_per_uur"] == D("8.44")
    # 8,44 × 24 × 52 / 12 = 877,76; 8 % = 70,2208 -> 70,22; basis 947,98
    assert r["wml_per_maand"] == D("877.76")
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("947.98")
    # 40 % = 379,192 -> 379,19; LKS 568,79; wgl 23,5 % = 133,66565 -> 133,67
    assert r["loonkostensubsidie"] == D("568.79")
    assert r["werkgeverslasten"] == D("133.67")
    assert r["totaal"] == D("702.46")


def test_bbl_18_jaar_2024():
    # BBL 18: 45,5 % × 13,27 = 6,03785 -> 6,04 (published SZW table Jan 2024: 6,04)
    r = lks(peildatum=date(2024, 2, 1), leeftijd=18, bbl=True, uren_per_week=D(40), loonwaarde=55)
    assert r["wml_per_uur"] == D("6.04")
    # 6,04 × 40 × 52 / 12 = 1046,9333.. -> 1046,93; 8 % = 83,7544 -> 83,75; basis 1130,68
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("1130.68")
    # 55 % = 621,874 -> 621,87; LKS 508,81; wgl 119,57035 -> 119,57
    assert r["loonkostensubsidie"] == D("508.81")
    assert r["werkgeverslasten"] == D("119.57")
    # the same worker without BBL: 50 % × 13,27 = 6,635 -> 6,64 (published 6,64)
    assert lks(peildatum=date(2024, 2, 1), leeftijd=18, uren_per_week=D(40), loonwaarde=55)["wml_per_uur"] == D("6.64")


def test_maximum_70_procent_bereikt():
    r = lks(peildatum=date(2025, 7, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=20)
    # 14,40 × 36 × 52 / 12 = 2246,40; 8 % = 179,712 -> 179,71; basis 2426,11
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("2426.11")
    # 20 % = 485,222 -> 485,22; verschil 1940,89 > maximum 70 % = 1698,277 -> 1698,28
    assert r["maximum_bereikt"] is True
    assert r["loonkostensubsidie"] == D("1698.28")
    # 23,5 % × 1698,28 = 399,0958 -> 399,10
    assert r["werkgeverslasten"] == D("399.10")
    assert r["totaal"] == D("2097.38")


def test_loonwaarde_0_geeft_het_maximum():
    r = lks(peildatum=date(2025, 7, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=0)
    assert r["loonwaarde_per_maand"] == D("0.00")
    assert r["maximum_bereikt"] is True
    assert r["loonkostensubsidie"] == D("1698.28")  # 70 % × 2426,11, as above


def test_loonwaarde_100_geeft_nul_met_uitleg():
    u = bereken(LksInvoer(peildatum=date(2025, 7, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=100,
                          jaaroverzicht=True), uitleg=True)
    r = u.resultaat
    assert r["loonkostensubsidie"] == D("0.00")
    assert r["werkgeverslasten"] == D("0.00")
    assert r["totaal"] == D("0.00")
    assert r["per_jaar"]["totaal"] == D("0.00")
    assert any("Loonwaarde 100 %" in s.omschrijving for s in u.stappen)


def test_forfaitair_50_procent_zes_maanden():
    u = bereken(LksInvoer(peildatum=date(2026, 3, 1), leeftijd=25, uren_per_week=D(20), forfaitair=True,
                          jaaroverzicht=True), uitleg=True)
    r = u.resultaat
    # 14,71 × 20 × 52 / 12 = 1274,8666.. -> 1274,87; 8 % = 101,9896 -> 101,99; basis 1376,86
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("1376.86")
    # forfaitair 50 % = 688,43; wgl 23,5 % = 161,78105 -> 161,78
    assert r["loonkostensubsidie"] == D("688.43")
    assert r["werkgeverslasten"] == D("161.78")
    assert r["loonwaarde_per_maand"] is None
    # year: 6 months from March (Mar-Aug); none before March or after August.
    # Mar-Jun at 688,43 / 161,78 (above). Jul-Aug with the WML of 1 July 2026 (14,99, voorlopig):
    # 14,99 × 20 × 52 / 12 = 1299,1333.. -> 1299,13; 8 % = 103,9304 -> 103,93; basis 1403,06;
    # forfaitair 50 % = 701,53; wgl 23,5 % = 164,85955 -> 164,86
    maanden = {m["maand"]: m["loonkostensubsidie"] for m in r["per_jaar"]["maanden"]}
    assert maanden["2026-02"] == D("0.00") and maanden["2026-09"] == D("0.00")
    assert maanden["2026-03"] == maanden["2026-06"] == D("688.43")
    assert maanden["2026-07"] == maanden["2026-08"] == D("701.53")
    # 4 × 688,43 + 2 × 701,53 = 2753,72 + 1403,06 = 4156,78
    assert r["per_jaar"]["loonkostensubsidie"] == 4 * D("688.43") + 2 * D("701.53") == D("4156.78")
    # 4 × 161,78 + 2 × 164,86 = 647,12 + 329,72 = 976,84
    assert r["per_jaar"]["werkgeverslasten"] == 4 * D("161.78") + 2 * D("164.86") == D("976.84")
    assert any("ten hoogste 6 maanden" in w for w in u.waarschuwingen)


def test_forfaitair_zonder_maanden_zelfde_jaartotaal():
    u = bereken(LksInvoer(peildatum=date(2026, 3, 1), leeftijd=25, uren_per_week=D(20), forfaitair=True))
    assert u.resultaat["per_jaar"]["maanden"] is None
    assert u.resultaat["loonkostensubsidie"] == D("688.43")  # as above
    # the totals without the months: the same 4 × 688,43 + 2 × 701,53 as above
    assert u.resultaat["per_jaar"]["loonkostensubsidie"] == D("4156.78")
    assert u.resultaat["per_jaar"]["werkgeverslasten"] == D("976.84")
    assert any("ten hoogste 6 maanden" in w and "03-2026" in w for w in u.waarschuwingen)


def test_functieloon_boven_wml_is_eigen_kosten():
    r = lks(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60, functieloon_per_uur=D("16.00"))
    # 16,00 × 32 × 52 / 12 = 2218,6666.. -> 2218,67; 8 % = 177,4936 -> 177,49; incl. 2396,16
    assert r["functieloon_per_maand_incl_vakantiebijslag"] == D("2396.16")
    # own cost: 2396,16 − 2202,97 (WML incl. vb, see the 32-hour case) = 193,19; the subsidy is unchanged
    assert r["eigen_kosten_werkgever_boven_wml"] == D("193.19")
    assert r["loonkostensubsidie"] == D("881.19")


def test_functieloon_onder_wml_geeft_waarschuwing():
    u = bereken(LksInvoer(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60,
                          functieloon_per_uur=D("12.00")))
    assert u.resultaat["eigen_kosten_werkgever_boven_wml"] == D("0.00")
    assert any("onder het wettelijk minimumloon" in w for w in u.waarschuwingen)


def test_2023_jeugd_maandloon_deeltijd():
    r = lks(peildatum=date(2023, 3, 1), geboortedatum=date(2003, 6, 10), uren_per_week=D(19),
            voltijd_uren_per_week=D(38), loonwaarde=20)
    # 19 years: 60 % × 1934,40 = 1160,64 -> 1160,65 (multiple of 5 cents; published: 1.160,65)
    # pro rata 1160,65 × 19 / 38 = 580,325 -> 580,33; 8 % = 46,4264 -> 46,43; basis 626,76
    assert r["wml_per_maand"] == D("580.33")
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("626.76")
    # indicative hourly: 60 % × 446,40 = 267,84 -> 267,85 per week; / 38 = 7,048.. -> 7,05 (rounded up; published 7,05)
    assert r["wml_per_uur"] == D("7.05") and r["wml_per_uur_indicatief"] is True
    # 20 %: 125,352 -> 125,35; verschil 501,41 > max 70 % = 438,732 -> 438,73; wgl 103,10155 -> 103,10
    assert r["maximum_bereikt"] is True
    assert r["loonkostensubsidie"] == D("438.73")
    assert r["werkgeverslasten"] == D("103.10")


def test_2022_voltijd_volwassene():
    r = lks(peildatum=date(2022, 8, 1), leeftijd=35, uren_per_week=D(36), voltijd_uren_per_week=D(36), loonwaarde=50)
    # full time: WML 1756,20 (July 2022); 8 % = 140,496 -> 140,50; basis 1896,70; 50 % = 948,35; LKS 948,35
    assert r["wml_per_maand"] == D("1756.20")
    assert r["loonkostensubsidie"] == D("948.35")
    # 23,5 % × 948,35 = 222,86225 -> 222,86
    assert r["werkgeverslasten"] == D("222.86")


def test_jaartotaal_over_1_juli():
    r = lks(peildatum=date(2025, 2, 1), leeftijd=40, uren_per_week=D(38), loonwaarde=50, jaaroverzicht=True)
    # Jan-Jun: 14,06 × 38 × 52 / 12 = 2315,2133 -> 2315,21; vb 185,2168 -> 185,22; basis 2500,43;
    #          LW 1250,215 -> 1250,22; LKS 1250,21; wgl 293,79935 -> 293,80
    # Jul-Dec: 14,40 × 38 × 52 / 12 = 2371,20; vb 189,696 -> 189,70; basis 2560,90; LW 1280,45; LKS 1280,45;
    #          wgl 300,90575 -> 300,91
    maanden = r["per_jaar"]["maanden"]
    assert maanden[5]["loonkostensubsidie"] == D("1250.21")
    assert maanden[6]["loonkostensubsidie"] == D("1280.45")
    assert r["per_jaar"]["loonkostensubsidie"] == 6 * D("1250.21") + 6 * D("1280.45") == D("15183.96")
    assert r["per_jaar"]["werkgeverslasten"] == 6 * D("293.80") + 6 * D("300.91") == D("3568.26")
    assert r["per_jaar"]["totaal"] == D("15183.96") + D("3568.26")


def test_jaaroverzicht_verjaardag_midden_in_de_maand():
    # born 2005-04-16: 19 until 15 April 2025, 20 from 16 April. 20 hours, LW 50.
    r = lks(peildatum=date(2025, 1, 1), geboortedatum=date(2005, 4, 16), uren_per_week=D(20), loonwaarde=50,
            jaaroverzicht=True)
    m = {x["maand"]: x for x in r["per_jaar"]["maanden"]}
    # 19: 8,44 × 20 × 52/12 = 731,4666..; 20: 80 % × 14,06 = 11,248 -> 11,25 (published) × 20 × 52/12 = 975,00
    # March (19): 731,47; vb 58,5176 -> 58,52; basis 789,99; LW 394,995 -> 395,00; LKS 394,99
    assert m["2025-03"]["loonkostensubsidie"] == D("394.99")
    # April: 15 days at 19 and 15 days at 20 of 30: 731,4666.. × 15/30 + 975,00 × 15/30 = 853,2333.. -> 853,23
    #        vb 68,2584 -> 68,26; basis 921,49; LW 460,745 -> 460,75; LKS 460,74
    assert m["2025-04"]["leeftijd"] == [19, 20]
    assert m["2025-04"]["wml_per_maand_incl_vakantiebijslag"] == D("921.49")
    assert m["2025-04"]["loonkostensubsidie"] == D("460.74")
    # May (20): 975,00; vb 78,00; basis 1053,00; LW 526,50; LKS 526,50
    assert m["2025-05"]["loonkostensubsidie"] == D("526.50")


def test_uitleg_bevat_stappen_met_grondslag_en_parameters_met_bron():
    u = bereken(LksInvoer(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60), uitleg=True)
    teksten = [s.berekening() for s in u.stappen if s.sjabloon]
    assert "€\xa014,71 × 32 uur per week × 52 / 12 = €\xa02.039,79 (afgerond op de cent)" in teksten
    assert all(s.grondslag for s in u.stappen)
    namen = {pv.naam for pv in u.parameters}
    assert {"wml.uurloon", "wml.vakantiebijslag", "lks.maximum_percentage", "lks.werkgeverslasten_percentage"} <= namen
    assert all(pv.bron and pv.status in ("bevestigd", "voorlopig") for pv in u.parameters)
    # 23,5 % for 2022+ is voorlopig: the result carries a visible warning
    assert any("lks.werkgeverslasten_percentage" in w for w in u.waarschuwingen)


def test_zonder_uitleg_geen_stappen_maar_wel_parameters():
    u = bereken(LksInvoer(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60))
    assert u.stappen == []
    assert u.parameters


def test_jonger_dan_15_is_een_invoerfout():
    with pytest.raises(InvoerFout) as exc:
        bereken(LksInvoer(peildatum=date(2026, 1, 1), leeftijd=14, uren_per_week=D(10), loonwaarde=50))
    assert exc.value.veld == "leeftijd"

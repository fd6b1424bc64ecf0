"""Loonkostensubsidie arithmetic, each case written out by hand.

Rules (Participatiewet art. 10d; see calculator/loonkostensubsidie.py):
  Pw art. 2: "wettelijk minimumloon: het minimumloon per maand, bedoeld in artikel 8, eerste lid, onderdeel b [tot
  2024: a], van de Wet minimumloon en minimumvakantiebijslag of, indien het een werknemer jonger dan 21 jaar betreft,
  het voor zijn leeftijd geldende minimumloon per maand, bedoeld in artikel 7, derde lid, en artikel 8, derde lid"
  (texts valid from 2022-01-01 and 2024-01-01).
  Art. 10d lid 4 (texts from 2024-01-01): "De loonkostensubsidie wordt naar evenredigheid verminderd of vermeerderd,
  indien de overeengekomen arbeidsduur korter of langer is dan 36 uren per week. De overeengekomen arbeidsduur,
  bedoeld in de vorige zin, is maximaal de arbeidsduur welke in overeenkomstige dienstbetrekkingen in de regel
  geacht wordt een volledige dienstbetrekking te vormen."
  So: WML per maand = WML-maandbedrag × min(uren, voltijd) / 36 (from 2024), or WML-maandloon × min(uren, voltijd) /
  voltijd (2022-2023: only "verminderd"), to the cent
  vakantiebijslag = 8 % of that, to the cent; basis = sum
  loonwaarde € = LW % × basis, to the cent; LKS = min(basis − loonwaarde €, 70 % × basis (to the cent))
  werkgeverslasten = 23,5 % × LKS, to the cent; totaal = LKS + werkgeverslasten
  Art. 10d lid 7: the LKS is set again only "met ingang van 1 januari van het kalenderjaar": every month of a year
  uses the WML of 1 January (or of the begindatum, when the dienstbetrekking starts later in the year).
Parameter values: parameters/wml.yaml (wml.maandloon 2024-01 2.069,40; 2025-01 2.191,80; 2025-07 2.245,80;
2026-01 2.294,40; 2026-07 2.337,00) and parameters/loonkostensubsidie.yaml.
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
    # 2294,40 × 38 / 36 = 2421,8666.. -> 2421,87 (38 hours in a 38-hour function)
    assert r["wml_per_uur"] == D("14.71")
    assert r["wml_per_maand"] == D("2421.87")
    # 8 % × 2421,87 = 193,7496 -> 193,75; basis 2615,62
    assert r["vakantiebijslag"] == D("193.75")
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("2615.62")
    # 50 % × 2615,62 = 1307,81; LKS = 2615,62 − 1307,81 = 1307,81
    assert r["loonwaarde_per_maand"] == D("1307.81")
    assert r["loonkostensubsidie"] == D("1307.81")
    # maximum 70 % × 2615,62 = 1830,934 -> 1830,93: not reached
    assert r["maximum_loonkostensubsidie"] == D("1830.93")
    assert r["maximum_bereikt"] is False
    # 23,5 % × 1307,81 = 307,33535 -> 307,34; totaal 1615,15
    assert r["werkgeverslasten"] == D("307.34")
    assert r["totaal"] == D("1615.15")


def test_deeltijd_32_uur_loonwaarde_60():
    r = lks(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60)
    # issue 14: 2294,40 × 32 / 36 = 2039,4666.. -> 2039,47 (not 14,71 × 32 × 52 / 12 = 2039,79)
    # 8 % = 163,1576 -> 163,16; basis 2202,63
    assert r["wml_per_maand"] == D("2039.47")
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("2202.63")
    # 60 % × 2202,63 = 1321,578 -> 1321,58; LKS 881,05; 23,5 % = 207,04675 -> 207,05
    assert r["loonkostensubsidie"] == D("881.05")
    assert r["werkgeverslasten"] == D("207.05")
    assert r["totaal"] == D("1088.10")


def test_36_uur_is_precies_het_minimumloon_per_maand():
    # art. 10d lid 4: no reduction or increase at 36 hours: the WML per maand of Wml art. 8 lid 1 onder b itself
    r = lks(peildatum=date(2024, 3, 1), leeftijd=30, uren_per_week=D(36), loonwaarde=50)
    assert r["wml_per_maand"] == D("2069.40")


def test_uren_tellen_ten_hoogste_als_voltijd_van_de_functie():
    # issue 14: 40 hours in a 38-hour function in 2026: 2294,40 × 38 / 36 = 2421,8666.. -> 2421,87
    u = bereken(LksInvoer(peildatum=date(2026, 1, 1), leeftijd=30, uren_per_week=D(40), loonwaarde=50), uitleg=True)
    assert u.resultaat["wml_per_maand"] == D("2421.87")
    assert any("meer dan de voltijdse arbeidsduur" in w for w in u.waarschuwingen)
    # 45 hours in a 40-hour function: 2294,40 × 40 / 36 = 2549,3333.. -> 2549,33
    r = lks(peildatum=date(2026, 1, 1), leeftijd=30, uren_per_week=D(45), voltijd_uren_per_week=D(40), loonwaarde=50)
    assert r["wml_per_maand"] == D("2549.33")


def test_voor_2024_alleen_verminderd_nooit_vermeerderd():
    # art. 10d lid 4 (text 2022-01-01, 2023-07-01): "De loonkostensubsidie wordt naar evenredigheid verminderd, indien
    # de overeengekomen arbeidsduur korter is dan de normale arbeidsduur": 40 hours in a 38-hour function in March
    # 2023 gives the full 1934,40 (not 1934,40 × 40 / 38 = 2036,21)
    r = lks(peildatum=date(2023, 3, 1), leeftijd=30, uren_per_week=D(40), voltijd_uren_per_week=D(38), loonwaarde=50)
    assert r["wml_per_maand"] == D("1934.40")


def test_jeugd_19_jaar_2025():
    # born 2005-09-01: 19 on 2025-03-01. Pw art. 2 with Wml art. 8 lid 3: the minimumloon per maand for the age:
    # 60 % × 2191,80 = 1315,08; × 24 / 36 = 876,72
    r = lks(peildatum=date(2025, 3, 1), geboortedatum=date(2005, 9, 1), uren_per_week=D(24), loonwaarde=40)
    assert r["leeftijd"] == 19
    # the hourly minimum (what the werkgever pays at least): 60 % × 14,06 = 8,436 -> 8,44 (published SZW table: 8,44)
    assert r["wml_per_uur"] == D("8.44")
    assert r["wml_per_maand"] == D("876.72")
    # 8 % = 70,1376 -> 70,14; basis 946,86
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("946.86")
    # 40 % = 378,744 -> 378,74; LKS 568,12; wgl 23,5 % = 133,5082 -> 133,51
    assert r["loonkostensubsidie"] == D("568.12")
    assert r["werkgeverslasten"] == D("133.51")
    assert r["totaal"] == D("701.63")


def test_jeugd_maandbedrag_vanaf_2024_eenmaal_op_de_cent():
    # Besluit minimumjeugdloon art. 2 lid 2 rounds only "het ... uurloon"; for the monthly amount nothing is prescribed,
    # so it is rounded once, half-up, to the cent: 17 years, 2026-01: 39,5 % × 2294,40 = 906,288 -> 906,29
    r = lks(peildatum=date(2026, 1, 1), leeftijd=17, uren_per_week=D(36), loonwaarde=50)
    assert r["minimumloon_percentage"] == D("39.5")
    assert r["wml_per_maand"] == D("906.29")
    # 8 % = 72,5032 -> 72,50; basis 978,79; LW 50 % = 489,395 -> 489,40; LKS 489,39
    assert r["loonkostensubsidie"] == D("489.39")


def test_bbl_18_jaar_2024_rekent_met_het_minimumjeugdloon_van_art_8_lid_3():
    """Pw art. 2 defines the wettelijk minimumloon of a worker under 21 as "het voor zijn leeftijd geldende
    minimumloon per maand, bedoeld in artikel 7, derde lid, en artikel 8, derde lid" of the Wml. The BBL percentages
    rest on Wml art. 8 lid 4 (Besluit minimumjeugdloon art. 3, "In afwijking van artikel 2"), which art. 2 does not
    name. The issue asked for the BBL percentages; the text names lid 3 only, so the LKS follows lid 3 (the brief:
    the text wins). The BBL hourly minimum is still shown: that is what the werkgever must pay at least."""
    r = lks(peildatum=date(2024, 2, 1), leeftijd=18, bbl=True, uren_per_week=D(40), loonwaarde=55)
    # BBL 18: 45,5 % × 13,27 = 6,03785 -> 6,04 (published SZW table Jan 2024: 6,04)
    assert r["wml_per_uur"] == D("6.04")
    # LKS: 50 % × 2069,40 = 1034,70 (art. 8 lid 3); hours at most 38 (the default full time): × 38 / 36 =
    # 1092,1833.. -> 1092,18; 8 % = 87,3744 -> 87,37; basis 1179,55
    assert r["minimumloon_percentage"] == D("50")
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("1179.55")
    # 55 % = 648,7525 -> 648,75; LKS 530,80; wgl 23,5 % = 124,738 -> 124,74
    assert r["loonkostensubsidie"] == D("530.80")
    assert r["werkgeverslasten"] == D("124.74")
    # the same worker without BBL: the same LKS, and the hourly minimum 50 % × 13,27 = 6,635 -> 6,64 (published 6,64)
    zonder = lks(peildatum=date(2024, 2, 1), leeftijd=18, uren_per_week=D(40), loonwaarde=55)
    assert zonder["wml_per_uur"] == D("6.64")
    assert zonder["loonkostensubsidie"] == D("530.80")


def test_maximum_70_procent_bereikt():
    # peildatum in July 2025, dienstbetrekking running since before 1 January: the LKS of 1 January 2025 (lid 7)
    r = lks(peildatum=date(2025, 7, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=20)
    # 2191,80 × 36 / 36 = 2191,80; 8 % = 175,344 -> 175,34; basis 2367,14
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("2367.14")
    # 20 % = 473,428 -> 473,43; verschil 1893,71 > maximum 70 % = 1656,998 -> 1657,00
    assert r["maximum_bereikt"] is True
    assert r["loonkostensubsidie"] == D("1657.00")
    # 23,5 % × 1657,00 = 389,395 -> 389,40
    assert r["werkgeverslasten"] == D("389.40")
    assert r["totaal"] == D("2046.40")


def test_loonwaarde_0_geeft_het_maximum():
    r = lks(peildatum=date(2025, 7, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=0)
    assert r["loonwaarde_per_maand"] == D("0.00")
    assert r["maximum_bereikt"] is True
    assert r["loonkostensubsidie"] == D("1657.00")  # 70 % × 2367,14, as above


def test_loonwaarde_100_geeft_nul_met_uitleg():
    u = bereken(LksInvoer(peildatum=date(2025, 7, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=100,
                          jaaroverzicht=True), uitleg=True)
    r = u.resultaat
    assert r["loonkostensubsidie"] == D("0.00")
    assert r["werkgeverslasten"] == D("0.00")
    assert r["totaal"] == D("0.00")
    assert r["per_jaar"]["totaal"] == D("0.00")
    assert any("Loonwaarde 100 %" in s.omschrijving for s in u.stappen)


def test_forfaitair_50_procent_zes_maanden_zonder_begindatum():
    u = bereken(LksInvoer(peildatum=date(2026, 3, 1), leeftijd=25, uren_per_week=D(20), forfaitair=True,
                          jaaroverzicht=True), uitleg=True)
    r = u.resultaat
    # 2294,40 × 20 / 36 = 1274,6666.. -> 1274,67; 8 % = 101,9736 -> 101,97; basis 1376,64
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("1376.64")
    # forfaitair 50 % = 688,32; wgl 23,5 % = 161,7552 -> 161,76
    assert r["loonkostensubsidie"] == D("688.32")
    assert r["werkgeverslasten"] == D("161.76")
    assert r["loonwaarde_per_maand"] is None
    # without a begindatum the 6 months are counted from the month of the peildatum (Mar-Aug), with a warning;
    # every month at the amount of 1 January 2026 (lid 7: no step on 1 July)
    maanden = {m["maand"]: m["loonkostensubsidie"] for m in r["per_jaar"]["maanden"]}
    assert maanden["2026-02"] == D("0.00") and maanden["2026-09"] == D("0.00")
    assert maanden["2026-03"] == maanden["2026-07"] == maanden["2026-08"] == D("688.32")
    # 6 × 688,32 = 4129,92; 6 × 161,76 = 970,56
    assert r["per_jaar"]["loonkostensubsidie"] == 6 * D("688.32") == D("4129.92")
    assert r["per_jaar"]["werkgeverslasten"] == 6 * D("161.76") == D("970.56")
    assert any("ten hoogste 6 maanden" in w and "vanaf 1 maart 2026" in w for w in u.waarschuwingen)  # Dutch date (issue 18)


def test_forfaitair_zonder_maanden_zelfde_jaartotaal():
    u = bereken(LksInvoer(peildatum=date(2026, 3, 1), leeftijd=25, uren_per_week=D(20), forfaitair=True))
    assert u.resultaat["per_jaar"]["maanden"] is None
    assert u.resultaat["loonkostensubsidie"] == D("688.32")  # as above
    assert u.resultaat["per_jaar"]["loonkostensubsidie"] == D("4129.92")
    assert u.resultaat["per_jaar"]["werkgeverslasten"] == D("970.56")


@pytest.mark.parametrize("jaaroverzicht", [True, False])
def test_forfaitair_vanaf_de_begindatum(jaaroverzicht):
    """Art. 10d lid 5: "bedraagt gedurende een periode van maximaal de eerste zes maanden van de dienstbetrekking
    50 procent van het totale bedrag van het wettelijk minimumloon en de aanspraak op vakantiebijslag".
    Issue 14: begindatum 2025-12-01, 36 hours, 21+, year 2026: December 2025 + January-May 2026 are the six months."""
    u = bereken(LksInvoer(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(36), forfaitair=True,
                          begindatum_dienstbetrekking=date(2025, 12, 1), jaaroverzicht=jaaroverzicht))
    r = u.resultaat
    # 2294,40 × 36 / 36 = 2294,40; 8 % = 183,552 -> 183,55; basis 2477,95; 50 % = 1238,975 -> 1238,98
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("2477.95")
    assert r["loonkostensubsidie"] == D("1238.98")
    # 5 months in 2026 (January-May): 5 × 1238,98 = 6194,90; none from June
    assert r["per_jaar"]["loonkostensubsidie"] == 5 * D("1238.98") == D("6194.90")
    if jaaroverzicht:
        maanden = {m["maand"]: m["loonkostensubsidie"] for m in r["per_jaar"]["maanden"]}
        assert maanden["2026-05"] == D("1238.98") and maanden["2026-06"] == D("0.00")
    assert not any("ten hoogste 6 maanden" in w for w in u.waarschuwingen)


def test_forfaitair_na_zes_maanden_vraagt_om_de_loonwaarde():
    with pytest.raises(InvoerFout) as exc:
        bereken(LksInvoer(peildatum=date(2026, 6, 1), leeftijd=30, uren_per_week=D(36), forfaitair=True,
                          begindatum_dienstbetrekking=date(2025, 12, 1)))
    assert exc.value.veld == "loonwaarde"
    assert "31 mei 2026" in exc.value.bericht and "loonwaarde" in exc.value.bericht  # Dutch date (issue 18)


def test_lid_7_geen_stap_per_1_juli():
    """Art. 10d lid 7 (text 2025-07-01): "Het college stelt na aanvang van de dienstbetrekking de hoogte van de
    loonkostensubsidie ambtshalve opnieuw vast met ingang van 1 januari van het kalenderjaar in overeenstemming met
    de ontwikkeling van het wettelijk minimumloon". Issue 14: 2025, 36 h, loonwaarde 50 %, 21+."""
    r = lks(peildatum=date(2025, 9, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=50, jaaroverzicht=True)
    # 2191,80 (1 January 2025, also in September) + 8 % (175,344 -> 175,34) = 2367,14; LW 50 % = 1183,57; LKS 1183,57
    assert r["wml_per_maand_incl_vakantiebijslag"] == D("2367.14")
    assert r["loonkostensubsidie"] == D("1183.57")
    assert r["per_jaar"]["vastgesteld_per"] == date(2025, 1, 1)
    assert {m["loonkostensubsidie"] for m in r["per_jaar"]["maanden"]} == {D("1183.57")}
    # 12 × 1183,57 = 14202,84
    assert r["per_jaar"]["loonkostensubsidie"] == D("14202.84")


def test_jaartotaal_volgt_1_juli_niet():
    r = lks(peildatum=date(2025, 2, 1), leeftijd=40, uren_per_week=D(38), loonwaarde=50, jaaroverzicht=True)
    # every month: 2191,80 × 38 / 36 = 2313,5666.. -> 2313,57; vb 185,0856 -> 185,09; basis 2498,66;
    #              LW 1249,33; LKS 1249,33; wgl 23,5 % = 293,59255 -> 293,59
    maanden = r["per_jaar"]["maanden"]
    assert maanden[5]["loonkostensubsidie"] == maanden[6]["loonkostensubsidie"] == D("1249.33")
    assert r["per_jaar"]["loonkostensubsidie"] == 12 * D("1249.33") == D("14991.96")
    assert r["per_jaar"]["werkgeverslasten"] == 12 * D("293.59") == D("3523.08")
    assert r["per_jaar"]["totaal"] == D("14991.96") + D("3523.08")


def test_nieuwe_dienstbetrekking_in_het_jaar_met_het_minimumloon_bij_de_begindatum():
    # begins 1 September 2025: the LKS is first set with the WML then in force, 2245,80 (from 1 July 2025)
    r = lks(peildatum=date(2025, 10, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=50,
            begindatum_dienstbetrekking=date(2025, 9, 1), jaaroverzicht=True)
    # 2245,80; 8 % = 179,664 -> 179,66; basis 2425,46; LW 50 % = 1212,73; LKS 1212,73
    assert r["loonkostensubsidie"] == D("1212.73")
    assert r["per_jaar"]["vastgesteld_per"] == date(2025, 9, 1)
    maanden = {m["maand"]: m["loonkostensubsidie"] for m in r["per_jaar"]["maanden"]}
    assert maanden["2025-08"] == D("0.00") and maanden["2025-09"] == D("1212.73")
    # September-December: 4 × 1212,73 = 4850,92
    assert r["per_jaar"]["loonkostensubsidie"] == D("4850.92")


@pytest.mark.parametrize("jaaroverzicht", [True, False])
def test_begin_halverwege_de_maand_naar_kalenderdagen(jaaroverzicht):
    # begins 16 September 2025: September counts 15 of its 30 days: 2245,80 × 15 / 30 = 1122,90;
    # 8 % = 89,832 -> 89,83; basis 1212,73; LW 50 % = 606,365 -> 606,37; LKS 606,36
    r = lks(peildatum=date(2025, 9, 20), leeftijd=40, uren_per_week=D(36), loonwaarde=50,
            begindatum_dienstbetrekking=date(2025, 9, 16), jaaroverzicht=jaaroverzicht)
    assert r["loonkostensubsidie"] == D("1212.73")  # the amount per (whole) month
    # year: 606,36 + 3 × 1212,73 = 4244,55
    assert r["per_jaar"]["loonkostensubsidie"] == D("606.36") + 3 * D("1212.73") == D("4244.55")
    if jaaroverzicht:
        assert r["per_jaar"]["maanden"][8]["loonkostensubsidie"] == D("606.36")


@pytest.mark.parametrize("jaaroverzicht", [True, False])
def test_einddatum_telt_alleen_de_maanden_van_de_dienstbetrekking(jaaroverzicht):
    # ends 31 March 2026: 2294,40 + 183,55 = 2477,95; LW 50 % = 1238,975 -> 1238,98; LKS 1238,97; 3 months
    r = lks(peildatum=date(2026, 2, 1), leeftijd=40, uren_per_week=D(36), loonwaarde=50,
            einddatum_dienstbetrekking=date(2026, 3, 31), jaaroverzicht=jaaroverzicht)
    assert r["loonkostensubsidie"] == D("1238.97")
    assert r["per_jaar"]["loonkostensubsidie"] == 3 * D("1238.97") == D("3716.91")


def test_zonder_begindatum_zegt_de_uitkomst_dat_het_hele_jaar_is_aangenomen():
    u = bereken(LksInvoer(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60))
    assert any("hele jaar 2026" in w for w in u.waarschuwingen)
    u = bereken(LksInvoer(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60,
                          begindatum_dienstbetrekking=date(2020, 1, 1)))
    assert not any("hele jaar" in w for w in u.waarschuwingen)


@pytest.mark.parametrize("kw, veld", [
    ({"begindatum_dienstbetrekking": date(2026, 3, 1), "einddatum_dienstbetrekking": date(2026, 2, 28)},
     "einddatum_dienstbetrekking"),
    ({"begindatum_dienstbetrekking": date(2026, 3, 1)}, "peildatum"),
    ({"einddatum_dienstbetrekking": date(2026, 1, 31)}, "peildatum"),
])
def test_datums_van_de_dienstbetrekking_die_niet_kloppen(kw, veld):
    with pytest.raises(InvoerFout) as exc:
        bereken(LksInvoer(peildatum=date(2026, 2, 15), leeftijd=30, uren_per_week=D(36), loonwaarde=50, **kw))
    assert exc.value.veld == veld


def test_functieloon_boven_wml_is_eigen_kosten():
    r = lks(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60, functieloon_per_uur=D("16.00"))
    # 16,00 × 32 × 52 / 12 = 2218,6666.. -> 2218,67; 8 % = 177,4936 -> 177,49; incl. 2396,16
    assert r["functieloon_per_maand_incl_vakantiebijslag"] == D("2396.16")
    # own cost: 2396,16 − 2202,63 (WML incl. vb, see the 32-hour case) = 193,53; the subsidy is unchanged
    assert r["eigen_kosten_werkgever_boven_wml"] == D("193.53")
    assert r["loonkostensubsidie"] == D("881.05")


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
    # lid 7: set per 1 January 2022: WML 1725,00 (not the 1756,20 of July 2022); 8 % = 138,00; basis 1863,00;
    # 50 % = 931,50; LKS 931,50
    assert r["wml_per_maand"] == D("1725.00")
    assert r["loonkostensubsidie"] == D("931.50")
    # 23,5 % × 931,50 = 218,9025 -> 218,90
    assert r["werkgeverslasten"] == D("218.90")


def test_jaaroverzicht_verjaardag_midden_in_de_maand():
    # born 2005-04-16: 19 until 15 April 2025, 20 from 16 April. 20 hours, LW 50. All months with the WML of
    # 1 January 2025: 19: 60 % × 2191,80 = 1315,08 × 20 / 36 = 730,60; 20: 80 % × 2191,80 = 1753,44 × 20 / 36 =
    # 974,1333..
    r = lks(peildatum=date(2025, 1, 1), geboortedatum=date(2005, 4, 16), uren_per_week=D(20), loonwaarde=50,
            jaaroverzicht=True)
    m = {x["maand"]: x for x in r["per_jaar"]["maanden"]}
    # March (19): 730,60; vb 58,448 -> 58,45; basis 789,05; LW 394,525 -> 394,53; LKS 394,52
    assert m["2025-03"]["loonkostensubsidie"] == D("394.52")
    # April: 15 days at 19 and 15 days at 20 of 30: 730,60 × 15/30 + 974,1333.. × 15/30 = 852,3666.. -> 852,37
    #        vb 68,1896 -> 68,19; basis 920,56; LW 460,28; LKS 460,28
    assert m["2025-04"]["leeftijd"] == [19, 20]
    assert m["2025-04"]["wml_per_maand_incl_vakantiebijslag"] == D("920.56")
    assert m["2025-04"]["loonkostensubsidie"] == D("460.28")
    # May (20): 974,13; vb 77,9304 -> 77,93; basis 1052,06; LW 526,03; LKS 526,03
    assert m["2025-05"]["loonkostensubsidie"] == D("526.03")


def test_uitleg_bevat_stappen_met_grondslag_en_parameters_met_bron():
    u = bereken(LksInvoer(peildatum=date(2026, 1, 15), leeftijd=30, uren_per_week=D(32), loonwaarde=60), uitleg=True)
    teksten = [s.berekening() for s in u.stappen]
    assert "€\xa02.294,40 × 32 / 36 = €\xa02.039,47 (afgerond op de cent)" in teksten
    assert all(s.grondslag for s in u.stappen)
    stap = next(s for s in u.stappen if s.omschrijving == "Minimumloon per maand voor de contracturen")
    assert "art. 10d lid 4" in stap.grondslag
    assert any("art. 2" in s.grondslag for s in u.stappen)
    namen = {pv.naam for pv in u.parameters}
    assert {"wml.maandloon", "lks.arbeidsduur_uren_per_week", "wml.vakantiebijslag", "lks.maximum_percentage",
            "lks.werkgeverslasten_percentage"} <= namen
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


@pytest.mark.parametrize("jaaroverzicht", [True, False])
def test_forfaitair_begin_halverwege_de_maand(jaaroverzicht):
    # begins 15 December 2025: the six months run to and including 14 June 2026 (art. 10d lid 5), so June counts
    # 14 of its 30 days: 2294,40 × 14 / 30 = 1070,72; 8 % = 85,6576 -> 85,66; basis 1156,38; 50 % = 578,19
    r = lks(peildatum=date(2026, 2, 1), leeftijd=30, uren_per_week=D(36), forfaitair=True,
            begindatum_dienstbetrekking=date(2025, 12, 15), jaaroverzicht=jaaroverzicht)
    assert r["loonkostensubsidie"] == D("1238.98")  # a whole month, as in test_forfaitair_vanaf_de_begindatum
    # 5 × 1238,98 + 578,19 = 6194,90 + 578,19 = 6773,09
    assert r["per_jaar"]["loonkostensubsidie"] == D("6773.09")
    if jaaroverzicht:
        juni = r["per_jaar"]["maanden"][5]
        assert juni["wml_per_maand_incl_vakantiebijslag"] == D("1156.38") and juni["loonkostensubsidie"] == D("578.19")

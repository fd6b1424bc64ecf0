"""Vrijwilligersvergoeding: every case worked out by hand (rules in calculator/vrijwilligersvergoeding.py).

Caps (parameters/vrijwilligersvergoeding.yaml):
  2023: € 5,00 / uur (21+), € 2,75 (<21), € 190 / maand, € 1.900 / jaar  (belastingdienst.nl, bevestigd)
  2024: € 5,50 / € 3,25, € 210 / € 2.100                                    (belastingdienst.nl, bevestigd)
  2025: € 5,60 / € 3,30 (voorlopig), € 210 / € 2.100 (bevestigd)
  2026: fiscal € 220 / € 2.200 bevestigd (Wet LB 1964 art. 2 lid 6, text per 2026-01-01);
        € 5,75 / € 3,40 per uur voorlopig (a single secondary source); bijstand onder k 220 / 2.200 bevestigd
Hourly test: vergoeding − aangetoonde kosten ≤ uurbedrag × uren. Month test: vergoeding ≤ max per maand.
Year test: sum of vergoedingen ≤ max per jaar.
Wet LB 1964 art. 2 lid 6 (lid 6 in the texts of 2022-01-01, 2025-01-01 and 2026-01-01), text of 2025-01-01:
  "Het eerste lid is eveneens niet van toepassing op personen die als vrijwilliger uitsluitend vergoedingen of
  verstrekkingen ontvangen met een gezamenlijke waarde van ten hoogste € 210 per maand en € 2.100 per kalenderjaar."
Only these maxima are statutory: a month or year breach → oordeel "belast", belastbaar = sum(vergoeding − aangetoonde
kosten). The hourly amounts are the Belastingdienst's (belastingdienst.nl 'vrijwilligersvergoedingen', 2024): the
amounts "die wij als niet-marktconform zien"; above them "kunt u deze mogelijk nog steeds ontvangen" if the
organisation can explain that the allowance is not marktconform → oordeel "onbelast_mits_niet_marktconform",
belastbaar 0 on that condition, belastbaar_bedrag_als_marktconform = sum(vergoeding − aangetoonde kosten).
"""

from datetime import date
from decimal import Decimal as D

import pytest

from calculator.errors import InvoerFout
from calculator.vrijwilligersvergoeding import MaandInvoer, VrijwilligersInvoer, bereken


def m(maand, vergoeding, uren=None, kosten="0"):
    return MaandInvoer(maand, D(str(vergoeding)), None if uren is None else D(str(uren)), D(kosten))


def vv(jaar, maanden, **kw):
    if "geboortedatum" not in kw:
        kw.setdefault("leeftijd", 40)
    return bereken(VrijwilligersInvoer(jaar, tuple(maanden), **kw), uitleg=True)


def test_binnen_alle_grenzen_2024():
    # 10 months of € 200 for 40 hours: 200 ≤ 5,50 × 40 = 220; 200 ≤ 210; year 2.000 ≤ 2.100
    u = vv(2024, [m(i, 200, 40) for i in range(1, 11)])
    r = u.resultaat
    assert r["binnen_grenzen"] is True
    assert r["overschreden"] == []
    assert r["totaal_vergoeding"] == D("2000")
    assert r["max_per_jaar"] == D("2100")
    assert r["belastbaar_bedrag"] == D("0")
    assert r["onbelast_bedrag"] == D("2000")
    assert all(x["binnen_grenzen"] and x["belastbaar"] == 0 for x in r["maanden"])
    assert r["maanden"][0]["vergoeding_per_uur"] == D("5.00")
    assert r["uurmaximum_gecontroleerd"] is True
    # all 2024 values are bevestigd: no voorlopig warning
    assert not any("Voorlopige" in w for w in u.waarschuwingen)


def test_uurbedrag_in_een_maand_overschreden_onbelast_mits_niet_marktconform():
    # 2024, 40 years: March € 200 for 30 hours = 6,666.. per hour > 5,50 (5,50 × 30 = 165 < 200).
    # Lid 6: every month ≤ € 210 and the year 3 × 200 = 600 ≤ € 2.100, so the statutory maxima hold; only the
    # Belastingdienst's hourly amount is exceeded → onbelast, mits niet marktconform. If the organisation cannot
    # explain that, the whole 600 (no aangetoonde kosten) is loon.
    u = vv(2024, [m(2, 200, 40), m(3, 200, 30), m(4, 200, 40)])
    r = u.resultaat
    maart = r["maanden"][1]
    assert maart["overschreden"] == ["uur"]
    assert maart["vergoeding_per_uur"] == D("6.67")  # 6,666.. displayed to the cent
    assert maart["oordeel"].startswith("Boven het uurbedrag: onbelast als de organisatie kan uitleggen")
    assert r["maanden"][0]["binnen_grenzen"] is True
    assert r["oordeel"] == "onbelast_mits_niet_marktconform"
    assert r["binnen_grenzen"] is False  # true only for "onbelast"
    assert r["overschreden"] == ["uur"]
    assert r["belastbaar_bedrag"] == D("0")
    assert r["onbelast_bedrag"] == D("600")
    assert r["belastbaar_bedrag_als_marktconform"] == D("600")
    assert [x["belastbaar"] for x in r["maanden"]] == [D("0")] * 3
    t = r["oordeel_toelichting"].replace("\xa0", " ")
    assert "maart" in t and "€ 5,50 per uur" in t and "niet-marktconform" in t and "€ 600,00" in t
    assert "artikel 2 lid 6" in t
    assert r["oordeel_toelichting"] in u.waarschuwingen
    assert not any("geen vrijwilligersvergoeding" in w for w in u.waarschuwingen)


def test_uurbedrag_en_maandmaximum_samen_belast():
    # 2024: March € 250 for 30 hours: 250 > 5,50 × 30 = 165 (uur) and 250 > 210 (maand, lid 6) → belast;
    # the hourly breach is not the reason, the monthly maximum is. Belastbaar 250 + 100 = 350.
    r = vv(2024, [m(3, 250, 30), m(4, 100, 20)]).resultaat
    assert r["maanden"][0]["overschreden"] == ["uur", "maand"]
    assert r["oordeel"] == "belast" and r["binnen_grenzen"] is False
    assert r["belastbaar_bedrag"] == D("350") and r["belastbaar_bedrag_als_marktconform"] is None
    assert "het maximum per maand in maart" in r["oordeel_toelichting"]


def test_oordeel_onbelast_en_toelichting():
    # 2024: € 200 for 40 hours: 200 ≤ 5,50 × 40 = 220; 200 ≤ 210; year 200 ≤ 2.100
    r = vv(2024, [m(1, 200, 40)]).resultaat
    assert r["oordeel"] == "onbelast" and r["binnen_grenzen"] is True
    assert r["belastbaar_bedrag_als_marktconform"] is None
    assert "onbelaste vrijwilligersvergoeding" in r["oordeel_toelichting"]


def test_ten_hoogste_te_vergoeden_voor_de_ingevulde_uren():
    # 2024, 21+: uurbedrag 5,50, maandmaximum 210.
    #   30 uur:                5,50 × 30 = 165,00 ≤ 210 → 165,00
    #   50 uur:                5,50 × 50 = 275,00 > 210 → 210,00 (the month maximum of lid 6 caps it)
    #   20 uur + 80 kosten:    5,50 × 20 + 80 = 190,00 ≤ 210 → 190,00 (the hourly amount concerns only the inzet)
    #   30,33 uur:             5,50 × 30,33 = 166,815 → 166,81 (rounded down: € 166,82 would be above the amount)
    #   zonder uren:           not computed (None)
    r = vv(2024, [m(1, 100, 30), m(2, 100, 50), m(3, 150, 20, kosten="80"), m(4, 100, "30.33"), m(5, 100)],
           ).resultaat
    assert [x["max_voor_uren"] for x in r["maanden"]] == [D("165.00"), D("210.00"), D("190.00"), D("166.81"), None]
    # the amount itself passes both tests, one cent more fails the hourly one
    assert vv(2024, [m(4, "166.81", "30.33")]).resultaat["oordeel"] == "onbelast"
    assert vv(2024, [m(4, "166.82", "30.33")]).resultaat["maanden"][0]["overschreden"] == ["uur"]
    # under 21 in 2024: 3,25 × 40 = 130,00
    assert vv(2024, [m(1, 100, 40)], leeftijd=19).resultaat["maanden"][0]["max_voor_uren"] == D("130.00")


def test_uurmaximum_precies_op_de_grens_is_binnen():
    # 2023: 5,00 × 38 = 190,00 exactly: not above the maximum (and 190 ≤ 190 per month)
    r = vv(2023, [m(5, "190.00", 38)]).resultaat
    assert r["binnen_grenzen"] is True
    # one cent more is above both the hourly and the monthly cap
    r = vv(2023, [m(5, "190.01", 38)]).resultaat
    assert r["maanden"][0]["overschreden"] == ["uur", "maand"]
    assert r["oordeel"] == "belast"


def test_maandmaximum_een_keer_overschreden_jaar_blijft_onder_jaarmaximum():
    # 2024: January € 250 > € 210, the other months € 100; year 250 + 11 × 100 = 1.350 < 2.100.
    # Months cannot be averaged: still no vrijwilligersvergoeding (Wet LB 1964 art. 2 lid 6: "per maand en ... per
    # kalenderjaar"; belastingdienst.nl; the Kennisnetwerk Belastingen en Toeslagen answers the same question with
    # no, see docs/bronnen/vrijwilligersvergoeding.md).
    maanden = [m(1, 250, 60)] + [m(i, 100, 20) for i in range(2, 13)]
    r = vv(2024, maanden).resultaat
    assert r["maanden"][0]["overschreden"] == ["maand"]  # 250 ≤ 5,50 × 60 = 330: hour fine
    assert r["totaal_vergoeding"] == D("1350")
    assert r["jaar_overschreden"] is False
    assert r["binnen_grenzen"] is False
    assert r["overschreden"] == ["maand"]
    assert r["belastbaar_bedrag"] == D("1350")
    assert r["oordeel"] == "belast"
    assert r["maanden"][5]["oordeel"].startswith("Binnen de grenzen van de maand, maar belast")


def test_jaarmaximum_overschreden():
    # 2023: 11 months of € 180 (≤ 190) = 1.980 > 1.900; no month above its cap
    r = vv(2023, [m(i, 180, 40) for i in range(1, 12)]).resultaat
    assert all(x["binnen_grenzen"] for x in r["maanden"])
    assert r["totaal_vergoeding"] == D("1980")
    assert r["max_per_jaar"] == D("1900")
    assert r["jaar_overschreden"] is True
    assert r["overschreden"] == ["jaar"]
    assert r["binnen_grenzen"] is False and r["oordeel"] == "belast"
    assert r["belastbaar_bedrag"] == D("1980")
    assert "het maximum per jaar 2023" in r["oordeel_toelichting"]
    # exactly 1.900 is within: 10 × 190
    assert vv(2023, [m(i, 190, 40) for i in range(1, 11)]).resultaat["binnen_grenzen"] is True


def test_voorbeeld_belastingdienst_2023_reiskosten_tellen_mee_voor_maandmaximum():
    # belastingdienst.nl 'vergoeding voor inzet en voor kosten' (2023): older than 21, € 4 per uur, plus declared
    # reiskosten of € 48 a week = € 208 a month: "Dat is meer dan het maximum per maand. U ontvangt geen
    # vrijwilligersvergoeding." Here 10 hours: 10 × 4 = 40 inzet + 208 reiskosten (with receipts) = 248.
    r = vv(2023, [m(6, 248, 10, kosten="208")]).resultaat
    x = r["maanden"][0]
    assert x["vergoeding_per_uur"] == D("4.00")  # (248 − 208) / 10: within 5,00
    assert x["overschreden"] == ["maand"]  # 248 > 190
    assert r["binnen_grenzen"] is False
    # only the pay for inzet is loon; the aangetoonde reiskosten stay untaxed
    assert r["belastbaar_bedrag"] == D("40")
    assert r["onbelast_bedrag"] == D("208")


def test_aangetoonde_kosten_blijven_onbelast_bij_overschrijding():
    # 2024: € 300 with € 120 receipts, 30 hours: inzet 300 − 120 = 180 > 5,50 × 30 = 165 → uur; 300 > 210 → maand
    # belastbaar = 300 − 120 = 180
    r = vv(2024, [m(9, 300, 30, kosten="120")]).resultaat
    assert r["maanden"][0]["overschreden"] == ["uur", "maand"]
    assert r["oordeel"] == "belast"
    assert r["totaal_aangetoonde_kosten"] == D("120")
    assert r["belastbaar_bedrag"] == D("180")


def test_aangetoonde_kosten_verlagen_het_uurbedrag():
    # 2024: € 200 for 20 hours: 10,00 per hour > 5,50; with € 100 receipts: (200 − 100) / 20 = 5,00 ≤ 5,50
    assert vv(2024, [m(2, 200, 20)]).resultaat["maanden"][0]["overschreden"] == ["uur"]
    r = vv(2024, [m(2, 200, 20, kosten="100")]).resultaat
    assert r["binnen_grenzen"] is True
    assert r["maanden"][0]["vergoeding_per_uur"] == D("5.00")


def test_zonder_uren_wordt_het_uurmaximum_niet_getoetst():
    # 2024: € 200 with no hours: only month (200 ≤ 210) and year; a warning says the hourly cap was not checked
    u = vv(2024, [m(4, 200), m(5, 0)])
    assert u.resultaat["binnen_grenzen"] is True
    assert u.resultaat["uurmaximum_gecontroleerd"] is False
    w = [w for w in u.waarschuwingen if "uurbedrag niet worden getoetst" in w]
    assert w and "april" in w[0] and "mei" not in w[0]  # May has no payment, so nothing to check


def test_vergoeding_zonder_uren_nul_is_boven_uurbedrag():
    # € 50 for inzet with 0 hours is above any hourly amount; 50 ≤ 210 (lid 6) → onbelast only if niet marktconform
    r = vv(2024, [m(4, 50, 0)]).resultaat
    assert r["maanden"][0]["overschreden"] == ["uur"]
    assert r["oordeel"] == "onbelast_mits_niet_marktconform"
    assert r["belastbaar_bedrag"] == D("0") and r["belastbaar_bedrag_als_marktconform"] == D("50")
    assert r["maanden"][0]["max_voor_uren"] == D("0.00")  # 5,50 × 0 uur


def test_leeftijdsgrens_21_op_verjaardag_in_het_jaar():
    # Born 15 March 2003: 21 on 15 March 2024. Age on the first of the month decides:
    # March: 20 → 3,25 per uur; April: 21 → 5,50 per uur. € 100 for 20 hours = 5,00 per hour.
    u = vv(2024, [m(3, 100, 20), m(4, 100, 20)], geboortedatum=date(2003, 3, 15))
    maart, april = u.resultaat["maanden"]
    assert (maart["leeftijd"], maart["max_per_uur"]) == (20, D("3.25"))
    assert maart["overschreden"] == ["uur"]  # 100 > 3,25 × 20 = 65
    assert (april["leeftijd"], april["max_per_uur"]) == (21, D("5.50"))
    assert april["binnen_grenzen"] is True  # 100 ≤ 5,50 × 20 = 110
    assert any("wordt 21 op 15 maart 2024" in w for w in u.waarschuwingen)


def test_leeftijdsgrens_verjaardag_op_de_eerste_telt_die_maand_al():
    # Born 1 April 2003: 21 on 1 April 2024, so April already has the 21+ maximum; March still the lower one
    u = vv(2024, [m(3, 60, 20), m(4, 100, 20)], geboortedatum=date(2003, 4, 1))
    maart, april = u.resultaat["maanden"]
    assert maart["max_per_uur"] == D("3.25") and maart["binnen_grenzen"] is True  # 60 ≤ 65
    assert april["leeftijd"] == 21 and april["max_per_uur"] == D("5.50")
    assert not any("wordt 21" in w for w in u.waarschuwingen)  # nothing ambiguous in the month


def test_alleen_leeftijd_bij_de_grens_geeft_waarschuwing():
    u = vv(2024, [m(1, 50, 20)], leeftijd=20)
    assert u.resultaat["maanden"][0]["max_per_uur"] == D("3.25")
    assert any("Alleen de leeftijd is bekend" in w for w in u.waarschuwingen)


def test_2026_voorlopig_gemarkeerd():
    u = vv(2026, [m(1, 220, 40)])
    r = u.resultaat
    assert r["maanden"][0]["max_per_maand"] == D("220") and r["max_per_jaar"] == D("2200")
    assert r["maanden"][0]["max_per_uur"] == D("5.75")
    assert r["binnen_grenzen"] is True  # 220 ≤ 220; 220 ≤ 5,75 × 40 = 230
    # month and year caps are in the law text (bevestigd); only the hourly cap (Belastingdienst policy) is voorlopig
    voorlopig = {p.naam for p in u.parameters if p.voorlopig}
    assert voorlopig == {"vrijwilligersvergoeding.max_per_uur"}
    assert sum("Voorlopige waarde" in w for w in u.waarschuwingen) == 1
    # under 21: € 100 for 30 hours: 100 ≤ 3,40 × 30 = 102, within (with 2025's 3,30: 99 < 100 would be over)
    jong = vv(2026, [m(1, 100, 30)], leeftijd=19)
    assert jong.resultaat["maanden"][0]["max_per_uur"] == D("3.40") and jong.resultaat["binnen_grenzen"] is True
    assert "vrijwilligersvergoeding.max_per_uur_jonger" in {p.naam for p in jong.parameters if p.voorlopig}


# --- bijstand (Participatiewet art. 31 lid 2 onder k) ----------------------------------------------------------


def test_bijstand_27_plus_tot_maand_en_jaarmaximum():
    # 2026, 40 years, onder k 220 / 2.200 (bevestigd). Months 1-11 € 250 each, 50 hours.
    # Per month: vrijgelaten min(250, 220, rest of 2.200) = 220, in mindering 30 -- for 10 months (10 × 220 = 2.200).
    # Month 11: the yearly maximum is used up: vrijgelaten 0, in mindering 250.
    r = vv(2026, [m(i, 250, 50) for i in range(1, 12)], ontvangt_bijstand=True).resultaat
    assert [x["vrijgelaten"] for x in r["maanden"]] == [D("220")] * 10 + [D("0")]
    assert [x["in_mindering"] for x in r["maanden"]] == [D("30")] * 10 + [D("250")]
    b = r["bijstand"]
    assert b["max_per_jaar"] == D("2200")
    assert b["vrijgelaten"] == D("2200")
    assert b["in_mindering"] == D("550")  # 10 × 30 + 250 = 2.750 − 2.200
    assert b["jaarmaximum_gebruikt"] == D("2200")


def test_bijstand_jaarmaximum_deels_in_laatste_maand():
    # 2026, 9 months of € 220 = 1.980 vrijgelaten; month 10 € 220: rest of year 2.200 − 1.980 = 220 → 220;
    # month 11 € 100: rest 0 → vrijgelaten 0. Input out of order: months are taken in calendar order.
    maanden = [m(11, 100, 20)] + [m(i, 220, 40) for i in range(1, 11)]
    r = vv(2026, maanden, ontvangt_bijstand=True).resultaat
    assert [x["maand"] for x in r["maanden"]] == list(range(1, 12))
    assert r["maanden"][9]["vrijgelaten"] == D("220")
    assert r["maanden"][10]["vrijgelaten"] == D("0") and r["maanden"][10]["in_mindering"] == D("100")
    # fiscally: 10 × 220 + 100 = 2.300 > 2.200 → the year cap is exceeded, all of it is loon
    assert r["jaar_overschreden"] is True and r["belastbaar_bedrag"] == D("2300")


def test_bijstand_jonger_dan_27_alleen_aangetoonde_kosten():
    # 2026, 25 years: € 150 with € 40 receipts → vrijgelaten 40, in mindering 110 (fiscally still fine)
    r = vv(2026, [m(2, 150, 30, kosten="40")], leeftijd=25, ontvangt_bijstand=True).resultaat
    x = r["maanden"][0]
    assert (x["vrijgelaten"], x["in_mindering"]) == (D("40"), D("110"))
    assert r["binnen_grenzen"] is True


def test_bijstand_27_op_verjaardag_in_het_jaar():
    # Born 10 May 1999: 27 on 10 May 2026. May (26 on 1 May): only kosten; June (27): up to 220.
    r = vv(2026, [m(5, 200, 40), m(6, 200, 40)], geboortedatum=date(1999, 5, 10), ontvangt_bijstand=True).resultaat
    mei, juni = r["maanden"]
    assert (mei["vrijgelaten"], mei["in_mindering"]) == (D("0"), D("200"))
    assert (juni["vrijgelaten"], juni["in_mindering"]) == (D("200"), D("0"))


def test_bijstand_27_plus_aangetoonde_kosten_bovenop_maximum():
    # 2026, 40 years: € 300 with € 100 receipts: kosten 100 + min(200, 220) = 300 vrijgelaten (documented decision)
    u = vv(2026, [m(3, 300, 60, kosten="100")], ontvangt_bijstand=True)
    x = u.resultaat["maanden"][0]
    assert (x["vrijgelaten"], x["in_mindering"]) == (D("300"), D("0"))
    assert any("Een gemeente kan de kosten ook meetellen" in w for w in u.waarschuwingen)


def test_bijstand_uurbedrag_overschreden_verandert_onder_k_niet():
    # Pw art. 31 lid 2 onder k (text 2026-01-01, https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel31): "een
    # kostenvergoeding voor het verrichten van vrijwilligerswerk van ten hoogste een bij ministeriële regeling vast te
    # stellen bedrag per persoon" -- the regeling sets a maximum per month and per year; no hourly amount. 2026, 40 years: March € 200 for 10 hours = 20,00 per hour > 5,75 (fiscally: onbelast mits niet
    # marktconform), April € 150 for 30 hours (150 ≤ 5,75 × 30 = 172,50).
    # Onder k: March min(200, 220, 2.200) = 200 vrijgelaten, 0 in mindering; April min(150, 220, 2.000) = 150, 0.
    u = vv(2026, [m(3, 200, 10), m(4, 150, 30)], ontvangt_bijstand=True)
    r = u.resultaat
    assert r["oordeel"] == "onbelast_mits_niet_marktconform"
    assert [(x["vrijgelaten"], x["in_mindering"]) for x in r["maanden"]] == [(D("200"), D("0")), (D("150"), D("0"))]
    assert r["bijstand"]["in_mindering"] == D("0") and r["bijstand"]["jaarmaximum_gebruikt"] == D("350")
    assert any("onder k kent geen uurbedrag" in w and "beoordeelt de gemeente" in w for w in u.waarschuwingen)
    # without an hourly breach there is no such note
    assert not any("onder k kent geen uurbedrag" in w
                   for w in vv(2026, [m(4, 150, 30)], ontvangt_bijstand=True).waarschuwingen)


def test_zonder_bijstand_geen_bijstandsvelden():
    r = vv(2026, [m(1, 100, 20)]).resultaat
    assert r["bijstand"] is None
    assert r["maanden"][0]["vrijgelaten"] is None and r["maanden"][0]["in_mindering"] is None


# --- input the engine refuses (the API reports these at their JSON path) ---------------------------------------


def test_motor_weigert_dubbele_maand_en_kosten_boven_vergoeding():
    with pytest.raises(InvoerFout) as e:
        vv(2024, [m(1, 10), m(1, 20)])
    assert e.value.veld == "maanden[1].maand"
    with pytest.raises(InvoerFout) as e:
        vv(2024, [m(1, 10, kosten="11")])
    assert e.value.veld == "maanden[0].aangetoonde_kosten"
    with pytest.raises(InvoerFout) as e:
        vv(2021, [m(1, 10)])
    assert e.value.veld == "jaar"

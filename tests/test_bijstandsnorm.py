"""Aanvullende bijstand next to income (Participatiewet art. 31 lid 2 onder k, n, r, y, z, aa and lid 5), invalid
households, and the API and web round trips.

2026-01 (parameters/vrijlatingen.yaml): onder n 25 % max 285,00 (6 months); onder r 12,5 % max 177,66 (30 months);
onder y 15 % max 180,19 (no end); onder z 15 % max 180,19 (12 months), then onder aa (the same, no end);
onder k 220 per month / 2.200 per year, from 27. Norm 21 a = 1.401,50. Art. 31 lid 5: onder n and r not below 27.
Onder y 2022-01: max 141,69 (law text of 2022-01-01; docs/bronnen/vrijlatingen.md).
"""

import re
from datetime import date
from decimal import Decimal as D

import pytest

from soorten.register import SOORTEN
from calculator.bijstandsnorm import BijstandInvoer, Persoon, Vrijlating, bereken
from tests.conftest import csrf_token

JAN26 = date(2026, 1, 1)


def inkomen(netto, vrijlating=None, vergoeding=D(0), peildatum=JAN26, leeftijd=40, kinderen=False):
    return bereken(BijstandInvoer(peildatum=peildatum, belanghebbende=Persoon(leeftijd=leeftijd), kinderen=kinderen,
                                  netto_inkomsten_per_maand=D(netto), vrijlating=vrijlating,
                                  vrijwilligersvergoeding_per_maand=D(vergoeding))).resultaat


@pytest.mark.parametrize("netto, vrij, aanvullend", [
    ("1140.00", "285.00", "546.50"),  # 25 % × 1140 = 285,00 = maximum; 1401,50 − (1140 − 285) = 546,50
    ("1200.00", "285.00", "486.50"),  # 25 % × 1200 = 300,00 > 285 -> 285; 1401,50 − 915 = 486,50
    ("400.00", "100.00", "1101.50"),  # 25 % × 400 = 100; 1401,50 − 300 = 1101,50
])
def test_vrijlating_25_procent(netto, vrij, aanvullend):
    res = inkomen(netto, Vrijlating("algemeen", 3))
    assert res["vrijgelaten"] == D(vrij) and res["aanvullende_bijstand"] == D(aanvullend)
    assert res["in_aanmerking_genomen_inkomsten"] == D(netto) - D(vrij)


def test_vrijlating_25_procent_na_zes_maanden():
    res = inkomen("1200.00", Vrijlating("algemeen", 7))
    assert res["vrijgelaten"] == 0 and res["aanvullende_bijstand"] == D("201.50")  # 1401,50 − 1200
    assert "6 maanden" in res["inkomstenvrijlating"]["reden"]


@pytest.mark.parametrize("netto, vrij", [
    ("1421.28", "177.66"),  # 12,5 % × 1421,28 = 177,66 = maximum
    ("1500.00", "177.66"),  # 12,5 % × 1500 = 187,50 > 177,66
])
def test_vrijlating_alleenstaande_ouder(netto, vrij):
    res = inkomen(netto, Vrijlating("alleenstaande_ouder", 30, kind_jonger_dan_12=True), kinderen=True)
    assert res["vrijgelaten"] == D(vrij)
    # 1401,50 − (netto − vrij), not below zero
    assert res["aanvullende_bijstand"] == max(D(0), D("1401.50") - D(netto) + D(vrij))
    geen_kind = inkomen(netto, Vrijlating("alleenstaande_ouder", 1, kind_jonger_dan_12=False), kinderen=True)
    assert geen_kind["vrijgelaten"] == 0
    te_lang = inkomen(netto, Vrijlating("alleenstaande_ouder", 31, kind_jonger_dan_12=True), kinderen=True)
    assert te_lang["vrijgelaten"] == 0


@pytest.mark.parametrize("netto, vrij", [
    ("1201.27", "180.19"),  # 15 % × 1201,27 = 180,1905 -> 180,19 = maximum
    ("1300.00", "180.19"),  # 15 % × 1300 = 195,00 > 180,19
    ("1000.00", "150.00"),  # 15 % × 1000 = 150,00
])
def test_vrijlating_doelgroep_loonkostensubsidie(netto, vrij):
    res = inkomen(netto, Vrijlating("doelgroep_loonkostensubsidie", 12))
    assert res["vrijgelaten"] == D(vrij)
    assert inkomen(netto, Vrijlating("doelgroep_loonkostensubsidie", 13))["vrijgelaten"] == 0


@pytest.mark.parametrize("soort, kinderen", [("algemeen", False), ("alleenstaande_ouder", True)])
def test_vrijlating_n_en_r_niet_onder_27(soort, kinderen):
    # Participatiewet art. 31 lid 5: "Het tweede lid, onderdelen c, j, k, n en r, zijn niet van toepassing op de
    # persoon die jonger is dan 27 jaar." At 26 nothing is left out: 1401,50 − 800 = 601,50; at 27 it is.
    vrijlating = Vrijlating(soort, 2, kind_jonger_dan_12=True)
    jong = inkomen("800.00", vrijlating, leeftijd=26, kinderen=kinderen)
    assert jong["vrijgelaten"] == 0 and jong["inkomstenvrijlating"]["van_toepassing"] is False
    assert "27 jaar (art. 31 lid 5)" in jong["inkomstenvrijlating"]["reden"]
    oud = inkomen("800.00", vrijlating, leeftijd=27, kinderen=kinderen)
    # 25 % × 800 = 200,00 (onder n); 12,5 % × 800 = 100,00 (onder r)
    assert oud["vrijgelaten"] == (D("200.00") if soort == "algemeen" else D("100.00"))


@pytest.mark.parametrize("netto, vrij, peildatum", [
    ("1000.00", "150.00", JAN26),  # 15 % × 1000 = 150,00 < 180,19
    ("1201.27", "180.19", JAN26),  # 15 % × 1201,27 = 180,1905 -> 180,19 = maximum
    ("1300.00", "180.19", JAN26),  # 15 % × 1300 = 195,00 > 180,19
    ("1000.00", "141.69", date(2022, 1, 1)),  # 150,00 > the 2022-01 maximum € 141,69 (law text 2022-01-01)
    ("1300.00", "182.73", date(2026, 7, 1)),  # 15 % × 1300 = 195,00 > the 2026-07 maximum € 182,73
])
def test_vrijlating_medisch_urenbeperkt(netto, vrij, peildatum):
    # onder y has no end and applies below 27 too (art. 31 lid 5 does not name it)
    for leeftijd, maand in ((40, 1), (22, 60)):
        res = inkomen(netto, Vrijlating("medisch_urenbeperkt", maand), peildatum=peildatum, leeftijd=leeftijd)
        assert res["vrijgelaten"] == D(vrij), (leeftijd, maand)
        assert res["inkomstenvrijlating"]["grondslag"] == "Participatiewet art. 31 lid 2 onder y"


def test_vrijlating_doelgroep_loonkostensubsidie_voortgezet():
    # onder aa: after the twelve months of onder z, the same 15 % and maximum, without an end, below 27 as well
    res = inkomen("1000.00", Vrijlating("doelgroep_loonkostensubsidie_voortgezet", 40), leeftijd=25)
    assert res["vrijgelaten"] == D("150.00")  # 15 % × 1000
    assert res["inkomstenvrijlating"]["grondslag"] == "Participatiewet art. 31 lid 2 onder aa"
    assert any("onder aa" in w and "arbeidsomvang" in w for w in bereken(BijstandInvoer(
        peildatum=JAN26, belanghebbende=Persoon(leeftijd=25), netto_inkomsten_per_maand=D(1000),
        vrijlating=Vrijlating("doelgroep_loonkostensubsidie_voortgezet", 40))).waarschuwingen)


@pytest.mark.parametrize("omrekening, maand", [
    # practice.md par. 2: Haarlemmermeer × 13 / 12 ("€1.300 per 4 weken → €1.408 per maand", shown in whole euros):
    # 1300 × 13 / 12 = 1408,333... -> 1.408,33 (half-up to the cent)
    ("dertien_twaalfde", "1408.33"),
    # Cliëntenraad Hoogeveen ÷ 28 × 30: 1300 / 28 × 30 = 1392,857... -> 1.392,86
    ("dertig_achtentwintigste", "1392.86"),
])
def test_inkomsten_per_vier_weken_omgerekend(omrekening, maand):
    u = bereken(BijstandInvoer(peildatum=JAN26, belanghebbende=Persoon(leeftijd=40),
                               netto_inkomsten_per_vier_weken=D("1300"), omrekening_vier_weken=omrekening,
                               vrijlating=Vrijlating("algemeen", 1)), uitleg=True)
    r = u.resultaat
    assert r["netto_inkomsten_per_maand"] == D(maand)
    # the vrijlating works on the monthly amount: 25 % × 1408,33 = 352,08 > 285,00 -> 285,00 (and the same for 1392,86)
    assert r["vrijgelaten"] == D("285.00")
    assert r["aanvullende_bijstand"] == max(D(0), D("1401.50") - (D(maand) - D("285.00")))
    assert any("omgerekend van 4 weken" in s.omschrijving for s in u.stappen)
    assert any("per 4 weken verschillend om" in w for w in u.waarschuwingen)


def test_jaaroverzicht_aanvullende_bijstand_per_maand_bij_gelijke_inkomsten():
    # Peildatum 1 March 2026, month 5 of the 25 % vrijlating (onder n, 6 months), € 800 per month, age 40:
    # March (5) and April (6): 25 % × 800 = 200 left out, 1.401,50 − 600 = 801,50; May (7): nothing left out,
    # 1.401,50 − 800 = 601,50; from July the norm of 1 July 2026, 1.419,46 − 800 = 619,46. January and February
    # are before the peildatum: null.
    r = inkomen("800.00", Vrijlating("algemeen", 5), peildatum=date(2026, 3, 1))
    maanden = {m["maand"]: (m["vrijgelaten"], m["aanvullende_bijstand"]) for m in r["jaaroverzicht"]["maanden"]}
    assert maanden["2026-01"] == maanden["2026-02"] == (None, None)
    assert maanden["2026-03"] == (D("200.00"), D("801.50")) == (r["vrijgelaten"], r["aanvullende_bijstand"])
    assert maanden["2026-04"] == (D("200.00"), D("801.50"))
    assert maanden["2026-05"] == maanden["2026-06"] == (D("0"), D("601.50"))
    assert all(maanden[f"2026-{m:02d}"] == (D("0"), D("619.46")) for m in range(7, 13))


def test_jaaroverzicht_vrijwilligersvergoeding_jaarmaximum_per_maand():
    # € 250 per month since January, from 27: 220 left out per month (the monthly maximum) until the yearly
    # maximum of 2.200 is used up: January-October 10 × 220 = 2.200, November and December 0. No earnings:
    # aanvullende bijstand = norm − (250 − vrijgelaten).
    r = inkomen("0", vergoeding=D(250), peildatum=date(2026, 1, 1))
    maanden = {m["maand"]: (m["vrijgelaten"], m["aanvullende_bijstand"]) for m in r["jaaroverzicht"]["maanden"]}
    assert maanden["2026-01"] == (D("220"), D("1401.50") - D("30"))
    assert maanden["2026-10"] == (D("220"), D("1419.46") - D("30"))
    assert maanden["2026-11"] == maanden["2026-12"] == (D("0"), D("1419.46") - D("250"))


def test_inkomsten_per_maand_en_per_vier_weken_niet_allebei(client):
    r = client.post("/api/v1/bijstandsnorm", json={
        "peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 40}, "netto_inkomsten_per_maand": "500",
        "netto_inkomsten_per_vier_weken": "460", "omrekening_vier_weken": "per_week"})
    assert r.status_code == 422
    assert {f["pad"] for f in r.get_json()["fouten"]} == {"$.netto_inkomsten_per_vier_weken", "$.omrekening_vier_weken"}
    r = client.post("/api/v1/bijstandsnorm", json={
        "peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 40}, "netto_inkomsten_per_vier_weken": "1300"})
    res = r.get_json()["resultaat"]
    assert (res["netto_inkomsten_per_maand"], res["netto_inkomsten_per_vier_weken"], res["omrekening_vier_weken"]) \
        == ("1408.33", "1300.00", "× 13 / 12")  # the default: × 13 / 12


@pytest.mark.parametrize("vergoeding, vrij, geteld", [("220", "220", "0"), ("250", "220", "30"), ("100", "100", "0")])
def test_vrijwilligersvergoeding_maandmaximum(vergoeding, vrij, geteld):
    res = inkomen("0", vergoeding=D(vergoeding))
    assert res["vrijwilligersvergoeding"]["vrijgelaten"] == D(vrij)
    assert res["in_aanmerking_genomen_inkomsten"] == D(geteld)
    assert res["aanvullende_bijstand"] == D("1401.50") - D(geteld)


def test_vrijwilligersvergoeding_jaarmaximum_en_leeftijd():
    # 220 per month since January: after 10 months (10 × 220 = 2.200) the yearly maximum is used up
    assert inkomen("0", vergoeding=D(220), peildatum=date(2026, 10, 1))["vrijgelaten"] == D(220)
    nov = inkomen("0", vergoeding=D(220), peildatum=date(2026, 11, 1))
    assert nov["vrijgelaten"] == 0 and nov["in_aanmerking_genomen_inkomsten"] == D(220)
    jong = inkomen("0", vergoeding=D(100), leeftijd=26)  # onder k only from 27
    assert jong["vrijgelaten"] == 0 and jong["in_aanmerking_genomen_inkomsten"] == D(100)


def test_inkomen_boven_de_norm_geen_aanvullende_bijstand():
    assert inkomen("2000.00")["aanvullende_bijstand"] == 0


# --- API -------------------------------------------------------------------------------------------


def test_api_voorbeeld_en_rekenbewijs_geeft_zelfde_uitkomst(client):
    body = SOORTEN["bijstandsnorm"].voorbeeld
    r = client.post("/api/v1/bijstandsnorm?uitleg=true", json=body)
    assert r.status_code == 200
    d = r.get_json()
    res = d["resultaat"]
    # medebewoner 1 (born 1955) counts, medebewoner 2 (22, wsf) not: A = 2 -> 1001,07
    assert res["aantal_kostendelers"] == 2 and res["norm"] == "1001.07"
    assert res["norm_zonder_kostendelers"] == "1401.50" and res["verschil"] == "400.43"
    assert [m["telt_mee"] for m in res["medebewoners"]] == [True, False]
    # 25 % × 400 = 100 vrij; vrijwilligers 100 vrij; counted 300; 1001,07 − 300 = 701,07
    assert res["vrijgelaten"] == "200.00" and res["aanvullende_bijstand"] == "701.07"
    assert d["uitleg"] and d["parameters"]
    again = client.post("/api/v1/bijstandsnorm", json=d["rekenbewijs"]["invoer"])
    assert again.status_code == 200 and again.get_json()["resultaat"] == res


def test_api_ongeldig_huishouden_alle_fouten_tegelijk(client):
    r = client.post("/api/v1/bijstandsnorm", json={
        "peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 17}, "partner": {"leeftijd": 30},
        "medebewoners": [{"leeftijd": 30}, {"leeftijd": -1}, {"leeftijd": 40, "relatie": "partner"}],
        "netto_inkomsten_per_maand": -5,
    })
    assert r.status_code == 422 and r.mimetype == "application/problem+json"
    paden = {f["pad"] for f in r.get_json()["fouten"]}
    assert paden == {"$.belanghebbende.leeftijd", "$.medebewoners[1].leeftijd", "$.medebewoners[2].relatie",
                     "$.netto_inkomsten_per_maand"}


def test_api_partner_jonger_dan_18_en_onbekende_soort(client):
    r = client.post("/api/v1/bijstandsnorm", json={
        "peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 30},
        "partner": {"geboortedatum": "2010-01-01"}, "vrijlating": {"soort": "veertig"},
        "medebewoners": [{"leeftijd": 30, "onderwijs": "hbo"}]})
    paden = {f["pad"] for f in r.get_json()["fouten"]}
    assert paden == {"$.partner.geboortedatum", "$.vrijlating.soort", "$.medebewoners[0].onderwijs"}


def test_api_lks_vrijlating_bestaat_niet_in_2022(client):
    r = client.post("/api/v1/bijstandsnorm", json={
        "peildatum": "2022-06-01", "belanghebbende": {"leeftijd": 30}, "netto_inkomsten_per_maand": 500,
        "vrijlating": {"soort": "doelgroep_loonkostensubsidie", "maand": 1}})
    assert r.status_code == 422 and r.get_json()["fouten"][0]["pad"] == "$.vrijlating.soort"


def test_api_medisch_urenbeperkt_en_voortgezet(client):
    for soort, maand, onder in (("medisch_urenbeperkt", 1, "y"), ("doelgroep_loonkostensubsidie_voortgezet", 30, "aa")):
        r = client.post("/api/v1/bijstandsnorm", json={
            "peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 24}, "netto_inkomsten_per_maand": "1000",
            "vrijlating": {"soort": soort, "maand": maand}})
        assert r.status_code == 200, r.get_json()
        vl = r.get_json()["resultaat"]["inkomstenvrijlating"]
        # 15 % × 1000 = 150,00, below the maximum 180,19; at 24 (below 27) as well: art. 31 lid 5 does not name y or aa
        assert vl == {"soort": soort, "percentage": "15", "maximum": "180.19", "bedrag": "150.00", "van_toepassing": True,
                      "reden": "Het maximum is niet bereikt.", "grondslag": f"Participatiewet art. 31 lid 2 onder {onder}",
                      # y and aa have no end date (added 1 December 2026: duur, eerste_maand, laatste_maand)
                      "duur": None, "eerste_maand": None, "laatste_maand": None}
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "medisch_urenbeperkt" in str(spec) and "doelgroep_loonkostensubsidie_voortgezet" in str(spec)


# --- web -------------------------------------------------------------------------------------------


def test_web_medebewoners_toevoegen_en_verwijderen_zonder_javascript(client):
    token = csrf_token(client, "/bijstandsnorm")
    r = client.post("/bijstandsnorm", data={"csrf_token": token, "actie": "toevoegen", "aantal_medebewoners": "1",
                                            "medebewoners-0-leeftijd": "30"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and 'name="medebewoners-1-leeftijd"' in html and 'value="30"' in html
    r = client.post("/bijstandsnorm", data={"csrf_token": token, "actie": "verwijderen-0", "aantal_medebewoners": "2",
                                            "medebewoners-0-leeftijd": "30", "medebewoners-1-leeftijd": "45"})
    html = r.get_data(as_text=True)
    assert 'name="medebewoners-1-leeftijd"' not in html
    assert re.search(r'id="medebewoners-0-leeftijd" name="medebewoners-0-leeftijd" type="text" value="45"', html)


def test_web_fout_op_het_juiste_veld_en_resultaat(client):
    token = csrf_token(client, "/bijstandsnorm")
    basis = {"csrf_token": token, "actie": "bereken", "peildatum": "2026-01-01", "belanghebbende-leeftijd": "40",
             "aantal_medebewoners": "2", "medebewoners-0-leeftijd": "30", "medebewoners-0-relatie": "familie",
             "medebewoners-0-onderwijs": "geen", "medebewoners-1-onderwijs": "geen", "vrijlating-soort": "geen"}
    r = client.post("/bijstandsnorm", data={**basis, "medebewoners-1-leeftijd": "abc"})
    assert r.status_code == 422 and 'href="#medebewoners-1-leeftijd"' in r.get_data(as_text=True)
    r = client.post("/bijstandsnorm", data={**basis, "medebewoners-1-leeftijd": "20"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "1.001,07" in html and "Telt niet mee: jonger dan 27 jaar" in html


def test_web_vrijlating_medisch_urenbeperkt(client):
    token = csrf_token(client, "/bijstandsnorm")
    assert 'value="medisch_urenbeperkt"' in client.get("/bijstandsnorm").get_data(as_text=True)
    r = client.post("/bijstandsnorm", data={
        "csrf_token": token, "actie": "bereken", "peildatum": "2026-01-01", "belanghebbende-leeftijd": "40",
        "aantal_medebewoners": "0", "netto_inkomsten_per_maand": "1000", "vrijlating-soort": "medisch_urenbeperkt",
        "vrijlating-maand": "1"})
    html = r.get_data(as_text=True)
    # 15 % × 1.000 = 150,00 vrijgelaten; 1.401,50 − 850,00 = 551,50 aanvullende bijstand
    assert r.status_code == 200 and "150,00" in html and "551,50" in html and "onder y" in html


def test_web_inkomsten_per_vier_weken(client):
    token = csrf_token(client, "/bijstandsnorm")
    r = client.post("/bijstandsnorm", data={
        "csrf_token": token, "actie": "bereken", "peildatum": "2026-01-01", "belanghebbende-leeftijd": "40",
        "aantal_medebewoners": "0", "netto_inkomsten_per_vier_weken": "1.300,00",
        "omrekening_vier_weken": "dertig_achtentwintigste", "vrijlating-soort": "geen"})
    html = r.get_data(as_text=True).replace("\xa0", " ")
    # 1.300 ÷ 28 × 30 = 1.392,86; no vrijlating: 1.401,50 − 1.392,86 = 8,64
    assert r.status_code == 200 and "omgerekend van € 1.300,00 per 4 weken, ÷ 28 × 30" in html
    assert "€ 1.392,86" in html and "€ 8,64" in html
    # the year overview from January on: from July the norm of 1 July 2026, 1.419,46 − 1.392,86 = 26,60
    assert "€ 26,60" in html and "bij dezelfde inkomsten elke maand" in html


# --- The month overview from the peildatum, over the year boundary (issue 18) ---
# Participatiewet art. 31 lid 2 onder z (text 2025-07-01): inkomsten uit arbeid van de doelgroep loonkostensubsidie,
# 15 % up to a maximum, "gedurende een periode van twaalf maanden nadat de periode van zes maanden, bedoeld in
# onderdeel n, is verstreken". Norm alleenstaande (art. 21 onder a): € 1.369,06 from 1 July 2025, € 1.401,50 from
# 1 January 2026, € 1.419,46 from 1 July 2026.


def test_maandoverzicht_loopt_door_tot_na_het_einde_van_de_vrijlating():
    # Peildatum 1 July 2025, month 1 of onder z: the twelve months are July 2025 - June 2026; the overview shows them
    # and the month after (July 2026): 13 months, more than the minimum of 12. € 400 per month, age 40:
    # 15 % × 400 = 60,00 left out (below the maximum); July-December 2025: 1.369,06 − (400 − 60) = 1.029,06;
    # January-June 2026: 1.401,50 − 340 = 1.061,50; July 2026 (month 13, the vrijlating has ended): 1.419,46 − 400
    # = 1.019,46.
    r = inkomen("400.00", Vrijlating("doelgroep_loonkostensubsidie", 1), peildatum=date(2025, 7, 1))
    assert r["inkomstenvrijlating"]["duur"] == 12
    assert (r["inkomstenvrijlating"]["eerste_maand"], r["inkomstenvrijlating"]["laatste_maand"]) == ("2025-07", "2026-06")
    mo = r["maandoverzicht"]
    assert (mo["van"], mo["tot"], mo["bekend_tot"]) == ("2025-07", "2026-07", None)
    maanden = {m["maand"]: (m["vrijgelaten"], m["aanvullende_bijstand"]) for m in mo["maanden"]}
    assert len(maanden) == 13 and all(m["bekend"] for m in mo["maanden"])
    assert all(maanden[f"2025-{n:02d}"] == (D("60.00"), D("1029.06")) for n in range(7, 13))
    assert all(maanden[f"2026-{n:02d}"] == (D("60.00"), D("1061.50")) for n in range(1, 7))
    assert maanden["2026-07"] == (D("0"), D("1019.46"))
    # the jaaroverzicht keeps its shape: the calendar year 2025, months before the peildatum without amounts
    jo = r["jaaroverzicht"]
    assert jo["jaar"] == 2025 and [m["maand"] for m in jo["maanden"]] == [f"2025-{n:02d}" for n in range(1, 13)]
    assert jo["maanden"][0]["vrijgelaten"] is None and jo["maanden"][6]["vrijgelaten"] == D("60.00")


def test_maandoverzicht_minstens_twaalf_maanden():
    # Peildatum 1 March 2026, month 5 of onder n (6 months: it ends in April 2026): at least 12 months, March 2026 -
    # February 2027; the values are known up to 31 December 2026 (bekend_tot), so January and February 2027 are
    # "not yet known": no norm and no amounts, never invented ones. March: 25 % × 800 = 200, 1.401,50 − 600 = 801,50.
    r = inkomen("800.00", Vrijlating("algemeen", 5), peildatum=date(2026, 3, 1))
    mo = r["maandoverzicht"]
    assert (mo["van"], mo["tot"]) == ("2026-03", "2027-02")
    assert mo["maanden"][0]["vrijgelaten"] == D("200.00") and mo["maanden"][0]["aanvullende_bijstand"] == D("801.50")
    onbekend = [m for m in mo["maanden"] if not m["bekend"]]
    assert [m["maand"] for m in onbekend] == ["2027-01", "2027-02"]
    horizon = date(2026, 12, 31)  # bekend_tot of the norms in parameters/bijstandsnormen.yaml
    assert all(m["bekend_tot"] == horizon and m["delen"] == [] and m["aanvullende_bijstand"] is None for m in onbekend)
    assert mo["bekend_tot"] == horizon


def test_api_maandoverzicht_na_de_horizon(client):
    # "Today" 1 December 2026, peildatum 1 December 2026, month 3 of onder z (its twelve months: October 2026 -
    # September 2027). December 2026: 15 % × 400 = 60, 1.419,46 − 340 = 1.079,46; January - November 2027 are after
    # the horizon 31 December 2026: listed as not yet known, with a warning that names the horizon.
    from freezegun import freeze_time

    with freeze_time("2026-12-01"):
        r = client.post("/api/v1/bijstandsnorm", json={
            "peildatum": "2026-12-01", "belanghebbende": {"leeftijd": 40}, "netto_inkomsten_per_maand": "400",
            "vrijlating": {"soort": "doelgroep_loonkostensubsidie", "maand": 3}})
    assert r.status_code == 200, r.get_json()
    d = r.get_json()
    res = d["resultaat"]
    assert res["inkomstenvrijlating"]["laatste_maand"] == "2027-09"
    mo = res["maandoverzicht"]
    assert (mo["van"], mo["tot"], mo["bekend_tot"]) == ("2026-12", "2027-11", "2026-12-31")
    assert mo["maanden"][0] == {"maand": "2026-12", "bekend": True, "bekend_tot": None, "vrijgelaten": "60.00",
                                "aanvullende_bijstand": "1079.46",
                                "delen": [{"vanaf": "2026-12-01", "aantal_kostendelers": 1, "norm": "1419.46"}]}
    assert all(m["bekend"] is False and m["bekend_tot"] == "2026-12-31" and m["vrijgelaten"] is None
               for m in mo["maanden"][1:])
    assert any("vanaf januari 2027 zijn nog niet bekend" in w and "31 december 2026" in w for w in d["waarschuwingen"])
    assert all(m["bekend"] for m in res["jaaroverzicht"]["maanden"])  # the calendar year 2026 is fully known


def test_web_maandoverzicht_over_de_jaargrens(client):
    html = client.get("/bijstandsnorm?bereken=1&peildatum=2026-12-01&belanghebbende-leeftijd=40&aantal_medebewoners=0"
                      "&netto_inkomsten_per_maand=400&vrijlating-soort=doelgroep_loonkostensubsidie&vrijlating-maand=3"
                      ).get_data(as_text=True)
    deel = html.split('id="jaar-titel"', 1)[1].split("</section>", 1)[0]
    assert "december 2026 tot en met november 2027" in deel
    assert "1 november 2027" in deel and deel.count("nog niet bekend") == 11 * 5
    assert "tot en met 31 december 2026" in deel and "De inkomstenvrijlating geldt tot en met september 2027" in deel


# --- "Deze vrijlating loopt sinds" instead of the month number (issue 18) ---
# Art. 31 lid 2 onder n: "gedurende ten hoogste zes maanden": periods of months counted from the start, month k from
# begindatum + (k − 1) months up to begindatum + k months.


@pytest.mark.parametrize("begin, peil, maand", [
    (date(2026, 1, 1), date(2026, 1, 1), 1),    # the first day: month 1
    (date(2026, 1, 15), date(2026, 3, 1), 2),   # 15 Jan - 14 Feb month 1, 15 Feb - 14 Mar month 2
    (date(2026, 1, 15), date(2026, 3, 15), 3),  # 15 March starts month 3
    (date(2025, 10, 1), date(2026, 3, 1), 6),   # October 2025 to March 2026: the sixth month
    (date(2026, 1, 31), date(2026, 2, 28), 2),  # 31 January + 1 month = 28 February (the last day): month 2
])
def test_maand_van_vrijlating(begin, peil, maand):
    from calculator.bijstandsnorm import maand_van_vrijlating

    assert maand_van_vrijlating(begin, peil) == maand


def test_begindatum_geeft_de_maand_in_de_berekening():
    # begun 1 October 2025, peildatum 1 March 2026: month 6 of onder n, the last: 25 % × 800 = 200, 1.401,50 − 600 =
    # 801,50; April 2026 is month 7: nothing left out, 1.401,50 − 800 = 601,50. laatste_maand March 2026.
    r = inkomen("800.00", Vrijlating("algemeen", begindatum=date(2025, 10, 1)), peildatum=date(2026, 3, 1))
    assert (r["vrijgelaten"], r["aanvullende_bijstand"]) == (D("200.00"), D("801.50"))
    assert (r["inkomstenvrijlating"]["eerste_maand"], r["inkomstenvrijlating"]["laatste_maand"]) == ("2025-10", "2026-03")
    april = next(m for m in r["maandoverzicht"]["maanden"] if m["maand"] == "2026-04")
    assert (april["vrijgelaten"], april["aanvullende_bijstand"]) == (D("0"), D("601.50"))


def test_api_begindatum_en_maand(client):
    body = {"peildatum": "2026-03-01", "belanghebbende": {"leeftijd": 40}, "netto_inkomsten_per_maand": "800",
            "vrijlating": {"soort": "algemeen", "begindatum": "2025-10-01"}}
    d = client.post("/api/v1/bijstandsnorm", json=body).get_json()
    assert d["resultaat"]["vrijgelaten"] == "200.00"
    # the rekenbewijs holds both, consistent, and replays
    assert d["rekenbewijs"]["invoer"]["vrijlating"]["maand"] == 6
    assert client.post("/api/v1/bijstandsnorm", json=d["rekenbewijs"]["invoer"]).status_code == 200
    # a maand that does not fit the begindatum, and a begindatum after the peildatum: 422 on the field
    body["vrijlating"]["maand"] = 2
    r = client.post("/api/v1/bijstandsnorm", json=body)
    assert r.status_code == 422 and [f["pad"] for f in r.get_json()["fouten"]] == ["$.vrijlating.maand"]
    body["vrijlating"] = {"soort": "algemeen", "begindatum": "2026-04-01"}
    r = client.post("/api/v1/bijstandsnorm", json=body)
    assert r.status_code == 422 and [f["pad"] for f in r.get_json()["fouten"]] == ["$.vrijlating.begindatum"]


def test_web_vrijlating_loopt_sinds(client):
    html = client.get("/bijstandsnorm").get_data(as_text=True)
    assert 'id="vrijlating-begindatum"' in html and "De hoeveelste maand" not in html
    data = {"csrf_token": csrf_token(client, "/bijstandsnorm"), "actie": "bereken", "peildatum": "01-03-2026",
            "belanghebbende-leeftijd": "40", "aantal_medebewoners": "0", "netto_inkomsten_per_maand": "800",
            "vrijlating-soort": "algemeen", "vrijlating-begindatum": "01-10-2025"}
    r = client.post("/bijstandsnorm", data=data)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "loopt sinds 1 oktober 2025 (maand 6 op de peildatum)" in html
    assert "De inkomstenvrijlating geldt tot en met maart 2026" in html
    # a begindatum after the peildatum: the error on the field, the typed date kept
    r = client.post("/bijstandsnorm", data={**data, "vrijlating-begindatum": "01-04-2026"})
    assert r.status_code == 422 and 'href="#vrijlating-begindatum"' in r.get_data(as_text=True)
    assert 'value="01-04-2026"' in r.get_data(as_text=True)

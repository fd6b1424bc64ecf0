"""The bijstand rules as the consolidated Participatiewet texts have them (issue 14 items 4, 5, 6 and 9).

Texts read (wetten.overheid.nl BWBR0015703, via MinBZK/regelrecht-corpus): 2024-01-01, 2025-07-01, 2026-01-01 and
2026-07-01 (art. 19a, 20, 21, 22, 22a, 31 and 38). Amounts used below, incl. vakantietoeslag:
  2026-01: art. 20 lid 1 a 345,99; b 691,98; c 1.347,06; lid 2 b 1.092,41; lid 3 746,45; art. 21 a 1.401,50; b 2.002,13
  2026-07: art. 20 lid 1 a 350,42; lid 3 762,24; art. 21 a 1.419,46
  2025-07: art. 31 lid 2 onder n max 278,00; art. 21 a 1.369,06; art. 22 a 1.530,21
"""

from datetime import date
from decimal import Decimal as D

import pytest

from calculator.bijstandsnorm import BijstandInvoer, Persoon, Vrijlating, bereken
from calculator.errors import InvoerFout
from calculator.kostendelersnorm import Medebewoner
from parameters import default_parameters

JAN26 = date(2026, 1, 1)


def uit(uitleg=True, **kw):
    kw.setdefault("peildatum", JAN26)
    kw.setdefault("belanghebbende", Persoon(leeftijd=40))
    return bereken(BijstandInvoer(**kw), uitleg=uitleg)


# --- item 4: onder n at the pensioengerechtigde leeftijd ---------------------------------------------------------

def test_onder_n_bij_aow_leeftijd_zonder_zes_maanden():
    """Art. 31 lid 2 onder n (text of 2025-07-01): "inkomsten uit arbeid tot 25 procent van deze inkomsten, met een
    maximum van € 278,00 per maand, voor zover hij algemene bijstand ontvangt, waarbij voor een persoon die de
    pensioengerechtigde leeftijd nog niet heeft bereikt geldt dat die inkomsten gedurende ten hoogste zes maanden
    niet tot de middelen worden gerekend en dat dit naar het oordeel van het college moet bijdragen aan zijn
    arbeidsinschakeling". At AOW age only "voor zover hij algemene bijstand ontvangt" remains: no six months, no
    arbeidsinschakeling condition. Lid 5 (not below 27) is met: an AOW-gerechtigde is older than 27.

    2025-10, alleenstaande at AOW age, € 400 net, month 10: 25 % × 400 = 100,00 (below the maximum 278,00);
    norm art. 22 onder a 1.530,21; counted 400 − 100 = 300; aanvullende bijstand 1.530,21 − 300 = 1.230,21."""
    u = uit(peildatum=date(2025, 10, 1), belanghebbende=Persoon(leeftijd=70),
            netto_inkomsten_per_maand=D(400), vrijlating=Vrijlating("algemeen", 10))
    res = u.resultaat
    assert res["inkomstenvrijlating"]["van_toepassing"] and res["inkomstenvrijlating"]["bedrag"] == D("100.00")
    assert res["norm"] == D("1530.21") and res["aanvullende_bijstand"] == D("1230.21")
    assert not any("arbeidsinschakeling" in w for w in u.waarschuwingen)
    stap = next(s for s in u.stappen if s.omschrijving == "Inkomstenvrijlating")
    assert "zonder einddatum: de pensioengerechtigde leeftijd is bereikt" in stap.berekening()
    # the months of the overview go on after the sixth month: 100,00 left out in every month up to December
    maanden = res["jaaroverzicht"]["maanden"]
    assert [m["vrijgelaten"] for m in maanden[9:]] == [D("100.00")] * 3


def test_onder_n_voor_de_aow_leeftijd_nog_zes_maanden():
    """The same sentence: below the AOW age "gedurende ten hoogste zes maanden", and the college must find that it
    contributes to the arbeidsinschakeling (a warning). Month 7 at 40: nothing left out; 1.369,06 − 400 = 969,06."""
    u = uit(peildatum=date(2025, 10, 1), netto_inkomsten_per_maand=D(400), vrijlating=Vrijlating("algemeen", 7))
    assert u.resultaat["vrijgelaten"] == 0 and u.resultaat["aanvullende_bijstand"] == D("969.06")
    zes = uit(peildatum=date(2025, 10, 1), netto_inkomsten_per_maand=D(400), vrijlating=Vrijlating("algemeen", 6))
    assert zes.resultaat["vrijgelaten"] == D("100.00")  # 25 % × 400, month 6 of 6
    assert any("arbeidsinschakeling" in w for w in zes.waarschuwingen)
    # the overview: month 6 in October, the vrijlating ends after it (November and December: 0)
    assert [m["vrijgelaten"] for m in zes.resultaat["jaaroverzicht"]["maanden"][9:]] == [D("100.00"), 0, 0]


def test_onder_n_aow_leeftijd_bereikt_in_het_jaar():
    """Born 1958-06-15: the AOW age in 2025 is 67 years (804 months, parameters aow.pensioengerechtigde_leeftijd),
    reached on 2025-06-15. Peildatum 2025-03-01 = month 1 of onder n, € 400: 25 % = 100,00. Month 6 is August; from
    July (1 July: AOW age reached) the six months no longer apply, so September-December still leave 100,00 out."""
    u = uit(peildatum=date(2025, 3, 1), belanghebbende=Persoon(geboortedatum=date(1958, 6, 15)),
            netto_inkomsten_per_maand=D(400), vrijlating=Vrijlating("algemeen", 1))
    vrij = [m["vrijgelaten"] for m in u.resultaat["jaaroverzicht"]["maanden"]]
    assert vrij[2:] == [D("100.00")] * 10


# --- item 5: art. 19a lid 1 --------------------------------------------------------------------------------------

def kdn(*medebewoners, **kw):
    return uit(medebewoners=tuple(medebewoners), **kw)


def test_onder_b_aanverwant_met_commerciele_huur_telt_mee():
    """Art. 19a lid 1 onder b: not a kostendelende medebewoner is who lives there "op basis van een schriftelijke
    overeenkomst met de belanghebbende, waarbij een commerciële prijs is overeengekomen, als verhuurder, huurder, ...,
    niet zijnde een bloed- of aanverwant in de eerste of tweede graad van de belanghebbende". A schoonmoeder (an
    aanverwant in the first degree) who rents a room from the belanghebbende at a commercial price still counts:
    A = 2, (40 + 2 × 30) / 2 % × 2.002,13 = 1.001,065 -> 1.001,07 (2026-01)."""
    u = kdn(Medebewoner(leeftijd=60, relatie="aanverwant", commerciele_relatie=True))
    mb = u.resultaat["medebewoners"][0]
    assert mb["telt_mee"] and "aanverwant" in mb["reden"]
    assert u.resultaat["norm"] == D("1001.07")
    vreemde = kdn(Medebewoner(leeftijd=60, relatie="anders", commerciele_relatie=True))
    assert not vreemde.resultaat["medebewoners"][0]["telt_mee"] and vreemde.resultaat["norm"] == D("1401.50")
    assert vreemde.resultaat["medebewoners"][0]["grondslag"] == "Participatiewet art. 19a lid 1 onder b"


def test_onder_c_broer_die_huurt_van_dezelfde_verhuurder_telt_niet_mee():
    """Art. 19a lid 1 onder c: not a kostendelende medebewoner is who lives there "op basis van een schriftelijke
    overeenkomst met een derde, waarbij een commerciële prijs is overeengekomen, als huurder, onderhuurder of
    kostganger ..., mits hij de overeenkomst heeft met dezelfde persoon als met wie de belanghebbende een schriftelijke
    overeenkomst heeft": no words "niet zijnde een bloed- of aanverwant". A brother of 35 who rents a room from the
    same landlord does not count: the norm stays art. 21 onder a 1.401,50. Lid 2 (proof) gives a warning."""
    u = kdn(Medebewoner(leeftijd=35, relatie="familie", commerciele_relatie_derde=True))
    mb = u.resultaat["medebewoners"][0]
    assert not mb["telt_mee"] and mb["grondslag"] == "Participatiewet art. 19a lid 1 onder c"
    assert u.resultaat["norm"] == D("1401.50") and u.resultaat["aantal_kostendelers"] == 1
    assert any("art. 19a lid 2" in w for w in u.waarschuwingen)
    # the same brother with an agreement with the belanghebbende himself (onder b) counts: 1.001,07
    b = kdn(Medebewoner(leeftijd=35, relatie="familie", commerciele_relatie=True))
    assert b.resultaat["medebewoners"][0]["telt_mee"] and b.resultaat["norm"] == D("1001.07")
    assert not any("art. 19a lid 2" in w for w in b.waarschuwingen)


@pytest.mark.parametrize("geboortedatum, aanvang, leeftijd, telt_mee", [
    (None, None, 29, False),                            # under 30 now: "op enig moment tijdens dat onderwijs jonger dan 30"
    (date(1994, 3, 20), date(2024, 3, 1), None, False),  # 30 on 2024-03-20, started in March 2024: "in de maand van aanvang"
    (date(1994, 3, 20), date(2024, 2, 1), None, False),  # started at 29
    (date(1994, 3, 20), date(2024, 4, 1), None, True),   # started in April 2024, after the month he turned 30
    (None, None, 31, True),                             # 31 without dates: cannot be told, counts (with the reason)
])
def test_onder_d_4_onderwijs_buiten_nederland(geboortedatum, aanvang, leeftijd, telt_mee):
    """Art. 19a lid 1 onder d 4°: "een vergelijkbaar soort onderwijs of beroepsopleiding als bedoeld onder 1° tot en
    met 3° volgt buiten Nederland, waarbij voor onder 1° en 2° geldt dat hij op enig moment tijdens dat onderwijs
    jonger dan 30 jaar is of in de maand van aanvang de leeftijd van 30 jaren heeft bereikt". Peildatum 2026-01-01."""
    mb = Medebewoner(geboortedatum=geboortedatum, leeftijd=leeftijd, onderwijs="buitenland", aanvang_onderwijs=aanvang)
    res = kdn(mb).resultaat
    assert res["medebewoners"][0]["telt_mee"] is telt_mee
    assert res["norm"] == (D("1001.07") if telt_mee else D("1401.50"))
    # a vocational training abroad comparable to the BBL (3°) has no age condition
    assert not kdn(Medebewoner(leeftijd=45, onderwijs="buitenland_bbl")).resultaat["medebewoners"][0]["telt_mee"]


def test_mantelzorg_geen_kostendelersnorm_vanaf_2026():
    """Art. 22a lid 4 (text of 2026-01-01): "Dit artikel is niet van toepassing op de belanghebbende die voor het
    leveren van mantelzorg bij een intensieve zorgbehoefte tijdelijk gebruikmaakt van een hoofdverblijf elders."
    With two kostendelende medebewoners of 50 the norm would be (40 + 3 × 30) / 3 % × 2.002,13 = 867,59; with
    mantelzorg the norm is art. 21 onder a: 1.401,50."""
    zonder = kdn(Medebewoner(leeftijd=50), Medebewoner(leeftijd=50))
    assert zonder.resultaat["norm"] == D("867.59")
    met = kdn(Medebewoner(leeftijd=50), Medebewoner(leeftijd=50), mantelzorg=True)
    assert met.resultaat["norm"] == D("1401.50") and not met.resultaat["kostendelersnorm_toegepast"]
    assert met.resultaat["mantelzorg_uitzondering"] is True
    assert any(s.grondslag == "Participatiewet art. 22a lid 4" for s in met.stappen)
    # the year overview follows: 1.401,50 until June, art. 21 onder a 1.419,46 from July
    delen = [m["delen"][0]["norm"] for m in met.resultaat["jaaroverzicht"]["maanden"]]
    assert delen == [D("1401.50")] * 6 + [D("1419.46")] * 6


def test_mantelzorg_voor_2026_fout_met_de_datum_uit_de_parameters():
    """Before 2026-01-01 art. 22a has no fourth lid (texts of 2024-01-01 and 2025-07-01): a clear error, whose date
    comes from bijstand.kostendelers.mantelzorg_uitzondering."""
    with pytest.raises(InvoerFout) as exc:
        kdn(Medebewoner(leeftijd=50), peildatum=date(2025, 12, 31), mantelzorg=True)
    assert exc.value.veld == "mantelzorg" and "1 januari 2026" in exc.value.bericht
    vanaf = [e.vanaf for e in default_parameters().parameter("bijstand.kostendelers.mantelzorg_uitzondering").waarden
             if e.value.waarde is True]
    assert vanaf == [date(2026, 1, 1)]


def test_api_voor_2026_alle_fouten_tegelijk(client):
    """Both inputs before 2026, with another bad field: one 422 with every error, the dates from the parameters."""
    r = client.post("/api/v1/bijstandsnorm", json={
        "peildatum": "2025-06-01", "belanghebbende": {"leeftijd": 19, "geen_beroep_op_ouders": True},
        "partner": {"leeftijd": 20, "geen_beroep_op_ouders": True}, "mantelzorg": True,
        "netto_inkomsten_per_maand": -1})
    assert r.status_code == 422
    fouten = {f["pad"]: f["bericht"] for f in r.get_json()["fouten"]}
    assert set(fouten) == {"$.belanghebbende.geen_beroep_op_ouders", "$.partner.geen_beroep_op_ouders",
                           "$.mantelzorg", "$.netto_inkomsten_per_maand"}
    assert "pas vanaf 1 januari 2026" in fouten["$.mantelzorg"]


def test_api_mantelzorg_en_verhoging_voor_2026_422(client):
    r = client.post("/api/v1/bijstandsnorm", json={"peildatum": "2025-06-01", "belanghebbende": {"leeftijd": 40},
                                                   "mantelzorg": True})
    assert r.status_code == 422 and r.get_json()["fouten"][0]["pad"] == "$.mantelzorg"
    r = client.post("/api/v1/bijstandsnorm", json={"peildatum": "2025-06-01",
                                                   "belanghebbende": {"leeftijd": 19, "geen_beroep_op_ouders": True}})
    assert r.status_code == 422 and r.get_json()["fouten"][0]["pad"] == "$.belanghebbende.geen_beroep_op_ouders"


# --- item 6: art. 20 lid 3 and 4 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("peildatum, verwacht, verhoging", [
    (date(2026, 6, 1), "1092.44", "746.45"),  # 345,99 + 746,45 = 1.092,44 (< art. 21 onder a 1.401,50)
    (date(2026, 7, 1), "1112.66", "762.24"),  # 350,42 + 762,24 = 1.112,66 (text of 2026-07-01)
])
def test_verhoging_jongere_zonder_beroep_op_ouders(peildatum, verwacht, verhoging):
    """Art. 20 lid 3 (text of 2026-01-01): "Voor belanghebbenden van 18, 19 of 20 jaar verhoogt het college de norm
    met een bedrag van € 746,45, indien die belanghebbende voor de kosten van levensonderhoud geen beroep kan doen op
    zijn ouders, omdat: a. de middelen van de ouders daartoe niet toereikend zijn; of b. deze persoon redelijkerwijs
    het onderhoudsrecht jegens de ouders niet te gelde kan maken." The text of 2026-07-01 has € 762,24."""
    u = uit(peildatum=peildatum, belanghebbende=Persoon(leeftijd=19, geen_beroep_op_ouders=True))
    assert u.resultaat["norm"] == D(verwacht) and u.resultaat["verhoging_jongeren"] == D(verhoging)
    assert "lid 3" in u.resultaat["normartikel"]
    gewoon = uit(peildatum=peildatum, belanghebbende=Persoon(leeftijd=19))
    assert gewoon.resultaat["verhoging_jongeren"] is None and gewoon.resultaat["norm"] == D(verwacht) - D(verhoging)


@pytest.mark.parametrize("b, partner, kinderen, verwacht", [
    # both 19 and 20, both without parents: 691,98 + 2 × 746,45 = 2.184,88 > art. 21 onder b 2.002,13 -> 2.002,13
    (Persoon(leeftijd=19, geen_beroep_op_ouders=True), Persoon(leeftijd=20, geen_beroep_op_ouders=True), False,
     "2002.13"),
    # both 19, one without parents: 691,98 + 746,45 = 1.438,43
    (Persoon(leeftijd=19, geen_beroep_op_ouders=True), Persoon(leeftijd=19), False, "1438.43"),
    # 19 with a partner of 25 (art. 20 lid 1 onder c 1.347,06): + 746,45 = 2.093,51 > 2.002,13 -> 2.002,13
    (Persoon(leeftijd=19, geen_beroep_op_ouders=True), Persoon(leeftijd=25), False, "2002.13"),
    # both 19 with kinderen (lid 2 onder b 1.092,41), one without parents: 1.838,86 < 2.002,13
    (Persoon(leeftijd=19, geen_beroep_op_ouders=True), Persoon(leeftijd=19), True, "1838.86"),
    # alleenstaande ouder of 18 (lid 2 onder a 345,99): 1.092,44 < art. 21 onder a 1.401,50
    (Persoon(leeftijd=18, geen_beroep_op_ouders=True), None, True, "1092.44"),
])
def test_verhoging_jongeren_maximum_lid_4(b, partner, kinderen, verwacht):
    """Art. 20 lid 4: "De norm, bedoeld in het derde lid, in combinatie met de normen, bedoeld in het eerste en tweede
    lid, is niet hoger dan de norm, bedoeld in artikel 21, die geldt voor een 21-jarige of ouder, doch jonger dan de
    pensioengerechtigde leeftijd, in een vergelijkbare situatie." Read here as: one increase per belanghebbende
    (spouse) of 18-20 who cannot rely on his parents ("die belanghebbende"), and the total at most art. 21 onder a
    (alleenstaande, alleenstaande ouder) or onder b (gehuwden)."""
    res = uit(belanghebbende=b, partner=partner, kinderen=kinderen).resultaat
    assert res["norm"] == D(verwacht)


def test_verhoging_jongeren_niet_op_de_kostendelersnorm_van_22a_lid_3():
    """Art. 22a lid 3 (a spouse of 18-20 and one of 21+ with kostendelende medebewoners) gives its own norm:
    345,99 + the kostendelersnorm of the older spouse (A = 1 medebewoner + the spouse of 21 or older = 2, the spouse
    of 19 does not count in A: (40 + 2 × 30) / 2 % × 2.002,13 = 1.001,07) = 1.347,06. Lid 4 of
    art. 20 caps only the combination with the norms of art. 20 lid 1 and 2; how lid 3 combines with art. 22a lid 3 the
    text does not say, so the increase is not applied and the result says so."""
    u = uit(belanghebbende=Persoon(leeftijd=19, geen_beroep_op_ouders=True), partner=Persoon(leeftijd=30),
            medebewoners=(Medebewoner(leeftijd=50),))
    assert u.resultaat["norm"] == D("1347.06") and u.resultaat["kostendelersnorm_toegepast"] and u.resultaat["verhoging_jongeren"] is None
    assert any("art. 22a lid 3" in w for w in u.waarschuwingen)


def test_verhoging_jongeren_stopt_bij_21_in_het_jaaroverzicht():
    """Born 2005-09-10: 20 in January 2026, 21 from 2026-09-10 (art. 21 onder a from then on). January-June
    345,99 + 746,45 = 1.092,44; July-August 350,42 + 762,24 = 1.112,66; from 10 September art. 21 onder a 1.419,46."""
    u = uit(belanghebbende=Persoon(geboortedatum=date(2005, 9, 10), geen_beroep_op_ouders=True))
    maanden = u.resultaat["jaaroverzicht"]["maanden"]
    assert [m["delen"][0]["norm"] for m in maanden[:8]] == [D("1092.44")] * 6 + [D("1112.66")] * 2
    assert [(d["vanaf"], d["norm"]) for d in maanden[8]["delen"]] == [(date(2026, 9, 1), D("1112.66")),
                                                                      (date(2026, 9, 10), D("1419.46"))]


# --- item 9: statuses --------------------------------------------------------------------------------------------

def test_onder_z_en_aa_2024_en_2025_gelijk_aan_onder_y_bevestigd():
    """Art. 38 lid 3 (text of 2024-01-01): "worden de bedragen, genoemd in artikel 31, tweede lid, onderdelen j, n, r,
    y, z en aa, gewijzigd met het percentage van deze wijziging". y and z were both 157,96 on 2023-07-01 and 170,18 on
    2024-07-01; y is 167,07 on 2024-01-01 and 173,04 on 2025-01-01, so z (and aa) too."""
    p = default_parameters()
    for datum in (date(2024, 1, 1), date(2025, 1, 1), date(2023, 7, 1), date(2024, 7, 1)):
        z = p.at("bijstand.vrijlating_doelgroep_lks.maximum", datum)
        assert z.waarde == p.at("bijstand.vrijlating_medisch_urenbeperkt.maximum", datum).waarde
        assert z.status == "bevestigd"


def test_aow_gehuwden_2024_volgt_de_wettekst():
    """Art. 22 onder b en c (text of 2024-01-01): "zonder kostendelende medebewoners: € 1.932,32"."""
    pv = default_parameters().at("bijstand.norm_aow.gehuwden", date(2024, 1, 1))
    assert pv.waarde == D("1932.32") and pv.status == "bevestigd" and "docs/bronnen/bijstandsnormen.md" in pv.bron


# --- the new inputs in every channel -----------------------------------------------------------------------------

def test_api_nieuwe_invoer_en_rekenbewijs(client):
    """The API takes the new inputs, and the rekenbewijs echoes them so that it reproduces the result.
    2026-06: 19, no parents to rely on: 345,99 + 746,45 = 1.092,44; a brother renting from the same landlord
    (onder c) does not count, and a schoonvader (aanverwant, onder b) of 60 does not count either, because the
    kostendelersnorm needs a belanghebbende of 21 or older (art. 22a lid 1): the youth norm stays."""
    body = {"peildatum": "2026-06-01", "belanghebbende": {"leeftijd": 19, "geen_beroep_op_ouders": True},
            "medebewoners": [{"leeftijd": 35, "relatie": "familie", "commerciele_relatie_derde": True},
                             {"leeftijd": 60, "relatie": "aanverwant", "commerciele_relatie": True},
                             {"leeftijd": 40, "onderwijs": "buitenland_bbl"}],
            "mantelzorg": True}
    r = client.post("/api/v1/bijstandsnorm?uitleg=true", json=body)
    assert r.status_code == 200, r.get_json()
    d = r.get_json()
    res = d["resultaat"]
    assert res["norm"] == "1092.44" and res["verhoging_jongeren"] == "746.45"
    assert [m["telt_mee"] for m in res["medebewoners"]] == [False, True, False]
    assert [m["grondslag"] for m in res["medebewoners"]] == [
        "Participatiewet art. 19a lid 1 onder c", "Participatiewet art. 19a lid 1",
        "Participatiewet art. 19a lid 1 onder d"]
    invoer = d["rekenbewijs"]["invoer"]
    assert invoer["mantelzorg"] is True and invoer["belanghebbende"]["geen_beroep_op_ouders"] is True
    assert invoer["medebewoners"][0]["commerciele_relatie_derde"] is True
    assert invoer["medebewoners"][1]["relatie"] == "aanverwant"
    again = client.post("/api/v1/bijstandsnorm", json=invoer)
    assert again.status_code == 200 and again.get_json()["resultaat"] == res
    spec = str(client.get("/api/v1/openapi.json").get_json())
    for naam in ("geen_beroep_op_ouders", "commerciele_relatie_derde", "aanvang_onderwijs", "mantelzorg",
                 "buitenland_bbl", "aanverwant", "verhoging_jongeren"):
        assert naam in spec


def test_api_aanvang_onderwijs_alleen_bij_buitenland(client):
    r = client.post("/api/v1/bijstandsnorm", json={
        "peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 40},
        "medebewoners": [{"leeftijd": 35, "onderwijs": "wsf", "aanvang_onderwijs": "2020-09-01"},
                         {"leeftijd": 35, "onderwijs": "buitenland", "aanvang_onderwijs": "2027-09-01"}]})
    assert r.status_code == 422
    assert {f["pad"] for f in r.get_json()["fouten"]} == {"$.medebewoners[0].aanvang_onderwijs",
                                                         "$.medebewoners[1].aanvang_onderwijs"}


def test_web_geen_beroep_op_ouders_mantelzorg_en_onder_c(client):
    from tests.conftest import csrf_token

    html = client.get("/bijstandsnorm").get_data(as_text=True)
    for naam in ("belanghebbende-geen_beroep_op_ouders", "partner-geen_beroep_op_ouders", "mantelzorg"):
        assert f'name="{naam}"' in html
    token = csrf_token(client, "/bijstandsnorm")
    r = client.post("/bijstandsnorm", data={
        "csrf_token": token, "actie": "bereken", "peildatum": "2026-06-01", "belanghebbende-leeftijd": "19",
        "belanghebbende-geen_beroep_op_ouders": "on", "aantal_medebewoners": "1", "medebewoners-0-leeftijd": "35",
        "medebewoners-0-relatie": "familie", "medebewoners-0-commerciele_relatie_derde": "on",
        "medebewoners-0-onderwijs": "geen", "vrijlating-soort": "geen"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "1.092,44" in html and "746,45" in html and "art. 19a lid 1 onder c" in html
    # 40 with two kostendelers and mantelzorg (2026): art. 21 onder a 1.401,50, and the page says why
    r = client.post("/bijstandsnorm", data={
        "csrf_token": token, "actie": "bereken", "peildatum": "2026-01-01", "belanghebbende-leeftijd": "40",
        "mantelzorg": "on", "aantal_medebewoners": "2", "medebewoners-0-leeftijd": "50", "medebewoners-1-leeftijd": "50",
        "vrijlating-soort": "geen"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "1.401,50" in html and "artikel 22a lid 4" in html
    # before 2026 the same form gets the error on the mantelzorg field
    r = client.post("/bijstandsnorm", data={
        "csrf_token": token, "actie": "bereken", "peildatum": "2025-06-01", "belanghebbende-leeftijd": "40",
        "mantelzorg": "on", "aantal_medebewoners": "0", "vrijlating-soort": "geen"})
    assert r.status_code == 422 and 'href="#mantelzorg"' in r.get_data(as_text=True)


def test_batch_sjabloon_heeft_de_nieuwe_kolom(client):
    r = client.get("/batch/sjabloon/bijstandsnorm.csv")
    kop = r.get_data(as_text=True).lstrip("\ufeff").splitlines()[0].split(",")
    # the belanghebbende in plain columns since issue 18 (belanghebbende_leeftijd, ...; the JSON column still read)
    assert "mantelzorg" in kop and "belanghebbende_leeftijd" in kop and "medebewoners" in kop

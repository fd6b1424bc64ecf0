"""The Dutch explanation of the README examples for the bijstandsnorm and the vrijwilligersvergoeding, sentence by
sentence (issue 16 part 4: the texts moved into a catalogue per rule; the API keeps speaking exactly this Dutch).

The amounts are the law's arithmetic, written out at each example; the sentences are the ones the README and the
result pages show.
"""

from __future__ import annotations

import pytest

BIJSTAND = "/api/v1/bijstandsnorm?uitleg=true"
VRIJWILLIGERS = "/api/v1/vrijwilligersvergoeding?uitleg=true"

# README "Bijstandsnorm en kostendelersnorm: hoe er gerekend wordt": a belanghebbende of 40 on 1 January 2026 with
# one medebewoner of 30 (family), € 400 netto, the vrijlating of onder n in its first month.
README_BIJSTAND = {"peildatum": "2026-01-01", "belanghebbende": {"leeftijd": 40},
                   "medebewoners": [{"leeftijd": 30, "relatie": "familie"}],
                   "netto_inkomsten_per_maand": "400", "vrijlating": {"soort": "algemeen", "maand": 1}}

# README "Vrijwilligersvergoeding: hoe er gerekend wordt": 2026, born 1 January 1980 (46 all year), bijstand,
# January € 250 for 50 hours, February € 100 without hours.
README_VRIJWILLIGERS = {"jaar": 2026, "geboortedatum": "1980-01-01", "ontvangt_bijstand": True,
                        "maanden": [{"maand": 1, "vergoeding": 250, "uren": 50}, {"maand": 2, "vergoeding": 100}]}


def gewoon(tekst):
    """Babel writes "€\xa0250,00" (a no-break space after the euro sign); the sentences below use a plain space."""
    return tekst.replace("\xa0", " ") if isinstance(tekst, str) else tekst


def stappen(body):
    return [tuple(gewoon(s[k]) for k in ("omschrijving", "berekening", "bedrag", "grondslag")) for s in body["uitleg"]]


def waarschuwingen(body):
    return [gewoon(w) for w in body["waarschuwingen"]]


def test_readme_bijstand_stappen_en_teksten(client):
    # Pw art. 21 onder a (text 2026-01-01): alleenstaande "€ 1.401,50"; onder b (gehuwden, B): "€ 2.002,13".
    # art. 19a lid 1: the medebewoner of 30 is "de persoon van 27 jaar of ouder die in dezelfde woning zijn
    # hoofdverblijf heeft", so A = 1 + 1 = 2.
    # art. 22a lid 1: (40 % + 2 × 30 %) / 2 × 2.002,13 = 1.001,065 -> € 1.001,07 (half up, once).
    # art. 19 lid 3: 95 % × 1.001,07 = 951,0165 -> € 951,02; vakantietoeslag 1.001,07 − 951,02 = € 50,05.
    # Difference 1.401,50 − 1.001,07 = € 400,43.
    # art. 31 lid 2 onder n: 25 % × 400 = € 100,00 (maximum € 285,00); counted 400 − 100 = € 300,00;
    # aanvullende bijstand 1.001,07 − 300 = € 701,07.
    r = client.post(BIJSTAND, json=README_BIJSTAND)
    assert r.status_code == 200
    d = r.get_json()
    assert stappen(d) == [
        ("Norm zonder kostendelende medebewoners (alleenstaande, 40 jaar)", None, "1401.50",
         "Participatiewet art. 21 onder a"),
        ("Aantal kostendelers A = 1 kostendelende medebewoner(s) + 1 (belanghebbende en echtgenoot van 21 jaar of "
         "ouder) = 2", None, None, "Participatiewet art. 22a lid 1"),
        ("Kostendelersnorm per persoon (A = 2)",
         "(40 % + 2 × 30 %) / 2 × € 2.002,13 = € 1.001,07 (afgerond op de cent)", "1001.07",
         "Participatiewet art. 22a lid 1"),
        ("Medebewoner 1: Telt mee: 27 jaar of ouder en hoofdverblijf in dezelfde woning (30 jaar).", None, None,
         "Participatiewet art. 19a lid 1"),
        ("Norm exclusief vakantietoeslag", "95 % × € 1.001,07 = € 951,02; vakantietoeslag € 1.001,07 − € 951,02 = "
         "€ 50,05", "951.02", "Participatiewet art. 19 lid 3"),
        ("Verschil door de kostendelersnorm", "€ 1.401,50 − € 1.001,07 = € 400,43", "400.43",
         "Participatiewet art. 22a"),
        ("Inkomstenvrijlating", "25 % × € 400,00 = € 100,00; maximum € 285,00 per maand; vrijgelaten € 100,00 "
         "(maand 1 van 6)", "100.00", "Participatiewet art. 31 lid 2 onder n en lid 5"),
        ("In aanmerking te nemen inkomsten", "€ 400,00 − vrijlating € 100,00 + vrijwilligersvergoeding boven de "
         "vrijlating € 0,00 = € 300,00", "300.00", "Participatiewet art. 31 en art. 32"),  # was "art. 31 en 32"
        ("Aanvullende bijstand", "€ 1.001,07 − € 300,00 = € 701,07 (niet lager dan nul)", "701.07",
         "Participatiewet art. 19 lid 1 en art. 31"),
    ]
    assert waarschuwingen(d) == [
        "De vrijlating van onder n geldt vóór de pensioengerechtigde leeftijd alleen als die naar het oordeel van het "
        "college bijdraagt aan de arbeidsinschakeling.",
        "Van een of meer personen is alleen de leeftijd bekend: het jaaroverzicht houdt voor hen geen rekening met een "
        "verjaardag in het jaar.",
    ]
    res = d["resultaat"]
    assert res["normartikel"] == "Participatiewet art. 21 onder a"
    assert res["medebewoners"] == [{"nummer": 1, "leeftijd": 30, "telt_mee": True,
                                    "reden": "Telt mee: 27 jaar of ouder en hoofdverblijf in dezelfde woning (30 jaar).",
                                    "grondslag": "Participatiewet art. 19a lid 1"}]
    assert res["inkomstenvrijlating"]["reden"] == "Het maximum is niet bereikt."
    assert res["inkomstenvrijlating"]["grondslag"] == "Participatiewet art. 31 lid 2 onder n en lid 5"


def test_readme_vrijwilligers_stappen_en_teksten(client):
    # Wet LB 1964 art. 2 lid 6 (text 2026-01-01): "ten hoogste € 220 per maand en € 2.200 per kalenderjaar".
    # January: (250 − 0) / 50 = € 5,00 per uur ≤ the Belastingdienst's € 5,75; at most min(5,75 × 50 + 0, 220) =
    # € 220,00 for 50 hours; 250 > 220, so the monthly maximum is exceeded. February 100 ≤ 220. Year 350 ≤ 2.200.
    # A month above the maximum: the whole 350 − 0 = € 350,00 is loon.
    # Pw art. 31 lid 2 onder k (46 ≥ 27): January min(250, 220, 2.200) = € 220,00; February min(100, 220,
    # 2.200 − 220 = 1.980) = € 100,00; in mindering 350 − 320 = € 30,00.
    r = client.post(VRIJWILLIGERS, json=README_VRIJWILLIGERS)
    assert r.status_code == 200
    d = r.get_json()
    uurbedrag = ("belastingdienst.nl 'vrijwilligersvergoedingen' (uurbedragen die de Belastingdienst als "
                 "niet-marktconform ziet; geen wettelijke grens)")
    fiscaal = "Wet LB 1964 art. 2 lid 6 (maximum per maand en per kalenderjaar)"
    # A grondslag with the law and the Belastingdienst's page: the catalogue names the law first, the page in the
    # toelichting (before the catalogue: "belastingdienst.nl ... (...); Wet LB 1964 art. 2 lid 6 (...)").
    fiscaal_en_uurbedrag = ("Wet LB 1964 art. 2 lid 6 (maximum per maand en per kalenderjaar; uurbedragen van "
                            "belastingdienst.nl 'vrijwilligersvergoedingen', die de Belastingdienst als niet-marktconform "
                            "ziet, geen wettelijke grens)")
    assert stappen(d) == [
        ("Januari: vergoeding per uur (leeftijd 46 op 1 januari, vanaf 21 jaar)",
         "(€ 250,00 − € 0,00 aangetoonde kosten) / 50 uur = € 5,00 per uur, uurbedrag € 5,75 → binnen het uurbedrag",
         "250.00", uurbedrag),
        ("Januari: ten hoogste te vergoeden voor 50 uur",
         "laagste van € 5,75 × 50 uur + € 0,00 aangetoonde kosten en het maandmaximum € 220,00 = € 220,00",
         "220.00", fiscaal_en_uurbedrag),
        ("Januari: vergoeding tegen het maximum per maand",
         "€ 250,00 > € 220,00 → boven het maandmaximum (maanden middelen niet)", "250.00", fiscaal),
        ("Februari: vergoeding tegen het maximum per maand", "€ 100,00 ≤ € 220,00 → binnen het maandmaximum",
         "100.00", fiscaal),
        ("Totaal in 2026 tegen het maximum per jaar", "€ 350,00 ≤ € 2.200,00 → binnen het jaarmaximum", "350.00",
         fiscaal),
        ("Een wettelijke grens (maand of jaar) is overschreden: de hele vergoeding is loon, behalve de aangetoonde "
         "kosten", "€ 350,00 − € 0,00 aangetoonde kosten = € 350,00", "350.00",
         "Wet LB 1964 art. 2 lid 6 (maximum per maand en per kalenderjaar; belastingdienst.nl: 'Dan moet u over "
         "deze gehele vergoeding belasting betalen')"),
        ("Januari: bijstand, 46 jaar (vanaf 27): vrijgelaten",
         "€ 0,00 aangetoonde kosten + de laagste van € 250,00, maandmaximum € 220,00 en resterend jaarmaximum "
         "€ 2.200,00 = € 220,00", "220.00", "Participatiewet art. 31 lid 2 onder k"),
        ("Februari: bijstand, 46 jaar (vanaf 27): vrijgelaten",
         "€ 0,00 aangetoonde kosten + de laagste van € 100,00, maandmaximum € 220,00 en resterend jaarmaximum "
         "€ 1.980,00 = € 100,00", "100.00", "Participatiewet art. 31 lid 2 onder k"),
        ("Bijstand: in mindering op de uitkering in het jaar", "€ 350,00 vergoeding − € 320,00 vrijgelaten = € 30,00",
         "30.00", "Participatiewet art. 31 lid 2 onder k"),
    ]
    w = waarschuwingen(d)
    assert w[:3] == [
        "De vergoeding is geen vrijwilligersvergoeding: de hele vergoeding (behalve de aangetoonde kosten) is loon of "
        "inkomen en belast, ook de maanden die binnen de grenzen bleven.",
        "Zonder uren kan het uurbedrag niet worden getoetst (februari). Is er geen vergoeding per uur afgesproken, dan "
        "gelden alleen het maand- en jaarmaximum; is er wel een uurvergoeding afgesproken, vul dan de uren in.",
        "Bijstand: de berekening gaat ervan uit dat de vrijwilliger in alle ingevulde maanden bijstand ontving; het "
        "jaarmaximum geldt per kalenderjaar.",
    ]
    res = d["resultaat"]
    assert gewoon(res["oordeel_toelichting"]) == (
        "De vergoeding is hoger dan het maximum per maand in januari van de wet (Wet op de loonbelasting 1964 artikel "
        "2 lid 6). Dan is het geen vrijwilligersvergoeding: de hele vergoeding van 2026 is belast, behalve de "
        "aangetoonde kosten: € 350,00.")
    assert [m["oordeel"] for m in res["maanden"]] == [
        "Boven het maandmaximum",
        "Binnen de grenzen van de maand, maar belast: in een andere maand is een grens overschreden"]


@pytest.mark.parametrize("maanden, toelichting", [
    # 2026, 40 years: January € 200 for 20 hours = € 10 per uur > € 5,75 (200 > 5,75 × 20 = 115), within € 220:
    # onbelast only if the allowance is not marktconform; otherwise 200 − 0 = € 200,00 is loon.
    ([{"maand": 1, "vergoeding": 200, "uren": 20}],
     "De vergoeding blijft binnen het maximum per maand en per jaar van de wet (Wet op de loonbelasting 1964 artikel "
     "2 lid 6), maar is in januari hoger dan het uurbedrag van de Belastingdienst (€ 5,75 per uur). De "
     "Belastingdienst ziet vergoedingen tot dat bedrag als niet-marktconform. Ligt de vergoeding hoger, dan kan die "
     "mogelijk nog steeds onbelast zijn: als de organisatie kan uitleggen dat het om een niet-marktconforme "
     "vergoeding gaat. Lukt dat niet, dan is de hele vergoeding van 2026 belast, behalve de aangetoonde kosten: "
     "€ 200,00."),
    # € 100 for 20 hours = € 5 ≤ € 5,75, € 100 ≤ € 220: onbelast.
    ([{"maand": 1, "vergoeding": 100, "uren": 20}],
     "De vergoeding blijft binnen het maximum per maand en per jaar van de wet (Wet op de loonbelasting 1964 artikel "
     "2 lid 6) en binnen de uurbedragen van de Belastingdienst: een onbelaste vrijwilligersvergoeding."),
    # twelve months of € 200: 12 × 200 = € 2.400 > € 2.200 per kalenderjaar; each month ≤ € 220.
    ([{"maand": m, "vergoeding": 200} for m in range(1, 13)],
     "De vergoeding is hoger dan het maximum per jaar 2026 van de wet (Wet op de loonbelasting 1964 artikel 2 lid 6). "
     "Dan is het geen vrijwilligersvergoeding: de hele vergoeding van 2026 is belast, behalve de aangetoonde kosten: "
     "€ 2.400,00."),
])
def test_oordeel_toelichting(client, maanden, toelichting):
    r = client.post(VRIJWILLIGERS, json={"jaar": 2026, "leeftijd": 40, "maanden": maanden})
    assert gewoon(r.get_json()["resultaat"]["oordeel_toelichting"]) == toelichting


def test_uurvergoeding_waarschuwing(client):
    # README point 7: € 5 a month for 30 hours, all year: 5 ≤ the hourly amount € 5,75 with more than one hour.
    # 30 × 5 = € 150,00.
    r = client.post(VRIJWILLIGERS, json={"jaar": 2026, "leeftijd": 40,
                                         "maanden": [{"maand": m, "vergoeding": 5, "uren": 30} for m in range(1, 13)]})
    assert ("Januari tot en met december: is € 5,00 de vergoeding per uur? Vul dan de vergoeding voor de hele maand in "
            "(bijvoorbeeld 30 × € 5,00 = € 150,00).") in waarschuwingen(r.get_json())

"""English result pages of the bijstandsnorm and the vrijwilligersvergoeding show no Dutch engine text (issue 16
part 4, issue 18 "English"): the steps, the warnings, the reasons per medebewoner and the verdict per month come
from the explanation catalogue by key (calculator/teksten/*.yaml). The result is opened the way a user shares it:
a permalink with ?taal=en.

What may stay Dutch: proper names (Participatiewet, Wet LB 1964, WSF 2000, belastingdienst.nl and the title of its
page 'vrijwilligersvergoedingen') and a parameter's own description inside the English frame of the
"Provisional value used" warning (parameter data, not engine text). The law citations outside the steps (the
summary's normartikel, the grondslag column of the medebewoners) come from the catalogue by key too, in the
English notation of the steps ("art. 19a(1)(d)"); the API keeps its Dutch citation."""

from __future__ import annotations

import pytest

from .conftest import axe_check

# Ordinary words of the three rules' Dutch texts; no proper names.
NEDERLANDSE_WOORDEN = (
    "Telt mee", "Telt niet mee", "Bijstandsnorm", "Voorlopige waarde", "maand", "jaar", "Medebewoner", "medebewoner",
    "Inkomstenvrijlating", "vrijlating", "vrijgelaten", "Vrijgelaten", "Aanvullende bijstand", "aangetoonde kosten",
    "uurbedrag", "maandmaximum", "jaarmaximum", "Binnen de grenzen", "Boven het", "afgerond", "laagste",
    "januari", "februari", "maart", "Niet van toepassing", "Grondslag", "lid ", " onder ", "vakantietoeslag",
    "kostendelersnorm", "Kostendelersnorm", "gemeente",
)

# 40 years on 1 January 2026, € 1.300 per 4 weeks, the vrijlating of onder n in its first month, € 100 volunteer
# allowance; medebewoners of 17 (younger than 27), 30 with WSF (onder d 1°) and a brother of 40 who rents from the
# belanghebbende (onder b does not apply to family, so he counts: A = 2)
BIJSTAND = ("/bijstandsnorm?bereken=1&peildatum=2026-01-01&belanghebbende-leeftijd=40"
            "&netto_inkomsten_per_vier_weken=1300&omrekening_vier_weken=dertien_twaalfde"
            "&vrijlating-soort=algemeen&vrijlating-maand=1&vrijwilligersvergoeding_per_maand=100"
            "&aantal_medebewoners=3&medebewoners-0-leeftijd=17&medebewoners-1-leeftijd=30&medebewoners-1-onderwijs=wsf"
            "&medebewoners-2-leeftijd=40&medebewoners-2-relatie=familie&medebewoners-2-commerciele_relatie=on&taal=en")
# 2026, 30 years, bijstand: January € 150 for 30 hours (within), February € 300 for 10 hours with € 20 costs (above
# the hourly amount and the monthly maximum), March € 5 for 30 hours (looks like an hourly rate)
VRIJWILLIGERS = ("/vrijwilligersvergoeding?bereken=1&jaar=2026&leeftijd=30&ontvangt_bijstand=on&m1_vergoeding=150"
                 "&m1_uren=30&m2_vergoeding=300&m2_uren=10&m2_kosten=20&m3_vergoeding=5&m3_uren=30&taal=en")

RESULTATEN = {"bijstandsnorm": BIJSTAND, "vrijwilligersvergoeding": VRIJWILLIGERS}
# one English text of each kind the page shows, so the test sees the English and not just the absence of Dutch
ENGELS = {
    "bijstandsnorm": ("Cost-sharing norm per person (A = 2)", "Does not count: younger than 27 (aged 17).",
                      "Counts: the exception for a commercial relationship with the claimant (under b) does not apply "
                      "to a blood relative in the first or second degree.",
                      "Net income per month, converted from 4 weeks", "Legal basis: Participatiewet art. 22a(1)"),
    "vrijwilligersvergoeding": ("February: allowance per hour (age 30 on 1 February, 21 or older)",
                                "Above the hourly amount and above the monthly maximum",
                                "March: is €5.00 the allowance per hour?",
                                "Social assistance: deducted from the benefit in the year"),
}


def _nederlands(tekst: str) -> list[str]:
    return [w for w in NEDERLANDSE_WOORDEN if w in tekst]


@pytest.mark.parametrize("naam", RESULTATEN)
def test_engelse_uitkomst_zonder_nederlandse_rekenteksten(page, server, naam):
    page.goto(server + RESULTATEN[naam])
    assert page.locator("html").get_attribute("lang") == "en"
    tekst_pagina = page.locator("main").inner_text()
    for engels in ENGELS[naam]:
        assert engels in tekst_pagina, engels
    stappen = page.locator("ol.stappen > li")
    assert stappen.count() >= 8
    for i in range(stappen.count()):
        stap = stappen.nth(i)
        tekst = stap.inner_text()
        assert not _nederlands(tekst), f"stap {i + 1}: {tekst!r}"
        assert stap.get_attribute("lang") is None  # translated: no lang="nl" island
    # every step is in English, so no note that the steps are Dutch (the print notice shares the class)
    assert page.locator("section[aria-labelledby=stappen-titel] .taalnotitie").count() == 0
    waarschuwingen = page.locator(".waarschuwingen li").all()
    assert waarschuwingen
    for li in waarschuwingen:
        tekst = li.inner_text()
        if tekst.startswith("Provisional value used: "):
            assert "has not been confirmed by an official source" in tekst  # the frame; the description is data
            continue
        assert not _nederlands(tekst), tekst
        assert li.get_attribute("lang") is None
    if naam == "bijstandsnorm":
        # the reason (4th column) and the grondslag (5th) per medebewoner, in English, not marked Dutch: 17 years
        # (the opening words of art. 19a lid 1), WSF (onder d), the brother (counts: lid 1)
        cellen = page.locator("section[aria-labelledby=medebewoners-titel] tbody td:nth-child(4)").all()
        cellen += page.locator("section[aria-labelledby=medebewoners-titel] tbody td:nth-child(5)").all()
        assert len(cellen) == 6
        for cel in cellen:
            assert not _nederlands(cel.inner_text()), cel.inner_text()
            assert cel.get_attribute("lang") is None
        grondslagen = page.locator("section[aria-labelledby=medebewoners-titel] tbody td:nth-child(5)").all_inner_texts()
        assert grondslagen == ["Participatiewet art. 19a(1)", "Participatiewet art. 19a(1)(d)",
                               "Participatiewet art. 19a(1)"]
        # the summary's normartikel: a single person of 40 without children, art. 21 onder a
        norm = page.locator(".samenvatting dt").first
        assert norm.inner_text() == "Standard without cost-sharers (Participatiewet art. 21(a))", norm.inner_text()
        assert norm.locator("[lang=nl]").count() == 0
    else:
        # the verdict per month (9th column)
        for cel in page.locator("section[aria-labelledby=maanden-titel] tbody td:nth-child(9)").all():
            assert not _nederlands(cel.inner_text()), cel.inner_text()
    assert not page.console_fouten
    axe_check(page, f"{naam} (Engels)")


@pytest.mark.parametrize("naam", RESULTATEN)
def test_nederlandse_uitkomst_blijft_nederlands(page, server, naam):
    page.goto(server + RESULTATEN[naam].replace("&taal=en", "&taal=nl"))
    tekst = page.locator("ol.stappen").inner_text()
    assert "Grondslag: " in tekst
    assert ("Kostendelersnorm per persoon (A = 2)" if naam == "bijstandsnorm"
            else "Februari: vergoeding per uur (leeftijd 30 op 1 februari, vanaf 21 jaar)") in tekst

"""English result pages show no Dutch engine text (issue 16 part 4, issue 18 "English"): the steps, warnings and
the summary of a result come from the explanation catalogue by key (calculator/teksten/*.yaml), not from the
Dutch output. The result is opened the way a user shares it: a permalink with ?taal=en.

The bijstandsnorm and vrijwilligersvergoeding pages are in RESULTATEN too; tests/browser/test_engels_uitleg.py
checks their reasons per medebewoner and verdicts per month as well."""

from __future__ import annotations

import pytest

from .conftest import axe_check
from .test_engels_uitleg import BIJSTAND, VRIJWILLIGERS

# Words of the engine's Dutch texts that an English page must not show. Proper names stay (Participatiewet, Wml,
# Wfsv, Besluit minimumjeugdloon, Regeling ...: the law's own titles), so the list holds ordinary words only.
NEDERLANDSE_WOORDEN = (
    "Loonkostensubsidie per maand", "Vakantiebijslag", "Voorlopige waarde", "Minimumloon", "minimumloon",
    "inclusief", "afgerond", "jaar", "maand", "uur ", "werkgever", "Leeftijd", "Vastgesteld", "Verschil",
    "Totaal", "lid ", " onder ", "januari", "Quotumheffing", "quotumplichtig", "arbeidsplaatsen", "Benodigde",
    "Gerealiseerde", "Ontbrekende", "verloonde", "heffingsjaar", "niet geactiveerd", "Grondslag",
)

RESULTATEN = {
    "loonkostensubsidie": "/loonkostensubsidie?bereken=1&peildatum=15-01-2026&geboortedatum=01-05-1990"
                          "&uren_per_week=32&loonwaarde=60&taal=en",
    "loonkostensubsidie-forfaitair": "/loonkostensubsidie?bereken=1&peildatum=01-03-2026&leeftijd=19"
                                     "&uren_per_week=40&forfaitair=on&taal=en",
    "quotumheffing": "/quotumheffing?bereken=1&jaar=2024&sector=overheid&verloonde_uren_totaal=100000"
                     "&verloonde_uren_doelgroep=1000&verloonde_uren_doelgroep_ingeleend=429&taal=en",
    # the recipes of tests/browser/test_engels_uitleg.py (which also checks the reasons and verdicts per row)
    "bijstandsnorm": BIJSTAND,
    "vrijwilligersvergoeding": VRIJWILLIGERS,
}


def _nederlands(tekst: str) -> list[str]:
    return [w for w in NEDERLANDSE_WOORDEN if w in tekst]


@pytest.mark.parametrize("naam", RESULTATEN)
def test_engelse_uitkomst_zonder_nederlandse_rekenteksten(page, server, naam):
    page.goto(server + RESULTATEN[naam])
    assert page.locator("html").get_attribute("lang") == "en"
    stappen = page.locator("ol.stappen > li")
    assert stappen.count() >= 8
    for i in range(stappen.count()):
        stap = stappen.nth(i)
        tekst = stap.inner_text()
        assert not _nederlands(tekst), f"stap {i + 1}: {tekst!r}"
        assert stap.get_attribute("lang") is None  # translated: no lang="nl" island
    assert page.locator(".stap__grondslag").first.inner_text().startswith("Legal basis: ")
    # every step is in English, so no note that the steps are shown in Dutch
    assert page.locator("section[aria-labelledby=stappen-titel] .taalnotitie").count() == 0
    for li in page.locator(".waarschuwingen li").all():
        tekst = li.inner_text()
        if tekst.startswith("Provisional value used: "):
            # the fixed frame is English; the parameter's own description and note are Dutch data
            assert "has not been confirmed by an official source" in tekst
            continue
        assert not _nederlands(tekst), tekst
    samenvatting = page.locator(".samenvatting, .heffing-status").first.inner_text()
    assert not [w for w in ("Quotumheffing", "opgelegd", "geactiveerd", "betaalt") if w in samenvatting], samenvatting
    assert not page.console_fouten
    axe_check(page, f"{naam} (Engels)")


def test_nederlandse_uitkomst_blijft_nederlands(page, server):
    page.goto(server + RESULTATEN["loonkostensubsidie"].replace("taal=en", "taal=nl"))
    stappen = page.locator("ol.stappen").inner_text()
    assert "Loonkostensubsidie per maand" in stappen and "€ 2.294,40 × 32 / 36 = € 2.039,47" in \
        stappen.replace("\xa0", " ")
    assert "Participatiewet art. 10d lid 4" in stappen

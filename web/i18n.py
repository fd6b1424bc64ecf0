"""Locale selection and Dutch/English formatting of amounts and dates (Babel)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from flask import g, request

TALEN = {"nl": "nl_NL", "en": "en_GB"}


def gevraagde_taal() -> str:
    """The language the user asked for (?taal=, else the cookie, else Dutch)."""
    taal = request.args.get("taal") or request.cookies.get("taal") or "nl"
    return taal if taal in TALEN else "nl"


def huidige_taal() -> str:
    """The language of this page: the requested one, or Dutch for a page whose template has no translations
    yet (web.paginas marks it), so that the page never claims to be English while its text is Dutch."""
    if g.get("niet_vertaald"):
        return "nl"
    return gevraagde_taal()


def babel_locale() -> str:
    return TALEN[huidige_taal()]


def euro(bedrag: Decimal | None) -> str:
    """€ 1.234,56 (nl) or €1,234.56 (en)."""
    if bedrag is None:
        return "–"
    return format_currency(bedrag, "EUR", locale=babel_locale())


def getal(waarde) -> str:
    if waarde is None:
        return "–"
    return format_decimal(waarde, locale=babel_locale(), decimal_quantization=False)


def datum(d: date | str | None) -> str:
    """1 januari 2026 (nl) or 1 January 2026 (en)."""
    if d is None:
        return "–"
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return format_date(d, format="long", locale=babel_locale())


def maandnaam(maand: date | str | None) -> str:
    """"2026-03" -> "maart 2026" (nl) or "March 2026" (en)."""
    if maand is None:
        return "–"
    if isinstance(maand, str):
        maand = date.fromisoformat(maand[:7] + "-01")
    return format_date(maand, format="LLLL yyyy", locale=babel_locale())


# --- Texts that are not in a template --------------------------------------------------------------
# The registry (titles, descriptions) and the schemas (validation messages) speak Dutch. Listing a text
# here with N_() puts it in the catalogue (pybabel extract -k N_), and `vertaal()` translates it on
# English pages. A text not listed is shown as it is (Dutch), never an error.


def N_(tekst: str) -> str:
    """Marks a text for extraction; translated later by `vertaal()`."""
    return tekst


VASTE_TEKSTEN = (
    # api.soorten registry (titel, omschrijving)
    N_("Loonkostensubsidie"),
    N_("Loonkostensubsidie (Participatiewet art. 10d) per maand en per kalenderjaar, uit de loonwaarde en het wettelijk minimumloon."),
    N_("Bijstandsnorm en kostendelersnorm"),
    N_("Bijstandsnorm van het huishouden (Participatiewet art. 20-22a) met de kostendelersnorm, per medebewoner of hij meetelt, en de aanvullende bijstand naast inkomsten na de vrijlatingen (art. 31)."),
    N_("Quotumheffing"),
    N_("Quotumheffing voor een werkgever (Wet banenafspraak en quotum arbeidsbeperkten; Wfsv art. 38a-38g): quotumplicht, benodigde, gerealiseerde en ontbrekende arbeidsplaatsen, en de heffing zoals die zou zijn."),
    N_("Vrijwilligersvergoeding"),
    N_("Toets of een vrijwilligersvergoeding binnen de fiscale grenzen per uur, maand en jaar blijft, welk deel belast is, en hoeveel een bijstandsgerechtigde mag houden (Participatiewet art. 31 lid 2 onder k)."),
    # api.fields validation messages
    N_("Dit veld is verplicht."),
    N_("Dit veld mag niet leeg zijn."),
    N_("Onbekend veld."),
    N_("Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01."),
    N_("Geen geldige datum; gebruik JJJJ-MM-DD."),
    N_("Geen geldig getal."),
    N_("Dit getal is te groot."),
    N_("Geen geldig geheel getal."),
    N_("Kies ja (true) of nee (false)."),
    N_("Verwacht tekst."),
)

# Messages with values in them: (pattern on the Dutch text, catalogue text with the same named values)
PATRONEN = (
    (re.compile(r"Vul een waarde van (?P<min>\S+) tot en met (?P<max>\S+) in\."), N_("Vul een waarde van %(min)s tot en met %(max)s in.")),
    (re.compile(r"Vul een waarde groter dan (?P<min>\S+) in\."), N_("Vul een waarde groter dan %(min)s in.")),
    (re.compile(r"Vul een waarde van (?P<min>\S+) of meer in\."), N_("Vul een waarde van %(min)s of meer in.")),
    (re.compile(r"Kies een van: (?P<keuzes>.+)\."), N_("Kies een van: %(keuzes)s.")),
)


def vertaal(tekst) -> str:
    """Translate a text from outside the templates when the catalogue has it; otherwise return it as it is.
    Plain text (not Markup): Jinja still escapes it."""
    if tekst is None:
        return ""
    tekst = str(tekst)
    from flask_babel import gettext

    if huidige_taal() == "nl":
        return tekst
    vertaald = gettext(tekst)
    if vertaald != tekst:
        return vertaald
    for patroon, bericht in PATRONEN:
        m = patroon.fullmatch(tekst)
        if m:
            return gettext(bericht) % m.groupdict()
    return tekst

"""Locale selection and Dutch/English formatting of amounts and dates (Babel)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date, get_month_names
from babel.numbers import format_currency, format_decimal
from flask import g, request

from calculator.explanation import Melding, Msgid
from soorten import uitleg

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


def euro(bedrag: Decimal | None, exact: bool = False) -> str:
    """€ 1.234,56 (nl) or €1,234.56 (en). exact=True keeps digits beyond the cent (€ 43,125), for an amount the
    form computed (vergoeding per uur × uren) and shows as it is used."""
    if bedrag is None:
        return "–"
    return format_currency(bedrag, "EUR", locale=babel_locale(), decimal_quantization=not exact)


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


def naam_van_maand(maand: int) -> str:
    """3 -> "maart" (nl) or "March" (en): the month on its own, as in a table row."""
    return get_month_names("wide", context="stand-alone", locale=babel_locale())[int(maand)]


# --- Texts that are not in a template --------------------------------------------------------------
# The registry (titles, descriptions) and the schemas (validation messages) speak Dutch. Listing a text
# here with N_() puts it in the catalogue (pybabel extract -k N_), and `vertaal()` translates it on
# English pages. A text not listed is shown as it is (Dutch), never an error.


def N_(tekst: str) -> str:
    """Marks a text for extraction; translated later by `vertaal()`."""
    return tekst


VASTE_TEKSTEN = (
    # soorten.register registry (titel, omschrijving) of the rules whose texts are not yet in calculator/teksten
    N_("Bijstandsnorm en kostendelersnorm"),
    N_("Bijstandsnorm van het huishouden (Participatiewet art. 20-22a) met de kostendelersnorm, per medebewoner of hij meetelt, en de aanvullende bijstand naast inkomsten na de vrijlatingen (art. 31)."),
    N_("Vrijwilligersvergoeding"),
    N_("Toets of een vrijwilligersvergoeding binnen de fiscale grenzen per uur, maand en jaar blijft, welk deel belast is, en hoeveel een bijstandsgerechtigde mag houden (Participatiewet art. 31 lid 2 onder k)."),
    # soorten.fields validation messages
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
    # soorten.schemas and calculator: input the rules cannot apply to (shown on the forms)
    N_("Vul een geboortedatum of een leeftijd in."),
    N_("Vul een geboortedatum óf een leeftijd in, niet allebei."),
    N_("De geboortedatum ligt na de peildatum."),
    N_("Gebruik ten hoogste 20 decimalen."),  # soorten.fields.Getal (issue 19)
    N_("De geboortedatum ligt meer dan 125 jaar in het verleden."),
    N_("De geboortedatum ligt na het gekozen jaar."),
    N_("Vul de loonwaarde in (0 tot en met 100), of kies forfaitair."),
    N_("De aangetoonde kosten kunnen niet hoger zijn dan de vergoeding van die maand."),
    N_("De verloonde uren van werknemers uit de doelgroep kunnen niet meer zijn dan het totaal aantal verloonde uren. Ingeleende uren vult u apart in."),
    N_("De belanghebbende en de partner moeten 18 jaar of ouder zijn: de Participatiewet kent geen bijstandsnorm onder de 18 jaar."),
    N_("De partner is twee keer opgegeven: hij of zij staat al bij 'partner' en is geen medebewoner."),
    N_("Een partner is geen medebewoner: vul de partner in bij 'partner'."),
    N_("De vrijlating voor een alleenstaande ouder kan niet met een partner."),
    N_("De aanvang van het onderwijs is alleen nodig bij onderwijs buiten Nederland (buitenland)."),
    N_("De aanvang van het onderwijs ligt na de peildatum."),
    # web.batch
    N_("Kies een berekening."),
    N_("Kies een CSV-bestand."),
)

# Messages with values in them that are not yet raised as a Melding/Msgid (texts of rules not yet in
# calculator/teksten, and soorten.getallen): (pattern on the Dutch text, catalogue text with the same named values).
# The field messages of soorten.fields (ranges, choices, list length) are Msgids and the engine's messages of the
# converted rules are Meldingen: `vertaal` translates those by key. Their msgids stay listed here for the .po.
MSGIDS = (
    N_("Vul een waarde van %(min)s tot en met %(max)s in."),
    N_("Vul een waarde groter dan %(min)s in."),
    N_("Vul een waarde van %(min)s of meer in."),
    N_("Kies een van: %(keuzes)s."),
    N_("Deze lijst is te lang: ten hoogste %(n)s elementen."),
)

# The messages with values are Msgids (soorten.fields, soorten.getallen) or Meldingen (calculator/teksten):
# `vertaal` translates them by key. No text is matched against a pattern any more (issue 16 part 4).
MSGIDS_MET_WAARDEN = (
    N_("Vul ten hoogste %(n)s medebewoners in."),
    N_("'%(tekst)s' is dubbelzinnig: een punt gevolgd door drie cijfers kan duizendtallen scheiden of een decimaalpunt zijn. Schrijf %(groot)s (zonder punt) als u duizendtallen bedoelt, of %(klein)s (met een komma) als u een decimaal getal bedoelt."),
)


# The schemas' date messages name the ISO format (the API's); on a form, where 15-01-2026 is accepted too
# (soorten.getallen.tekst_naar_waarde), the message names the Dutch one (issue 18).
FORMULIER_TEKSTEN = {
    "Geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01.":
        N_("Geen geldige datum; gebruik DD-MM-JJJJ, bijvoorbeeld 15-01-2026."),
    "Geen geldige datum; gebruik JJJJ-MM-DD.": N_("Geen geldige datum; gebruik DD-MM-JJJJ, bijvoorbeeld 15-01-2026."),
}


def vertaal(tekst) -> str:
    """Translate a text from outside the templates; otherwise return it as it is. Plain text (not Markup):
    Jinja still escapes it.

    An engine message (calculator.explanation.Melding: a warning, a reason, a rule error) is rendered by its key
    from the explanation catalogue (calculator/teksten/*.yaml) in the page's language; a gettext-style message
    with values (Msgid, e.g. a field's range message) through the .po catalogue with its values in the page's
    notation. Other texts: the .po catalogue (VASTE_TEKSTEN), then the patterns below (texts of rules that do
    not yet give a Melding)."""
    if tekst is None:
        return ""
    from flask_babel import gettext

    if isinstance(tekst, Melding):
        taal = huidige_taal()
        if isinstance(tekst, Msgid):
            vervanging = FORMULIER_TEKSTEN.get(tekst.sleutel)
            if vervanging is not None:
                return gettext(vervanging)
            return uitleg.tekst(tekst, taal, gettext=gettext if taal != "nl" else None)
        return uitleg.tekst(tekst, taal)
    tekst = FORMULIER_TEKSTEN.get(str(tekst), str(tekst))

    if huidige_taal() == "nl":
        return tekst
    return gettext(tekst)

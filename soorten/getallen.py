"""Text as people type it, to the value the input schemas expect: the one converter for every channel that takes
text (issue 16 part 3). `tekst_naar_waarde(tekst, veldsoort)` is called by the web forms (web.formulier_naar_invoer,
the scenario page, the batch page's peildatum) and by the batch for every CSV cell and every .xlsx cell
(batch.verwerking.cel_naar_json; batch.xlsx turns a cell into the text a CSV would have). The JSON API takes numbers
as JSON numbers or as plain strings ("1234.56") and does not come here.

Veldsoorten: getal (a Dutch number), geheel (a whole number, "%" allowed), datum (JJJJ-MM-DD or DD-MM-JJJJ),
janee (JA / NEE below, any case) and tekst (unchanged). What breaks a rule is passed on (an OngeldigGetal with its
message, or the text itself), so the schema reports it at the field's path like any other error.

The rule (README, "Getallen in formulieren en CSV"):
- spaces (also non-breaking), "€" and, for whole numbers, "%" are left out; only ASCII digits 0-9, one
  leading + or -, "." and "," may remain (no digits of other scripts, no "3_2", no exponent);
- with a comma: the comma is the decimal comma (one only), dots before it separate thousands in groups of
  three ("1.234,56" = 1234.56; "1.23,4" is refused);
- without a comma: two or more dots separate thousands ("1.234.567" = 1234567); one dot followed by exactly
  three digits is ambiguous ("100.000": a hundred or a hundred thousand?) and refused with a message that
  says how to write it; any other single dot is a decimal point ("30.5", "0.25", "1234.5").
Issue 19: "100.000" was 100 in a quotumheffing CSV and 100 000 in the form.
"""

from __future__ import annotations

import re

from calculator.explanation import Msgid

_DUIZENDTALLEN = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+", re.ASCII)  # "0.125" is a decimal
_CIJFERS = re.compile(r"[0-9]+", re.ASCII)
_DECIMAAL = re.compile(r"[0-9]*\.[0-9]+|[0-9]+\.?", re.ASCII)
_WEG = str.maketrans("", "", " \N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}\N{THIN SPACE}\t€")

# A gettext msgid (Msgid): the API gets it filled in with the values; an English page translates it by key (the .po)
DUBBELZINNIG = ("'%(tekst)s' is dubbelzinnig: een punt gevolgd door drie cijfers kan duizendtallen scheiden of een "
                "decimaalpunt zijn. Schrijf %(groot)s (zonder punt) als u duizendtallen bedoelt, of %(klein)s (met een komma) "
                "als u een decimaal getal bedoelt.")


class OngeldigGetal(str):
    """Text that is not a number by the rule above; the input schema (soorten.fields.Getal/Geheel) reports
    `bericht` at the field's path, like any other field error."""

    def __new__(cls, tekst: str, bericht: str):
        obj = super().__new__(cls, tekst)
        obj.bericht = bericht
        return obj


def nederlands_getal(tekst: str) -> str:
    """A typed number -> its plain notation for the schema ("1.234,56" -> "1234.56"); an OngeldigGetal when it
    is ambiguous; any other text unchanged (the schema refuses it: "Geen geldig getal.")."""
    t = tekst.translate(_WEG)
    teken = ""
    if t[:1] in ("+", "-"):
        teken, t = ("-" if t[0] == "-" else ""), t[1:]
    if not t or any(c not in "0123456789.," for c in t):
        return tekst
    if "," in t:
        geheel, _, breuk = t.partition(",")
        if "," in breuk or not _CIJFERS.fullmatch(breuk) or not (
                _CIJFERS.fullmatch(geheel) or _DUIZENDTALLEN.fullmatch(geheel)):
            return tekst
        return f"{teken}{geheel.replace('.', '')}.{breuk}"
    if t.count(".") == 1 and _DUIZENDTALLEN.fullmatch(t):
        klein = t.replace(".", ",")
        groot = t.replace(".", "")
        return OngeldigGetal(tekst, Msgid(DUBBELZINNIG, tekst=tekst.strip(), groot=groot, klein=klein))
    if _DUIZENDTALLEN.fullmatch(t):
        return teken + t.replace(".", "")
    if _DECIMAAL.fullmatch(t):
        return teken + t
    return tekst


def nederlands_geheel(tekst: str):
    """A typed whole number (a "%" allowed) -> int, or the text for the schema to refuse (an OngeldigGetal
    when it breaks the rule, the plain notation when it is a number with a fraction)."""
    getal = nederlands_getal(tekst.replace("%", ""))
    if isinstance(getal, OngeldigGetal):
        return OngeldigGetal(tekst, getal.bericht)
    if _CIJFERS.fullmatch(getal.lstrip("-")) and len(getal) < 20:
        return int(getal)
    return getal


_NL_DATUM = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", re.ASCII)


def nl_datum_naar_iso(waarde: str) -> str:
    """"15-01-2026" (dd-mm-jjjj, also with / or . and without leading zeros: typed or pasted without the date
    picker) -> "2026-01-15". Anything else is returned as it is, so the schema reports it (issue 18).
    The one date rule for text input: web forms (web.formulier_naar_invoer) and batch cells (batch.verwerking)."""
    m = _NL_DATUM.fullmatch(waarde.strip())
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else waarde


# ja/nee as text: a CSV cell, a form field (a checkbox sends "on"; not ticked it sends nothing: the form's False)
JA = frozenset({"ja", "j", "true", "waar", "1", "yes", "y", "on"})
NEE = frozenset({"nee", "n", "false", "onwaar", "0", "no", "off"})


def ja_nee(tekst: str):
    """ "ja"/"nee" (and the words above) -> True/False; other text unchanged, for the schema to refuse."""
    t = tekst.strip().lower()
    return True if t in JA else False if t in NEE else tekst


def tekst_naar_waarde(tekst: str, veldsoort: str):
    """Typed text -> the JSON value for the input schema, by the kind of field (see the module docstring)."""
    if veldsoort == "getal":
        return nederlands_getal(tekst)
    if veldsoort == "geheel":
        return nederlands_geheel(tekst)
    if veldsoort == "datum":
        return nl_datum_naar_iso(tekst)
    if veldsoort == "janee":
        return ja_nee(tekst)
    return tekst


__all__ = ["JA", "NEE", "OngeldigGetal", "ja_nee", "nederlands_getal", "nederlands_geheel", "nl_datum_naar_iso",
           "tekst_naar_waarde"]

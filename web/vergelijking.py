"""Web page: the same case on two dates, side by side (the "Vergelijk met een ander jaar" action of
every result page). Generic over the registry: the case arrives as the soort and its rekenbewijs input
(JSON in the query string, nothing is stored), and is computed by api.vergelijking.vergelijk."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask import Blueprint, abort, render_template, request

from soorten.json_exact import naar_json, uit_json
from soorten.register import SOORTEN
from api.vergelijking import vergelijk

from . import csrf_controle
from .i18n import N_
from .grafieken import datum_arg

bp = Blueprint("vergelijking", __name__)
bp.before_request(csrf_controle)

MAX_INVOER = 20_000  # characters of JSON in the query string


def _jaar_eerder(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


@bp.get("/vergelijking")
def vergelijking():
    soort = SOORTEN.get(request.args.get("soort", ""))
    ruw = request.args.get("invoer", "")
    if soort is None or not ruw or len(ruw) > MAX_INVOER:
        abort(404)
    try:
        invoer = uit_json(ruw.encode("utf-8", "surrogatepass"))  # numbers exact, as in the API (issue 19)
    except (ValueError, RecursionError):  # also DubbeleSleutel and bad UTF-8
        abort(400)
    if not isinstance(invoer, dict):
        abort(400)
    # the rekenbewijs lists every field, unset ones as null: leave those out so the defaults apply
    invoer = {k: v for k, v in invoer.items() if v is not None}
    peil = invoer.get(soort.datumveld)
    if peil is None:
        basis = date.today()
    else:
        try:  # issue 19: {"jaar": 1e20}, Infinity and "3000000000" gave a 500 (OverflowError)
            if soort.datumveld == "jaar":
                if type(peil) is bool or not isinstance(peil, (int, str, Decimal)) or not 1 <= int(peil) <= 9999:
                    raise ValueError
                basis = date(int(peil), 7, 1)
            else:
                basis = date.fromisoformat(str(peil))
        except (TypeError, ValueError, OverflowError, ArithmeticError):
            abort(400)
    van, fout_van = datum_arg("van", _jaar_eerder(basis))
    tot, fout_tot = datum_arg("tot", basis)
    # issue 17: a result computed with a scenario is compared with that scenario on both dates; it travels as the
    # compact `s` of the scenario page and the permalinks. A damaged `s` is an error on the page, never a silent
    # comparison with the official values.
    from .scenario import formulier_scenario

    fs = formulier_scenario()
    if fs["fouten"]:
        return render_template("vergelijking/vergelijking.html", soort=soort, invoer=invoer,
                               invoer_json=naar_json(invoer).decode(), van=van, tot=tot, u={"uitkomsten": []},
                               rijen=[], meldingen=[m for m in (fout_van, fout_tot) if m],
                               scenario_fouten=fs["fouten"]), 422
    uitkomst = vergelijk(soort, invoer, [van, tot], fs["scenario"])
    rijen = []
    if len([u for u in uitkomst["uitkomsten"] if "resultaat" in u]) == 2:
        # money fields of the result, without the month-by-month lists (those are on the result pages)
        rijen = [v for v in uitkomst["uitkomsten"][1]["verschillen"] if "[" not in v["veld"]]
    return render_template("vergelijking/vergelijking.html", soort=soort, invoer=invoer, invoer_json=naar_json(invoer).decode(),
                           van=van, tot=tot, u=uitkomst, rijen=rijen,
                           meldingen=[m for m in (fout_van, fout_tot) if m], scenario_fouten=[])


def veldnaam(veld: str) -> str:
    """"per_jaar.loonkostensubsidie" -> "per jaar: loonkostensubsidie" (a field without a label in VELDLABELS)."""
    return ": ".join(deel.replace("_", " ") for deel in veld.split("."))


# The amounts of a result as the result pages name them (issue 18: the rows said "wml per maand incl
# vakantiebijslag" and "per jaar: totaal"); the API's field name is behind "Technische details" on the page.
VELDLABELS = {
    "loonkostensubsidie": {
        "wml_per_uur": N_("Minimumloon per uur"),
        "wml_per_uur_indicatief": N_("Minimumloon per uur (indicatief)"),
        "wml_per_maand": N_("Minimumloon per maand"),
        "vakantiebijslag": N_("Vakantiebijslag per maand"),
        "wml_per_maand_incl_vakantiebijslag": N_("Minimumloon per maand met vakantiebijslag"),
        "loonwaarde_per_maand": N_("Loonwaarde per maand"),
        "maximum_loonkostensubsidie": N_("Hoogste loonkostensubsidie per maand"),
        "loonkostensubsidie": N_("Loonkostensubsidie per maand"),
        "werkgeverslasten": N_("Vergoeding werkgeverslasten per maand"),
        "totaal": N_("Loonkostensubsidie met werkgeverslasten per maand"),
        "functieloon_per_maand_incl_vakantiebijslag": N_("Functieloon per maand met vakantiebijslag"),
        "eigen_kosten_werkgever_boven_wml": N_("Kosten van de werkgever boven het minimumloon per maand"),
        "per_jaar.loonkostensubsidie": N_("Loonkostensubsidie per jaar"),
        "per_jaar.werkgeverslasten": N_("Vergoeding werkgeverslasten per jaar"),
        "per_jaar.totaal": N_("Loonkostensubsidie met werkgeverslasten per jaar"),
    },
    "bijstandsnorm": {
        "norm_per_persoon": N_("Norm per persoon (kostendelersnorm)"),
        "verhoging_jongeren": N_("Verhoging voor een jongere zonder beroep op de ouders"),
        "gehuwdennorm_b": N_("Gehuwdennorm (B in de formule)"),
        "norm": N_("Bijstandsnorm per maand"),
        "norm_excl_vakantietoeslag": N_("Bijstandsnorm zonder vakantietoeslag"),
        "vakantietoeslag": N_("Vakantietoeslag per maand"),
        "norm_zonder_kostendelers": N_("Bijstandsnorm zonder kostendelers"),
        "verschil": N_("Verschil door de kostendelersnorm"),
        "netto_inkomsten_per_maand": N_("Netto inkomsten per maand"),
        "netto_inkomsten_per_vier_weken": N_("Netto inkomsten per 4 weken"),
        "inkomstenvrijlating.maximum": N_("Hoogste inkomstenvrijlating per maand"),
        "inkomstenvrijlating.bedrag": N_("Inkomstenvrijlating per maand"),
        "vrijwilligersvergoeding.vergoeding": N_("Vrijwilligersvergoeding per maand"),
        "vrijwilligersvergoeding.vrijgelaten": N_("Vrijgelaten vrijwilligersvergoeding per maand"),
        "vrijwilligersvergoeding.maximum_per_maand": N_("Hoogste vrijlating vrijwilligersvergoeding per maand"),
        "vrijwilligersvergoeding.maximum_per_jaar": N_("Hoogste vrijlating vrijwilligersvergoeding per jaar"),
        "vrijgelaten": N_("Vrijgelaten inkomsten per maand"),
        "in_aanmerking_genomen_inkomsten": N_("Inkomsten die meetellen per maand"),
        "aanvullende_bijstand": N_("Aanvullende bijstand per maand"),
    },
    "quotumheffing": {
        "heffing": N_("Quotumheffing"),
        "te_betalen_heffing": N_("Te betalen quotumheffing"),
    },
    "vrijwilligersvergoeding": {
        "totaal_vergoeding": N_("Vergoeding in het jaar"),
        "totaal_aangetoonde_kosten": N_("Aangetoonde kosten in het jaar"),
        "max_per_jaar": N_("Jaarmaximum vrijwilligersvergoeding"),
        "belastbaar_bedrag": N_("Belast bedrag"),
        "belastbaar_bedrag_als_marktconform": N_("Belast bedrag als de vergoeding marktconform is"),
        "onbelast_bedrag": N_("Onbelast bedrag"),
        "bijstand.max_per_jaar": N_("Bijstand: hoogste vrijlating per jaar"),
        "bijstand.vrijgelaten": N_("Bijstand: vrijgelaten in het jaar"),
        "bijstand.in_mindering": N_("Bijstand: in mindering gebracht in het jaar"),
        "bijstand.jaarmaximum_gebruikt": N_("Bijstand: gebruikt van het jaarmaximum"),
    },
}


def veldlabel(soort: str, veld: str) -> str:
    """The label of an amount of soort `soort` in the page's language; the readable field name when it has none."""
    from flask_babel import gettext

    label = VELDLABELS.get(soort, {}).get(veld)
    return gettext(label) if label else veldnaam(veld)


@bp.app_template_filter("veldnaam")
def _veldnaam(veld: str) -> str:
    return veldnaam(veld)


@bp.app_template_global("veldlabel")
def _veldlabel(soort: str, veld: str) -> str:
    return veldlabel(soort, veld)

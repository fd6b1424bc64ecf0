"""Charts, drawn on the server with matplotlib (Agg/SVG backend): no JavaScript, printable, served as
<img> with alt text; every page that shows a chart also shows the same numbers in a table.

Data comes from the parameter files and, for the LKS chart, from the engine itself (SOORTEN), so the
charts never hold a second copy of a rule. Amounts are converted to float only to draw them.
"""

from __future__ import annotations

import io
import re
import threading
import time
from datetime import date
from decimal import Decimal
from bisect import bisect_right
from collections import OrderedDict, deque
from decimal import ROUND_HALF_UP
from functools import lru_cache

from flask import Blueprint, Response, current_app, render_template, request
from flask_babel import gettext

from soorten.getallen import OngeldigGetal, tekst_naar_waarde
from soorten.register import SOORTEN, Fout, laad_invoer, reken
from parameters import ParameterSet, default_parameters

from . import csrf_controle
from .i18n import babel_locale, datum as i18n_datum, getal, huidige_taal

bp = Blueprint("grafieken", __name__)
bp.before_request(csrf_controle)

KLEUREN = ["#01689b", "#d52b1e", "#39870c", "#8f4a9e", "#e17000", "#275937", "#a90061", "#6e4a13", "#42145f"]
LIJNSTIJLEN = ["-", "--", "-.", ":"]
BIJSTAND_BESTAND = "bijstandsnormen.yaml"
LKS_STAPPEN = list(range(0, 101, 5))


# --- data ---------------------------------------------------------------------------------------------


def reeks(params: ParameterSet, naam: str) -> list[tuple[date, Decimal | None, str]]:
    """[(vanaf, waarde or None when vervallen, status)] of one parameter."""
    p = params.parameter(naam)
    return [(e.vanaf, None if e.value is None else e.value.waarde, "" if e.value is None else e.value.status)
            for e in p.entries]


def wml_gegevens(params: ParameterSet) -> list[dict]:
    """The WML for 21 and older: per month until 2024, per hour since (Wet invoering minimumuurloon)."""
    rijen = []
    for naam, per in (("wml.maandloon", "maand"), ("wml.uurloon", "uur")):
        if naam not in params:
            continue
        for vanaf, waarde, status in reeks(params, naam):
            if waarde is not None:
                rijen.append({"vanaf": vanaf, "per": per, "waarde": waarde, "status": status, "naam": naam})
    return sorted(rijen, key=lambda r: (r["vanaf"], r["per"]))


def bijstand_namen(params: ParameterSet) -> list[str]:
    """The bijstandsnormen to draw, read from the file: the norms of 21 to AOW age and from AOW age
    (the others are in the parameter browser). Empty when the file is not there (yet)."""
    kandidaten = [p.naam for p in params if p.bestand == BIJSTAND_BESTAND and p.eenheid == "EUR"]
    hoofd = [n for n in kandidaten if ".norm_21." in n or ".norm_aow." in n]
    return hoofd or [n for n in kandidaten if ".norm" in n][:6]


def bijstand_gegevens(params: ParameterSet) -> tuple[list[str], list[dict]]:
    namen = bijstand_namen(params)
    data: dict[date, dict] = {}
    for naam in namen:
        for vanaf, waarde, status in reeks(params, naam):
            data.setdefault(vanaf, {})[naam] = (waarde, status)
    return namen, [{"vanaf": d, "waarden": data[d]} for d in sorted(data)]


def lks_gegevens(van: date, tot: date, uren: Decimal) -> list[dict]:
    """LKS per month for loonwaarde 0-100 % on two dates, computed by the engine (21 jaar of ouder)."""
    soort = SOORTEN["loonkostensubsidie"]
    rijen = []
    for lw in LKS_STAPPEN:
        rij = {"loonwaarde": lw}
        for sleutel, datum in (("van", van), ("tot", tot)):
            try:
                invoer = laad_invoer(soort, soort.met_datum(
                    {"leeftijd": 30, "uren_per_week": str(uren), "loonwaarde": lw}, datum))
                rij[sleutel] = reken(soort, invoer).resultaat["loonkostensubsidie"]
            except Fout as exc:
                rij[sleutel] = None
                rij[f"{sleutel}_fout"] = exc.fouten[0]["bericht"]
        rijen.append(rij)
    return rijen


# --- drawing ------------------------------------------------------------------------------------------


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 10, "axes.spines.top": False, "axes.spines.right": False,
                         "svg.hashsalt": "rekenhulp", "svg.fonttype": "path"})
    return plt


def _svg(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    return zonder_inline_stijl(buf.getvalue())


_STIJL = re.compile(rb' style="([^"]*)"')
_STIJLBLOK = re.compile(rb'<style type="text/css">\*\{([^}]*)\}</style>')
_EIGENSCHAP = re.compile(rb"^[a-z-]+$")


def zonder_inline_stijl(svg: bytes) -> bytes:
    """matplotlib's SVG styles with style="fill: ...; stroke: ..." attributes and a <style> element, which a CSP
    only allows with style-src 'unsafe-inline' (issue 19). Every property it writes there (fill, stroke,
    stroke-width, stroke-linecap, ...) is also an SVG presentation attribute: written as those, and the
    <style> element's rule for every element (stroke-linejoin, stroke-linecap: inherited) on the root <svg>."""

    def attributen(tekst: bytes) -> bytes:
        uit = []
        for deel in tekst.split(b";"):
            naam, _, waarde = deel.partition(b":")
            naam, waarde = naam.strip(), waarde.strip()
            if naam and _EIGENSCHAP.match(naam):
                uit.append(b' %s="%s"' % (naam, waarde))
        return b"".join(uit)

    blok = _STIJLBLOK.search(svg)
    svg = _STIJLBLOK.sub(b"", svg)
    svg = _STIJL.sub(lambda m: attributen(m.group(1)), svg)
    if blok:
        svg = svg.replace(b"<svg ", b"<svg" + attributen(blok.group(1)) + b" ", 1)
    return svg


def euro_label(waarde: float, decimalen: int, locale: str) -> str:
    """A tick of the amount axis in the page's notation: "€ 1.500" (nl) or "€1,500" (en)."""
    from babel.numbers import format_currency

    patroon = ("¤\xa0#,##0" if str(locale).startswith("nl") else "¤#,##0") + ("." + "0" * decimalen if decimalen else "")
    return format_currency(waarde, "EUR", format=patroon, locale=locale, currency_digits=False)


def datum_label(d: date, locale: str) -> str:
    """A tick of the date axis in the page's language: "jan. 2024" (nl) or "Jan 2024" (en), not matplotlib's
    ISO dates (issue 18)."""
    from babel.dates import format_date

    return format_date(d, format="MMM yyyy", locale=locale)


def _euro_as(ax, decimalen: int = 0):
    from matplotlib.ticker import FuncFormatter

    locale = babel_locale()
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: euro_label(v, decimalen, locale)))


def _datum_as(ax):
    from matplotlib.dates import AutoDateLocator, num2date
    from matplotlib.ticker import FuncFormatter

    locale = babel_locale()
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=6))  # "jan 2024" is longer than matplotlib's "2024"
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: datum_label(num2date(v).date(), locale)))


def _trap(ax, punten: list[tuple[date, float]], eind: date, **kw):
    """A step line: each value holds from its date until the next (or `eind`)."""
    if not punten:
        return
    xs = [d for d, _ in punten] + [eind]
    ys = [v for _, v in punten] + [punten[-1][1]]
    ax.step(xs, ys, where="post", linewidth=2, **kw)


def wml_svg(params: ParameterSet) -> bytes:
    plt = _plt()
    rijen = wml_gegevens(params)
    fig, (links, rechts) = plt.subplots(1, 2, figsize=(9, 3.6), gridspec_kw={"width_ratios": [2, 3]})
    for ax, per, titel in ((links, "maand", gettext("Per maand (tot 2024)")), (rechts, "uur", gettext("Per uur (vanaf 2024)"))):
        # wml.maandloon continues from 2024 (the referentieminimummaandloon of Wml art. 8 lid 1 onder b, for the
        # loonkostensubsidie); this chart shows the monthly amount only until the hourly WML took over
        overgang = params.parameter("wml.uurloon").entries[0].vanaf
        punten = [(r["vanaf"], float(r["waarde"])) for r in rijen
                  if r["per"] == per and (per == "uur" or r["vanaf"] < overgang)]
        if punten:
            eind = overgang if per == "maand" else params.parameter("wml.uurloon").bekend_tot
            _trap(ax, punten, eind, color=KLEUREN[0])
            for r in rijen:
                if r["per"] == per and r["status"] == "voorlopig" and (per == "uur" or r["vanaf"] < overgang):
                    ax.plot([r["vanaf"]], [float(r["waarde"])], "o", color=KLEUREN[1], label=gettext("voorlopig"))
        ax.set_title(titel)
        _euro_as(ax, 0 if per == "maand" else 2)
        _datum_as(ax)
        ax.grid(axis="y", alpha=0.3)
        handles, labels = ax.get_legend_handles_labels()
        if handles:
            ax.legend(handles[:1], labels[:1], frameon=False, loc="lower right")
    fig.suptitle(gettext("Wettelijk minimumloon, 21 jaar en ouder, bruto"), y=1.04)
    fig.autofmt_xdate()
    return _svg(fig)


def bijstand_svg(params: ParameterSet) -> bytes:
    plt = _plt()
    namen, _ = bijstand_gegevens(params)
    fig, ax = plt.subplots(figsize=(9, 4))
    for i, naam in enumerate(namen):
        p = params.parameter(naam)
        punten = [(vanaf, float(w)) for vanaf, w, _ in reeks(params, naam) if w is not None]
        _trap(ax, punten, p.bekend_tot, color=KLEUREN[i % len(KLEUREN)],
              linestyle=LIJNSTIJLEN[i % len(LIJNSTIJLEN)], label=korte_naam(naam))
    ax.set_title(gettext("Bijstandsnormen per maand"))
    _euro_as(ax)
    _datum_as(ax)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1, 0.5))
    fig.autofmt_xdate()
    return _svg(fig)


def lks_svg(van: date, tot: date, uren: Decimal) -> bytes:
    plt = _plt()
    rijen = lks_gegevens(van, tot, uren)
    fig, ax = plt.subplots(figsize=(8, 4))
    for i, (sleutel, datum) in enumerate((("van", van), ("tot", tot))):
        punten = [(r["loonwaarde"], float(r[sleutel])) for r in rijen if r[sleutel] is not None]
        if punten:
            ax.plot([p[0] for p in punten], [p[1] for p in punten], marker="o", markersize=3,
                    color=KLEUREN[i], linestyle=LIJNSTIJLEN[i], linewidth=2, label=gettext("peildatum %(datum)s", datum=i18n_datum(datum)))
    ax.set_xlabel(gettext("Loonwaarde (% van het minimumloon)"))
    ax.set_ylabel(gettext("Loonkostensubsidie per maand"))
    ax.set_title(gettext("Loonkostensubsidie tegen loonwaarde, %(uren)s uur per week, 21 jaar of ouder",
                         uren=getal(uren)))
    ax.set_xlim(0, 100)
    _euro_as(ax)
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    return _svg(fig)


def korte_naam(naam: str) -> str:
    """A legend label: the description when short, else the name made readable
    ("bijstand.norm_21.gehuwden" -> "21 jaar tot AOW-leeftijd: gehuwden")."""
    p = default_parameters().parameter(naam)
    if len(p.omschrijving) <= 50:
        return p.omschrijving
    delen = naam.split(".")
    groep = {"norm_21": gettext("21 jaar tot AOW-leeftijd"), "norm_aow": gettext("vanaf AOW-leeftijd"),
             "norm_jongeren": gettext("18 tot 21 jaar")}.get(delen[-2] if len(delen) > 1 else "", delen[-2] if len(delen) > 1 else "")
    return f"{groep.replace('_', ' ')}: {delen[-1].replace('_', ' ')}"


# Issue 19: every new chart URL drew a matplotlib SVG (0.13-0.77 s of CPU), so a crawler could keep the workers
# busy. The LKS chart's parameters are snapped to a small set (dates to the last date on or before them on which
# a parameter value changes: the chart is the same for every date in between; hours to whole hours), drawings
# are kept (TEKENINGEN_BEWAARD), and a process draws at most GRAFIEKEN_PER_MINUUT new ones a minute (more: 503
# with Retry-After; the page's table has the same numbers).
TEKENINGEN_BEWAARD = 256
GRAFIEKEN_PER_MINUUT = 12
_TEKENINGEN: "OrderedDict[tuple, bytes]" = OrderedDict()
_GETEKEND: deque = deque()
_SLOT = threading.Lock()


class TeVeelTekeningen(Exception):
    pass


def wijzigingsdatum(params: ParameterSet, d: date) -> date:
    """The last date on or before `d` on which any parameter value starts (or `d` before all of them)."""
    datums = _wijzigingsdatums(params.fingerprint)
    i = bisect_right(datums, d)
    return datums[i - 1] if i else d


@lru_cache(maxsize=4)
def _wijzigingsdatums(vingerafdruk: str) -> list[date]:
    params = default_parameters()
    return sorted({e.vanaf for p in params for e in p.entries})


def hele_uren(uren: Decimal) -> Decimal:
    return min(max(uren.quantize(Decimal(1), rounding=ROUND_HALF_UP), Decimal(1)), Decimal(60))


def _gecached(soort: str, vingerafdruk: str, taal: str, *args) -> bytes:
    """One drawing per chart, parameter files, language (the labels are translated) and snapped arguments."""
    sleutel = (soort, vingerafdruk, taal, *args)
    with _SLOT:
        svg = _TEKENINGEN.get(sleutel)
        if svg is not None:
            _TEKENINGEN.move_to_end(sleutel)
            return svg
        nu = time.monotonic()
        while _GETEKEND and nu - _GETEKEND[0] > 60:
            _GETEKEND.popleft()
        if len(_GETEKEND) >= current_app.config.get("GRAFIEKEN_PER_MINUUT", GRAFIEKEN_PER_MINUUT):
            raise TeVeelTekeningen
        _GETEKEND.append(nu)
    svg = _teken(soort, *args)
    with _SLOT:
        _TEKENINGEN[sleutel] = svg
        while len(_TEKENINGEN) > TEKENINGEN_BEWAARD:
            _TEKENINGEN.popitem(last=False)
    return svg


def _teken(soort: str, *args) -> bytes:
    params = default_parameters()
    if soort == "wml":
        return wml_svg(params)
    if soort == "bijstand":
        return bijstand_svg(params)
    return lks_svg(*args)


def svg_antwoord(inhoud: bytes) -> Response:
    resp = Response(inhoud, mimetype="image/svg+xml")
    # no scripts, no styles: the SVG carries presentation attributes only (zonder_inline_stijl)
    resp.headers["Content-Security-Policy"] = "default-src 'none'"
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp


# --- query helpers --------------------------------------------------------------------------------------


def datum_arg(naam: str, standaard: date) -> tuple[date, str | None]:
    ruw = request.args.get(naam, "").strip()
    if not ruw:
        return standaard, None
    try:
        iso = tekst_naar_waarde(ruw, "datum")  # 15-01-2026 too, as on every form (soorten/getallen.py)
        if len(iso) != 10:
            raise ValueError
        return date.fromisoformat(iso), None
    except ValueError:
        return standaard, gettext("'%(invoer)s' is geen geldige datum (DD-MM-JJJJ); %(datum)s gebruikt.",
                                  invoer=ruw, datum=i18n_datum(standaard))


def uren_arg(standaard: Decimal = Decimal(36)) -> tuple[Decimal, str | None]:
    ruw = request.args.get("uren", "").strip()
    if not ruw:
        return standaard, None
    try:
        getal = tekst_naar_waarde(ruw, "getal")  # the one number rule: "32,5"; "10.000" refused (ambiguous)
        if isinstance(getal, OngeldigGetal):
            raise ValueError
        uren = Decimal(getal)
        if not (Decimal(1) <= uren <= Decimal(60)):
            raise ValueError
        return uren.normalize(), None
    except (ValueError, ArithmeticError):
        return standaard, gettext("'%(invoer)s' is geen geldig aantal uren (1 tot en met 60); %(uren)s gebruikt.",
                                  invoer=ruw, uren=str(standaard))


def standaard_datums() -> tuple[date, date]:
    vandaag = date.today()
    bekend = default_parameters().parameter("wml.uurloon").bekend_tot if "wml.uurloon" in default_parameters() else vandaag
    tot = min(vandaag, bekend)
    return tot.replace(year=tot.year - 1), tot


# --- routes ---------------------------------------------------------------------------------------------


@bp.get("/grafieken/wml.svg")
def grafiek_wml():
    return svg_antwoord(_gecached("wml", default_parameters().fingerprint, huidige_taal()))


@bp.get("/grafieken/bijstandsnormen.svg")
def grafiek_bijstand():
    if not bijstand_namen(default_parameters()):
        from flask import abort

        abort(404)
    return svg_antwoord(_gecached("bijstand", default_parameters().fingerprint, huidige_taal()))


@bp.get("/grafieken/lks.svg")
def grafiek_lks():
    standaard_van, standaard_tot = standaard_datums()
    van, _ = datum_arg("van", standaard_van)
    tot, _ = datum_arg("tot", standaard_tot)
    uren, _ = uren_arg()
    params = default_parameters()
    return svg_antwoord(_gecached("lks", params.fingerprint, huidige_taal(), wijzigingsdatum(params, van),
                                  wijzigingsdatum(params, tot), hele_uren(uren)))


@bp.errorhandler(TeVeelTekeningen)
def _te_veel_tekeningen(exc):
    return Response("Er worden nu te veel nieuwe grafieken getekend; probeer het over een minuut opnieuw. De tabel op "
                    "de pagina heeft dezelfde cijfers.", status=503, mimetype="text/plain",
                    headers={"Retry-After": "60"})


@bp.get("/grafieken")
def grafieken():
    params = default_parameters()
    standaard_van, standaard_tot = standaard_datums()
    van, fout_van = datum_arg("van", standaard_van)
    tot, fout_tot = datum_arg("tot", standaard_tot)
    uren, fout_uren = uren_arg()
    namen, bijstand = bijstand_gegevens(params)
    return render_template(
        "grafieken/parameters_grafieken.html", wml=wml_gegevens(params), bijstand_namen=namen, bijstand=bijstand,
        lks=lks_gegevens(van, tot, uren), van=van, tot=tot, uren=uren,
        meldingen=[m for m in (fout_van, fout_tot, fout_uren) if m], params=params,
    )


__all__ = ["wml_gegevens", "bijstand_gegevens", "lks_gegevens", "svg_antwoord", "datum_arg", "uren_arg",
           "standaard_datums"]

"""Bijstandsnorm of a household (Participatiewet art. 20, 21, 22, 22a) and what is left next to income
(art. 31 lid 2 onder k, n, r, y, z and aa, and lid 5).

Norms are amounts incl. 5 % vakantietoeslag (art. 19 lid 3). The amount excl. vakantietoeslag is 95 %
of the norm, rounded half-up to the cent; the vakantietoeslag is the difference. This reproduces every
published pair (velsen.nl jul 2021: 1.541,00 / 1.463,95 / 77,05; jan 2022: 1.559,58 / 1.481,60).

Art. 20 lid 3 and 4 (from 2026): the norm of art. 20 lid 1 or 2 is raised per belanghebbende of 18-20 who cannot rely
on his parents (`geen_beroep_op_ouders`), up to the art. 21 norm in a comparable situation. Art. 22a lid 4 (from 2026):
no kostendelersnorm while the belanghebbende temporarily lives elsewhere to give mantelzorg (`mantelzorg`). Both
dates come from yes/no parameters; before them the input is refused (InvoerFout, a 422 in the API).

Pensioengerechtigde leeftijd: from the geboortedatum and the dated AOW age (parameter
`aow.pensioengerechtigde_leeftijd`, months, for the calendar year in which it is reached, AOW art. 7a);
a klantmanager who only knows the age in years can set `aow_leeftijd_bereikt` per person.

Income: the netto inkomsten uit arbeid per month minus the chosen inkomstenvrijlating (a percentage,
rounded half-up to the cent once, up to the monthly maximum, only within its maximum duration; onder n has no
maximum duration once the belanghebbende has reached the pensioengerechtigde leeftijd), plus the
part of a vrijwilligersvergoeding above the onder-k maxima. Aanvullende bijstand = norm − counted income,
not below zero (art. 19 lid 1: bijstand up to the norm).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from parameters import MissingParameterError, ParameterSet, default_parameters

from .errors import InvoerFout
from .explanation import Bedrag, Melding, melding, Rekenspoor, Uitkomst
from .kostendelersnorm import Medebewoner, norm_per_persoon, oordeel
from .money import HONDERD, NUL, cent, procent
from .periods import dagen_in_maand, leeftijd_van, maandnaam, maanden_van_jaar, plus_maanden, verjaardag

SOORT = "bijstandsnorm"
ART_31 = "Participatiewet art. 31 lid 2"
# the inkomstenvrijlatingen of art. 31 lid 2 by their soort in the input: onder n, r, y, z and aa
VRIJLATINGEN = ("algemeen", "alleenstaande_ouder", "medisch_urenbeperkt", "doelgroep_loonkostensubsidie",
                "doelgroep_loonkostensubsidie_voortgezet")
ONDER = {"algemeen": "n", "alleenstaande_ouder": "r", "medisch_urenbeperkt": "y", "doelgroep_loonkostensubsidie": "z",
         "doelgroep_loonkostensubsidie_voortgezet": "aa"}


# How gemeenten convert pay per 4 weeks to a month; no rule prescribes one (practice.md par. 2): Haarlemmermeer
# × 13 / 12 (13 periods a year over 12 months; € 1.300 per 4 weeks -> € 1.408 per month), the Cliëntenraad Hoogeveen
# ÷ 28 × 30 (per day, a month of 30 days). (multiplier, divisor, notation in the step)
OMREKENINGEN_VIER_WEKEN = {
    "dertien_twaalfde": (Decimal(13), Decimal(12), "× 13 / 12"),
    "dertig_achtentwintigste": (Decimal(30), Decimal(28), "÷ 28 × 30"),
}
# a rule error the API schema reports too (api/schemas/bijstandsnorm.py), by key
ZOWEL_MAAND_ALS_VIER_WEKEN = melding("bijstand.fout.maand_en_vier_weken")


@dataclass(frozen=True)
class Persoon:
    geboortedatum: date | None = None
    leeftijd: int | None = None
    aow_leeftijd_bereikt: bool | None = None
    # art. 20 lid 3 (from 2026): a belanghebbende of 18, 19 or 20 who cannot rely on his parents for the costs of
    # living (their means are insufficient, or he cannot reasonably claim maintenance from them)
    geen_beroep_op_ouders: bool = False

    def leeftijd_op(self, datum: date) -> int:
        return leeftijd_van(self.geboortedatum, self.leeftijd, datum)


@dataclass(frozen=True)
class Vrijlating:
    soort: str  # one of VRIJLATINGEN (art. 31 lid 2 onder n, r, y, z, aa)
    maand: int = 1  # which month of the vrijlating period the peildatum falls in (1 = first); not for y and aa
    kind_jonger_dan_12: bool = False
    # the date the vrijlating began ("loopt sinds"); when given, it decides `maand` (maand_van_vrijlating)
    begindatum: date | None = None


def maand_van_vrijlating(begindatum: date, peildatum: date) -> int:
    """Which month of a vrijlating that began on `begindatum` the peildatum falls in (1 = the first).

    The law counts periods of months ("gedurende ten hoogste zes maanden", art. 31 lid 2 onder n): month k runs from
    begindatum + (k − 1) months up to begindatum + k months, the same day of the month (the last day of a shorter
    month). Begun 15 March: 1 April is still month 1, 15 April month 2."""
    if begindatum > peildatum:
        raise InvoerFout("vrijlating.begindatum", melding("bijstand.fout.begindatum_na_peildatum"))
    verstreken = (peildatum.year - begindatum.year) * 12 + peildatum.month - begindatum.month
    if _plus_maanden_dag(begindatum, verstreken) > peildatum:
        verstreken -= 1
    return verstreken + 1


@dataclass(frozen=True)
class BijstandInvoer:
    peildatum: date
    belanghebbende: Persoon
    partner: Persoon | None = None
    kinderen: bool = False
    medebewoners: tuple[Medebewoner, ...] = field(default_factory=tuple)
    netto_inkomsten_per_maand: Decimal = NUL
    vrijlating: Vrijlating | None = None
    vrijwilligersvergoeding_per_maand: Decimal = NUL
    # pay per 4 weeks instead of per month: converted with the gemeente's method (OMREKENINGEN_VIER_WEKEN)
    netto_inkomsten_per_vier_weken: Decimal | None = None
    omrekening_vier_weken: str = "dertien_twaalfde"
    # art. 22a lid 4 (from 2026): the belanghebbende temporarily has his main residence elsewhere to give mantelzorg
    # for an intensive need of care; then art. 22a (the kostendelersnorm) does not apply
    mantelzorg: bool = False


def _plus_maanden_dag(d: date, maanden: int) -> date:
    index = d.year * 12 + (d.month - 1) + maanden
    jaar, maand = index // 12, index % 12 + 1
    return date(jaar, maand, min(d.day, dagen_in_maand(jaar, maand)))


def aow_bereikt(spoor: Rekenspoor, p: Persoon, datum: date) -> bool:
    """Has `p` reached the pensioengerechtigde leeftijd on `datum`? (AOW art. 7a: the AOW age of the
    calendar year in which it is reached)."""
    if p.aow_leeftijd_bereikt is not None:
        return p.aow_leeftijd_bereikt
    leeftijd = p.leeftijd_op(datum)
    laagste, hoogste = _aow_grenzen(spoor)
    if (leeftijd + 1) * 12 <= laagste:  # younger than every pensioengerechtigde leeftijd in the data
        return False
    if p.geboortedatum is None:
        maanden = int(spoor.waarde("aow.pensioengerechtigde_leeftijd", datum))
        if leeftijd * 12 >= maanden:
            return True
        if (leeftijd + 1) * 12 > maanden:
            spoor.waarschuw("bijstand.waarschuwing.aow_onbekend", leeftijd=leeftijd, jaren=maanden // 12,
                            maanden=maanden % 12)
        return False
    if leeftijd * 12 >= hoogste:  # at least every pensioengerechtigde leeftijd in the data
        return True
    d = _aow_datum(spoor, p)
    return d is not None and d <= datum


@dataclass
class Norm:
    """The norm of the household on one date."""

    datum: date
    leefvorm: str  # alleenstaande, alleenstaande_ouder, gehuwden
    aantal_kostendelers: int
    kostendelersnorm: bool
    norm: Decimal
    norm_zonder_kostendelers: Decimal
    normartikel: Melding  # the article of the norm without kostendelers (a str: its Dutch citation)
    b: Decimal | None
    norm_per_persoon: Decimal | None
    oordelen: list
    verhoging_jongeren: Decimal | None = None  # art. 20 lid 3 and 4, when applied
    mantelzorg: bool = False  # art. 22a lid 4 applied


MANTELZORG = "bijstand.kostendelers.mantelzorg_uitzondering"
JONGEREN_VERHOGING = "bijstand.jongeren_verhoging.in_werking"


# the rules that exist only from a date, by their catalogue key (calculator/teksten/bijstandsnorm.yaml)
MANTELZORG_NOG_NIET = "bijstand.wat.mantelzorg"
JONGEREN_NOG_NIET = "bijstand.wat.jongeren"


def eerste_vanaf(params: ParameterSet, naam: str) -> date | None:
    """The first date from which the yes/no parameter `naam` is true (a rule's start), or None if it never is."""
    return next((e.vanaf for e in params.parameter(naam).waarden
                 if e.value is not None and e.value.waarde is True), None)


def nog_niet(params: ParameterSet, naam: str, datum: date, wat: str) -> Melding | None:
    """The message for a yes/no rule `naam` that is not in force on `datum` (its start date from the parameter), or
    None when it is; `wat` is the key of the rule's name. Used by the engine and by the API schema (to report it
    with the other field errors)."""
    if params.at(naam, datum).waarde:
        return None
    vanaf = eerste_vanaf(params, naam)
    if vanaf is None:
        return melding("bijstand.fout.bestaat_niet", wat=Melding(wat))
    return melding("bijstand.fout.nog_niet", wat=Melding(wat), vanaf=vanaf)


def _nog_niet(spoor: Rekenspoor, naam: str, datum: date, wat: str) -> Melding | None:
    spoor.waarde(naam, datum)  # the value counts as used by this calculation
    return nog_niet(spoor.params, naam, datum, wat)


def _jongeren_verhoging(spoor: Rekenspoor, invoer: BijstandInvoer, datum: date, echtgenoten: list,
                        leeftijden: list[int], zonder: Decimal, artikel: Melding, stappen: bool
                        ) -> tuple[Decimal, Melding, Decimal | None]:
    """art. 20 lid 3: "Voor belanghebbenden van 18, 19 of 20 jaar verhoogt het college de norm met een bedrag van
    € 746,45, indien die belanghebbende voor de kosten van levensonderhoud geen beroep kan doen op zijn ouders";
    lid 4: that norm "in combinatie met de normen, bedoeld in het eerste en tweede lid, is niet hoger dan de norm,
    bedoeld in artikel 21, die geldt voor een 21-jarige of ouder ... in een vergelijkbare situatie". One increase per
    belanghebbende (spouse) of 18-20 who cannot rely on his parents, on the norm of art. 20 lid 1 or 2, up to art. 21
    onder a (alleenstaande, alleenstaande ouder) or onder b (gehuwden). Returns (norm, artikel, verhoging or None)."""
    w = spoor.waarde
    if not any(p.geen_beroep_op_ouders for p in echtgenoten):
        return zonder, artikel, None
    bericht = _nog_niet(spoor, JONGEREN_VERHOGING, datum, JONGEREN_NOG_NIET)
    if bericht:
        veld = "belanghebbende" if echtgenoten[0].geen_beroep_op_ouders else "partner"
        raise InvoerFout(f"{veld}.geen_beroep_op_ouders", bericht)
    aantal = sum(1 for p, lt in zip(echtgenoten, leeftijden) if p.geen_beroep_op_ouders and lt < 21)
    if aantal == 0 or artikel.sleutel != "bijstand.normartikel.art20":
        if stappen:
            spoor.waarschuw("bijstand.waarschuwing.verhoging_niet_toegepast")
        return zonder, artikel, None
    bedrag = w("bijstand.jongeren_verhoging.bedrag", datum)
    gehuwd = invoer.partner is not None
    plafond = w("bijstand.norm_21.gehuwden" if gehuwd else "bijstand.norm_21.alleenstaande", datum)
    ruw = zonder + aantal * bedrag
    verhoogd = min(ruw, plafond)
    if stappen:
        spoor.stap("bijstand.verhoging_jongeren", verhoogd - zonder, zonder=Bedrag(zonder), n=aantal,
                   verhoging=Bedrag(bedrag), ruw=Bedrag(ruw), onder="b" if gehuwd else "a", plafond=Bedrag(plafond),
                   uit=Bedrag(verhoogd))
    return verhoogd, melding("bijstand.normartikel.met_lid3", artikel=artikel), verhoogd - zonder


def norm_op(spoor: Rekenspoor, invoer: BijstandInvoer, datum: date, stappen: bool = False) -> Norm:
    w = spoor.waarde
    oordelen = [oordeel(spoor, mb, datum) for mb in invoer.medebewoners]
    m = sum(1 for o in oordelen if o.telt_mee)
    echtgenoten = [invoer.belanghebbende] + ([invoer.partner] if invoer.partner else [])
    leeftijden = [p.leeftijd_op(datum) for p in echtgenoten]
    aow = [aow_bereikt(spoor, p, datum) for p in echtgenoten]
    oud = [lt >= 21 for lt in leeftijden]  # art. 22a lid 1: only a spouse of 21 or older counts in A
    a = m + sum(oud)
    k = invoer.kinderen
    lid20 = "2" if k else "1"  # art. 20: lid 1 without, lid 2 with kinderen
    if invoer.partner is None:
        leefvorm = "alleenstaande_ouder" if k else "alleenstaande"
        if aow[0]:
            zonder, bron, b = w("bijstand.norm_aow.alleenstaande", datum), ("22", None, "a"), \
                w("bijstand.norm_aow.gehuwden", datum)
        elif oud[0]:
            zonder, bron, b = w("bijstand.norm_21.alleenstaande", datum), ("21", None, "a"), \
                w("bijstand.norm_21.gehuwden", datum)
        else:
            zonder, bron, b = w("bijstand.norm_jongeren.alleenstaande", datum), ("20", lid20, "a"), None
    else:
        leefvorm = "gehuwden"
        if any(aow):
            zonder = w("bijstand.norm_aow.gehuwden", datum)
            bron = ("22", None, "b" if all(aow) else "c")
            b = zonder
        elif all(oud):
            zonder, bron, b = w("bijstand.norm_21.gehuwden", datum), ("21", None, "b"), \
                w("bijstand.norm_21.gehuwden", datum)
        elif any(oud):
            naam = "bijstand.norm_jongeren.gehuwden_een" + ("_kinderen" if k else "")
            zonder, bron = w(naam, datum), ("20", lid20, "c")
            b = w("bijstand.norm_21.gehuwden", datum)
        else:
            naam = "bijstand.norm_jongeren.gehuwden_beiden" + ("_kinderen" if k else "")
            zonder, bron, b = w(naam, datum), ("20", lid20, "b"), None
    art, lid, onder = bron
    # normartikel: by catalogue key, so a page renders it in its language; its str is the Dutch citation of the API
    artikel = melding(f"bijstand.normartikel.art{art}", onder=onder, **({"lid": lid} if lid else {}))
    if stappen:
        spoor.stap(f"bijstand.norm_zonder.art{art}", zonder, leefvorm=melding(f"bijstand.leefvorm.{leefvorm}"),
                   leeftijden=_leeftijden(leeftijden), onder=onder, **({"lid": lid} if lid else {}))
    zonder, artikel, verhoging = _jongeren_verhoging(spoor, invoer, datum, echtgenoten, leeftijden, zonder, artikel,
                                                     stappen)
    if invoer.mantelzorg:
        bericht = _nog_niet(spoor, MANTELZORG, datum, MANTELZORG_NOG_NIET)
        if bericht:
            raise InvoerFout("mantelzorg", bericht)
        if stappen and m > 0:
            spoor.stap("bijstand.mantelzorg")
    toepassen = m > 0 and b is not None and not invoer.mantelzorg
    if toepassen and verhoging is not None:
        if stappen:
            spoor.waarschuw("bijstand.waarschuwing.verhoging_en_kostendelers")
        verhoging = None
    if m > 0 and b is None and stappen and not invoer.mantelzorg:
        spoor.waarschuw("bijstand.waarschuwing.kostendelers_jongeren")
    per_persoon = None
    if toepassen:
        if stappen:
            spoor.stap("bijstand.aantal_kostendelers", m=m, oud=sum(oud), a=a)
        per_persoon = norm_per_persoon(spoor, a, b, datum, stappen=stappen)
        norm = NUL
        delen = []
        for is_oud in oud:
            if is_oud:
                norm += per_persoon
                delen.append(per_persoon)
            else:  # art. 22a lid 3: fixed amount for the spouse of 18, 19 or 20
                naam = "bijstand.kostendelers.jongere_echtgenoot" + ("_kinderen" if k else "")
                vast = w(naam, datum)
                norm += vast
                delen.append(vast)
                if stappen:
                    spoor.stap("bijstand.jongere_echtgenoot", vast, onder="a" if k else "b")
        if stappen and len(delen) > 1:
            spoor.stap("bijstand.kostendelersnorm_gezin", norm, x=Bedrag(delen[0]), y=Bedrag(delen[1]),
                       n=Bedrag(norm))
    else:
        norm = zonder
    return Norm(datum, leefvorm, a, toepassen, norm, zonder, artikel, b, per_persoon, oordelen,
                verhoging_jongeren=verhoging, mantelzorg=invoer.mantelzorg and m > 0)


def _leeftijden(leeftijden: list[int]) -> Melding:
    """"40" or "19 en 25" (English "19 and 25"): the ages of the belanghebbende and the partner."""
    if len(leeftijden) == 1:
        return melding("bijstand.leeftijden.een", a=leeftijden[0])
    return melding("bijstand.leeftijden.twee", a=leeftijden[0], b=leeftijden[1])


def _vrijlating(spoor: Rekenspoor, invoer: BijstandInvoer, datum: date, aow_b: bool, leeftijd_b: int,
                netto: Decimal) -> dict:
    """The chosen inkomstenvrijlating of art. 31 lid 2 (one at a time) on the netto inkomsten uit arbeid per month."""
    v = invoer.vrijlating
    out = {"soort": None, "percentage": None, "maximum": None, "bedrag": NUL, "van_toepassing": False,
           "reden": None, "grondslag": None, "duur": None}
    if v is None:
        return out
    out["soort"] = v.soort
    onder = ONDER[v.soort]
    bezwaar = None
    if onder == "n":
        # "… voor zover hij algemene bijstand ontvangt, waarbij voor een persoon die de pensioengerechtigde leeftijd
        # nog niet heeft bereikt geldt dat die inkomsten gedurende ten hoogste zes maanden niet tot de middelen
        # worden gerekend en dat dit naar het oordeel van het college moet bijdragen aan zijn arbeidsinschakeling":
        # at the pensioengerechtigde leeftijd the 25 % up to the maximum applies without the six months and without
        # the arbeidsinschakeling condition
        pre = "bijstand.vrijlating_arbeid"
    elif onder == "r":
        pre = "bijstand.vrijlating_alleenstaande_ouder"
        grens = int(spoor.waarde(f"{pre}.kind_jonger_dan", datum))
        if invoer.partner is not None or not invoer.kinderen:
            bezwaar = melding("bijstand.vrijlating.waarom.alleenstaande_ouder")
        elif not v.kind_jonger_dan_12:
            bezwaar = melding("bijstand.vrijlating.waarom.kind", grens=grens)
    elif onder == "y":
        pre = "bijstand.vrijlating_medisch_urenbeperkt"
    else:  # z, and aa after its twelve months: the same percentage and maximum (art. 31 lid 2 onder z en aa)
        pre = "bijstand.vrijlating_doelgroep_lks"
        if not spoor.waarde(f"{pre}.in_werking", datum):
            raise InvoerFout("vrijlating.soort", melding("bijstand.fout.lks_vrijlating_nog_niet",
                                                         vanaf=eerste_vanaf(spoor.params, f"{pre}.in_werking")))
    if onder in ("n", "r") and bezwaar is None:
        # art. 31 lid 5: onder n and r do not apply below 27 (y, z and aa do)
        minimum = int(spoor.waarde("bijstand.vrijlatingen.minimumleeftijd", datum))
        if leeftijd_b < minimum:
            bezwaar = melding("bijstand.vrijlating.waarom.leeftijd", onder=onder, minimum=minimum)
    out["grondslag"] = f"{ART_31} onder {onder}" + (" en lid 5" if onder in ("n", "r") else "")
    pct = spoor.waarde(f"{pre}.percentage", datum)
    maximum = spoor.waarde(f"{pre}.maximum", datum)
    # onder n, r and z last a number of months; onder y and aa have no end
    duur = int(spoor.waarde(f"{pre}.duur", datum)) if onder in ("r", "z") or (onder == "n" and not aow_b) else None
    out["percentage"], out["maximum"], out["duur"] = pct, maximum, duur
    if bezwaar is None and duur is not None and v.maand > duur:
        bezwaar = melding("bijstand.vrijlating.waarom.duur", duur=duur, maand=v.maand)
    lid5 = ".lid5" if onder in ("n", "r") else ""
    if bezwaar:
        out["reden"] = melding("bijstand.vrijlating.bezwaar", waarom=bezwaar)
        spoor.waarschuw("bijstand.waarschuwing.vrijlating_niet", waarom=bezwaar)
        spoor.stap(f"bijstand.vrijlating.niet{lid5}", NUL, onder=onder, bezwaar=out["reden"])
        return out
    onbegrensd = cent(procent(netto, pct))  # one rounding: the vrijgelaten amount is a cent amount
    bedrag = min(onbegrensd, maximum)
    out.update(bedrag=bedrag, van_toepassing=True,
               reden=melding("bijstand.vrijlating.maximum_bereikt" if onbegrensd > maximum
                             else "bijstand.vrijlating.maximum_niet_bereikt"))
    bedragen = dict(onder=onder, pct=pct, netto=Bedrag(netto), ruw=Bedrag(onbegrensd), max=Bedrag(maximum),
                    bedr=Bedrag(bedrag))
    if duur is not None:
        spoor.stap(f"bijstand.vrijlating.duur{lid5}", bedrag, n=v.maand, duur=duur, **bedragen)
    elif onder == "n":  # the pensioengerechtigde leeftijd is reached: no end
        spoor.stap("bijstand.vrijlating.aow", bedrag, **bedragen)
    else:
        spoor.stap("bijstand.vrijlating.zonder_einde", bedrag, **bedragen)
    if onder == "n" and not aow_b:
        spoor.waarschuw("bijstand.waarschuwing.onder_n")
    elif onder in ("y", "z", "aa"):
        spoor.waarschuw(f"bijstand.waarschuwing.onder_{onder}")
    return out


@dataclass(frozen=True, slots=True)
class OnderK:
    """The outcome of Participatiewet art. 31 lid 2 onder k for one month."""

    vrijgelaten: Decimal
    minimumleeftijd: int
    van_toepassing: bool  # False below the minimum age: then nothing is left out under onder k
    maximum_per_maand: Decimal | None = None
    maximum_per_jaar: Decimal | None = None
    ruimte: Decimal | None = None  # what was left of the yearly maximum before this month


def vrijlating_onder_k(spoor: Rekenspoor, datum: date, leeftijd: int, bedrag: Decimal,
                       al_vrijgelaten_in_jaar: Decimal = NUL) -> OnderK:
    """Participatiewet art. 31 lid 2 onder k: an onkostenvergoeding for vrijwilligerswerk is left out of account
    up to a maximum per month and per calendar year, for a belanghebbende of 27 or older. The one implementation
    of this rule: the bijstandsnorm and the vrijwilligersvergoeding calculations both call it."""
    grens = int(spoor.waarde("bijstand.vrijlatingen.minimumleeftijd", datum))
    if leeftijd < grens:
        return OnderK(NUL, grens, False)
    per_maand = spoor.waarde("bijstand.vrijwilligersvergoeding.maximum_per_maand", datum)
    per_jaar = spoor.waarde("bijstand.vrijwilligersvergoeding.maximum_per_jaar", datum)
    ruimte = max(NUL, per_jaar - al_vrijgelaten_in_jaar)
    return OnderK(min(bedrag, per_maand, ruimte), grens, True, per_maand, per_jaar, ruimte)


def _vrijwilligers(spoor: Rekenspoor, invoer: BijstandInvoer, datum: date, leeftijd_b: int) -> dict:
    vergoeding = invoer.vrijwilligersvergoeding_per_maand
    out = {"vergoeding": vergoeding, "vrijgelaten": NUL, "maximum_per_maand": None, "maximum_per_jaar": None,
           "reden": None}
    if vergoeding == 0:
        return out
    januari = vrijlating_onder_k(spoor, datum, leeftijd_b, vergoeding)
    if not januari.van_toepassing:
        out["reden"] = melding("bijstand.vrijwilligers.jonger", minimum=januari.minimumleeftijd)
        spoor.stap("bijstand.vrijwilligers.niet", NUL, reden=out["reden"])
        return out
    per_maand, per_jaar = januari.maximum_per_maand, januari.maximum_per_jaar
    out.update(maximum_per_maand=per_maand, maximum_per_jaar=per_jaar)
    # The vergoeding is assumed to be received every month from January of this calendar year: the yearly
    # maximum then limits the later months.
    eerder = min(vergoeding, per_maand) * (datum.month - 1)
    k = vrijlating_onder_k(spoor, datum, leeftijd_b, vergoeding, eerder)
    vrij, ruimte = k.vrijgelaten, k.ruimte
    out["vrijgelaten"] = vrij
    out["reden"] = melding("bijstand.vrijwilligers.jaarmaximum" if ruimte < min(vergoeding, per_maand)
                           else "bijstand.vrijwilligers.maandmaximum" if vergoeding > per_maand
                           else "bijstand.vrijwilligers.binnen")
    spoor.stap("bijstand.vrijwilligers", vrij, v=Bedrag(vergoeding), pm=Bedrag(per_maand), pj=Bedrag(per_jaar),
               eerder=Bedrag(eerder), ruimte=Bedrag(ruimte))
    if datum.month > 1:
        spoor.waarschuw("bijstand.waarschuwing.vrijwilligers_sinds_januari")
    return out


def _controleer(invoer: BijstandInvoer) -> None:
    # The API schema checks all of this with every error at once; this guards direct engine use.
    for veld, p in (("belanghebbende", invoer.belanghebbende), ("partner", invoer.partner)):
        if p is None:
            continue
        if p.geboortedatum is None and p.leeftijd is None:
            raise InvoerFout(f"{veld}.geboortedatum", melding("bijstand.fout.geboortedatum_of_leeftijd"))
        if p.leeftijd_op(invoer.peildatum) < 18:
            raise InvoerFout(f"{veld}.{'geboortedatum' if p.geboortedatum else 'leeftijd'}",
                             melding("bijstand.fout.jonger_dan_18"))
    if invoer.netto_inkomsten_per_maand < 0:
        raise InvoerFout("netto_inkomsten_per_maand", melding("bijstand.fout.inkomsten_negatief"))
    if invoer.netto_inkomsten_per_vier_weken is not None:
        if invoer.netto_inkomsten_per_vier_weken < 0:
            raise InvoerFout("netto_inkomsten_per_vier_weken", melding("bijstand.fout.inkomsten_negatief"))
        if invoer.netto_inkomsten_per_maand:
            raise InvoerFout("netto_inkomsten_per_vier_weken", ZOWEL_MAAND_ALS_VIER_WEKEN)
        if invoer.omrekening_vier_weken not in OMREKENINGEN_VIER_WEKEN:
            raise InvoerFout("omrekening_vier_weken", melding("bijstand.fout.omrekening",
                                                              keuzes=", ".join(OMREKENINGEN_VIER_WEKEN)))
    if invoer.vrijwilligersvergoeding_per_maand < 0:
        raise InvoerFout("vrijwilligersvergoeding_per_maand", melding("bijstand.fout.vergoeding_negatief"))


def bereken(invoer: BijstandInvoer, params: ParameterSet | None = None, uitleg: bool = False) -> Uitkomst:
    _controleer(invoer)
    v = invoer.vrijlating
    if v is not None and v.begindatum is not None:
        invoer = replace(invoer, vrijlating=replace(v, maand=maand_van_vrijlating(v.begindatum, invoer.peildatum)))
    spoor = Rekenspoor(params or default_parameters(), uitleg)
    datum = invoer.peildatum
    n = norm_op(spoor, invoer, datum, stappen=True)
    for i, (mb, o) in enumerate(zip(invoer.medebewoners, n.oordelen), start=1):
        if o.onderdeel in ("b", "c", "d"):
            spoor.stap("bijstand.medebewoner.onder", nummer=i, reden=o.reden, onder=o.onderdeel)
        else:
            spoor.stap("bijstand.medebewoner", nummer=i, reden=o.reden)
    if any(o.onderdeel in ("b", "c") for o in n.oordelen):
        spoor.waarschuw("bijstand.waarschuwing.commercieel")
    vt_pct = spoor.waarde("bijstand.vakantietoeslag_percentage", datum)
    # Published excl. amounts are 95 % of the norm rounded half-up to the cent (art. 19 lid 3).
    excl = cent(procent(n.norm, HONDERD - vt_pct))
    vt = n.norm - excl
    spoor.stap("bijstand.excl_vakantietoeslag", excl, pct=HONDERD - vt_pct, norm=Bedrag(n.norm), excl=Bedrag(excl),
               vt=Bedrag(vt))
    verschil = n.norm_zonder_kostendelers - n.norm
    if n.kostendelersnorm:
        spoor.stap("bijstand.verschil_kostendelersnorm", verschil, z=Bedrag(n.norm_zonder_kostendelers),
                   k=Bedrag(n.norm), v=Bedrag(verschil))

    leeftijd_b = invoer.belanghebbende.leeftijd_op(datum)
    aow_b = aow_bereikt(spoor, invoer.belanghebbende, datum)
    netto = _netto_per_maand(spoor, invoer)
    vl, vw, in_aanmerking = _inkomsten(spoor, invoer, datum, leeftijd_b, aow_b, netto)
    aanvullend = max(NUL, n.norm - in_aanmerking)
    spoor.stap("bijstand.aanvullende_bijstand", aanvullend, norm=Bedrag(n.norm), ink=Bedrag(in_aanmerking),
               aanv=Bedrag(aanvullend))

    resultaat = {
        "leefvorm": n.leefvorm,
        "normartikel": n.normartikel,
        "aantal_kostendelers": n.aantal_kostendelers,
        "kostendelersnorm_toegepast": n.kostendelersnorm,
        "mantelzorg_uitzondering": n.mantelzorg,
        "verhoging_jongeren": n.verhoging_jongeren,
        "norm_per_persoon": n.norm_per_persoon,
        "gehuwdennorm_b": n.b,
        "norm": n.norm,
        "norm_excl_vakantietoeslag": excl,
        "vakantietoeslag": vt,
        "norm_zonder_kostendelers": n.norm_zonder_kostendelers,
        "verschil": verschil,
        "medebewoners": [
            {"nummer": i, "leeftijd": o.leeftijd, "telt_mee": o.telt_mee, "reden": o.reden, "grondslag": o.grondslag}
            for i, o in enumerate(n.oordelen, start=1)
        ],
        "netto_inkomsten_per_maand": netto,
        "netto_inkomsten_per_vier_weken": invoer.netto_inkomsten_per_vier_weken,
        "omrekening_vier_weken": None if invoer.netto_inkomsten_per_vier_weken is None
        else OMREKENINGEN_VIER_WEKEN[invoer.omrekening_vier_weken][2],
        "inkomstenvrijlating": vl,
        "vrijwilligersvergoeding": vw,
        "vrijgelaten": vl["bedrag"] + vw["vrijgelaten"],
        "in_aanmerking_genomen_inkomsten": in_aanmerking,
        "aanvullende_bijstand": aanvullend,
    }
    v = invoer.vrijlating
    # the vrijlating's months counted from the peildatum (month v.maand of the vrijlating): its first and last month
    vl["eerste_maand"] = plus_maanden(datum, 1 - v.maand).strftime("%Y-%m") if vl["duur"] is not None else None
    laatste = plus_maanden(datum, vl["duur"] - v.maand) if vl["van_toepassing"] and vl["duur"] is not None else None
    vl["laatste_maand"] = laatste.strftime("%Y-%m") if laatste is not None else None
    peilmaand = (vl["bedrag"] + vw["vrijgelaten"], aanvullend)
    regels: dict[date, dict] = {}  # one calculation per month, shared by both overviews
    resultaat["jaaroverzicht"] = _jaaroverzicht(spoor, invoer, netto, peilmaand, regels)
    resultaat["maandoverzicht"] = _maandoverzicht(spoor, invoer, netto, peilmaand, regels, laatste)
    return Uitkomst.uit_spoor(SOORT, datum, resultaat, spoor)


def _maand_bij_gelijke_inkomsten(stil: Rekenspoor, invoer: BijstandInvoer, maand: date, netto: Decimal,
                                 vooruit: int, norm: Decimal) -> tuple[Decimal, Decimal]:
    """(vrijgelaten, aanvullende bijstand) in a later month of the year (`maand`: its 1st, `vooruit` months after
    the peildatum's month, `norm` the norm on that day), with the same income: the calculation of `bereken` on
    the 1st of that month."""
    leeftijd = invoer.belanghebbende.leeftijd_op(maand)
    aow = aow_bereikt(stil, invoer.belanghebbende, maand)
    if invoer.vrijlating is not None:
        invoer = replace(invoer, vrijlating=replace(invoer.vrijlating, maand=invoer.vrijlating.maand + vooruit))
    vl, vw, in_aanmerking = _inkomsten(stil, invoer, maand, leeftijd, aow, netto)
    return vl["bedrag"] + vw["vrijgelaten"], max(NUL, norm - in_aanmerking)


def _inkomsten(spoor: Rekenspoor, invoer: BijstandInvoer, datum: date, leeftijd_b: int, aow_b: bool,
               netto: Decimal) -> tuple[dict, dict, Decimal]:
    """On `datum`: the inkomstenvrijlating, the vrijwilligersvergoeding (onder k) and the inkomsten that are
    counted (art. 31 en 32): netto − vrijlating + the vergoeding above what onder k leaves out."""
    vl = _vrijlating(spoor, invoer, datum, aow_b, leeftijd_b, netto)
    vw = _vrijwilligers(spoor, invoer, datum, leeftijd_b)
    in_aanmerking = netto - vl["bedrag"] + (vw["vergoeding"] - vw["vrijgelaten"])
    spoor.stap("bijstand.in_aanmerking", in_aanmerking, netto=Bedrag(netto), vl=Bedrag(vl["bedrag"]), vw=Bedrag(vw["vergoeding"] - vw["vrijgelaten"]),
               tot=Bedrag(in_aanmerking))
    return vl, vw, in_aanmerking


def _netto_per_maand(spoor: Rekenspoor, invoer: BijstandInvoer) -> Decimal:
    """The netto inkomsten uit arbeid per month: as given, or converted from the amount per 4 weeks."""
    vier = invoer.netto_inkomsten_per_vier_weken
    if vier is None:
        return invoer.netto_inkomsten_per_maand
    maal, gedeeld, notatie = OMREKENINGEN_VIER_WEKEN[invoer.omrekening_vier_weken]
    # The monthly amount is counted as a cent amount: rounded half-up to the cent once (no rule rounds it; the
    # Haarlemmermeer example shows whole euros: € 1.300 × 13 / 12 = € 1.408,33 -> "€ 1.408").
    netto = cent(vier * maal / gedeeld)
    spoor.stap("bijstand.netto_vier_weken", netto, vier=Bedrag(vier), notatie=notatie, netto=Bedrag(netto))
    spoor.waarschuw("bijstand.waarschuwing.vier_weken")
    return netto


AOW = "aow.pensioengerechtigde_leeftijd"


def _aow_grenzen(spoor: Rekenspoor) -> tuple[int, int]:
    """(lowest, highest) pensioengerechtigde leeftijd in months over all values of the parameter: the ages
    between which the exact date has to be computed (no age written in code). Cached per parameter set."""
    sleutel = ("aow.grenzen",)
    grenzen = spoor.params.afgeleid.get(sleutel)
    if grenzen is None:
        waarden = [int(e.value.waarde) for e in spoor.params.parameter(AOW).entries if e.value is not None]
        grenzen = spoor.params.afgeleid[sleutel] = (min(waarden), max(waarden))
    return grenzen


def _aow_jaren(spoor: Rekenspoor, p: Persoon) -> range:
    """The calendar years in which `p` can reach the pensioengerechtigde leeftijd and for which the
    parameter has a value: from its first `vanaf` to its horizon (`bekend_tot`)."""
    par = spoor.params.parameter(AOW)
    laagste, hoogste = _aow_grenzen(spoor)
    van = max(p.geboortedatum.year + laagste // 12, par.entries[0].vanaf.year)
    tot = min(p.geboortedatum.year + -(-hoogste // 12), par.bekend_tot.year)
    return range(van, tot + 1)


def _aow_datum(spoor: Rekenspoor, p: Persoon) -> date | None:
    """The date on which `p` reaches the pensioengerechtigde leeftijd, if it falls in a year the parameter
    covers."""
    if p.geboortedatum is None or p.aow_leeftijd_bereikt is not None:
        return None
    for jaar in _aow_jaren(spoor, p):
        maanden = int(spoor.waarde("aow.pensioengerechtigde_leeftijd", date(jaar, 1, 1)))
        d = _plus_maanden_dag(p.geboortedatum, maanden)
        if d.year == jaar:
            return d
    return None


def _wisseldata(spoor: Rekenspoor, invoer: BijstandInvoer, jaar: int) -> list[date]:
    """Dates in `jaar` (after the 1st of a month) on which someone's age, and so A or the norm, may change:
    birthdays and the dates on which a spouse reaches the pensioengerechtigde leeftijd."""
    data = set()
    for p in [invoer.belanghebbende, invoer.partner, *invoer.medebewoners]:
        if p is not None and p.geboortedatum is not None:
            data.add(verjaardag(p.geboortedatum, jaar))
    for p in [invoer.belanghebbende, invoer.partner]:
        if p is not None and p.geboortedatum is not None and jaar in _aow_jaren(spoor, p):
            d = _aow_datum(spoor, p)
            if d is not None:
                data.add(d)
    return sorted(d for d in data if d.year == jaar and d.day > 1)


def _maandregel(spoor: Rekenspoor, stil: Rekenspoor, invoer: BijstandInvoer, maand: date, netto: Decimal,
                peilmaand: tuple, extra: list[date]) -> dict:
    """One month of an overview: the norm from the 1st and from every date in `extra` in that month on which A or the
    norm changes; from the month of the peildatum on, also what is left out and the aanvullende bijstand.

    A month after the horizon of a parameter (its `bekend_tot`) cannot be computed: it is returned with
    bekend = False and the horizon date, never with invented values. Any other missing value is an error."""
    data = [maand] + [d for d in extra if d.year == maand.year and d.month == maand.month]
    vooruit = (maand.year - invoer.peildatum.year) * 12 + maand.month - invoer.peildatum.month
    try:
        delen = []
        for d in data:
            n = norm_op(spoor, invoer, d)
            if delen and (delen[-1]["aantal_kostendelers"], delen[-1]["norm"]) == (n.aantal_kostendelers, n.norm):
                continue
            delen.append({"vanaf": d, "aantal_kostendelers": n.aantal_kostendelers, "norm": n.norm})
        if vooruit < 0:
            vrijgelaten = aanvullend = None
        elif vooruit == 0:
            vrijgelaten, aanvullend = peilmaand
        else:  # delen[0] is the norm on the 1st of the month
            vrijgelaten, aanvullend = _maand_bij_gelijke_inkomsten(stil, invoer, maand, netto, vooruit,
                                                                   delen[0]["norm"])
    except MissingParameterError as exc:
        if exc.bekend_tot is None or exc.datum <= exc.bekend_tot:
            raise
        return {"maand": maand.strftime("%Y-%m"), "delen": [], "vrijgelaten": None, "aanvullende_bijstand": None,
                "bekend": False, "bekend_tot": exc.bekend_tot}
    return {"maand": maand.strftime("%Y-%m"), "delen": delen, "vrijgelaten": vrijgelaten,
            "aanvullende_bijstand": aanvullend, "bekend": True, "bekend_tot": None}


def _overzicht(spoor: Rekenspoor, invoer: BijstandInvoer, netto: Decimal, peilmaand: tuple, regels: dict,
               maanden: list[date]) -> tuple[list[dict], int]:
    """The month lines for `maanden` (cached in `regels`, so the two overviews compute a month once) and the
    number of changes of A or the norm from one part to the next."""
    stil = spoor.stil()
    extra: dict[int, list[date]] = {}
    uit = []
    for maand in maanden:
        if maand not in regels:
            if maand.year not in extra:
                extra[maand.year] = _wisseldata(spoor, invoer, maand.year)
            regels[maand] = _maandregel(spoor, stil, invoer, maand, netto, peilmaand, extra[maand.year])
        uit.append(regels[maand])
    wijzigingen = 0
    vorige = None
    for m in uit:
        for d in m["delen"]:
            sleutel = (d["aantal_kostendelers"], d["norm"])
            if vorige is not None and sleutel != vorige:
                wijzigingen += 1
            vorige = sleutel
    if any(len(m["delen"]) > 1 for m in uit):
        spoor.waarschuw("bijstand.waarschuwing.wijziging_in_maand")
    return uit, wijzigingen


def _jaaroverzicht(spoor: Rekenspoor, invoer: BijstandInvoer, netto: Decimal, peilmaand: tuple,
                   regels: dict | None = None) -> dict:
    """Month by month in the calendar year of the peildatum: the norm from the 1st of the month and from
    every date in the month on which A or the norm changes (a birthday: 27, 21, 18, AOW; and 1 January /
    1 July when the norms change).

    From the month of the peildatum on, also what is left out and the aanvullende bijstand, with the same
    income every month: the vrijlating counts its months on from the peildatum (so the month in which the
    25 % of onder n ends shows), and the norm is the one from the 1st of each month. `peilmaand` is
    (vrijgelaten, aanvullende bijstand) of the peildatum itself, which its own month shows."""
    jaar = invoer.peildatum.year
    maanden, wijzigingen = _overzicht(spoor, invoer, netto, peilmaand, {} if regels is None else regels,
                                      maanden_van_jaar(jaar))
    if any(p is not None and p.geboortedatum is None
           for p in [invoer.belanghebbende, invoer.partner, *invoer.medebewoners]):
        spoor.waarschuw("bijstand.waarschuwing.alleen_leeftijd")
    return {"jaar": jaar, "aantal_wijzigingen": wijzigingen, "maanden": maanden}


def _maandoverzicht(spoor: Rekenspoor, invoer: BijstandInvoer, netto: Decimal, peilmaand: tuple, regels: dict,
                    laatste: date | None) -> dict:
    """Month by month from the month of the peildatum (issue 18): at least AANTAL_MAANDEN months, and when the
    inkomstenvrijlating ends later, up to and including the first month after its last month (`laatste`), so the
    month in which it stops shows, also when that is next year. The jaaroverzicht stops at 31 December.
    Months after the horizon of the parameters are listed as not yet known (bekend = False, with bekend_tot)."""
    begin = plus_maanden(invoer.peildatum, 0)
    aantal = AANTAL_MAANDEN
    if laatste is not None:
        na = (laatste.year - begin.year) * 12 + laatste.month - begin.month + 2  # up to the month after the end
        aantal = max(aantal, na)
    maanden, wijzigingen = _overzicht(spoor, invoer, netto, peilmaand, regels,
                                      [plus_maanden(begin, i) for i in range(aantal)])
    onbekend = [m for m in maanden if not m["bekend"]]
    if onbekend:
        eerste = onbekend[0]
        spoor.waarschuw("bijstand.waarschuwing.horizon", tot=_maandtekst(maanden[-1]["maand"]),
                        eerste=_maandtekst(eerste["maand"]), bekend_tot=eerste["bekend_tot"])
    return {"van": maanden[0]["maand"], "tot": maanden[-1]["maand"], "aantal_wijzigingen": wijzigingen,
            "bekend_tot": onbekend[0]["bekend_tot"] if onbekend else None, "maanden": maanden}


AANTAL_MAANDEN = 12  # the month overview shows at least a year from the peildatum (a display choice, no law value)


def _maandtekst(maand: str) -> Melding:
    """"2027-03" -> "maart 2027" (English "March 2027")."""
    jaar, m = maand.split("-")
    return melding("bijstand.maand_jaar", maand=maandnaam(int(m)), jaar=jaar)


__all__ = ["BijstandInvoer", "Persoon", "Vrijlating", "Medebewoner", "bereken", "norm_op", "aow_bereikt", "SOORT",
           "VRIJLATINGEN", "ONDER", "maand_van_vrijlating", "OMREKENINGEN_VIER_WEKEN", "nog_niet", "MANTELZORG", "JONGEREN_VERHOGING",
           "MANTELZORG_NOG_NIET", "JONGEREN_NOG_NIET"]

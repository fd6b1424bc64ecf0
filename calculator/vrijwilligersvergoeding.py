"""Vrijwilligersvergoeding: the fiscal caps, the tax consequence and the bijstand consequence.

Fiscal: Wet LB 1964 art. 2 lid 6 (lid 6 in every text 2022-01-01 to 2026-01-01): "Het eerste lid is eveneens niet
van toepassing op personen die als vrijwilliger uitsluitend vergoedingen of verstrekkingen ontvangen met een
gezamenlijke waarde van ten hoogste € 220 per maand en € 2.200 per kalenderjaar." (2026; lid 7 indexes the amounts).
Only the monthly and yearly maxima are statutory. The hourly amounts are the Belastingdienst's safe harbour for "niet
bij wijze van beroep": they are the amounts "die wij als niet-marktconform zien"; above them "kunt u deze mogelijk nog
steeds ontvangen" as long as the organisation can explain that the allowance is not marktconform (belastingdienst.nl,
'vrijwilligersvergoedingen', tekst 2024). So the verdict (`oordeel`) is one of:
  onbelast                         every statutory cap and every hourly amount respected;
  onbelast_mits_niet_marktconform  the statutory caps respected, an hourly amount exceeded in some month: untaxed only
                                   if the organisation can explain that the allowance is not marktconform;
                                   belastbaar_bedrag is 0 on that condition, belastbaar_bedrag_als_marktconform says
                                   what is loon if the explanation fails;
  belast                           a monthly or the yearly maximum of lid 6 exceeded: no vrijwilliger in the sense of
                                   lid 6 for the year. Months cannot be averaged: a month above the monthly maximum
                                   fails even when the year stays below the yearly maximum (belastingdienst.nl 2023:
                                   "Als u ... meer dan € 190 ... per maand ... ontvangt, hebt u geen
                                   vrijwilligersvergoeding"; lid 6 says "per maand en ... per kalenderjaar").
Reasoning and sources: docs/bronnen/vrijwilligersvergoeding.md.

Decisions (documented here and in the README):
- `vergoeding` is everything the volunteer received in the month, including any reimbursement of costs.
  The monthly and yearly maxima apply to that total: belastingdienst.nl's example (2023, 'vergoeding voor inzet en
  voor kosten') adds declared reiskosten (€ 48 a week = € 208 a month) to the hourly pay and concludes "U ontvangt
  geen vrijwilligersvergoeding"; UWV counts "het totale bedrag" the same way.
- The hourly maximum concerns the pay for inzet only: (vergoeding − aangetoonde kosten) / uren must not exceed the
  maximum for the volunteer's age. Checked without dividing (vergoeding − kosten ≤ maximum × uren), so no rounding.
  Without `uren` the hourly cap cannot be checked; the result says so in a warning. That is correct when no hourly
  pay was agreed (then only the month and year caps apply, belastingdienst.nl 2023, third case).
  Zero hours with pay for inzet exceeds the hourly cap.
- Age: the age on the first day of the month decides the hourly maximum for the whole month. A volunteer who turns
  21 during the month was younger than 21 for part of it, and we cannot tell on which days the hours fell, so the
  lower maximum is the only one that is certainly right for every hour (a birthday on the 1st counts from that
  month). The result warns in such a month. The same rule decides the bijstand age boundary (27) per month.
- If a statutory cap is exceeded (the month in any month, or the year), the regeling does not apply at all for the
  year ("in zijn geheel niet van toepassing", staatssecretaris, Oct 2025, via taxnavigator.nl/salarisvanmorgen.nl):
  the whole vergoeding of the year is loon, except aangetoonde kosten (costs shown with receipts), which stay untaxed
  ("Krijgt u alleen een vergoeding voor gemaakte kosten? Dan is deze vergoeding niet belast.", belastingdienst.nl).
  The same amount is loon under onbelast_mits_niet_marktconform when the organisation cannot explain the hourly pay.
- What may be paid for the hours of a month (`max_voor_uren`): hourly amount × hours plus aangetoonde kosten, at
  most the monthly maximum; shown rounded down to the cent, because the largest payable amount in cents is the one
  that still passes the exact test.

Bijstand (Participatiewet art. 31 lid 2 onder k): for a belanghebbende of 27 or older the vergoeding is left out
of account up to the monthly maximum and, cumulatively through the months in calendar order, the yearly maximum; the
rest is in mindering on the bijstand. Younger than 27 only aangetoonde kosten are left out. Decision: aangetoonde
kosten are a reimbursement of costs really made and are always left out (as for under-27s, and as UWV does:
"Uw reis- en onkosten verrekenen wij niet, zolang u kunt laten zien dat het kosten zijn"); the onder-k maxima apply
to the rest of the vergoeding. A warning says so when it matters, because a gemeente may count them differently.
Onder k (text 2026-01-01: "een kostenvergoeding voor het verrichten van vrijwilligerswerk van ten hoogste een bij
ministeriële regeling vast te stellen bedrag per persoon") knows no hourly amount: exceeding the Belastingdienst's hourly amount
changes nothing on the bijstand side; only the maxima per month and per year of the regeling count. Whether the
allowance is a kostenvergoeding for vrijwilligerswerk at all is for the gemeente; the result says so when an hourly
amount is exceeded.
No rounding in the verdict: all amounts are sums and differences of the cent amounts entered; only `max_voor_uren`
and the displayed `vergoeding_per_uur` are rounded (see above).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from parameters import ParameterSet, default_parameters

from .errors import InvoerFout
from .explanation import Bedrag, Melding, melding, Rekenspoor, Uitkomst
from .money import NUL, cent
from .bijstandsnorm import vrijlating_onder_k
from .periods import leeftijd_op, maandnaam, maanden_in_woorden, opsomming, verjaardag

SOORT = "vrijwilligersvergoeding"
BESTAND = "vrijwilligersvergoeding.yaml"  # the years offered follow from this parameter file (ParameterSet.jaren)
ONBELAST = "onbelast"
ONBELAST_MITS = "onbelast_mits_niet_marktconform"
BELAST = "belast"
OORDELEN = (ONBELAST, ONBELAST_MITS, BELAST)
MAANDNAMEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")


@dataclass(frozen=True)
class MaandInvoer:
    maand: int
    vergoeding: Decimal
    uren: Decimal | None = None
    aangetoonde_kosten: Decimal = NUL


@dataclass(frozen=True)
class VrijwilligersInvoer:
    jaar: int
    maanden: tuple[MaandInvoer, ...]
    geboortedatum: date | None = None
    leeftijd: int | None = None
    ontvangt_bijstand: bool = False

    def leeftijd_in(self, maand: int) -> int:
        """Age on the first day of the month (see the module docstring). Without a geboortedatum: `leeftijd`
        for every month of the year."""
        if self.geboortedatum is not None:
            return leeftijd_op(self.geboortedatum, date(self.jaar, maand, 1))
        return self.leeftijd


def _controleer(invoer: VrijwilligersInvoer, params: ParameterSet) -> None:
    if invoer.geboortedatum is None and invoer.leeftijd is None:
        raise InvoerFout("geboortedatum", melding("vrijwilligers.fout.geboortedatum_of_leeftijd"))
    # A year after the horizon is refused by the parameter look-up, which names the horizon (bekend_tot).
    eerste, laatste = params.jaren(BESTAND)
    if not eerste <= invoer.jaar <= date.max.year:
        raise InvoerFout("jaar", melding("vrijwilligers.fout.jaar", van=eerste, tot=laatste))
    gezien: dict[int, int] = {}
    for i, m in enumerate(invoer.maanden):
        if m.maand in gezien:
            raise InvoerFout(f"maanden[{i}].maand", melding("vrijwilligers.fout.dubbele_maand", maand=m.maand,
                                                            index=gezien[m.maand]))
        gezien[m.maand] = i
        if m.aangetoonde_kosten > m.vergoeding:
            raise InvoerFout(f"maanden[{i}].aangetoonde_kosten", melding("vrijwilligers.fout.kosten_hoger"))
    if invoer.geboortedatum is not None and invoer.geboortedatum > date(invoer.jaar, 12, 31):
        raise InvoerFout("geboortedatum", melding("vrijwilligers.fout.geboortedatum_na_jaar"))


def _naam(maand: int) -> str:
    return MAANDNAMEN[maand - 1]


def bereken(invoer: VrijwilligersInvoer, params: ParameterSet | None = None, uitleg: bool = False) -> Uitkomst:
    params = params or default_parameters()
    _controleer(invoer, params)
    spoor = Rekenspoor(params, uitleg)
    jaar = invoer.jaar
    begin = date(jaar, 1, 1)
    max_jaar = spoor.waarde("vrijwilligersvergoeding.max_per_jaar", begin)
    maanden = sorted(invoer.maanden, key=lambda m: m.maand)

    _leeftijd_waarschuwingen(spoor, invoer)

    regels: list[dict] = []
    zonder_uren: list[int] = []  # the months with pay for inzet and no hours
    totaal = totaal_kosten = NUL
    for m in maanden:
        datum = date(jaar, m.maand, 1)
        leeftijd = invoer.leeftijd_in(m.maand)
        grens = int(spoor.waarde("vrijwilligersvergoeding.leeftijdsgrens_uur", datum))
        max_uur = spoor.waarde("vrijwilligersvergoeding.max_per_uur" if leeftijd >= grens
                               else "vrijwilligersvergoeding.max_per_uur_jonger", datum)
        max_maand = spoor.waarde("vrijwilligersvergoeding.max_per_maand", datum)
        inzet = m.vergoeding - m.aangetoonde_kosten  # pay for inzet; the hourly cap concerns only this part
        overschreden: list[str] = []
        per_uur = max_voor_uren = None
        if m.uren is None:
            if inzet > 0:
                zonder_uren.append(m.maand)
        elif m.uren == 0:
            if inzet > 0:
                overschreden.append("uur")
        else:
            # Exact test without dividing: inzet / uren ≤ max_uur  ⇔  inzet ≤ max_uur × uren.
            if inzet > max_uur * m.uren:
                overschreden.append("uur")
            per_uur = cent(inzet / m.uren)  # display only, rounded half-up to the cent; the test above is exact
        if m.uren is not None:
            # the most that passes both tests for these hours, in whole cents (rounded down: a cent more would fail)
            max_voor_uren = min(max_uur * m.uren + m.aangetoonde_kosten, max_maand).quantize(
                Decimal("0.01"), rounding=ROUND_DOWN)
        if m.vergoeding > max_maand:
            overschreden.append("maand")
        totaal += m.vergoeding
        totaal_kosten += m.aangetoonde_kosten
        regels.append({
            "maand": m.maand, "naam": _naam(m.maand), "leeftijd": leeftijd, "vergoeding": m.vergoeding,
            "aangetoonde_kosten": m.aangetoonde_kosten, "vergoeding_voor_inzet": inzet, "uren": m.uren,
            "vergoeding_per_uur": per_uur, "max_per_uur": max_uur, "max_per_maand": max_maand,
            "max_voor_uren": max_voor_uren,
            "overschreden": overschreden, "binnen_grenzen": not overschreden,
        })
        _stap_maand(spoor, regels[-1], grens)

    jaar_overschreden = totaal > max_jaar
    spoor.stap("vrijwilligers.jaar.boven" if jaar_overschreden else "vrijwilligers.jaar.binnen", totaal, jaar=jaar,
               tot=Bedrag(totaal), max=Bedrag(max_jaar))
    maand_te_hoog = [r["maand"] for r in regels if "maand" in r["overschreden"]]
    uur_te_hoog = [r["maand"] for r in regels if "uur" in r["overschreden"]]
    if jaar_overschreden or maand_te_hoog:
        oordeel = BELAST
    elif uur_te_hoog:
        oordeel = ONBELAST_MITS
    else:
        oordeel = ONBELAST
    binnen = oordeel == ONBELAST

    # "Krijgt u een hogere vergoeding? Dan moet u over deze gehele vergoeding belasting betalen." (belastingdienst.nl)
    # Aangetoonde kosten stay untaxed ("Krijgt u alleen een vergoeding voor gemaakte kosten? Dan is deze vergoeding
    # niet belast."; staatssecretaris Oct 2025: above the caps the costs must be shown with betalingsbewijzen).
    loon = totaal - totaal_kosten  # what is loon if the regeling does not apply
    belastbaar = loon if oordeel == BELAST else NUL
    for r in regels:
        r["belastbaar"] = r["vergoeding_voor_inzet"] if oordeel == BELAST else NUL
        r["oordeel"] = _oordeel(r, oordeel, jaar_overschreden)
    toelichting = _toelichting(oordeel, jaar, maand_te_hoog, uur_te_hoog, jaar_overschreden, loon, regels)
    if oordeel == ONBELAST:
        spoor.stap("vrijwilligers.oordeel.onbelast", NUL)
    elif oordeel == ONBELAST_MITS:
        spoor.stap("vrijwilligers.oordeel.onbelast_mits", NUL, tot=Bedrag(totaal), kosten=Bedrag(totaal_kosten),
                   loon=Bedrag(loon))
        spoor.waarschuw(toelichting.sleutel, **toelichting.waarden)
    else:
        spoor.stap("vrijwilligers.oordeel.belast", belastbaar, tot=Bedrag(totaal), kosten=Bedrag(totaal_kosten),
                   bel=Bedrag(belastbaar))
        spoor.waarschuw("vrijwilligers.waarschuwing.belast")
    _lijkt_uurvergoeding(spoor, jaar, regels)
    if zonder_uren:
        # the months listed with commas only ("februari, maart"), as this warning always has
        maanden_tekst = maandnaam(zonder_uren[0])
        for m in zonder_uren[1:]:
            maanden_tekst = melding("lijst.komma", a=maanden_tekst, b=maandnaam(m))
        spoor.waarschuw("vrijwilligers.waarschuwing.zonder_uren", maanden=maanden_tekst)

    bijstand = _bijstand(spoor, invoer, regels) if invoer.ontvangt_bijstand else None
    if not invoer.ontvangt_bijstand:
        for r in regels:
            r["vrijgelaten"] = r["in_mindering"] = None

    resultaat = {
        "jaar": jaar,
        "oordeel": oordeel,
        "oordeel_toelichting": toelichting,
        "binnen_grenzen": binnen,
        "overschreden": sorted({o for r in regels for o in r["overschreden"]} | ({"jaar"} if jaar_overschreden else set()),
                               key=("uur", "maand", "jaar").index),
        "totaal_vergoeding": totaal,
        "totaal_aangetoonde_kosten": totaal_kosten,
        "max_per_jaar": max_jaar,
        "jaar_overschreden": jaar_overschreden,
        "uurmaximum_gecontroleerd": not zonder_uren,
        "belastbaar_bedrag": belastbaar,
        "belastbaar_bedrag_als_marktconform": loon if oordeel == ONBELAST_MITS else None,
        "onbelast_bedrag": totaal - belastbaar,
        "maanden": regels,
        "bijstand": bijstand,
    }
    return Uitkomst.uit_spoor(SOORT, begin, resultaat, spoor)


def _lijkt_uurvergoeding(spoor: Rekenspoor, jaar: int, regels: list[dict]) -> None:
    """Plausibility (issue 18): a vergoeding for the whole month that is not more than one hour's pay at the
    Belastingdienst's hourly amount (`vrijwilligersvergoeding.max_per_uur`, the amount from the age boundary, in force
    in that month) while more than one hour was worked, is most likely the hourly rate typed in the vergoeding field
    (€ 5 for 30 hours). With one hour or less the amount can be right, so no warning. A warning, not an error: a
    small vergoeding for many hours is allowed. One warning per distinct (vergoeding, uren), naming the months."""
    gevallen: dict[tuple[Decimal, Decimal], list[int]] = {}
    for r in regels:
        if r["uren"] is None or r["uren"] <= 1 or r["vergoeding"] <= 0:
            continue
        uurbedrag = spoor.params.at("vrijwilligersvergoeding.max_per_uur", date(jaar, r["maand"], 1)).waarde
        if r["vergoeding"] <= uurbedrag:
            gevallen.setdefault((r["vergoeding"], r["uren"]), []).append(r["maand"])
    for (vergoeding, uren), maanden in gevallen.items():
        spoor.waarschuw("vrijwilligers.waarschuwing.uurvergoeding", maanden=maanden_in_woorden(maanden, hoofdletter=True),
                        vergoeding=Bedrag(vergoeding), uren=uren, totaal=Bedrag(vergoeding * uren))


def _stap_maand(spoor: Rekenspoor, r: dict, grens: int) -> None:
    if not spoor.uitleg:
        return
    maand = maandnaam(r["maand"], hoofdletter=True)
    if r["uren"] is not None and r["uren"] > 0:
        leeftijd = "vanaf" if r["leeftijd"] >= grens else "jonger"
        toets = "boven" if "uur" in r["overschreden"] else "binnen"
        spoor.stap(f"vrijwilligers.uur.{leeftijd}.{toets}", r["vergoeding_voor_inzet"], maand=maand,
                   leeftijd=r["leeftijd"], in_maand=maandnaam(r["maand"]), grens=grens, verg=Bedrag(r["vergoeding"]),
                   kosten=Bedrag(r["aangetoonde_kosten"]), uren=r["uren"], per_uur=Bedrag(r["vergoeding_per_uur"]),
                   max=Bedrag(r["max_per_uur"]))
        spoor.stap("vrijwilligers.max_voor_uren", r["max_voor_uren"], maand=maand, max=Bedrag(r["max_per_uur"]),
                   uren=r["uren"], kosten=Bedrag(r["aangetoonde_kosten"]), mm=Bedrag(r["max_per_maand"]),
                   mvu=Bedrag(r["max_voor_uren"]))
    elif r["uren"] is not None and "uur" in r["overschreden"]:
        spoor.stap("vrijwilligers.zonder_uren", r["vergoeding_voor_inzet"], maand=maand)
    spoor.stap("vrijwilligers.maand.boven" if "maand" in r["overschreden"] else "vrijwilligers.maand.binnen",
               r["vergoeding"], maand=maand, verg=Bedrag(r["vergoeding"]), max=Bedrag(r["max_per_maand"]))


def _oordeel(r: dict, oordeel: str, jaar_overschreden: bool) -> Melding:
    """The verdict of one month (the year's verdict is `oordeel`), by key."""
    uur, maand = "uur" in r["overschreden"], "maand" in r["overschreden"]
    if maand:
        sleutel = "uur_en_maand" if uur else "maand"
    elif uur:
        sleutel = "uur_mits" if oordeel == ONBELAST_MITS else "uur_belast"
    elif oordeel == ONBELAST:
        sleutel = "binnen"
    elif oordeel == ONBELAST_MITS:
        sleutel = "binnen_mits"
    else:
        sleutel = "binnen_jaar" if jaar_overschreden else "binnen_andere_maand"
    return melding(f"vrijwilligers.maand_oordeel.{sleutel}")


def _toelichting(oordeel: str, jaar: int, maand_te_hoog: list[int], uur_te_hoog: list[int], jaar_overschreden: bool,
                 loon: Decimal, regels: list[dict]) -> Melding:
    """The reason for the verdict, for the user (by key)."""
    if oordeel == ONBELAST:
        return melding("vrijwilligers.toelichting.onbelast")
    if oordeel == ONBELAST_MITS:
        bedragen = sorted({r["max_per_uur"] for r in regels if "uur" in r["overschreden"]})
        of = Bedrag(bedragen[0])
        for b in bedragen[1:]:
            of = melding("lijst.of", a=of, b=Bedrag(b))
        return melding("vrijwilligers.toelichting.onbelast_mits", maanden=_opsomming(uur_te_hoog), bedragen=of,
                       jaar=jaar, loon=Bedrag(loon))
    redenen = []
    if maand_te_hoog:
        redenen.append(melding("vrijwilligers.reden.maand", maanden=_opsomming(maand_te_hoog)))
    if jaar_overschreden:
        redenen.append(melding("vrijwilligers.reden.jaar", jaar=jaar))
    return melding("vrijwilligers.toelichting.belast", redenen=opsomming(redenen), jaar=jaar, loon=Bedrag(loon))


def _opsomming(maanden: list[int]):
    """[1, 3, 4] -> "januari, maart en april" (English "January, March and April")."""
    return opsomming([maandnaam(m) for m in maanden])


def _leeftijd_waarschuwingen(spoor: Rekenspoor, invoer: VrijwilligersInvoer) -> None:
    jaar = invoer.jaar
    grens = int(spoor.params.at("vrijwilligersvergoeding.leeftijdsgrens_uur", date(jaar, 1, 1)).waarde)
    grenzen = [(grens, "uurbedrag")]  # (age boundary, vrijwilligers.waarvoor.<key>)
    if invoer.ontvangt_bijstand:
        bijstand_grens = int(spoor.params.at("bijstand.vrijlatingen.minimumleeftijd",
                                             date(jaar, 1, 1)).waarde)
        grenzen.append((bijstand_grens, "bijstand"))
    if invoer.geboortedatum is not None:
        jarig = verjaardag(invoer.geboortedatum, jaar)
        nieuwe_leeftijd = jaar - invoer.geboortedatum.year
        for g, waarvoor in grenzen:
            if nieuwe_leeftijd == g and jarig.day > 1:
                volgende = maandnaam(jarig.month + 1) if jarig.month < 12 else melding("vrijwilligers.volgende_jaar")
                spoor.waarschuw("vrijwilligers.waarschuwing.jarig", grens=g, jarig=jarig,
                                waarvoor=melding(f"vrijwilligers.waarvoor.{waarvoor}"), maand=maandnaam(jarig.month),
                                volgende=volgende)
    else:
        for g, waarvoor in grenzen:
            if invoer.leeftijd in (g - 1, g):
                spoor.waarschuw("vrijwilligers.waarschuwing.alleen_leeftijd",
                                waarvoor=melding(f"vrijwilligers.waarvoor.{waarvoor}"), leeftijd=invoer.leeftijd,
                                jaar=jaar, grens=g)


def _bijstand(spoor: Rekenspoor, invoer: VrijwilligersInvoer, regels: list[dict]) -> dict:
    """Participatiewet art. 31 lid 2 onder k, month by month in calendar order; the yearly maximum is used up
    cumulatively by what is left out in earlier months."""
    jaar = invoer.jaar
    gebruikt = NUL  # part of the yearly maximum already used by earlier months
    totaal_vrij = totaal_mindering = NUL
    kosten_bij_27_plus = False
    max_jaar = spoor.waarde("bijstand.vrijwilligersvergoeding.maximum_per_jaar", date(jaar, 1, 1))
    for r in regels:
        datum = date(jaar, r["maand"], 1)
        kosten = r["aangetoonde_kosten"]
        rest = r["vergoeding_voor_inzet"]
        k = vrijlating_onder_k(spoor, datum, r["leeftijd"], rest, gebruikt)
        if k.van_toepassing:
            gebruikt += k.vrijgelaten
            vrijgelaten = kosten + k.vrijgelaten
            if kosten > 0 and rest > 0:
                kosten_bij_27_plus = True
            spoor.stap("vrijwilligers.bijstand.vrijgelaten", vrijgelaten, maand=maandnaam(r["maand"], hoofdletter=True),
                       leeftijd=r["leeftijd"], minimum=k.minimumleeftijd, kosten=Bedrag(kosten), rest=Bedrag(rest),
                       mm=Bedrag(k.maximum_per_maand), ruimte=Bedrag(k.ruimte), vrij=Bedrag(vrijgelaten))
        else:
            vrijgelaten = kosten
            spoor.stap("vrijwilligers.bijstand.jonger", vrijgelaten, maand=maandnaam(r["maand"], hoofdletter=True),
                       leeftijd=r["leeftijd"], minimum=k.minimumleeftijd, kosten=Bedrag(kosten))
        in_mindering = r["vergoeding"] - vrijgelaten
        r["vrijgelaten"] = vrijgelaten
        r["in_mindering"] = in_mindering
        totaal_vrij += vrijgelaten
        totaal_mindering += in_mindering
    spoor.stap("vrijwilligers.bijstand.in_mindering", totaal_mindering, verg=Bedrag(totaal_vrij + totaal_mindering), vrij=Bedrag(totaal_vrij), min=Bedrag(totaal_mindering))
    if kosten_bij_27_plus:
        spoor.waarschuw("vrijwilligers.waarschuwing.kosten_bij_onder_k")
    if any("uur" in r["overschreden"] for r in regels):
        spoor.stap("vrijwilligers.bijstand.geen_uurbedrag")
        spoor.waarschuw("vrijwilligers.waarschuwing.onder_k_geen_uurbedrag")
    spoor.waarschuw("vrijwilligers.waarschuwing.bijstand_alle_maanden")
    return {
        "max_per_jaar": max_jaar,
        "vrijgelaten": totaal_vrij,
        "in_mindering": totaal_mindering,
        "jaarmaximum_gebruikt": gebruikt,
    }


__all__ = ["MaandInvoer", "VrijwilligersInvoer", "bereken", "SOORT", "BESTAND", "OORDELEN",
           "ONBELAST", "ONBELAST_MITS", "BELAST"]

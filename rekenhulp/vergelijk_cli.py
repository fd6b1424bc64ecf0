"""`rekenhulp vergelijk` (issue 17): a caseload file in two situations A and B, rows to an output file, the summary
printed at the end (and optionally written as JSON). Also the scenario file option of `rekenhulp batch`."""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from contextlib import closing
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import click


def lees_scenario_bestand(pad: str, optie: str):
    """A scenario YAML file, validated; a bad file stops the command with every error (exit 2)."""
    from parameters import default_parameters
    from parameters.scenario import ScenarioFout, scenario_uit_yaml

    try:
        tekst = Path(pad).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        click.echo(f"{optie}: kan {pad} niet lezen ({exc}).", err=True)
        sys.exit(2)
    try:
        return scenario_uit_yaml(tekst, default_parameters())
    except ScenarioFout as exc:
        click.echo(f"{optie}: het scenario in {pad} is niet goed:", err=True)
        for f in exc.fouten:
            click.echo(f"  - {f['pad']}: {f['bericht']}", err=True)
        sys.exit(2)


def verwerk_met_scenario(scenario, invoer, uitvoer, soort, datum, formaat, processen):
    from batch.verwerking import verwerk

    click.echo(f"Scenario '{scenario.naam}' (vingerafdruk {scenario.vingerafdruk}).", err=True)
    return verwerk(invoer, uitvoer, soort, datum, formaat, processen, scenario=scenario)


def _datum(waarde: str | None, optie: str) -> date | None:
    if not waarde:
        return None
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        click.echo(f"Ongeldige {optie} '{waarde}'; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-07-01.", err=True)
        sys.exit(2)


def _situatie_tekst(naam: str, s) -> str:
    delen = [f"peildatum {s.peildatum.isoformat()}" if s.peildatum else "de datum van elk geval"]
    if s.scenario is not None:
        delen.append(f"scenario '{s.scenario.naam}' ({s.scenario.vingerafdruk})")
    else:
        delen.append("officiële parameters")
    return f"{naam}: " + ", ".join(delen)


def samenvatting_tekst(kop: dict, sv: dict) -> str:
    regels = [f"{sv['aantal']} gevallen, {sv['vergeleken']} vergeleken, {sv['met_fouten']} met fouten "
              "(die tellen niet mee)."]
    breed = max(len(n) for n in kop["bedragen"])
    regels.append(f"{'bedrag':<{breed}}  {'totaal A':>15} {'totaal B':>15} {'verschil':>14}  stijgt  daalt  gelijk")
    for n in kop["bedragen"]:
        t = sv["bedragen"][n]
        regels.append(f"{n:<{breed}}  {t['totaal_a']:>15} {t['totaal_b']:>15} {t['verschil']:>14}  "
                      f"{t['stijgt']:>6} {t['daalt']:>6} {t['gelijk']:>7}")
    v = sv["verdeling"]
    if v["klassen"]:
        regels.append(f"Verdeling van het verschil in {v['bedrag']} (klassen van {v['klassebreedte']}):")
        hoogste = max(k["aantal"] for k in v["klassen"]) or 1
        for k in v["klassen"]:
            regels.append(f"  {k['van']:>12} tot {k['tot']:>12}  {k['aantal']:>8}  {'#' * round(k['aantal'] * 40 / hoogste)}")
    if sv.get("groepen"):
        eerste = kop["bedragen"][0]
        regels.append(f"Per {sv['groep_op']} ({eerste}):")
        for g in sv["groepen"]:
            t = g["bedragen"][eerste]
            regels.append(f"  {'(leeg)' if g['groep'] in (None, '') else g['groep']!s:<20} {g['aantal']:>8}  "
                          f"{t['totaal_a']:>15} {t['totaal_b']:>15} {t['verschil']:>14}")
    return "\n".join(regels)


@click.command("vergelijk", help="Vergelijk een bestand met gevallen (CSV of JSON Lines, zoals bij batch) in twee "
                                 "situaties A en B: per geval de kernbedragen en het verschil, en een samenvatting.")
@click.argument("invoer", type=click.Path(dir_okay=False))
@click.option("-o", "--uitvoer", "uitvoer", required=True, type=click.Path(dir_okay=False),
              help="Uitvoerbestand per geval (.csv, .jsonl of .xlsx met een samenvattingsblad)")
@click.option("--soort", required=True, help="De berekening, bv. loonkostensubsidie of bijstandsnorm")
@click.option("--a", "a_datum", default=None, help="Peildatum van situatie A (JJJJ-MM-DD); leeg: de datum van elk geval")
@click.option("--b", "b_datum", default=None, help="Peildatum van situatie B (JJJJ-MM-DD); leeg: de datum van elk geval")
@click.option("--scenario-a", default=None, type=click.Path(dir_okay=False), help="Scenario (YAML) voor situatie A")
@click.option("--scenario-b", default=None, type=click.Path(dir_okay=False), help="Scenario (YAML) voor situatie B")
@click.option("--groep-op", default=None, help="Kolom om de samenvatting naar op te splitsen (bv. wijk)")
@click.option("--klassebreedte", default=None, help="Breedte van de klassen van de verdeling, bv. 10.00")
@click.option("--samenvatting", "samenvatting_pad", default=None, type=click.Path(dir_okay=False),
              help="Schrijf de samenvatting ook als JSON (.json) of CSV (.csv)")
@click.option("--formaat", type=click.Choice(["csv", "jsonl"]), default=None, help="Standaard: uit de extensie")
@click.option("--processen", type=click.IntRange(min=1), default=None,
              help="Aantal rekenprocessen; standaard alle kernen bij grote bestanden")
def vergelijk(invoer, uitvoer, soort, a_datum, b_datum, scenario_a, scenario_b, groep_op, klassebreedte,
              samenvatting_pad, formaat, processen):
    from soorten import snel
    from soorten.register import SOORTEN, laad_alle_soorten

    from batch.bestandsvergelijking import (Situatie, Vergelijker, csv_kolommen, csv_rij, lees_gevallen,
                                            vergelijk_in_blokken, vergelijk_rijen)
    from batch.verwerking import _open_invoer, _Voortgang, formaat_van, standaard_processen

    from .opdrachtfouten import stop_bij_fout

    laad_alle_soorten()
    if soort not in SOORTEN:
        click.echo(f"Onbekende soort '{soort}'. Kies een van: {', '.join(SOORTEN)}.", err=True)
        sys.exit(2)
    breedte = None
    if klassebreedte:
        try:
            breedte = Decimal(klassebreedte.replace(",", "."))
            if not breedte.is_finite() or breedte <= 0:
                raise InvalidOperation
        except InvalidOperation:
            click.echo(f"Ongeldige --klassebreedte '{klassebreedte}'; geef een bedrag groter dan 0, bv. 10.00.", err=True)
            sys.exit(2)
    a = Situatie(_datum(a_datum, "--a"), lees_scenario_bestand(scenario_a, "--scenario-a") if scenario_a else None)
    b = Situatie(_datum(b_datum, "--b"), lees_scenario_bestand(scenario_b, "--scenario-b") if scenario_b else None)
    if a.peildatum == b.peildatum and a.scenario == b.scenario:
        click.echo("Let op: situatie A en B zijn gelijk; elk verschil is 0.", err=True)
    v = Vergelijker(soort, a, b, groep_op, breedte)
    if _excel(invoer) or str(uitvoer).lower().endswith(".xlsx"):
        return _vergelijk_excel(v, a, b, invoer, uitvoer, formaat, samenvatting_pad)
    formaat_in = formaat_van(invoer, formaat)
    formaat_uit = formaat_van(uitvoer)
    uit = Path(uitvoer)
    tijdelijk = uit.with_name(f".{uit.name}.{os.getpid()}.deel")
    start = time.monotonic()
    with stop_bij_fout(lambda: tijdelijk.unlink(missing_ok=True)):
        f = _open_invoer(invoer)
        balk = _Voortgang(os.path.getsize(invoer))
        with f, open(tijdelijk, "w", encoding="utf-8", newline="") as out:
            schrijver = None
            if formaat_uit == "csv":
                schrijver = csv.writer(out, lineterminator="\r\n")
                schrijver.writerow(csv_kolommen(v.bedragen, groep_op))
            n = 0
            if snel.AAN:  # issue 17 part 3: blocks in worker processes, which convert, compute and write the rows
                if processen is None:
                    processen = standaard_processen(invoer)
                with closing(vergelijk_in_blokken(v, f, formaat_in, formaat_uit, processen)) as blokken:
                    for tekst, positie in blokken:
                        out.write(tekst)
                        balk.toon(v.samenvatting.aantal, positie)
                n = v.samenvatting.aantal
            else:  # REKENHULP_SNEL=0: one process, row by row
                gevallen = lees_gevallen(f, v.soort, groep_op, formaat_in)
                for rij in vergelijk_rijen(v, gevallen):
                    if schrijver is not None:
                        schrijver.writerow(csv_rij(rij, v.bedragen, groep_op))
                    else:
                        out.write(json.dumps(rij, ensure_ascii=False) + "\n")
                    n += 1
                    if n % 500 == 0:
                        balk.toon(n, f.buffer.tell() if hasattr(f, "buffer") else 0)
            balk.toon(n, 0, klaar=True)
        os.replace(tijdelijk, uit)
    _samenvatting_af(v, a, b, uitvoer, samenvatting_pad, start)


def _samenvatting_af(v, a, b, uitvoer, samenvatting_pad, start: float) -> None:
    """The end of `rekenhulp vergelijk`: the summary (also to a file with --samenvatting) and the situations."""
    from batch.bestandsvergelijking import samenvatting_csv

    kop = v.kop()
    try:
        sv = v.samenvatting.json()
    except ValueError:
        click.echo("De klassebreedte is te klein (meer dan 1000 klassen); de verdeling gebruikt de standaardbreedte.", err=True)
        v.samenvatting.klassebreedte = None
        sv = v.samenvatting.json()
    if samenvatting_pad:
        if str(samenvatting_pad).lower().endswith(".csv"):
            Path(samenvatting_pad).write_text(samenvatting_csv(sv, v.bedragen), encoding="utf-8", newline="")
        else:
            Path(samenvatting_pad).write_text(json.dumps({**kop, "samenvatting": sv}, ensure_ascii=False, indent=2),
                                              encoding="utf-8")
    click.echo(_situatie_tekst("A", a))
    click.echo(_situatie_tekst("B", b))
    click.echo(samenvatting_tekst(kop, sv))
    click.echo(f"{sv['aantal']} gevallen in {time.monotonic() - start:.1f} s. Uitvoer: {uitvoer}", err=True)


def _excel(pad: str) -> bool:
    try:
        with open(pad, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _vergelijk_excel(v, a, b, invoer, uitvoer, formaat, samenvatting_pad):
    """An .xlsx in or out (batch/bestandsvergelijking_xlsx.py); the same messages and summary as for CSV."""
    from batch.bestandsvergelijking_xlsx import vergelijk_bestand

    from .opdrachtfouten import stop_bij_fout

    start = time.monotonic()
    with stop_bij_fout():
        vergelijk_bestand(v, invoer, uitvoer, formaat)
    _samenvatting_af(v, a, b, uitvoer, samenvatting_pad, start)


__all__ = ["vergelijk", "lees_scenario_bestand", "verwerk_met_scenario", "samenvatting_tekst"]

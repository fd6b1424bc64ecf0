"""The `rekenhulp` command: serve, parameters check (and more subcommands per area)."""

from __future__ import annotations

import sys
from datetime import date, timedelta

import click

from parameters import ParameterFileError, load_parameters


@click.group(help="Rekenhulp: rekenregels voor werk en inkomen.")
def main():
    pass


@main.command(help="Start de webdienst met gunicorn (productie-WSGI-server).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
def serve(host: str, port: int, workers: int):
    try:
        load_parameters()
    except ParameterFileError as exc:
        click.echo(f"Parameterbestand ongeldig, de dienst start niet: {exc}", err=True)
        sys.exit(1)
    # One secret for all workers (CSRF tokens must verify in any worker); in production it must be set (issue 19:
    # serve used to fill in a random one first, so the production guard of create_app never held).
    from .gunicorn_conf import INSTELLINGEN, json_foutpaginas, sleutel_voor_alle_workers

    try:
        sleutel_voor_alle_workers(lambda tekst: click.echo(tekst, err=True))
    except SystemExit as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    json_foutpaginas()
    from gunicorn.app.base import BaseApplication

    class _App(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", None)
            for naam, waarde in INSTELLINGEN.items():
                if naam != "on_starting":
                    self.cfg.set(naam, waarde)

        def load(self):
            from rekenhulp import create_app

            return create_app()

    click.echo(f"Rekenhulp draait op http://{host}:{port}/ ({workers} workers). Stoppen: Ctrl+C")
    _App().run()


@main.group(help="Parameterbestanden.")
def parameters():
    pass


HORIZON_WAARSCHUWING_DAGEN = 60  # `parameters check` warns when the horizon is this close (issue 15)


def _laad(directory):
    try:
        return load_parameters(directory)
    except ParameterFileError as exc:
        click.echo(f"FOUT in {exc.bestand}:", err=True)
        for m in exc.meldingen:
            click.echo(f"  - {m}", err=True)
        sys.exit(1)


def _datum(tekst: str | None, optie: str) -> date | None:
    if tekst is None:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        click.echo(f"Ongeldige {optie} '{tekst}'; gebruik JJJJ-MM-DD.", err=True)
        sys.exit(2)


@parameters.command("check", help="Valideer alle parameterbestanden en toon de dekking per parameter en de horizon "
                                  "(de laatste datum waarop alle waarden bekend zijn).")
@click.option("--map", "directory", default=None, help="Andere map met parameterbestanden")
@click.option("--van", default=None, help="Begin van de periode (JJJJ-MM-DD); standaard: ondersteund_vanaf uit de bestanden")
@click.option("--tot", default=None, help="Einde van de periode (JJJJ-MM-DD); standaard: de horizon van de bestanden")
def parameters_check(directory, van, tot):
    ps = _laad(directory)
    # The period comes from the data: the earliest ondersteund_vanaf to the horizon (no year in code).
    van = (_datum(van, "--van") or ps.ondersteund_vanaf).isoformat()
    eind = _datum(tot, "--tot") or ps.bekend_tot
    tot = eind.isoformat()
    click.echo(f"{len(ps.names)} parameters in {len(ps.files)} bestanden; vingerafdruk {ps.fingerprint}")
    horizon = ps.bekend_tot
    click.echo(f"Horizon: alle waarden zijn bekend tot en met {horizon.isoformat()}.")
    dagen = (horizon - date.today()).days
    if dagen <= HORIZON_WAARSCHUWING_DAGEN:
        wanneer = f"over {dagen} dagen" if dagen > 0 else ("vandaag" if dagen == 0 else f"{-dagen} dagen geleden")
        click.echo(f"WAARSCHUWING: de horizon {horizon.isoformat()} is {wanneer} bereikt; voeg de waarden van de "
                   f"volgende periode toe (rekenhulp parameters ontbrekend {(horizon + timedelta(days=1)).isoformat()}; "
                   f"docs/nieuwe-periode.md).", err=True)
    gaten = 0
    for p in ps:
        voorlopig = sum(1 for e in p.entries if e.value is not None and e.value.voorlopig)
        delen = [
            f"{van.isoformat()} t/m {tot.isoformat()}" + ("" if heeft else " geen waarde")
            for van, tot, heeft in p.perioden()
        ]
        let_op = ""
        # A parameter may start later (a new rule, e.g. the hourly WML from 2024, which follows the
        # monthly WML that ends then), or have periods without a value (a rule not in force then);
        # whether each calculation finds a value for every month is proven by tests/test_dekking.py.
        # Here: every parameter must be known (checked) up to the end of the period.
        if p.bekend_tot < eind:
            let_op = "  <-- niet bekend tot het einde van de periode"
            gaten += 1
        click.echo(f"  {p.naam:<45} {'; '.join(delen)}{f'  ({voorlopig} voorlopig)' if voorlopig else ''}{let_op}")
    if gaten:
        click.echo(f"{gaten} parameter(s) dekken niet de hele periode {van} t/m {tot}.", err=True)
        sys.exit(1)
    click.echo(f"Alle parameters zijn gedekt van {van} tot en met {tot}.")


@parameters.command("ontbrekend", help="Toon elke parameter zonder waarde op DATUM (JJJJ-MM-DD), met waar de waarde "
                                       "wordt gepubliceerd.")
@click.argument("datum")
@click.option("--map", "directory", default=None, help="Andere map met parameterbestanden")
def parameters_ontbrekend(datum, directory):
    dag = _datum(datum, "DATUM")
    ps = _laad(directory)
    ontbrekend = ps.ontbrekend(dag)
    if not ontbrekend:
        click.echo(f"Alle {len(ps.names)} parameters hebben een waarde op {dag.isoformat()}.")
        return
    click.echo(f"{len(ontbrekend)} van {len(ps.names)} parameters hebben geen waarde op {dag.isoformat()}:")
    for p in ontbrekend:
        laatste = p.entries[-1]
        if dag > p.bekend_tot:
            reden = f"bekend tot en met {p.bekend_tot.isoformat()}"
            if laatste.value is None:
                reden += f"; vervallen per {laatste.vanaf.isoformat()}: alleen bekend_tot verplaatsen"
        elif dag < p.entries[0].vanaf:
            reden = f"eerste waarde vanaf {p.entries[0].vanaf.isoformat()}"
        else:
            reden = "vervallen op deze datum"
        click.echo(f"  {p.naam} ({p.bestand}; {reden})")
        click.echo(f"      publicatie: {p.publicatie or 'niet vastgelegd (voeg publicatie toe aan het bestand)'}")


@main.command("batch", help="Reken een CSV-, Excel- (.xlsx) of JSON Lines-bestand met veel berekeningen door (één uitvoerregel per invoerregel).")
@click.argument("invoer", type=click.Path(dir_okay=False))
@click.option("-o", "--uitvoer", "uitvoer", required=True, type=click.Path(dir_okay=False), help="Uitvoerbestand (.csv, .jsonl, of .xlsx bij een Excel-bestand)")
@click.option("--soort", required=True, help="De berekening, bv. loonkostensubsidie")
@click.option("--peildatum", default=None, help="Reken elke regel op deze datum (JJJJ-MM-DD); een datumkolom wordt dan genegeerd")
@click.option("--formaat", type=click.Choice(["csv", "jsonl"]), default=None, help="Standaard: uit de extensie van het invoerbestand")
@click.option("--processen", type=int, default=None, help="Aantal rekenprocessen; standaard alle kernen bij grote bestanden")
@click.option("--scenario", "scenario_pad", default=None, type=click.Path(dir_okay=False),
              help="Reken met een scenario (YAML-bestand met andere parameterwaarden, zie de scenariopagina)")
def batch(invoer, uitvoer, soort, peildatum, formaat, processen, scenario_pad):
    from batch.verwerking import verwerk

    from .opdrachtfouten import stop_bij_fout

    datum = None
    if peildatum:
        try:
            datum = date.fromisoformat(peildatum)
        except ValueError:
            click.echo(f"Ongeldige --peildatum '{peildatum}'; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01.", err=True)
            sys.exit(2)
    with stop_bij_fout():
        if scenario_pad:  # issue 17
            from .vergelijk_cli import lees_scenario_bestand, verwerk_met_scenario

            s = verwerk_met_scenario(lees_scenario_bestand(scenario_pad, "--scenario"), invoer, uitvoer, soort, datum,
                                     formaat, processen)
        else:
            s = verwerk(invoer, uitvoer, soort, datum, formaat, processen)
    tempo = s.rijen / s.seconden if s.seconden else 0
    click.echo(f"{s.rijen} regels verwerkt in {s.seconden:.1f} s ({tempo:.0f}/s); {s.fouten} met fouten "
               f"(zie de kolom fouten). Uitvoer: {uitvoer}", err=True)


from .vergelijk_cli import vergelijk  # noqa: E402  `rekenhulp vergelijk` (issue 17)

main.add_command(vergelijk)


if __name__ == "__main__":
    main()

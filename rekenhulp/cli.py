"""The `rekenhulp` command: serve, parameters check (and more subcommands per area)."""

from __future__ import annotations

import os
import secrets
import sys
from datetime import date

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
    # One secret for all workers (CSRF tokens must verify in any worker); set REKENHULP_SECRET_KEY in production.
    os.environ.setdefault("REKENHULP_SECRET_KEY", secrets.token_hex(32))
    from gunicorn.app.base import BaseApplication

    class _App(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", None)
            self.cfg.set("timeout", 60)
            self.cfg.set("limit_request_line", 8190)

        def load(self):
            from rekenhulp import create_app

            return create_app()

    click.echo(f"Rekenhulp draait op http://{host}:{port}/ ({workers} workers). Stoppen: Ctrl+C")
    _App().run()


@main.group(help="Parameterbestanden.")
def parameters():
    pass


@parameters.command("check", help="Valideer alle parameterbestanden en toon de dekking per parameter.")
@click.option("--map", "directory", default=None, help="Andere map met parameterbestanden")
@click.option("--van", default="2022-01-01", show_default=True)
@click.option("--tot", default="2026-12-31", show_default=True)
def parameters_check(directory, van, tot):
    try:
        ps = load_parameters(directory)
    except ParameterFileError as exc:
        click.echo(f"FOUT in {exc.bestand}:", err=True)
        for m in exc.meldingen:
            click.echo(f"  - {m}", err=True)
        sys.exit(1)
    eind = date.fromisoformat(tot)
    click.echo(f"{len(ps.names)} parameters in {len(ps.files)} bestanden; vingerafdruk {ps.fingerprint}")
    gaten = 0
    for p in ps:
        eerste = p.entries[0].vanaf
        voorlopig = sum(1 for e in p.entries if e.value is not None and e.value.voorlopig)
        vervallen = next((e.vanaf for e in p.entries if e.value is None), None)
        dekking = f"{eerste.isoformat()} t/m {(vervallen.isoformat() + ' (vervallen)') if vervallen else p.bekend_tot.isoformat()}"
        let_op = ""
        # A parameter may start later (a new rule, e.g. the hourly WML from 2024, which follows the
        # monthly WML that ends then); whether the engine finds a value for every month is proven by
        # tests/test_dekking.py. Here: every parameter still in force must be known up to the end.
        if vervallen is None and p.bekend_tot < eind:
            let_op = "  <-- niet bekend tot het einde van de periode"
            gaten += 1
        click.echo(f"  {p.naam:<45} {dekking}{f'  ({voorlopig} voorlopig)' if voorlopig else ''}{let_op}")
    if gaten:
        click.echo(f"{gaten} parameter(s) dekken niet de hele periode {van} t/m {tot}.", err=True)
        sys.exit(1)
    click.echo(f"Alle parameters zijn gedekt van {van} tot en met {tot}.")


if __name__ == "__main__":
    main()

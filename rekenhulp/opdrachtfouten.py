"""How the commands `rekenhulp batch` and `rekenhulp vergelijk` end on a bad file, Ctrl-C or a disk error: one
message on stderr, no half output file left behind, and an exit code (1, 130)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable

import click

from batch.verwerking import BatchFout


@contextmanager
def stop_bij_fout(opruimen: Callable[[], None] | None = None):
    """Run the body; on BatchFout, KeyboardInterrupt or OSError call `opruimen` (e.g. remove the partial output),
    print the message and exit."""
    try:
        yield
    except BatchFout as exc:
        _weg(opruimen)
        click.echo(f"Fout: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        _weg(opruimen)
        click.echo("Afgebroken; er is geen uitvoerbestand geschreven.", err=True)
        sys.exit(130)
    except OSError as exc:
        _weg(opruimen)
        click.echo(f"Fout bij lezen of schrijven: {exc.strerror or exc} ({exc.filename or ''})", err=True)
        sys.exit(1)


def _weg(opruimen):
    if opruimen is not None:
        opruimen()

"""The dated parameter values as data, loaded and validated.

`load_parameters()` reads every ``*.yaml`` file in this folder, validates it against
``parameters/schema.py`` and returns a :class:`ParameterSet`. An invalid file raises
:class:`ParameterFileError` naming the file, the parameter and the date. A look-up for a date on
which no value is in force raises :class:`MissingParameterError`: never a fallback to another period.
"""

from __future__ import annotations

import bisect
import os
import hashlib
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml
from marshmallow import ValidationError

from .schema import ParameterFileSchema, check_publicatie, check_values, publicatie_van

PARAMETER_DIR = Path(__file__).resolve().parent


class ParameterFileError(Exception):
    """A parameter file is invalid. The message names the file, the parameter and the date."""

    def __init__(self, bestand: str, meldingen: list[str]):
        self.bestand = bestand
        self.meldingen = meldingen
        super().__init__(f"{bestand}: " + "; ".join(meldingen))


class MissingParameterError(LookupError):
    """No value of a parameter is in force on the date asked for."""

    def __init__(self, naam: str, datum: date, reden: str, bekend_tot: date | None = None):
        self.naam = naam
        self.datum = datum
        self.reden = reden
        # The last date up to which the parameter's values are known (None: the parameter does not exist).
        self.bekend_tot = bekend_tot
        super().__init__(f"Geen waarde voor parameter '{naam}' op {datum.isoformat()}: {reden}")


@dataclass(frozen=True, slots=True)
class ParameterValue:
    naam: str
    vanaf: date
    waarde: Decimal | bool
    eenheid: str
    bron: str
    status: str
    toelichting: str | None
    grondslag: str
    omschrijving: str = ""

    @property
    def voorlopig(self) -> bool:
        return self.status == "voorlopig"


@dataclass(frozen=True, slots=True)
class _Entry:
    vanaf: date
    value: ParameterValue | None  # None: vervallen from this date


@dataclass
class Parameter:
    naam: str
    omschrijving: str
    eenheid: str
    grondslag: str
    bekend_tot: date
    bestand: str
    entries: list[_Entry]
    publicatie: str | None = None  # where its next value is published (schema: `publicatie`)
    ondersteund_vanaf: date | None = None  # of its file (schema: `ondersteund_vanaf`)
    bestandstitel: str | None = None  # the `titel` of its file, a heading for people (the parameter pages)
    _dates: list[date] = field(default_factory=list, repr=False)

    def __post_init__(self):
        self._dates = [e.vanaf for e in self.entries]

    def at(self, datum: date) -> ParameterValue:
        if datum > self.bekend_tot:
            raise MissingParameterError(
                self.naam, datum, f"de waarden zijn bekend tot en met {self.bekend_tot.isoformat()}", self.bekend_tot
            )
        i = bisect.bisect_right(self._dates, datum) - 1
        if i < 0:
            raise MissingParameterError(
                self.naam, datum, f"de eerste waarde geldt vanaf {self.entries[0].vanaf.isoformat()}", self.bekend_tot
            )
        entry = self.entries[i]
        if entry.value is None:
            raise MissingParameterError(self.naam, datum, f"vervallen per {entry.vanaf.isoformat()}", self.bekend_tot)
        return entry.value

    @property
    def waarden(self) -> list[_Entry]:
        return self.entries

    def perioden(self) -> list[tuple[date, date, bool]]:
        """Consecutive (from, to inclusive, has a value) periods up to `bekend_tot`, merging equal states."""
        from datetime import timedelta

        out: list[tuple[date, date, bool]] = []
        for i, entry in enumerate(self.entries):
            tot = self.entries[i + 1].vanaf - timedelta(days=1) if i + 1 < len(self.entries) else self.bekend_tot
            heeft = entry.value is not None
            if out and out[-1][2] == heeft:
                out[-1] = (out[-1][0], tot, heeft)
            else:
                out.append((entry.vanaf, tot, heeft))
        return out


class _DecimalLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML loader that reads every number as an exact Decimal (never a float). On libyaml's parser when PyYAML
    has it (its wheels do; several times quicker to start a process), with the same SafeConstructor."""


def _decimal(loader, node):
    return Decimal(loader.construct_scalar(node).replace("_", ""))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)
_DecimalLoader.add_constructor("tag:yaml.org,2002:int", _decimal)


def _parse_file(path: Path) -> tuple[str, dict]:
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.load(text, Loader=_DecimalLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ParameterFileError(path.name, [f"geen geldige YAML: {exc}"]) from exc
    except ValueError as exc:  # e.g. a date such as 2024-13-01, which YAML reads as a date that cannot be
        raise ParameterFileError(path.name, [f"geen geldige datum (JJJJ-MM-DD): {exc}"]) from exc
    try:
        data = ParameterFileSchema().load(raw or {})
    except ValidationError as exc:
        raise ParameterFileError(path.name, _flatten(exc.messages, raw)) from exc
    meldingen: list[str] = check_publicatie(data)
    for naam, spec in data["parameters"].items():
        meldingen.extend(check_values(naam, spec))
    if meldingen:
        raise ParameterFileError(path.name, meldingen)
    return text, data


def _flatten(messages, raw) -> list[str]:
    """marshmallow's nested messages as lines that name the parameter and the date, ParamTools-style:
    ``wml.uurloon[2024-01-01].bron: ontbreekt``."""
    out: list[str] = []

    def walk(msg, node, label: str) -> None:
        if isinstance(msg, dict):
            for key, sub in msg.items():
                if key == "value":  # marshmallow's Dict-field layer: the parameter's own fields
                    walk(sub, node, label)
                    continue
                child = node.get(key) if isinstance(node, dict) else (
                    node[key] if isinstance(node, list) and isinstance(key, int) and key < len(node) else None)
                if label.endswith(".waarden") and isinstance(key, int):
                    vanaf = child.get("vanaf") if isinstance(child, dict) else None
                    name = f"{label[: -len('.waarden')]}[{vanaf if vanaf else f'#{key + 1}'}]"
                elif label == "parameters":
                    name = str(key)
                else:
                    name = f"{label}.{key}" if label else str(key)
                walk(sub, child, name)
        elif isinstance(msg, list):
            for m in msg:
                if isinstance(m, (dict, list)):
                    walk(m, node, label)
                else:
                    out.append(f"{label}: {m}" if label else str(m))
        else:
            out.append(f"{label}: {msg}")

    walk(messages, raw, "")
    return out


class ParameterSet:
    """All parameters, by name, with look-up by date."""

    def __init__(self, parameters: dict[str, Parameter], fingerprint: str, files: list[str]):
        self._parameters = parameters
        self.fingerprint = fingerprint
        self.files = files
        # Successful look-ups by (naam, datum): a calculation asks for the same few values on the same
        # dates over and over (a year overview asks each month). Values are immutable, so a cached
        # answer is the answer; failures are not cached (they raise every time, with their reason).
        # Bounded: only dates on which a value is in force, and cleared when it grows past _CACHE_MAX.
        self._cache: dict[tuple[str, date], ParameterValue] = {}
        # Tables an engine derives from the parameter data (e.g. the months in which values change),
        # computed once per parameter set; keys are chosen by the engine, e.g. ("lks.wisselingen", 2026).
        self.afgeleid: dict = {}

    def __contains__(self, naam: str) -> bool:
        return naam in self._parameters

    def __iter__(self):
        return iter(self._parameters.values())

    @property
    def names(self) -> list[str]:
        return sorted(self._parameters)

    def parameter(self, naam: str) -> Parameter:
        try:
            return self._parameters[naam]
        except KeyError:
            raise MissingParameterError(naam, date.today(), "deze parameter bestaat niet") from None

    @property
    def bekend_tot(self) -> date:
        """The horizon: the last date up to which every parameter is known (the earliest `bekend_tot`)."""
        return min(p.bekend_tot for p in self._parameters.values())

    @property
    def ondersteund_vanaf(self) -> date:
        """The first date the calculations are offered for: the earliest start of any file."""
        return min(self.periode(bestand)[0] for bestand in {p.bestand for p in self._parameters.values()})

    def periode(self, bestand: str) -> tuple[date, date]:
        """(first, last date) of one parameter file: its `ondersteund_vanaf` (else its earliest `vanaf`) and
        its horizon (the earliest `bekend_tot` of its parameters)."""
        eigen = [p for p in self._parameters.values() if p.bestand == bestand]
        if not eigen:
            raise KeyError(f"geen parameterbestand {bestand}")
        van = eigen[0].ondersteund_vanaf or min(p.entries[0].vanaf for p in eigen)
        return van, min(p.bekend_tot for p in eigen)

    def jaren(self, bestand: str) -> tuple[int, int]:
        """The calendar years of a rule whose values are in `bestand`: from the year its period starts to the
        year of its horizon (a year past the horizon is refused by the look-up, naming the horizon)."""
        van, tot = self.periode(bestand)
        return van.year, tot.year

    def ontbrekend(self, datum: date) -> list[Parameter]:
        """The parameters without a value on `datum` (past their horizon, not yet started or vervallen)."""
        out = []
        for p in self._parameters.values():
            try:
                p.at(datum)
            except MissingParameterError:
                out.append(p)
        return sorted(out, key=lambda p: p.naam)

    def at(self, naam: str, datum: date) -> ParameterValue:
        key = (naam, datum)
        pv = self._cache.get(key)
        if pv is None:
            pv = self.parameter(naam).at(datum)  # raises MissingParameterError: never cached
            if len(self._cache) >= _CACHE_MAX:
                self._cache.clear()
            self._cache[key] = pv
        return pv


_CACHE_MAX = 200_000


def load_parameters(directory: Path | str | None = None) -> ParameterSet:
    directory = Path(directory or os.environ.get("REKENHULP_PARAMETERS") or PARAMETER_DIR)
    parameters: dict[str, Parameter] = {}
    digest = hashlib.sha256()
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise ParameterFileError(str(directory), ["geen parameterbestanden gevonden"])
    for path in files:
        text, data = _parse_file(path)
        digest.update(path.name.encode() + b"\0" + text.encode("utf-8") + b"\0")
        for naam, spec in data["parameters"].items():
            if naam in parameters:
                raise ParameterFileError(
                    path.name, [f"{naam}: parameter staat ook in {parameters[naam].bestand}"]
                )
            entries = [
                _Entry(
                    item["vanaf"],
                    None
                    if item["vervallen"]
                    else ParameterValue(
                        naam=naam,
                        vanaf=item["vanaf"],
                        waarde=item["waarde"],
                        eenheid=spec["eenheid"],
                        bron=item["bron"],
                        status=item["status"],
                        toelichting=item["toelichting"],
                        grondslag=spec["grondslag"],
                        omschrijving=spec["omschrijving"],
                    ),
                )
                for item in spec["waarden"]
            ]
            parameters[naam] = Parameter(
                naam=naam,
                omschrijving=spec["omschrijving"],
                eenheid=spec["eenheid"],
                grondslag=spec["grondslag"],
                bekend_tot=spec["bekend_tot"],
                bestand=path.name,
                entries=entries,
                publicatie=publicatie_van(naam, spec, data["publicatie"]),
                ondersteund_vanaf=data["ondersteund_vanaf"],
                bestandstitel=data.get("titel"),
            )
    return ParameterSet(parameters, digest.hexdigest()[:16], [p.name for p in files])


@lru_cache(maxsize=1)
def _standaard() -> ParameterSet:
    return load_parameters()


@lru_cache(maxsize=8)
def _uit_map(directory: str) -> ParameterSet:
    return load_parameters(directory)


def _app_map() -> str | None:
    """The parameter folder of the running Flask app (config key REKENHULP_PARAMETERS), if any. The parameters
    do not import Flask (tests/test_lagen.py): without Flask loaded there is no app, so no app folder either."""
    flask = sys.modules.get("flask")
    if flask is None or not flask.has_app_context():  # the engine without the web service, or outside an app
        return None
    return flask.current_app.config.get("REKENHULP_PARAMETERS")


def default_parameters() -> ParameterSet:
    """The parameter set in use, loaded once per process and folder: inside a Flask app the folder of its
    config key REKENHULP_PARAMETERS, else the environment variable REKENHULP_PARAMETERS, else the files
    shipped with the code (this folder)."""
    directory = _app_map()
    if directory:
        return _uit_map(str(Path(directory).resolve()))
    return _standaard()


def _cache_clear() -> None:
    _standaard.cache_clear()
    _uit_map.cache_clear()


default_parameters.cache_clear = _cache_clear  # as on an lru_cache function (tests use it)

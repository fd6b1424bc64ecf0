"""Scenarios: alternative parameter values laid over the official ones ("what if the WML in 2027 is € 15,15").

A scenario is data, like the parameter files:

    naam: WML 2027 +3 %
    parameters:
      wml.uurloon:
        - vanaf: 2027-01-01
          waarde: 15.15
    doortrekken_tot: 2027-12-31   # optional, see below

`lees_scenario(data, basis)` validates it with the same rules as the parameter files (``schema.check_values``:
type per unit, 0..100 for a percentage, no negative amounts, no date twice) plus: the parameter must exist, the
unit (if given) must be the parameter's. Every error is reported at once, each with its JSON path and a message
that names the parameter and the date. `Scenario.pas_toe(basis)` returns a :class:`ScenarioParameters`: a new
parameter set in which the named parameters have the scenario's values (replacing an official value on the same
date, or added after it, also beyond the official `bekend_tot`). The calculators need no change: they look values
up in it as in the official set.

Caches: a ScenarioParameters is a new ParameterSet object with its own look-up cache and its own `afgeleid`
tables; the official set and its caches are never modified, so a scenario cannot leak into another calculation.
The response cache of `soorten.register.parameter_gebruik` is keyed by the identity of the value object (and holds
it), and scenario values are new objects.

`doortrekken_tot`: the official data stop at their horizon (`bekend_tot`). A 2027 calculation needs every value it
uses in 2027; with `doortrekken_tot` the scenario states the assumption that every official parameter it does
not name keeps its last official value until that date. Such a carried value is a scenario value too (status
`scenario`, its bron says which official value was carried), so the result shows that it is an assumption.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

import yaml

from . import Parameter, ParameterSet, ParameterValue, _DecimalLoader, _Entry
from .schema import EENHEDEN, check_values

STATUS = "scenario"
MAX_NAAM = 100
MAX_WAARDEN = 200  # values in one scenario, over all parameters
VELDEN = ("naam", "parameters", "doortrekken_tot")
WAARDE_VELDEN = ("vanaf", "waarde", "eenheid", "toelichting")
# dates a scenario may name: wide enough for any prognosis, and far from the limits of date arithmetic
EERSTE_DATUM, LAATSTE_DATUM = date(1990, 1, 1), date(2100, 12, 31)
BEREIK = f"Kies een datum van {EERSTE_DATUM.isoformat()} tot en met {LAATSTE_DATUM.isoformat()}."


class ScenarioFout(Exception):
    """The scenario is invalid: every error, as [{"pad": JSON path, "bericht": Dutch message}]."""

    def __init__(self, fouten: list[dict]):
        self.fouten = fouten
        super().__init__("; ".join(f"{f['pad']}: {f['bericht']}" for f in fouten))


@dataclass(frozen=True)
class ScenarioWaarde:
    vanaf: date
    waarde: Decimal | bool
    toelichting: str | None = None


@dataclass(frozen=True)
class Scenario:
    naam: str
    waarden: tuple[tuple[str, tuple[ScenarioWaarde, ...]], ...]  # (parameter, values sorted by date), by name
    doortrekken_tot: date | None = None

    @property
    def parameters(self) -> dict[str, tuple[ScenarioWaarde, ...]]:
        return dict(self.waarden)

    def canoniek(self) -> dict:
        """The scenario as plain JSON data in one fixed form (sorted, values as text): what the rekenbewijs shows
        and what the fingerprint is computed over. Sending it back gives the same scenario."""
        out: dict = {"naam": self.naam, "parameters": {
            naam: [_waarde_json(w) for w in waarden] for naam, waarden in self.waarden}}
        if self.doortrekken_tot is not None:
            out["doortrekken_tot"] = self.doortrekken_tot.isoformat()
        return out

    @property
    def vingerafdruk(self) -> str:
        """SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8), the first 16 hex digits like the
        parameter fingerprint."""
        tekst = json.dumps(self.canoniek(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:16]

    @property
    def bron(self) -> str:
        return f"Scenario '{self.naam}'"

    def pas_toe(self, basis: ParameterSet) -> "ScenarioParameters":
        return ScenarioParameters(basis, self)


def _waarde_json(w: ScenarioWaarde) -> dict:
    d = {"vanaf": w.vanaf.isoformat(), "waarde": w.waarde if isinstance(w.waarde, bool) else format(w.waarde, "f")}
    if w.toelichting:
        d["toelichting"] = w.toelichting
    return d


class ScenarioParameters(ParameterSet):
    """The official parameter set with a scenario laid over it. `fingerprint` stays the official one (it names
    the parameter files); `scenario` says what was laid over them."""

    def __init__(self, basis: ParameterSet, scenario: Scenario):
        parameters = dict(basis._parameters)
        for naam, waarden in scenario.waarden:
            parameters[naam] = _met_waarden(basis.parameter(naam), waarden, scenario)
        if scenario.doortrekken_tot is not None:
            for naam, par in parameters.items():
                if par.bekend_tot < scenario.doortrekken_tot:
                    parameters[naam] = _doorgetrokken(par, scenario)
        super().__init__(parameters, basis.fingerprint, basis.files)
        self.basis = basis
        self.scenario = scenario


def _scenario_waarde(par: Parameter, w: ScenarioWaarde, scenario: Scenario, bron: str | None = None,
                     toelichting: str | None = None) -> ParameterValue:
    return ParameterValue(
        naam=par.naam, vanaf=w.vanaf, waarde=w.waarde, eenheid=par.eenheid, bron=bron or scenario.bron,
        status=STATUS,
        toelichting=toelichting or w.toelichting or "Deze waarde komt uit een scenario; het is geen officiële waarde.",
        grondslag=par.grondslag, omschrijving=par.omschrijving)


def _met_waarden(par: Parameter, waarden: tuple[ScenarioWaarde, ...], scenario: Scenario) -> Parameter:
    datums = {w.vanaf for w in waarden}
    entries = [e for e in par.entries if e.vanaf not in datums]
    entries += [_Entry(w.vanaf, _scenario_waarde(par, w, scenario)) for w in waarden]
    entries.sort(key=lambda e: e.vanaf)
    laatste = max(w.vanaf for w in waarden)
    # a value beyond the official horizon is known (by assumption) to the end of its year, or to doortrekken_tot
    bekend_tot = max(par.bekend_tot, date(laatste.year, 12, 31), scenario.doortrekken_tot or date.min)
    return _nieuw(par, entries, bekend_tot)


def _doorgetrokken(par: Parameter, scenario: Scenario) -> Parameter:
    laatste = par.entries[-1]
    entries = list(par.entries)
    if laatste.value is not None:
        vanaf = par.bekend_tot + timedelta(days=1)
        w = ScenarioWaarde(vanaf, laatste.value.waarde)
        entries.append(_Entry(vanaf, _scenario_waarde(
            par, w, scenario,
            bron=f"{scenario.bron}: de officiële waarde van {laatste.vanaf.isoformat()} doorgetrokken",
            toelichting=f"Aanname van het scenario: de waarde blijft na {par.bekend_tot.isoformat()} gelijk.")))
    return _nieuw(par, entries, scenario.doortrekken_tot)


def _nieuw(par: Parameter, entries: list, bekend_tot: date) -> Parameter:
    kopie = replace(par, entries=entries, bekend_tot=bekend_tot)
    kopie.__post_init__()  # the date index of the new entries
    return kopie


# --- reading and validating ----------------------------------------------------------------------------------


def _pad_naam(pad: str, naam: str) -> str:
    return f"{pad}.parameters['{naam}']"


def lees_scenario(data, basis: ParameterSet, pad: str = "$.scenario") -> Scenario:
    """Validate raw scenario data (from JSON or YAML) against the parameter set `basis`. Raises ScenarioFout
    with every error at once."""
    fouten: list[dict] = []

    def fout(p: str, bericht: str) -> None:
        fouten.append({"pad": p, "bericht": bericht})

    if not isinstance(data, dict):
        raise ScenarioFout([{"pad": pad, "bericht": "Verwacht een object met naam en parameters."}])
    for k in sorted(set(data) - set(VELDEN), key=str):
        fout(f"{pad}.{k}", "Onbekend veld.")
    naam = data.get("naam")
    if naam is None:
        fout(f"{pad}.naam", "Dit veld is verplicht: geef het scenario een naam.")
    elif not isinstance(naam, str):
        fout(f"{pad}.naam", "Verwacht een tekst.")
    elif not naam.strip():
        fout(f"{pad}.naam", "Geef het scenario een naam.")
    elif len(naam) > MAX_NAAM:
        fout(f"{pad}.naam", f"Ten hoogste {MAX_NAAM} tekens.")
    else:
        naam = " ".join(naam.split())
    doortrekken = None
    if data.get("doortrekken_tot") is not None:
        doortrekken = _datum(data["doortrekken_tot"])
        if doortrekken is None:
            fout(f"{pad}.doortrekken_tot", "Geen geldige datum (JJJJ-MM-DD).")
        elif not EERSTE_DATUM <= doortrekken <= LAATSTE_DATUM:
            fout(f"{pad}.doortrekken_tot", BEREIK)
            doortrekken = None
    parameters = data.get("parameters")
    waarden: dict[str, tuple[ScenarioWaarde, ...]] = {}
    if parameters is None:
        fout(f"{pad}.parameters", "Dit veld is verplicht: noem ten minste één parameter met een waarde.")
    elif not isinstance(parameters, dict):
        fout(f"{pad}.parameters", "Verwacht een object: parameternaam -> lijst van waarden.")
    elif not parameters and doortrekken is None:
        fout(f"{pad}.parameters", "Noem ten minste één parameter met een waarde (of geef doortrekken_tot).")
    else:
        aantal = sum(len(v) for v in parameters.values() if isinstance(v, list))
        if aantal > MAX_WAARDEN:
            fout(f"{pad}.parameters", f"Ten hoogste {MAX_WAARDEN} waarden per scenario; dit scenario heeft er {aantal}.")
        else:
            for pnaam, lijst in parameters.items():
                gelezen = _lees_parameter(pnaam, lijst, basis, _pad_naam(pad, pnaam), fout)
                if gelezen:
                    waarden[pnaam] = gelezen
    if fouten:
        raise ScenarioFout(fouten)
    return Scenario(naam=naam, waarden=tuple(sorted(waarden.items())), doortrekken_tot=doortrekken)


def _lees_parameter(pnaam, lijst, basis: ParameterSet, ppad: str, fout) -> tuple[ScenarioWaarde, ...] | None:
    if not isinstance(pnaam, str) or pnaam not in basis:
        fout(ppad, f"Onbekende parameter '{pnaam}'. Zie /api/v1/parameters voor de namen.")
        return None
    par = basis.parameter(pnaam)
    if not isinstance(lijst, list) or not lijst:
        fout(ppad, f"{pnaam}: verwacht een lijst met ten minste één waarde (vanaf, waarde).")
        return None
    uit: list[ScenarioWaarde] = []
    gezien: dict[date, int] = {}
    for i, item in enumerate(lijst):
        ipad = f"{ppad}[{i}]"
        if not isinstance(item, dict):
            fout(ipad, f"{pnaam}: verwacht een object met vanaf en waarde.")
            continue
        for k in sorted(set(item) - set(WAARDE_VELDEN), key=str):
            fout(f"{ipad}.{k}", "Onbekend veld.")
        vanaf = _datum(item.get("vanaf"))
        if "vanaf" not in item:
            fout(f"{ipad}.vanaf", f"{pnaam}: vanaf ontbreekt (de datum waarop de waarde ingaat).")
        elif vanaf is None:
            fout(f"{ipad}.vanaf", f"{pnaam}: geen geldige datum (JJJJ-MM-DD).")
        elif not EERSTE_DATUM <= vanaf <= LAATSTE_DATUM:
            fout(f"{ipad}.vanaf", f"{pnaam}: {BEREIK}")
            vanaf = None
        label = f"{pnaam} op {vanaf.isoformat()}" if vanaf else pnaam
        if vanaf is not None:
            if vanaf in gezien:
                fout(f"{ipad}.vanaf", f"{label}: deze datum staat al in waarde {gezien[vanaf] + 1} van deze parameter.")
            gezien[vanaf] = i
        eenheid = item.get("eenheid")
        if eenheid is not None and eenheid != par.eenheid:
            fout(f"{ipad}.eenheid", f"{label}: de eenheid van deze parameter is '{par.eenheid}', niet '{eenheid}'"
                                    + ("" if eenheid in EENHEDEN else f" (kies een van {', '.join(EENHEDEN)})") + ".")
        toelichting = item.get("toelichting")
        if toelichting is not None and (not isinstance(toelichting, str) or len(toelichting) > 500):
            fout(f"{ipad}.toelichting", "Verwacht een tekst van ten hoogste 500 tekens.")
            toelichting = None
        if "waarde" not in item or item["waarde"] is None:
            fout(f"{ipad}.waarde", f"{label}: waarde ontbreekt.")
            continue
        waarde = _waarde(item["waarde"], par.eenheid)
        # the same checks as for a value in a parameter file (type per unit, bounds), with their messages
        spec = {"eenheid": par.eenheid, "minimum": getattr(par, "minimum", None),
                "maximum": getattr(par, "maximum", None), "bekend_tot": date.max,
                "waarden": [{"vanaf": vanaf or date.min, "vervallen": False, "waarde": waarde}]}
        meldingen = check_values(pnaam, spec)
        for m in meldingen:
            tekst = m.split(": ", 1)[1] if ": " in m else m
            tekst = tekst.replace(" < minimum ", " is kleiner dan het minimum ").replace(
                " > maximum ", " is groter dan het maximum ")
            fout(f"{ipad}.waarde", f"{label}: {tekst}.")
        if not meldingen and vanaf is not None:
            uit.append(ScenarioWaarde(vanaf, waarde, toelichting))
    return tuple(sorted(uit, key=lambda w: w.vanaf))


def _datum(x) -> date | None:
    if isinstance(x, datetime):
        return None  # a time of day is not a date of a parameter value
    if isinstance(x, date):
        return x
    if isinstance(x, str) and len(x) == 10:
        try:
            return date.fromisoformat(x)
        except ValueError:
            return None
    return None


def _waarde(x, eenheid: str):
    """A JSON or YAML value as the parameter files hold it: a Decimal (exact, from the text), or a bool for ja_nee.
    What is not a number stays as it is, so check_values reports it in its own words."""
    if isinstance(x, bool):
        return x
    if eenheid == "ja_nee" and isinstance(x, str) and x.strip().lower() in ("true", "false"):
        return x.strip().lower() == "true"
    if isinstance(x, (int, float)):
        x = str(x)  # a JSON number: its shortest text, e.g. 15.15
    if isinstance(x, Decimal):
        return x if x.is_finite() else str(x)
    if isinstance(x, str):
        t = x.strip().replace(" ", "")
        if "," in t and "." not in t:
            t = t.replace(",", ".")
        try:
            d = Decimal(t)
        except InvalidOperation:
            return x
        return d if d.is_finite() and len(t) <= 30 else x
    return x


MAX_PARAM = 8_000  # characters of the compact form (an address, a query parameter)
MAX_JSON = 64_000  # bytes of scenario JSON after decompression


def naar_param(scenario: Scenario) -> str:
    """The compact form of a scenario for an address: its canonical JSON, zlib-compressed, base64url."""
    tekst = json.dumps(scenario.canoniek(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(zlib.compress(tekst.encode("utf-8"), 9)).decode("ascii").rstrip("=")


def uit_param(waarde: str, basis: ParameterSet | None = None) -> Scenario:
    """The scenario of its compact form, validated; ScenarioFout if it is damaged, too long or invalid."""
    from . import default_parameters

    fout = ScenarioFout([{"pad": "$", "bericht": "Het scenario in de link is beschadigd of te lang."}])
    if not waarde or len(waarde) > MAX_PARAM:
        raise fout
    try:
        ruw = base64.urlsafe_b64decode(waarde + "=" * (-len(waarde) % 4))
        d = zlib.decompressobj()
        tekst = d.decompress(ruw, MAX_JSON)
        if d.unconsumed_tail:
            raise fout
        data = json.loads(tekst.decode("utf-8"))
    except (binascii.Error, zlib.error, ValueError, UnicodeDecodeError, RecursionError):
        raise fout from None
    return lees_scenario(data, basis or default_parameters(), "$")


def scenario_uit_yaml(tekst: str, basis: ParameterSet, pad: str = "$") -> Scenario:
    """A scenario file (YAML, as on the scenario page or in `rekenhulp vergelijk --scenario-b F.yaml`)."""
    try:
        data = yaml.load(tekst, Loader=_DecimalLoader)  # noqa: S506 - SafeLoader subclass, numbers as Decimal
    except yaml.YAMLError as exc:
        raise ScenarioFout([{"pad": pad, "bericht": f"Geen geldige YAML: {exc}"}]) from None
    except ValueError:  # a date YAML recognises that does not exist, such as 2027-13-01
        raise ScenarioFout([{"pad": pad, "bericht": "Geen geldige datum (JJJJ-MM-DD) in de YAML: een maand boven 12 "
                                                    "of een dag die in die maand niet bestaat."}]) from None
    except RecursionError:  # (libyaml's parser stops at its own nesting depth, a YAMLError)
        raise ScenarioFout([{"pad": pad, "bericht": "Geen bruikbaar scenario: de YAML is te diep genest."}]) from None
    return lees_scenario(data, basis, pad)


def scenario_naar_yaml(scenario: Scenario) -> str:
    """The scenario as YAML (amounts as numbers, as in the parameter files); reading it back gives the same
    scenario and fingerprint."""
    data = scenario.canoniek()
    for waarden in data["parameters"].values():
        for w in waarden:
            if not isinstance(w["waarde"], bool):
                w["waarde"] = _YamlGetal(w["waarde"])
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


class _YamlGetal(str):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_YamlGetal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float" if "." in v
                                                                      else "tag:yaml.org,2002:int", str(v)))


__all__ = ["Scenario", "ScenarioWaarde", "ScenarioParameters", "ScenarioFout", "lees_scenario", "scenario_uit_yaml",
           "scenario_naar_yaml", "naar_param", "uit_param", "STATUS"]

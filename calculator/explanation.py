"""Every result explains itself: the ordered steps, the amounts, the parameter values used and
their legal basis, and warnings (e.g. for `voorlopig` values).

Steps are recorded only when an explanation is asked for (`uitleg=True`); their arithmetic text is
formatted lazily, so a calculation without explanation pays nothing for it. Parameter use is
always recorded, because every response lists the values it used with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from calculator.teksten import catalogus, entry, grondslag_tekst, tekst_nl, vul_in, waarde_nl
from parameters import ParameterSet, ParameterValue


@dataclass(frozen=True, slots=True)
class Bedrag:
    """Marks a Decimal as a euro amount inside a step's or a message's values."""

    amount: Decimal


class Melding(str):
    """An engine message (a warning, a reason, a rule error) by catalogue key and values.

    It is the Dutch text (`str`: what the API, the batch and the Dutch pages show), and carries `sleutel` and
    `waarden`, so a channel renders it in another language by key (soorten.uitleg.tekst) instead of
    matching the Dutch text. Values are typed (Bedrag, Decimal, int, date, str or another Melding) and
    formatted when rendered."""

    sleutel: str
    waarden: dict

    def __new__(cls, sleutel: str, **waarden):
        self = super().__new__(cls, cls._nederlands(sleutel, waarden))
        self.sleutel = sleutel
        self.waarden = waarden
        return self

    @staticmethod
    def _nederlands(sleutel: str, waarden: dict) -> str:
        return tekst_nl(sleutel, waarden)

    def __reduce__(self):  # pickle by key and values (str would pickle only the Dutch text)
        return _maak_melding, (type(self), self.sleutel, self.waarden)


def _maak_melding(cls, sleutel, waarden):
    return cls(sleutel, **waarden)


class Msgid(Melding):
    """A gettext-style message (`%(naam)s` placeholders) translated by the .po catalogue of the web layer,
    e.g. the field validation messages: "Vul een waarde van %(min)s tot en met %(max)s in.". The str is the
    msgid filled in with the plain str() of the values (the API's text, unchanged)."""

    @staticmethod
    def _nederlands(sleutel: str, waarden: dict) -> str:
        return sleutel % {k: str(v) for k, v in waarden.items()} if waarden else sleutel


@dataclass(slots=True)
class Stap:
    """One step of an explanation: a catalogue key with its values (rendered lazily, per language, by
    soorten.uitleg), or, for a rule not yet converted, its own Dutch texts (`sleutel` None)."""

    sleutel: str | None
    bedrag: Decimal | None
    waarden: dict
    tekst: str | None = None  # without a key: the Dutch omschrijving
    grondslag_tekst: str | None = None  # without a key, or with a key whose entry has no grondslag: the text
    sjabloon: str | None = None  # without a key: the Dutch template of the arithmetic

    # --- plain Dutch (no Babel): the same text as soorten.uitleg renders in Dutch --------------------
    @property
    def omschrijving(self) -> str:
        if self.sleutel is None:
            return self.tekst
        return vul_in(entry(self.sleutel).omschrijving["nl"], self.waarden, waarde_nl)

    @property
    def grondslag(self) -> str | None:
        if self.sleutel is not None:
            g = entry(self.sleutel).grondslag
            if g is not None:
                return vul_in(grondslag_tekst(g, "nl"), self.waarden, waarde_nl)
        return self.grondslag_tekst

    def berekening(self, locale: str = "nl_NL") -> str | None:
        """The arithmetic in plain Dutch. Other languages: soorten.uitleg.stap."""
        sjabloon = self.sjabloon if self.sleutel is None else (entry(self.sleutel).berekening or {}).get("nl")
        return None if sjabloon is None else vul_in(sjabloon, self.waarden, waarde_nl)


class Rekenspoor:
    """Records what a calculation used and did. One per calculation."""

    __slots__ = ("params", "uitleg", "stappen", "_gebruikt", "_waarschuwingen")

    def __init__(self, params: ParameterSet, uitleg: bool = False):
        self.params = params
        self.uitleg = uitleg
        self.stappen: list[Stap] = []
        self._gebruikt: dict[tuple[str, date], ParameterValue] = {}
        self._waarschuwingen: list[str] = []  # Melding, or plain text of a rule not yet converted

    def waarde(self, naam: str, datum: date) -> Decimal:
        """The value of parameter `naam` in force on `datum`; raises MissingParameterError if none."""
        pv = self.params.at(naam, datum)
        self._gebruikt[(naam, pv.vanaf)] = pv
        return pv.waarde

    def stap(self, sleutel: str, bedrag: Decimal | None = None, grondslag: str | None = None,
             berekening: str | None = None, **waarden) -> None:
        """Record step `sleutel` (a key of calculator/teksten/*.yaml) with the values its templates name.
        `grondslag`: a text from data (e.g. a parameter's grondslag) for an entry without one. A first
        argument that is no key is a Dutch omschrijving (rules not yet converted; `berekening` its template)."""
        if self.uitleg:
            if sleutel in catalogus():
                self.stappen.append(Stap(sleutel, bedrag, waarden, None, grondslag))
            else:
                self.stappen.append(Stap(None, bedrag, waarden, sleutel, grondslag, berekening))

    def stil(self) -> "Rekenspoor":
        """A spoor for a side calculation (e.g. the other months of a year overview): the same parameter set,
        and the values it uses count as used by this calculation, but it records no steps or warnings."""
        kind = Rekenspoor(self.params, False)
        kind._gebruikt = self._gebruikt
        return kind

    def waarschuw(self, tekst: str, **waarden) -> None:
        """Warn with catalogue key `tekst` and its values (a Melding); a text that is no key is kept as it is
        (rules not yet converted)."""
        if waarden or tekst in catalogus():
            tekst = Melding(tekst, **waarden)
        if tekst not in self._waarschuwingen:
            self._waarschuwingen.append(tekst)

    @property
    def gebruikte_parameters(self) -> list[ParameterValue]:
        # keys are (naam, vanaf): sorting the keys is sorting by (naam, vanaf), without a key function
        gebruikt = self._gebruikt
        return [gebruikt[k] for k in sorted(gebruikt)]

    @property
    def waarschuwingen(self) -> list[str]:
        return self._met_voorlopig(self.gebruikte_parameters)

    def _met_voorlopig(self, gebruikte: list[ParameterValue]) -> list[str]:
        out = list(self._waarschuwingen)
        for pv in gebruikte:
            if pv.voorlopig:
                out.append(voorlopig_waarschuwing(pv))
        return out


_VOORLOPIG: dict[int, tuple[ParameterValue, str]] = {}


def voorlopig_waarschuwing(pv: ParameterValue) -> Melding:
    """The warning for a value that no official source has confirmed. Parameter values never change once
    loaded, so the text is made once per value (keyed by identity, holding the value so that its id
    cannot be reused while cached)."""
    hit = _VOORLOPIG.get(id(pv))
    if hit is None or hit[0] is not pv:
        if len(_VOORLOPIG) >= 10_000:  # parameter sets reloaded many times (tests): start over
            _VOORLOPIG.clear()
        if pv.toelichting:
            melding = Melding("voorlopig.toelichting", omschrijving=pv.omschrijving, naam=pv.naam, vanaf=pv.vanaf,
                              toelichting=pv.toelichting)
        else:
            melding = Melding("voorlopig", omschrijving=pv.omschrijving, naam=pv.naam, vanaf=pv.vanaf)
        hit = _VOORLOPIG[id(pv)] = (pv, melding)
    return hit[1]


@dataclass
class Uitkomst:
    """The result of one calculation: amounts, explanation, parameters, warnings."""

    soort: str
    peildatum: date
    resultaat: dict
    parameters: list[ParameterValue]
    waarschuwingen: list[str]
    stappen: list[Stap] = field(default_factory=list)

    @classmethod
    def uit_spoor(cls, soort: str, peildatum: date, resultaat: dict, spoor: Rekenspoor) -> "Uitkomst":
        gebruikte = spoor.gebruikte_parameters  # sorted once, for both lists
        return cls(soort, peildatum, resultaat, gebruikte, spoor._met_voorlopig(gebruikte), spoor.stappen)

"""Pieces of input that several calculations share."""

from __future__ import annotations

from datetime import date

from marshmallow import ValidationError, validate, validates_schema

from parameters import default_parameters

from ..fields import Datum, Geheel, tussen


def vandaag() -> date:
    """Default peildatum: today (tests freeze it with freezegun)."""
    return date.today()


MAX_LEEFTIJD = 125  # the highest leeftijd accepted; a geboortedatum may not lie more years back (issue 19: 0001-01-01)


class PersoonVelden:
    """Mixin: `geboortedatum` or `leeftijd`, exactly one. Use with InvoerSchema."""

    geboortedatum = Datum(load_default=None, metadata={"description": "Geboortedatum (JJJJ-MM-DD); geeft een precieze leeftijd op elke datum"})
    leeftijd = Geheel(load_default=None, validate=tussen(0, MAX_LEEFTIJD), metadata={"description": "Leeftijd in jaren, als de geboortedatum niet bekend is"})

    @validates_schema
    def _een_van_geboortedatum_of_leeftijd(self, data, **kwargs):
        if data.get("geboortedatum") is not None and data.get("leeftijd") is not None:
            raise ValidationError("Vul een geboortedatum óf een leeftijd in, niet allebei.", "leeftijd")
        if data.get("geboortedatum") is None and data.get("leeftijd") is None:
            raise ValidationError("Vul een geboortedatum of een leeftijd in.", "geboortedatum")
        peildatum = data.get("peildatum")
        if data.get("geboortedatum") and peildatum and data["geboortedatum"] > peildatum:
            raise ValidationError("De geboortedatum ligt na de peildatum.", "geboortedatum")
        if data.get("geboortedatum") and vandaag().year - data["geboortedatum"].year > MAX_LEEFTIJD:
            # against today, not the peildatum: a peildatum without parameter values keeps its own error
            raise ValidationError(f"De geboortedatum ligt meer dan {MAX_LEEFTIJD} jaar in het verleden.",
                                  "geboortedatum")


class Jaren(validate.Range):
    """The calendar years of a rule, from the parameters in use when the input is validated (never written in
    code): from the year its parameter file's period starts (`ondersteund_vanaf`) to the year of its horizon
    (the earliest `bekend_tot`); see ParameterSet.jaren. `min` and `max` are read each time, so the OpenAPI
    document and the error message follow the data.

    A year after the horizon (up to 9999, the last year a date can have) passes: the calculation then refuses
    it as it refuses a peildatum after the horizon, with `bekend_tot` in the answer (issue 15)."""

    LAATST_MOGELIJK = 9999  # datetime.date's last year: the engine makes dates in the year

    def __init__(self, bestand: str, error: str):
        self.bestand = bestand
        super().__init__(error=error)

    @property
    def min(self):
        return default_parameters().jaren(self.bestand)[0]

    @min.setter
    def min(self, waarde):  # Range.__init__ sets it; the value comes from the data
        pass

    @property
    def max(self):
        return default_parameters().jaren(self.bestand)[1]

    @max.setter
    def max(self, waarde):
        pass

    def __call__(self, value):
        if value is not None and not isinstance(value, bool) and self.max < value <= self.LAATST_MOGELIJK:
            return value
        return super().__call__(value)

    def _repr_args(self) -> str:
        return f"bestand={self.bestand!r}"

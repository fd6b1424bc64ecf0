"""Pieces of input that several calculations share."""

from __future__ import annotations

from datetime import date

from marshmallow import ValidationError, validates_schema

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

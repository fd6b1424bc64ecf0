"""Every supported period is covered: for every month from 2022-01 through 2026-12, every
calculation (each registered soort, with its example input and some variants) finds a value for
every parameter it uses. A gap raises MissingParameterError, which would fail here."""

from __future__ import annotations

from datetime import date

import pytest

from soorten.register import SOORTEN, laad_alle_soorten, laad_invoer, reken
from parameters import default_parameters

laad_alle_soorten()
# The supported period comes from the data: from the earliest ondersteund_vanaf to the horizon (issue 15), so a
# period added to the parameter files is covered here without editing this test.
_VAN, _TOT = default_parameters().ondersteund_vanaf, default_parameters().bekend_tot
MAANDEN = [d for j in range(_VAN.year, _TOT.year + 1) for m in range(1, 13) for d in (date(j, m, 1), date(j, m, 28))
           if _VAN <= d <= _TOT]


@pytest.mark.parametrize("naam", list(SOORTEN))
def test_elke_maand_2022_2026_is_gedekt(naam):
    assert MAANDEN[0] == date(2022, 1, 1) and MAANDEN[-1] >= date(2026, 12, 28)  # at least the period of 2026
    soort = SOORTEN[naam]
    varianten = [soort.voorbeeld, *soort.dekking_varianten]
    for datum in MAANDEN:
        for voorbeeld in varianten:
            invoer = laad_invoer(soort, soort.met_datum(voorbeeld, datum))
            uitkomst = reken(soort, invoer)
            assert uitkomst.parameters, f"{naam} op {datum} gebruikte geen parameters"


@pytest.mark.parametrize("leeftijd", range(15, 23))
@pytest.mark.parametrize("bbl", [False, True])
def test_lks_alle_leeftijden_en_bbl_gedekt(leeftijd, bbl):
    soort = SOORTEN["loonkostensubsidie"]
    for datum in MAANDEN:
        invoer = laad_invoer(soort, {"peildatum": datum.isoformat(), "leeftijd": leeftijd, "bbl": bbl,
                                     "uren_per_week": 30, "loonwaarde": 40})
        reken(soort, invoer)


@pytest.mark.parametrize("forfaitair", [False, True])
def test_lks_met_begindatum_op_elke_dag_gedekt(forfaitair):
    # with a begindatum in the year the LKS is set with the values on that date (art. 10d lid 7): every date a
    # dienstbetrekking can start on finds its values; the year then also covers a mid-month start and end
    soort = SOORTEN["loonkostensubsidie"]
    for datum in MAANDEN:
        invoer = laad_invoer(soort, {"peildatum": datum.isoformat(), "begindatum_dienstbetrekking": datum.isoformat(),
                                     "einddatum_dienstbetrekking": date(datum.year, 12, 30).isoformat(),
                                     "geboortedatum": "2006-05-10", "uren_per_week": 30, "loonwaarde": 40,
                                     "forfaitair": forfaitair, "jaaroverzicht": True})
        reken(soort, invoer)


def test_elke_parameter_is_bekend_tot_eind_2026():
    for p in default_parameters():
        vervallen = any(e.value is None for e in p.entries)
        assert vervallen or p.bekend_tot >= date(2026, 12, 31), p.naam
        assert all(e.value is None or e.value.bron for e in p.entries), p.naam

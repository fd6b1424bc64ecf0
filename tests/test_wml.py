"""The WML derivation (calculator/wml.py) reproduces every published SZW table (rijksoverheid.nl 'Bedragen
minimumloon', the sources per parameter in parameters/wml.yaml)."""

from datetime import date
from decimal import ROUND_CEILING
from decimal import Decimal as D

import pytest

from calculator.explanation import Rekenspoor
from calculator.wml import minimumloon
from parameters import default_parameters

# 2024-2026 hourly: 21+, 20, 19, 18, 17, 16, 15, BBL20, BBL19, BBL18 (section 1c; sources per row there)
UURLONEN = {
    date(2024, 1, 1): "13.27 10.62 7.96 6.64 5.24 4.58 3.98 8.16 6.97 6.04",
    date(2024, 7, 1): "13.68 10.94 8.21 6.84 5.40 4.72 4.10 8.41 7.18 6.22",
    date(2025, 1, 1): "14.06 11.25 8.44 7.03 5.55 4.85 4.22 8.65 7.38 6.40",
    date(2025, 7, 1): "14.40 11.52 8.64 7.20 5.69 4.97 4.32 8.86 7.56 6.55",
    date(2026, 1, 1): "14.71 11.77 8.83 7.36 5.81 5.07 4.41 9.05 7.72 6.69",
    # 1 July 2026: adult 14,99 from the Regeling of 28 April 2026, Stcrt. 2026, 16505; the youth table as published
    # ('Bedragen minimumloon 2026' and '... bbl 2026'); e.g. 50 % × 14,99 = 7,495 -> 7,50 (Besluit art. 2 lid 2: half up)
    date(2026, 7, 1): "14.99 11.99 8.99 7.50 5.92 5.17 4.50 9.22 7.87 6.82",
}
LEEFTIJDEN = [(21, False), (20, False), (19, False), (18, False), (17, False), (16, False), (15, False),
              (20, True), (19, True), (18, True)]

# 2022-2023 youth per month (section 1b): 20, 19, 18, 17, 16, 15
MAANDLONEN = {
    date(2022, 1, 1): "1380.00 1035.00 862.50 681.40 595.15 517.50",
    date(2022, 7, 1): "1404.95 1053.70 878.10 693.70 605.90 526.85",
    date(2023, 1, 1): "1547.50 1160.65 967.20 764.10 667.35 580.30",
    date(2023, 7, 1): "1596.00 1197.00 997.50 788.05 688.30 598.50",
}
# BBL per month: 20, 19, 18 (2022-01 conf. B salaris-online-x.nl; 2023-01 A 100-salaris.nl; 2023-07 B vlkadviseurs.nl)
BBL_MAANDLONEN = {
    date(2022, 1, 1): "1060.90 905.65 784.90",
    date(2023, 1, 1): "1189.65 1015.55 880.15",
    date(2023, 7, 1): "1226.95 1047.40 907.75",
}
# indicative hourly at 36 / 38 / 40 hours (section 1b): week / hours, rounded up
INDICATIEF = {
    date(2022, 1, 1): "11.06 10.48 9.96",
    date(2022, 7, 1): "11.26 10.67 10.14",
    date(2023, 1, 1): "12.40 11.75 11.16",
    date(2023, 7, 1): "12.79 12.12 11.51",
}


def ml(leeftijd, bbl, datum, voltijd=None):
    return minimumloon(Rekenspoor(default_parameters()), leeftijd, bbl, datum, voltijd, stappen=False)


@pytest.mark.parametrize("datum", list(UURLONEN))
def test_uurlonen_2024_2026_gelijk_aan_gepubliceerde_tabel(datum):
    verwacht = [D(x) for x in UURLONEN[datum].split()]
    berekend = [ml(leeftijd, bbl, datum).per_uur for leeftijd, bbl in LEEFTIJDEN]
    assert berekend == verwacht


@pytest.mark.parametrize("datum", list(MAANDLONEN))
def test_jeugd_maandlonen_2022_2023_gelijk_aan_gepubliceerde_tabel(datum):
    verwacht = [D(x) for x in MAANDLONEN[datum].split()]
    assert [ml(leeftijd, False, datum).per_maand_voltijd for leeftijd in (20, 19, 18, 17, 16, 15)] == verwacht


@pytest.mark.parametrize("datum", list(BBL_MAANDLONEN))
def test_bbl_maandlonen_gelijk_aan_gepubliceerde_tabel(datum):
    verwacht = [D(x) for x in BBL_MAANDLONEN[datum].split()]
    assert [ml(leeftijd, True, datum).per_maand_voltijd for leeftijd in (20, 19, 18)] == verwacht


@pytest.mark.parametrize("datum", list(INDICATIEF))
def test_indicatief_uurloon_2022_2023(datum):
    verwacht = [D(x) for x in INDICATIEF[datum].split()]
    assert [ml(21, False, datum, D(u)).per_uur for u in (36, 38, 40)] == verwacht


def test_jeugd_uurloon_2023_38_uur():
    # section 1b: 2023-01 at 38 h: 20y 9,40, 19y 7,05, 18y 5,88, 17y 4,65, 16y 4,06, 15y 3,53
    verwacht = [D(x) for x in "9.40 7.05 5.88 4.65 4.06 3.53".split()]
    assert [ml(a, False, date(2023, 1, 1), D(38)).per_uur for a in (20, 19, 18, 17, 16, 15)] == verwacht


def test_bbl_telt_niet_onder_18_en_niet_vanaf_21():
    d = date(2025, 1, 1)
    assert ml(17, True, d).per_uur == ml(17, False, d).per_uur
    assert ml(21, True, d).per_uur == D("14.06")


def test_maandbedrag_vanaf_2024_is_het_referentieminimummaandloon():
    """Wml art. 8 lid 1 onder b (text 2026-07-01): "voor de toepassing van wetten die ten aanzien van de berekening
    van uitkeringen of tegemoetkomingen naar deze wet verwijzen: over elke uitbetalingstermijn van een maand", and
    art. 14 lid 10: the hourly amount is that monthly amount / (4 1/3 × 36), rounded up to the cent."""
    for datum, maand in ((date(2024, 1, 1), "2069.40"), (date(2024, 7, 1), "2133.60"), (date(2025, 7, 1), "2245.80"),
                         (date(2026, 1, 1), "2294.40"), (date(2026, 7, 1), "2337.00")):
        m = ml(21, False, datum)
        assert m.per_maand_voltijd == D(maand)
        # e.g. 2337,00 / 156 = 14,9807.. -> 14,99; 2069,40 / 156 = 13,265 -> 13,27 (2025-01 is the known exception:
        # 2191,80 / 156 = 14,05 exactly, published 14,06, so it is left out here)
        assert (D(maand) / 156).quantize(D("0.01"), rounding=ROUND_CEILING) == m.per_uur


def test_jeugd_maandbedrag_vanaf_2024_percentage_eenmaal_op_de_cent():
    # Wml art. 8 lid 3: "een bij die maatregel vast te stellen percentage van de in het eerste lid ... genoemde
    # bedragen"; Besluit minimumjeugdloon art. 2 lid 2 rounds only the uurloon, so the monthly amount is rounded
    # once to the cent: 2026-01 (2294,40): 20: 80 % = 1835,52; 17: 39,5 % = 906,288 -> 906,29; 16: 34,5 % = 791,568
    # -> 791,57; BBL 18 (art. 8 lid 4, Besluit art. 3): 45,5 % = 1043,952 -> 1043,95
    d = date(2026, 1, 1)
    assert [ml(a, False, d).per_maand_voltijd for a in (20, 17, 16)] == [D("1835.52"), D("906.29"), D("791.57")]
    assert ml(18, True, d).per_maand_voltijd == D("1043.95")

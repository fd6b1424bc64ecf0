"""Quotumheffing (Wet banenafspraak en quotum arbeidsbeperkten; Wfsv art. 38a-38g).

No official worked example of the levy was found (docs/bronnen/quotumheffing.md: no UWV/Rijksoverheid
rekenhulp exists), so every expected amount is the arithmetic written out in the comments, from the dated
parameters and the Wfsv (BWBR0017745, texts 2022-01-01, 2025-01-01 and 2026-07-01):
  one arbeidsplaats = 1.331 verloonde uren per jaar; threshold: not owed below 25 × 1.623 = 40.575 verloonde uren,
  neither in the year before the levy year (art. 34 lid 4) nor in the levy year (lid 6);
  € 5.000 per missing arbeidsplaats; quotumpercentage overheid 2024 = 2,76 % (UWV FAQ).
Rounding: the count of arbeidsplaatsen is never rounded in the calculation (no source states one); the
heffing is rounded half-up to the cent once.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from calculator.errors import InvoerFout
from calculator.quotumheffing import QuotumInvoer, bereken
from parameters import PARAMETER_DIR, MissingParameterError, default_parameters, load_parameters
from tests.conftest import csrf_token

D = Decimal
URL = "/api/v1/quotumheffing"


def invoer(totaal, doelgroep=0, ingeleend=0, jaar=2024, sector="overheid", pct=None, vorig=None) -> QuotumInvoer:
    return QuotumInvoer(jaar=jaar, sector=sector, verloonde_uren_totaal=D(totaal),
                        verloonde_uren_doelgroep=D(doelgroep), verloonde_uren_doelgroep_ingeleend=D(ingeleend),
                        quotumpercentage=None if pct is None else D(pct),
                        verloonde_uren_totaal_vorig_jaar=None if vorig is None else D(vorig))


# --- the threshold: not owed below 40.575 verloonde uren (Wfsv art. 34 lid 4 en 6) ----------------------

def test_onder_de_drempel_niet_quotumplichtig():
    r = bereken(invoer(40574)).resultaat
    assert r["quotumplichtig"] is False
    assert r["benodigde_arbeidsplaatsen"] == 0
    assert r["ontbrekende_arbeidsplaatsen"] == 0
    assert r["heffing"] == D("0.00")
    assert bereken(invoer("40574.99")).resultaat["quotumplichtig"] is False


def test_precies_op_de_drempel_quotumplichtig():
    # Wfsv art. 34 lid 4: not owed with "minder dan 25 vermenigvuldigd met het gemiddeld aantal verloonde uren per
    # werknemer" (25 × 1.623 = 40.575); 40.575 is not less, so the employer is quotumplichtig.
    # 2,76 % × 40.575 = 1.119,87 uur nodig; 1.119,87 / 1.331 × € 5.000 = € 4.206,8745... → € 4.206,87
    r = bereken(invoer(40575)).resultaat
    assert r["quotumplichtig"] is True
    assert r["benodigde_uren"] == D("1119.87")
    assert r["heffing"] == D("4206.87")


def test_net_boven_de_drempel_quotumplichtig():
    # 2,76 % × 40.576 = 1.119,8976 uur nodig; 0 gerealiseerd
    # 1.119,8976 / 1.331 = 0,84139... arbeidsplaatsen; × € 5.000 = € 4.206,9782... → € 4.206,98
    r = bereken(invoer(40576)).resultaat
    assert r["quotumplichtig"] is True
    assert r["benodigde_uren"] == D("1119.8976")
    assert r["ontbrekende_arbeidsplaatsen"] == D("1119.8976") / 1331
    assert r["heffing"] == D("4206.98")


# --- doelgroep hours ---------------------------------------------------------------------------------

def test_geen_doelgroepuren_volle_heffing():
    # 2,76 % × 100.000 = 2.760 uur = 2.760 / 1.331 = 2,0736 arbeidsplaatsen
    # heffing = 2.760 / 1.331 × € 5.000 = 13.800.000 / 1.331 = € 10.368,1442... → € 10.368,14
    r = bereken(invoer(100000, 0)).resultaat
    assert r["quotumpercentage"] == D("2.76") and r["quotumpercentage_bron"] == "officieel"
    assert r["benodigde_uren"] == 2760
    assert r["gerealiseerde_arbeidsplaatsen"] == 0
    assert r["ontbrekende_arbeidsplaatsen"] == r["benodigde_arbeidsplaatsen"] == D(2760) / 1331
    assert r["heffing"] == D("10368.14")


def test_alle_uren_doelgroep_geen_tekort():
    r = bereken(invoer(100000, 100000)).resultaat
    assert r["gerealiseerde_uren"] == 100000
    assert r["tekort_uren"] == 0
    assert r["ontbrekende_arbeidsplaatsen"] == 0
    assert r["heffing"] == D("0.00")


def test_meer_doelgroepuren_dan_nodig_geen_negatief_tekort():
    # nodig 2.760 uur, gerealiseerd 3.000 uur: tekort max(0, −240) = 0, not negative
    r = bereken(invoer(100000, 3000)).resultaat
    assert r["tekort_uren"] == 0
    assert r["ontbrekende_arbeidsplaatsen"] == 0
    assert r["heffing"] == D("0.00")
    assert r["gerealiseerde_arbeidsplaatsen"] == D(3000) / 1331


def test_ingeleende_doelgroepuren_tellen_mee():
    # nodig 2.760 uur; eigen 1.000 + ingeleend 429 = 1.429 uur; tekort 1.331 uur = precies 1 arbeidsplaats
    # heffing = 1 × € 5.000 = € 5.000,00
    r = bereken(invoer(100000, 1000, 429)).resultaat
    assert r["gerealiseerde_uren"] == 1429
    assert r["ontbrekende_arbeidsplaatsen"] == 1
    assert r["heffing"] == D("5000.00")
    # without the hired-in hours: tekort 1.760 uur → 1.760 × 5.000 / 1.331 = € 6.611,5702... → € 6.611,57
    assert bereken(invoer(100000, 1000)).resultaat["heffing"] == D("6611.57")
    # eigen 1.000 + ingeleend 1.760 = 2.760: exactly the quotum, no heffing
    assert bereken(invoer(100000, 1000, 1760)).resultaat["heffing"] == D("0.00")


def test_afronding_aantal_niet_afgerond_heffing_een_keer_op_de_cent():
    # 2.760 / 1.331 = 2,07362885...; had we rounded the count to 2 decimals first, the heffing would be
    # 2,07 × € 5.000 = € 10.350,00. No source states such a rounding, so the exact count is used:
    # € 10.368,14 (see test_geen_doelgroepuren_volle_heffing).
    r = bereken(invoer(100000)).resultaat
    afgerond_eerst = r["ontbrekende_arbeidsplaatsen"].quantize(D("0.01"), rounding=ROUND_HALF_UP) * 5000
    assert afgerond_eerst == D("10350.00")
    assert r["heffing"] == D("10368.14") != afgerond_eerst
    # the heffing is a cent amount
    assert r["heffing"] == r["heffing"].quantize(D("0.01"))


# --- the quotumpercentage: official, user-supplied, missing ------------------------------------------

def test_opgegeven_percentage_zonder_officieel_percentage():
    # markt 2023: no official percentage known; user gives 3 %.
    # 3 % × 50.000 = 1.500 uur; 1.500 × 5.000 / 1.331 = 7.500.000 / 1.331 = € 5.634,861... → € 5.634,86
    u = bereken(invoer(50000, 0, jaar=2023, sector="markt", pct=3))
    r = u.resultaat
    assert r["quotumpercentage"] == 3 and r["quotumpercentage_bron"] == "opgegeven"
    assert r["officieel_quotumpercentage"] is None
    assert r["heffing"] == D("5634.86")
    assert any("geen officieel quotumpercentage" in w and "zelf" in w for w in u.waarschuwingen)
    assert not any(p.naam == "quotum.percentage.markt" for p in u.parameters)


def test_opgegeven_percentage_gaat_voor_officieel_met_waarschuwing():
    u = bereken(invoer(100000, pct="3"))
    assert u.resultaat["quotumpercentage_bron"] == "opgegeven"
    assert u.resultaat["officieel_quotumpercentage"] == D("2.76")
    assert u.resultaat["benodigde_uren"] == 3000
    assert any("2,76 %" in w for w in u.waarschuwingen)


@pytest.mark.parametrize("jaar,sector", [(2022, "overheid"), (2023, "overheid"), (2025, "overheid"),
                                         (2026, "overheid"), (2022, "markt"), (2024, "markt"), (2026, "markt")])
def test_geen_officieel_percentage_vraagt_om_opgave(jaar, sector):
    with pytest.raises(InvoerFout) as exc:
        bereken(invoer(100000, jaar=jaar, sector=sector))
    assert exc.value.veld == "quotumpercentage"
    assert str(jaar) in exc.value.bericht and "Vul het quotumpercentage in" in exc.value.bericht


# --- is the heffing imposed? -------------------------------------------------------------------------

@pytest.mark.parametrize("jaar", range(2022, 2027))
@pytest.mark.parametrize("sector", ["markt", "overheid"])
def test_geen_heffing_opgelegd_2022_2026_maar_bedrag_wel_getoond(jaar, sector):
    u = bereken(invoer(100000, jaar=jaar, sector=sector, pct="2.76"))
    r = u.resultaat
    assert r["heffing_geactiveerd"] is False
    assert r["heffing"] == D("10368.14")  # what it would be
    assert r["te_betalen_heffing"] == 0
    assert "geen quotumheffing opgelegd" in r["toelichting_heffing"]
    assert "€ 10.368,14" in r["toelichting_heffing"].replace("\xa0", " ")  # Babel: no-break space after €
    assert r["toelichting_heffing"] in u.waarschuwingen
    pv = default_parameters().at(f"quotum.heffing_geactiveerd.{sector}", date(jaar, 1, 1))
    # 2022-2025: Wfsv art. 122na lid 1 (text of 2025-01-01) says the heffing is "niet uitgevoerd met betrekking tot
    # kalenderjaren die zijn gelegen vóór 1 januari 2026"; 2024 also UWV.
    # 2026: art. 122na lid 1 (text of 2026-07-01): "niet uitgevoerd met betrekking tot kalenderjaren die zijn gelegen
    # vóór het tijdstip van inwerkingtreding van artikel 2 van de Wet banenafspraak". Art. 2 was not in force on
    # 2026-07-01 (the Wfsv text of that date still holds paragraaf 4a, which the Wet banenafspraak replaces on that
    # moment: its art. 12 lid 2 keeps par. 4a "zoals deze luidden op de dag voorafgaand" only for earlier years).
    # Whether art. 2 enters into force after 2026 (then 2026 lies before it) or later in 2026 (then the old rules do
    # not cover 2026 and the new opslag needs an activation first, Wet banenafspraak art. 6 lid 1): no heffing over
    # 2026. So every year 2022-2026 is bevestigd and the result shows no "not confirmed" note.
    assert pv.status == "bevestigd"
    assert "niet in een officiële bron bevestigd" not in r["toelichting_heffing"]


def test_geactiveerde_heffing_moet_worden_betaald(tmp_path):
    # A parameter set in which the overheid heffing 2024 is activated: the same amount becomes payable.
    for f in PARAMETER_DIR.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    pad = tmp_path / "quotumheffing.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert "waarde: false  # overheid 2024" in tekst
    pad.write_text(tekst.replace("waarde: false  # overheid 2024", "waarde: true"), encoding="utf-8")
    r = bereken(invoer(100000), params=load_parameters(tmp_path)).resultaat
    assert r["heffing_geactiveerd"] is True
    assert r["te_betalen_heffing"] == r["heffing"] == D("10368.14")
    # not quotumplichtig: nothing to pay, even when activated
    assert bereken(invoer(40574), params=load_parameters(tmp_path)).resultaat["te_betalen_heffing"] == 0


def test_uitleg_stap_voor_stap():
    u = bereken(invoer(100000, 1000, 429), uitleg=True)
    teksten = [(s.omschrijving, s.berekening()) for s in u.stappen]
    alles = " ".join(f"{o} {b or ''}" for o, b in teksten).replace("\xa0", " ")
    assert "100.000 uur is niet minder dan 25 × 1.623 = 40.575 uur" in alles
    assert "lid 4" in alles and "Niet getoetst" in alles  # no hours of 2023 given
    assert "2,76 % × 100.000 uur = 2.760 uur" in alles
    assert "1.000 uur + 429 uur = 1.429 uur" in alles
    assert "1.331 uur / 1.331 uur × € 5.000,00 = € 5.000,00" in alles
    assert all(s.grondslag for s in u.stappen)


# --- the year before the levy year (Wfsv art. 34 lid 4) and the levy year itself (lid 6) ------------------
# Wfsv art. 34 (texts 2022-01-01, 2025-01-01 and 2026-07-01, the same words):
#   lid 4: "De quotumheffing is niet verschuldigd indien in het kalenderjaar voorafgaand aan het kalenderjaar waarover
#          de quotumheffing wordt geheven, de werkgever minder dan 25 vermenigvuldigd met het gemiddeld aantal
#          verloonde uren per werknemer op jaarbasis in Nederland aan verloonde uren als bedoeld in artikel 38b,
#          vierde lid, in de loonaangifte op grond van de Wet op de loonbelasting 1964 heeft verantwoord."
#   lid 6: "Indien de quotumheffing op grond van het vierde lid zou zijn verschuldigd maar in het kalenderjaar waarover
#          de quotumheffing wordt geheven blijkt dat de werkgever minder dan 25 vermenigvuldigd met het gemiddeld
#          aantal verloonde uren per werknemer [...] heeft verantwoord, is de quotumheffing niet verschuldigd."
# So the heffing is owed only if neither year is below 25 × 1.623 = 40.575 hours.

def test_vorig_jaar_onder_de_grens_geen_heffing_lid_4():
    # 2023: 40.574 uur < 25 × 1.623 = 40.575 → lid 4: not owed over 2024, although 2024 has 100.000 hours.
    r = bereken(invoer(100000, jaar=2024, vorig=40574)).resultaat
    assert r["vorig_jaar_getoetst"] is True
    assert r["onder_drempel_vorig_jaar"] is True
    assert r["onder_drempel_heffingsjaar"] is False
    assert r["drempel_verloonde_uren_vorig_jaar"] == D(40575)
    assert r["quotumplichtig"] is False
    assert r["benodigde_uren"] == 0 and r["heffing"] == D("0.00")


def test_vorig_jaar_precies_op_de_grens_wel_heffing():
    # 2023: 40.575 uur is not "minder dan" 40.575; 2024: 100.000 uur neither → owed (lid 4 and 6 both pass).
    # 2,76 % × 100.000 = 2.760 uur nodig, 0 gerealiseerd; 2.760 / 1.331 × € 5.000 = 13.800.000 / 1.331
    # = € 10.368,1442... → € 10.368,14
    u = bereken(invoer(100000, jaar=2024, vorig=40575), uitleg=True)
    r = u.resultaat
    assert r["onder_drempel_vorig_jaar"] is False
    assert r["quotumplichtig"] is True
    assert r["heffing"] == D("10368.14")
    assert not any("jaar vóór het heffingsjaar is niet gedaan" in w for w in u.waarschuwingen)
    alles = " ".join(f"{s.omschrijving} {s.berekening() or ''}" for s in u.stappen).replace("\xa0", " ")
    assert "40.575 uur is niet minder dan 25 × 1.623 = 40.575 uur" in alles
    assert any(s.grondslag == "Wfsv art. 34 lid 4" for s in u.stappen)
    assert any(s.grondslag == "Wfsv art. 34 lid 6" for s in u.stappen)


def test_heffingsjaar_onder_de_grens_geen_heffing_lid_6():
    # 2023: 100.000 uur (lid 4 would make it owed), but 2024: 40.574 < 40.575 → lid 6: not owed.
    r = bereken(invoer(40574, jaar=2024, vorig=100000)).resultaat
    assert r["onder_drempel_vorig_jaar"] is False
    assert r["onder_drempel_heffingsjaar"] is True
    assert r["quotumplichtig"] is False
    assert r["heffing"] == D("0.00")


def test_zonder_uren_vorig_jaar_zegt_de_uitkomst_dat_lid_4_niet_is_getoetst():
    u = bereken(invoer(100000, jaar=2024))
    r = u.resultaat
    assert r["vorig_jaar_getoetst"] is False
    assert r["onder_drempel_vorig_jaar"] is None and r["drempel_verloonde_uren_vorig_jaar"] is None
    assert r["quotumplichtig"] is True  # as far as the levy year (lid 6) shows
    melding = next(w for w in u.waarschuwingen if "jaar vóór het heffingsjaar is niet gedaan" in w)
    assert "2023" in melding and "40.575" in melding
    assert "Wfsv art. 34 lid 4" in melding


def test_engine_weigert_negatieve_uren_vorig_jaar():
    with pytest.raises(InvoerFout) as exc:
        bereken(invoer(100000, vorig=-1))
    assert exc.value.veld == "verloonde_uren_totaal_vorig_jaar"


# --- Wfsv art. 38f lid 1: "Het percentage wordt naar beneden afgerond op twee cijfers achter de komma." -------

def test_opgegeven_percentage_naar_beneden_afgerond_op_twee_decimalen():
    # markt 2024 has no official percentage; the user gives 2,768 %. Rounded down (not half-up) to 2,76 %:
    # benodigd 2,76 % × 100.000 = 2.760 uur (not 2.768); 2.760 / 1.331 × € 5.000 = € 10.368,1442... → € 10.368,14
    # (with 2,768 % it would have been 2.768 / 1.331 × € 5.000 = € 10.398,19)
    u = bereken(invoer(100000, jaar=2024, sector="markt", pct="2.768", vorig=100000), uitleg=True)
    r = u.resultaat
    assert r["opgegeven_quotumpercentage"] == D("2.768")
    assert r["quotumpercentage"] == D("2.76")
    assert r["benodigde_uren"] == D("2760")
    assert r["heffing"] == D("10368.14")
    alles = " ".join(f"{s.omschrijving} {s.berekening() or ''}" for s in u.stappen).replace("\xa0", " ")
    assert "naar beneden afgerond op twee cijfers achter de komma 2,768 % → 2,76 %" in alles
    assert any("2,768 %" in w and "2,76 %" in w and "38f lid 1" in w for w in u.waarschuwingen)
    # 2,769999 % is also 2,76 % (downward, never up); 2,7 % and 3 % are unchanged and give no rounding message
    assert bereken(invoer(100000, sector="markt", pct="2.769999")).resultaat["quotumpercentage"] == D("2.76")
    for pct in ("2.7", "3"):
        u = bereken(invoer(100000, sector="markt", pct=pct, vorig=100000))
        assert u.resultaat["quotumpercentage"] == D(pct)
        assert not any("naar beneden afgerond" in w for w in u.waarschuwingen)


# --- input errors (engine level) -----------------------------------------------------------------------

def test_engine_weigert_onbekende_sector_en_jaar():
    with pytest.raises(InvoerFout) as exc:
        bereken(invoer(100000, sector="gemeente"))
    assert exc.value.veld == "sector"
    with pytest.raises(InvoerFout) as exc:  # before the period of quotumheffing.yaml (ondersteund_vanaf)
        bereken(invoer(100000, jaar=2021, pct=2))
    assert exc.value.veld == "jaar" and "2022 tot en met 2026" in exc.value.bericht
    # after the horizon: refused by the parameter look-up, naming the last known date (issue 15)
    with pytest.raises(MissingParameterError) as mis:
        bereken(invoer(100000, jaar=2027, pct=2))
    assert mis.value.bekend_tot == date(2026, 12, 31)
    with pytest.raises(InvoerFout) as exc:
        bereken(invoer(100, 101))
    assert exc.value.veld == "verloonde_uren_doelgroep"


def test_niet_quotumplichtig_zonder_percentage_geen_vraag_om_percentage():
    # markt 2023 has no official percentage, but 30.000 uur is not above 40.575: no percentage is needed
    r = bereken(invoer(30000, jaar=2023, sector="markt")).resultaat
    assert r["quotumplichtig"] is False
    assert r["quotumpercentage"] is None and r["quotumpercentage_bron"] is None
    assert r["heffing"] == D("0.00")
    # above the threshold the same case does need one
    with pytest.raises(InvoerFout):
        bereken(invoer(40576, jaar=2023, sector="markt"))

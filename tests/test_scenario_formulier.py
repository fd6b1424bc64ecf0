"""A scenario in each calculator's own form and permalink (issue 17: "applies the scenario to a case (every
calculator) ... A scenario can be downloaded and uploaded as YAML and travels in the permalink").

The form carries the scenario as `s` (its canonical JSON, zlib, base64url: parameters.scenario.naar_param), from the
scenario page, a permalink or a YAML file uploaded on the form itself. The result says "Berekend met scenario ..." at
the top, marks the scenario's values `scenario` in "Gebruikte waarden en bronnen", names the scenario and its
fingerprint in the rekenbewijs, and its permalink carries `s` and reproduces the result.

Amounts (the arithmetic is written out in tests/test_scenario.py and tests/test_bestandsvergelijking.py):
- LKS, 30 years, 32 hours, loonwaarde 60, peildatum 2026-01-15 (Participatiewet art. 10d lid 4 and 7; art. 2: the WML
  per maand). Official: 2 294,40 × 32 / 36 = 2 039,47; + 8 % 163,16 = 2 202,63; − 60 % 1 321,58 = 881,05.
  Scenario wml.maandloon 2 400,00 from 2026-01-01: 2 400,00 × 32 / 36 = 2 133,33; + 170,67 = 2 304,00;
  − 60 % 1 382,40 = 921,60.
- Bijstandsnorm, alleenstaande of 40 on 2026-01-01 (Pw art. 21 onder a, the norm itself): officially € 1 401,50,
  with the scenario bijstand.norm_21.alleenstaande 1 450,00 from 2026-01-01: € 1 450,00.
- Quotumheffing 2024, overheid, 100 000 verloonde uren, 1 331 doelgroep, 2,76 % (Wfsv art. 38h lid 4: "het
  quotumtekort vermenigvuldigd met € 5.000"): tekort 2 760 − 1 331 = 1 429 uren = 1 429 / 1 331 arbeidsplaatsen;
  official 1 429 × 5 000 / 1 331 = 5 368,14; scenario € 6 000: 1 429 × 6 000 / 1 331 = 6 441,77.
- Vrijwilligersvergoeding 2024, 40 years, January 200 for 40 hours: "ten hoogste voor de uren" is the uurbedrag × the
  hours, at most the month maximum (Wet LB 1964 art. 2 lid 6: € 210 per maand in 2024): official 5,50 × 40 = 220,00,
  so 210,00 (tests/test_vrijwilligersvergoeding_api_web.py); with the scenario max_per_uur 4,75 from 2024-01-01:
  4,75 × 40 = 190,00.
"""

from __future__ import annotations

import html as html_lib
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest

from parameters import default_parameters
from parameters.scenario import lees_scenario, scenario_naar_yaml
from tests.conftest import csrf_token
from web.scenario import naar_param, uit_param


def _scenario(naam, parameter, vanaf, waarde):
    return lees_scenario({"naam": naam, "parameters": {parameter: [{"vanaf": vanaf, "waarde": waarde}]}},
                         default_parameters())


WML = _scenario("WML 2400", "wml.maandloon", "2026-01-01", "2400.00")
LKS = {"peildatum": "2026-01-15", "leeftijd": "30", "uren_per_week": "32", "loonwaarde": "60"}


def _tekst(r) -> str:
    return re.sub(r"\s+", " ", r.get_data(as_text=True)).replace("\xa0", " ")


def _permalink(html: str) -> str:
    return html_lib.unescape(re.search(r'<a href="([^"]+)" rel="bookmark"', html).group(1))


def _status(html: str, parameter: str) -> str:
    """The status cell of `parameter` in the table "Gebruikte waarden en bronnen"."""
    # the code is under "Technische details" in the row heading (macros.technisch, issue 18)
    rij = re.search(r"<code>" + re.escape(parameter) + r"</code></details></th>(.*?)</tr>", html, re.S).group(1)
    return re.findall(r"<td>(.*?)</td>", rij, re.S)[1].strip()


def test_formulier_met_scenario_uit_de_link(client):
    s = naar_param(WML)
    html = _tekst(client.get("/loonkostensubsidie", query_string={"s": s}))
    # the form says which scenario it computes with and carries it on
    assert "Rekenen met scenario “WML 2400”" in html and f'name="s" value="{s}"' in html
    r = client.post("/loonkostensubsidie", data={"csrf_token": csrf_token(client, "/loonkostensubsidie"), "s": s, **LKS})
    assert r.status_code == 200
    html = _tekst(r)
    kop = html.split("<h1>", 1)[1]
    assert kop.index("Berekend met scenario “WML 2400”") < kop.index("Uitkomst per maand")  # at the top
    assert "<dt>Loonkostensubsidie</dt><dd>€ 921,60</dd>" in html
    assert _status(html, "wml.maandloon") == "<strong>scenario</strong>"
    assert _status(html, "lks.maximum_percentage") == "bevestigd"  # not in the scenario: the official value
    # the rekenbewijs names the scenario and its fingerprint
    assert f"<dt>Vingerafdruk scenario</dt><dd><code>{WML.vingerafdruk}</code></dd>" in html
    # the permalink carries the scenario and reproduces the result
    link = _permalink(r.get_data(as_text=True))
    assert uit_param(parse_qs(urlparse(link).query)["s"][0]).vingerafdruk == WML.vingerafdruk
    terug = _tekst(client.get(link))
    assert "Berekend met scenario “WML 2400”" in terug and "<dd>€ 921,60</dd>" in terug
    # "Invoer aanpassen" keeps the scenario too
    aanpassen = html_lib.unescape(re.search(r'<a href="([^"]+)" class="invoer-aanpassen"', r.get_data(as_text=True)).group(1))
    assert "s=" in aanpassen and "Rekenen met scenario “WML 2400”" in _tekst(client.get(aanpassen))


def test_zonder_scenario_verandert_niets(client):
    r = client.post("/loonkostensubsidie", data={"csrf_token": csrf_token(client, "/loonkostensubsidie"), **LKS})
    html = _tekst(r)
    assert "<dd>€ 881,05</dd>" in html and "Berekend met scenario" not in html and "s=" not in _permalink(html)
    assert "<strong>scenario</strong>" not in html
    # "zonder scenario rekenen" drops a scenario the form carried
    r = client.post("/loonkostensubsidie", data={"csrf_token": csrf_token(client, "/loonkostensubsidie"),
                                                 "s": naar_param(WML), "scenario_weg": "on", **LKS})
    html = _tekst(r)
    assert "<dd>€ 881,05</dd>" in html and "Berekend met scenario" not in html and "&s=" not in _permalink(html)


def test_scenario_als_bestand_op_het_formulier(client):
    token = csrf_token(client, "/loonkostensubsidie")
    r = client.post("/loonkostensubsidie", content_type="multipart/form-data", data={
        "csrf_token": token, **LKS, "scenario_bestand": (io.BytesIO(scenario_naar_yaml(WML).encode()), "wml.yaml")})
    assert r.status_code == 200
    html = _tekst(r)
    assert "Berekend met scenario “WML 2400”" in html and "<dd>€ 921,60</dd>" in html
    # the file is read and forgotten: the permalink carries the scenario in its compact form
    link = _permalink(r.get_data(as_text=True))
    assert parse_qs(urlparse(link).query)["s"] == [naar_param(WML)]
    assert "<dd>€ 921,60</dd>" in _tekst(client.get(link))


def test_slecht_scenariobestand_bij_het_veld(client):
    token = csrf_token(client, "/loonkostensubsidie")
    slecht = b"naam: x\nparameters:\n  wml.maandloon:\n    - vanaf: 2026-01-01\n      waarde: -5\n"
    r = client.post("/loonkostensubsidie", content_type="multipart/form-data", data={
        "csrf_token": token, **LKS, "uren_per_week": "", "scenario_bestand": (io.BytesIO(slecht), "x.yaml")})
    assert r.status_code == 422
    html = _tekst(r)
    # every error at once: the form's own and the scenario's, each linked to its field
    assert 'href="#uren_per_week"' in html and 'href="#scenario_bestand"' in html
    assert "wml.maandloon op 2026-01-01: -5 is kleiner dan het minimum 0." in html
    assert 'id="scenario_bestand" name="scenario_bestand" type="file"' in html and 'aria-invalid="true"' in html
    # a damaged scenario in a link: an error, never a silently official result
    r = client.get("/loonkostensubsidie", query_string={"bereken": "1", "s": "bla", **LKS})
    assert r.status_code == 422 and "Het scenario in de link is beschadigd of te lang." in _tekst(r)


@pytest.mark.parametrize("pad, scenario, data, officieel, met", [
    ("/bijstandsnorm", _scenario("Norm 1450", "bijstand.norm_21.alleenstaande", "2026-01-01", "1450.00"),
     {"peildatum": "2026-01-01", "belanghebbende-leeftijd": "40", "aantal_medebewoners": "0"},
     "€ 1.401,50", "€ 1.450,00"),
    ("/quotumheffing", _scenario("Heffing 6000", "quotum.heffing_per_arbeidsplaats", "2024-01-01", "6000"),
     {"jaar": "2024", "sector": "overheid", "verloonde_uren_totaal": "100000", "verloonde_uren_doelgroep": "1331",
      "verloonde_uren_doelgroep_ingeleend": "0", "quotumpercentage": "2,76"}, "€ 5.368,14", "€ 6.441,77"),
    ("/vrijwilligersvergoeding", _scenario("Uur 4,75", "vrijwilligersvergoeding.max_per_uur", "2024-01-01", "4.75"),
     {"jaar": "2024", "leeftijd": "40", "m1_vergoeding": "200", "m1_uren": "40"}, "€ 210,00", "€ 190,00"),
])
def test_elke_rekenhulp(client, pad, scenario, data, officieel, met):
    token = csrf_token(client, pad)
    zonder = _tekst(client.post(pad, data={"csrf_token": token, **data}))
    assert officieel in zonder and met not in zonder and "Berekend met scenario" not in zonder
    r = client.post(pad, data={"csrf_token": token, "s": naar_param(scenario), **data})
    assert r.status_code == 200, _tekst(r)[:2000]
    html = _tekst(r)
    assert f"Berekend met scenario “{scenario.naam}”" in html and met in html
    naam = scenario.waarden[0][0]
    assert _status(html, naam) == "<strong>scenario</strong>"
    terug = client.get(_permalink(r.get_data(as_text=True)))
    assert terug.status_code == 200 and met in _tekst(terug) and f"scenario “{scenario.naam}”" in _tekst(terug)


def test_scenariopagina_opent_elk_formulier_met_het_scenario(client):
    s = naar_param(WML)
    html = client.get("/scenario", query_string={"s": s}).get_data(as_text=True)
    from soorten.register import SOORTEN

    for naam in SOORTEN:
        link = html_lib.unescape(re.search(rf'<a href="([^"]+)" data-formulier="{naam}"', html).group(1))
        assert urlparse(link).path == f"/{naam}" and parse_qs(urlparse(link).query)["s"] == [s]
        assert f'name="s" value="{s}"' in client.get(link).get_data(as_text=True)


def test_toepassen_linkt_naar_het_formulier_met_het_scenario(client):
    s = naar_param(WML)
    html = client.get("/scenario/toepassen", query_string={"soort": "bijstandsnorm", "s": s}).get_data(as_text=True)
    link = html_lib.unescape(re.search(r'<a href="([^"]+)" data-formulier="bijstandsnorm"', html).group(1))
    assert urlparse(link).path == "/bijstandsnorm" and parse_qs(urlparse(link).query)["s"] == [s]


def test_codering_van_het_scenario_in_de_link():
    """`s` is the canonical JSON of the scenario (sorted keys, no spaces, values as text), zlib-compressed, base64url
    without '=': only the characters A-Z a-z 0-9 - _ (nothing to escape in an address), and decoding gives the same
    scenario (the same fingerprint). The same scenario always gives the same `s`, whatever order it was written in."""
    import base64
    import json
    import zlib

    s = naar_param(WML)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", s)
    tekst = zlib.decompress(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))).decode()
    assert tekst == ('{"naam":"WML 2400","parameters":{"wml.maandloon":[{"vanaf":"2026-01-01","waarde":"2400.00"}]}}')
    assert json.loads(tekst) == WML.canoniek()
    assert uit_param(s).vingerafdruk == WML.vingerafdruk
    twee = {"naam": "Twee", "parameters": {"wml.maandloon": [{"vanaf": "2027-01-01", "waarde": "2450.00"},
                                                             {"vanaf": "2026-01-01", "waarde": "2400.00"}],
                                           "lks.maximum_percentage": [{"vanaf": "2026-01-01", "waarde": "65"}]}}
    omgekeerd = {"parameters": dict(reversed(list(twee["parameters"].items()))), "naam": "Twee"}
    assert naar_param(lees_scenario(twee, default_parameters())) == naar_param(lees_scenario(omgekeerd, default_parameters()))


def test_vergelijk_met_een_ander_jaar_houdt_het_scenario(client):
    """Issue 17: "Vergelijk met een ander jaar" from a result computed with a scenario compares with that scenario
    on both dates (the compact `s` travels in the link; the API /api/v1/vergelijking takes the same scenario).

    LKS set per 1 January (art. 10d lid 7). 15 January 2025 (the default first date, a year before the peildatum):
    the scenario starts on 1 January 2026, so the official WML per maand 2 191,80: 2 191,80 × 32 / 36 = 1 948,27;
    + 8 % 155,86 = 2 104,13; 40 % of it 841,65. 15 January 2026 with the scenario: 921,60 (above). Verschil 79,95;
    without the scenario 881,05 − 841,65 = 39,40."""
    r = client.get("/loonkostensubsidie", query_string={"bereken": "1", **LKS, "s": naar_param(WML)})
    link = html_lib.unescape(re.search(r'<a href="([^"]+)" data-vergelijk>', r.get_data(as_text=True)).group(1))
    assert link.startswith("/vergelijking?") and parse_qs(urlparse(link).query)["s"] == [naar_param(WML)]
    html = _tekst(client.get(link))
    assert "Berekend met scenario “WML 2400”" in html and WML.vingerafdruk in html
    rij = re.search(r'<tr><th scope="row">Loonkostensubsidie per maand<details.*?</tr>', html).group(0)
    assert re.findall(r'<td class="getal">([^<]*)</td>', rij)[:3] == ["€ 841,65", "€ 921,60", "€ 79,95"]
    # the date form and "Nieuwe berekening" keep the scenario
    assert f'<input type="hidden" name="s" value="{naar_param(WML)}">' in html
    assert f'href="/loonkostensubsidie?s={naar_param(WML)}"' in html
    # the same comparison without the scenario: the official amounts, no scenario notice, no `s` in the link
    zonder = link.split("&s=")[0] if "&s=" in link else re.sub(r"[?&]s=[^&]*", "", link)
    html = _tekst(client.get(zonder))
    rij = re.search(r'<tr><th scope="row">Loonkostensubsidie per maand<details.*?</tr>', html).group(0)
    assert re.findall(r'<td class="getal">([^<]*)</td>', rij)[:3] == ["€ 841,65", "€ 881,05", "€ 39,40"]
    assert "Berekend met scenario" not in html and 'name="s"' not in html
    r = client.get("/loonkostensubsidie", query_string={"bereken": "1", **LKS})
    assert "s=" not in re.search(r'<a href="([^"]+)" data-vergelijk>', r.get_data(as_text=True)).group(1)
    # a damaged `s`: an error, not a silent comparison with the official values
    r = client.get(zonder + "&s=bla")
    assert r.status_code == 422 and "Geen bruikbaar scenario" in r.get_data(as_text=True)
    assert "€ 881,05" not in r.get_data(as_text=True)

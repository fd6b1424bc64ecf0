"""The scenario and caseload comparison pages (issue 17), without a browser (tests/browser has the round trip
with axe). Amounts: see tests/test_scenario.py and tests/test_bestandsvergelijking.py for the arithmetic (the LKS
on the WML per maand of Participatiewet art. 2, pro rata to 36 hours, set per 1 January: art. 10d lid 4 and 7)."""

from __future__ import annotations

import base64
import io
import json
import re
from urllib.parse import parse_qs, urlparse

from parameters import default_parameters
from parameters.scenario import lees_scenario, scenario_uit_yaml

from tests.conftest import csrf_token
from web.scenario import naar_param, uit_param


def _s(location: str) -> str:
    return parse_qs(urlparse(location).query)["s"][0]


def test_scenario_formulier_met_procent_en_permalink(client):
    token = csrf_token(client, "/scenario")
    r = client.post("/scenario", data={"csrf_token": token, "naam": "WML 2027 +3 %", "p0": "wml.uurloon",
                                       "v0": "2027-01-01", "w0": "+ 3 %", "doortrekken_tot": "2027-12-31"})
    assert r.status_code == 303
    sc = uit_param(_s(r.headers["Location"]))
    # + 3 % on the last official uurloon before 2027-01-01 (14,99 from 2026-07-01): 14,99 × 1,03 = 15,4397,
    # rounded half-up to the cent (as the page says): 15,44
    assert sc.canoniek() == {"naam": "WML 2027 +3 %", "doortrekken_tot": "2027-12-31",
                             "parameters": {"wml.uurloon": [{"vanaf": "2027-01-01", "waarde": "15.44"}]}}
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    # side by side: no official value on 2027-01-01 (known through 2026), the last one € 14,99, the scenario € 15,44
    html = html.replace("\xa0", " ")
    assert "geen: bekend tot en met 31 december 2026<br>laatste: € 14,99" in html and "€ 15,44" in html
    assert sc.vingerafdruk in html
    # the YAML download reads back to the same scenario
    y = client.get(f"/scenario.yaml?s={naar_param(sc)}")
    assert y.status_code == 200 and y.mimetype == "application/yaml"
    assert scenario_uit_yaml(y.get_data(as_text=True), default_parameters()).vingerafdruk == sc.vingerafdruk


def test_scenario_formulier_fouten_bij_het_veld(client):
    token = csrf_token(client, "/scenario")
    r = client.post("/scenario", data={"csrf_token": token, "naam": "", "p0": "wml.uurloon", "v0": "2027-01-01",
                                       "w0": "-3", "v1": "2027-01-01", "p2": "lks.maximum_percentage",
                                       "v2": "2027-01-01", "w2": "120"})
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert 'href="#naam"' in html and "Geef het scenario een naam." in html
    assert 'href="#w0"' in html and "wml.uurloon op 2027-01-01: -3 is kleiner dan het minimum 0." in html
    assert 'href="#p1"' in html and "Regel 2: kies een parameter." in html
    assert 'href="#w2"' in html and "120 valt buiten 0..100 procent" in html
    assert 'id="w0" name="w0" type="text" value="-3"' in html  # the input is kept


def test_scenario_upload(client):
    token = csrf_token(client, "/scenario")
    yaml = b"naam: WML 15\nparameters:\n  wml.uurloon:\n    - vanaf: 2026-01-01\n      waarde: 15.00\n"
    r = client.post("/scenario/upload", data={"csrf_token": token, "bestand": (io.BytesIO(yaml), "s.yaml")},
                    content_type="multipart/form-data")
    assert r.status_code == 303
    assert uit_param(_s(r.headers["Location"])).naam == "WML 15"
    r = client.post("/scenario/upload", data={"csrf_token": token, "bestand": (io.BytesIO(b"naam: x\nparameters:\n  x.y: []\n"), "s.yaml")},
                    content_type="multipart/form-data")
    assert r.status_code == 422 and "Onbekende parameter" in r.get_data(as_text=True)
    # a date that does not exist and YAML nested deeper than Python recurses: a 422 that says so, never a 500
    for inhoud, bericht in ((b"naam: x\nparameters:\n  wml.uurloon:\n    - vanaf: 2027-13-01\n      waarde: 15.1\n",
                             ("Geen geldige datum (JJJJ-MM-DD)",)),
                            (b"[" * 20_000 + b"]" * 20_000, ("te diep genest", "Geen geldige YAML"))):
        r = client.post("/scenario/upload", data={"csrf_token": token, "bestand": (io.BytesIO(inhoud), "s.yaml")},
                        content_type="multipart/form-data")
        assert r.status_code == 422 and any(b in r.get_data(as_text=True) for b in bericht), r.status_code


def test_beschadigde_link(client):
    assert client.get("/scenario?s=bla").status_code == 422
    assert client.get("/scenario.yaml?s=bla").status_code == 400
    bom = base64.urlsafe_b64encode(__import__("zlib").compress(b"[" * 100_000)).decode().rstrip("=")
    assert client.get(f"/scenario?s={bom}").status_code == 422


def test_toepassen_op_een_geval(client):
    sc = lees_scenario({"naam": "WML 2400", "parameters": {"wml.maandloon": [{"vanaf": "2026-01-01", "waarde": "2400.00"}]}},
                       default_parameters())
    invoer = json.dumps({"peildatum": "2026-01-15", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60})
    r = client.get("/scenario/toepassen", query_string={"soort": "loonkostensubsidie", "s": naar_param(sc), "invoer": invoer})
    assert r.status_code == 200
    html = re.sub(r"\s+", " ", r.get_data(as_text=True))
    # loonkostensubsidie: officially 881,05 (2 294,40 × 32 / 36 = 2 039,47; + 163,16 = 2 202,63; − 60 % 1 321,58),
    # with the scenario 921,60 (2 400,00 × 32 / 36 = 2 133,33; + 170,67 = 2 304,00; − 60 % 1 382,40), difference 40,55
    assert re.search(r'<th scope="row">loonkostensubsidie</th> <td class="getal">€ 881,05</td> '
                     r'<td class="getal">€ 921,60</td> <td class="getal">€ 40,55</td>', html)
    assert "Berekend met scenario &#39;WML 2400&#39;" in html and "<strong>scenario</strong>" in html
    # every calculator: its example with the scenario
    from soorten.register import SOORTEN

    for naam in SOORTEN:
        assert client.get("/scenario/toepassen", query_string={"soort": naam, "s": naar_param(sc)}).status_code == 200


def test_resultaatpagina_linkt_naar_scenario(client):
    html = client.get("/loonkostensubsidie?bereken=1&peildatum=2026-01-15&leeftijd=30&uren_per_week=32&loonwaarde=60"
                      ).get_data(as_text=True)
    assert "/scenario?soort=loonkostensubsidie&amp;invoer=" in html


def test_bestandsvergelijking_pagina(client):
    token = csrf_token(client, "/bestandsvergelijking")
    csv = ("id,wijk,leeftijd,uren_per_week,loonwaarde\nL1,Noord,30,32,60\nL2,Zuid,30,40,40\nL3,Noord,30,32,100\n"
           "L4,Zuid,30,24,20\nL5,Noord,30,0,60\n").encode()
    r = client.post("/bestandsvergelijking", data={
        "csrf_token": token, "soort": "loonkostensubsidie", "a_peildatum": "2025-07-01", "b_peildatum": "2026-07-01",
        "groep_op": "wijk", "bestand": (io.BytesIO(csv), "gevallen.csv")}, content_type="multipart/form-data")
    assert r.status_code == 200
    html = re.sub(r"\s+", " ", r.get_data(as_text=True))
    assert "5 gevallen, waarvan 4 vergeleken en 1 met fouten" in html
    # the caseload of tests/test_bestandsvergelijking.py: A 3 445,52, B 3 606,80, verschil 161,28
    assert ('<th scope="row">loonkostensubsidie</th><td class="getal">€ 3.445,52</td><td class="getal">€ 3.606,80</td>'
            '<td class="getal">€ 161,28</td><td class="getal">3</td><td class="getal">0</td><td class="getal">1</td>') in html
    assert 'src="data:image/svg+xml;base64,' in html
    rijen = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)" download="[^"]*gevallen.csv"', html)
    tekst = base64.b64decode(rijen.group(1)).decode("utf-8-sig")
    assert tekst.splitlines()[0].startswith("regel,id,wijk,a.loonkostensubsidie,b.loonkostensubsidie,verschil.loonkostensubsidie")
    assert "L2,Zuid,1499.20,1569.37,70.17" in tekst
    samenvatting = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)" download="[^"]*samenvatting.csv"', html)
    assert "loonkostensubsidie,3445.52,3606.80,161.28,3,0,1" in base64.b64decode(samenvatting.group(1)).decode("utf-8-sig")


def test_bestandsvergelijking_fouten(client):
    token = csrf_token(client, "/bestandsvergelijking")
    r = client.post("/bestandsvergelijking", data={"csrf_token": token, "soort": "x", "a_peildatum": "2025-13-01",
                                                   "klassebreedte": "nul"}, content_type="multipart/form-data")
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    for veld in ("soort", "bestand", "a_peildatum", "klassebreedte"):
        assert f'href="#{veld}"' in html
    r = client.post("/bestandsvergelijking", data={"csrf_token": token, "soort": "loonkostensubsidie",
                                                   "bestand": (io.BytesIO(b"id,onzin\n1,2\n"), "x.csv")},
                    content_type="multipart/form-data")
    assert r.status_code == 422 and "onbekende kolom(men): onzin" in r.get_data(as_text=True)


def test_bestandsvergelijking_pagina_json_lines(client):
    token = csrf_token(client, "/bestandsvergelijking")
    regels = (json.dumps({"id": "L1", "leeftijd": 30, "uren_per_week": 32, "loonwaarde": 60}) + "\n"
              + json.dumps({"id": "L2", "invoer": {"leeftijd": 30, "uren_per_week": 40, "loonwaarde": 40}}) + "\n")
    r = client.post("/bestandsvergelijking", data={
        "csrf_token": token, "soort": "loonkostensubsidie", "a_peildatum": "2025-07-01", "b_peildatum": "2026-07-01",
        "bestand": (io.BytesIO(regels.encode()), "gevallen.jsonl")}, content_type="multipart/form-data")
    assert r.status_code == 200
    html = re.sub(r"\s+", " ", r.get_data(as_text=True))
    # L1 841,65 -> 881,05 and L2 1 499,20 -> 1 569,37 (tests/test_bestandsvergelijking.py): 2 340,85 -> 2 450,42,
    # verschil 109,57 (39,40 + 70,17)
    assert '<td class="getal">€ 2.340,85</td><td class="getal">€ 2.450,42</td><td class="getal">€ 109,57</td>' in html


def test_scenario_formulier_leest_nederlandse_getallen_en_datums():
    """The scenario page follows the one Dutch number rule of every form (soorten/getallen.py) and takes DD-MM-JJJJ
    dates: "2.400,00" from "01-01-2026" is 2400.00 from 2026-01-01; the ambiguous "2.400" is refused on its row."""
    from web.scenario import _formulier_naar_scenario

    data, _, vooraf = _formulier_naar_scenario({"naam": "NL", "p0": "wml.maandloon", "v0": "01-01-2026",
                                                "w0": "2.400,00"})
    assert data["parameters"] == {"wml.maandloon": [{"vanaf": "2026-01-01", "waarde": "2400.00"}]} and vooraf == []
    data, _, vooraf = _formulier_naar_scenario({"naam": "NL", "p0": "wml.maandloon", "v0": "2026-01-01",
                                                "w0": "2.400"})
    assert data["parameters"] == {} and vooraf[0][0] == "w0" and "dubbelzinnig" in vooraf[0][1]


def test_scenariopagina_noemt_parameters_in_woorden(client):
    """Issue 18 "Words for people": the parameter choice and the side-by-side table name a parameter by its Dutch
    description (parameters/*.yaml `omschrijving`); its code is the value the form sends and is shown only under
    "Technische details" (macros.technisch). On the English page the description stays Dutch (it is data) and is
    marked lang="nl"."""
    par = default_parameters().parameter("wml.maandloon")
    sc = lees_scenario({"naam": "WML 2400", "parameters": {"wml.maandloon": [{"vanaf": "2026-01-01", "waarde": "2400.00"}]}},
                       default_parameters())
    for taal in ("nl", "en"):
        nl = ' lang="nl"' if taal == "en" else ""
        html = re.sub(r"\s+", " ", client.get("/scenario", query_string={"s": naar_param(sc), "taal": taal}).get_data(as_text=True))
        # the choice: the code is the option's value, the words are its text, grouped under the file's title
        assert f'<option value="wml.maandloon" selected>{par.omschrijving}</option>' in html
        assert f'<optgroup label="{par.bestandstitel}"{nl}>' in html
        assert ">wml.maandloon (EUR)<" not in html and ">wml.maandloon<" not in html.replace("<code>wml.maandloon</code>", "")
        # the side-by-side table: words first, the code behind the toggle
        tabel = html.split('id="zij-aan-zij"')[1]
        assert (f'<th scope="row"><span{nl}>{par.omschrijving}</span><details class="technisch"><summary>'
                in tabel) and "<code>wml.maandloon</code></details></th>" in tabel
        # every <code>wml.maandloon</code> on the page is inside a "Technische details" toggle
        assert html.count("<code>wml.maandloon</code>") == html.count("<code>wml.maandloon</code></details>")
        # the LKS hint speaks of the minimum wage, not of its codes
        assert "wml.uurloon" not in html.split("<select")[0]
    # the scenario applied to a case: the values used, in words
    html = re.sub(r"\s+", " ", client.get("/scenario/toepassen", query_string={
        "soort": "loonkostensubsidie", "s": naar_param(sc)}).get_data(as_text=True))
    assert f'<th scope="row"><span>{par.omschrijving}</span><details class="technisch">' in html
    assert "<code>wml.maandloon</code></th>" not in html


def test_bestandsvergelijking_per_groep_elk_kernbedrag(client):
    """Issue 17 "a breakdown by a column the user picks": the per-group table shows every key amount, not only the
    first. The caseload of tests/test_bestandsvergelijking.py (arithmetic there), A 2025-07-01, B 2026-07-01, per
    wijk. Zuid = L2 + L4: loonkostensubsidie 1 499,20 + 1 104,67 = 2 603,87 and 1 569,37 + 1 156,38 = 2 725,75,
    verschil 121,88. The werkgeverslasten are 23,5 % of the LKS (Regeling loonkostensubsidie Participatiewet 2021
    art. 1, lks.werkgeverslasten_percentage), each rounded half-up to the cent: A 1 499,20 × 0,235 = 352,312 → 352,31
    and 1 104,67 × 0,235 = 259,597 → 259,60, together 611,91; B 1 569,37 × 0,235 = 368,802 → 368,80 and
    1 156,38 × 0,235 = 271,749 → 271,75, together 640,55; verschil 28,64. Totaal (LKS + werkgeverslasten):
    2 603,87 + 611,91 = 3 215,78 and 2 725,75 + 640,55 = 3 366,30, verschil 150,52."""
    token = csrf_token(client, "/bestandsvergelijking")
    csv = ("id,wijk,leeftijd,uren_per_week,loonwaarde\nL1,Noord,30,32,60\nL2,Zuid,30,40,40\nL3,Noord,30,32,100\n"
           "L4,Zuid,30,24,20\nL5,Noord,30,0,60\n").encode()
    r = client.post("/bestandsvergelijking", data={
        "csrf_token": token, "soort": "loonkostensubsidie", "a_peildatum": "2025-07-01", "b_peildatum": "2026-07-01",
        "groep_op": "wijk", "bestand": (io.BytesIO(csv), "gevallen.csv")}, content_type="multipart/form-data")
    assert r.status_code == 200
    html = re.sub(r"\s+", " ", r.get_data(as_text=True))
    sectie = html.split('id="groepen-titel"')[1].split("</section>")[0]
    assert "Per wijk<" in sectie and 'class="tabel tabel--stapel tabel--groepen"' in sectie
    groepen = dict(re.findall(r'<tbody> <tr><th scope="rowgroup" rowspan="4">(\w+)</th>(.*?)</tbody>', sectie))
    assert list(groepen) == ["Noord", "Zuid"]

    def rij(groep, bedrag):
        m = re.search(r'<th scope="row">' + re.escape(bedrag) + r'</th>(.*?)</tr>', groepen[groep])
        return re.findall(r'<td class="getal" data-label="([^"]+)">([^<]*)</td>', m.group(1))

    zuid = groepen["Zuid"]
    assert zuid.startswith('<td class="getal" rowspan="4" data-label="Aantal gevallen">2</td>')
    assert rij("Zuid", "loonkostensubsidie") == [("Totaal A", "€ 2.603,87"), ("Totaal B", "€ 2.725,75"),
                                                 ("Verschil", "€ 121,88"), ("Stijgt", "2"), ("Daalt", "0"),
                                                 ("Gelijk", "0")]
    assert [w for _, w in rij("Zuid", "werkgeverslasten")][:3] == ["€ 611,91", "€ 640,55", "€ 28,64"]
    assert [w for _, w in rij("Zuid", "totaal")][:3] == ["€ 3.215,78", "€ 3.366,30", "€ 150,52"]
    assert rij("Zuid", "per jaar: totaal")  # the fourth key amount (batch.bestandsvergelijking.KERNBEDRAGEN)
    # Noord = L1 + L3 (L5 has errors): 841,65 and 881,05, verschil 39,40; L3 stays 0
    assert rij("Noord", "loonkostensubsidie")[:3] == [("Totaal A", "€ 841,65"), ("Totaal B", "€ 881,05"),
                                                     ("Verschil", "€ 39,40")]

"""One permalink builder (issue 16 part 3): web.paginas.permalink_url makes the address of every "Link naar deze
berekening" (the calculators after a POST, the scenario page, a scenario applied to a case). The link holds the
inputs only: no csrf_token, no language, no buttons, no empty fields; opening it reproduces the result."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from conftest import csrf_token
from web.paginas import permalink_url


def _link(html: str) -> str:
    start = html.index('<div class="permalink">')
    href = html.index('href="', start) + len('href="')
    return html[href:html.index('"', href)].replace("&amp;", "&")


def test_na_een_post_de_ingevulde_velden_zonder_machinerie(app):
    form = {"csrf_token": "x", "taal": "en", "actie": "bereken", "uren_per_week": "32,5", "loonwaarde": "60",
            "leeftijd": "", "peildatum": "15-01-2026"}
    with app.test_request_context("/loonkostensubsidie", method="POST", data=form):
        assert permalink_url() == ("/loonkostensubsidie?bereken=1&uren_per_week=32%2C5&loonwaarde=60"
                                   "&peildatum=15-01-2026")
    with app.test_request_context("/scenario/toepassen?soort=x&invoer=%7B%7D&taal=en&s="):
        assert permalink_url("/scenario/toepassen", {"soort": "x", "invoer": "{}", "taal": "en", "s": ""}) == \
            "/scenario/toepassen?soort=x&invoer=%7B%7D"
        assert permalink_url("/scenario", [("s", "abc")]) == "/scenario?s=abc"
        assert permalink_url("/scenario", {"s": ""}) == "/scenario"


def test_de_link_van_een_uitkomst_maakt_dezelfde_uitkomst(client):
    data = {"geboortedatum": "1990-05-01", "uren_per_week": "32", "loonwaarde": "60", "peildatum": "2026-01-15",
            "csrf_token": csrf_token(client, "/loonkostensubsidie")}
    html = client.post("/loonkostensubsidie", data=data).get_data(as_text=True)
    link = _link(html)
    assert dict(parse_qsl(urlsplit(link).query)) == {"bereken": "1", "geboortedatum": "1990-05-01",
                                                      "uren_per_week": "32", "loonwaarde": "60",
                                                      "peildatum": "2026-01-15"}
    # 2026-01-15, 32 hours, loonwaarde 60 %: 881,05 (tests/test_batch_cli.py, tests/test_lks_web.py)
    assert "€\xa0881,05" in html and "€\xa0881,05" in client.get(link).get_data(as_text=True)

"""gunicorn settings of Rekenhulp, for `rekenhulp serve` and for `gunicorn 'rekenhulp:create_app()'` (the file
gunicorn.conf.py in the repository root, which gunicorn reads from the working directory, imports this module;
elsewhere: `gunicorn -c python:rekenhulp.gunicorn_conf 'rekenhulp:create_app()'`).

Issue 19:
- the secret key: in production (REKENHULP_ENV=productie) REKENHULP_SECRET_KEY must be set, else the service does
  not start; otherwise a random key is made here, once, in the master before it forks, so that every worker signs
  and checks CSRF tokens and sessions with the same key (with a key per worker half of the form posts failed);
- gunicorn's own answers (a malformed request line, too long a URL, too many or too large headers, a crash
  outside the app) are application/problem+json with the security headers of every other JSON answer, instead
  of a bare HTML page;
- the request limits are set explicitly; the control socket (one fixed path, ~/.gunicorn/gunicorn.ctl, shared
  by every instance on the host) is off: Rekenhulp does not use it.
"""

from __future__ import annotations

import json
import os
import secrets
import sys

limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
timeout = 60
control_socket_disable = True  # gunicorn's setting name for --no-control-socket


def sleutel_voor_alle_workers(melding=lambda tekst: print(tekst, file=sys.stderr)) -> None:
    """Before the workers fork: refuse production without a key; otherwise make one key for all workers."""
    if os.environ.get("REKENHULP_SECRET_KEY"):
        return
    if os.environ.get("REKENHULP_ENV") == "productie":
        raise SystemExit("REKENHULP_SECRET_KEY ontbreekt: de dienst start niet in productie (REKENHULP_ENV=productie) "
                         "zonder vaste geheime sleutel. Zet REKENHULP_SECRET_KEY in de omgeving.")
    os.environ["REKENHULP_SECRET_KEY"] = secrets.token_hex(32)
    melding("LET OP: REKENHULP_SECRET_KEY ontbreekt; er is een willekeurige sleutel gemaakt die alleen geldt tot de "
            "dienst herstart (formulieren die dan openstaan, worden geweigerd). Zet REKENHULP_SECRET_KEY voor "
            "productie (en REKENHULP_ENV=productie).")


KOPPEN = ("Content-Type: application/problem+json\r\n"
          "Content-Security-Policy: frame-ancestors 'none'\r\nX-Content-Type-Options: nosniff\r\n"
          "X-Frame-Options: DENY\r\nCache-Control: no-store\r\n")
TITELS = {400: "Ongeldig verzoek", 403: "Verboden", 414: "Adres te lang", 417: "Verwachting niet mogelijk",
          431: "Kopregels te groot", 500: "Interne fout", 501: "Niet ondersteund"}


def schrijf_fout(sock, status_int, reason, mesg):
    """gunicorn.util.write_error as problem+json with security headers (the message of gunicorn stays out:
    it may echo the request)."""
    from gunicorn import util

    body = json.dumps({"type": "about:blank", "title": TITELS.get(status_int, reason), "status": status_int,
                       "detail": "De server kon dit verzoek niet verwerken." if status_int >= 500 else
                       "Het verzoek voldoet niet aan HTTP of is te groot (adres of kopregels)."},
                      ensure_ascii=False).encode()
    kop = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n{KOPPEN}"
           f"Content-Length: {len(body)}\r\n\r\n").encode("latin-1")
    util.write_nonblock(sock, kop + body)


def json_foutpaginas() -> None:
    from gunicorn import util

    util.write_error = schrijf_fout


def on_starting(server):  # gunicorn hook, in the master
    sleutel_voor_alle_workers(server.log.warning)
    json_foutpaginas()


INSTELLINGEN = {"limit_request_line": limit_request_line, "limit_request_fields": limit_request_fields,
                "limit_request_field_size": limit_request_field_size, "timeout": timeout,
                "control_socket_disable": control_socket_disable, "on_starting": on_starting}

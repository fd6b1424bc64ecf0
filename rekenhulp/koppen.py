"""The response headers every answer gets, added as WSGI middleware around the Flask app.

- security headers, unless the view set its own (e.g. the stricter CSP of an SVG chart): on pages and
  other documents the OWASP secure headers for HTML; on JSON answers the set of the OWASP REST Security
  Cheat Sheet ("Security Headers": CSP frame-ancestors 'none', X-Content-Type-Options, X-Frame-Options,
  with Cache-Control and HSTS below), because Referrer-Policy, Permissions-Policy and a document CSP
  only act on documents a browser renders;
- Strict-Transport-Security when the request came in over https;
- `Cache-Control: no-store` on a result: every POST, and a permalink with the inputs in the URL (?bereken=...),
  because it holds data about a person;
- under /api/: the engine version and the parameter fingerprint (the receipt, also in the body).

At WSGI level the headers are a plain list of (name, value) tuples: adding them there is a list
extension, where Flask's after_request hooks went through werkzeug's `Headers` with a validation per
header (a fifth of a small API answer's time, issue 8).
"""

from __future__ import annotations

from typing import Callable, Iterable
from urllib.parse import parse_qsl

BEVEILIGINGSKOPPEN = (
    ("Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
# JSON answers (API results and problem+json errors): OWASP REST Security Cheat Sheet, "Security Headers"
JSON_KOPPEN = (
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
)
JSON_TYPEN = ("application/json", "application/problem+json")
HSTS = ("Strict-Transport-Security", "max-age=31536000")
NIET_BEWAREN = ("Cache-Control", "no-store")


def _bereken_in_url(query: str) -> bool:
    """Does the query string carry a non-empty `bereken` (a permalink to a result)? parse_qsl leaves
    blank values out."""
    return bool(query) and any(naam == "bereken" for naam, _ in parse_qsl(query))


class Koppen:
    """WSGI middleware: `app.wsgi_app = Koppen(app.wsgi_app, api_koppen)`.

    `api_koppen()` returns the extra (name, value) headers for answers under /api/; it is called per
    request, so a reloaded parameter set shows its own fingerprint.
    """

    def __init__(self, wsgi_app: Callable, api_koppen: Callable[[], Iterable[tuple[str, str]]]):
        self.wsgi_app = wsgi_app
        self.api_koppen = api_koppen
        self._document = tuple((naam.lower(), (naam, waarde)) for naam, waarde in BEVEILIGINGSKOPPEN)
        self._json = tuple((naam.lower(), (naam, waarde)) for naam, waarde in JSON_KOPPEN)
        self._document_lijst = [kop for _, kop in self._document]
        self._json_lijst = [kop for _, kop in self._json]

    def __call__(self, environ, start_response):
        extra: list[tuple[str, str]] = []
        if environ.get("wsgi.url_scheme") == "https":
            extra.append(HSTS)
        if environ.get("REQUEST_METHOD") == "POST" or _bereken_in_url(environ.get("QUERY_STRING", "")):
            extra.append(NIET_BEWAREN)
        if environ.get("PATH_INFO", "").startswith("/api/"):
            extra.extend(self.api_koppen())
        document, json_ = self._document, self._json
        document_lijst, json_lijst = self._document_lijst, self._json_lijst

        def start(status, headers, exc_info=None):
            if len(headers) == 2 and headers[0][0] == "Content-Type" and headers[1][0] == "Content-Length":
                # the usual answer, with no header of its own: nothing to compare
                vast = json_lijst if headers[0][1].startswith(JSON_TYPEN) else document_lijst
                return start_response(status, headers + vast + extra, exc_info)
            aanwezig = {naam.lower() for naam, _ in headers}
            soort = next((waarde for naam, waarde in headers if naam.lower() == "content-type"), "")
            vast = json_ if soort.startswith(JSON_TYPEN) else document
            toe = [kop for laag, kop in vast if laag not in aanwezig]
            if extra:
                toe += [kop for kop in extra if kop[0].lower() not in aanwezig]
            return start_response(status, headers + toe, exc_info)

        return self.wsgi_app(environ, start)

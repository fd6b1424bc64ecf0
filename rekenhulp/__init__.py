"""Rekenhulp: the Flask application factory. `create_app()` works with any WSGI server."""

from __future__ import annotations

import os
import secrets

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect

from parameters import default_parameters

from .koppen import Koppen

csrf = CSRFProtect()
babel = Babel()

MAX_BODY = 1024 * 1024  # 1 MiB: enough for a batch of a few thousand cases, small enough to refuse abuse


class _Sessies(SecureCookieSessionInterface):
    """The JSON API keeps no session (no cookie, no CSRF): for /api/ a null session, so Flask neither
    reads nor saves a cookie (and any attempt to store something in it fails loudly)."""

    def open_session(self, app, request):
        if request.path.startswith("/api/"):
            return self.make_null_session(app)
        return super().open_session(app, request)


def _locale():
    from web.i18n import huidige_taal

    return huidige_taal()


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder="../web/templates", static_folder="../web/static")
    geheim = os.environ.get("REKENHULP_SECRET_KEY")
    if not geheim and os.environ.get("REKENHULP_ENV") == "productie" and not (config or {}).get("SECRET_KEY"):
        # In production the key comes from the environment: all workers and restarts must share it (CSRF).
        raise RuntimeError("REKENHULP_SECRET_KEY ontbreekt: zet een geheime sleutel in de omgeving (productie).")
    app.config.update(
        SECRET_KEY=geheim or secrets.token_hex(32),
        DEBUG=False,  # never the interactive debugger; errors are shown as fout.html / problem+json
        PROPAGATE_EXCEPTIONS=False,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=MAX_BODY,
        WTF_CSRF_TIME_LIMIT=None,
        WTF_CSRF_CHECK_DEFAULT=False,  # checked for the web forms only (web._csrf); the API has no session
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_TRANSLATION_DIRECTORIES=os.path.join(os.path.dirname(__file__), "..", "web", "translations"),
        JSON_SORT_KEYS=False,
        # the public base URL (e.g. https://rekenhulp.example.nl): the OpenAPI servers entry and absolute links
        # come from this setting, never from the Host header of a request (issue 19)
        BASIS_URL=os.environ.get("REKENHULP_BASIS_URL") or None,
    )
    if config:
        app.config.update(config)
    # Validate every parameter file at start: an invalid file stops the service with a message that
    # names the file, the parameter and the date (ParameterFileError).
    default_parameters()

    app.session_interface = _Sessies()
    csrf.init_app(app)
    babel.init_app(app, locale_selector=_locale)

    import api
    import web

    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)

    @app.errorhandler(Exception)
    def _fout(exc):
        if request.path.startswith("/api/"):
            return api.api_fout(exc)
        return web.web_fout(exc)

    # security, cache and version headers on every answer (rekenhulp/koppen.py)
    app.wsgi_app = Koppen(app.wsgi_app, api.versie_koppen)

    return app

"""Rekenhulp: the Flask application factory. `create_app()` works with any WSGI server."""

from __future__ import annotations

import os
import secrets

from flask import Flask, request
from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect

from parameters import default_parameters

csrf = CSRFProtect()
babel = Babel()

MAX_BODY = 1024 * 1024  # 1 MiB: enough for a batch of a few thousand cases, small enough to refuse abuse


def _locale():
    from web.i18n import huidige_taal

    return huidige_taal()


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder="../web/templates", static_folder="../web/static")
    app.config.update(
        SECRET_KEY=os.environ.get("REKENHULP_SECRET_KEY") or secrets.token_hex(32),
        MAX_CONTENT_LENGTH=MAX_BODY,
        WTF_CSRF_TIME_LIMIT=None,
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_TRANSLATION_DIRECTORIES=os.path.join(os.path.dirname(__file__), "..", "web", "translations"),
        JSON_SORT_KEYS=False,
    )
    if config:
        app.config.update(config)
    # Validate every parameter file at start: an invalid file stops the service with a message that
    # names the file, the parameter and the date (ParameterFileError).
    default_parameters()

    csrf.init_app(app)
    babel.init_app(app, locale_selector=_locale)

    import api
    import web

    csrf.exempt(api.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)

    @app.errorhandler(Exception)
    def _fout(exc):
        if request.path.startswith("/api/"):
            return api.api_fout(exc)
        return web.web_fout(exc)

    @app.after_request
    def _beveiliging(resp):
        resp.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        )
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        # Nothing about the people calculated for is stored, and responses are not cached either.
        if request.method == "POST":
            resp.headers.setdefault("Cache-Control", "no-store")
        return resp

    return app

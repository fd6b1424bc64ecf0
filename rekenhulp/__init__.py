"""Rekenhulp: the Flask application factory. `create_app()` works with any WSGI server."""

from __future__ import annotations

import io
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


class BodyGrens:
    """WSGI middleware: a body without Content-Length (chunked transfer encoding) is read here, at most
    MAX_CONTENT_LENGTH + 1 bytes, and handed on with the Content-Length it turned out to have. Werkzeug cut such
    a body at the limit without a word (issue 19: a 1.1 MiB body, valid JSON padded to 1 MiB and then garbage,
    was answered with 200); now one byte over the limit is a 413 like any other large body."""

    def __init__(self, wsgi_app, app: Flask):
        self.wsgi_app = wsgi_app
        self.app = app

    def __call__(self, environ, start_response):
        if not environ.get("CONTENT_LENGTH") and environ.get("REQUEST_METHOD") in ("POST", "PUT", "PATCH") and (
                environ.get("wsgi.input_terminated") or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()):
            grens = self.app.config["MAX_CONTENT_LENGTH"]
            invoer = environ["wsgi.input"]
            gelezen, delen = 0, []
            while gelezen <= grens:
                deel = invoer.read(min(65536, grens + 1 - gelezen))
                if not deel:
                    break
                delen.append(deel)
                gelezen += len(deel)
            body = b"".join(delen)
            environ = dict(environ, CONTENT_LENGTH=str(len(body)), **{"wsgi.input": io.BytesIO(body)})
            environ.pop("wsgi.input_terminated", None)
            environ.pop("HTTP_TRANSFER_ENCODING", None)
        return self.wsgi_app(environ, start_response)


def _gedeelde_sleutel() -> str:
    """A random secret key when none is configured (development), announced loudly. In a gunicorn worker
    started without Rekenhulp's gunicorn settings (which make the key in the master, rekenhulp/gunicorn_conf.py)
    the workers of one master share it through a file only this user can read, named after the master's pid;
    a key per worker made half of the form posts fail CSRF (issue 19)."""
    import sys
    import tempfile
    import time

    sleutel = secrets.token_hex(32)
    if "gunicorn.arbiter" in sys.modules:
        map_ = os.path.join(tempfile.gettempdir(), f"rekenhulp-{os.getuid()}")
        os.makedirs(map_, mode=0o700, exist_ok=True)
        st = os.stat(map_)
        if st.st_uid == os.getuid() and not st.st_mode & 0o077:
            pad = os.path.join(map_, f"sleutel-{os.getppid()}")
            try:
                fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w") as f:
                    f.write(sleutel)
            except FileExistsError:
                for _ in range(200):  # another worker is writing it
                    with open(pad) as f:
                        gelezen = f.read()
                    if len(gelezen) == len(sleutel):
                        sleutel = gelezen
                        break
                    time.sleep(0.01)
    print("LET OP: REKENHULP_SECRET_KEY ontbreekt; Rekenhulp gebruikt een willekeurige sleutel tot de dienst "
          "herstart. Zet REKENHULP_SECRET_KEY voor productie (en REKENHULP_ENV=productie).", file=sys.stderr)
    return sleutel


def _locale():
    from web.i18n import huidige_taal

    return huidige_taal()


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder="../web/templates", static_folder="../web/static")
    geheim = os.environ.get("REKENHULP_SECRET_KEY")
    if not geheim and not (config or {}).get("SECRET_KEY"):
        if os.environ.get("REKENHULP_ENV") == "productie":
            # In production the key comes from the environment: all workers and restarts must share it (CSRF).
            raise RuntimeError("REKENHULP_SECRET_KEY ontbreekt: zet een geheime sleutel in de omgeving (productie).")
        geheim = _gedeelde_sleutel()
    app.config.update(
        SECRET_KEY=geheim,
        DEBUG=False,  # never the interactive debugger; errors are shown as fout.html / problem+json
        PROPAGATE_EXCEPTIONS=False,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=MAX_BODY,
        WTF_CSRF_TIME_LIMIT=4 * 3600,  # a form may stay open for a working morning, not for ever (issue 19)
        WTF_CSRF_CHECK_DEFAULT=False,  # checked for the web forms only (web._csrf); the API has no session
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_TRANSLATION_DIRECTORIES=os.path.join(os.path.dirname(__file__), "..", "web", "translations"),
        # The folder with the parameter files (*.yaml): the environment variable REKENHULP_PARAMETERS or the
        # config key of the same name; without either, the files shipped with the code (parameters/).
        REKENHULP_PARAMETERS=os.environ.get("REKENHULP_PARAMETERS") or None,
        # the public base URL (e.g. https://rekenhulp.example.nl): the OpenAPI servers entry and absolute links
        # come from this setting, never from the Host header of a request (issue 19)
        BASIS_URL=os.environ.get("REKENHULP_BASIS_URL") or None,
    )
    if config:
        app.config.update(config)
    if (app.config["BASIS_URL"] or "").startswith("https://"):
        # behind TLS (the public base URL is https) the session cookie is sent over https only (issue 19)
        app.config["SESSION_COOKIE_SECURE"] = True
    # Validate every parameter file at start: an invalid file stops the service with a message that
    # names the file, the parameter and the date (ParameterFileError). In the app context, so that the
    # folder of the config key is the one loaded.
    with app.app_context():
        default_parameters()

    app.session_interface = _Sessies()
    csrf.init_app(app)
    babel.init_app(app, locale_selector=_locale)

    # Every blueprint, explicitly (as the Flask tutorial does); the modules import nothing above them (README,
    # Architectuur). The JSON API under /api/v1:
    import api
    from api import batch as api_batch
    from api import bestandsvergelijking as api_bestandsvergelijking
    from api import parameters as api_parameters
    from api import vergelijking as api_vergelijking

    app.register_blueprint(api.bp)  # POST /api/v1/{soort}, openapi.json, docs
    app.register_blueprint(api_parameters.bp)
    app.register_blueprint(api_vergelijking.bp)
    app.register_blueprint(api_batch.bp)
    app.register_blueprint(api_bestandsvergelijking.bp)

    # the web pages: one blueprint per page module, templates in web/templates/<blueprint>/
    import web
    from web import (batch, bestandsvergelijking, bijstandsnorm, grafieken, loonkostensubsidie, paginas, parameters,
                     quotumheffing, scenario, vergelijking, vrijwilligersvergoeding)

    app.register_blueprint(web.bp)  # the home page, filters and context for every page
    app.register_blueprint(paginas.bp)
    app.register_blueprint(loonkostensubsidie.bp)
    app.register_blueprint(bijstandsnorm.bp)
    app.register_blueprint(quotumheffing.bp)
    app.register_blueprint(vrijwilligersvergoeding.bp)
    app.register_blueprint(batch.bp)
    app.register_blueprint(bestandsvergelijking.bp)
    app.register_blueprint(scenario.bp)
    app.register_blueprint(vergelijking.bp)
    app.register_blueprint(grafieken.bp)
    app.register_blueprint(parameters.bp)

    @app.errorhandler(Exception)
    def _fout(exc):
        if request.path.startswith("/api/"):
            return api.api_fout(exc)
        return web.web_fout(exc)

    # security, cache and version headers on every answer (rekenhulp/koppen.py)
    app.wsgi_app = Koppen(BodyGrens(app.wsgi_app, app), api.versie_koppen)
    if os.environ.get("REKENHULP_ACHTER_PROXY") == "1":
        # behind a TLS-terminating proxy: its X-Forwarded-Proto says https (HSTS, url_scheme); the Host header is
        # never trusted for links (BASIS_URL)
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=0, x_prefix=0)

    return app

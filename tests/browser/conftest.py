"""Browser tests: the real app on 127.0.0.1 in a thread, driven by Playwright in Debian's Chromium.

Skipped (with the reason in the pytest summary) when Chromium or the playwright package is missing;
CI installs Chromium through scripts/ci-system-packages, so there they always run.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("REKENHULP_CHROMIUM", "/usr/bin/chromium")
HIER = Path(__file__).parent
AXE = HIER / "vendor" / "axe.min.js"
SCREENSHOTS = HIER.parent.parent / "screenshots"

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None

REDEN = None
if sync_playwright is None:
    REDEN = "browsertests overgeslagen: Python-pakket 'playwright' ontbreekt (pip install -e '.[test]')"
elif not os.access(CHROMIUM, os.X_OK):
    REDEN = (f"browsertests overgeslagen: Chromium niet gevonden op {CHROMIUM} "
             "(installeer met 'apt-get install chromium'; CI doet dat via scripts/ci-system-packages)")


def pytest_collection_modifyitems(config, items):
    if REDEN is None:
        return
    skip = pytest.mark.skip(reason=REDEN)
    for item in items:
        if HIER in Path(str(item.fspath)).parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def server():
    """The app with a werkzeug server on a free port of 127.0.0.1 (only loopback)."""
    from werkzeug.serving import make_server

    from rekenhulp import create_app

    app = create_app({"SECRET_KEY": "browsertest"})
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    draad = threading.Thread(target=srv.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    draad.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-extensions", "--no-first-run", "--lang=nl-NL"],
        )
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    # bypass_csp only lets the test inject axe-core; the app's own pages never need inline script
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", bypass_csp=True)
    context.set_default_timeout(15_000)
    pg = context.new_page()
    fouten: list[str] = []
    pg.on("pageerror", lambda exc: fouten.append(str(exc)))
    # console errors, and any stylesheet/image/font that fails to load (a 4xx *page* is tested on purpose)
    pg.on("console", lambda msg: fouten.append(msg.text)
          if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    pg.on("response", lambda r: fouten.append(f"{r.status} {r.url}")
          if r.status >= 400 and r.request.resource_type != "document" else None)
    pg.console_fouten = fouten
    yield pg
    context.close()


DESKTOP = {"width": 1280, "height": 900}
TELEFOON = {"width": 390, "height": 844}
# Every axe check runs at both widths, so that a table that only overflows on a narrow screen (and so becomes a
# scrollable region) is always checked, whatever fonts the machine has (issue 13).
VIEWPORTS = (("desktop", DESKTOP), ("telefoon", TELEFOON))


def axe_check(pg, naam: str) -> None:
    """Run axe-core (WCAG 2.0/2.1 A and AA plus best practices) on the current page at a desktop and a phone width:
    zero violations at both. The page's own viewport is restored afterwards."""
    origineel = pg.viewport_size or DESKTOP
    pg.add_script_tag(path=str(AXE))
    schendingen: list[str] = []
    try:
        for breedte, viewport in VIEWPORTS:
            pg.set_viewport_size(viewport)
            pg.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            resultaat = pg.evaluate(
                "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}, resultTypes: ['violations']})"
            )
            schendingen += [
                f"[{breedte} {viewport['width']} px] {v['id']} ({v['impact']}): {v['help']} -> "
                + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                            for n in v["nodes"][:5])
                for v in resultaat["violations"]
            ]
    finally:
        pg.set_viewport_size(origineel)
    assert not schendingen, f"axe-core op {naam} ({pg.url}):\n" + "\n".join(schendingen)


def screenshot(pg, naam: str) -> None:
    """A full-page screenshot at the desktop width (`naam.png`) and at the phone width (`naam-telefoon.png`), in
    screenshots/ (the folder the README names). The page's own viewport is restored afterwards."""
    SCREENSHOTS.mkdir(exist_ok=True)
    origineel = pg.viewport_size or DESKTOP
    try:
        for breedte, viewport in VIEWPORTS:
            pg.set_viewport_size(viewport)
            achtervoegsel = "" if breedte == "desktop" else f"-{breedte}"
            pg.screenshot(path=str(SCREENSHOTS / f"{naam}{achtervoegsel}.png"), full_page=True)
    finally:
        pg.set_viewport_size(origineel)

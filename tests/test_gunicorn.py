"""The service as it runs: gunicorn with two workers, as `rekenhulp serve` and as `gunicorn 'rekenhulp:create_app()'`
(issue 19 B8 and B11): no start in production without a secret key, one key for all workers (CSRF), gunicorn's
own error answers as problem+json with security headers, no shared control socket."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _omgeving(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REKENHULP_")}
    env.update(extra)
    return env


def _wacht(proces, poort: int, tijd: float = 30.0) -> bool:
    einde = time.monotonic() + tijd
    while time.monotonic() < einde:
        if proces.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def _stop(proces):
    if proces.poll() is None:
        proces.terminate()
        try:
            proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


def _gunicorn(cwd, env, poort, *extra):
    return subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{poort}", *extra,
                             "rekenhulp:create_app()"], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def _serve(env, poort):
    return subprocess.Popen([sys.executable, "-m", "rekenhulp.cli", "serve", "--port", str(poort), "--workers", "2"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.mark.parametrize("start", ["serve", "gunicorn", "gunicorn-elders"])
def test_productie_zonder_sleutel_start_niet(tmp_path, start):
    """`REKENHULP_ENV=productie rekenhulp serve` without REKENHULP_SECRET_KEY started anyway."""
    poort = _vrije_poort()
    env = _omgeving(REKENHULP_ENV="productie", PYTHONPATH=str(ROOT))
    proces = (_serve(env, poort) if start == "serve"
              else _gunicorn(ROOT if start == "gunicorn" else tmp_path, env, poort))
    try:
        uitvoer, _ = proces.communicate(timeout=60)
    finally:
        _stop(proces)
    assert proces.returncode != 0
    assert "REKENHULP_SECRET_KEY ontbreekt" in uitvoer


def _csrf_posts(poort: int, aantal: int = 12) -> list[int]:
    """GET the form once (token + session cookie), then POST it `aantal` times on new connections, so that the
    posts land on both workers."""
    c = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)  # the first answer waits for a worker to boot
    c.request("GET", "/loonkostensubsidie")
    r = c.getresponse()
    html = r.read().decode()
    cookie = r.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    c.close()
    codes = []
    for _ in range(aantal):
        c = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
        c.request("POST", "/loonkostensubsidie", body=f"csrf_token={token}&leeftijd=30&uren_per_week=32&loonwaarde=60",
                  headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
        codes.append(c.getresponse().status)
        c.close()
    return codes


@pytest.mark.parametrize("start", ["serve", "gunicorn", "gunicorn-elders"])
def test_een_sleutel_voor_alle_workers_en_een_luide_waarschuwing(tmp_path, start):
    """`gunicorn -w 2 'rekenhulp:create_app()'` without a key gave each worker its own: 49 % of posts failed CSRF.
    "gunicorn-elders": started outside the repository, without Rekenhulp's gunicorn.conf.py."""
    poort = _vrije_poort()
    env = _omgeving(PYTHONPATH=str(ROOT))
    proces = (_serve(env, poort) if start == "serve"
              else _gunicorn(ROOT if start == "gunicorn" else tmp_path, env, poort))
    try:
        assert _wacht(proces, poort), proces.stdout.read() if proces.poll() is not None else "start niet"
        codes = _csrf_posts(poort)
    finally:
        _stop(proces)
    uitvoer = proces.stdout.read()
    assert codes == [200] * len(codes), codes
    assert "LET OP: REKENHULP_SECRET_KEY ontbreekt" in uitvoer


def test_gunicorn_eigen_foutantwoorden_zijn_json_met_beveiligingskoppen():
    """gunicorn's own 400/414/431 pages were bare HTML without security headers, also under /api/."""
    poort = _vrije_poort()
    proces = _serve(_omgeving(REKENHULP_SECRET_KEY="test", PYTHONPATH=str(ROOT)), poort)
    try:
        assert _wacht(proces, poort)
        for verzoek, status in ((b"GET /api/v1/" + b"x" * 9000 + b" HTTP/1.1\r\nHost: a\r\n\r\n", 414),
                                (b"GET /api/v1/parameters HTTP/1.1\r\nHost: a\r\n" + b"".join(
                                    b"X-%d: 1\r\n" % i for i in range(150)) + b"\r\n", 431),
                                (b"G@T / HTTP/1.1\r\nHost: a\r\n\r\n", 400)):
            with socket.create_connection(("127.0.0.1", poort), timeout=10) as s:
                s.sendall(verzoek)
                antwoord = b""
                while chunk := s.recv(65536):
                    antwoord += chunk
            kop, _, body = antwoord.partition(b"\r\n\r\n")
            tekst = kop.decode("latin-1")
            assert tekst.startswith(f"HTTP/1.1 {status}"), tekst
            assert "Content-Type: application/problem+json" in tekst and "X-Content-Type-Options: nosniff" in tekst
            assert b'"status": %d' % status in body and b"<html" not in body
    finally:
        _stop(proces)


def test_geen_gedeelde_controlsocket():
    from rekenhulp.gunicorn_conf import INSTELLINGEN

    assert INSTELLINGEN["control_socket_disable"] is True
    assert (ROOT / "gunicorn.conf.py").read_text().count("rekenhulp.gunicorn_conf") >= 1

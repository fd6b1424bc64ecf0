"""API benchmark: requests/s and latency p50/p90/p99 of POST /api/v1/loonkostensubsidie under
`rekenhulp serve --workers 2`, against a bare Flask JSON echo endpoint (benchmarks/echo_app.py) under
gunicorn with the same worker count, measured in the same run as the ceiling. Loopback only.

Run:  .venv/bin/python -m benchmarks.api_load            (about 70 s: 2 rounds × 2 servers × 12 s)
      .venv/bin/python -m benchmarks.api_load --duur 5 --rondes 1     (quick look)

The load comes from a second process: wrk (Debian package `wrk`) when it is installed, otherwise a
bounded Python load generator (threads + http.client, stops at the deadline). Both servers run the
same body through the same generator with the same connections, alternating rounds; the best round of
each counts. Target (issue 8): the LKS endpoint reaches at least 75 % of the echo ceiling. It also prints
the CPU time the worker processes spent per request (from /proc), a steadier figure on a shared machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
LKS_PAD = "/api/v1/loonkostensubsidie"
LKS_BODY = {"peildatum": "2026-01-01", "geboortedatum": "1990-05-01", "uren_per_week": 32, "loonwaarde": 60}


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(poort: int, pad: str, body: bytes, timeout: float = 5.0) -> tuple[int, bytes]:
    c = http.client.HTTPConnection("127.0.0.1", poort, timeout=timeout)
    try:
        c.request("POST", pad, body=body, headers={"Content-Type": "application/json"})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def wacht_tot_antwoord(poort: int, pad: str, body: bytes, proc: subprocess.Popen, max_s: float = 60.0) -> float:
    """Poll until the first 200 answer; returns the monotonic time of that answer."""
    eind = time.monotonic() + max_s
    while time.monotonic() < eind:
        if proc.poll() is not None:
            raise RuntimeError(f"server stopte met code {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
        try:
            status, _ = post(poort, pad, body, timeout=2)
            if status == 200:
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.005)
    raise TimeoutError(f"geen antwoord op poort {poort} binnen {max_s} s")


def start_rekenhulp(poort: int, workers: int = 2) -> subprocess.Popen:
    return subprocess.Popen([str(VENV_BIN / "rekenhulp"), "serve", "--host", "127.0.0.1", "--port", str(poort),
                             "--workers", str(workers)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def start_echo(poort: int, workers: int = 2) -> subprocess.Popen:
    # the same gunicorn settings as `rekenhulp serve` (sync workers, no access log, timeout 60)
    return subprocess.Popen([str(VENV_BIN / "gunicorn"), "--bind", f"127.0.0.1:{poort}", "--workers", str(workers),
                             "--timeout", "60", "benchmarks.echo_app:app"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    """Stop the server we started (its own process group: the gunicorn master and its workers)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


# --- load generators ------------------------------------------------------------------------------------

_EENHEID = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def _duur_s(tekst: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", tekst.strip())
    return float(m.group(1)) * _EENHEID[m.group(2)]


def met_wrk(poort: int, pad: str, body: bytes, verbindingen: int, duur: float, threads: int = 2) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f"wrk.body = {json.dumps(body.decode())}\n")
        script = f.name
    try:
        r = subprocess.run(["wrk", "-t", str(threads), "-c", str(verbindingen), "-d", f"{int(duur)}s", "--timeout",
                            "10s", "--latency", "-s", script, f"http://127.0.0.1:{poort}{pad}"],
                           capture_output=True, text=True, timeout=duur + 60)
    finally:
        os.unlink(script)
    out = r.stdout
    verdeling = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M))
    niet_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_fouten = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    totaal = int(re.search(r"(\d+) requests in", out).group(1))
    # gunicorn's sync workers close the connection after every answer; wrk counts the resulting
    # reconnects as "read" socket errors only when an answer was lost, so connect/write/timeout count
    fouten = (int(niet_2xx.group(1)) if niet_2xx else 0)
    if socket_fouten:
        fouten += int(socket_fouten.group(1)) + int(socket_fouten.group(3)) + int(socket_fouten.group(4))
    return {
        "generator": "wrk",
        "verzoeken": totaal,
        "per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _duur_s(verdeling["50"]), "p90": _duur_s(verdeling["90"]), "p99": _duur_s(verdeling["99"]),
        "fouten": fouten,
        "socket_fouten": socket_fouten.group(0) if socket_fouten else "Socket errors: geen",
    }


def met_python(poort: int, pad: str, body: bytes, verbindingen: int, duur: float) -> dict:
    """Fallback: `verbindingen` threads, each one request at a time, until the deadline (bounded)."""
    latenties: list[float] = []
    fouten = [0]
    slot = threading.Lock()
    eind = time.monotonic() + duur

    def werker():
        eigen, eigen_fouten = [], 0
        while time.monotonic() < eind:
            t0 = time.perf_counter()
            try:
                status, _ = post(poort, pad, body, timeout=10)
                ok = status == 200
            except OSError:
                ok = False
            eigen.append(time.perf_counter() - t0)
            eigen_fouten += not ok
        with slot:
            latenties.extend(eigen)
            fouten[0] += eigen_fouten

    begin = time.monotonic()
    threads = [threading.Thread(target=werker) for _ in range(verbindingen)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    verstreken = time.monotonic() - begin
    latenties.sort()
    q = statistics.quantiles(latenties, n=100)
    return {"generator": "python", "verzoeken": len(latenties), "per_s": len(latenties) / verstreken,
            "p50": q[49], "p90": q[89], "p99": q[98], "fouten": fouten[0], "socket_fouten": ""}


def werker_cpu(master: int) -> float:
    """CPU seconds (user + system) used so far by the worker processes of a gunicorn master (Linux /proc).
    Steadier than requests/s on a shared machine: what one answer costs the server, whatever else runs."""
    totaal = 0
    kinderen = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    for pid in kinderen:
        try:
            with open(f"/proc/{pid}/stat") as f:
                velden = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totaal += int(velden[11]) + int(velden[12])  # utime, stime (clock ticks)
    return totaal / os.sysconf("SC_CLK_TCK")


def belast(poort: int, pad: str, body: bytes, verbindingen: int, duur: float, master: int | None = None) -> dict:
    voor = werker_cpu(master) if master else None
    r = (met_wrk if shutil.which("wrk") else met_python)(poort, pad, body, verbindingen, duur)
    if master:
        r["cpu_us"] = (werker_cpu(master) - voor) / max(r["verzoeken"], 1) * 1e6
    return r


def regel(naam: str, r: dict) -> str:
    cpu = f"   worker-CPU {r['cpu_us']:.0f} µs/verzoek" if "cpu_us" in r else ""
    return (f"{naam:<34} {r['per_s']:>9.0f} req/s   p50 {r['p50'] * 1e3:6.2f} ms   p90 {r['p90'] * 1e3:6.2f} ms   "
            f"p99 {r['p99'] * 1e3:6.2f} ms   {r['verzoeken']} verzoeken, {r['fouten']} fouten ({r['generator']}){cpu}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duur", type=float, default=12, help="seconds per measurement")
    ap.add_argument("--rondes", type=int, default=2)
    ap.add_argument("--verbindingen", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    body = json.dumps(LKS_BODY).encode()
    p_lks, p_echo = vrije_poort(), vrije_poort()
    lks, echo = start_rekenhulp(p_lks, args.workers), start_echo(p_echo, args.workers)
    try:
        wacht_tot_antwoord(p_lks, LKS_PAD, body, lks)
        wacht_tot_antwoord(p_echo, "/echo", body, echo)
        status, antwoord = post(p_lks, LKS_PAD, body)
        assert status == 200 and json.loads(antwoord)["resultaat"]["loonkostensubsidie"] == "881.05"
        # warm-up (imports, first requests of every worker)
        belast(p_lks, LKS_PAD, body, args.verbindingen, 2)
        belast(p_echo, "/echo", body, args.verbindingen, 2)
        print(f"{os.cpu_count()} cores, Python {platform.python_version()}, {args.workers} workers each, "
              f"{args.verbindingen} connections, {args.duur:.0f} s per round, same body ({len(body)} bytes)")
        resultaten = {"echo": [], "lks": []}
        for ronde in range(args.rondes):
            for naam, poort, pad, master in (("echo", p_echo, "/echo", echo.pid), ("lks", p_lks, LKS_PAD, lks.pid)):
                r = belast(poort, pad, body, args.verbindingen, args.duur, master)
                resultaten[naam].append(r)
                print(regel(f"ronde {ronde + 1}: {'Flask JSON echo (plafond)' if naam == 'echo' else 'POST ' + LKS_PAD}", r))
        echo_best = max(resultaten["echo"], key=lambda r: r["per_s"])
        lks_best = max(resultaten["lks"], key=lambda r: r["per_s"])
        print()
        print(regel("Flask JSON echo (plafond), beste", echo_best))
        print(regel(f"POST {LKS_PAD}, beste", lks_best))
        verhouding = lks_best["per_s"] / echo_best["per_s"]
        print(f"verhouding LKS / plafond: {verhouding:.0%} (doel: ten minste 75 %)")
        cpu_echo = statistics.median(r["cpu_us"] for r in resultaten["echo"])
        cpu_lks = statistics.median(r["cpu_us"] for r in resultaten["lks"])
        print(f"worker-CPU per verzoek (mediaan over de rondes): echo {cpu_echo:.0f} µs, LKS {cpu_lks:.0f} µs "
              f"(verhouding {cpu_echo / cpu_lks:.0%})")
        return 0
    finally:
        stop(lks)
        stop(echo)


if __name__ == "__main__":
    raise SystemExit(main())

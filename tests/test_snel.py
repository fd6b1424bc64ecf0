"""The generated load and dump behind one door (issue 16 part 2): `soorten/snel.py` is the only module that runs
generated code, `REKENHULP_SNEL=0` turns it off, and the tests that compare it with marshmallow pass with either
setting. `./dev test` runs in one setting (default on); the last test here runs the comparison tests again in
a subprocess with the other setting, so one run of the suite covers both."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# the tests that compare the generated load/dump with marshmallow's own (test ids as pytest takes them)
VERGELIJKINGEN = [
    "tests/test_api_json.py",
    "tests/test_properties.py::test_snelle_dump_gelijk_aan_marshmallow",
    "tests/test_batch_cli.py::test_snelle_serialisatie_gelijk_aan_schema_dump",
    "tests/test_batch_gelijk.py",  # issue 17 part 3: batch and caseload comparison against the single-case API
]


def _omgeving(snel: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "REKENHULP_SNEL"}
    env["REKENHULP_SNEL"] = snel
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_exec_alleen_in_api_snel():
    """`grep -rn "exec(" --include=*.py .` outside tests, .venv and node_modules finds one module."""
    gevonden = set()
    for pad in ROOT.rglob("*.py"):
        deel = pad.relative_to(ROOT).parts
        if deel[0] in {"tests", ".venv", "node_modules", ".git"} or "site-packages" in deel:
            continue
        if re.search(r"\bexec\(", pad.read_text(encoding="utf-8")):
            gevonden.add("/".join(deel))
    assert gevonden == {"soorten/snel.py"}


@pytest.mark.parametrize("waarde,aan", [("1", True), ("0", False), ("uit", False), ("", True)])
def test_schakelaar(waarde, aan):
    """REKENHULP_SNEL=0 gives marshmallow's own load and dump; anything else (or nothing) the generated ones."""
    code = (
        "from soorten import snel\n"
        "from soorten.register import SOORTEN, laad_alle_soorten\n"
        "laad_alle_soorten()\n"
        "s = SOORTEN['loonkostensubsidie']\n"
        "inst = snel.schema_instantie(s.invoer_schema)\n"
        "dump = snel.snelle_dump(s.resultaat_schema)\n"
        "print(snel.AAN, snel.snelle_load(inst) is None,\n"
        "      dump == snel.schema_instantie(s.resultaat_schema).dump)\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], env=_omgeving(waarde), cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == [str(aan), str(not aan), str(not aan)]


def test_vergelijkingen_ook_met_de_andere_stand():
    """The comparison tests with the other setting of REKENHULP_SNEL than this run's (on -> off, off -> on)."""
    from soorten import snel

    andere = "0" if snel.AAN else "1"
    uit = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *VERGELIJKINGEN],
                         env=_omgeving(andere), cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert uit.returncode == 0, f"REKENHULP_SNEL={andere}:\n{uit.stdout[-4000:]}\n{uit.stderr[-2000:]}"
    assert " passed" in uit.stdout and " failed" not in uit.stdout

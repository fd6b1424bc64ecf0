"""Errors the engine raises for input that is well-formed but cannot be computed."""

from __future__ import annotations


class InvoerFout(ValueError):
    """Input that the rules cannot apply to. `veld` is the input field (JSON path without `$.`)."""

    def __init__(self, veld: str, bericht: str):
        self.veld = veld
        self.bericht = bericht
        super().__init__(f"{veld}: {bericht}")

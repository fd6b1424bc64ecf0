"""Rekenhulp's engine: pure Python, exact Decimal money, year-versioned parameters, no Flask.

One module per rule (loonkostensubsidie, ...), plus shared pieces: money, periods, explanation, wml.
"""

__version__ = "0.1.0"

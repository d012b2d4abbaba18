"""Today's date, from one place, so that rules that depend on it can be tested.

A delivery date after today is an error in a register (``sources.registers``). Tests and
reproducible runs fix "today" with the environment variable ``KBANALYSIS_TODAY``
(``YYYY-MM-DD``) or by passing ``today=`` to the function that takes it; nothing committed
depends on the date (the committed tables hold no register).
"""
from __future__ import annotations

import os
from datetime import date

TODAY_ENV = "KBANALYSIS_TODAY"


def today() -> date:
    """``$KBANALYSIS_TODAY`` when set (an ISO date), else the system's date."""
    fixed = os.environ.get(TODAY_ENV, "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise ValueError(f"{TODAY_ENV}={fixed!r} is not a date like 2026-06-30") from None
    return date.today()

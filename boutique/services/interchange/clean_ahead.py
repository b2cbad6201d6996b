"""A big file's client values cleaned on every core before the plan is made.

Checking and normalising a client's values (`clients.clean_client_values`: the phone
numbers parsed, the email checked) is a third of the preview of a 100,000-row file, and
each row's cleaning depends on that row alone. So, for a big file, another process cleans
part of the distinct values while this one cleans the rest; the plan then finds each row's
cleaned values (or its problems) made already. A part whose process fails is cleaned
here instead: the plan is the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# Rows from which another process pays for its start (a few tenths of a second).
SHARED_FROM = 20_000
# This process also reads the file and makes the plan: the other takes the larger part.
OWN_SHARE = 0.45

Cleaned = dict[str, Any] | dict[str, str]  # the values, or (as Problems) the errors


class ValuesCleaner:
    """Started before the file is read (the other process starts meanwhile); `clean`
    then gives {values as items: ("ok", clean values) or ("problems", errors)}."""

    def __init__(self, rows_expected: int):
        self._pool = None
        if rows_expected >= SHARED_FROM and (os.cpu_count() or 1) >= 2:
            try:
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"))
                self._warm = self._pool.submit(_ready)  # (its start and imports, now)
            except OSError:
                self._pool = None

    def clean(self, values: Iterable[dict[str, Any]], region: str) -> dict[tuple, tuple]:
        distinct: dict[tuple, dict[str, Any]] = {}
        for one in values:
            try:
                distinct.setdefault(tuple(one.items()), one)
            except TypeError:  # (a value that cannot be a key: the plan cleans it itself)
                continue
        keys = list(distinct)
        if self._pool is None or len(keys) < SHARED_FROM:
            self.close()
            return dict(zip(keys, clean_many(distinct.values(), region), strict=True))
        cut = int(len(keys) * OWN_SHARE)
        mine, others = [distinct[k] for k in keys[:cut]], [distinct[k] for k in keys[cut:]]
        try:
            theirs = self._pool.submit(clean_many, others, region)
        except Exception:  # noqa: BLE001 (no process to take it: cleaned here)
            theirs = None
        found = dict(zip(keys[:cut], clean_many(mine, region), strict=True))
        try:
            if theirs is None:
                raise RuntimeError("no other process")
            found.update(zip(keys[cut:], theirs.result(), strict=True))
        except Exception:  # noqa: BLE001 (its process failed: that part is cleaned here)
            found.update(zip(keys[cut:], clean_many(others, region), strict=True))
        self.close()
        return found

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _ready() -> bool:
    from boutique.services.clients import clean_client_values  # noqa: F401 (imported early)

    return True


def clean_many(values: Iterable[dict[str, Any]], region: str) -> list[tuple]:
    """("ok", clean values) or ("problems", {field: why}) for each, in order."""
    from boutique.services.clients import clean_client_values
    from boutique.services.collector import collector_paused
    from boutique.services.errors import ValidationError

    out = []
    with collector_paused():
        for one in values:
            try:
                out.append(("ok", clean_client_values(one, region)))
            except ValidationError as exc:
                out.append(("problems", exc.errors))
    return out

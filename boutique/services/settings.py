"""Typed settings in the store's `setting` table, with defaults registered in code.

Every feature registers its defaults (cadence numbers, letterhead, templates) once; a
value the user never changed is not written, so a new default reaches old stores.

Work that reads the same few settings for each of a thousand pieces (today's pack) reads
them inside `read_once()`: the table is read in one query and every `get` answers from
that snapshot until the block ends or something is written.
"""

from __future__ import annotations

import json
import string
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from boutique.models import Setting, database

_DEFAULTS: dict[str, Any] = {
    "store.default_region": "US",
    "store.currency_symbol": "$",
    "tiers.top_share_percent": 80,
}


def register_defaults(defaults: dict[str, Any]) -> None:
    _DEFAULTS.update(defaults)


def default(key: str) -> Any:
    return _DEFAULTS.get(key)


# Per thread: a snapshot taken in one thread never answers another's reads.
_snapshot = threading.local()


@contextmanager
def read_once() -> Iterator[None]:
    """Inside the block, settings come from one read of the table (stored text, decoded
    on each `get` so that no caller shares a mutable value). A write ends the snapshot:
    what follows it reads the store again. Nested blocks share the outer snapshot."""
    if getattr(_snapshot, "rows", None) is not None:
        yield
        return
    _snapshot.rows = dict(Setting.select(Setting.key, Setting.value).tuples())
    try:
        yield
    finally:
        _snapshot.rows = None


def _stored(key: str) -> str | None:
    rows = getattr(_snapshot, "rows", None)
    if rows is not None:
        return rows.get(key)
    row = Setting.get_or_none(Setting.key == key)
    return None if row is None else row.value


def get(key: str, fallback: Any = None) -> Any:
    value = _stored(key)
    if value is None:
        return _DEFAULTS.get(key, fallback)
    return json.loads(value)


# The store's LIKE ignores the case of ASCII letters only; the snapshot matches as it does.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _stored_under(prefix: str):
    rows = getattr(_snapshot, "rows", None)
    if rows is None:
        return Setting.select(Setting.key, Setting.value).where(
            Setting.key.startswith(prefix)).tuples()
    folded = prefix.translate(_ASCII_LOWER)
    return [(k, v) for k, v in rows.items()
            if k[:len(prefix)].translate(_ASCII_LOWER) == folded]


def get_many(prefix: str) -> dict[str, Any]:
    values = {k: v for k, v in _DEFAULTS.items() if k.startswith(prefix)}
    for key, value in _stored_under(prefix):
        values[key] = json.loads(value)
    return values


def _forget_snapshot() -> None:
    _snapshot.rows = None


def set_many(values: dict[str, Any]) -> None:
    _forget_snapshot()
    with database.atomic():
        for key, value in values.items():
            Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: json.dumps(value, ensure_ascii=False)}
            ).execute()


def set(key: str, value: Any) -> None:  # noqa: A001 - mirrors get()
    set_many({key: value})


def reset(key: str) -> None:
    _forget_snapshot()
    Setting.delete().where(Setting.key == key).execute()


def whole_number(value: Any, low: int, high: int, label: str) -> int:
    """A setting typed as a whole number within its range; ValueError says what is wrong."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{label}: must be a whole number") from None
    if not low <= number <= high:
        raise ValueError(f"{label}: must be between {low} and {high}")
    return number

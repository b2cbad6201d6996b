"""Typed settings in the store's `setting` table, with defaults registered in code.

Every feature registers its defaults (cadence numbers, letterhead, templates) once; a
value the user never changed is not written, so a new default reaches old stores.
"""

from __future__ import annotations

import json
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


def get(key: str, fallback: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return _DEFAULTS.get(key, fallback)
    return json.loads(row.value)


def get_many(prefix: str) -> dict[str, Any]:
    values = {k: v for k, v in _DEFAULTS.items() if k.startswith(prefix)}
    for row in Setting.select().where(Setting.key.startswith(prefix)):
        values[row.key] = json.loads(row.value)
    return values


def set_many(values: dict[str, Any]) -> None:
    with database.atomic():
        for key, value in values.items():
            Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: json.dumps(value, ensure_ascii=False)}
            ).execute()


def set(key: str, value: Any) -> None:  # noqa: A001 - mirrors get()
    set_many({key: value})


def reset(key: str) -> None:
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

"""Clean text: one-line fields lose control characters and bidi overrides; notes lose NUL.

Frozen: the columns and the character sets are written out here, not taken from the
current code. Line breaks and tabs in a one-line field become one space; other control
characters (C0, DEL, C1) and U+202A-U+202E, U+2066-U+2069 are dropped. Notes keep
newlines and tabs. What changed is recorded in the `setting` table under
`migration.clean_text` ({"table.column": rows}), so it can be reported.
"""

from __future__ import annotations

import json
import re

import peewee

_CONTROL = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)])
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ONE_LINE_BAD = re.compile(f"[{re.escape(_CONTROL + _BIDI)}]")
_MULTI_LINE_BAD = re.compile(
    f"[{re.escape(''.join(c for c in _CONTROL if c not in chr(9) + chr(10) + chr(13)) + _BIDI)}]")

ONE_LINE = {
    "client": ("salutation", "first_name", "last_name", "preferred_name", "partner_name",
               "email", "home_line1", "home_line2", "home_city", "home_region",
               "home_postcode", "home_country", "business_company", "business_line1",
               "business_line2", "business_city", "business_region", "business_postcode",
               "business_country", "ring_size", "associate", "sort_name"),
    "purchase": ("associate", "gift_recipient", "gift_relation", "gift_occasion"),
    "purchase_item": ("category", "metal", "stone", "sku"),
}
MULTI_LINE = {"note": ("text",), "client": ("search_text",), "purchase": ("remarks",),
              "purchase_item": ("description",)}
REPORT_KEY = "migration.clean_text"


def _one_line(text: str) -> str:
    text = re.sub(r"[\t\n\r]+", " ", text)
    return re.sub(" {2,}", " ", _ONE_LINE_BAD.sub("", text)).strip()


def _multi_line(text: str) -> str:
    return _MULTI_LINE_BAD.sub("", text)


def _clean(db: peewee.Database, table: str, column: str, clean, changed: dict) -> None:
    rows = db.execute_sql(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL").fetchall()
    count = 0
    for row_id, value in rows:
        if not isinstance(value, str):
            continue
        cleaned = clean(value)
        if cleaned != value:
            db.execute_sql(f"UPDATE {table} SET {column} = ? WHERE id = ?", (cleaned, row_id))
            count += 1
    if count:
        changed[f"{table}.{column}"] = count


def up(db: peewee.Database) -> None:
    changed: dict[str, int] = {}
    for table, columns in ONE_LINE.items():
        for column in columns:
            _clean(db, table, column, _one_line, changed)
    for table, columns in MULTI_LINE.items():
        for column in columns:
            _clean(db, table, column, _multi_line, changed)
    db.execute_sql("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                   " SET value = excluded.value", (REPORT_KEY, json.dumps(changed)))

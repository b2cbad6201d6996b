"""From another system's row to a client's fields: the column mapping and its meaning."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from boutique.services.clients import BOOL_FIELDS, EDITABLE_FIELDS, parse_price

# For each format: the file's column -> the client's field. Columns that need more than a
# copy (consent, birthday, spend, notes) are read by `_meaning` below.
COLUMN_MAPS: dict[str, dict[str, str]] = {
    "shopify-customers": {
        "First Name": "first_name", "Last Name": "last_name", "Email": "email",
        "Phone": "mobile_phone", "Default Address Company": "business_company",
        "Default Address Address1": "home_line1", "Default Address Address2": "home_line2",
        "Default Address City": "home_city", "Default Address Province Code": "home_region",
        "Default Address Country Code": "home_country", "Default Address Zip": "home_postcode",
        "Tags": "tags",
    },
    "square-customers": {
        "First Name": "first_name", "Last Name": "last_name", "Email Address": "email",
        "Phone Number": "mobile_phone", "Nickname": "preferred_name",
        "Company Name": "business_company", "Street Address 1": "home_line1",
        "Street Address 2": "home_line2", "City": "home_city", "State": "home_region",
        "Postal Code": "home_postcode",
    },
}
SPEND_COLUMNS = {"shopify-customers": "Total Spent", "square-customers": "Total Spend",
                 "boutique-clients": "spend_before_cents"}
NOTE_COLUMNS = {"shopify-customers": "Note", "square-customers": "Memo", "boutique-clients": "note"}
_BIRTHDAY = re.compile(r"^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_YES = {"yes", "true", "1", "subscribed", "y"}


@dataclass
class MappedRow:
    values: dict[str, Any] = field(default_factory=dict)
    spend_before_cents: int = 0
    note: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)
    purchase: Any = None  # a PurchaseData for an imported order


def default_mapping(fmt: str, header: list[str]) -> dict[str, str]:
    """Which column fills which field, before the user changes it."""
    if fmt == "boutique-clients":
        return {h: h for h in header if h in EDITABLE_FIELDS}
    return {h: f for h, f in COLUMN_MAPS.get(fmt, {}).items() if h in header}


def map_row(fmt: str, row: dict[str, str], mapping: dict[str, str]) -> MappedRow:
    out = MappedRow()
    for column, name in mapping.items():
        text = (row.get(column) or "").strip()
        if name.endswith("_phone") or text[1:2] in _FORMULA_STARTS:
            text = text[1:] if text.startswith("'") else text  # a "keep as text" mark
        if name in BOOL_FIELDS:
            out.values[name] = text.casefold() in _YES
        elif text:
            out.values[name] = text
    _meaning(fmt, row, out)
    return out


def _cell(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").strip()


def _meaning(fmt: str, row: dict[str, str], out: MappedRow) -> None:
    spend_column = SPEND_COLUMNS.get(fmt)
    if spend_column and _cell(row, spend_column):
        raw = _cell(row, spend_column)
        try:
            out.spend_before_cents = int(raw) if fmt == "boutique-clients" else parse_price(raw)
        except ValueError:
            out.problems.append((spend_column, f"'{raw}' is not an amount"))
    note_column = NOTE_COLUMNS.get(fmt)
    if note_column:
        out.note = _cell(row, note_column)
    if fmt == "shopify-customers":
        out.values["consent_email"] = _cell(row, "Accepts Email Marketing").casefold() in _YES
        out.values["consent_text"] = _cell(row, "Accepts SMS Marketing").casefold() in _YES
    elif fmt == "square-customers":
        out.values["consent_email"] = _cell(row, "Email Subscription Status").casefold() in _YES
        birthday = _cell(row, "Birthday")
        if birthday:
            match = _BIRTHDAY.match(birthday)
            if not match:
                out.problems.append(("Birthday", f"'{birthday}' is not MM-DD or YYYY-MM-DD"))
            else:
                year, month, day = match.groups()
                out.values.update(birthday_year=int(year) if year else None,
                                  birthday_month=int(month), birthday_day=int(day))

"""From another system's row to a client's fields: the column mapping and its meaning.

A mapping sends each column of the file to a client field, or to one of the targets that
need more than a copy (`MEANINGS`: an amount spent before Boutique, a note, a birthday or
anniversary as one date). Each known format has its default; any other spreadsheet gets
one guessed from its headers; the preview lets the user change it before anything is saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from boutique.services.clients import BOOL_FIELDS, EDITABLE_FIELDS, parse_price
from boutique.services.text import fold

# For each format: the file's column -> the client's field or meaning.
COLUMN_MAPS: dict[str, dict[str, str]] = {
    "shopify-customers": {
        "First Name": "first_name", "Last Name": "last_name", "Email": "email",
        "Phone": "mobile_phone", "Default Address Company": "business_company",
        "Default Address Address1": "home_line1", "Default Address Address2": "home_line2",
        "Default Address City": "home_city", "Default Address Province Code": "home_region",
        "Default Address Country Code": "home_country", "Default Address Zip": "home_postcode",
        "Tags": "tags", "Accepts Email Marketing": "consent_email",
        "Accepts SMS Marketing": "consent_text", "Total Spent": "spend_before", "Note": "note",
    },
    "square-customers": {
        "First Name": "first_name", "Last Name": "last_name", "Email Address": "email",
        "Phone Number": "mobile_phone", "Nickname": "preferred_name",
        "Company Name": "business_company", "Street Address 1": "home_line1",
        "Street Address 2": "home_line2", "City": "home_city", "State": "home_region",
        "Postal Code": "home_postcode", "Email Subscription Status": "consent_email",
        "Total Spend": "spend_before", "Memo": "note", "Birthday": "birthday",
    },
}
MEANINGS = {
    "spend_before": "spent before Boutique (an amount, e.g. $2,310.00)",
    "spend_before_cents": "spent before Boutique (whole cents)",
    "note": "a note about the client",
    "birthday": "birthday (YYYY-MM-DD or MM-DD)",
    "anniversary": "anniversary (YYYY-MM-DD or MM-DD)",
}
NOT_IMPORTED = ""
# Headers a spreadsheet commonly uses, folded, for the guessed mapping.
_SYNONYMS = {
    "first name": "first_name", "firstname": "first_name", "given name": "first_name",
    "forename": "first_name", "name": "first_name", "last name": "last_name",
    "lastname": "last_name", "surname": "last_name", "family name": "last_name",
    "e-mail": "email", "email address": "email", "mail": "email", "mobile": "mobile_phone",
    "cell": "mobile_phone", "phone": "mobile_phone", "telephone": "mobile_phone",
    "mobile phone": "mobile_phone", "work phone": "work_phone", "home phone": "home_phone",
    "address": "home_line1", "street": "home_line1", "city": "home_city", "town": "home_city",
    "state": "home_region", "zip": "home_postcode", "postcode": "home_postcode",
    "postal code": "home_postcode", "country": "home_country", "company": "business_company",
    "notes": "note", "memo": "note", "comments": "note", "birthday": "birthday",
    "date of birth": "birthday", "anniversary": "anniversary", "partner": "partner_name",
    "spouse": "partner_name", "ring size": "ring_size", "tags": "tags",
    "total spent": "spend_before", "total spend": "spend_before", "lifetime spend": "spend_before",
}
_DATE = re.compile(r"^(?:--)?(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$")
_YES = {"yes", "true", "1", "subscribed", "y"}


@dataclass
class MappedRow:
    values: dict[str, Any] = field(default_factory=dict)
    spend_before_cents: int = 0
    note: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)
    purchase: Any = None  # a PurchaseData for an imported order
    people: list[dict[str, str]] = field(default_factory=list)  # relations: kind, name


def targets() -> list[str]:
    """Every field or meaning a column can go to, as the preview offers them."""
    return list(EDITABLE_FIELDS) + list(MEANINGS)


def default_mapping(fmt: str, header: list[str]) -> dict[str, str]:
    """Which column fills which field, before the user changes it."""
    if fmt == "boutique-clients":
        return {h: h for h in header if h in EDITABLE_FIELDS or h in MEANINGS}
    if fmt in COLUMN_MAPS:
        return {h: f for h, f in COLUMN_MAPS[fmt].items() if h in header}
    guessed: dict[str, str] = {}
    for column in header:
        key = fold(column).replace("_", " ")
        target = _SYNONYMS.get(key) or (key.replace(" ", "_") if key.replace(" ", "_") in
                                        targets() else None)
        if target and target not in guessed.values():
            guessed[column] = target
    return guessed


def map_row(row: dict[str, str], mapping: dict[str, str]) -> MappedRow:
    out = MappedRow()
    for column, name in mapping.items():
        text = (row.get(column) or "").strip()
        if text.startswith("'") and (name.endswith("_phone") or text[1:2] in
                                     ("=", "+", "-", "@", "\t", "\r")):
            text = text[1:]  # a "keep as text" mark
        if not name:
            continue
        if name in MEANINGS:
            _meaning(name, column, text, out)
        elif name in BOOL_FIELDS:
            out.values[name] = text.casefold() in _YES
        elif text:
            out.values[name] = text
    return out


def _meaning(name: str, column: str, text: str, out: MappedRow) -> None:
    if not text:
        return
    if name in ("spend_before", "spend_before_cents"):
        try:
            out.spend_before_cents = int(text) if name == "spend_before_cents" else parse_price(text)
        except ValueError:
            out.problems.append((column, f"'{text}' is not an amount"))
    elif name == "note":
        out.note = f"{out.note}\n{text}" if out.note else text
    else:
        match = _DATE.match(text)
        if not match:
            out.problems.append((column, f"'{text}' is not YYYY-MM-DD or MM-DD"))
            return
        year, month, day = match.groups()
        out.values.update({f"{name}_year": int(year) if year else None,
                           f"{name}_month": int(month), f"{name}_day": int(day)})

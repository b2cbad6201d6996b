"""Which system wrote a file, told by its header row."""

from __future__ import annotations

from boutique.services.errors import ValidationError
from boutique.services.interchange.mapping import default_mapping

# Headers that only that system's export has, all of which must be present.
SIGNATURES = {
    "shopify-orders": {"Name", "Email", "Created at", "Lineitem name", "Lineitem price"},
    "shopify-customers": {"First Name", "Last Name", "Email", "Total Spent", "Accepts Email Marketing"},
    "square-customers": {"First Name", "Last Name", "Email Address", "Phone Number", "Total Spend"},
    "boutique-clients": {"first_name", "last_name", "email", "mobile_phone"},
    "boutique-purchases": {"purchase_ref", "purchase_date", "item_description", "item_price_cents"},
}
FORMATS = tuple(SIGNATURES) + ("spreadsheet", "vcard")
FORMAT_NAMES = {
    "shopify-orders": "a Shopify orders export", "shopify-customers": "a Shopify customers export",
    "square-customers": "a Square customer directory", "boutique-clients": "a Boutique clients CSV",
    "boutique-purchases": "a Boutique purchases CSV", "spreadsheet": "a spreadsheet of clients",
    "vcard": "contacts (vCard)",
}
# Formats whose columns are read as their system documents them, not through a mapping.
FIXED_FORMATS = ("shopify-orders", "boutique-purchases", "vcard")


def detect_format(header: list[str]) -> str:
    """The system that wrote the file; any other spreadsheet naming its clients is read
    with a mapping guessed from its headers, which the preview lets the user change."""
    present = set(header)
    for name, needed in SIGNATURES.items():
        if needed <= present:
            return name
    if {"first_name", "last_name"} & set(default_mapping("spreadsheet", header).values()):
        return "spreadsheet"
    raise ValidationError({"format": "the columns are not those of a Shopify customers or "
                           "orders, Square customers, Boutique clients or purchases export, "
                           "and none is a client's name; choose --format"})

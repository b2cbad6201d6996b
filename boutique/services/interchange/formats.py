"""Which system wrote a file, told by its header row."""

from __future__ import annotations

from boutique.services.errors import ValidationError

# Headers that only that system's export has, all of which must be present.
SIGNATURES = {
    "shopify-orders": {"Name", "Email", "Created at", "Lineitem name", "Lineitem price"},
    "shopify-customers": {"First Name", "Last Name", "Email", "Total Spent", "Accepts Email Marketing"},
    "square-customers": {"First Name", "Last Name", "Email Address", "Phone Number", "Total Spend"},
    "boutique-clients": {"first_name", "last_name", "email", "mobile_phone"},
}
FORMATS = tuple(SIGNATURES) + ("vcard",)


def detect_format(header: list[str]) -> str:
    present = set(header)
    for name, needed in SIGNATURES.items():
        if needed <= present:
            return name
    raise ValidationError({"format": "the columns are not those of a Shopify customers or orders, Square "
                           "customers or Boutique clients export; choose --format"})

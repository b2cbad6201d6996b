"""Phone numbers through `phonenumbers`: stored as E.164, shown in national format."""

from __future__ import annotations

import re
from functools import lru_cache

from boutique.services.text import digits


class PhoneError(ValueError):
    pass


def normalize(raw: str, region: str) -> str:
    """'(555) 013-4567' with region US -> '+15550134567'; '' stays ''. Raises PhoneError."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    import phonenumbers  # its tables load in a tenth of a second: only when a number is read

    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise PhoneError(f"'{raw}' is not a phone number") from exc
    if not phonenumbers.is_possible_number(number):
        raise PhoneError(f"'{raw}' has the wrong number of digits for {region}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# A ten-digit North American number seen from a North American store is always shown
# "(AAA) BBB-CCCC" (as phonenumbers formats it; tests/services/clients hold the two
# together): the common case of a whole book, at no parse.
# (phonenumbers.region_codes_for_country_code(1), without loading its tables at start)
_NANP_REGIONS = frozenset({
    "US", "AG", "AI", "AS", "BB", "BM", "BS", "CA", "DM", "DO", "GD", "GU", "JM", "KN", "KY",
    "LC", "MP", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI"})
_NANP_NUMBER = re.compile(r"\+1([2-9]\d\d)(\d{3})(\d{4})")


def display(e164: str, region: str) -> str:
    """National format for numbers of the store's region, international otherwise."""
    if not e164:
        return ""
    if region in _NANP_REGIONS:
        found = _NANP_NUMBER.fullmatch(e164)
        if found:
            return f"({found[1]}) {found[2]}-{found[3]}"
    return parsed_display(e164, region)


# Formatting through a parse costs ~0.2 ms a number; lists show the same numbers again
# and again, and the result depends only on the arguments. Bounded: a few hundred KB.
@lru_cache(maxsize=4096)
def parsed_display(e164: str, region: str) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == phonenumbers.country_code_for_region(region):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def national_digits(e164: str) -> str:
    """'+15035550134' -> '5035550134': the number after its country code, as parsing gives
    it (leading zeros dropped), without the cost of a parse (an import reads 100k of them)."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    full = digits(e164)
    for length in (1, 2, 3):  # country codes are one to three digits and prefix-free
        if int(full[:length] or 0) in COUNTRY_CODE_TO_REGION_CODE:
            return full[length:].lstrip("0") or full
    return full


def search_digits(e164: str) -> str:
    """Digits a search may match: the full international form and the national number."""
    if not e164:
        return ""
    return f"{digits(e164)} {national_digits(e164)}"

"""The fast email check gives exactly what the full check gives, message included."""

import pytest
from email_validator import EmailNotValidError, validate_email

from boutique.services.clients.emails import normalize_email

ADDRESSES = [
    "Ana.B@Example.COM", "a+b@GMAIL.com", "o'brien@example.ie", "a@b.test", "x@localhost",
    "a..b@x.com", ".a@x.com", "a.@x.com", "Ünïcode@x.com", "a@xn--bcher-kva.ch", "a@bücher.ch",
    "a@-x.com", "a@x-.com", "a@x..com", "a@1.2", '"q"@x.com', "a@" + "x" * 64 + ".com",
    "a" * 65 + "@x.com", "a@x.com.", "a b@x.com", "a@[1.2.3.4]", "@x.com", "a@x", "a@@x.com",
    "a@" + ".".join(["abcdefghi"] * 26) + ".com",
]


def _outcome(check, address):
    try:
        return check(address)
    except EmailNotValidError as exc:
        return f"error: {exc}"


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_fast_check_agrees_with_the_full_one(address):
    full = _outcome(lambda a: validate_email(a, check_deliverability=False).normalized, address)
    assert _outcome(normalize_email, address) == full


def test_a_domain_seen_before_is_still_judged_for_each_address():
    assert normalize_email("ana@Example.org") == "ana@example.org"
    with pytest.raises(EmailNotValidError, match="two periods"):
        normalize_email("an..a@Example.org")

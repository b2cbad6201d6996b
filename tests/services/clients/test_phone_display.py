"""The shown phone number: the quick North American form is exactly what a parse gives."""

from __future__ import annotations

import random

import phonenumbers

from boutique.services.clients.phones import display, parsed_display


def test_north_american_numbers_read_as_the_parse_formats_them():
    rng = random.Random(14)
    regions = phonenumbers.region_codes_for_country_code(1)
    for _ in range(3000):
        e164 = "+1" + str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(9))
        region = rng.choice(regions)
        assert display(e164, region) == parsed_display(e164, region), (e164, region)


def test_other_numbers_and_regions_go_through_the_parse():
    assert display("+15035550134", "US") == "(503) 555-0134"
    assert display("+15035550134", "GB") == parsed_display("+15035550134", "GB") \
        == "+1 503-555-0134"
    assert display("+442079460958", "GB") == "020 7946 0958"
    assert display("+442079460958", "US") == "+44 20 7946 0958"
    assert display("+1503555013", "US") == parsed_display("+1503555013", "US")  # too short
    assert display("", "US") == ""


def test_the_north_american_regions_are_those_of_country_code_one():
    from boutique.services.clients.phones import _NANP_REGIONS

    assert set(phonenumbers.region_codes_for_country_code(1)) == _NANP_REGIONS

"""The letterhead, the wordings and the pack's choices, kept in the store's settings."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import Setting
from boutique.services import settings
from boutique.services.errors import ValidationError
from boutique.services.stationery.letterhead import (
    DEMO_LETTERHEAD,
    default_page_size,
    demo_letterhead,
    load_letterhead,
    load_pack_options,
    load_template_overrides,
    locale_region,
    paper_region,
    save_letterhead,
    save_pack_options,
    save_templates,
)


def test_round_trip(db):
    save_letterhead({"store_name": "  Marsh & Finch  ",
                     "address_lines": ["1 Main St", "", " Hudson "],
                     "phone": "(518) 555-0142", "jeweler_name": "Elena Marsh",
                     "signature_line": "Elena Marsh, Goldsmith", "logo_path": "",
                     "page_size": "a4"})
    letterhead = load_letterhead()
    assert letterhead.store_name == "Marsh & Finch"
    assert letterhead.address_lines == ("1 Main St", "Hudson")
    assert letterhead.logo_path is None and letterhead.page_size == "a4"
    assert letterhead.contact_line == "1 Main St  ·  Hudson  ·  (518) 555-0142"


@pytest.mark.parametrize(("values", "field"), [
    ({"store_name": "  "}, "store_name"),
    ({"store_name": "X", "page_size": "legal"}, "page_size"),
    ({"store_name": "X", "fax": "1"}, "fax"),
])
def test_bad_values_name_the_field_and_write_nothing(db, values, field):
    with pytest.raises(ValidationError) as error:
        save_letterhead(values)
    assert field in error.value.errors
    assert Setting.select().where(Setting.key.startswith("letterhead.")).count() == 0


@pytest.mark.parametrize(("region", "size"), [("US", "letter"), ("CA", "letter"),
                                              ("MX", "letter"), ("PH", "letter"),
                                              ("GB", "a4"), ("FR", "a4"), ("JP", "a4")])
def test_paper_follows_the_region(region, size):
    assert default_page_size(region) == size


def test_the_stores_chosen_region_beats_the_computers_locale(db, monkeypatch):
    monkeypatch.setattr("locale.getlocale", lambda *a: ("en_GB", "UTF-8"))
    assert locale_region() == "GB"
    assert paper_region() == "GB"  # the region was never chosen: the locale decides
    assert load_letterhead().page_size == "a4"
    settings.set("store.default_region", "US")
    assert paper_region() == "US"
    assert load_letterhead().page_size == "letter"
    save_letterhead({"page_size": "a4"})
    assert load_letterhead().page_size == "a4"  # an explicit choice wins over both


def test_no_country_in_the_locale_falls_back_to_the_default_region(db, monkeypatch):
    monkeypatch.setattr("locale.getlocale", lambda *a: ("C", "UTF-8"))
    assert locale_region() == ""
    assert paper_region() == "US"


def test_only_changed_wordings_are_stored(db):
    defaults = {"closing": "Yours truly,", "salutation": "Dear {title_name},"}
    save_templates({"closing": "With warm regards,", "salutation": "Dear {title_name},"},
                   defaults)
    assert load_template_overrides() == {"closing": "With warm regards,"}
    save_templates({"closing": "Yours truly,"}, defaults)  # set back: forgotten
    assert load_template_overrides() == {}


def test_pack_options(db):
    assert load_pack_options() == {"prompt_layout": "2up", "script_layout": "half",
                                   "mail": "envelopes", "envelope": "", "label_sheet": ""}
    save_pack_options({"mail": "labels", "label_sheet": "l7160"})
    assert load_pack_options()["mail"] == "labels"
    with pytest.raises(ValidationError):
        save_pack_options({"colour": "red"})


def test_the_demo_letterhead_never_overwrites_a_real_one(db):
    demo_letterhead(dt.date(2026, 11, 25))
    assert load_letterhead().store_name == DEMO_LETTERHEAD["store_name"]
    save_letterhead({"store_name": "Our Own Shop"})
    demo_letterhead(dt.date(2026, 11, 25))
    assert load_letterhead().store_name == "Our Own Shop"

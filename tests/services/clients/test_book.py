"""Client validation, saving and the Trash."""

from __future__ import annotations

import pytest

from boutique.models import Client
from boutique.services.clients.book import (
    get_client,
    purge_client,
    restore_client,
    save_client,
    trash_client,
    trashed_clients,
)
from boutique.services.errors import ValidationError


def test_phones_are_stored_in_international_form(db):
    client = save_client({"first_name": "Ana", "mobile_phone": "(555) 013-4567",
                          "work_phone": "+44 20 7946 0958"})
    assert client.mobile_phone == "+15550134567"
    assert client.work_phone == "+442079460958"


@pytest.mark.parametrize(("field", "value"), [
    ("email", "ana@@example"),
    ("email", "not an email"),
    ("mobile_phone", "12"),
    ("mobile_phone", "call me maybe"),
])
def test_bad_contact_details_are_refused_with_the_field_named(db, field, value):
    with pytest.raises(ValidationError) as caught:
        save_client({"first_name": "Ana", field: value})
    assert field in caught.value.errors
    assert Client.select().count() == 0


def test_a_name_is_required(db):
    with pytest.raises(ValidationError) as caught:
        save_client({"first_name": "  ", "last_name": ""})
    assert "first_name" in caught.value.errors


@pytest.mark.parametrize(("parts", "ok"), [
    ({"birthday_month": 2, "birthday_day": 29}, True),  # no year: a leap-day birthday is fine
    ({"birthday_month": 2, "birthday_day": 29, "birthday_year": 1988}, True),
    ({"birthday_month": 2, "birthday_day": 29, "birthday_year": 1987}, False),
    ({"birthday_month": 4, "birthday_day": 31}, False),
    ({"birthday_month": 4}, False),
    ({"anniversary_month": 6, "anniversary_day": 14, "anniversary_year": "x"}, False),
    ({"anniversary_month": 6, "anniversary_day": 14, "anniversary_year": 1850}, False),
])
def test_key_dates_are_checked(db, parts, ok):
    values = {"first_name": "Ana", **parts}
    if ok:
        client = save_client(values)
        assert client.birthday_day == parts.get("birthday_day")
    else:
        with pytest.raises(ValidationError):
            save_client(values)


def test_user_text_is_kept_exactly(db):
    text = "<b>&amp;</b> 💍 " + "ש" * 40 + " Zoë"
    client = save_client({"first_name": "Zoë", "last_name": "Ødegård", "wish_list": text * 100})
    assert get_client(client.id).wish_list == text * 100


def test_update_keeps_other_fields(db):
    client = save_client({"first_name": "Ana", "last_name": "Alvarez", "ring_size": "6"})
    save_client({"email": "ana@example.com"}, client.id)
    again = get_client(client.id)
    assert (again.ring_size, again.email, again.last_name) == ("6", "ana@example.com", "Alvarez")


def test_trash_and_restore(db):
    client = save_client({"first_name": "Ana"})
    trash_client(client.id)
    assert [c.id for c in trashed_clients()] == [client.id]
    restore_client(client.id)
    assert trashed_clients() == []
    assert get_client(client.id).deleted_at is None


def test_only_a_trashed_client_can_be_deleted_for_good(db):
    client = save_client({"first_name": "Ana"})
    with pytest.raises(ValidationError):
        purge_client(client.id)
    trash_client(client.id)
    purge_client(client.id)
    assert Client.select().count() == 0

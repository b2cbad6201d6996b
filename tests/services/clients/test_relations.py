"""The people in a client's life: checked, saved in one transaction, listed, removed."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import Purchase, Relation
from boutique.services.clients import (
    ItemData,
    PurchaseData,
    client_relations,
    delete_relation,
    purchase_json,
    record_purchase,
    save_client_with_relations,
    save_relation,
)
from boutique.services.clients.listing import client_summaries
from boutique.services.errors import ValidationError


def test_relations_are_listed_partner_first_and_in_the_client_json(make_client):
    ana = make_client()
    save_relation(ana.id, {"kind": "friend", "name": "Zoe"})
    save_relation(ana.id, {"kind": "child", "name": "Leo", "birthday_month": 7,
                           "birthday_day": 1, "birthday_year": 2015})
    save_relation(ana.id, {"kind": "partner", "name": "Tom", "anniversary_month": 6,
                           "anniversary_day": 20})
    assert [r.name for r in client_relations(ana.id)] == ["Tom", "Leo", "Zoe"]
    [summary] = client_summaries([ana.id])
    assert [(r["name"], r["kind"], r["birthday"], r["anniversary"])
            for r in summary["relations"]] == [
        ("Tom", "partner", None, "--06-20"), ("Leo", "child", "2015-07-01", None),
        ("Zoe", "friend", None, None)]


@pytest.mark.parametrize(("values", "field", "why"), [
    ({"kind": "cousin", "name": "Ana"}, "kind", "must be one of"),
    ({"kind": "child", "name": ""}, "name", "needs a name"),
    ({"kind": "child", "name": "Leo\nLia"}, "name", "one line"),
    ({"kind": "child", "name": "Leo", "birthday_month": 2, "birthday_day": 30},
     "birthday_day", "not a date"),
    ({"kind": "child", "name": "Leo", "birthday_day": 3}, "birthday_month", "both"),
    ({"kind": "child", "name": "Leo", "shoe": 3}, "fields", "not a relation field"),
    ({"kind": "child", "name": "Leo", "wish_list": "x" * 5001}, "wish_list", "longer"),
])
def test_bad_relations_are_named_by_field(make_client, values, field, why):
    ana = make_client()
    with pytest.raises(ValidationError) as bad:
        save_relation(ana.id, values)
    assert why in bad.value.errors[field]
    assert Relation.select().count() == 0


def test_a_gift_for_a_relation_takes_her_name_and_keeps_it_when_she_is_removed(make_client):
    ana = make_client()
    other = make_client(first_name="Bo")
    mia = save_relation(ana.id, {"kind": "partner", "name": "Mia"})
    gift = record_purchase(ana.id, PurchaseData(dt.date(2026, 3, 1), [ItemData("Ring")],
                                                is_gift=True, gift_relation_id=mia.id))
    assert (gift.gift_recipient, gift.gift_relation) == ("Mia", "partner")
    save_relation(ana.id, {"kind": "partner", "name": "Mia Ortega"}, mia.id)
    assert Purchase.get_by_id(gift.id).gift_recipient == "Mia Ortega"
    with pytest.raises(ValidationError) as bad:  # someone else's relation
        record_purchase(other.id, PurchaseData(dt.date(2026, 3, 1), [ItemData("Ring")],
                                               is_gift=True, gift_relation_id=mia.id))
    assert "gift_relation_id" in bad.value.errors
    delete_relation(mia.id)
    kept = Purchase.get_by_id(gift.id)
    assert kept.gift_relation_id is None and kept.gift_recipient == "Mia Ortega"
    assert purchase_json(kept)["gift_recipient"] == "Mia Ortega"


def test_a_new_client_and_her_people_are_written_together_or_not_at_all(db):
    from boutique.models import Client

    with pytest.raises(ValidationError) as bad:
        save_client_with_relations({"first_name": "Ana"}, [
            {"kind": "partner", "name": "Tom"}, {"kind": "child", "birthday": "--02-30"}])
    assert set(bad.value.errors) >= {"relations[2].name", "relations[2].birthday_day"}
    assert Client.select().count() == 0 and Relation.select().count() == 0
    ana = save_client_with_relations({"first_name": "Ana"}, [
        {"kind": "partner", "name": "Tom", "birthday": "1980-05-04"}])
    [tom] = client_relations(ana.id)
    assert (tom.birthday_year, tom.birthday_month, tom.birthday_day) == (1980, 5, 4)


def test_erasing_a_client_erases_her_people(make_client, tmp_path):
    from boutique.services.interchange import erase_client

    ana = make_client()
    save_relation(ana.id, {"kind": "child", "name": "Leo", "wish_list": "Lego"})
    erase_client(ana.id)
    assert Relation.select().count() == 0

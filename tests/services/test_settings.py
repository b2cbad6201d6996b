"""Settings read once for a long piece of work: the snapshot answers as the store would."""

from __future__ import annotations

from boutique.models import Setting
from boutique.services import settings


def test_inside_read_once_a_setting_comes_from_the_snapshot(db):
    settings.set("store.default_region", "GB")
    with settings.read_once():
        Setting.update(value='"FR"').where(Setting.key == "store.default_region").execute()
        assert settings.get("store.default_region") == "GB"
    assert settings.get("store.default_region") == "FR"


def test_a_write_inside_read_once_is_read_back(db):
    with settings.read_once():
        assert settings.get("store.currency_symbol") == "$"
        settings.set("store.currency_symbol", "£")
        assert settings.get("store.currency_symbol") == "£"
        settings.reset("store.currency_symbol")
        assert settings.get("store.currency_symbol") == "$"


def test_get_many_answers_the_same_inside_and_outside(db):
    settings.set_many({"letterhead.store_name": "Marsh & Finch", "Letterhead.Phone": "1",
                       "letterheadXwebsite": "no: not under the prefix",
                       "letterhead.address_lines": ["214 Warren Street", "Hudson"]})
    outside = settings.get_many("letterhead.")
    with settings.read_once():
        inside = settings.get_many("letterhead.")
        inside["letterhead.address_lines"].append("changed by the caller")
        assert settings.get_many("letterhead.")["letterhead.address_lines"] == [
            "214 Warren Street", "Hudson"]
    assert inside.pop("letterhead.address_lines")[-1] == "changed by the caller"
    outside.pop("letterhead.address_lines")
    assert inside == outside
    assert outside["Letterhead.Phone"] == "1" and "letterheadXwebsite" not in outside

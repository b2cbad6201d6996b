"""Any spreadsheet of clients: a mapping guessed from its headers, changed by the user."""

from __future__ import annotations

from pathlib import Path

from boutique.services.clients import Client
from boutique.services.interchange import apply_plan, build_plan
from boutique.services.notes import timeline

SHEET = Path(__file__).parents[2] / "fixtures" / "import" / "spreadsheet_clients.csv"


def test_a_spreadsheet_is_read_with_a_mapping_guessed_from_its_headers(db):
    plan = build_plan(SHEET)
    assert plan.format == "spreadsheet"
    assert plan.mapping == {"Surname": "last_name", "Forename": "first_name", "E-mail": "email",
                            "Mobile": "mobile_phone", "Date of birth": "birthday",
                            "Comments": "note"}
    assert plan.problems == [] and plan.count("create") == 2
    apply_plan(plan)
    ines = Client.get(Client.email == "ines@example.com")
    assert (ines.first_name, ines.mobile_phone) == ("Inês", "+15035550123")
    assert (ines.birthday_year, ines.birthday_month, ines.birthday_day) == (1988, 4, 2)
    assert timeline(ines.id)[0].text == "Loves opals & <b>old</b> cuts"
    kofi = Client.get(Client.email == "kofi@example.com")
    assert (kofi.birthday_year, kofi.birthday_month, kofi.birthday_day) == (None, 12, 24)


def test_the_users_mapping_decides_what_goes_where(db):
    mapping = {**build_plan(SHEET).mapping, "Ring": "ring_size", "Mobile": "work_phone",
               "Spent so far": "spend_before"}
    del mapping["Comments"]
    plan = build_plan(SHEET, "spreadsheet", mapping)
    # A European amount is not read as a price: the row and column are named.
    assert [(p.row, p.field) for p in plan.problems] == [(2, "Spent so far")]
    apply_plan(plan, good_rows_only=True)
    [kofi] = Client.select()
    assert (kofi.work_phone, kofi.mobile_phone, kofi.ring_size) == ("+15035550124", "", "10")
    assert kofi.spend_before_cents == 30000 and timeline(kofi.id) == []

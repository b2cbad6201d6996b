"""The agenda read from the prepared rows (migration 17) is, after any edit, the agenda
worked out whole: the clients changed since they were prepared are worked out afresh,
so are the reminders of a day past those prepared, and when too much changed the rows
are not used until prepared again."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import subprocess
import sys

import pytest

from boutique.models import database
from boutique.services import settings
from boutique.services.agenda import agenda_for, prepared_are_fresh
from boutique.services.agenda.kept import forget_kept
from boutique.services.agenda.kept_cards import forget_cards
from boutique.services.agenda.prepared import (
    REMINDER_DAYS,
    prepare,
    prepared_items,
    prepared_position,
    preparing,
    refresh,
)
from boutique.services.agenda.today import agenda_worked_out
from boutique.services.clients.book import save_client
from boutique.services.interchange import erase_client
from boutique.services.prepare_ahead import PREPARING_MODULE
from tests.services.agenda.book_edits import BUILT, DAY, edit_at_random


def _anew(day):
    """The agenda of `day` with nothing kept in the process (as the start-up helper has
    it), and whether the prepared rows were used for it."""
    forget_kept()
    forget_cards()
    used = prepared_items(day) is not None
    forget_kept()
    forget_cards()
    return agenda_for(day), used


def _rows() -> int:
    return database.execute_sql("SELECT COUNT(*) FROM agenda_prepared").fetchone()[0]


def _reminders_made() -> tuple[str | None, str | None]:
    return database.execute_sql("SELECT reminders_day, reminders_to FROM "
                                "agenda_prepared_state").fetchone()


# (the day the rows are prepared for, the day read): the same day, a later one the
# reminders were made for, and one past them (its reminders computed)
DAYS = [(DAY, DAY), (BUILT, BUILT), (BUILT, DAY),
        (DAY - dt.timedelta(days=REMINDER_DAYS + 1), DAY)]


@pytest.mark.parametrize(("made_for", "day"), DAYS)
def test_after_each_kind_of_edit_the_prepared_agenda_is_the_whole_one(book, db_path,
                                                                      made_for, day):
    assert refresh(made_for) == "prepared" and prepared_are_fresh(made_for)
    assert _reminders_made() == (made_for.isoformat(),
                                 (made_for + dt.timedelta(days=REMINDER_DAYS)).isoformat())
    assert any(not i.followup_id for i in agenda_worked_out(day))  # (reminders too)
    open_followups = database.execute_sql(
        "SELECT COUNT(*) FROM followup f JOIN client c ON c.id = f.client_id WHERE "
        "f.status = 'open' AND f.merged_into_id IS NULL AND c.deleted_at IS NULL "
        "AND c.do_not_contact = 0").fetchone()[0]
    assert _rows() == open_followups > 100
    rng = random.Random(5)
    for step in range(30):
        what = edit_at_random(rng, step, db_path)
        items, used = _anew(day)
        assert used, f"step {step}: {what}"
        assert items == agenda_worked_out(day), f"step {step}: {what}"
        if step % 7 == 6:
            assert refresh(made_for) == "refreshed" and prepared_are_fresh(made_for)
            items, used = _anew(day)
            assert used and items == agenda_worked_out(day), f"refreshed at {step}"


@pytest.mark.parametrize("table", ["agenda_prepared", "agenda_prepared_reminder"])
def test_the_rows_read_are_the_prepared_ones_but_for_the_clients_changed_since(book, table):
    prepare(day=BUILT)
    stored = table == "agenda_prepared"
    item = next(i for i in _anew(DAY)[0] if bool(i.followup_id) == stored and i.recall)
    # (a write to the prepared rows themselves is journaled by nobody: it is what is read)
    database.execute_sql(f"UPDATE {table} SET reason = 'Prepared <&> 💎' WHERE client_id = ?"
                         " AND followup_id = ? AND occasion = ?",
                         (item.client_id, item.followup_id, item.occasion))
    mine = [i for i in _anew(DAY)[0] if i.client_id == item.client_id]
    assert "Prepared <&> 💎" in {i.reason for i in mine}
    save_client({"preferred_name": "Birdie"}, item.client_id)
    items, used = _anew(DAY)
    assert used and items == agenda_worked_out(DAY)
    mine = [i for i in items if i.client_id == item.client_id]
    assert mine and all(i.client_name.startswith("Birdie") for i in mine)
    assert item.reason in {i.reason for i in mine} and "Prepared <&> 💎" not in {
        i.reason for i in mine}


def test_a_new_days_refresh_makes_the_reminders_again(book):
    prepare(day=BUILT)
    assert prepared_are_fresh(BUILT) and not prepared_are_fresh(DAY)
    assert refresh(DAY) == "refreshed" and prepared_are_fresh(DAY)
    assert _reminders_made()[0] == DAY.isoformat()
    assert _anew(DAY) == (agenda_worked_out(DAY), True)


def test_a_setting_or_a_journal_run_past_leaves_the_rows_unused_until_prepared(book):
    prepare(day=DAY)
    settings.set("store.default_region", "GB")  # (journaled as everyone's change)
    items, used = _anew(DAY)
    assert not used and not prepared_are_fresh(DAY)
    assert items == agenda_worked_out(DAY)
    assert refresh(DAY) == "prepared"
    assert _anew(DAY) == (agenda_worked_out(DAY), True)
    # More writes than the journal keeps: those not read are gone, so is what they said.
    while database.execute_sql("SELECT MIN(id) FROM agenda_change").fetchone()[0] <= (
            prepared_position()):
        database.execute_sql("UPDATE followup SET attempts = attempts")
    items, used = _anew(DAY)
    assert not used and items == agenda_worked_out(DAY)


def test_a_preparing_taken_over_writes_nothing_more(book):
    first = preparing(batch=40, day=BUILT)
    assert next(first) > 0
    written = prepare(batch=100, day=DAY)
    assert written == _rows() and prepared_are_fresh(DAY)

    def everything() -> list:
        return [database.execute_sql(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("agenda_prepared", "agenda_prepared_reminder",
                              "agenda_prepared_state")]

    before = everything()
    with pytest.raises(StopIteration) as ended:
        while True:
            next(first)
    assert ended.value.value is None
    assert everything() == before and prepared_are_fresh(DAY)


def test_a_client_erased_leaves_none_of_her_rows(book):
    prepare(day=DAY)
    item = next(i for i in _anew(DAY)[0] if not i.followup_id)

    def held() -> list[int]:
        return [database.execute_sql(f"SELECT COUNT(*) FROM {table} WHERE client_id = ?",
                                     (item.client_id,)).fetchone()[0]
                for table in ("agenda_prepared", "agenda_prepared_reminder")]

    assert all(held())
    erase_client(item.client_id)
    assert held() == [0, 0]
    assert _anew(DAY) == (agenda_worked_out(DAY), True)


def test_the_process_prepares_then_refreshes_the_store_it_is_given(book, db_path):
    def run() -> str:
        done = subprocess.run([sys.executable, "-m", PREPARING_MODULE, str(db_path),
                               BUILT.isoformat()],
                              capture_output=True, text=True, timeout=120, check=True)
        return done.stdout.strip()

    assert not prepared_are_fresh(BUILT)
    assert run() == "prepared" and prepared_are_fresh(BUILT)
    item = next(i for i in _anew(DAY)[0] if i.followup_id)
    with sqlite3.connect(db_path) as other:  # (another window's write)
        other.execute("UPDATE client SET first_name = 'Wren' WHERE id = ?", (item.client_id,))
    assert not prepared_are_fresh(BUILT)
    assert run() == "refreshed" and prepared_are_fresh(BUILT)
    assert _anew(DAY) == (agenda_worked_out(DAY), True)
    names = {row[0] for row in database.execute_sql(
        "SELECT client_name FROM agenda_prepared WHERE client_id = ?", (item.client_id,))}
    assert names and all(name.startswith("Wren") for name in names)

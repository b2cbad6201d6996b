"""The prepared agenda (migration 17): an older store gains its tables empty and marked
never prepared, so its agenda is worked out as before until the rows are prepared, and
then read from them alike."""

from __future__ import annotations

import datetime as dt
import sqlite3

from boutique.models import close_database, database, open_database
from boutique.services.agenda import agenda_for, prepared_are_fresh
from boutique.services.agenda.kept import forget_kept
from boutique.services.agenda.kept_cards import forget_cards
from boutique.services.agenda.prepared import prepare, prepared_items
from boutique.services.agenda.today import agenda_worked_out
from tests.models.upgrade import upgraded_v4


def _busiest_day(start: dt.date) -> dt.date:
    """The day of the coming months with the most items, so the comparison has some."""
    days = [start + dt.timedelta(days=n) for n in range(0, 400, 7)]
    return max(days, key=lambda day: len(agenda_worked_out(day)))


def _anew(day: dt.date):
    forget_kept()
    forget_cards()
    return agenda_for(day)


def test_an_old_store_gains_the_tables_marked_never_prepared(tmp_path):
    path = upgraded_v4(tmp_path, "followup", at_least=17)
    with sqlite3.connect(path) as store:
        names = {name for (name,) in store.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')")}
        assert {"agenda_prepared", "agenda_prepared_state", "agenda_prepared_client",
                "agenda_prepared_reminder", "agenda_prepared_reminder_client",
                "agenda_prepared_reminder_due",
                "client_prepared_delete", "followup_prepared_delete"} <= names
        assert store.execute("SELECT COUNT(*) FROM agenda_prepared").fetchone() == (0,)
        assert store.execute("SELECT COUNT(*) FROM agenda_prepared_reminder").fetchone() == (0,)
        assert store.execute("SELECT id, position, run, reminders_day FROM agenda_prepared_state"
                             ).fetchall() == [(1, None, None, None)]


def test_its_agenda_is_worked_out_until_prepared_then_read_from_the_rows_alike(tmp_path):
    path = upgraded_v4(tmp_path, "followup", at_least=17)
    open_database(path)
    try:
        (first_due,) = database.execute_sql(
            "SELECT MIN(due) FROM followup WHERE status = 'open'").fetchone()
        day = _busiest_day(dt.date.fromisoformat(first_due))
        whole = agenda_worked_out(day)
        assert len(whole) > 5
        assert prepared_items(day) is None and not prepared_are_fresh()
        assert _anew(day) == whole
        assert prepare() > 0 and prepared_are_fresh()
        assert prepared_items(day) is not None
        assert _anew(day) == whole
    finally:
        forget_kept()  # (what is kept is the process's: no other test is to find it)
        forget_cards()
        close_database()

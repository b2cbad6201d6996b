"""The day's agenda worked out by another process while the window starts: adopted, it is
brought up to date by the journal and equals the agenda worked out whole; a store that is
not ready to read gives nothing, and Today works the agenda out itself."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

import pytest

from boutique.models import close_database, database, open_database
from boutique.services.agenda import agenda_for, forget_kept, kept_entries, week_summary
from boutique.services.agenda.kept_cards import forget_cards, kept_cards
from boutique.services.agenda.today import agenda_worked_out
from boutique.services.cadence.followups import act, outcomes_for
from boutique.services.clients import top_tier_threshold
from boutique.services.clients.book import save_client
from boutique.services.demo.build import build_demo
from boutique.services.today_ahead import start_today_ahead

BUILT = dt.date(2026, 11, 25)
DAY = BUILT + dt.timedelta(days=30)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "book.sqlite3"
    open_database(path)
    build_demo(120, seed=5, today=BUILT, years=2.0)
    close_database()
    forget_kept()
    forget_cards()
    yield path
    forget_kept()
    forget_cards()
    close_database()


def _finished(ahead) -> None:
    """Wait until the other process has handed its work over (it then ends)."""
    deadline = time.monotonic() + 60
    while ahead._process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


def test_the_work_handed_over_is_adopted_and_brought_up_to_date(store):
    ahead = start_today_ahead(store, DAY)
    assert ahead is not None
    _finished(ahead)
    open_database(store)
    # Written after the other process read the store: the journal must bring it in.
    item = next(i for i in agenda_worked_out(DAY) if i.channel == "phone")
    act(item, "done", DAY, outcome=outcomes_for(item.channel, item.kind)[0])
    save_client({"first_name": "Zoë <&> שרה 💎"}, agenda_worked_out(DAY)[-1].client_id)
    expected_week = week_summary(DAY, agenda_worked_out(DAY))
    forget_kept()  # (the week's counts were just worked out whole here)
    assert ahead.take()
    adopted = {(kind, day) for kind, day, *_rest in kept_entries()}
    assert adopted == {("agenda", DAY), ("week", DAY)}
    assert agenda_for(DAY) == agenda_worked_out(DAY)
    assert week_summary(DAY, agenda_for(DAY)) == expected_week


def test_the_cards_handed_over_serve_a_new_day_brought_up_to_date(store):
    ahead = start_today_ahead(store, DAY)
    _finished(ahead)
    open_database(store)
    tomorrow = DAY + dt.timedelta(days=1)
    renamed = next(iter({i.client_id for i in agenda_worked_out(DAY)}
                        & {i.client_id for i in agenda_worked_out(tomorrow)}))
    save_client({"first_name": "Zoë <&> שרה 💎", "preferred_name": ""}, renamed)
    assert ahead.take()
    with kept_cards() as shelf:  # (none read here yet: all handed over)
        assert len(shelf.cards) > 30 and renamed not in shelf.cards
    forget_kept()
    assert agenda_for(tomorrow) == agenda_worked_out(tomorrow)
    assert any(i.client_id == renamed and "Zoë <&> שרה 💎" in i.client_name
               for i in agenda_for(tomorrow))


def test_what_is_adopted_is_what_the_day_holds(store):
    ahead = start_today_ahead(store, DAY)
    _finished(ahead)
    open_database(store)
    expected = agenda_worked_out(DAY)
    threshold = top_tier_threshold()
    assert ahead.take()
    (items, _keys), = [value for kind, _day, _guard, _position, value in kept_entries()
                       if kind == "agenda"]
    assert items == expected
    assert top_tier_threshold() == threshold
    assert not ahead.take()  # (once)


def test_a_store_of_an_older_format_gives_nothing(store):
    with sqlite3.connect(store) as connection:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA user_version = {version - 1}")
    ahead = start_today_ahead(store, DAY)
    open_database(store, migrate=False)
    assert not ahead.take()
    assert kept_entries() == []


def test_a_file_that_is_no_store_gives_nothing(tmp_path, db):
    other = tmp_path / "photo.sqlite3"
    other.write_bytes(b"\x89PNG" + b"\0" * 4000)
    ahead = start_today_ahead(other, DAY)
    assert not ahead.take()
    assert kept_entries() == []


def test_no_store_yet_starts_nothing(tmp_path):
    assert start_today_ahead(tmp_path / "new.sqlite3", DAY) is None
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert start_today_ahead(tmp_path / "empty.sqlite3", DAY) is None


def test_another_day_is_not_adopted(store):
    ahead = start_today_ahead(store, DAY)
    _finished(ahead)
    open_database(store)
    ahead.day = DAY + dt.timedelta(days=1)  # (the window's day moved on meanwhile)
    assert not ahead.take()
    assert kept_entries() == []
    assert database.obj is not None


def test_a_late_helper_is_not_waited_for_and_is_ended(store):
    """Held up (here: the store locked by another program), the process is given up at
    the wait's end and stopped; nothing is adopted, and the agenda is worked out here."""
    holder = sqlite3.connect(store)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("SELECT COUNT(*) FROM client").fetchone()
    try:
        ahead = start_today_ahead(store, DAY)
        time.sleep(1.0)
        assert ahead._process.poll() is None  # (it waits for the store, as it would hang)
        started = time.monotonic()
        assert not ahead.take(timeout=0.5)
        waited = time.monotonic() - started
        assert ahead._process.poll() is not None  # (ended, not left running)
    finally:
        holder.rollback()
        holder.close()
    assert waited < 5
    assert kept_entries() == []
    open_database(store)
    assert agenda_for(DAY) == agenda_worked_out(DAY)

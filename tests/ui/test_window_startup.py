"""The window opens with only what its first screen needs: Today paints at once and fills
on the next turn of the event loop; the other tabs (and what they import) are made when
first shown."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from boutique.services.agenda import agenda_for, calls_to_make, notes_to_write

ROOT = Path(__file__).resolve().parents[2]
TAB_NAMES = ["Today", "Calendar", "Clients", "Notes", "Service"]


def _book(make_client, make_purchase):
    today = dt.date.today()
    ana = make_client(first_name="Ana", last_name="Alvarez", mobile_phone="+15550134567",
                      home_line1="12 Oak Street", home_city="Springfield", home_region="IL",
                      home_postcode="62701")
    ben = make_client(first_name="Ben", last_name="Okafor", mobile_phone="+15550177777")
    make_purchase(ana.id, today - dt.timedelta(days=3), "Pearl studs")
    make_purchase(ben.id, today - dt.timedelta(days=30), "Diamond studs")


def test_today_paints_empty_then_fills_with_the_whole_agenda(qtbot, db, db_path, make_client,
                                                             make_purchase):
    from boutique.ui.application import create_application
    from boutique.ui.main_window import MainWindow

    _book(make_client, make_purchase)
    items = agenda_for(dt.date.today())
    assert items  # the book has something to show today
    create_application()
    window = MainWindow(str(db_path), fill_today_later=True)
    qtbot.addWidget(window)
    tab = window.tab("Today")
    events = []
    tab.filling.connect(lambda: events.append(("filling", tab.notes_model.rowCount())))
    tab.filled.connect(lambda: events.append(("filled", tab.notes_model.rowCount())))
    assert tab.notes_model.rowCount() == 0 and tab.calls_model.rowCount() == 0
    assert "reading the day's list" in tab.notes_title.text()
    assert tab.date_edit.date().toPython() == dt.date.today()  # the day, not Qt's default
    with qtbot.waitSignal(tab.filled, timeout=5000):
        window.show()
    assert events[0] == ("filling", 0)  # painted before anything was read
    assert [i.followup_id for i in tab.notes_model.items] == [
        i.followup_id for i in notes_to_write(items)]
    assert [i.followup_id for i in tab.calls_model.items] == [
        i.followup_id for i in calls_to_make(items)]
    assert tab.notes_title.text() == f"Notes to write ({len(notes_to_write(items))})"
    assert tab.selected_item() is not None


def test_a_window_made_directly_is_filled_at_once(window, make_client, make_purchase):
    _book(make_client, make_purchase)
    tab = window.tab("Today")
    tab.reload()
    assert not tab.fill_pending
    assert tab.notes_model.rowCount() + tab.calls_model.rowCount() == len(
        agenda_for(dt.date.today()))


def test_other_tabs_are_made_when_first_shown_in_their_place(window, qtbot):
    assert list(window.tab_widgets) == ["Today"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_NAMES
    window.tabs.setCurrentIndex(2)  # as a click on "Clients"
    clients = window.tab_widgets["Clients"]
    assert window.tabs.currentWidget() is clients
    assert type(clients).__name__ == "ClientsTab"
    service = window.show_tab("Service")
    assert type(service).__name__ == "ServiceTab"
    assert window.tabs.currentWidget() is service
    assert window.tabs.indexOf(service) == 4 and window.tabs.indexOf(clients) == 2
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_NAMES
    assert window.show_tab("Clients") is clients  # made once


STARTUP_SCRIPT = """
import sys
from boutique.services.store import open_store
from boutique.ui.application import create_application
from boutique.ui.main_window import MainWindow
create_application()
open_store(sys.argv[1], explicit=True)
window = MainWindow(sys.argv[1], fill_today_later=True)
window.show()
window.tab("Today").fill()
loaded = sorted(name for name in sys.modules
                if name.split(".")[0] in ("reportlab", "pypdf", "icalendar")
                or name.startswith(("boutique.printing", "boutique.ui.service_tab",
                                    "boutique.ui.clients_tab", "boutique.ui.notes_tab",
                                    "boutique.ui.calendar_tab")))
print("loaded:", ",".join(loaded))
"""


def test_the_window_opens_without_printing_search_or_the_other_tabs(db, db_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", STARTUP_SCRIPT, str(db_path)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("loaded:"))
    assert line == "loaded: ", line


def test_today_first_fills_from_the_agenda_worked_out_ahead(qtbot, db, db_path, make_client,
                                                            make_purchase):
    from boutique.services.today_ahead import start_today_ahead
    from boutique.ui.application import create_application
    from boutique.ui.main_window import MainWindow

    _book(make_client, make_purchase)
    ahead = start_today_ahead(Path(db_path), dt.date.today())
    taken = []
    create_application()
    window = MainWindow(str(db_path), fill_today_later=True,
                        before_first_fill=lambda: taken.append(ahead.take()))
    qtbot.addWidget(window)
    tab = window.tab("Today")
    with qtbot.waitSignal(tab.filled, timeout=10000):
        window.show()
    assert taken == [True]
    items = agenda_for(dt.date.today())
    assert [i.followup_id for i in tab.notes_model.items] == [
        i.followup_id for i in notes_to_write(items)]
    tab.reload()
    assert taken == [True]  # (handed over once, at the first fill only)


def test_the_window_opens_from_the_command_line_with_the_agenda_worked_out_ahead(db, db_path,
                                                                                 make_client,
                                                                                 make_purchase):
    _book(make_client, make_purchase)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "main.py", "--db", str(db_path), "--quit-after-ready"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert any(line.startswith("ready_at=") for line in done.stdout.splitlines())

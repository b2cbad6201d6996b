"""The agenda's prepared rows (services.agenda.prepared) brought up to date beside the
window, in a process of its own: making them all again takes seconds of a core on a big
book, and the window's core stays with the user."""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import suppress
from pathlib import Path

from boutique.models import database
from boutique.models.agenda_journal import journal_position
from boutique.services.agenda import prepared_are_fresh, refresh_prepared
from boutique.services.module_process import can_start_modules, start_module

PREPARING_MODULE = __spec__.name  # (`python -m` it: see the end)


def _writes_seen() -> tuple[int, int]:
    # (the journal's newest id, and the rows this thread's connection changed: the
    # preparing process adds to neither)
    return journal_position(), database.connection().total_changes


class PreparingAhead:
    """The process bringing the prepared rows of the store at `path` up to date, the
    reminders for `day`."""

    def __init__(self, path: Path, day: dt.date):
        self._writes_before = _writes_seen()
        self._process = start_module(PREPARING_MODULE, str(path), day.isoformat())

    def done(self) -> bool:
        return self._process.poll() is not None

    def nothing_else_written(self) -> bool:
        """Whether, since it started, this thread wrote nothing and no write was journaled
        (its own writes are then the only change to the store)."""
        return _writes_seen() == self._writes_before

    def stop(self) -> None:
        """End it if it still runs (the window closes): the rows it wrote are not used
        until a preparing completes."""
        if self._process.poll() is None:
            with suppress(OSError):
                self._process.kill()
        with suppress(OSError):
            self._process.wait()


def start_preparing(path: Path, day: dt.date | None = None) -> PreparingAhead | None:
    """Start bringing the prepared rows of the store at `path` (the one open) up to date
    for `day` (today); None when they are already, or no process can be started."""
    day = day or dt.date.today()
    if not can_start_modules() or prepared_are_fresh(day):
        return None  # (without them, the agenda is worked out whole)
    try:
        return PreparingAhead(path, day)
    except OSError:
        return None


def _main(path: str, day: dt.date | None = None) -> int:
    from boutique.models import close_database, open_database
    from boutique.models.migrations import latest_version, schema_version

    open_database(path, migrate=False)
    try:
        if schema_version(database.obj) != latest_version():
            return 2  # (the window upgrades it first)
        print(refresh_prepared(day), flush=True)
        return 0
    finally:
        close_database()


if __name__ == "__main__":
    # python -m boutique.services.prepare_ahead STORE [DAY]: the store's prepared rows made
    # up to date, the reminders for DAY (an ISO date; today when not given).
    sys.exit(_main(sys.argv[1], dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2
                   else None))

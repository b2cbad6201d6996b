"""The agenda's prepared rows (services.agenda.prepared) brought up to date beside the
window, in a process of its own: making them all again takes seconds of a core on a big
book, and the window's core stays with the user."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from boutique.models import database
from boutique.models.agenda_journal import journal_position
from boutique.services.agenda import PREPARED_MODULE, prepared_are_fresh
from boutique.services.module_process import can_start_modules, start_module


def _writes_seen() -> tuple[int, int]:
    # (the journal's newest id, and the rows this thread's connection changed: the
    # preparing process adds to neither)
    return journal_position(), database.connection().total_changes


class PreparingAhead:
    """The process bringing the prepared rows of the store at `path` up to date."""

    def __init__(self, path: Path):
        self._writes_before = _writes_seen()
        self._process = start_module(PREPARED_MODULE, str(path))

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


def start_preparing(path: Path) -> PreparingAhead | None:
    """Start bringing the prepared rows of the store at `path` (the one open) up to date;
    None when they are already, or no process can be started."""
    if not can_start_modules() or prepared_are_fresh():
        return None  # (without them, the agenda is worked out whole)
    try:
        return PreparingAhead(path)
    except OSError:
        return None

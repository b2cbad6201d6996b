"""The day's agenda worked out on the second core while the window starts.

Opening the window is Python and Qt building widgets on one core; the morning agenda of a
big book is a few hundred milliseconds of reading and making items, which would follow on
the same core. So the window's process starts another at its very beginning: a plain
Python process running this module, which imports nothing heavy (it is at work within a
tenth of a second, where a multiprocessing start took a fifth). It opens the store to
read only, works out the day's agenda and week counts and hands them over
(agenda.kept_entries), with the client cards it read (agenda.kept_cards_entry, for the
next whole agenda: a new day, a day on the calendar): Today adopts them when it first
fills, and the journal of changes (models.agenda_journal) brings them up to date with
whatever was written meanwhile, the window's own start included. Should the process fail,
be slow, or find the store not ready to read (new, of an older format, not a store),
Today works the agenda out itself, as it would without it.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

from boutique.services.module_process import can_start_modules, start_module

# How long Today waits for the handover before working the agenda out itself. The process
# does the very work Today would do, already begun: waiting is never slower than starting
# again (on a store not yet in the disk cache, say), unless it hangs.
WAIT_S = 15.0
HELPER_CACHE_KIB = 16_000


class TodayAhead:
    """The process working out `day`'s agenda of the store at `path`."""

    def __init__(self, path: Path, day: dt.date):
        self.day = day
        self._process = start_module(__spec__.name, str(path), day.isoformat(),
                                     stdout=subprocess.PIPE)
        self._taken = False

    def take(self, timeout: float = WAIT_S) -> bool:
        """Adopt what the process worked out (once, with the window's store open); False
        when it had nothing to give in time."""
        if self._taken:
            return False
        self._taken = True
        try:
            out, _ = self._process.communicate(timeout=timeout)
            handed = pickle.loads(out) if out else None
        except Exception:  # noqa: BLE001 (late, or nothing readable: Today works it out)
            handed = None
        finally:
            self.stop()
        if not isinstance(handed, tuple) or handed[0] != self.day:
            return False
        from boutique.services.agenda import adopt, adopt_cards
        from boutique.services.clients import adopt_threshold

        _day, (position, threshold), entries, cards = handed
        adopt_threshold(position, threshold)
        adopt(entries)
        adopt_cards(cards)
        return True

    def stop(self) -> None:
        """End the process if it still runs (the window closed first, or it was late)."""
        if self._process.poll() is None:
            with suppress(OSError):
                self._process.kill()
        with suppress(OSError):
            self._process.communicate()


def start_today_ahead(path: Path, day: dt.date) -> TodayAhead | None:
    """Start working out `day`'s agenda of the store at `path`, if there is one to read."""
    if not path.is_file() or path.stat().st_size == 0:
        return None  # (a new store: nothing to read yet; the window creates it)
    if not can_start_modules():
        return None  # (Today works it out itself)
    try:
        return TodayAhead(path, day)
    except OSError:
        return None


def work_out(path: str, day: dt.date):
    """(day, (journal id, threshold), kept entries, kept cards) of the store at `path`, or
    None when it is not ready to be read as it is."""
    from boutique.models import close_database, database, open_database
    from boutique.models.agenda_journal import journal_position
    from boutique.models.migrations import latest_version, schema_version

    try:
        open_database(path, migrate=False)
        if schema_version(database.obj) != latest_version():
            return None  # (the window upgrades it first, then reads it itself)
        database.execute_sql("PRAGMA query_only = 1")  # (it only reads, whatever happens)
        # It reads each page about once: a small cache holds what the work reads again, and
        # keeps the process at about half the size (the window's 64 MB cache: 95 MB here).
        database.execute_sql(f"PRAGMA cache_size = -{HELPER_CACHE_KIB}")
        from boutique.services.agenda import (
            agenda_for,
            kept_cards_entry,
            kept_entries,
            week_summary,
        )
        from boutique.services.clients import top_tier_threshold

        position = journal_position()
        threshold = top_tier_threshold()
        week_summary(day, agenda_for(day))
        return day, (position, threshold), kept_entries(), kept_cards_entry()
    except Exception:  # noqa: BLE001 (the window works the agenda out itself instead)
        return None
    finally:
        close_database()


if __name__ == "__main__":
    # python -m boutique.services.today_ahead STORE DAY: the handover on stdout, pickled.
    handover = pickle.dumps(work_out(sys.argv[1], dt.date.fromisoformat(sys.argv[2])))
    sys.stdout.buffer.write(handover)
    sys.stdout.flush()
    # Out at once: the window waits for the end of the output, and an orderly exit would
    # first free every item made (a tenth of a second or two); the store is closed.
    os._exit(0)

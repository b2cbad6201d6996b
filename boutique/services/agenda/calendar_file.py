"""The calendar file of the open follow-ups, made on every core a big book needs.

A year of a 100,000-client book is some 400,000 events, and making them is the work: it
divides by due day. The later days go to other processes, each writing its days' events
to a part file beside the file; this process makes the first days and then joins the
parts in order. Every part reads one state of the store (models.shared_read): the
window may go on saving while the file is made, but no save falls between two parts. A
part whose process fails is made here instead, from the same state.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from contextlib import ExitStack, suppress
from itertools import chain
from pathlib import Path

from boutique.models import close_database, database, open_database, utcnow
from boutique.models.db import owner_only, pages_mapped
from boutique.models.shared_read import pin_snapshot, store_path, writers_held
from boutique.services.agenda.cards import CardShelf
from boutique.services.agenda.ical import (
    CALENDAR_HEAD,
    CALENDAR_TAIL,
    OPEN,
    calendar_parts,
    open_followups_by_month,
)
from boutique.services.collector import collector_paused

# Open follow-ups from which another process pays for its start (a few tenths of a second).
SHARED_FROM = 40_000
MOST_PROCESSES = 4
REMINDER_WORK = 2  # a computed key-date reminder's work, against a stored follow-up's
# The work of the first part against each other one's. Its events (every overdue one among
# them) take longer to make, but theirs begin a tenth of a second or two later (a process's
# start), and it copies their files while they are still written: on the 100k book, with a
# fiftieth more, it ends its own days about a twentieth of a second before the next part.
FIRST_SHARE = 1.02
PINNED_WITHIN_S = 60  # a part process that has not begun reading by then is not waited for
COPY_EVERY_S = 0.02  # while a part's process still writes, what it wrote is copied this often
_NOTHING_YET = object()  # (no message from a part's process within the time given)


def export_ics(path: str | Path, day: dt.date, horizon_days: int = 365,
               processes: int | None = None) -> int:
    """Write the open follow-ups to `path`; returns how many events were written.

    `processes`: how many to make it with (default: one per core, up to four, when the
    book is big enough to gain from more than one)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    stamp = utcnow()
    store = store_path()
    parts: list[_Part] = []
    holder: _WritersHeld | None = None
    try:
        with ExitStack() as stack:
            stack.enter_context(collector_paused())
            stack.enter_context(pages_mapped())
            bounds = part_bounds(day, horizon_days, processes) if store is not None else []
            out = stack.enter_context(tmp.open("w", encoding="utf-8", newline=""))
            # One read transaction: every month is read from the same state of the store,
            # while the window may go on saving (a deferred read takes no write lock).
            stack.enter_context(database.atomic("DEFERRED"))
            if bounds:
                holder = _WritersHeld(store)
                holder.start()
                holder.holding.wait()
                if holder.error is not None:
                    raise holder.error
                try:
                    pin_snapshot()
                    ends = [*bounds[1:], None]
                    parts = [_Part.start(store, day, horizon_days, start, end, stamp,
                                         tmp.with_name(f"{tmp.name}.{n}"))
                             for n, (start, end) in enumerate(zip(bounds, ends, strict=True), start=1)]
                finally:
                    holder.release_when_reading(parts)
            out.write(CALENDAR_HEAD)
            written = write_months(out, day, horizon_days, None,
                                   bounds[0] if bounds else None, stamp)
            if holder is not None:
                holder.join()
            for part in parts:
                written += part.join_into(out)
            out.write(CALENDAR_TAIL)
        owner_only(tmp)
        tmp.replace(path)
    finally:
        for part in parts:
            part.discard()
        if holder is not None:
            holder.join()
        tmp.unlink(missing_ok=True)
    return written


class _WritersHeld(threading.Thread):
    """Every other connection's writes held back (models.shared_read), on a thread of its
    own, from before this process pins the state it reads until each part's process has
    pinned its own: this process makes its own days meanwhile (a part's process takes a
    tenth of a second to begin)."""

    def __init__(self, store: Path) -> None:
        super().__init__(name="calendar-file-writers-held", daemon=True)
        self.store = store
        self.holding = threading.Event()  # (set too when holding failed: see error)
        self.error: BaseException | None = None
        self._parts_given = threading.Event()
        self._parts: list[_Part] = []

    def release_when_reading(self, parts: list[_Part]) -> None:
        self._parts = parts
        self._parts_given.set()

    def run(self) -> None:
        try:
            with writers_held(self.store):
                self.holding.set()
                self._parts_given.wait()
                for part in self._parts:
                    part.wait_until_reading()
        except BaseException as exc:  # noqa: BLE001 (raised where the file is made)
            self.error = exc
        finally:
            self.holding.set()


def write_months(out, day: dt.date, horizon_days: int, due_from: dt.date | None,
                 due_before: dt.date | None, stamp: dt.datetime,
                 shelf: CardShelf | None = None) -> int:
    """Write the events due in [due_from, due_before) (None: no bound); how many.
    (`shelf`: see open_followups_by_month.)"""
    written = 0

    def counted(months):
        nonlocal written
        for items in months:
            written += len(items)
            yield items

    months = counted(open_followups_by_month(day, horizon_days, due_from, due_before, shelf))
    out.writelines(calendar_parts(chain.from_iterable(months), stamp, whole=False))
    return written


def part_bounds(day: dt.date, horizon_days: int = 365,
                processes: int | None = None) -> list[dt.date]:
    """The first due day of each part after the first (any day after `day`: the first
    holds everything due by then); none when one process makes the file. Parts are cut
    where they hold about as much work."""
    wanted = processes or min(MOST_PROCESSES, os.cpu_count() or 1)
    if wanted < 2:
        return []
    weights: dict[dt.date, float] = {}
    for due, count in database.execute_sql(
            f"""SELECT f.due, COUNT(*) FROM followup f
                WHERE f.merged_into_id IS NULL AND {OPEN} GROUP BY 1""", (day,)):
        when = dt.date.fromisoformat(str(due)[:10])
        weights[when] = weights.get(when, 0) + count
    if processes is None and sum(weights.values()) < SHARED_FROM:
        return []
    # The key-date reminders are not stored: about one a client a year (her birthday, an
    # anniversary, last year's gift), spread over the horizon; each is found and worded
    # here, at about twice the work of a stored one.
    clients = database.execute_sql("SELECT COUNT(*) FROM client").fetchone()[0]
    for ahead in range(horizon_days + 1):
        when = day + dt.timedelta(days=ahead)
        weights[when] = weights.get(when, 0) + clients / 365 * REMINDER_WORK
    share = sum(weights.values()) / (wanted - 1 + FIRST_SHARE)
    bounds, held = [], 0.0
    for when, weight in sorted(weights.items()):
        if when > day and held >= share * (len(bounds) + FIRST_SHARE) \
                and len(bounds) < wanted - 1:
            bounds.append(when)
        held += weight
    return bounds


class _Part:
    """The due days from `start` up to `end` (None: every later one), made by a process of
    their own, or here when that process fails."""

    def __init__(self, process, channel, start, end, day, horizon_days, stamp, file):
        self.process, self.channel = process, channel
        self.start, self.end, self.day = start, end, day
        self.horizon_days, self.stamp, self.file = horizon_days, stamp, file
        self.reading = False

    @classmethod
    def start(cls, store: Path, day, horizon_days, start, end, stamp, file: Path) -> _Part:
        # Spawned, not forked, on every platform: a fork would share this process's open
        # store connection, which SQLite forbids.
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe(duplex=False)
        process = context.Process(
            target=part_process, args=(str(store), day, horizon_days, start, end, stamp,
                                    str(file), theirs), daemon=True)
        process.start()
        theirs.close()
        return cls(process, ours, start, end, day, horizon_days, stamp, file)

    def _receive(self, timeout: float | None):
        """What the part's process said; _NOTHING_YET when it said nothing in `timeout`
        seconds; None when it can say no more (it ended, or the channel broke)."""
        try:
            if self.channel.poll(timeout):
                return self.channel.recv()
            return _NOTHING_YET
        except (EOFError, OSError):
            return None

    def wait_until_reading(self) -> None:
        self.reading = self._receive(PINNED_WITHIN_S) == "reading"
        if not self.reading:
            self.process.kill()

    def join_into(self, out) -> int:
        """Append the part's events to `out`; how many. What its process has written is
        copied while it writes the rest (this process's own days are often done first, and
        a part is some 100 MB to copy)."""
        if self.reading:
            began, copied = _end_of(out), 0
            written = _NOTHING_YET
            while written is _NOTHING_YET:
                written = self._receive(COPY_EVERY_S)
                # (its file is whole once the count is sent: the last copy takes the rest)
                copied = append_file(self.file, out, copied)
            if isinstance(written, int):
                # The process may still be ending (the system taking back its memory and
                # map, a tenth of a second or more): it is waited for once the file is in
                # place (discard).
                return written
            _cut_back(out, began)  # (what it wrote before it failed)
        self.process.join()
        # (this process still reads the state the part would have read)
        return write_months(out, self.day, self.horizon_days, self.start, self.end,
                            self.stamp)

    def discard(self) -> None:
        if self.process.is_alive():  # (ending by itself, or still at work: not needed now)
            self.process.kill()
        self.process.join()
        self.channel.close()
        with suppress(OSError):  # (what stands in its place is not ours to remove)
            self.file.unlink(missing_ok=True)


def append_file(path: Path, out, start: int = 0) -> int:
    """Append the bytes of the file at `path`, from `start` to where it ends now, to the
    open file `out`, as they are (nothing to decode); where they end. In the kernel where
    the OS copies between files, else through a buffer."""
    out.flush()
    with path.open("rb") as part:
        size, sent = os.fstat(part.fileno()).st_size, start
        with suppress(AttributeError, OSError):  # (no os.sendfile, or not between files)
            while sent < size:
                done = os.sendfile(out.fileno(), part.fileno(), sent, size - sent)
                if not done:
                    break
                sent += done
        part.seek(sent)
        while sent < size and (chunk := part.read(min(1 << 20, size - sent))):
            out.buffer.write(chunk)
            sent += len(chunk)
        out.buffer.flush()
    return sent


def _end_of(out) -> int:
    """Where the open file `out` ends, all written to it flushed (os.sendfile moves the
    file's offset, not the buffer's idea of it: the file's own is asked)."""
    out.flush()
    try:
        return os.lseek(out.fileno(), 0, os.SEEK_CUR)
    except (OSError, ValueError):  # (a stream with no file beneath)
        return out.buffer.tell()


def _cut_back(out, end: int) -> None:
    """Drop what was written to `out` after `end`; writing goes on from there."""
    out.flush()
    try:
        number = out.fileno()
    except (OSError, ValueError):  # (a stream with no file beneath)
        out.buffer.seek(end)
        out.buffer.truncate()
        return
    os.ftruncate(number, end)
    os.lseek(number, end, os.SEEK_SET)


def part_process(*part) -> None:
    """A part's process: make_part, then an end without freeing what it read one object at
    a time (a year's hundred thousand cards take tenths of a second to free, and the file
    waits for this process to end before it is whole; the OS takes the memory back at once)."""
    shelf = CardShelf()
    make_part(*part, shelf=shelf)
    os._exit(0)


def make_part(store: str, day, horizon_days, start, end, stamp, file: str, channel,
              shelf: CardShelf | None = None) -> None:
    """Write a part's events to `file`, saying on `channel` when it has begun reading
    ("reading") and then how many it wrote (or why it could not)."""
    try:
        open_database(store, migrate=False)
        with collector_paused(), pages_mapped(), database.atomic("DEFERRED"):
            # (the file is there once "reading" is said: it is copied as it is written)
            with open(file, "w", encoding="utf-8", newline="") as out:
                pin_snapshot()
                channel.send("reading")
                written = write_months(out, day, horizon_days, start, end, stamp, shelf)
            channel.send(written)
    except Exception as exc:  # noqa: BLE001 (the maker of the file writes the part instead)
        channel.send(f"{type(exc).__name__}: {exc}")
    finally:
        close_database()
        channel.close()

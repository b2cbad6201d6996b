"""The calendar file made by several processes at once is, byte for byte, the file one
process makes; each process reads the same state of the store; a part whose process fails
is made by the first one instead."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from boutique.models.shared_read import writers_held
from boutique.services.agenda.calendar_file import export_ics, part_bounds
from boutique.services.agenda.ical import open_followups
from boutique.services.demo.build import build_demo

D = dt.date
DAY = D(2026, 11, 25)


@pytest.fixture
def book(db):
    build_demo(150, seed=5, today=DAY, years=3.0)


def _events(path) -> list[bytes]:
    lines = path.read_bytes().split(b"\r\n")
    stamps = {line for line in lines if line.startswith(b"DTSTAMP:")}
    assert len(stamps) == 1  # every part stamped alike
    return [line for line in lines if not line.startswith(b"DTSTAMP:")]


@pytest.mark.parametrize("processes", [2, 3])
def test_made_in_parts_it_is_the_file_of_one_process(book, tmp_path, processes):
    one, many = tmp_path / "one.ics", tmp_path / "many.ics"
    count = export_ics(one, DAY, processes=1)
    bounds = part_bounds(DAY, 365, processes)
    assert len(bounds) == processes - 1
    assert any(b.day != 1 for b in bounds)  # (a part may begin within a month)
    assert export_ics(many, DAY, processes=processes) == count == len(open_followups(DAY))
    assert _events(many) == _events(one)
    assert not list(tmp_path.glob("*.partial*"))  # the parts are gone


def test_parts_begin_on_later_days_and_share_the_events(book):
    bounds = part_bounds(DAY, 365, 3)
    assert len(bounds) == 2 and DAY < bounds[0] < bounds[1]
    dues = [i.due for i in open_followups(DAY)]
    sizes = [sum(1 for d in dues if d < bounds[0]),
             sum(1 for d in dues if bounds[0] <= d < bounds[1]),
             sum(1 for d in dues if d >= bounds[1])]
    assert min(sizes) > len(dues) / 6  # none of them nearly empty


def test_a_small_book_is_made_by_one_process(book):
    assert part_bounds(DAY) == []  # (far fewer follow-ups than SHARED_FROM)
    assert part_bounds(DAY, 365, 1) == []


def test_while_held_no_other_connection_can_commit(db_path):
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    with writers_held(db_path):
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        # reading goes on
        assert other.execute("SELECT COUNT(*) FROM client").fetchone()[0] >= 0
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_a_part_whose_process_fails_is_made_here(book, tmp_path):
    whole = tmp_path / "whole.ics"
    export_ics(whole, DAY, processes=1)
    # Where the second part's file would go there is a folder: its process cannot write it.
    (tmp_path / "year.ics.partial.1").mkdir()
    out = tmp_path / "year.ics"
    assert export_ics(out, DAY, processes=2) == len(open_followups(DAY))
    assert _events(out) == _events(whole)


def test_the_file_is_read_through_a_map_and_the_store_is_left_unmapped(book, tmp_path):
    from boutique.models import database
    from boutique.models.db import pages_mapped

    def mapped() -> int:
        return database.execute_sql("PRAGMA mmap_size").fetchone()[0]

    assert mapped() == 0  # (the window's reads are not mapped: see models.db)
    with pages_mapped():
        assert mapped() > 0
    assert mapped() == 0
    export_ics(tmp_path / "year.ics", DAY, processes=2)
    assert mapped() == 0


@pytest.mark.parametrize("into", ["file", "no file"])
def test_a_part_is_appended_as_it_is(tmp_path, into):
    import io

    from boutique.services.agenda.calendar_file import append_file

    part = tmp_path / "part"
    data = ("BEGIN:VEVENT\r\nSUMMARY:Call Zoë & Ana <שלום> 💍\r\n" * 40_000).encode()
    part.write_bytes(data)
    if into == "file":
        out = (tmp_path / "whole").open("w", encoding="utf-8", newline="")
    else:  # (a stream with no file beneath: copied through a buffer)
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    out.write("HEAD\r\n")
    append_file(part, out)
    out.write("TAIL\r\n")
    out.flush()
    written = ((tmp_path / "whole").read_bytes() if into == "file"
               else out.buffer.getvalue())
    out.close()
    assert written == b"HEAD\r\n" + data + b"TAIL\r\n"


def test_a_part_is_made_by_a_process_of_its_own(book, db_path, tmp_path):
    """(The first process makes a part itself when its process fails, so the whole file
    alone cannot tell whether the parts' processes did their work.)"""
    import io

    from boutique.models import utcnow
    from boutique.services.agenda.calendar_file import _Part, write_months

    [bound] = part_bounds(DAY, 365, 2)
    stamp = utcnow()
    part = _Part.start(db_path, DAY, 365, bound, None, stamp, tmp_path / "part")
    try:
        part.wait_until_reading()
        assert part.reading
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
        written = part.join_into(out)
        part.process.join(30)  # (it ends by itself once its count is sent)
        assert part.process.exitcode == 0
        here = io.StringIO(newline="")
        assert written == write_months(here, DAY, 365, bound, None, stamp) > 0
        out.flush()
        assert out.buffer.getvalue().decode() == here.getvalue()
    finally:
        part.discard()


def _dies_midway(file: str, channel) -> None:
    """A part's process that ends (killed, out of memory) halfway through its file: what
    it wrote is there, its count never comes."""
    import os

    with open(file, "w", encoding="utf-8", newline="") as out:
        channel.send("reading")
        out.write("BEGIN:VEVENT\r\nSUMMARY:Call Zoë & Ana <שלום> 💍\r\n" * 5_000 + "DESCRI")
    os._exit(1)


@pytest.mark.parametrize("into", ["file", "no file"])
def test_what_a_failed_part_wrote_is_taken_back_and_the_part_made_here(book, tmp_path,
                                                                       into):
    """(The part's events are copied while its process writes them: when it fails, the
    copy of its first ones is cut off again before the part is made here.)"""
    import io
    import multiprocessing

    from boutique.models import utcnow
    from boutique.services.agenda.calendar_file import _Part, write_months

    [bound] = part_bounds(DAY, 365, 2)
    stamp, file = utcnow(), tmp_path / "part"
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_dies_midway, args=(str(file), theirs), daemon=True)
    process.start()
    theirs.close()
    part = _Part(process, ours, bound, None, DAY, 365, stamp, file)
    if into == "file":
        out = (tmp_path / "whole").open("w+", encoding="utf-8", newline="")
    else:  # (a stream with no file beneath)
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    try:
        part.wait_until_reading()
        assert part.reading
        out.write("HEAD\r\n")
        written = part.join_into(out)
        out.write("TAIL\r\n")
        out.flush()
        assert process.exitcode == 1
    finally:
        part.discard()
    here = io.StringIO(newline="")
    assert written == write_months(here, DAY, 365, bound, None, stamp) > 0
    made = ((tmp_path / "whole").read_bytes() if into == "file"
            else out.buffer.getvalue())
    out.close()
    assert made == ("HEAD\r\n" + here.getvalue() + "TAIL\r\n").encode()


def test_a_sale_saved_while_the_file_is_made_is_wholly_in_it_or_not(book, make_client,
                                                                     tmp_path):
    """Each part reads one state: a sale's note (in this process's months) and its later
    service calls (in the other process's) are in the file together, or not at all."""
    import threading

    from boutique.models import FollowUp
    from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase

    [bound] = part_bounds(DAY, 365, 2)
    buyers = [make_client(first_name=f"Race {n}", mobile_phone="+1 415 555 0100",
                          consent_phone=True, consent_mail=True, home_line1="1 Main St",
                          home_city="Springfield", home_region="IL", home_postcode="62701")
              for n in range(400)]
    recorded, stop = [], threading.Event()

    def keep_selling():
        # (a moment between two sales, as at a counter: SQLite gives a writer waiting for
        # the lock no turn while another saves back to back)
        for buyer in buyers:
            if stop.wait(0.01):
                break
            record_purchase(buyer.id, PurchaseData(purchase_date=DAY, items=[
                ItemData(description="Race ring", category="ring", price_cents=250000)]))
            recorded.append(buyer.id)

    seller = threading.Thread(target=keep_selling)
    seller.start()
    while len(recorded) < 5:
        stop.wait(0.01)
    try:
        export_ics(tmp_path / "year.ics", DAY, processes=2)
        stop.wait(0.1)  # (and a few sales after it)
    finally:
        stop.set()
        seller.join()
    text = (tmp_path / "year.ics").read_text(encoding="utf-8")
    inside = outside = 0
    for buyer in recorded:
        calls = list(FollowUp.select().where(FollowUp.client == buyer))
        early = [f for f in calls if f.due < bound]
        late = [f for f in calls if f.due >= bound]
        assert early and late  # (a sale reaches both parts)
        present = {f"UID:followup-{f.id}@" in text for f in early + late}
        assert len(present) == 1, f"client {buyer}: a sale split between two states"
        inside += present == {True}
        outside += present == {False}
    assert inside and outside  # (sales were saved before the file's state and after it)

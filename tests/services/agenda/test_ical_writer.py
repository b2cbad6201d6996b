"""The .ics file written directly is, byte for byte, the calendar the icalendar library
makes of the same items, whatever the text holds; and it reads back."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from boutique.models import Note
from boutique.services.agenda.ical import calendar_text, open_followups, to_calendar

D = dt.date
STAMP = dt.datetime(2026, 11, 25, 9, 30, 15, 123456)
HOME = dict(home_line1="12 Oak Street; Apt 4, rear", home_city="Springfield",
            home_region="IL", home_postcode="62701")


def test_the_direct_writer_matches_the_library(db, make_client, make_purchase):
    odd = make_client(first_name="Zoë", last_name="O'Brien, Jr.; <&> 😀 שלום",
                      mobile_phone="+15550134567", birthday_month=1, birthday_day=5, **HOME)
    plain = make_client(first_name="Ben", last_name="Okafor", **HOME)
    long_text = "Back\\slash, semi;colon\nnew line\r\nand CR\r" + "é" * 40 + "\\" * 3 + "x" * 80
    make_purchase(odd.id, D(2026, 11, 20), "Pearl strand & clasp, 18\" ; 7 mm")
    make_purchase(odd.id, D(2026, 10, 1), "漢字の指輪 " * 12)
    make_purchase(plain.id, D(2026, 11, 1), "Diamond studs")
    Note.create(client=odd.id, text=long_text, category="conversation", pinned=True)
    items = open_followups(D(2026, 11, 25))
    assert len(items) >= 4 and any(i.recall == long_text for i in items)
    written = calendar_text(items, STAMP).encode()
    assert written == to_calendar(items, STAMP).to_ical()
    assert all(len(line) < 76 for line in written.split(b"\r\n"))
    events = list(Calendar.from_ical(written).walk("VEVENT"))
    assert [str(e["DESCRIPTION"]).split("\n")[0] for e in events] == [i.reason for i in items]


def test_an_empty_agenda_is_an_empty_calendar(db):
    assert calendar_text([], STAMP).encode() == to_calendar([], STAMP).to_ical()


def test_the_file_in_parts_is_the_whole_text(db, make_client, make_purchase, tmp_path):
    from boutique.services.agenda.calendar_file import export_ics
    from boutique.services.agenda.ical import calendar_parts

    for n in range(7):
        client = make_client(first_name=f"Zoë{n}", mobile_phone=f"+1555013456{n}", **HOME)
        make_purchase(client.id, D(2026, 11, 1 + n), "Pearl strand, 7 mm")
    items = open_followups(D(2026, 11, 25))
    whole = calendar_text(items, STAMP)
    assert "".join(calendar_parts(items, STAMP, events_per_part=3)) == whole
    out = tmp_path / "f.ics"
    assert export_ics(out, D(2026, 11, 25)) == len(items)
    assert out.read_bytes().count(b"BEGIN:VEVENT") == len(items)
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_long_lines_fold_as_the_library_folds_them():
    """Cut by octets, never inside a character nor after a backslash or caret: the same
    cuts as the library's, on lines of every mix."""
    import random

    from icalendar.parser import Contentline

    from boutique.services.agenda.ical import _folded

    pick = random.Random(2026)
    alphabet = list("ab\\^;, x") + ["é", "漢", "😀", "ש", "\u0301"]
    for _ in range(3000):
        line = "".join(pick.choice(alphabet) for _ in range(pick.randint(0, 300)))
        line = "\\" * pick.choice((0, 0, 1, 73, 74, 75)) + line
        assert _folded(line) == Contentline(line).to_ical().decode()


def test_text_is_escaped_as_the_library_escapes_it():
    import random

    from icalendar.prop import vText

    from boutique.services.agenda.ical import _text

    pick = random.Random(2026)
    for _ in range(5000):
        value = "".join(pick.choice("ab\\N;,\r\n é") for _ in range(pick.randint(0, 25)))
        assert _text(value) == vText(value).to_ical().decode()

"""Notes: validation, edit stamps, soft delete, timelines, the Notes tab's filters, recall."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import Note
from boutique.services.agenda.recall import recall_line
from boutique.services.clients.book import trash_client
from boutique.services.errors import NotFound, ValidationError
from boutique.services.notes import notebook as notes

LONG_NOTE = (
    "First line about the anniversary.\n\nSecond paragraph: Zoë said «merci» — "
    + "Привет, 你好, مرحبا بكم, שלום 💍🎉 " * 170
    + "\nLast line mentions the tanzanite."
)


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour)


def test_add_note_keeps_text_exactly(make_client):
    client = make_client()
    assert len(LONG_NOTE) > 5000
    note = notes.add_note(client.id, LONG_NOTE, category="family")
    stored = notes.get_note(note.id)
    assert stored.text == LONG_NOTE.strip()
    assert stored.category == "family" and not stored.pinned and stored.edited_at is None


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"text": ""}, "text"),
    ({"text": "  \n\t "}, "text"),
    ({"text": "ok", "category": "gossip"}, "category"),
    ({"text": "x" * (notes.MAX_NOTE_LENGTH + 1)}, "text"),
])
def test_bad_note_is_refused_and_nothing_written(make_client, kwargs, field):
    client = make_client()
    with pytest.raises(ValidationError) as caught:
        notes.add_note(client.id, **kwargs)
    assert field in caught.value.errors
    assert Note.select().count() == 0


def test_note_must_name_a_purchase_of_the_same_client(make_client, make_purchase, today):
    ana, ben = make_client(), make_client(first_name="Ben")
    purchase = make_purchase(ben.id, today)
    with pytest.raises(ValidationError) as caught:
        notes.add_note(ana.id, "about Ben's ring", purchase_id=purchase.id)
    assert "purchase" in caught.value.errors
    with pytest.raises(ValidationError):
        notes.add_note(ana.id, "no such purchase", purchase_id=999)
    with pytest.raises(NotFound):
        notes.add_note(4242, "nobody")
    trash_client(ben.id)
    with pytest.raises(ValidationError) as caught:
        notes.add_note(ben.id, "in the Trash")
    assert "client" in caught.value.errors
    assert Note.select().count() == 0


def test_edit_stamps_text_changes_but_not_pinning(make_client):
    note = notes.add_note(make_client().id, "Ring size 6", category="sizes", now=at(1))
    notes.set_pinned(note.id, True)
    assert notes.get_note(note.id).pinned and notes.get_note(note.id).edited_at is None
    before = notes.edit_note(note.id, text="Ring size 6.5", now=at(3))
    edited = notes.get_note(note.id)
    assert edited.text == "Ring size 6.5" and edited.edited_at == at(3)
    assert before == notes.NoteState("Ring size 6", "sizes", None, True, None)
    notes.edit_note(note.id, text="Ring size 6.5", now=at(4))  # unchanged text: no new stamp
    assert notes.get_note(note.id).edited_at == at(3)
    notes.restore_state(note.id, before)
    assert notes.note_state(notes.get_note(note.id)) == before


def test_edit_refuses_bad_values_and_keeps_the_note(make_client):
    note = notes.add_note(make_client().id, "Keep me")
    for kwargs in ({"text": " "}, {"category": "nope"}, {"purchase_id": 77}):
        with pytest.raises(ValidationError):
            notes.edit_note(note.id, **kwargs)
    assert notes.get_note(note.id).text == "Keep me"
    assert notes.get_note(note.id).edited_at is None


def test_delete_is_soft_and_restorable(make_client):
    client = make_client()
    keep = notes.add_note(client.id, "keep", now=at(1))
    gone = notes.add_note(client.id, "gone", now=at(2))
    notes.delete_note(gone.id)
    assert [n.id for n in notes.timeline(client.id)] == [keep.id]
    with pytest.raises(NotFound):
        notes.get_note(gone.id)
    with pytest.raises(NotFound):
        notes.edit_note(gone.id, text="no")
    notes.restore_note(gone.id)
    assert [n.id for n in notes.timeline(client.id)] == [gone.id, keep.id]


def test_timeline_newest_first_and_pinned_facts(make_client):
    client, other = make_client(), make_client(first_name="Other")
    old = notes.add_note(client.id, "old fact", pinned=True, now=at(1))
    new = notes.add_note(client.id, "new fact", pinned=True, now=at(5))
    middle = notes.add_note(client.id, "chat", category="conversation", now=at(3))
    notes.add_note(other.id, "someone else", pinned=True, now=at(9))
    assert [n.id for n in notes.timeline(client.id)] == [new.id, middle.id, old.id]
    assert [n.id for n in notes.pinned_facts(client.id)] == [new.id, old.id]


def _ids(filters, **kw):
    return [row.id for row in notes.note_page(filters, **kw).rows]


def test_note_page_filters(make_client):
    zoe = make_client(first_name="Zoë", last_name="Ødegård")
    ben = make_client(first_name="Ben", last_name="Okafor")
    a = notes.add_note(zoe.id, "Off to Italy in May", category="conversation", now=at(2))
    b = notes.add_note(zoe.id, "Ring size 7", category="sizes", now=at(10))
    c = notes.add_note(ben.id, "Loves sapphires; Italy next year", category="preferences",
                       now=at(20))
    everything = notes.NoteFilter()
    assert _ids(everything) == [c.id, b.id, a.id]
    assert _ids(notes.NoteFilter(category="sizes")) == [b.id]
    assert _ids(notes.NoteFilter(since=at(5, 0), before=at(15, 0))) == [b.id]
    assert _ids(notes.NoteFilter(client_id=zoe.id)) == [b.id, a.id]
    assert _ids(notes.NoteFilter(client_text="odeg")) == [b.id, a.id]
    assert _ids(notes.NoteFilter(text="ital")) == [c.id, a.id]
    assert _ids(notes.NoteFilter(text="ital", client_text="zoe")) == [a.id]
    assert _ids(notes.NoteFilter(text='"*')) == []
    assert notes.count_notes(everything) == 3
    assert notes.count_notes(everything, cap=1) == 2
    assert notes.count_notes(notes.NoteFilter(text="italy")) == 2
    trash_client(ben.id)
    assert _ids(everything) == [b.id, a.id]
    with pytest.raises(ValidationError):
        notes.note_page(notes.NoteFilter(category="gossip"))


def test_note_page_pages_through_ties_without_repeats(make_client):
    client = make_client()
    made = [notes.add_note(client.id, f"note {i}", now=at(1 + i // 4)).id for i in range(11)]
    seen, cursor = [], None
    while True:
        page = notes.note_page(notes.NoteFilter(), after=cursor, limit=3)
        seen += [row.id for row in page.rows]
        if page.next is None:
            break
        cursor = page.next
    expected = sorted(made, key=lambda i: (-(1 + (i - made[0]) // 4), -i))
    assert seen == expected


def test_local_day_bounds_cover_whole_local_days():
    tz = dt.timezone(dt.timedelta(hours=-5))
    since, before = notes.local_day_bounds(dt.date(2026, 11, 24), dt.date(2026, 11, 25), tz)
    assert since == dt.datetime(2026, 11, 24, 5) and before == dt.datetime(2026, 11, 26, 5)
    assert notes.local_day_bounds(None, None) == (None, None)


def test_purchase_labels(make_client, make_purchase, today):
    client = make_client()
    purchase = make_purchase(client.id, today, description="Sapphire halo ring")
    assert notes.purchase_labels([purchase.id, None]) == {
        purchase.id: "25 Nov 2026 · Sapphire halo ring"}


def test_recall_line_prefers_the_purchase_conversation(make_client, make_purchase, today):
    client = make_client()
    purchase = make_purchase(client.id, today)
    other = make_purchase(client.id, today - dt.timedelta(days=40))
    assert recall_line(client.id, purchase.id) == ""
    notes.add_note(client.id, "Ring size 6", category="sizes", pinned=True, now=at(1))
    fact = notes.add_note(client.id, "Daughter Mia starts college", category="family",
                          pinned=True, now=at(2))
    assert recall_line(client.id, purchase.id) == fact.text
    assert recall_line(client.id) == fact.text
    first = notes.add_note(client.id, "Off to Italy in May", category="conversation",
                           purchase_id=purchase.id, now=at(3))
    notes.add_note(client.id, "Not a conversation", category="service", purchase_id=purchase.id,
                   now=at(6))
    notes.add_note(client.id, "About the other sale", category="conversation",
                   purchase_id=other.id, now=at(7))
    assert recall_line(client.id, purchase.id) == "Off to Italy in May"
    latest = notes.add_note(client.id, "Proposal at the lake house", category="conversation",
                            purchase_id=purchase.id, now=at(4))
    assert recall_line(client.id, purchase.id) == latest.text
    notes.edit_note(latest.id, text="Proposal at the lake house, at sunset")
    assert recall_line(client.id, purchase.id) == "Proposal at the lake house, at sunset"
    notes.delete_note(latest.id)
    assert recall_line(client.id, purchase.id) == first.text
    notes.delete_note(first.id)
    assert recall_line(client.id, purchase.id) == fact.text


def test_note_page_same_rows_whichever_way_it_is_read(make_client, monkeypatch):
    """A common word is read by walking the dates; a rare one by sorting its matches."""
    client = make_client()
    for i in range(30):
        notes.add_note(client.id, f"pearl strand {i}" if i % 3 else f"pearl drop {i}",
                       now=at(1 + i % 20, 8 + i % 7))
    filters = notes.NoteFilter(text="pearl")

    def read_all():
        seen, cursor = [], None
        while True:
            page = notes.note_page(filters, after=cursor, limit=7)
            seen += [row.id for row in page.rows]
            if page.next is None:
                return seen
            cursor = page.next

    sorted_matches = read_all()
    monkeypatch.setattr(notes, "DENSE_MATCHES", 5)
    assert read_all() == sorted_matches and len(sorted_matches) == 30

"""One search: safe queries, prefixes, accents, ranking and grouping, and an index that
follows every edit, delete and trip to the Trash (checked against the store each time)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from boutique.models import Note, close_database, database, open_database
from boutique.services.clients.book import purge_client, restore_client, save_client, trash_client
from boutique.services.clients.purchases import (
    ItemData,
    delete_purchase,
    purchase_data,
    update_purchase,
)
from boutique.services.notes import notebook as notes
from boutique.services.notes import search

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

HOSTILE = ['"', "'", "*", "-", "-ring", "NEAR(", "NEAR(a b, 2)", "a OR b", "NOT", "AND AND",
           "(((", ")", "{name}: x", "name:x", "^start", "col : \"x", "x\"*\"y", "'; DROP TABLE",
           "\\", "\x00", "   ", "", "💎", "+", "()", '"unbalanced', "a* b*", "zoe -odegard"]


def kinds(results):
    return [(hit.kind, hit.record_id) for hit in results.ranked()]


def found(text, kind="note"):
    return [hit.record_id for hit in search.search(text).hits[kind]]


@pytest.fixture
def book(make_client, make_purchase, today):
    """A few clients, purchases and notes with accents, scripts and markup."""
    zoe = make_client(first_name="Zoë", last_name="Ødegård", email="zoe.odegard@example.com",
                      mobile_phone="+1 555 013 4567", partner_name="Luis")
    luis = make_client(first_name="Luis", last_name="Alvarez", work_phone="+44 20 7123 4000")
    sveta = make_client(first_name="Светлана", last_name="Иванова")
    ring = make_purchase(zoe.id, today, description="Sapphire halo ring", is_gift=True,
                         gift_recipient="Åsa", gift_relation="sister", gift_occasion="birthday")
    chat = notes.add_note(zoe.id, "Off to Italy in May; asked about <b>&</b> travel cases 🎉",
                          category="conversation", purchase_id=ring.id)
    fact = notes.add_note(sveta.id, "Любит сапфиры, loves sapphires; fond of Łódź and Straße names",
                          pinned=True)
    return dict(zoe=zoe, luis=luis, sveta=sveta, ring=ring, chat=chat, fact=fact)


def assert_index_sound():
    assert search.check_index() == []


@pytest.mark.parametrize("text", HOSTILE)
def test_any_input_is_safe_text(book, text):
    results = search.search(text)  # must not raise
    for hit in results.ranked():
        assert hit.kind in search.KINDS
    search.note_match_condition(text)
    notes.note_page(notes.NoteFilter(text=text, client_text=text))


def test_operators_are_searched_as_words(make_client):
    client = make_client()
    near = notes.add_note(client.id, "Lives near the lake; not fond of gold or silver")
    assert found("NEAR(") == [near.id]
    assert found("NOT") == [near.id]
    assert found("gold OR") == [near.id]  # both words, not an operator
    assert found('"lake') == [near.id]
    assert found("silver -gold") == [near.id]  # '-' is not exclusion


def test_word_prefix_and_accent_free(book):
    chat = book["chat"].id
    assert found("Italy") == [chat]
    assert found("ital") == [chat]
    assert found("ITA trav") == [chat]
    assert found("italy paris") == []
    assert found("zoe", "client") == [book["zoe"].id]
    assert found("odegard", "client") == [book["zoe"].id]
    assert found("ÖDEGÅRD", "client") == [book["zoe"].id]
    assert found("lodz strasse", "note") == [book["fact"].id]
    assert found("сапф", "note") == [book["fact"].id]
    assert found("светл", "client") == [book["sveta"].id]
    assert found("asa", "purchase") == [book["ring"].id]
    assert found("sapph", "purchase") == [book["ring"].id]


def test_letters_without_decomposition_fold_both_ways(make_client):
    client = make_client()
    words = {"Ørsted": "orsted", "Łukasz": "lukasz", "Đorđe": "dorde", "Straße": "strasse",
             "ẞTRASSE": "sstrasse", "Æsop": "aesop", "Œuvre": "oeuvre", "ılık": "ilik"}
    for word, plain in words.items():
        note = notes.add_note(client.id, f"Word {word} here")
        assert found(plain) == [note.id], word
        assert found(word) == [note.id], word


def test_query_folding_matches_the_index_folding():
    from boutique.models.migrations import m003_search_index

    assert dict(m003_search_index._FOLDS) == search.INDEX_FOLDS
    assert search.fold_word("ÖDEGÅRD") == "odegard"
    assert search.fold_word("Ἀθῆναι") == "ἀθῆναι"  # not Latin: accents are letters here
    assert search.query_terms('Zoë "Ødegård"* NEAR(x)') == ["zoe", "odegard", "near", "x"]


def test_phone_digits_in_any_format(book):
    zoe, luis = book["zoe"].id, book["luis"].id
    for typed in ("4567", "013 4567", "(555) 013-4567", "+1 555 013 4567", "555013"):
        assert found(typed, "client") == [zoe], typed
    assert found("020 7123 4000", "client") == [luis]
    assert found("7123", "client") == [luis]
    hit = search.search("4567").hits["client"][0]
    assert hit.snippet.matched_words() == ["(555) 013-4567"]


def test_email_and_partner_find_the_client(book):
    assert found("zoe.odeg", "client") == [book["zoe"].id]
    # The client named Luis ranks above the client whose partner is Luis.
    assert found("luis", "client") == [book["luis"].id, book["zoe"].id]


def test_results_are_grouped_clients_notes_purchases(book, make_client):
    other = make_client(first_name="Italo", last_name="Sapphire")
    results = search.search("sapph")
    assert [kind for kind, _title, _hits in results.groups()] == ["client", "note", "purchase"]
    assert kinds(results) == [("client", other.id), ("note", book["fact"].id),
                              ("purchase", book["ring"].id)]
    assert [title for _k, title, _h in results.groups()] == ["Clients", "Notes", "Purchases"]
    hit = results.hits["purchase"][0]
    assert hit.client_id == book["zoe"].id and hit.client_name == "Zoë Ødegård"
    assert hit.date == "2026-11-25"
    payload = hit.to_json()
    assert {"kind", "client_id", "client_name", "snippet"} <= set(payload)
    assert payload["snippet"] == hit.snippet.text


def test_whole_word_ranks_above_longer_word(make_client):
    client = make_client()
    longer = notes.add_note(client.id, "Zoey came by with her sister")
    exact = notes.add_note(client.id, "Zoë came by with her sister")
    also = notes.add_note(client.id, "Ask Zoe about the clasp")
    assert found("zoe")[-1] == longer.id
    assert set(found("zoe")[:2]) == {exact.id, also.id}


def test_limit_per_kind(make_client):
    client = make_client()
    for i in range(12):
        notes.add_note(client.id, f"pearl strand number {i}")
    assert len(search.search("pearl", limit=5).hits["note"]) == 5
    assert len(search.search("pearl", limit=0)) == 0


def test_highlights_are_positions_and_escape_user_markup(book):
    hit = search.search("travel").hits["note"][0]
    assert hit.snippet.matched_words() == ["travel"]
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in hit.snippet.html()
    assert "<b>travel</b>" in hit.snippet.html()
    assert "🎉" in hit.snippet.text
    marked = search.Highlighted("a <b> & Zoë", ((8, 11),))
    assert marked.html("[", "]") == "a &lt;b&gt; &amp; [Zoë]"


def test_long_multiline_note_is_found_and_snippet_centred(make_client):
    client = make_client()
    text = "Opening line.\n" + ("lorem ipsum dolor sit amet " * 250) + "\nends with tanzanite 💍."
    assert len(text) > 5000
    note = notes.add_note(client.id, text)
    hit = search.search("tanzan").hits["note"][0]
    assert hit.record_id == note.id
    assert hit.snippet.text.startswith("… ") and hit.snippet.text.endswith("💍.")
    assert "\n" not in hit.snippet.text
    assert len(hit.snippet.text) <= search.SNIPPET_WIDTH + 4
    assert hit.snippet.matched_words() == ["tanzanite"]


def test_scripts_are_searchable(make_client):
    client = make_client()
    greek = notes.add_note(client.id, "Η Ελένη αγαπά τα μαργαριτάρια")
    arabic = notes.add_note(client.id, "تحب اللؤلؤ كثيرا")
    hebrew = notes.add_note(client.id, "אוהבת פנינים")
    cjk = notes.add_note(client.id, "日本語のメモ、真珠が好き")
    assert found("ελενη") == found("ΕΛΈΝΗ") == found("Ελένη") == [greek.id]
    yolka = notes.add_note(client.id, "Ёлка и подарки, Андрей")
    assert found("елка") == found("ёлка") == [yolka.id]
    assert found("андрей") == [yolka.id] and found("андреи") == []  # й is its own letter
    assert found("اللؤلؤ") == [arabic.id]
    assert found("פנינים") == [hebrew.id]
    assert found("日本語") == [cjk.id]  # CJK runs are one word: found by how they begin


def test_index_follows_note_edit_delete_restore(book):
    chat = book["chat"].id
    notes.edit_note(chat, text="Off to Portugal in June")
    assert found("italy") == [] and found("portugal") == [chat]
    assert_index_sound()
    notes.delete_note(chat)
    assert found("portugal") == []
    assert_index_sound()
    notes.restore_note(chat)
    assert found("portugal") == [chat]
    Note.delete().where(Note.id == chat).execute()
    assert found("portugal") == []
    assert_index_sound()


def test_index_follows_purchase_changes(book):
    ring = book["ring"]
    data = purchase_data(ring)
    data.items = [ItemData(description="Emerald pendant", price_cents=1000),
                  ItemData(description="Pearl studs", price_cents=500)]
    data.is_gift = False
    update_purchase(ring.id, data)
    assert found("sapphire", "purchase") == [] and found("asa", "purchase") == []
    assert found("emerald pearl", "purchase") == [ring.id]
    assert_index_sound()
    delete_purchase(ring.id)
    assert found("emerald", "purchase") == []
    assert notes.get_note(book["chat"].id).purchase_id is None
    assert_index_sound()


def test_index_follows_client_rename_and_trash(book):
    zoe = book["zoe"].id
    save_client({"first_name": "Zoé", "last_name": "Bergström", "email": "zb@example.com"}, zoe)
    assert found("odegard", "client") == [] and found("bergstrom", "client") == [zoe]
    assert_index_sound()
    trash_client(zoe)
    results = search.search("italy bergstrom sapphire zoe")
    assert len(search.search("bergstrom")) == 0
    assert found("italy") == [] and found("sapphire", "purchase") == [] and not results.ranked()
    assert_index_sound()
    restore_client(zoe)
    assert found("italy") == [book["chat"].id] and found("sapph", "purchase") == [book["ring"].id]
    assert_index_sound()
    trash_client(zoe)
    purge_client(zoe)
    assert_index_sound()
    # A live client deleted outright (not through the Trash) leaves nothing behind either.
    database.execute_sql("DELETE FROM client WHERE id = ?", (book["sveta"].id,))
    assert found("сапф") == [] and found("светл", "client") == []
    assert_index_sound()


def test_rebuild_repairs_a_damaged_index(book):
    database.execute_sql("DELETE FROM note_fts_data WHERE id > 10")
    assert search.check_index()
    search.rebuild_index()
    assert_index_sound()
    assert found("italy") == [book["chat"].id]


def test_upgraded_store_is_indexed(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v1.sqlite3", path)
    close_database()
    open_database(path)
    try:
        assert found("italy") == [1]
        assert found("odegard", "client") == [1]
        assert found("ivanova", "client") == [] and found("иван", "client") == [2]
        assert_index_sound()
    finally:
        close_database()


def test_demo_store_is_indexed_through_the_triggers(db, today):
    from boutique.services.demo.build import build_demo

    build_demo(60, seed=3, today=today)
    assert_index_sound()
    note = Note.select().where(Note.category == "conversation").first()
    word = max(note.text.split(), key=len).strip(".,;:")
    assert note.id in [hit.record_id for hit in search.search(word, limit=500).hits["note"]]


def test_adding_a_note_is_found_at_once(make_client):
    client = save_client({"first_name": "Renée", "last_name": "Dubois"})
    note = notes.add_note(client.id, "Anniversary on the 3rd", now=dt.datetime(2026, 1, 1))
    assert found("anniv") == [note.id]
    assert search.search("renee anniv").hits["note"] == []  # the name is not in the note
    assert found("renee", "client") == [client.id]

"""The calendar file read from the prepared rows (agenda.prepared) is, after edits, byte
for byte the file worked out whole, made by one process or by several; the clients
changed since the rows were prepared are worked out afresh."""

from __future__ import annotations

import random

import pytest

from boutique.models import database
from boutique.services.agenda.calendar_file import export_ics
from boutique.services.agenda.prepared import prepare, prepared_changes
from boutique.services.clients.book import save_client
from tests.services.agenda.book_edits import BUILT, edit_at_random

TAMPERED = "Prepared <&> 💎"


def _events(path) -> list[bytes]:
    return [line for line in path.read_bytes().split(b"\r\n")
            if not line.startswith(b"DTSTAMP:")]


def _worked_out(path) -> list[bytes]:
    """The file with no prepared row used (as while they are being prepared again)."""
    (position,) = database.execute_sql(
        "SELECT position FROM agenda_prepared_state").fetchone()
    database.execute_sql("UPDATE agenda_prepared_state SET position = NULL")
    try:
        export_ics(path, BUILT, processes=1)
    finally:
        database.execute_sql("UPDATE agenda_prepared_state SET position = ?", (position,))
    return _events(path)


@pytest.mark.parametrize("processes", [1, 2])
def test_after_edits_the_file_from_the_prepared_rows_is_the_one_worked_out(
        book, db_path, tmp_path, processes):
    prepare(day=BUILT)
    rng = random.Random(9)
    for step in range(8):
        edit_at_random(rng, step, db_path)
    assert prepared_changes()  # (some clients changed since, not too many)
    made = tmp_path / "prepared.ics"
    count = export_ics(made, BUILT, processes=processes)
    assert count > 500
    assert _events(made) == _worked_out(tmp_path / "whole.ics")


def test_the_file_reads_the_prepared_rows_but_for_the_clients_changed_since(book, tmp_path):
    prepare(day=BUILT)
    ana, bea = database.execute_sql(
        "SELECT followup_id, client_id FROM agenda_prepared WHERE due > ? "
        "GROUP BY client_id ORDER BY client_id LIMIT 2", (BUILT.isoformat(),)).fetchall()
    for followup_id, _client in (ana, bea):
        database.execute_sql("UPDATE agenda_prepared SET reason = ? WHERE followup_id = ?",
                             (TAMPERED, followup_id))
    save_client({"preferred_name": "Birdie"}, bea[1])
    out = tmp_path / "year.ics"
    export_ics(out, BUILT, processes=1)
    text = out.read_text(encoding="utf-8")
    assert text.count(TAMPERED) == 1  # (Ana's only)
    assert "Birdie" in text

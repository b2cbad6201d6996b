"""The recall line: what the next thank-you or call should remind the client of.

"End with a comment that reminds them of your in-store conversation": the latest
conversation note tied to the purchase, else the client's latest pinned fact.
"""

from __future__ import annotations

from boutique.models import Note


def recall_line(client_id: int, purchase_id: int | None = None) -> str:
    alive = Note.deleted_at.is_null()
    if purchase_id is not None:
        note = (Note.select(Note.text)
                .where(alive, Note.purchase == purchase_id, Note.category == "conversation")
                .order_by(Note.created_at.desc(), Note.id.desc()).first())
        if note:
            return note.text
    note = (Note.select(Note.text).where(alive, Note.client == client_id, Note.pinned == True)  # noqa: E712
            .order_by(Note.created_at.desc(), Note.id.desc()).first())
    return note.text if note else ""

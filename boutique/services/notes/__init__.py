"""Notes and search: what the jeweler learns about a client, and finding anything again.

Owns the Note records and their timeline, pinned facts and filtered pages (`notebook`),
the one search over clients, notes and purchases through SQLite's full-text index
(`search`, the only module that knows FTS5), and the folding, terms and snippets of the
searched text (`search_text`).

May use: the models, the top-level `settings`, `errors` and `text`, and `clients` (how a
phone number is shown).
"""

from boutique.models import NOTE_CATEGORIES, Note
from boutique.services.notes.notebook import (
    add_note,
    pinned_facts,
    pinned_facts_of,
    purchase_notes,
    timeline,
)

__all__ = ["NOTE_CATEGORIES", "Note", "add_note", "pinned_facts", "pinned_facts_of",
           "purchase_notes", "timeline"]

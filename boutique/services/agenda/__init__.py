"""The agenda: whom to contact on a day, how and why, as the Today and Calendar tabs show it.

Owns the reading side of the follow-ups: one agenda item per contact due (`items`), built in
bulk from the stored follow-ups and the key-date reminders (`rows`) and what each needs of
its client (`cards`), the gift rule said
for a note bound for a shared home (`gift_rule`), the day's list with
its order and the week's summary (`today`), both kept between refreshes and worked out
again for the clients the journal of changes names (`kept`; adopted from another process
at the window's start, `services.today_ahead`), the client cards and follow-ups kept from one
agenda to the next (`kept_cards`), the items prepared ahead in the store, each open
follow-up's and the coming month's reminders, read by a process's first agenda and the
iCalendar export but for the clients changed since (`prepared`, `prepared_rows`; brought
up to date by `services.prepare_ahead`), the calendar's counts and key dates
(`calendar`), the personal hook that opens a note (`recall`), and the iCalendar export
(`ical` makes the events, `calendar_file` the file, on several processes for a big book;
reached by the command line only, so the window never loads them).

May use: the models, the top-level `settings`, `errors`, `text` and `collector`, `clients`
(how to reach a client, her tier) and `cadence` (the rules, the key dates, the kinds).
"""

from boutique.services.agenda.items import WRITTEN_CHANNELS, AgendaItem, sort_key
from boutique.services.agenda.kept import adopt, forget_kept, kept_entries
from boutique.services.agenda.kept_cards import adopt_cards, forget_cards, kept_cards_entry
from boutique.services.agenda.prepared import is_fresh as prepared_are_fresh
from boutique.services.agenda.prepared import refresh as refresh_prepared
from boutique.services.agenda.recall import recall_line
from boutique.services.agenda.today import (
    WeekSummary,
    agenda_for,
    calls_to_make,
    notes_to_write,
    week_summary,
)
from boutique.services.cadence import KIND_LABELS

__all__ = [
    "KIND_LABELS", "WRITTEN_CHANNELS", "AgendaItem", "WeekSummary", "adopt", "adopt_cards",
    "agenda_for", "calls_to_make", "forget_cards", "forget_kept", "kept_cards_entry",
    "kept_entries", "notes_to_write", "prepared_are_fresh", "refresh_prepared", "recall_line", "sort_key", "week_summary",
]

"""What features add to a client's profile: extra pages and actions on a purchase.

A page is built as Page(client_id, window, parent) and may define `refresh()`. A purchase
action is (label, callable(window, purchase_id)). Order here is the order shown.
"""

from __future__ import annotations

from collections.abc import Callable


def extra_pages() -> list[tuple[str, Callable]]:
    from boutique.ui.followups_page import FollowupsPage
    from boutique.ui.notes_page import NotesPage
    from boutique.ui.relations_page import RelationsPage

    pages: list[tuple[str, Callable]] = []
    pages.append(("People", RelationsPage))
    pages.append(("Notes", NotesPage))
    pages.append(("Follow-ups", FollowupsPage))
    from boutique.ui.credit_page import CreditPage

    pages.append(("Returns and credit", CreditPage))
    return pages


def purchase_actions() -> list[tuple[str, Callable]]:
    from boutique.ui.document_dialogs import print_care_card, print_note_prompt
    from boutique.ui.stationery_dialogs import print_card, print_envelope

    actions: list[tuple[str, Callable]] = []
    actions.append(("Print thank-you card…", print_card))
    actions.append(("Print envelope…", print_envelope))
    actions.append(("Print note prompt…", print_note_prompt))
    actions.append(("Print care card…", print_care_card))
    from boutique.ui.return_dialog import return_or_exchange

    actions.append(("Return or exchange…", return_or_exchange))
    from boutique.ui.ticket_dialog import take_in_for_service

    actions.append(("Take in for service…", take_in_for_service))
    return actions

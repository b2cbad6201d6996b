"""What features add to a client's profile: extra pages and actions on a purchase.

A page is built as Page(client_id, window, parent) and may define `refresh()`. A purchase
action is (label, callable(window, purchase_id)). Order here is the order shown.
"""

from __future__ import annotations

from collections.abc import Callable


def extra_pages() -> list[tuple[str, Callable]]:
    pages: list[tuple[str, Callable]] = []
    return pages


def purchase_actions() -> list[tuple[str, Callable]]:
    actions: list[tuple[str, Callable]] = []
    return actions

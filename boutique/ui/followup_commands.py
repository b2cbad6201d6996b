"""Acting on a follow-up from the window (Done, Snooze, Skip) as an undoable command."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoCommand

from boutique.services.agenda import AgendaItem
from boutique.services.cadence import followups
from boutique.ui.signals import bus

ACTION_NAMES = {"done": "mark done", "snooze": "snooze", "skip": "skip"}


class FollowupActionCommand(QUndoCommand):
    """Created after the action succeeded (so a refusal never reaches the undo stack);
    the stack's first redo() is therefore a no-op, later ones act again."""

    def __init__(self, item: AgendaItem, action: str, day: dt.date, options: dict,
                 change: followups.Change):
        super().__init__(f"{ACTION_NAMES[action]} {item.kind_label.lower()} for "
                         f"{item.client_name}")
        self.item, self.action, self.day, self.options = item, action, day, options
        self.change = change
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.change = followups.act(self.item, self.action, self.day, **self.options)
        bus().followups_changed.emit()

    def undo(self) -> None:
        followups.undo(self.change)
        bus().followups_changed.emit()


def perform(window, item: AgendaItem, action: str, day: dt.date, **options) -> str:
    """Do the action, put it on the window's undo stack; returns what happened, in words.
    Raises ValidationError (nothing written) when the action is refused."""
    change = followups.act(item, action, day, **options)
    stack = getattr(window, "undo_stack", None)
    if stack is not None:
        stack.push(FollowupActionCommand(item, action, day, options, change))
    return change.message

"""Undoable note actions on the window's undo stack: add, edit, pin, delete.

Each action is done (and validated) before its command is pushed, so a refused note
never reaches the stack; redo after an undo replays the recorded state.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from boutique.services.notes import notebook as notes
from boutique.ui.signals import bus


class _NoteCommand(QUndoCommand):
    def __init__(self, text: str, note_id: int, client_id: int):
        super().__init__(text)
        self.note_id = note_id
        self.client_id = client_id
        self._done = True  # the action already happened when the command is pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self.apply()
        bus().notes_changed.emit(self.client_id)

    def undo(self) -> None:
        self.revert()
        bus().notes_changed.emit(self.client_id)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddNoteCommand(_NoteCommand):
    def __init__(self, note_id: int, client_id: int):
        super().__init__("add note", note_id, client_id)

    def apply(self) -> None:
        notes.restore_note(self.note_id)

    def revert(self) -> None:
        notes.delete_note(self.note_id)


class DeleteNoteCommand(_NoteCommand):
    def __init__(self, note_id: int, client_id: int):
        super().__init__("delete note", note_id, client_id)

    def apply(self) -> None:
        notes.delete_note(self.note_id)

    def revert(self) -> None:
        notes.restore_note(self.note_id)


class EditNoteCommand(_NoteCommand):
    """An edit or a pin: undo puts back the state before, redo the state after."""

    def __init__(self, note_id: int, client_id: int, before: notes.NoteState,
                 text: str = "edit note"):
        super().__init__(text, note_id, client_id)
        self.before = before
        self.after = notes.note_state(notes.get_note(note_id))

    def apply(self) -> None:
        notes.restore_state(self.note_id, self.after)

    def revert(self) -> None:
        notes.restore_state(self.note_id, self.before)


def add_note(window, client_id: int, text: str, category: str,
             purchase_id: int | None = None, pinned: bool = False):
    """Write a note and make it undoable. Raises ValidationError before anything is pushed."""
    note = notes.add_note(client_id, text, category=category, purchase_id=purchase_id,
                          pinned=pinned)
    window.undo_stack.push(AddNoteCommand(note.id, client_id))
    return note


def edit_note(window, note_id: int, client_id: int, label: str = "edit note", **changes) -> None:
    before = notes.edit_note(note_id, **changes)
    if notes.note_state(notes.get_note(note_id)) != before:
        window.undo_stack.push(EditNoteCommand(note_id, client_id, before, label))


def delete_note(window, note_id: int, client_id: int) -> None:
    notes.delete_note(note_id)
    window.undo_stack.push(DeleteNoteCommand(note_id, client_id))

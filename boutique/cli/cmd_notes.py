"""`note add` (write a note about a client) and `note list` (a client's timeline)."""

from __future__ import annotations

import sys

from boutique.cli.common import MAX_ID, CliError, bounded_int, print_json
from boutique.services.clients.book import get_client
from boutique.services.notes import NOTE_CATEGORIES
from boutique.services.notes import notebook as notes


def register(subparsers) -> None:
    note = subparsers.add_parser("note", help="write and read notes about clients",
                                 description="Notes about clients: the jeweler's memory.")
    # Sub-commands inherit the one-line error parser from `note`.
    actions = note.add_subparsers(dest="note_command", metavar="ACTION")
    actions.required = True

    add = actions.add_parser("add", help="add a note to a client",
                             description="Add a note. TEXT '-' reads the note from stdin.")
    add.add_argument("--client", type=bounded_int(1, MAX_ID), required=True, metavar="ID")
    add.add_argument("--category", default="other", metavar="C",
                     help=f"one of {', '.join(NOTE_CATEGORIES)} (default other)")
    add.add_argument("--purchase", type=bounded_int(1, MAX_ID), metavar="ID",
                     help="the purchase whose conversation this note recalls")
    add.add_argument("--pin", action="store_true", help="keep it on top of the profile")
    add.add_argument("text", nargs="+", metavar="TEXT")
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="a client's notes, newest first")
    listing.add_argument("--client", type=bounded_int(1, MAX_ID), required=True, metavar="ID")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(run=run_list)


def _note_json(note) -> dict:
    return {
        "id": note.id, "client_id": note.client_id, "category": note.category,
        "purchase_id": note.purchase_id, "pinned": note.pinned, "text": note.text,
        "created_at": str(note.created_at), "edited_at": str(note.edited_at or "") or None,
    }


def run_add(args) -> int:
    text = " ".join(args.text)
    if text == "-":
        text = sys.stdin.read()
    if args.category not in NOTE_CATEGORIES:
        raise CliError(f"--category must be one of {', '.join(NOTE_CATEGORIES)},"
                       f" not '{args.category}'")
    note = notes.add_note(args.client, text, category=args.category,
                          purchase_id=args.purchase, pinned=args.pin)
    client = get_client(args.client)
    print(f"note {note.id} added for {client.full_name} ({note.category})")
    return 0


def run_list(args) -> int:
    get_client(args.client)
    timeline = notes.timeline(args.client)
    if args.json:
        print_json([_note_json(n) for n in timeline])
        return 0
    for note in timeline:
        marks = ("pinned " if note.pinned else "") + ("edited" if note.edited_at else "")
        print(f"{note.id:>7}  {str(note.created_at)[:16]}  {note.category:<12} {marks}".rstrip())
        for line in note.text.splitlines() or [""]:
            print(f"         {line}")
    return 0

"""What an agenda item needs of its client, read in bulk: her card (names, ways of reaching
her, consents, spend, and, as a list needs them, her addresses and personal hook), and
the shelf that keeps cards read for an earlier part of a list or an earlier list.
"""

from __future__ import annotations

import json
from collections import namedtuple
from functools import lru_cache

from boutique.models import ADDRESS_PARTS, Client, database

# The client columns the contact rules, names and tier need: nothing else is read.
CLIENT_COLUMNS = (
    "id", "salutation", "first_name", "last_name", "preferred_name", "partner_name",
    "mobile_phone", "work_phone", "home_phone", "email",
    "consent_mail", "consent_phone", "consent_text", "consent_email",
    "lifetime_spend_cents", "sort_name",
)
# Each address comes as one JSON array (parts in ADDRESS_PARTS order), decoded only when
# a note is to be mailed: most items are calls, and reading thirteen columns per client
# costs more than the rest of the row.
_ADDRESS_SQL = {
    which: "json_array(" + ", ".join(
        f"c.{which}_{part}" if which == "business" or part != "company" else "''"
        for part in ADDRESS_PARTS) + ")"
    for which in ("home", "business")
}
_NO_ADDRESS = "'" + "[" + ",".join('""' for _ in ADDRESS_PARTS) + "]" + "'"

# The newest note worth recalling: pinned facts and counter conversations.
_CLIENT_HOOK = """(SELECT n.text FROM note n WHERE n.client_id = c.id AND n.deleted_at IS NULL
                     AND (n.pinned = 1 OR n.category = 'conversation')
                   ORDER BY n.created_at DESC, n.id DESC LIMIT 1)"""
_WITH_HOOK, _WITH_ADDRESS = 1, 2
# A follow-up planned on a channel she has not agreed to goes by mail when she agreed to
# mail (services.clients.contact.choose_agreed): its address is read then too.
_PLANNED = {"phone": 4, "text": 8, "email": 16}
_FLAG_BITS = 5
_MAY_BE_MAILED = f"j.value & {_WITH_ADDRESS} OR (c.consent_mail AND (" + " OR ".join(
    f"(j.value & {bit} AND NOT c.consent_{channel})" for channel, bit in _PLANNED.items()) + "))"
_CARDS_SQL = f"""SELECT {", ".join(f"c.{name}" for name in CLIENT_COLUMNS)},
    CASE WHEN {_MAY_BE_MAILED} THEN {_ADDRESS_SQL["home"]} ELSE {_NO_ADDRESS} END,
    CASE WHEN {_MAY_BE_MAILED} THEN {_ADDRESS_SQL["business"]} ELSE {_NO_ADDRESS} END,
    CASE WHEN j.value & {_WITH_HOOK} THEN {_CLIENT_HOOK} END
    FROM json_each(?) j JOIN client c ON c.id = j.value >> {_FLAG_BITS}
    WHERE c.deleted_at IS NULL AND c.do_not_contact = 0"""


class ClientCard(namedtuple("ClientCardFields",
                            (*CLIENT_COLUMNS, "home_json", "business_json", "hook"))):
    """A read-only client with just what a follow-up needs. It answers the contact rules
    like a Client (same methods), and only those who may be contacted are read."""

    __slots__ = ()
    do_not_contact = False
    deleted_at = None
    has_address = Client.has_address
    display_name = Client.display_name
    full_name = Client.full_name

    def address(self, which: str) -> dict[str, str]:
        return _address(self.home_json if which == "home" else self.business_json).copy()


@lru_cache(maxsize=4096)
def _address(packed: str) -> dict[str, str]:
    # The contact rules ask for the same address two or three times per note (each gets
    # its own copy).
    return {part: value or "" for part, value in
            zip(ADDRESS_PARTS, json.loads(packed), strict=True)}


class CardShelf:
    """What a list made in parts (the calendar file's months) reads once: the cards, each
    kept with what was read of it, so a client in many parts is read once for what they
    need; what each card gives her items; and each purchase's hook.

    A shelf kept from one list to the next (`kept`: services.agenda.kept_cards) keeps each
    stored follow-up read too (as a Source, whatever day it is read for) and what the gift
    rule read of each gift, and knows whose each thing is: a client changed is dropped whole
    (`drop`)."""

    def __init__(self, kept: bool = False) -> None:
        self.kept = kept
        self.cards: dict[int, ClientCard] = {}
        self.read: dict[int, int] = {}  # client id -> the flags she was read with
        self.choices: dict[tuple, tuple] = {}  # (see build_items)
        self.hooks: dict[int, str | None] = {}  # purchase id -> its hook (stored_sources)
        # Filled on a kept shelf only:
        self.sources: dict[int, tuple] = {}  # follow-up id -> its rows.Source
        self.gifts: dict[int, tuple | None] = {}  # purchase id -> what the gift rule read
        self._owned: dict[int, list[tuple[dict, int]]] = {}  # client id -> (where, key)

    def own(self, client_id: int, where: dict, key: int) -> None:
        """On a kept shelf, `where[key]` is the client's: dropped with her."""
        if self.kept:
            self._owned.setdefault(client_id, []).append((where, key))

    def drop(self, client_id: int) -> None:
        """Forget what was read of the client (what was chosen for her is made again: it
        is checked against her card)."""
        self.cards.pop(client_id, None)
        self.read.pop(client_id, None)
        for where, key in self._owned.pop(client_id, ()):
            where.pop(key, None)


def load_cards(client_ids, with_address=(), without_hook=(), planned=(),
               shelf: CardShelf | None = None) -> dict[int, ClientCard]:
    """Clients who may be contacted (not in the Trash, not 'do not contact'), by id.

    Only what the list needs is read: the postal addresses of those in `with_address`
    and of those with a (client id, channel) in `planned` whose channel they have not
    agreed to but mail they have (a call needs none), and the personal hook of those not
    in `without_hook` (whose every item recalls its own purchase's conversation). With a
    `shelf`: see load_wanted.
    """
    mailed, hookless = set(with_address), set(without_hook)
    channels: dict[int, int] = {}
    for client_id, channel in planned:
        channels[client_id] = channels.get(client_id, 0) | _PLANNED.get(channel, 0)
    return load_wanted({i: (i in mailed) * _WITH_ADDRESS + (i not in hookless) * _WITH_HOOK
                        + channels.get(i, 0) for i in set(client_ids)}, shelf)


class _Wants(dict):
    """Channel -> what to read of a client for an item planned on it (item_wants)."""

    def __init__(self, hook: int) -> None:
        super().__init__({"mail": _WITH_ADDRESS | hook,
                          **{channel: bit | hook for channel, bit in _PLANNED.items()}})
        self.hook = hook

    def __missing__(self, channel: str) -> int:
        return self.hook


_WANTS = {True: _Wants(0), False: _Wants(_WITH_HOOK)}  # (read-only: shared by every list)


def item_wants(own_hook: bool) -> dict[str, int]:
    """What to read of a client for one of her items, by the channel it is planned on
    (any channel: a key not listed needs her hook only), for an item that recalls a hook
    of its own (`own_hook`) or hers: a client's items' wants or-ed together are what
    load_wanted reads her with (as load_cards would for the same items)."""
    return _WANTS[bool(own_hook)]


def load_wanted(wanted: dict[int, int], shelf: CardShelf | None = None
                ) -> dict[int, ClientCard]:
    """load_cards of the clients in `wanted`, each with what to read of her (item_wants
    or-ed over her items). One query for the lot: the ids go in as one JSON array, each
    with what to read for it in its low bits. With a `shelf`, the cards on it are returned
    too, and only clients it lacks, or holds with less read, are read (each again with
    all they were read with)."""
    if shelf is not None:
        read = shelf.read
        known = read.get
        # (a calendar month names some ten thousand clients, most of them read already)
        wanted = {i: f | (r or 0) for i, f in wanted.items()
                  if (r := known(i)) is None or f | r != r}
        read.update(wanted)
    make = ClientCard._make
    cards = shelf.cards if shelf is not None else {}
    if wanted:
        packed = json.dumps([(i << _FLAG_BITS) + f for i, f in sorted(wanted.items())])
        cards.update((row[0], make(row)) for row in database.execute_sql(_CARDS_SQL, (packed,)))
    return cards


def salutation_name(client) -> str:
    """'Mrs. Alvarez' for a letter's greeting; the first name when there is no title."""
    if client.salutation and client.last_name:
        return f"{client.salutation} {client.last_name}"
    return client.preferred_name or client.first_name or client.last_name

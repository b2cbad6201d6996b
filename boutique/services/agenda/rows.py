"""Turning stored follow-ups and key-date reminders into agenda items, in bulk.

The agenda, the calendar's day list and the .ics export all build their items here, so
the address or number shown is always the one the contact rules pick. Each list reads
its follow-ups in one query and its clients, with their personal hook (the latest
pinned or conversation note), in another: the morning agenda of a 100,000-client book
is a few thousand rows, and per-row queries would cost seconds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple
from functools import lru_cache
from typing import NamedTuple

from boutique.models import ADDRESS_PARTS, Client, database
from boutique.models.followup import KEY_DATE
from boutique.services import settings
from boutique.services.agenda.gift_rule import with_gift_rule
from boutique.services.agenda.items import AgendaItem
from boutique.services.cadence import (
    MERGING,
    CadenceRules,
    Reminder,
    load_rules,
    merged_reason,
    occasion_reminders_due_between,
    reminders_due_between,
)
from boutique.services.cadence import key_date_reason as reason_for
from boutique.services.clients import choose_agreed, choose_phone, top_tier_threshold

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

# Stored follow-up columns an item is built from, in this order.
FOLLOWUP_COLUMNS = ("id", "client_id", "kind", "due", "deadline", "reason", "channel",
                    "is_gift", "purchase_id", "occasion", "occasion_date", "attempts")

# The newest note worth recalling: pinned facts and counter conversations.
_CLIENT_HOOK = """(SELECT n.text FROM note n WHERE n.client_id = c.id AND n.deleted_at IS NULL
                     AND (n.pinned = 1 OR n.category = 'conversation')
                   ORDER BY n.created_at DESC, n.id DESC LIMIT 1)"""
_PURCHASE_HOOK = """(SELECT n.text FROM note n WHERE n.purchase_id = f.purchase_id
                       AND n.deleted_at IS NULL AND n.category = 'conversation'
                     ORDER BY n.created_at DESC, n.id DESC LIMIT 1)"""
_WITH_ADDRESS, _WITH_HOOK = 2, 1
_CARDS_SQL = f"""SELECT {", ".join(f"c.{name}" for name in CLIENT_COLUMNS)},
    CASE WHEN j.value & {_WITH_ADDRESS} THEN {_ADDRESS_SQL["home"]} ELSE {_NO_ADDRESS} END,
    CASE WHEN j.value & {_WITH_ADDRESS} THEN {_ADDRESS_SQL["business"]} ELSE {_NO_ADDRESS} END,
    CASE WHEN j.value & {_WITH_HOOK} THEN {_CLIENT_HOOK} END
    FROM json_each(?) j JOIN client c ON c.id = j.value >> 2
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


class Source(NamedTuple):
    """One follow-up before it meets its client: stored (id > 0) or a computed reminder."""

    followup_id: int
    client_id: int
    kind: str
    due: dt.date
    deadline: dt.date
    reason: str
    channel: str
    is_gift: bool
    purchase_ids: tuple[int, ...]
    occasion: str = ""
    occasion_date: dt.date | None = None
    attempts: int = 0
    hook: str | None = None  # the conversation noted about the purchase, if any


def load_cards(client_ids, with_address=(), without_hook=()) -> dict[int, ClientCard]:
    """Clients who may be contacted (not in the Trash, not 'do not contact'), by id.

    Only what the list needs is read: the postal addresses of those in `with_address`
    (a call needs none) and the personal hook of those not in `without_hook` (whose every
    item recalls its own purchase's conversation). One query for the lot: the ids go in
    as one JSON array, each with what to read for it in its two low bits.
    """
    mailed, hookless = set(with_address), set(without_hook)
    wanted = json.dumps([i * 4 + (i in mailed) * _WITH_ADDRESS + (i not in hookless) * _WITH_HOOK
                         for i in sorted(set(client_ids))])
    make = ClientCard._make
    return {row[0]: make(row) for row in database.execute_sql(_CARDS_SQL, (wanted,))}


def stored_sources(where: str, params: tuple) -> list[Source]:
    """Stored follow-ups matching `where` (on followup f), merged calls folded into the call
    that carries them, with every purchase they name."""
    columns = ", ".join(f"f.{name}" for name in FOLLOWUP_COLUMNS)
    rows = database.execute_sql(
        f"""SELECT {columns}, {_PURCHASE_HOOK} FROM followup f
            WHERE f.merged_into_id IS NULL AND {where}""", params).fetchall()
    heads = [r[0] for r in rows if r[2] in MERGING]
    merged: dict[int, list[tuple[str, int]]] = {}
    if heads:  # every call's merged ones in one query: the heads go in as one JSON array
        for head, reason, purchase_id in database.execute_sql(
                """SELECT f.merged_into_id, f.reason, f.purchase_id FROM json_each(?) j
                   JOIN followup f ON f.merged_into_id = j.value
                   ORDER BY f.rule_due, f.id""", (json.dumps(heads),)):
            merged.setdefault(head, []).append((reason, purchase_id))
    date = dt.date.fromisoformat
    make = Source._make
    sources = []
    for (fid, client_id, kind, due, deadline, reason, channel, is_gift, purchase_id,
         occasion, occasion_date, attempts, hook) in rows:
        purchases = (purchase_id,) if purchase_id else ()
        if fid in merged:
            reason = merged_reason([reason] + [r for r, _ in merged[fid]], kind)
            purchases += tuple(p for _, p in merged[fid] if p)
        sources.append(make((fid, client_id, kind, date(due), date(deadline), reason,
                             channel, bool(is_gift), purchases, occasion,
                             date(occasion_date) if occasion_date else None, attempts, hook)))
    return sources


def reminder_sources(reminders: list[Reminder], channel: str,
                     cards: dict[int, ClientCard]) -> list[Source]:
    sources = []
    for r in reminders:
        card = cards.get(r.client_id)
        if card is not None:
            # Overdue counts from the occasion itself, never from the reminder's first day.
            sources.append(Source(0, r.client_id, KEY_DATE, r.due, r.occasion_date,
                                  reason_for(r, card.partner_name or ""), channel,
                                  channel == "phone", (), r.occasion, r.occasion_date))
    return sources


def occasion_sources(found, channel: str, cards: dict[int, ClientCard]) -> list[Source]:
    """The relations' dates and last year's gift occasions: reminders to find a gift,
    kept from the home line and, by mail, sent to the business address where there is one."""
    return [Source(0, r.client_id, KEY_DATE, r.due, r.occasion_date, reason, channel, True,
                   (), r.occasion, r.occasion_date)
            for r, reason in found if r.client_id in cards]


def salutation_name(client) -> str:
    """'Mrs. Alvarez' for a letter's greeting; the first name when there is no title."""
    if client.salutation and client.last_name:
        return f"{client.salutation} {client.last_name}"
    return client.preferred_name or client.first_name or client.last_name


def gather(where: str, params: tuple, reminders_from: dt.date, reminders_to: dt.date,
           day: dt.date, rules: CadenceRules | None = None):
    """AgendaItems (as seen on `day`) for the stored follow-ups matching `where` and the
    key-date reminders due from `reminders_from` to `reminders_to` nobody acted on yet."""
    rules = rules or load_rules()
    sources = stored_sources(where, params)
    # A greeting shows from a day or two before the client's birthday, a reminder to find
    # a gift from three weeks before: none of them once its day has passed.
    shown_from = min(day, reminders_to)
    reminders = [r for r in reminders_due_between(reminders_from, reminders_to,
                                                  rules.key_date_lead_days, unstored_only=True)
                 if r.occasion_date >= shown_from]
    others = occasion_reminders_due_between(reminders_from, reminders_to,
                                            rules.key_date_lead_days, unstored_only=True)
    everyone = reminders + [r for r, _ in others]
    written = {s.client_id for s in sources if s.channel == "mail"}
    if rules.key_date_channel == "mail":
        written.update(r.client_id for r in everyone)
    needs_hook = {s.client_id for s in sources if not s.hook}
    needs_hook.update(r.client_id for r in everyone)
    ids = {s.client_id for s in sources} | {r.client_id for r in everyone}
    cards = load_cards(ids, with_address=written, without_hook=ids - needs_hook)
    sources += reminder_sources(reminders, rules.key_date_channel, cards)
    sources += occasion_sources(others, rules.key_date_channel, cards)
    return with_gift_rule(build_items(sources, day, cards), rules)


def build_items(sources: list[Source], day: dt.date, cards: dict[int, ClientCard]):
    """AgendaItems for `sources` as seen on `day` (in the order given); sources whose
    client may not be contacted are left out."""
    region = settings.get("store.default_region")
    threshold = top_tier_threshold()
    top_from = threshold if threshold is not None else float("inf")
    new = tuple.__new__  # AgendaItem is a named tuple: made from its values in field order
    items = []
    append = items.append
    for (followup_id, client_id, kind, due, deadline, reason, channel, is_gift, purchase_ids,
         occasion, occasion_date, attempts, hook) in sources:
        card = cards.get(client_id)
        if card is None:
            continue
        # The common case (a call the client agreed to) skips the general chooser.
        choice = (choose_phone(card, is_gift, region) if channel == "phone" and card.consent_phone
                  else choose_agreed(card, channel, is_gift, region))
        spend = card.lifetime_spend_cents or 0
        # (the tier rule of services.clients.value, inlined: this loop runs for every row)
        append(new(AgendaItem, (
            followup_id, client_id, card.display_name, salutation_name(card), kind,
            # With no agreed way to reach her, nothing the jeweler does can make it on time.
            due, max(0, (day - deadline).days) if choice.channel != "none" else 0, reason,
            choice.channel, choice.contact,
            choice.address, choice.warnings, purchase_ids, hook or card.hook or "",
            bool(spend) and spend >= top_from, deadline, occasion, occasion_date,
            attempts, card.sort_name or "",
        )))
    return items

"""Turning stored follow-ups and key-date reminders into agenda items, in bulk.

The agenda, the calendar's day list and the .ics export all build their items here, so
the address or number shown is always the one the contact rules pick. Each list reads
its follow-ups in one query and its clients' cards, with their personal hook (the latest
pinned or conversation note), in another (services.agenda.cards): the morning agenda of a
100,000-client book is a few thousand rows, and per-row queries would cost seconds.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import NamedTuple

from boutique.models import database
from boutique.models.followup import KEY_DATE
from boutique.services import settings
from boutique.services.agenda.cards import (
    CardShelf,
    ClientCard,
    item_wants,
    load_wanted,
    salutation_name,
)
from boutique.services.agenda.gift_rule import with_gift_rule
from boutique.services.agenda.items import AgendaItem
from boutique.services.cadence import (
    MERGING,
    CadenceRules,
    Reminder,
    alive_on_sql,
    load_rules,
    merged_reason,
    occasion_reminders_due_between,
    reminders_due_between,
)
from boutique.services.cadence import key_date_reason as reason_for
from boutique.services.clients import choose_agreed, choose_phone, top_tier_threshold

# Stored follow-up columns an item is built from, in this order.
FOLLOWUP_COLUMNS = ("id", "client_id", "kind", "due", "deadline", "reason", "channel",
                    "is_gift", "purchase_id", "occasion", "occasion_date", "attempts")

_PURCHASE_HOOK = """(SELECT n.text FROM note n WHERE n.purchase_id = f.purchase_id
                       AND n.deleted_at IS NULL AND n.category = 'conversation'
                     ORDER BY n.created_at DESC, n.id DESC LIMIT 1)"""
# _PURCHASE_HOOK of many purchases at once (see _read_purchase_hooks).
_PURCHASE_HOOKS_SQL = """SELECT n.purchase_id, n.text FROM json_each(?) j
    JOIN note n ON n.purchase_id = j.value
    WHERE n.deleted_at IS NULL AND n.category = 'conversation'
    ORDER BY n.purchase_id, n.created_at, n.id"""


def due_by_sql(day: dt.date, rules: CadenceRules, clients=None) -> tuple[str, tuple]:
    """(condition on followup f, parameters): open, due on or before `day` and not lapsed
    by then (services.cadence.lapsing: a stored key-date reminder lapses the day after its
    occasion, by default), of `clients` only if given."""
    alive, params = alive_on_sql(rules, day)
    where = f"f.status = 'open' AND f.due <= ? AND {alive}"
    if clients is not None:
        where += f" AND f.client_id IN ({','.join(str(int(i)) for i in sorted(clients))})"
    return where, (day, *params)


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


def stored_sources(where: str, params: tuple,
                   shelf: CardShelf | None = None) -> list[Source]:
    """Stored follow-ups matching `where` (on followup f), merged calls folded into the call
    that carries them, with every purchase they name. `shelf`: each purchase's hook already
    read, for an earlier part of the same list or an earlier list (those read now are
    added); a kept shelf's follow-ups are not read again, only which of them match."""
    if shelf is None or not shelf.sources:
        return _read_sources(where, params, shelf)
    kept = shelf.sources
    matching = database.execute_sql(
        f"SELECT f.id FROM followup f WHERE f.merged_into_id IS NULL AND {where}",
        params).fetchall()
    unread = [fid for fid, in matching if fid not in kept]
    if unread:
        _read_sources("f.id IN (SELECT value FROM json_each(?))", (json.dumps(unread),), shelf)
    # (one that stopped matching between the two reads is left out: the journal names it)
    return [kept[fid] for fid, in matching if fid in kept]


def _read_sources(where: str, params: tuple, shelf: CardShelf | None) -> list[Source]:
    """stored_sources, every one read (and kept on a kept shelf)."""
    hooks = shelf.hooks if shelf is not None else None
    columns = ", ".join(f"f.{name}" for name in FOLLOWUP_COLUMNS)
    rows = database.execute_sql(
        f"""SELECT {columns}, {_PURCHASE_HOOK if hooks is None else "NULL"} FROM followup f
            WHERE f.merged_into_id IS NULL AND {where}""", params).fetchall()
    if shelf is not None:
        _read_purchase_hooks(rows, shelf)
    heads = [r[0] for r in rows if r[2] in MERGING]
    merged: dict[int, list[tuple[str, int]]] = {}
    if heads:  # every call's merged ones in one query: the heads go in as one JSON array
        for head, reason, purchase_id in database.execute_sql(
                """SELECT f.merged_into_id, f.reason, f.purchase_id FROM json_each(?) j
                   JOIN followup f ON f.merged_into_id = j.value
                   ORDER BY f.rule_due, f.id""", (json.dumps(heads),)):
            merged.setdefault(head, []).append((reason, purchase_id))
    # A year of follow-ups falls on a few hundred days: each day's text is read once.
    days = IsoDays()
    new = tuple.__new__  # Source is a named tuple: made from its values in field order
    sources = []
    append = sources.append
    one_hook = hooks.__getitem__ if hooks is not None else None
    for (fid, client_id, kind, due, deadline, reason, channel, is_gift, purchase_id,
         occasion, occasion_date, attempts, hook) in rows:
        if purchase_id:
            purchases = (purchase_id,)
            if one_hook is not None:
                hook = one_hook(purchase_id)
        else:
            purchases = ()
        if merged and fid in merged:
            reason = merged_reason([reason] + [r for r, _ in merged[fid]], kind)
            purchases += tuple(p for _, p in merged[fid] if p)
        append(new(Source, (fid, client_id, kind, days[due], days[deadline], reason, channel,
                            bool(is_gift), purchases, occasion,
                            days[occasion_date] if occasion_date else None, attempts, hook)))
    if shelf is not None and shelf.kept:
        kept = shelf.sources
        for source in sources:
            kept[source[0]] = source
            shelf.own(source[1], kept, source[0])
    return sources


class IsoDays(dict):
    """ISO day text -> date, each made once (a dict's own lookup: no call per row)."""

    def __missing__(self, text: str) -> dt.date:
        found = self[text] = dt.date.fromisoformat(text)
        return found


def _read_purchase_hooks(rows: list[tuple], shelf: CardShelf) -> None:
    """Add to the shelf's hooks those of the purchases `rows` name, each read once: a year
    names each purchase several times (a service call a year), and one query for the lot
    costs a fraction of a lookup per row."""
    hooks = shelf.hooks
    purchase, client = FOLLOWUP_COLUMNS.index("purchase_id"), FOLLOWUP_COLUMNS.index("client_id")
    unread = {row[purchase]: row[client] for row in rows
              if row[purchase] and row[purchase] not in hooks}
    if unread:
        for purchase_id, client_id in unread.items():
            shelf.own(client_id, hooks, purchase_id)
        hooks.update(dict.fromkeys(unread))
        # Oldest first: the newest (as _PURCHASE_HOOK picks it) is the one left.
        hooks.update((purchase_id, text) for purchase_id, text in database.execute_sql(
            _PURCHASE_HOOKS_SQL, (json.dumps(sorted(unread)),)))


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


def gather(where: str, params: tuple, reminders_from: dt.date, reminders_to: dt.date,
           day: dt.date, rules: CadenceRules | None = None,
           client_ids: list[int] | None = None, shelf: CardShelf | None = None):
    """AgendaItems (as seen on `day`) for the stored follow-ups matching `where` and the
    key-date reminders due from `reminders_from` to `reminders_to` nobody acted on yet
    (of `client_ids` only, if given: `where` says so for the stored ones); with a `shelf`,
    its clients are not read again (see items_for)."""
    rules = rules or load_rules()
    reminders, others = computed_reminders(reminders_from, reminders_to, day, rules,
                                           client_ids)
    return items_for(stored_sources(where, params, shelf), reminders, others, day, rules,
                     shelf)


def computed_reminders(reminders_from: dt.date, reminders_to: dt.date, day: dt.date,
                       rules: CadenceRules, client_ids: list[int] | None = None,
                       ) -> tuple[list[Reminder], list[tuple[Reminder, str]]]:
    """The key-date reminders due from `reminders_from` to `reminders_to` nobody acted on
    yet, as seen on `day`: the clients' own dates, and (with their reasons) the relations'
    dates and last year's gift occasions; of `client_ids` only, if given."""
    # A greeting shows from a day or two before the client's birthday, a reminder to find
    # a gift from three weeks before: none of them once its day has passed.
    shown_from = min(day, reminders_to)
    reminders = [r for r in reminders_due_between(reminders_from, reminders_to,
                                                  rules.key_date_lead_days, client_ids,
                                                  unstored_only=True)
                 if r.occasion_date >= shown_from]
    others = occasion_reminders_due_between(reminders_from, reminders_to,
                                            rules.key_date_lead_days, client_ids,
                                            unstored_only=True)
    return reminders, others


def items_for(sources: list[Source], reminders: list[Reminder],
              others: list[tuple[Reminder, str]], day: dt.date, rules: CadenceRules,
              shelf: CardShelf | None = None) -> list[AgendaItem]:
    """AgendaItems (as seen on `day`) for stored `sources` and computed reminders; with a
    `shelf`, clients already read (for an earlier part of the same list, or an earlier
    agenda: services.agenda.kept_cards) are not read again."""
    # What to read of each client: her items' wants or-ed (one pass, one dict operation a
    # source: a month of a big book's calendar is some ten thousand sources).
    wanted: dict[int, int] = {}
    known = wanted.get
    hers, own = item_wants(own_hook=False), item_wants(own_hook=True)
    for source in sources:
        client_id = source[1]
        wanted[client_id] = known(client_id, 0) | (own if source[12] else hers)[source[6]]
    reminder_wants = hers[rules.key_date_channel]
    for reminder in (*reminders, *(r for r, _ in others)):
        client_id = reminder.client_id
        wanted[client_id] = known(client_id, 0) | reminder_wants
    cards = load_wanted(wanted, shelf)
    sources = sources + reminder_sources(reminders, rules.key_date_channel, cards)
    sources += occasion_sources(others, rules.key_date_channel, cards)
    return with_gift_rule(build_items(sources, day, cards, shelf), rules, shelf)


def build_items(sources: list[Source], day: dt.date, cards: dict[int, ClientCard],
                shelf: CardShelf | None = None):
    """AgendaItems for `sources` as seen on `day` (in the order given); sources whose
    client may not be contacted are left out."""
    region = settings.get("store.default_region")
    threshold = top_tier_threshold()
    top_from = threshold if threshold is not None else float("inf")
    new = tuple.__new__  # AgendaItem is a named tuple: made from its values in field order
    # What a card gives every item of hers on one way of reaching her (her names, tier,
    # hook, the contact chosen), made once per card: a client has several items, on the
    # shelf across parts.
    choices = shelf.choices if shelf is not None else {}
    lateness: dict[dt.date, int] = {}  # days past each deadline, on `day`
    items = []
    append = items.append
    for (followup_id, client_id, kind, due, deadline, reason, channel, is_gift, purchase_ids,
         occasion, occasion_date, attempts, hook) in sources:
        card = cards.get(client_id)
        if card is None:
            continue
        made = choices.get((client_id, channel, is_gift))
        if made is None or made[0] is not card:
            # The common case (a call the client agreed to) skips the general chooser.
            choice = (choose_phone(card, is_gift, region)
                      if channel == "phone" and card.consent_phone
                      else choose_agreed(card, channel, is_gift, region))
            spend = card.lifetime_spend_cents or 0
            # (the tier rule of services.clients.value, inlined: this loop runs for every row)
            made = choices[client_id, channel, is_gift] = (
                card, choice.channel, choice.contact, choice.address, choice.warnings,
                card.display_name, salutation_name(card), card.hook or "",
                bool(spend) and spend >= top_from, card.sort_name or "")
        (_card, way, contact, address, warnings, name, greeting, own_hook, top,
         sort_name) = made
        late = lateness.get(deadline)
        if late is None:
            late = lateness[deadline] = max(0, (day - deadline).days)
        append(new(AgendaItem, (
            followup_id, client_id, name, greeting, kind,
            # With no agreed way to reach her, nothing the jeweler does can make it on time.
            due, late if way != "none" else 0, reason, way, contact, address, warnings,
            purchase_ids, hook or own_hook, top, deadline, occasion, occasion_date,
            attempts, sort_name,
        )))
    return items

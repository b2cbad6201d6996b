"""An agenda item as a prepared row (migration 17) and back: what services.agenda.prepared
keeps of each open follow-up's item and of each key-date reminder coming up.

A row keeps the item as it was made but for what depends on the day it is seen (how many
days late) and on the whole book (the top tier: her lifetime spend is kept, and the
threshold applied when read).
"""

from __future__ import annotations

import datetime as dt
import json

from boutique.services.agenda.items import AgendaItem
from boutique.services.agenda.rows import IsoDays
from boutique.services.clients import MailingAddress, top_tier_threshold

COLUMNS = ("followup_id", "client_id", "client_name", "salutation_name", "kind", "due",
           "reason", "channel", "contact", "address", "warnings", "purchase_ids", "recall",
           "spend", "deadline", "occasion", "occasion_date", "attempts", "sort_name")
# The JSON written here, read back by the decoder's scanner alone: a third of
# json.loads' time, a thousand times a morning (it has no blank space around it to skip).
_scan_json = json.JSONDecoder().scan_once


def insert_sql(table: str, *before: str) -> str:
    """The statement writing a row (with the columns `before` ahead of it) to `table`."""
    names = (*before, *COLUMNS)
    return (f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' for _ in names)})")


def rows_of(items: list[AgendaItem], cards: dict, *before) -> list[tuple]:
    """The rows of `items` (`before` ahead of each), their clients' spend from `cards`."""
    return [(*before, *row_of(i, cards[i.client_id].lifetime_spend_cents or 0))
            for i in items]


def row_of(item: AgendaItem, spend: int) -> tuple:
    """The row of `item`, of a client whose lifetime spend is `spend` cents."""
    return (item.followup_id, item.client_id, item.client_name, item.salutation_name,
            item.kind, item.due.isoformat(), item.reason, item.channel, item.contact,
            _packed_address(item.address),
            json.dumps(list(item.warnings), ensure_ascii=False) if item.warnings else None,
            ",".join(map(str, item.purchase_ids)) or None, item.recall, spend,
            item.deadline.isoformat() if item.deadline else None, item.occasion,
            item.occasion_date.isoformat() if item.occasion_date else None, item.attempts,
            item.sort_name)


def items_of_rows(rows: list[tuple], day: dt.date, changed: frozenset[int]
                  ) -> list[AgendaItem]:
    """AgendaItems of prepared rows as seen on `day`, but for the `changed` clients'."""
    threshold = top_tier_threshold()
    top_from = threshold if threshold is not None else float("inf")
    days = IsoDays()
    lateness: dict[str, int] = {}
    new = tuple.__new__  # AgendaItem is a named tuple: made from its values in field order
    items = []
    append = items.append
    for (followup_id, client_id, name, greeting, kind, due, reason, channel, contact,
         address, warnings, purchase_ids, recall, spend, deadline, occasion, occasion_date,
         attempts, sort_name) in rows:
        if client_id in changed:
            continue
        late = 0
        if channel != "none":  # (with no agreed way to reach her, never late: see rows)
            late = lateness.get(deadline)
            if late is None:
                late = lateness[deadline] = max(0, (day - days[deadline]).days)
        append(new(AgendaItem, (
            followup_id, client_id, name, greeting, kind, days[due], late, reason, channel,
            contact, _address(address) if address else None,
            tuple(_scan_json(warnings, 0)[0]) if warnings else (),
            tuple(map(int, purchase_ids.split(","))) if purchase_ids else (),
            recall, bool(spend) and spend >= top_from, days[deadline] if deadline else None,
            occasion, days[occasion_date] if occasion_date else None, attempts, sort_name)))
    return items


def _address(packed: str) -> MailingAddress:
    name, company, lines, city, region, postcode, country, kind = _scan_json(packed, 0)[0]
    return MailingAddress(name, company, tuple(lines), city, region, postcode, country, kind)


def _packed_address(address: MailingAddress | None) -> str | None:
    if address is None:
        return None
    return json.dumps([address.name, address.company, list(address.lines), address.city,
                       address.region, address.postcode, address.country, address.kind],
                      ensure_ascii=False)

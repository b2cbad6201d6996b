"""Turning stored follow-ups and key-date reminders into agenda items, in bulk.

The agenda, the calendar's day list and the .ics export all build their items here, so
the address or number shown is always the one the contact rules pick. Clients and
their notes are read once per list, not once per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import Client, database
from boutique.models.followup import KEY_DATE, SATISFACTION_CALL
from boutique.services import settings
from boutique.services.cadence_key_dates import Reminder, reason_for, reminders_due_between
from boutique.services.cadence_purchase import merged_reason
from boutique.services.cadence_settings import load_rules
from boutique.services.contact import choose_for
from boutique.services.value import TOP, tier_for, top_tier_threshold

# The client columns the contact rules, names and tier need: nothing else is read.
CLIENT_COLUMNS = (
    "id", "salutation", "first_name", "last_name", "preferred_name", "partner_name",
    "mobile_phone", "work_phone", "home_phone", "email",
    "home_line1", "home_line2", "home_city", "home_region", "home_postcode", "home_country",
    "business_company", "business_line1", "business_line2", "business_city",
    "business_region", "business_postcode", "business_country",
    "consent_mail", "consent_phone", "consent_text", "consent_email", "do_not_contact",
    "deleted_at", "lifetime_spend_cents", "sort_name",
)

# Stored follow-up columns an item is built from, in this order.
FOLLOWUP_COLUMNS = ("id", "client_id", "kind", "due", "deadline", "reason", "channel",
                    "is_gift", "purchase_id", "occasion", "occasion_date", "attempts")


@dataclass(frozen=True)
class Source:
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


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _chunks(ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def load_clients(client_ids) -> dict[int, Client]:
    """Light Client objects (only CLIENT_COLUMNS) for many ids in few queries."""
    ids = sorted(set(client_ids))
    found: dict[int, Client] = {}
    columns = ", ".join(CLIENT_COLUMNS)
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in database.execute_sql(f"SELECT {columns} FROM client WHERE id IN ({marks})",
                                        chunk):
            found[row[0]] = _client_from(row)
    return found


def _client_from(values) -> Client:
    client = Client(__no_default__=1)
    client.__data__ = dict(zip(CLIENT_COLUMNS, values, strict=True))
    return client


def stored_sources(where: str, params: tuple) -> tuple[list[Source], dict[int, Client]]:
    """Stored follow-ups matching `where` (on followup f and client c), merged calls folded
    into the call that carries them, with every purchase they name; and their clients,
    read in the same query."""
    columns = ", ".join([f"f.{name}" for name in FOLLOWUP_COLUMNS]
                        + [f"c.{name}" for name in CLIENT_COLUMNS])
    rows = database.execute_sql(
        f"""SELECT {columns} FROM followup f JOIN client c ON c.id = f.client_id
            WHERE f.merged_into_id IS NULL AND c.deleted_at IS NULL AND c.do_not_contact = 0
              AND {where}""", params).fetchall()
    width = len(FOLLOWUP_COLUMNS)
    heads = [r[0] for r in rows if r[2] == SATISFACTION_CALL]
    merged: dict[int, list[tuple[str, int]]] = {}
    for chunk in _chunks(heads):
        marks = ",".join("?" * len(chunk))
        for head, reason, purchase_id in database.execute_sql(
                f"""SELECT merged_into_id, reason, purchase_id FROM followup
                    WHERE merged_into_id IN ({marks}) ORDER BY rule_due, id""", chunk):
            merged.setdefault(head, []).append((reason, purchase_id))
    sources = []
    clients: dict[int, Client] = {}
    for row in rows:
        (fid, client_id, kind, due, deadline, reason, channel, is_gift, purchase_id,
         occasion, occasion_date, attempts) = row[:width]
        if client_id not in clients:
            clients[client_id] = _client_from(row[width:])
        purchases = (purchase_id,) if purchase_id else ()
        if fid in merged:
            reason = merged_reason([reason] + [r for r, _ in merged[fid]])
            purchases += tuple(p for _, p in merged[fid] if p)
        sources.append(Source(fid, client_id, kind, _as_date(due), _as_date(deadline), reason,
                              channel, bool(is_gift), purchases, occasion,
                              _as_date(occasion_date), attempts))
    return sources, clients


def stored_key_date_keys(first: dt.date, last: dt.date) -> set[tuple[dt.date, int, str]]:
    """Reminders already acted on (stored), by (occasion day, client, occasion)."""
    rows = database.execute_sql(
        """SELECT occasion_date, client_id, occasion FROM followup
           WHERE kind = 'key_date' AND occasion_date BETWEEN ? AND ?""", (first, last))
    return {(_as_date(day), cid, occasion) for day, cid, occasion in rows}


def unstored(reminders: list[Reminder]) -> list[Reminder]:
    """The reminders nobody has acted on yet (an acted-on one is a stored follow-up)."""
    if not reminders:
        return []
    keys = stored_key_date_keys(min(r.occasion_date for r in reminders),
                                max(r.occasion_date for r in reminders))
    return [r for r in reminders if r.key not in keys]


def reminder_sources(reminders: list[Reminder], channel: str,
                     clients: dict[int, Client]) -> list[Source]:
    sources = []
    for r in reminders:
        client = clients.get(r.client_id)
        if client is None:
            continue
        sources.append(Source(0, r.client_id, KEY_DATE, r.due, r.due,
                              reason_for(r, client.partner_name or ""), channel,
                              channel == "phone", (), r.occasion, r.occasion_date))
    return sources


def gather(where: str, params: tuple, reminders_from: dt.date, reminders_to: dt.date,
           day: dt.date):
    """AgendaItems (as seen on `day`) for the stored follow-ups matching `where` and the
    key-date reminders due from `reminders_from` to `reminders_to` not acted on yet."""
    rules = load_rules()
    sources, clients = stored_sources(where, params)
    reminders = unstored(reminders_due_between(reminders_from, reminders_to,
                                               rules.key_date_lead_days))
    clients.update(load_clients({r.client_id for r in reminders} - clients.keys()))
    sources += reminder_sources(reminders, rules.key_date_channel, clients)
    return build_items(sources, day, clients)


def personal_hooks(client_ids, purchase_ids) -> tuple[dict[int, str], dict[int, str]]:
    """(latest pinned or conversation note per client, latest conversation note per purchase)."""
    by_client: dict[int, str] = {}
    by_purchase: dict[int, str] = {}
    wanted_purchases = set(purchase_ids)
    for chunk in _chunks(sorted(set(client_ids))):
        marks = ",".join("?" * len(chunk))
        rows = database.execute_sql(
            f"""SELECT client_id, purchase_id, text, category FROM note
                WHERE client_id IN ({marks}) AND deleted_at IS NULL
                  AND (pinned = 1 OR category = 'conversation')
                ORDER BY created_at DESC, id DESC""", chunk)
        for client_id, purchase_id, text, category in rows:
            by_client.setdefault(client_id, text)
            if purchase_id in wanted_purchases and category == "conversation":
                by_purchase.setdefault(purchase_id, text)
    return by_client, by_purchase


def salutation_name(client: Client) -> str:
    """'Mrs. Alvarez' for a letter's greeting; the first name when there is no title."""
    if client.salutation and client.last_name:
        return f"{client.salutation} {client.last_name}"
    return client.preferred_name or client.first_name or client.last_name


def build_items(sources: list[Source], day: dt.date, clients: dict[int, Client] | None = None):
    """AgendaItems for `sources` as seen on `day` (in the order given)."""
    from boutique.services.agenda import AgendaItem

    if clients is None:
        clients = load_clients(s.client_id for s in sources)
    all_purchases = [p for s in sources for p in s.purchase_ids]
    hooks, purchase_hooks = personal_hooks({s.client_id for s in sources}, all_purchases)
    region = settings.get("store.default_region")
    threshold = top_tier_threshold()
    items = []
    for s in sources:
        client = clients.get(s.client_id)
        if client is None:
            continue
        choice = choose_for(client, s.channel, s.is_gift, region)
        recall = next((purchase_hooks[p] for p in s.purchase_ids if p in purchase_hooks),
                      hooks.get(s.client_id, ""))
        items.append(AgendaItem(
            followup_id=s.followup_id, client_id=s.client_id, client_name=client.display_name,
            salutation_name=salutation_name(client), kind=s.kind, due=s.due,
            days_overdue=max(0, (day - s.deadline).days), reason=s.reason,
            channel=choice.channel, contact=choice.contact, address=choice.address,
            warnings=choice.warnings, purchase_ids=s.purchase_ids, recall=recall,
            is_top=tier_for(client.lifetime_spend_cents or 0, threshold) == TOP,
            deadline=s.deadline, occasion=s.occasion, occasion_date=s.occasion_date,
            attempts=s.attempts, sort_name=client.sort_name or "",
        ))
    return items

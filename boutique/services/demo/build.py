"""A believable demo boutique, deterministic by seed, written in bulk.

The same builder fills the small demo store and the 100k-client benchmark store, so it
inserts rows in batches and computes the value figures once at the end.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from boutique.models import Client, Note, Purchase, PurchaseItem, database, utcnow
from boutique.services import settings
from boutique.services.clients import (
    derived_columns,
    index_rows,
    insert_rows,
    invalidate_value,
    link_typed_associates,
)
from boutique.services.demo import words
from boutique.services.errors import ValidationError

BATCH = 500

# Called as hook(reference_date) after the demo rows are written, in the same transaction:
# features that derive rows from purchases (follow-ups, search index) fill them in here.
demo_hooks: list[Callable[[dt.date], None]] = []


def _phone(rng: random.Random) -> str:
    return f"+1555{rng.randint(100, 999)}{rng.randint(1000, 9999)}"


def _client_row(rng: random.Random, number: int) -> dict:
    female = rng.random() < 0.62
    first = rng.choice(words.FIRST_NAMES_F if female else words.FIRST_NAMES_M)
    last = rng.choice(words.LAST_NAMES)
    partnered = rng.random() < 0.6
    partner_pool = words.FIRST_NAMES_M if female else words.FIRST_NAMES_F
    city, region, zip3 = rng.choice(words.CITIES)
    ascii_first = "".join(ch for ch in first.lower() if ch.isascii() and ch.isalpha()) or "client"
    ascii_last = "".join(ch for ch in last.lower() if ch.isascii() and ch.isalpha()) or "x"
    row = dict(
        salutation=("Ms." if rng.random() < 0.5 else "Mrs.") if female else "Mr.",
        first_name=first, last_name=last,
        preferred_name=words.NICKNAMES.get(first, "") if rng.random() < 0.5 else "",
        partner_name=rng.choice(partner_pool) if partnered else "",
        mobile_phone=_phone(rng),
        work_phone=_phone(rng) if rng.random() < 0.4 else "",
        home_phone=_phone(rng) if rng.random() < 0.5 else "",
        email=f"{ascii_first}.{ascii_last}{number}@example.com" if rng.random() < 0.85 else "",
        home_line1=f"{rng.randint(2, 9899)} {rng.choice(words.STREETS)}",
        home_city=city, home_region=region, home_postcode=f"{zip3}{rng.randint(10, 99)}",
        home_country="USA",
        consent_mail=True, consent_phone=rng.random() < 0.95, consent_text=rng.random() < 0.5,
        consent_email=rng.random() < 0.6, do_not_contact=rng.random() < 0.02,
        ring_size=rng.choice(["", "5", "5.5", "6", "6.5", "7", "7.5", "8", "9", "10"]),
        pref_metals=rng.choice(["", "yellow gold", "platinum", "rose gold", "white gold"]),
        pref_stones=rng.choice(["", "diamonds", "sapphires", "pearls", "emeralds"]),
        pref_styles=rng.choice(["", "classic", "vintage", "modern minimal", "bold"]),
        tags=rng.choice(["", "", "bridal", "collector", "estate", "VIP"]),
        associate=rng.choice(["Maria", "James", "Maria", ""]),
    )
    if rng.random() < 0.45:
        row.update(business_company=rng.choice(words.COMPANIES),
                   business_line1=f"{rng.randint(10, 999)} Main Street, Suite {rng.randint(100, 900)}",
                   business_city=city, business_region=region,
                   business_postcode=f"{zip3}{rng.randint(10, 99)}", business_country="USA")
    if rng.random() < 0.7:
        birthday = dt.date(2001, 1, 1) + dt.timedelta(days=rng.randrange(365))
        row.update(birthday_month=birthday.month, birthday_day=birthday.day,
                   birthday_year=rng.choice([None, rng.randint(1950, 2000)]))
    if partnered and rng.random() < 0.6:
        day = dt.date(2001, 1, 1) + dt.timedelta(days=rng.randrange(365))
        row.update(anniversary_month=day.month, anniversary_day=day.day,
                   anniversary_year=rng.choice([None, rng.randint(1980, 2024)]))
    return row


def _purchase_rows(rng, client_id, partner, start, days):
    """About three purchases a client; one client in ten buys fine pieces, the rest everyday
    ones, so that revenue concentrates as in a real store (the 80/20 rule)."""
    purchases = []
    if rng.random() < 0.1:
        case = [p for p in words.PIECES if p[4][0] >= words.FINE_PRICE_FLOOR]
    else:
        case = [p for p in words.PIECES if p[4][1] <= words.EVERYDAY_PRICE_CEILING]
    for _ in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 7])):
        when = start + dt.timedelta(days=rng.randrange(days))
        gift = rng.random() < 0.45
        relation = rng.choice(words.RELATIONS_FOR_PARTNER if partner else words.OTHER_RELATIONS)
        items = []
        for _ in range(rng.choice([1, 1, 1, 2])):
            desc, category, metal, stone, (low, high) = rng.choice(case)
            items.append(dict(description=desc, category=category, metal=metal, stone=stone,
                              sku=f"{category[:2].upper()}-{rng.randint(1000, 9999)}",
                              price_cents=rng.randint(low, high) * 100))
        purchases.append(dict(
            client=client_id, purchase_date=when, associate=rng.choice(["Maria", "James"]),
            is_gift=gift, gift_recipient=(partner or rng.choice(words.FIRST_NAMES_F)) if gift else "",
            gift_relation=relation if gift else "",
            gift_occasion=rng.choice(words.OCCASIONS) if gift else "",
            is_custom=rng.random() < 0.1, remarks="", created_at=utcnow(),
            total_cents=sum(i["price_cents"] for i in items), _items=items))
    return purchases


def _notes_for(rng, client_id, row, purchases):
    notes = []
    if rng.random() < 0.5 and row["ring_size"]:
        notes.append(("sizes", rng.choice(words.SIZE_FACTS).format(size=row["ring_size"]), True, None))
    if rng.random() < 0.4:
        fact = rng.choice(words.FAMILY_FACTS).format(
            child1=rng.choice(words.FIRST_NAMES_F), child2=rng.choice(words.FIRST_NAMES_M),
            partner=row["partner_name"] or "their partner")
        notes.append(("family", fact, rng.random() < 0.5, None))
    if rng.random() < 0.3:
        notes.append(("preferences", rng.choice(words.PREFERENCE_FACTS), False, None))
    for purchase in purchases:
        if rng.random() < 0.7:
            notes.append(("conversation", rng.choice(words.CONVERSATIONS), False, purchase))
    return notes


MAX_CLIENTS = 1_000_000
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
# The id ranges [first, last] of the clients `demo` made: any other client is real.
DEMO_IDS_SETTING = "demo.client_ids"


def real_clients() -> int:
    """How many clients of the open store were not made by the demo builder."""
    ranges = settings.get(DEMO_IDS_SETTING) or []
    query = Client.select()
    for first, last in ranges:
        query = query.where(~Client.id.between(first, last))
    return query.count()


def build_demo(clients: int, seed: int = 7, today: dt.date | None = None,
               years: float = 2.0) -> dict[str, int]:
    """Fill the open store with `clients` clients, ~`years` of purchases before `today`,
    in one transaction. Refuses a store that holds real clients (not made here)."""
    today = today or dt.date.today()
    errors = {}
    if not 1 <= clients <= MAX_CLIENTS:
        errors["clients"] = f"must be between 1 and {MAX_CLIENTS:,}, not {clients}"
    if not FIRST_DAY.replace(year=FIRST_DAY.year + int(years) + 1) <= today <= LAST_DAY:
        errors["date"] = f"must be between {FIRST_DAY.year + int(years) + 1} and 2100, not {today}"
    if errors:
        raise ValidationError(errors)
    real = real_clients()
    if real:
        raise ValidationError({"store": f"holds {real:,} real clients; the demo goes only into"
                               " an empty or demo store (try --demo)"})
    with database.atomic():
        counts = _build(clients, seed, today, years)
    return counts


def _build(clients: int, seed: int, today: dt.date, years: float) -> dict[str, int]:
    rng = random.Random(seed)
    days = int(365 * years)
    start = today - dt.timedelta(days=days)
    counts = {"clients": 0, "purchases": 0, "items": 0, "notes": 0}
    next_id = (Client.select(Client.id).order_by(Client.id.desc()).scalar() or 0) + 1
    next_purchase_id = (Purchase.select(Purchase.id).order_by(Purchase.id.desc()).scalar() or 0) + 1
    for batch_start in range(0, clients, BATCH):
        size = min(BATCH, clients - batch_start)
        with database.atomic():
            client_rows, purchase_rows, note_specs = [], [], []
            for offset in range(size):
                number = next_id + batch_start + offset
                row = _client_row(rng, number)
                row.update(id=number, created_at=utcnow(), updated_at=utcnow())
                row.update(derived_columns(row))
                client_rows.append(row)
                purchases = _purchase_rows(rng, number, row["partner_name"], start, days)
                purchase_rows.extend(purchases)
                note_specs.append((number, row, purchases))
            Client.insert_many(client_rows).execute()
            insert_rows(index_rows(client_rows))
            item_rows = []
            items_by_purchase = []
            for purchase in purchase_rows:
                purchase["id"] = next_purchase_id
                next_purchase_id += 1
                items_by_purchase.append((purchase["id"], purchase.pop("_items")))
            for at in range(0, len(purchase_rows), BATCH):
                Purchase.insert_many(purchase_rows[at:at + BATCH]).execute()
            for purchase_id, items in items_by_purchase:
                item_rows += [dict(purchase=purchase_id, position=i, **item)
                              for i, item in enumerate(items)]
            for at in range(0, len(item_rows), BATCH):
                PurchaseItem.insert_many(item_rows[at:at + BATCH]).execute()
            note_rows = []
            for client_id, row, purchases in note_specs:
                for category, text, pinned, purchase in _notes_for(rng, client_id, row, purchases):
                    when = (dt.datetime.combine(purchase["purchase_date"], dt.time(15, 30))
                            if purchase else dt.datetime.combine(
                                start + dt.timedelta(days=rng.randrange(days)), dt.time(11)))
                    note_rows.append(dict(client=client_id, text=text, category=category,
                                          pinned=pinned, created_at=when,
                                          purchase=purchase["id"] if purchase else None))
            for at in range(0, len(note_rows), BATCH):
                Note.insert_many(note_rows[at:at + BATCH]).execute()
            counts["clients"] += size
            counts["purchases"] += len(purchase_rows)
            counts["items"] += len(item_rows)
            counts["notes"] += len(note_rows)
    with database.atomic():
        database.execute_sql(
            """UPDATE client SET
                 lifetime_spend_cents = COALESCE(s.total, 0), purchase_count = COALESCE(s.n, 0),
                 last_purchase_date = s.last
               FROM (SELECT client_id, SUM(total_cents) AS total, COUNT(*) AS n,
                            MAX(purchase_date) AS last FROM purchase GROUP BY client_id) AS s
               WHERE client.id = s.client_id"""
        )
        link_typed_associates()
    ranges = settings.get(DEMO_IDS_SETTING) or []
    settings.set_many({DEMO_IDS_SETTING: [*ranges, [next_id, next_id + clients - 1]]})
    invalidate_value()
    for hook in demo_hooks:
        hook(today)
    return counts


def _register_cadence() -> None:
    # The demo and benchmark stores get their follow-ups the way real purchases do, in bulk,
    # their gifts' reminder days kept first (the history of handled reminders reads them).
    from boutique.services.cadence import refresh_gift_reminder_days, schedule_demo

    demo_hooks.append(lambda _today: refresh_gift_reminder_days())
    demo_hooks.append(schedule_demo)


def _register_letterhead() -> None:
    # The demo boutique's printed pieces carry its own name and address.
    from boutique.services.stationery import demo_letterhead

    demo_hooks.append(demo_letterhead)


def _register_associates() -> None:
    # The demo's associates get a role and a direct line; the jeweler is the owner.
    from boutique.services.associates import demo_associates

    demo_hooks.append(demo_associates)


_register_cadence()
_register_letterhead()
_register_associates()

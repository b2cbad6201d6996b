"""A varied book built by imports only, and every table of the store as plain data.

The book: clients from a Boutique clients CSV (key dates, three phones, letters the search
folds, one not to be contacted), then two Shopify orders files on two import days (new and
existing clients, matched by email, by phone and by an earlier row; orders of several lines
and quantities; refunds whole and partial; cancellations; notes; the second file repeats
orders of the first and adds more for clients whose follow-ups are open), then a Boutique
purchases CSV (gifts given later and held for a shared home, relations, occasions, voided
purchases, categories, wording). Every date is fixed, so the same code builds the same book.

`snapshot` is the store's content: every table's rows in id order (the search index's
shadow tables included, byte for byte), with only what the clock stamps and what the store
derives from the rows itself left out.

Run as a script (`python -m tests.services.interchange.import_book OUT.json`) to write the
snapshot of the book the code at hand builds.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
from pathlib import Path

FIRST_DAY = dt.date(2026, 10, 1)
SECOND_DAY = dt.date(2026, 11, 25)
CLOCK_COLUMNS = {"created_at", "updated_at"}
RANDOM_SETTINGS = {"store.id"}  # a store names itself at random (purchases_csv.store_id)
# What the store works out from the rows an import writes, not what it writes (migration 14:
# the day a gift reminds of, kept by the cadence and marked stale by the store's triggers).
DERIVED_COLUMNS = {"purchase": {"gift_reminder_on", "gift_reminder_stale"}}
# The journal of whose agenda changed (migration 15) counts writes, not what they wrote;
# the prepared agenda (migration 17) is worked out from the book, never imported into.
NOT_THE_BOOK = ("agenda_change", "agenda_prepared", "agenda_prepared_reminder",
                "agenda_prepared_state")

CLIENT_HEADER = ["first_name", "last_name", "preferred_name", "partner_name", "email",
                 "mobile_phone", "work_phone", "home_phone", "business_company", "tags",
                 "birthday_year", "birthday_month", "birthday_day", "anniversary_year",
                 "anniversary_month", "anniversary_day", "do_not_contact", "spend_before_cents"]
NAMES = [("Inês", "Ferreira"), ("Søren", "Ødegård"), ("Łukasz", "Wałęsa"), ("Zoë", "Straße"),
         ("Ζωή", "Παπαδοπούλου"), ("Ана", "Королёва"), ("Kofi", "Mensah"), ("Yu", "Chen"),
         ("Æsa", "Œhlenschläger"), ("Đorđe", "Đukić"), ("Margaux", "Delacroix"),
         ("Hiroshi", "Tanaka"), ("Amelia", "O'Brien"), ("Nkechi", "Okafor"), ("Iben", "Dahl")]
ORDER_HEADER = ["Name", "Email", "Created at", "Total", "Lineitem quantity", "Lineitem name",
                "Lineitem price", "Lineitem sku", "Billing Name", "Billing Phone",
                "Billing City", "Notes", "Refunded Amount", "Cancelled at"]
ITEMS = ["Sapphire ring", "Gold hoops", "Tennis bracelet", "Pearl strand", "Jade pendant",
         "Signet ring", "Cufflinks, onyx", "Ørsted chain", "Émeraude brooch", "Watch strap"]


def _phone(n: int) -> str:
    return f"+1 503 555 {n:04d}"


def write_clients(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(CLIENT_HEADER)
        for n, (first, last) in enumerate(NAMES):
            birthday = ("1980" if n % 3 else "", str(10 + n % 3), str(1 + 2 * n)) if n % 2 else (
                "", "", "")
            anniversary = ("2001", "11", str(20 + n % 8)) if n % 4 == 1 else ("", "", "")
            out.writerow([first, last, "Zézé" if n == 3 else "", "Ørjan" if n == 1 else "",
                          f"client{n}@example.com", _phone(100 + n),
                          _phone(300 + n) if n % 5 == 0 else "",
                          _phone(500 + n) if n % 7 == 0 else "",
                          "Dahl & Søn" if n == 14 else "", "vip" if n % 2 else "",
                          *birthday, *anniversary, "yes" if n == 6 else "no",
                          str(1000 * n)])


def _orders(rng: random.Random, first: int, count: int,
            last_day: dt.date) -> list[list[list[str]]]:
    """Orders, each the file rows of its lines."""
    orders = []
    for k in range(first, first + count):
        rows = []
        who = rng.randrange(len(NAMES) + 8)
        if who < len(NAMES):
            email, billing, phone = f"client{who}@example.com", " ".join(NAMES[who]), ""
            if who % 6 == 5:  # known by her phone only
                email, phone = "", _phone(100 + who)
        else:  # new clients, several orders each
            email, billing, phone = f"new{who}@example.com", f"Nora{who} Vik", _phone(700 + who)
        day = last_day - dt.timedelta(days=rng.choice([0, 1, 3, 5, 9, 20, 40, 200, 400, 700]))
        lines = [(rng.choice(ITEMS), rng.choice([1, 1, 1, 2, 3]), rng.randint(5, 900))
                 for _ in range(rng.choice([1, 1, 2, 3]))]
        total = sum(q * p for _i, q, p in lines)
        refunded = rng.choice([0] * 8 + [total, total // 2])
        cancelled = f"{day} 12:00:00 -0800" if rng.random() < 0.08 else ""
        for n, (item, quantity, price) in enumerate(lines):
            head = n == 0
            rows.append([f"#{k}", email if head else "", f"{day} 10:00:00 -0800" if head else "",
                         f"{total}.00" if head else "", str(quantity), item, f"{price}.00",
                         f"SKU-{n}", billing if head else "", phone if head else "",
                         "Portland" if head else "",
                         "Wrapped as a gift" if head and k % 9 == 0 else "",
                         f"{refunded}.00" if head else "", cancelled if head else ""])
        orders.append(rows)
    return orders


def write_orders(path: Path, orders: list[list[list[str]]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(ORDER_HEADER)
        for rows in orders:
            out.writerows(rows)


def write_purchases(path: Path) -> None:
    from boutique.services.interchange.purchases_csv import PURCHASE_COLUMNS

    rng = random.Random(3)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(PURCHASE_COLUMNS)
        for k in range(24):
            who = k % (len(NAMES) + 3)
            first, last = NAMES[who] if who < len(NAMES) else (f"Gift{who}", "Giver")
            email = f"client{who}@example.com" if who < len(NAMES) else f"giver{who}@example.com"
            day = SECOND_DAY - dt.timedelta(days=rng.choice([0, 2, 6, 15, 30, 380]))
            gift = k % 3 != 2
            given = (str(day + dt.timedelta(days=rng.choice([3, 12, 40])))
                     if gift and k % 2 else "")
            head = [first, last, email, "", f"legacy:{k}", str(day), "yes" if gift else "no",
                    f"Ørnulf {k}" if gift else "", ("wife", "daughter", "friend", "")[k % 4]
                    if gift else "", ("birthday", "anniversary", "")[k % 3] if gift else "",
                    given, ("", "hold", "discreet", "counter")[k % 4] if gift else "",
                    "yes" if k % 5 == 0 else "no", "Lise", f"Remarque {k}: très ß",
                    "refunded" if k % 11 == 10 else ""]
            for n in range(1 + k % 3):
                out.writerow(head + [f"{rng.choice(ITEMS)} {n}",
                                     ("ring", "necklace", "watch", "")[(k + n) % 4],
                                     ("gold", "platinum", "")[n % 3], ("opal", "")[n % 2],
                                     f"P{k}-{n}", str(rng.randint(100, 90000)),
                                     "the earrings" if k == 4 and n == 0 else "",
                                     "plural" if k == 4 and n == 0 else ""])


def build_book(folder: Path) -> None:
    """Run the four imports into the open store (files are written to `folder`)."""
    from boutique.services.interchange import apply_plan, build_plan

    rng = random.Random(7)
    clients, first, second, purchases = (folder / name for name in (
        "clients.csv", "orders_1.csv", "orders_2.csv", "purchases.csv"))
    write_clients(clients)
    early = _orders(rng, 1000, 90, FIRST_DAY)
    write_orders(first, early)
    write_orders(second, early[::4] + _orders(rng, 2000, 90, SECOND_DAY))
    write_purchases(purchases)
    apply_plan(build_plan(clients), today=FIRST_DAY)
    apply_plan(build_plan(first), today=FIRST_DAY)
    apply_plan(build_plan(second), today=SECOND_DAY)
    apply_plan(build_plan(purchases), today=SECOND_DAY)


def _plain(value):
    return value.hex() if isinstance(value, bytes) else value


def snapshot() -> dict[str, list[list]]:
    """Every table of the open store, row by row in a fixed order."""
    from boutique.models import database

    tables = [name for (name,) in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE 'sqlite_%' ORDER BY name") if name not in NOT_THE_BOOK]
    found = {}
    for table in tables:
        cursor = database.execute_sql(f'SELECT * FROM "{table}"')
        columns = [d[0] for d in cursor.description]
        kept = [i for i, name in enumerate(columns)
                if name not in DERIVED_COLUMNS.get(table, ())]
        rows = [[None if (columns[i] in CLOCK_COLUMNS and row[i] is not None)
                 else _plain(row[i]) for i in kept] for row in cursor.fetchall()]
        columns = [columns[i] for i in kept]
        if table == "setting":
            rows = [[k, "(random)" if k in RANDOM_SETTINGS else v] for k, v in rows]
        found[table] = [columns] + sorted(rows, key=lambda r: json.dumps(r, default=str))
    return found


def _write_snapshot(out: Path) -> None:
    import tempfile

    from boutique.models import close_database, open_database

    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "book.sqlite3")
        try:
            build_book(Path(folder))
            out.write_text(json.dumps(snapshot(), default=str, ensure_ascii=False, indent=0))
        finally:
            close_database()


if __name__ == "__main__":
    _write_snapshot(Path(sys.argv[1]))

"""Moving in: a 100,000-row Shopify customers file and a 300,000-line-item orders file,
each imported (preview and write) into a fresh store. Target: under 15 s each
(bench/figures.py)."""

from __future__ import annotations

import csv
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

CUSTOMER_ROWS = 100_000
LINE_ITEMS = 300_000
CUSTOMER_HEADER = ["First Name", "Last Name", "Email", "Accepts Email Marketing", "Phone",
                   "Accepts SMS Marketing", "Default Address City", "Total Spent", "Note", "Tags"]
ORDER_HEADER = ["Name", "Email", "Created at", "Total", "Lineitem quantity", "Lineitem name",
                "Lineitem price", "Lineitem sku", "Billing Name", "Notes", "Refunded Amount",
                "Cancelled at"]


def write_customers(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(CUSTOMER_HEADER)
        for i in range(rows):
            out.writerow([f"Ana{i}", f"Client{i % 997}", f"c{i}@example.com",
                          rng.choice(["yes", "no"]), f"+1 503 {200 + i // 10000:03d} {i % 10000:04d}",
                          "no", "Portland", f"{rng.randint(0, 5000)}.00", "", "vip"])


def write_orders(path: Path, items: int, per_order: int = 3, seed: int = 2) -> None:
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(ORDER_HEADER)
        for order in range(items // per_order):
            customer = order % (items // per_order // 3)
            day = start + dt.timedelta(days=order % 1060)
            for line in range(per_order):
                first = line == 0
                out.writerow([f"#{1000 + order}", f"c{customer}@example.com" if first else "",
                              f"{day} 10:00:00 -0800" if first else "", "300.00" if first else "",
                              "1", f"Item {rng.randint(1, 400)}", "100.00", f"SKU{line}",
                              f"Ana{customer} Client" if first else "", "", "0.00" if first else "",
                              ""])


def _timed_import(path: Path, store: Path) -> tuple[float, dict]:
    from boutique.models import close_database, open_database
    from boutique.services.interchange import apply_plan, build_plan

    open_database(store)
    try:
        started = time.perf_counter()
        summary = apply_plan(build_plan(path), today=dt.date(2026, 11, 25))
        return time.perf_counter() - started, summary
    finally:
        close_database()


def run(ctx) -> list[tuple[str, object]]:
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        folder = Path(folder)
        customers, orders = folder / "customers.csv", folder / "orders.csv"
        write_customers(customers, CUSTOMER_ROWS)
        write_orders(orders, LINE_ITEMS)
        seconds, summary = _timed_import(customers, folder / "a.sqlite3")
        results += [("import_customers_s", round(seconds, 2)),
                    ("import_customers_created", summary["created"])]
        seconds, summary = _timed_import(orders, folder / "b.sqlite3")
        results += [("import_orders_s", round(seconds, 2)),
                    ("import_orders_purchases", summary["purchases_added"])]
    return results

"""Search over a million notes: the service against the same FTS5 queries run raw.

The benchmark store is copied once (cached by its name) and filled with notes up to a
million, in bulk transactions through the triggers, so the index is the one the app
keeps. Then 200 queries mixing names, words, prefixes and phone digits run through
services/notes/search.py and, for comparison, as the same FTS5 MATCH statements on a plain
sqlite3 connection; and notes are added one at a time through services/notes/notebook.py.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import statistics
import time
from pathlib import Path

TARGET_NOTES = 1_000_000
QUERIES = 200
ADDS = 100
BATCH = 20_000
SEED = 2026

PLACES = ["Italy", "Paris", "Lisbon", "Kyoto", "Santorini", "Lake Como", "Vienna", "Maui",
          "Iceland", "Tuscany", "Provence", "Barcelona", "Bali", "Montréal", "Zürich",
          "Kraków", "Tromsø", "Reykjavík", "Savannah", "Napa", "Banff", "Marrakech"]
EVENTS = ["anniversary", "birthday", "graduation", "wedding", "retirement", "promotion",
          "engagement", "baby shower", "christening", "reunion", "recital", "marathon"]
STONES = ["sapphire", "emerald", "ruby", "pearl", "opal", "tanzanite", "morganite",
          "aquamarine", "garnet", "diamond", "amethyst", "peridot", "topaz", "tourmaline"]
METALS = ["platinum", "yellow gold", "white gold", "rose gold", "sterling silver"]
PIECES = ["ring", "pendant", "bracelet", "studs", "hoops", "bangle", "necklace", "brooch",
          "cufflinks", "watch", "charm", "locket", "tennis bracelet", "eternity band"]
RELATIONS = ["wife", "husband", "daughter", "son", "mother", "father", "sister", "partner",
             "granddaughter", "best friend", "fiancée", "mother-in-law"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TEMPLATES = [
    "Off to {place} in {month} for their {event}; asked about travel cases.",
    "{relation} {name} has a {event} on {month} {day}: thinking of a {stone} {piece}.",
    "Loves {stone}s, {metal} only; ring size {size}.",
    "Asked about a {stone} {piece} in {metal}, budget around ${budget}.",
    "Clasp checked on the {piece}; back in {month} for a clean. Mentioned {place}.",
    "{name} ({relation}) prefers {metal}; dislikes anything too flashy.",
    "Proposal planned in {place} in {month}, nervous about the size ({size}).",
    "Bought the {piece} for {name}'s {event}; wants matching {stone} earrings next.",
    "Resize the {metal} {piece} to {size} before {month} {day}.",
    "Collects {stone} pieces; the {place} trip inspired a custom {piece}.",
]


def _note_text(rng: random.Random, first_names: list[str]) -> str:
    return rng.choice(TEMPLATES).format(
        place=rng.choice(PLACES), month=rng.choice(MONTHS), event=rng.choice(EVENTS),
        relation=rng.choice(RELATIONS).capitalize(), name=rng.choice(first_names),
        day=rng.randint(1, 28), stone=rng.choice(STONES), piece=rng.choice(PIECES),
        metal=rng.choice(METALS), size=rng.choice(["5", "5.5", "6", "6.5", "7", "8"]),
        budget=rng.randrange(500, 20000, 250))


def _fill_notes(path: Path) -> int:
    """Bulk-add notes (through the triggers) until the store holds TARGET_NOTES."""
    from boutique.services.demo.words import FIRST_NAMES_F, FIRST_NAMES_M

    rng = random.Random(SEED)
    names = FIRST_NAMES_F + FIRST_NAMES_M
    categories = ["conversation", "family", "preferences", "sizes", "service", "other"]
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = wal")
    con.execute("PRAGMA cache_size = -64000")
    have = con.execute("SELECT COUNT(*) FROM note").fetchone()[0]
    client_ids = [r[0] for r in con.execute("SELECT id FROM client WHERE deleted_at IS NULL")]
    start = dt.datetime(2023, 11, 25)
    added = 0
    while have + added < TARGET_NOTES:
        size = min(BATCH, TARGET_NOTES - have - added)
        rows = [(rng.choice(client_ids), _note_text(rng, names), rng.choice(categories),
                 int(rng.random() < 0.05),
                 str(start + dt.timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))))
                for _ in range(size)]
        with con:
            con.executemany("INSERT INTO note (client_id, text, category, pinned, created_at)"
                            " VALUES (?, ?, ?, ?, ?)", rows)
        added += size
    con.close()
    return added


def _prepared_store(ctx) -> tuple[Path, float | None]:
    from boutique.models import close_database, open_database

    store = Path(ctx.cache) / f"search-1m-{Path(ctx.store).stem}.sqlite3"
    if store.exists():
        return store, None
    from run import upgraded

    stem = Path(ctx.store).stem
    if upgraded(Path(ctx.cache), store, f"search-1m-{stem.rsplit('-s', 1)[0]}-s*.sqlite3"):
        return store, None
    for stale in Path(ctx.cache).glob("search-1m-*"):
        stale.unlink()
    started = time.perf_counter()
    partial = store.with_suffix(".partial")
    shutil.copy(ctx.store, partial)
    open_database(partial)  # brings an older benchmark store up to the current schema
    close_database()
    for backup in partial.parent.glob(f"{partial.stem}.before-v*"):
        backup.unlink()  # the migration's safety copy of what is itself a copy
    _fill_notes(partial)
    with sqlite3.connect(partial) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(store)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    return store, time.perf_counter() - started


def _queries(con: sqlite3.Connection) -> list[str]:
    """Names (full, partial, accent-free), note words, prefixes as typed, phone digits."""
    from boutique.services.text import fold

    rng = random.Random(SEED + 1)
    ids = [r[0] for r in con.execute("SELECT id FROM client WHERE deleted_at IS NULL")]
    chosen = rng.sample(ids, min(400, len(ids)))
    by_id = {r[0]: r[1:] for r in con.execute(
        "SELECT id, first_name, last_name, mobile_phone FROM client WHERE id IN"
        f" ({', '.join('?' for _ in chosen)})", chosen)}
    clients = [by_id[i] for i in chosen]
    words = PLACES + EVENTS + STONES + PIECES + MONTHS + ["travel", "budget", "clasp",
                                                        "custom", "nervous", "matching"]
    queries: list[str] = []
    for first, last, _phone in clients[:50]:
        queries.append(rng.choice([last, f"{first} {last}", fold(last), f"{first} {last[:3]}"]))
    queries += [rng.choice(words) for _ in range(60)]
    queries += [f"{rng.choice(STONES)} {rng.choice(PIECES)}" for _ in range(20)]
    for _ in range(50):
        word = rng.choice(words + [c[1] for c in clients[50:150]])
        queries.append(word[:rng.randint(2, 5)])
    queries += [phone[-4:] if rng.random() < 0.5 else phone[2:9]
                for _f, _l, phone in clients[150:170] if phone]
    while len(queries) < QUERIES:
        queries.append(rng.choice(words))
    rng.shuffle(queries)
    return queries[:QUERIES]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _raw_statements(text: str, candidates: int | None = -1) -> list[tuple[str, str]]:
    """The FTS5 statements the service runs for `text`, to time them on their own.
    candidates=None: the same match ranked over every hit, for reference."""
    from boutique.services.notes import search

    bound = search.CANDIDATES if candidates == -1 else candidates
    terms = search.query_terms(text)
    out = []
    client = search.client_match_expression(text)
    if client:
        out.append((search.ranked_ids_sql("client", search.DEFAULT_LIMIT, bound), client))
    if terms:
        expression = search.match_expression(terms, rank_exact=True)
        for kind in ("note", "purchase"):
            out.append((search.ranked_ids_sql(kind, search.DEFAULT_LIMIT, bound), expression))
    return out


def run(ctx) -> list[tuple[str, object]]:
    from boutique.models import close_database, database, open_database
    from boutique.services.notes import notebook as notes
    from boutique.services.notes import search

    store, build_seconds = _prepared_store(ctx)
    open_database(store)
    note_count = database.execute_sql("SELECT COUNT(*) FROM note").fetchone()[0]
    raw = sqlite3.connect(store)
    raw.execute("PRAGMA cache_size = -64000")  # as the app opens the store
    queries = _queries(raw)
    statements = {q: _raw_statements(q) for q in queries}

    def time_raw(q: str) -> float:
        started = time.perf_counter()
        for sql, expression in statements[q]:
            raw.execute(sql, (expression,)).fetchall()
        return (time.perf_counter() - started) * 1000

    def time_service(q: str) -> float:
        started = time.perf_counter()
        search.search(q)
        return (time.perf_counter() - started) * 1000

    for q in queries:  # warm both paths' caches alike
        time_service(q)
        time_raw(q)
    service_ms, raw_ms = [], []
    for i, q in enumerate(queries):
        if i % 2:
            service_ms.append(time_service(q))
            raw_ms.append(time_raw(q))
        else:
            raw_ms.append(time_raw(q))
            service_ms.append(time_service(q))
    uncapped_ms = []
    for q in queries:
        started = time.perf_counter()
        for sql, expression in _raw_statements(q, candidates=None):
            raw.execute(sql, (expression,)).fetchall()
        uncapped_ms.append((time.perf_counter() - started) * 1000)
    raw.close()

    rng = random.Random(SEED + 2)
    client_ids = rng.sample([r[0] for r in database.execute_sql(
        "SELECT id FROM client WHERE deleted_at IS NULL")], ADDS)
    add_ms, added = [], []
    for client_id in client_ids:
        text = f"Bench note: asked about a {rng.choice(STONES)} {rng.choice(PIECES)} " \
               f"for {rng.choice(RELATIONS)} {rng.randint(1, 10**6)}"
        started = time.perf_counter()
        added.append(notes.add_note(client_id, text, category="conversation").id)
        add_ms.append((time.perf_counter() - started) * 1000)
    with database.atomic():  # keep the cached store at exactly its size
        for note_id in added:
            database.execute_sql("DELETE FROM note WHERE id = ?", (note_id,))
    problems = search.check_index() if build_seconds is not None else []
    close_database()

    p95 = _percentile(service_ms, 0.95)
    raw_p95 = _percentile(raw_ms, 0.95)
    lines: list[tuple[str, object]] = [
        ("search_notes_in_store", f"{note_count:,}"),
        ("search_store_build_s", f"{build_seconds:.1f}" if build_seconds is not None
         else "cached"),
        ("search_queries", len(queries)),
        ("search_ms_p50", f"{_percentile(service_ms, 0.5):.2f}"),
        ("search_ms_p95", f"{p95:.2f}"),
        ("search_ms_max", f"{max(service_ms):.2f}"),
        ("search_raw_fts_ms_p50", f"{_percentile(raw_ms, 0.5):.2f}"),
        ("search_raw_fts_ms_p95", f"{raw_p95:.2f}"),
        ("search_ratio_p50", f"{_percentile(service_ms, 0.5) / _percentile(raw_ms, 0.5):.2f}"),
        ("search_ratio_p95", f"{p95 / raw_p95:.2f}"),
        ("search_raw_fts_rank_all_ms_p95", f"{_percentile(uncapped_ms, 0.95):.2f}"),
        ("add_note_ms_p50", f"{statistics.median(add_ms):.2f}"),
        ("add_note_ms_p95", f"{_percentile(add_ms, 0.95):.2f}"),
    ]
    if build_seconds is not None:
        lines.append(("search_index_check", "ok" if not problems else "; ".join(problems)))
    return lines

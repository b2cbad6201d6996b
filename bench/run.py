"""make bench: build (once, cached) a 100k-client store and print `name: value` lines.

Sections live beside this file as `section_<name>.py`, each with `run(ctx)` returning
a list of (name, value) pairs; they run in file-name order on the same cached store.
Each section runs REPEAT times (3 unless it sets its own): numeric values are reported
as their median with every run beside it. The end is the target table (bench/figures.py)
and bench/results.json with every figure (a run of some sections only, `--only NAME`,
writes bench/.cache/results-only.json instead).
Figures are wall-clock on this machine: compare ratios, not absolute runs elsewhere.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

CLIENTS = 100_000
REPEAT = 3
STORE_VERSION = 3  # bump when the builder changes, so the cache is rebuilt
REFERENCE_DATE = "2026-11-25"


@dataclass
class BenchContext:
    store: Path
    cache: Path
    root: Path
    reference_date: str


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_store(cache: Path) -> tuple[Path, float | None]:
    from boutique.models import close_database, open_database
    from boutique.models.migrations import latest_version

    store = cache / f"bench-{CLIENTS}-v{STORE_VERSION}-s{latest_version()}.sqlite3"
    timing = store.with_suffix(".build-seconds")
    if store.exists():
        return store, float(timing.read_text()) if timing.exists() else None
    older = upgraded(cache, store, f"bench-{CLIENTS}-v{STORE_VERSION}-s*.sqlite3")
    if older is not None:
        timing.write_text(older.with_suffix(".build-seconds").read_text()
                          if older.with_suffix(".build-seconds").exists() else "0")
        return store, float(timing.read_text()) or None
    import datetime as dt

    from boutique.services.demo.build import build_demo

    partial = store.with_suffix(".partial")
    for leftover in cache.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    open_database(partial)
    counts = build_demo(CLIENTS, seed=2026, today=dt.date.fromisoformat(REFERENCE_DATE),
                        years=3.0)
    close_database()
    elapsed = time.perf_counter() - started
    partial.rename(store)
    timing.write_text(f"{elapsed:.1f}")
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    print(f"built: {counts}", file=sys.stderr)
    return store, elapsed


def upgraded(cache: Path, store: Path, pattern: str) -> Path | None:
    """The same builder's store of an older format brought to the current one (the app's
    own migrations, as a user's store would be: opened by the app, which also keeps what
    it derives from the rows), in place of a rebuild; None if none."""
    from boutique.services.store import close_store, open_store

    older = sorted(p for p in cache.glob(pattern) if p != store and ".before-v" not in p.name)
    if not older:
        return None
    partial = store.with_suffix(".partial")
    older[-1].rename(partial)
    for suffix in ("-wal", "-shm"):  # what it last wrote goes with it
        if Path(str(older[-1]) + suffix).exists():
            Path(str(older[-1]) + suffix).rename(str(partial) + suffix)
    open_store(partial)
    close_store()
    for leftover in cache.glob(f"{partial.stem}.before-v*"):
        leftover.unlink()  # the migration's safety copy of what is itself a cached copy
    with sqlite3.connect(partial) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(store)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    print(f"upgraded {older[-1].name} to {store.name}", file=sys.stderr)
    return older[-1]


def prepare_rows(store: Path) -> tuple[str, float]:
    """The store's prepared agenda rows made up to date, as the window has them made after
    its first fill (in a process of its own): what it did and how long it took."""
    import subprocess

    from boutique.services.prepare_ahead import PREPARING_MODULE

    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", PREPARING_MODULE, str(store),
                           REFERENCE_DATE], cwd=ROOT,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"preparing the agenda rows failed: {done.stderr.strip()[-400:]}")
    return done.stdout.strip(), elapsed


def remove_stale(cache: Path, store: Path) -> None:
    """Cached stores of older builders are a gigabyte each: keep only the current one's."""
    for path in cache.glob("bench-*"):
        if not path.name.startswith(store.stem):
            path.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure Boutique on a 100k-client store.")
    parser.add_argument("sections", nargs="*", help="section names (as --only)")
    parser.add_argument("--only", action="append", default=[], metavar="SECTION",
                        help="run only this section (repeatable): " + ", ".join(
                            p.stem.removeprefix("section_")
                            for p in sorted(HERE.glob("section_*.py"))))
    args = parser.parse_args()
    only = set(args.sections) | set(args.only)
    cache = HERE / ".cache"
    cache.mkdir(exist_ok=True)
    fresh = not any(cache.glob(f"bench-{CLIENTS}-v{STORE_VERSION}-*.sqlite3"))
    store, build_seconds = build_store(cache)
    remove_stale(cache, store)
    print(f"store: {store.name}")
    what, seconds = prepare_rows(store)
    print(f"store_agenda_rows: {what} in {seconds:.1f} s")
    if build_seconds is None:
        print("build_time_s: unknown (cached; delete bench/.cache to rebuild)")
    else:
        note = "" if fresh else " (when the cached store was built; delete bench/.cache to rebuild)"
        print(f"build_time_s: {build_seconds:.1f}{note}")
    ctx = BenchContext(store=store, cache=cache, root=ROOT, reference_date=REFERENCE_DATE)
    from figures import Collected, table_lines, write_results
    from pace import pace_ms

    collected = Collected()
    collected.add("machine_pace_start_ms", pace_ms())
    print(f"machine_pace_start_ms: {collected.shown('machine_pace_start_ms')}", flush=True)
    ran = []
    for path in sorted(HERE.glob("section_*.py")):
        name = path.stem.removeprefix("section_")
        if only and name not in only:
            continue
        ran.append(name)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        keys = []
        for _ in range(getattr(module, "REPEAT", REPEAT)):
            for key, value in module.run(ctx):
                if key not in keys:
                    keys.append(key)
                collected.add(key, value)
        for key in keys:
            print(f"{key}: {collected.shown(key)}", flush=True)
    collected.add("machine_pace_end_ms", pace_ms())
    print(f"machine_pace_end_ms: {collected.shown('machine_pace_end_ms')} (the same fixed work "
          "as at the start: compare runs as ratios of it)")
    for line in table_lines(collected):
        print(line)
    results = cache / "results-only.json" if only else HERE / "results.json"
    write_results(results, collected, ROOT, store.name, ran)
    print(f"results: {results.relative_to(ROOT)}")
    print(f"peak_rss_mb: {peak_rss_mb():.0f}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())

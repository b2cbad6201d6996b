"""make bench: build (once, cached) a 100k-client store and print `name: value` lines.

Sections live beside this file as `section_<name>.py`, each with `run(ctx)` returning
a list of (name, value) pairs; they run in file-name order on the same cached store.
Figures are wall-clock on this machine: compare ratios, not absolute runs elsewhere.
"""

from __future__ import annotations

import importlib.util
import os
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

CLIENTS = 100_000
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


def remove_stale(cache: Path, store: Path) -> None:
    """Cached stores of older builders are a gigabyte each: keep only the current one's."""
    for path in cache.glob("bench-*"):
        if not path.name.startswith(store.stem):
            path.unlink()


def main() -> int:
    cache = HERE / ".cache"
    cache.mkdir(exist_ok=True)
    fresh = not any(cache.glob(f"bench-{CLIENTS}-v{STORE_VERSION}-*.sqlite3"))
    store, build_seconds = build_store(cache)
    remove_stale(cache, store)
    print(f"store: {store.name}")
    if build_seconds is None:
        print("build_time_s: unknown (cached; delete bench/.cache to rebuild)")
    else:
        note = "" if fresh else " (when the cached store was built; delete bench/.cache to rebuild)"
        print(f"build_time_s: {build_seconds:.1f}{note}")
    ctx = BenchContext(store=store, cache=cache, root=ROOT, reference_date=REFERENCE_DATE)
    only = set(sys.argv[1:])
    for path in sorted(HERE.glob("section_*.py")):
        name = path.stem.removeprefix("section_")
        if only and name not in only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for key, value in module.run(ctx):
            print(f"{key}: {value}", flush=True)
    print(f"peak_rss_mb: {peak_rss_mb():.0f}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())

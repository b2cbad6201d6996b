"""The command line on the 100k store, each command a process of its own as a script runs it:
`clients --json` of the whole book and `followups export` of a year, with their peak memory."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(ctx, *arguments: str, stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """(seconds, peak MB) of `python -m boutique --db STORE ARGUMENTS`."""
    started = time.perf_counter()
    # Through bench/child.py: a child's peak memory must not include the bench's own.
    child = subprocess.Popen([sys.executable, str(ctx.root / "bench" / "child.py"),
                              sys.executable, "-m", "boutique", "--db", str(ctx.store),
                              *arguments], cwd=ctx.root, stdout=stdout,
                             stderr=subprocess.PIPE)
    error = child.stderr.read().decode()
    seconds = time.perf_counter() - started
    if child.wait() != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed: {error[-300:]}")
    peak = next(line for line in reversed(error.splitlines()) if line.startswith("child_peak_kb="))
    return seconds, int(peak.split("=", 1)[1]) / 1024


def run(ctx) -> list[tuple[str, object]]:
    out = []
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as folder:
        listing = Path(folder) / "clients.json"
        with listing.open("wb") as handle:
            seconds, peak = _timed(ctx, "clients", "--json", stdout=handle)
        out += [("clients_json_s", round(seconds, 2)), ("clients_json_peak_mb", round(peak)),
                ("clients_json_bytes", listing.stat().st_size)]
        calendar = Path(folder) / "year.ics"
        seconds, peak = _timed(ctx, "followups", "export", "--out", str(calendar),
                               "--date", ctx.reference_date, "--days", "365")
        events = calendar.read_bytes().count(b"BEGIN:VEVENT")
        out += [("followups_export_s", round(seconds, 2)),
                ("followups_export_peak_mb", round(peak)),
                ("followups_export_events", events)]
    return out

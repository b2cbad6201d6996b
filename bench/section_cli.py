"""The command line on the 100k store, each command a process of its own as a script runs it:
`clients --json` of the whole book and `followups export` of a year, with their peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(ctx, *arguments: str, stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """(seconds, peak MB) of `python -m boutique --db STORE ARGUMENTS`."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "boutique", "--db", str(ctx.store),
                              *arguments], cwd=ctx.root, stdout=stdout,
                             stderr=subprocess.PIPE)
    error = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed: {error.decode()[-300:]}")
    return seconds, usage.ru_maxrss / 1024


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

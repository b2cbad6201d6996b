"""Concurrent writers for the store tests and the benchmark: processes that add notes and
print each note's id once its transaction is committed (acknowledged)."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

WRITER = """
import sys
import time
from boutique.services.store import open_store
from boutique.services.notes.notebook import add_note
open_store(sys.argv[1])
for i in range(int(sys.argv[3])):
    note = add_note(1, f"writer {sys.argv[2]} note {i}")
    sys.stdout.write(f"{note.id}\\n")
    sys.stdout.flush()
    if len(sys.argv) > 4:
        time.sleep(float(sys.argv[4]))
"""


def start_writer(store: Path, name: str, count: int, pause_s: float = 0.0) -> subprocess.Popen:
    """A writer process; `pause_s` between notes, as a person's writes are spaced (three
    writers in a tight loop starve one another past any busy timeout)."""
    return subprocess.Popen([sys.executable, "-c", WRITER, str(store), name, str(count),
                             str(pause_s)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_writers(store: Path, writers: int, count: int) -> tuple[list[int], list[str]]:
    """`writers` processes at once, each adding `count` notes; (acknowledged ids, stderr)."""
    procs = [start_writer(store, f"w{n}", count) for n in range(writers)]
    acknowledged, errors = [], []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        acknowledged += [int(line) for line in out.split()]
        if proc.returncode != 0 or err.strip():
            errors.append(err.strip() or f"exit {proc.returncode}")
    return acknowledged, errors


def kill_burst(store: Path, rounds: int, writers: int = 3, seed: int = 1,
               spread_s: float = 0.15) -> dict[str, int]:
    """Rounds of `writers` concurrent writers, each killed with SIGKILL mid-write."""
    rng = random.Random(seed)
    acknowledged: list[int] = []
    kills = errors = 0
    for _ in range(rounds):
        procs = [start_writer(store, f"k{n}", 100_000, pause_s=0.002) for n in range(writers)]
        for proc in procs:
            # Killed only once writing: wait for its first acknowledged note (start-up
            # takes longer on a busy machine).
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            if ready:
                line = proc.stdout.readline()
                if line.strip().isdigit():
                    acknowledged.append(int(line))
        time.sleep(rng.random() * spread_s)
        for proc in procs:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                kills += 1
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            acknowledged += [int(line) for line in out.split() if line.strip().isdigit()]
            errors += bool(err.strip())
    return {"kills": kills, "acknowledged": len(acknowledged), "errors": errors,
            "ids": acknowledged}

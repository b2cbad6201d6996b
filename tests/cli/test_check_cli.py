"""`check` on a store whose schema itself is damaged: reported as damaged, exit 1."""

from __future__ import annotations

import sqlite3
import subprocess
import sys


def test_a_damaged_schema_page_is_reported_as_damage(tmp_path):
    path = tmp_path / "good.sqlite3"
    made = subprocess.run([sys.executable, "-m", "boutique", "--db", str(path), "demo",
                           "--clients", "3"], capture_output=True, timeout=120)
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(path) as store:
        page_size = store.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in store.execute(
            "SELECT pageno FROM dbstat WHERE name = 'sqlite_schema' AND pageno > 1")]
    assert pages, "the schema spans more than its first page"
    with open(path, "r+b") as handle:
        handle.seek((pages[-1] - 1) * page_size)
        handle.write(b"\xff" * page_size)
    done = subprocess.run([sys.executable, "-m", "boutique", "--db", str(path), "check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "the store is damaged" in done.stdout and "malformed" in done.stdout
    assert "Traceback" not in done.stderr

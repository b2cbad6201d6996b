"""The store-safety probes: each one a clear line on stderr, exit 2, and the file untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from boutique.models import Client, close_database
from boutique.models.migrations import latest_version


def run_cli(*args, db, env=None):
    command = [sys.executable, "-m", "boutique", "--db", os.fsdecode(db), *args]
    return subprocess.run(command, capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})})


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_line(done, code=2, words=()):
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == code, err
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    for word in words:
        assert word in err, err
    return err


def test_demo_refuses_a_store_with_real_clients(make_client, db_path):
    make_client(first_name="Rosa", last_name="Real")
    close_database()
    done = run_cli("demo", "--clients", "3", db=db_path)
    assert_one_line(done, words=("real clients",))
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT first_name FROM client").fetchall() == [("Rosa",)]


def test_demo_twice_into_a_demo_store_is_fine(tmp_path):
    path = tmp_path / "demo.sqlite3"
    assert run_cli("demo", "--clients", "2", db=path).returncode == 0
    assert run_cli("demo", "--clients", "2", db=path).returncode == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM client").fetchone()[0] == 4


@pytest.mark.parametrize("own_client_table", [False, True])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path, own_client_table):
    path = tmp_path / "other-app.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
        if own_client_table:
            conn.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, nickname TEXT)")
        conn.execute("INSERT INTO recipe (title) VALUES ('bread')")
    before = digest(path)
    done = run_cli("clients", db=path)
    assert_one_line(done, words=("another program", "untouched"))
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-app.sqlite3"]


def test_a_store_of_a_newer_boutique_is_refused(db_path):
    newer = latest_version() + 3
    close_database()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {newer}")
    before = digest(db_path)
    done = run_cli("note", "add", "--client", "1", "hello", db=db_path)
    err = assert_one_line(done)
    assert f"made by a newer Boutique, format {newer}; this one reads up to {latest_version()}" in err
    assert digest(db_path) == before


def test_demo_with_an_impossible_date_or_count_writes_nothing(tmp_path):
    path = tmp_path / "d.sqlite3"
    assert_one_line(run_cli("demo", "--clients", "1", "--date", "9999-12-31", db=path))
    assert_one_line(run_cli("demo", "--clients", "1000000000", db=path))
    assert not path.exists()


def _garbage(tmp_path):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(os.urandom(9000))
    return path


def _truncated(tmp_path):
    from tests.cli.test_store_safety_cli import _good_store

    path = _good_store(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3 + 17])
    return path


def _good_store(tmp_path):
    path = tmp_path / "good.sqlite3"
    assert run_cli("demo", "--clients", "3", db=path).returncode == 0
    return path


def _read_only(tmp_path):
    path = _good_store(tmp_path)
    path.chmod(0o444)
    return path


def _unwritable_folder(tmp_path):
    path = _good_store(tmp_path)
    tmp_path.chmod(0o500)
    return path


@pytest.mark.parametrize("make, words", [
    (_garbage, ("not a SQLite file",)),
    (_truncated, ("cannot",)),
    (lambda tmp: tmp, ("is a folder",)),
    (_read_only, ("read-only",)),
    (_unwritable_folder, ("not writable",)),
])
def test_unusable_stores_get_one_line_and_exit_2(tmp_path, make, words):
    path = make(tmp_path)
    before = digest(path) if path.is_file() else None
    try:
        done = run_cli("clients", db=path)
        assert_one_line(done, words=words)
        if before:
            assert digest(path) == before
    finally:
        tmp_path.chmod(0o700)


def test_a_mistyped_path_creates_no_folders(tmp_path):
    path = tmp_path / "nx" / "a" / "b" / "c" / "new.sqlite3"
    assert_one_line(run_cli("clients", db=path), words=("does not exist",))
    assert not (tmp_path / "nx").exists()


def test_an_empty_file_the_user_named_becomes_a_store(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    assert run_cli("clients", db=path).returncode == 0
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == latest_version()


def test_check_finds_pages_overwritten_with_noise(tmp_path):
    path = _good_store(tmp_path)
    done = run_cli("check", db=path)
    assert done.returncode == 0 and b"sound" in done.stdout
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        page = 4096
        middle = (size // page // 2) * page
        handle.seek(middle)
        handle.write(os.urandom(2 * page))
    done = run_cli("check", db=path)
    assert done.returncode == 1, done.stderr
    assert b"damaged" in done.stdout and b"Traceback" not in done.stderr


@pytest.mark.parametrize("args, words", [
    (("today", "--date", "9999-12-31"), ("between 1900-01-01 and 2100-12-31",)),
    (("today", "--date", ""), ("YYYY-MM-DD",)),
    (("clients", "--limit", "9223372036854775808"), ("--limit",)),
    (("note", "add", "--client", "1", os.fsdecode(b"\xff")), ("--text", "not UTF-8")),
])
def test_bad_arguments_get_one_line(db_path, args, words):
    close_database()
    assert_one_line(run_cli(*args, db=db_path), words=words)


def test_export_onto_a_folder_is_refused_before_any_work(db_path, tmp_path):
    close_database()
    folder = tmp_path / "calendar.ics"
    folder.mkdir()
    assert_one_line(run_cli("followups", "export", "--out", str(folder), db=db_path),
                    words=("is a folder",))
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("name", ["Ana\x00", "Ana\nMaria", "\u202eanA", "A\x85na", "Ana\x1bX"])
def test_names_with_control_characters_or_overrides_are_refused(db, name):
    from boutique.services.clients.book import save_client
    from boutique.services.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        save_client({"first_name": name, "last_name": "Alvarez"})
    assert "first_name" in caught.value.errors
    assert Client.select().count() == 0


def test_notes_keep_newlines_and_tabs_but_lose_nul(make_client):
    from boutique.services.notes.notebook import add_note

    client = make_client()
    note = add_note(client.id, "line one\n\tline\x00 two")
    assert note.text == "line one\n\tline two"

"""The Backups dialog, the damaged-store offer, the unusable-store box, the second window."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from boutique.models import Client
from boutique.services.backup import backup_now, list_backups, newest_verified
from boutique.services.window_lock import WindowLock

ROOT = Path(__file__).resolve().parents[2]
SHOTS = os.environ.get("BOUTIQUE_SHOTS")  # a folder: save screenshots there to look at


def _shot(widget, name):
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def test_backups_dialog_lists_backs_up_and_restores(qtbot, make_client):
    from boutique.ui.backups_dialog import BackupsDialog

    make_client(first_name="Zoë", last_name="Ødegård")
    backup_now("daily")
    dialog = BackupsDialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    dialog.back_up_now()
    assert dialog.table.rowCount() == 2
    assert "kept at least until" in dialog.message.text()
    assert dialog.table.item(0, 3).text() == "1"
    dialog.show()
    _shot(dialog, "backups-dialog.png")
    oldest = list_backups()[-1].path
    make_client(first_name="Later")
    assert dialog.restore_path(oldest)
    assert [c.first_name for c in Client.select()] == ["Zoë"]
    assert dialog.table.rowCount() == 3  # the before-restore backup


def test_damaged_store_offer_sets_aside_and_opens_the_backup(qtbot, make_client, db_path):
    from boutique.ui.store_dialogs import damaged_store_box

    make_client(first_name="Safe")
    info = backup_now("daily")
    box = damaged_store_box("*** in database main *** Page 7: btreeInitPage() returns error",
                            newest_verified())
    qtbot.addWidget(box)
    box.show()
    _shot(box, "damaged-store.png")
    assert f"{info.clients} clients" in box.informativeText()
    from boutique.services.backup import set_aside_and_restore

    aside = set_aside_and_restore(newest_verified())
    assert aside.exists() and aside != db_path and db_path.exists()
    assert [c.first_name for c in Client.select()] == ["Safe"]


def test_unusable_store_box_says_the_cli_sentence(qtbot, tmp_path):
    from boutique.ui.store_dialogs import unusable_store_box

    sentence = f"{tmp_path}/x.sqlite3 was made by a newer Boutique, format 9; this one reads up to 4"
    box = unusable_store_box(sentence, tmp_path / "x.sqlite3")
    qtbot.addWidget(box)
    box.show()
    _shot(box, "unusable-store.png")
    assert sentence in box.text()


def test_second_window_message(qtbot, tmp_path):
    from boutique.ui.store_dialogs import second_window_box

    box = second_window_box(tmp_path / "boutique.sqlite3", raised=True)
    qtbot.addWidget(box)
    box.show()
    _shot(box, "second-window.png")
    assert "already open in another Boutique window" in box.text()


def test_a_second_launch_on_an_open_store_opens_no_window(db_path):
    lock = WindowLock(db_path).acquire()
    try:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path),
                               "--quit-after-ready"], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        lock.release()
    assert done.returncode == 1, done.stderr
    assert "already open in another Boutique window" in done.stderr
    assert "ready_at" not in done.stdout
    # and with the lock released the window opens
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path),
                           "--quit-after-ready"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "ready_at" in done.stdout, done.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"

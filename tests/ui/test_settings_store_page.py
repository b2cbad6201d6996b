"""The backup folder is chosen on the Store page of Settings, checked before anything is saved."""

from __future__ import annotations

import pytest

from boutique.services import settings
from boutique.services.backup import backup_folder, backup_now
from boutique.services.errors import ValidationError
from boutique.ui.settings_store_page import StoreSettingsPage


def test_backups_go_to_the_folder_chosen_in_settings(db, qtbot, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    page = StoreSettingsPage()
    qtbot.addWidget(page)
    assert page.backup_folder.text() == ""
    page.backup_folder.setText(str(stick))
    page.save()
    assert backup_folder() == stick
    assert backup_now("manual").path.parent == stick


def test_a_folder_that_does_not_exist_is_refused_and_nothing_is_saved(db, qtbot, tmp_path):
    page = StoreSettingsPage()
    qtbot.addWidget(page)
    page.currency.setText("€")
    page.backup_folder.setText(str(tmp_path / "no-such-stick"))
    with pytest.raises(ValidationError, match="no-such-stick is not a folder that exists"):
        page.save()
    assert settings.get("store.currency_symbol") == "$"
    assert backup_folder().name == "backups"


def test_clearing_the_field_puts_backups_beside_the_store_again(db, qtbot, tmp_path):
    settings.set_many({"backup.folder": str(tmp_path)})
    page = StoreSettingsPage()
    qtbot.addWidget(page)
    assert page.backup_folder.text() == str(tmp_path)
    page.backup_folder.clear()
    page.save()
    assert backup_folder().name == "backups"

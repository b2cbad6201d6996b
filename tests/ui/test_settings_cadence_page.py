"""The Follow-ups settings page offers only rules that something uses."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from boutique.ui.settings_cadence_page import CadenceSettingsPage


def test_the_after_return_rule_is_offered_now_that_returns_use_it(db, qtbot):
    """Returns schedule the after-return follow-up, so the page offers its rule."""
    page = CadenceSettingsPage()
    qtbot.addWidget(page)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert any("After a return: follow up after (days)" in text for text in texts)
    assert "after_return_days" in page.inputs
    assert "satisfaction_days" in page.inputs

"""The Follow-ups settings page offers only rules that something uses."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from boutique.ui.settings_cadence_page import CadenceSettingsPage


def test_no_after_return_rule_is_promised(db, qtbot):
    """Finding 9: returns are not scheduled yet, so the page does not offer the rule."""
    page = CadenceSettingsPage()
    qtbot.addWidget(page)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert not any("return" in text.lower() for text in texts)
    assert "after_return_days" not in page.inputs
    assert "satisfaction_days" in page.inputs

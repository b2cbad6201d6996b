"""The Today panel warns, before printing, of characters no font can print."""

from __future__ import annotations

import datetime as dt

from boutique.services.agenda import agenda_for
from boutique.ui.today_item_panel import ItemPanel

HOME = dict(home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
            home_postcode="12534")


def test_the_panel_names_the_client_and_the_character(qtbot, db, make_client, make_purchase):
    odd = make_client(first_name="Ana", last_name="Alvarez\U0010fffd", **HOME)
    lee = make_client(first_name="小龍", last_name="李", **HOME)
    bought = dt.date(2026, 11, 18)
    make_purchase(odd.id, bought)
    make_purchase(lee.id, bought)
    day = bought + dt.timedelta(days=3)
    items = {i.client_id: i for i in agenda_for(day) if i.channel == "mail"}
    panel = ItemPanel()
    qtbot.addWidget(panel)
    panel.show_item(items[odd.id], day)
    assert "Ana Alvarez" in panel.warnings.text() and "U+10FFFD" in panel.warnings.text()
    panel.show_item(items[lee.id], day)
    assert "no font" not in panel.warnings.text()  # Chinese prints: nothing to warn of


def test_plain_text_is_let_through_only_where_the_printing_floor_agrees():
    """The panel skips the font lookup for plain text: every such character prints."""
    from boutique.printing.glyph_warnings import glyph_warning
    from boutique.ui.today_item_panel import printing_warning

    plain = "".join(chr(i) for i in range(0x20, 0x7f)) + "\t\n\r"
    assert glyph_warning([plain], "Ana") == "" == printing_warning([plain], "Ana")
    for odd in ("\x01", "\x1b", "Ana \U0010fffd"):  # not plain: the floor decides
        assert printing_warning([odd], "Ana") == glyph_warning([odd], "Ana") != ""

"""The card and envelope dialogs on a purchase: choices, the address, the warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.services.stationery.letterhead import save_letterhead
from boutique.ui.profile_pages import purchase_actions
from boutique.ui.stationery_dialogs import CardDialog, EnvelopeDialog
from tests.printing.stationery_pdf import all_text, page_sizes

BOUGHT = dt.date(2026, 11, 20)
HOME = {"home_line1": "8 Orchard Lane", "home_city": "Hudson", "home_region": "NY",
        "home_postcode": "12534"}


@pytest.fixture
def letter_store(db):
    save_letterhead({"store_name": "Marsh & Finch Jewelers", "page_size": "letter",
                     "address_lines": ["214 Warren Street", "Hudson, NY 12534"]})


def test_the_purchase_menu_offers_card_and_envelope():
    labels = [label for label, _ in purchase_actions()]
    assert "Print thank-you card…" in labels and "Print envelope…" in labels


def test_card_dialog_defaults_then_remembers(qtbot, letter_store, make_client, make_purchase):
    purchase = make_purchase(make_client(first_name="Zoë", last_name="Ødegård").id, BOUGHT)
    dialog = CardDialog(purchase.id)
    qtbot.addWidget(dialog)
    assert dialog.layout_name == "a2-folded"  # a Letter store: the A2 card
    assert page_sizes(dialog.pdf()) == [(612, 396), (612, 396)]
    dialog.show()
    assert dialog.hint.isVisible()  # folded: print double-sided
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("flat-a6"))
    assert not dialog.hint.isVisible()
    dialog.guides.setChecked(True)
    dialog.accept()
    again = CardDialog(purchase.id)
    qtbot.addWidget(again)
    assert again.layout_name == "flat-a6" and again.guides.isChecked()


def test_envelope_dialog_shows_the_address_and_the_gift_warning(qtbot, letter_store,
                                                               make_client, make_purchase):
    client = make_client(first_name="Łucja", last_name="<b>&Nowak", **HOME)
    gift = make_purchase(client.id, BOUGHT, is_gift=True, gift_recipient="Piotr")
    dialog = EnvelopeDialog(gift.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.size_key == "a2"
    assert "Łucja <b>&Nowak" in dialog.address.text()
    assert dialog.warnings.isVisible() and "Gift" in dialog.warnings.text()
    dialog.size_box.setCurrentIndex(dialog.size_box.findData("no10"))
    pdf = dialog.pdf()
    assert page_sizes(pdf) == [(684, 297)]
    assert "8 Orchard Lane" in all_text(pdf) and "Gift" not in all_text(pdf)
    dialog.accept()
    again = EnvelopeDialog(gift.id)
    qtbot.addWidget(again)
    assert again.size_key == "no10"


def test_envelope_dialog_without_warnings_hides_the_line(qtbot, letter_store, make_client,
                                                         make_purchase):
    client = make_client(first_name="Ana", last_name="Alvarez", **HOME)
    dialog = EnvelopeDialog(make_purchase(client.id, BOUGHT).id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.warnings.isVisible()


def _previews():
    from PySide6.QtWidgets import QApplication

    from boutique.ui.print_preview import PdfPreviewDialog

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PdfPreviewDialog) and w.isVisible()]


def test_the_purchase_actions_open_the_preview(qtbot, window, close_modal_later, letter_store,
                                               make_client, make_purchase):
    client = make_client(first_name="Zoë", last_name="Ødegård", **HOME)
    purchase = make_purchase(client.id, BOUGHT)
    actions = dict(purchase_actions())
    for label, expected_pages, title in (("Print thank-you card…", 2, "Thank-you card for"),
                                         ("Print envelope…", 1, "Envelope for")):
        close_modal_later(lambda dialog: dialog.accept())
        actions[label](window, purchase.id)
        qtbot.waitUntil(lambda t=title: any(p.title.startswith(t) for p in _previews()))
        preview = next(p for p in _previews() if p.title.startswith(title))
        assert preview.title.endswith("Zoë Ødegård")
        assert preview.document.pageCount() == expected_pages
        preview.close()


def test_envelope_dialog_picks_one_the_flat_card_fits(qtbot, letter_store, make_client,
                                                      make_purchase):
    from boutique.services.stationery.mail import remember_choices

    client = make_client(first_name="Ana", last_name="Alvarez", **HOME)
    purchase = make_purchase(client.id, BOUGHT)
    remember_choices(card_layout="flat-4x6")  # the 6 x 4 in card does not fit an A2
    dialog = EnvelopeDialog(purchase.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.size_key == "a6" and not dialog.fit_note.isVisible()
    assert page_sizes(dialog.pdf()) == [(468, 342)]
    dialog.size_box.setCurrentIndex(dialog.size_box.findData("a2"))
    assert dialog.fit_note.isVisible() and "A6 envelope" in dialog.fit_note.text()

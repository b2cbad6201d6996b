"""Settings › Letterhead and › Wording, and the print actions on a purchase."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from boutique.services.errors import ValidationError
from boutique.services.stationery.letterhead import (
    load_letterhead,
    load_pack_options,
    load_template_overrides,
    save_letterhead,
)
from boutique.ui.document_dialogs import CareCardDialog, NotePromptDialog, print_note_prompt
from boutique.ui.print_preview import PdfPreviewDialog
from boutique.ui.settings_dialog import SettingsDialog
from boutique.ui.settings_letterhead_page import LetterheadSettingsPage
from boutique.ui.settings_templates_page import TemplatesSettingsPage
from tests.printing.stationery_pdf import all_text


def test_the_settings_dialog_has_the_print_pages(qtbot, db):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Letterhead" in titles and "Wording" in titles


def test_letterhead_page_previews_as_you_type_and_saves(qtbot, db):
    page = LetterheadSettingsPage()
    qtbot.addWidget(page)
    before = page.envelope_preview.pixmap().toImage()
    qtbot.keyClicks(page.store_name, "Marsh & Finch <Jewelers>")
    page.address.setPlainText("214 Warren Street\nHudson, NY 12534")
    qtbot.waitUntil(lambda: page.envelope_preview.pixmap().toImage() != before, timeout=3000)
    page.jeweler_name.setText("Elena Marsh")
    page.page_size.setCurrentIndex(page.page_size.findData("a4"))
    page.mail.setCurrentIndex(page.mail.findData("labels"))
    page.save()
    letterhead = load_letterhead()
    assert letterhead.store_name == "Marsh & Finch <Jewelers>"
    assert letterhead.address_lines == ("214 Warren Street", "Hudson, NY 12534")
    assert letterhead.page_size == "a4"
    assert load_pack_options()["mail"] == "labels"


def test_a_letterhead_without_a_name_is_refused(qtbot, db):
    page = LetterheadSettingsPage()
    qtbot.addWidget(page)
    page.phone.setText("(518) 555-0142")
    with pytest.raises(ValidationError):
        page.save()
    assert load_letterhead().phone == ""


def test_a_new_store_can_save_settings_without_a_letterhead(qtbot, db):
    page = LetterheadSettingsPage()
    qtbot.addWidget(page)
    page.save()  # nothing typed: no complaint, nothing invented
    assert load_letterhead().store_name == ""


def test_wording_page_lists_problems_and_previews(qtbot, db):
    save_letterhead({"store_name": "Marsh & Finch Jewelers"})
    page = TemplatesSettingsPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    assert page.current == "note.thank_you_note"
    assert page.problems.text() == "No problems."
    page.editor.setPlainText("Thank you for the {item}, {frist_name}!")
    assert page.problems.text() == "Problems: unknown placeholder {frist_name}"
    assert page.problems.property("role") == "error"
    page.refresh_preview()
    assert not page.preview.pixmap().isNull()
    page.save()
    assert load_template_overrides() == {
        "note.thank_you_note": "Thank you for the {item}, {frist_name}!"}
    page.restore.click()
    page.save()
    assert load_template_overrides() == {}


def test_a_script_wording_previews_a_call_script(qtbot, db):
    page = TemplatesSettingsPage()
    qtbot.addWidget(page)
    page.names.setCurrentRow(page._row_of("script.service_call"))
    assert page.current == "script.service_call"
    assert "complimentary cleaning" in page.editor.toPlainText()
    page.insert.setCurrentIndex(page.insert.findData("partner"))
    page.insert.activated.emit(page.insert.currentIndex())
    assert "{partner}" in page.editor.toPlainText()
    assert not page.preview.pixmap().isNull()


HOME = {"home_line1": "8 Orchard Lane", "home_city": "Hudson", "home_region": "NY",
        "home_postcode": "12534"}


def test_note_prompt_dialog_warns_before_writing(qtbot, make_client, make_purchase, today):
    client = make_client(**HOME)
    purchase = make_purchase(client.id, today - dt.timedelta(days=2), is_gift=True,
                             gift_recipient="Carlos")
    dialog = NotePromptDialog(purchase.id, today=today)
    qtbot.addWidget(dialog)
    assert "8 Orchard Lane" in dialog.address.text()
    assert "names neither the recipient nor the piece" in dialog.warnings.text()
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("3up"))
    assert "Dear Ana," in all_text(dialog.pdf())


def test_care_card_dialog_picks_the_cards_for_the_pieces(qtbot, make_client, make_purchase,
                                                          today):
    purchase = make_purchase(make_client().id, today, description="Pearl strand, gold clasp")
    dialog = CareCardDialog(purchase.id)
    qtbot.addWidget(dialog)
    assert dialog.materials == ["gold", "pearls"]
    assert "Pearls" in all_text(dialog.pdf())


def test_print_note_prompt_opens_the_preview(qtbot, make_client, make_purchase, today,
                                            close_modal_later):
    purchase = make_purchase(make_client(**HOME).id, today)
    close_modal_later(lambda dialog: dialog.accept())
    print_note_prompt(None, purchase.id)
    previews = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, PdfPreviewDialog) and w.isVisible()]
    assert previews and previews[-1].document.pageCount() == 1
    for preview in previews:
        preview.close()

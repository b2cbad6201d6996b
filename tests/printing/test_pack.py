"""Today's pack: contents, prompts, envelopes or labels, scripts; progress and cancel."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from reportlab.lib.pagesizes import LETTER

from boutique.printing.pack import PackCancelled, PackOptions, piece_count, render_pack
from boutique.printing.sheets import ENVELOPES
from boutique.services.stationery.letterhead import load_letterhead, save_letterhead
from boutique.services.stationery.print_data import PackData, pack_data
from tests.printing.documents import DAY, LETTERHEAD, flat, prompt, script
from tests.printing.stationery_pdf import all_text, page_sizes, page_texts

NO_ADDRESS = prompt(address_lines=(), address_kind="", warnings=("No postal address on file",))
PACK = PackData(DAY, "Wednesday, November 25, 2026", (prompt(), prompt(), NO_ADDRESS),
                (script(), script(), script()), (("Bob Brown", "Thank-you note to send by email"),))


def test_the_pack_in_working_order():
    pdf = render_pack(PACK, LETTERHEAD, options=PackOptions(prompt_layout="2up",
                                                            script_layout="half"))
    sizes = page_sizes(pdf)
    a2 = ENVELOPES["a2"].size
    # contents, 2 prompt pages, 2 envelopes (the third note has no address), 2 script pages
    assert sizes == [LETTER, LETTER, LETTER, a2, a2, LETTER, LETTER]
    texts = [flat(t) for t in page_texts(pdf)]
    assert "Today’s pack" in texts[0] and "Wednesday, November 25, 2026" in texts[0]
    assert "Bob Brown" in texts[0] and "Thank-you note to send by email" in texts[0]
    assert "No postal address on file" in texts[0]
    assert "Dear Mrs. Alvarez," in texts[1]
    assert "Hudson Valley Architects" in texts[3]
    assert "Satisfaction call" in texts[5] or "SATISFACTION CALL" in texts[5]


def test_labels_instead_of_envelopes():
    pdf = render_pack(PACK, LETTERHEAD, options=PackOptions(mail="labels", contents=False))
    sizes = page_sizes(pdf)
    assert sizes == [LETTER] * len(sizes)
    assert all_text(pdf).count("Hudson Valley Architects") == 2 + 2  # two prompts, two labels


def test_progress_counts_every_piece():
    seen = []
    render_pack(PACK, LETTERHEAD, progress=lambda done, total: seen.append((done, total)))
    total = piece_count(PACK, PackOptions())
    assert total == 3 + 2 + 3
    assert seen == [(n, total) for n in range(1, total + 1)]


def test_cancel_stops_between_pieces():
    cancel = threading.Event()

    def progress(done, total):
        if done == 2:
            cancel.set()

    with pytest.raises(PackCancelled):
        render_pack(PACK, LETTERHEAD, progress=progress, cancel=cancel)


def test_a_quiet_day_still_makes_a_page():
    pdf = render_pack(PackData(DAY, "Wednesday, November 25, 2026"), LETTERHEAD)
    assert "Nothing is due" in all_text(pdf)


def test_bad_options_are_refused():
    with pytest.raises(ValueError, match="mail pieces"):
        render_pack(PACK, LETTERHEAD, options=PackOptions(mail="pigeon"))
    with pytest.raises(ValueError, match="envelope"):
        render_pack(PACK, LETTERHEAD, options=PackOptions(envelope="b4"))


BUSINESS = {"business_company": "Ødegård Design", "business_line1": "40 Main Street",
            "business_city": "Albany", "business_region": "NY", "business_postcode": "12207"}
HOME = {"home_line1": "8 Orchard Lane", "home_city": "Hudson", "home_region": "NY",
        "home_postcode": "12534"}


def test_the_gift_address_rule_on_the_envelope(db, make_client, make_purchase, today):
    """A gift's note goes to the buyer's business address; without one, the home address
    is used and the jeweler is warned on the contents page and on the prompt."""
    save_letterhead({"store_name": "Marsh & Finch Jewelers", "page_size": "letter"})
    zoe = make_client(first_name="Zoë", last_name="Ødegård", salutation="Ms.",
                      mobile_phone="+15551230001", **HOME, **BUSINESS)
    lucja = make_client(first_name="Łucja", last_name="Nowak", mobile_phone="+15551230002",
                        **HOME)
    bought = today - dt.timedelta(days=3)
    make_purchase(zoe.id, bought, is_gift=True, gift_recipient="Ana", gift_relation="wife")
    make_purchase(lucja.id, bought, is_gift=True, gift_recipient="Piotr")
    pack = pack_data(today)
    pdf = render_pack(pack, load_letterhead())
    pages = [flat(t) for t in page_texts(pdf)]
    envelopes = [t for t, size in zip(pages, page_sizes(pdf), strict=True) if size != LETTER]
    zoe_envelope = next(t for t in envelopes if "Zoë Ødegård" in t)
    assert "Ødegård Design" in zoe_envelope and "40 Main Street" in zoe_envelope
    assert "8 Orchard Lane" not in zoe_envelope
    lucja_envelope = next(t for t in envelopes if "Łucja Nowak" in t)
    assert "8 Orchard Lane" in lucja_envelope
    warning = "Gift to a shared home: the wording names neither the recipient nor the piece"
    assert warning in pages[0]  # the contents page
    lucja_prompt = next(t for t in pages if "Dear Łucja," in t)
    assert warning in lucja_prompt


def test_an_address_too_long_for_a_label_is_named_on_the_contents_and_listed_apart():
    too_long = ("Mr. Bartholomew Cholmondeley", "Unit 5", "Block 12", "Tower 3", "Level 44",
                "88 Queensway", "Admiralty, Hong Kong 999077", "HONG KONG")
    long_one = prompt(address_lines=too_long, address_kind="home")
    pack = PackData(DAY, "Wednesday, November 25, 2026", (prompt(), long_one), ())
    pdf = render_pack(pack, LETTERHEAD, options=PackOptions(mail="labels"))
    texts = [flat(t) for t in page_texts(pdf)]
    assert "Mr. Bartholomew Cholmondeley" in texts[0] and "too long" in texts[0]
    label_page = next(t for t in texts if "Springfield, IL 62701" in t and "Dear" not in t)
    assert "Cholmondeley" not in label_page
    assert "Could not fit on a label" in texts[-1] and "88 Queensway" in texts[-1]

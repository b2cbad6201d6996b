"""Finding 10, printing details, scenario by scenario: a client, her purchase, the day the
note falls due; the agenda, the pack as printed (read back with pypdf) and its warnings."""

from __future__ import annotations

import datetime as dt

from boutique.printing.fallback_fonts import system_fallbacks
from boutique.printing.glyph_warnings import with_glyph_warnings
from boutique.printing.pack import PackOptions, render_pack
from boutique.services.agenda import agenda_for
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.stationery.print_data import pack_from_items
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text, page_texts, reader, runs

D = dt.date
BOUGHT = D(2026, 11, 18)
HOME = dict(home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
            home_postcode="12534")


def buy(client, when, *pieces):
    return record_purchase(client.id, PurchaseData(
        purchase_date=when,
        items=[ItemData(description=name, price_cents=cents) for name, cents in pieces]))


def notes_due(client, day):
    items = [i for i in agenda_for(day) if i.client_id == client.id and i.channel == "mail"]
    assert items, "the thank-you note should be due"
    return pack_from_items(day, items)


def test_a_chinese_name_prints_on_the_prompt_and_the_label(make_client):
    lee = make_client(first_name="小龍", last_name="李", **HOME)
    buy(lee, BOUGHT, ("Jade bangle", 98000))
    day = BOUGHT + dt.timedelta(days=3)
    pack = notes_due(lee, day)
    pdf = render_pack(pack, LETTERHEAD, options=PackOptions(mail="labels"))
    texts = [flat(t) for t in page_texts(pdf)]
    label_page = len(texts) - 1
    assert "李" in texts[0] and "小龍" in texts[label_page]  # contents and label
    cjk = system_fallbacks().cjk or "STSong-Light"
    assert any(r.font == cjk and "李" in r.text for r in runs(pdf, label_page))
    assert not any("no font here can print" in w for n in pack.notes for w in n.warnings)
    assert not any("no font here can print" in t for t in texts)


def test_a_character_no_font_has_is_warned_on_the_prompt_naming_her(make_client):
    odd = make_client(first_name="Ana", last_name="Alvarez\U0010fffd", **HOME)
    buy(odd, BOUGHT, ("Pearl studs", 42000))
    day = BOUGHT + dt.timedelta(days=3)
    pack = with_glyph_warnings(notes_due(odd, day))
    [warning] = [w for w in pack.notes[0].warnings if "U+10FFFD" in w]
    assert warning.startswith("Ana Alvarez")
    text = flat(all_text(render_pack(pack, LETTERHEAD, options=PackOptions(mail="none"))))
    assert "no font here can print" in text


def test_a_long_business_address_keeps_street_and_city_on_the_label(make_client):
    gift_buyer = make_client(
        first_name="Alexandra", last_name="Featherstonehaugh-Whitfield",
        business_company="Featherstonehaugh, Whitfield & Partners International Architecture "
                         "Group of North America",
        business_line1="Building 4, 100 Main Street", business_line2="Suite 300, Floor 12",
        business_city="Toronto", business_region="ON", business_postcode="M5V 2T6",
        business_country="Canada", **HOME)
    record_purchase(gift_buyer.id, PurchaseData(
        purchase_date=BOUGHT, is_gift=True, gift_recipient="Mia",
        items=[ItemData(description="Ruby pendant", price_cents=180000)]))
    day = BOUGHT + dt.timedelta(days=3)
    pack = notes_due(gift_buyer, day)
    assert pack.notes[0].address_kind == "business"  # the gift rule: not the home
    pdf = render_pack(pack, LETTERHEAD, options=PackOptions(mail="labels"))
    last = len(reader(pdf).pages) - 1
    drawn = runs(pdf, last)
    texts = [r.text for r in drawn]
    for line in ("Building 4, 100 Main Street", "Suite 300, Floor 12", "Toronto, ON M5V 2T6",
                 "CANADA"):
        assert line in texts
    assert min(r.size for r in drawn) >= 8
    assert not any("Orchard" in t for t in texts)

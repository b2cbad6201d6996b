"""Every kind of printed piece, each with text that pushes it: long notes, long names, a
top client, an address too long for a label; for the tests that go over all of them."""

from __future__ import annotations

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.cards import CARD_LAYOUTS, card_pdf
from boutique.printing.care_cards import MATERIALS, SIZES, care_cards_pdf
from boutique.printing.envelopes import envelope_pdf
from boutique.printing.labels import labels_pdf
from boutique.printing.pack import PackOptions, render_pack
from boutique.printing.prompts import note_prompts_pdf
from boutique.printing.sheets import ENVELOPES
from boutique.services.stationery.print_data import PackData
from tests.printing.documents import (
    A4_LETTERHEAD,
    DAY,
    LETTERHEAD,
    LONG_NOTE,
    person,
    prompt,
    script,
)

CJK = person("李小龍 Bruce", is_top=True)
ARABIC = person("ليلى (حداد)")
PROMPTS = [prompt(recall=LONG_NOTE), prompt(person=person("Alexandra Featherstonehaugh",
                                                          is_top=True)), prompt(),
           prompt(person=CJK, address_lines=("李小龍", "香港九龍彌敦道 123 號", "Kowloon")),
           prompt(person=ARABIC, recall="تحب (الذهب) كثيرا")]
SCRIPTS = [script(recall=LONG_NOTE, pinned=(LONG_NOTE[:300],) * 6), script(),
           script(kind="service_call", pinned=()), script(person=CJK), script(person=ARABIC)]
ADDRESS = ["Mrs. Ana Alvarez", "Hudson Valley Architects of the Long Name Kind",
           "100 Main Street", "Springfield, IL 62701"]
TOO_LONG = ["Mr. B", "Unit 5", "Block 12", "Tower 3", "Level 44", "88 Queensway",
            "Admiralty", "HONG KONG"]


def _kinds():
    for store in (LETTERHEAD, A4_LETTERHEAD):
        paper = store.page_size
        for layout in ("2up", "3up", "card"):
            yield f"prompts-{layout}-{paper}", lambda s=store, la=layout: note_prompts_pdf(
                PROMPTS, s, layout=la)
        for layout in ("half", "full"):
            yield f"scripts-{layout}-{paper}", lambda s=store, la=layout: call_scripts_pdf(
                SCRIPTS, s, layout=la)
        for mail in ("envelopes", "labels"):
            pack = PackData(DAY, "Wednesday", notes=tuple(PROMPTS * 8), calls=tuple(SCRIPTS),
                            not_printed=(("Bea Brook", "email only"),))
            yield f"pack-{mail}-{paper}", lambda s=store, p=pack, m=mail: render_pack(
                p, s, options=PackOptions(mail=m))
        for layout in CARD_LAYOUTS:
            yield f"card-{layout}-{paper}", lambda s=store, la=layout: card_pdf(
                s, la, guides=True)
        for size in SIZES:
            yield f"care-{size}-{paper}", lambda s=store, z=size: care_cards_pdf(
                list(MATERIALS), s, z)
    for key in ENVELOPES:
        yield f"envelope-{key}", lambda k=key: envelope_pdf(LETTERHEAD, ADDRESS, k)
    for sheet in ("avery5160", "l7160"):
        yield f"labels-{sheet}", lambda sh=sheet: labels_pdf([ADDRESS] * 31 + [TOO_LONG], sh)


KINDS = dict(_kinds())

"""Scripts the shipped fonts lack: CJK through a system face or the CID faces, emoji
through a system face or a warning, each character in a face that has it."""

from __future__ import annotations

import pytest

from boutique.printing.fallback_fonts import (
    CID_CHINESE,
    CID_JAPANESE,
    CID_KOREAN,
    CJK_FACE,
    cjk_candidates,
    covers,
    fallbacks_from,
    system_fallbacks,
)
from boutique.printing.fonts import DISPLAY, SANS
from boutique.printing.glyph_warnings import glyph_warning, with_glyph_warnings
from boutique.printing.labels import labels_pdf
from boutique.printing.pack import render_pack
from boutique.printing.prompts import note_prompts_pdf
from boutique.printing.runs import font_runs, missing_characters, using_fallbacks
from boutique.services.stationery.print_data import PackData
from tests.printing.documents import DAY, LETTERHEAD, flat, person, prompt, script
from tests.printing.stationery_pdf import all_text, reader, registered_name, runs

CJK_NAME = "李小龍"
NO_FONT = "\U0010fffd"  # a private-use character no font is expected to draw
CID_ONLY = fallbacks_from()  # no system font at all: the built-in CID faces alone


@pytest.fixture(params=["system", "cid"])
def chain(request):
    """Each test runs with this system's fallbacks and with the CID faces alone."""
    chosen = system_fallbacks() if request.param == "system" else CID_ONLY
    with using_fallbacks(chosen):
        yield chosen


def _cjk_face(chosen) -> str:
    return chosen.cjk or CID_CHINESE


def test_a_cjk_label_extracts_back_in_the_cjk_face(chain):
    pdf = labels_pdf([[CJK_NAME, "12 Main Street", "Springfield, IL 62701"]], "avery5160")
    assert CJK_NAME in all_text(pdf)
    drawn = [r for r in runs(pdf) if CJK_NAME in r.text]
    assert drawn and all(r.font == _cjk_face(chain) for r in drawn)
    assert not glyph_warning([CJK_NAME], "Bruce Lee")


def test_mixed_text_is_set_run_by_run(chain):
    pieces = font_runs(f"Mr. {CJK_NAME} Lee", DISPLAY)
    assert pieces[0] == ("Mr. ", DISPLAY)
    assert "".join(p for p, _ in pieces) == f"Mr. {CJK_NAME} Lee"
    assert [f for p, f in pieces if CJK_NAME in p] == [_cjk_face(chain)]
    assert pieces[-1][1] == DISPLAY and pieces[-1][0].strip() == "Lee"


def test_the_name_on_a_prompt_prints_with_the_latin_around_it(chain):
    name = f"{CJK_NAME} Bruce"
    pdf = note_prompts_pdf([prompt(person=person(name))], LETTERHEAD)
    text = flat(all_text(pdf))
    assert CJK_NAME in text and "Bruce" in text
    assert any(r.font == _cjk_face(chain) and CJK_NAME in r.text for r in runs(pdf))


@pytest.mark.parametrize("text,face", [("山田 はなこ", CID_JAPANESE), ("김민수", CID_KOREAN),
                                       (CJK_NAME, CID_CHINESE)])
def test_the_cid_face_follows_the_script(text, face):
    with using_fallbacks(CID_ONLY):
        assert {f for p, f in font_runs(text, SANS) if p.strip()} == {face}


def test_the_system_search_looks_where_each_system_keeps_its_fonts():
    import sys
    names = " ".join(str(p) for p in cjk_candidates())
    expected = {"win32": "msyh", "darwin": "PingFang"}.get(sys.platform, "wqy")
    assert expected in names


def test_a_system_cjk_face_is_used_where_one_loads():
    found = system_fallbacks()
    if not found.cjk:
        pytest.skip("no CJK TrueType font on this machine: the CID faces serve")
    assert found.cjk.startswith(CJK_FACE) and covers(found.cjk, "龍")


def test_emoji_without_an_emoji_face_is_warned():
    with using_fallbacks(CID_ONLY):
        assert missing_characters("Ana 💍") == "💍"
        warning = glyph_warning(["Ana 💍 Alvarez"], "Ana Alvarez")
    assert "Ana Alvarez" in warning and "U+1F48D" in warning


def test_a_character_no_font_has_warns_naming_the_client(chain):
    assert missing_characters(f"{CJK_NAME} Ελένη ليلى") == ""
    note = prompt(person=person(f"Ana{NO_FONT} Alvarez"))
    call = script(person=person("Bea Brook"), recall=f"Loves {NO_FONT}")
    pack = with_glyph_warnings(PackData(DAY, "Wednesday", notes=(note,), calls=(call,)))
    assert any("Ana" in w and "U+10FFFD" in w for w in pack.notes[0].warnings)
    assert any(w.startswith("Bea Brook:") and "U+10FFFD" in w for w in pack.calls[0].warnings)
    again = with_glyph_warnings(pack)
    assert again.notes[0].warnings == pack.notes[0].warnings  # warned once
    # ...and the warning is printed on the piece itself
    text = flat(all_text(render_pack(pack, LETTERHEAD)))
    assert "Bea Brook: no font here can print" in text


def test_shipped_scripts_need_no_fallback():
    for text in ("Zoë Ødegård", "Ελένη", "Светлана", "דוד כהן"):
        assert len(font_runs(text, SANS)) == 1


def test_emoji_print_in_a_system_emoji_face_where_one_loads():
    found = system_fallbacks()
    if not found.emoji:
        pytest.skip("no outline emoji font on this machine: emoji are warned of instead")
    with using_fallbacks(found):
        assert missing_characters("Ana 💍") == ""
        pdf = labels_pdf([["Ana 💍 Alvarez", "12 Main Street", "Springfield, IL 62701"]])
    fonts = reader(pdf).pages[0]["/Resources"]["/Font"].values()
    assert found.emoji in {registered_name(str(f.get_object()["/BaseFont"])) for f in fonts}

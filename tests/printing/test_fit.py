"""fit.py: user text shrinks, wraps, then ellipsises inside its box, and prints as typed."""

from __future__ import annotations

import io
import random

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from boutique.printing.fit import (
    ELLIPSIS,
    cap_height,
    escape_text,
    fit_lines,
    fit_text,
    font_for,
    text_width,
    visual_order,
    wrap,
)
from boutique.printing.fonts import DISPLAY, SANS, SERIF, register_fonts
from tests.printing.stationery_pdf import all_text


def _inside(fitted, width, height):
    widths = [text_width(line, fitted.font_name, fitted.font_size, fitted.tracking)
              for line in fitted.lines]
    drawn = fitted.font_size * (1 + fitted.leading / fitted.font_size * (len(fitted.lines) - 1))
    return all(w <= width + 1e-6 for w in widths) and drawn <= height + 1e-6


def test_escape_text_keeps_markup_characters_literal():
    assert escape_text("<b>&") == "&lt;b&gt;&amp;"
    assert escape_text("one\ntwo\r\nthree") == "one<br/>two<br/>three"
    assert escape_text("bell\x07 and nul\x00") == "bell and nul"
    assert escape_text(None) == ""


def test_escaped_text_prints_as_typed_in_a_paragraph():
    register_fonts()
    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName=SANS, fontSize=11)
    doc = SimpleDocTemplate(buffer)
    doc.build([Paragraph(escape_text("A note: <b>& 5 < 6 </para> Zoë"), style)])
    text = all_text(buffer.getvalue())
    assert "<b>& 5 < 6 </para> Zoë" in text


def test_a_line_that_fits_keeps_its_size():
    fitted = fit_text("Ana Alvarez", DISPLAY, 12, 200, 20)
    assert fitted.lines == ("Ana Alvarez",)
    assert fitted.font_size == 12
    assert not (fitted.shrunk or fitted.wrapped or fitted.truncated)


def test_a_slightly_long_line_shrinks_before_it_wraps():
    text = "Mrs. Alexandra Featherstonehaugh"
    width = text_width(text, DISPLAY, 12) * 0.9
    fitted = fit_text(text, DISPLAY, 12, width, 20, min_size=8)
    assert fitted.lines == (text,)
    assert 8 <= fitted.font_size < 12
    assert fitted.shrunk and not fitted.wrapped
    assert _inside(fitted, width, 20)


def test_a_long_line_wraps_below_the_floor_and_keeps_every_word():
    text = "Ødegård & Łucja Design Studio for Fine Jewelry and Silverware"
    fitted = fit_text(text, DISPLAY, 12, 150, 60, min_size=9)
    assert fitted.wrapped and not fitted.truncated
    assert " ".join(fitted.lines) == text
    assert fitted.font_size >= 9
    assert _inside(fitted, 150, 60)


def test_last_resort_ellipsis_keeps_the_lines_after_the_long_one():
    company = "The Extraordinarily Long Company Name " * 6
    lines = ["Ms. Zoë Ødegård", company, "12 Main Street", "Springfield, IL 62701"]
    fitted = fit_lines(lines, DISPLAY, 11, 160, 70, min_size=8)
    assert fitted.truncated and fitted.font_size == 8
    assert fitted.lines[0] == "Ms. Zoë Ødegård"
    assert fitted.lines[-2:] == ("12 Main Street", "Springfield, IL 62701")
    assert any(line.endswith(ELLIPSIS) for line in fitted.lines)
    assert _inside(fitted, 160, 70)


def test_too_many_lines_for_the_box_keeps_the_first_and_marks_the_cut():
    fitted = fit_lines([f"line {n}" for n in range(12)], SANS, 10, 200, 30, min_size=8)
    assert fitted.truncated
    assert fitted.lines[0] == "line 0"
    assert fitted.lines[-1].endswith(ELLIPSIS)
    assert _inside(fitted, 200, 30)


def test_a_word_longer_than_the_box_is_split():
    pieces = wrap("X" * 80, SANS, 10, 100)
    assert len(pieces) > 1 and "".join(pieces) == "X" * 80
    assert all(text_width(p, SANS, 10) <= 100 for p in pieces)


def test_tracking_counts_in_the_width():
    plain = text_width("MARSH", DISPLAY, 10)
    assert text_width("MARSH", DISPLAY, 10, tracking=0.2) == pytest.approx(plain + 4 * 2.0)


@pytest.mark.parametrize("seed", range(5))
def test_random_text_never_leaves_its_box(seed):
    rng = random.Random(seed)
    alphabet = "abcdefghij klmnop ÆØÅ Ελένη Светлана Łucja <&> 0123456789 "
    for _ in range(40):
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120)))
                 for _ in range(rng.randint(1, 6))]
        width, height = rng.uniform(60, 300), rng.uniform(20, 120)
        fitted = fit_lines(lines, DISPLAY, 12, width, height, min_size=7,
                           tracking=rng.choice((0, 0.1)))
        assert _inside(fitted, width, height), (lines, width, height, fitted)


def test_greek_and_cyrillic_keep_the_display_face():
    assert font_for(DISPLAY, ["Ελένη", "Светлана", "Zoë Ødegård", "Łucja"]) == DISPLAY


def test_scripts_the_serif_lacks_fall_back_to_the_sans():
    assert font_for(DISPLAY, ["דוד כהן"]) == SANS
    assert font_for(SERIF, ["مرحبا"]) == SANS
    # no shipped face has Han: the block keeps its face, the Han goes to a CJK face per run
    assert font_for(DISPLAY, ["Mr. 漢字"]) == DISPLAY


def test_right_to_left_lines_are_set_in_reading_order():
    assert visual_order("שלום") == "םולש"
    assert visual_order("Ana") == "Ana"
    fitted = fit_lines(["דוד כהן", "רחוב הרצל 10"], DISPLAY, 11, 200, 40)
    assert fitted.rtl and fitted.font_name == SANS
    arabic = fit_text("مرحبا", DISPLAY, 11, 200, 20)
    # joined presentation forms, not the isolated letters typed
    assert all("\ufe70" <= ch <= "\ufeff" for ch in arabic.lines[0])


def test_cap_height_is_read_from_the_font():
    assert 0.6 < cap_height(DISPLAY) < 0.7
    assert 0.7 < cap_height(SANS) < 0.8


def test_a_5000_character_note_is_cut_inside_its_box():
    text = ("Off to Italy in May; anniversary ring <b>&</b> sizes " * 100)[:5000]
    fitted = fit_text(text, DISPLAY, 12, 250, 120, min_size=8)
    assert fitted.truncated and fitted.lines[-1].endswith(ELLIPSIS)
    assert fitted.lines[0].startswith("Off to Italy in May")
    assert _inside(fitted, 250, 120)

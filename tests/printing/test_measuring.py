"""Measuring as ReportLab measures: a run's width from the face's table is ReportLab's to
the last bit, and a line wrapped by adding its words' widths breaks where measuring every
candidate would break it."""

from __future__ import annotations

import random
import unicodedata

import pytest
from reportlab.pdfbase import pdfmetrics

from boutique.printing.fallback_fonts import CID_CHINESE, covers
from boutique.printing.fit import text_width, wrap
from boutique.printing.fonts import DISPLAY, SANS, SANS_BOLD, SERIF_ITALIC, register_fonts
from boutique.printing.runs import fallbacks, missing_characters, string_width

WORDS = ("Ana", "Alvarez", "pearl", "strand", "<b>&", "Ζωή", "Дарья", "שרה", "مريم",
         "李小龍", "😀", "e\u0301", "WWWWWWWWWWWWWWWWWWWWWWWW", "", "18k", "—", "ǅ", "\u2605")


def _line(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _measured_wrap(text, font, size, width, tracking=0.0):
    """Every candidate measured afresh: how lines were broken before widths were added."""
    out, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, font, size, tracking) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        while text_width(word, font, size, tracking) > width and len(word) > 1:
            cut = max(n for n in range(1, len(word) + 1)
                      if n == 1 or text_width(word[:n], font, size, tracking) <= width)
            out.append(word[:cut])
            word = word[cut:]
        current = word
    if current or not out:
        out.append(current)
    return out


@pytest.mark.parametrize("face", [SANS, SANS_BOLD, SERIF_ITALIC, DISPLAY, CID_CHINESE])
def test_a_run_measures_as_reportlab_measures_it(face):
    register_fonts()
    fallbacks()  # the CID faces registered
    rng = random.Random(7)
    for _ in range(300):
        text = _line(rng, rng.randint(0, 12))
        size = rng.choice((5.5, 7.25, 9, 11, 26))
        assert string_width(text, face, size) == pdfmetrics.stringWidth(text, face, size)


@pytest.mark.parametrize("font", [SANS, DISPLAY, SERIF_ITALIC])
@pytest.mark.parametrize("tracking", [0.0, 0.14])
def test_a_line_breaks_where_measuring_every_candidate_breaks_it(font, tracking):
    rng = random.Random(11)
    for _ in range(200):
        text = _line(rng, rng.randint(1, 40))
        size = rng.choice((6.5, 8, 9.75, 12))
        width = rng.choice((30, 90, 144.5, 260))
        assert wrap(text, font, size, width, tracking) == _measured_wrap(
            text, font, size, width, tracking)


def test_a_wrapped_line_handed_out_is_the_callers_own():
    lines = wrap("pearl strand " * 20, SANS, 9, 100)
    lines.append("changed by the caller")
    assert "changed by the caller" not in wrap("pearl strand " * 20, SANS, 9, 100)


def _missing_one_by_one(text: str) -> str:
    """Each character asked of each face in turn, as the warnings were found before."""
    chain = [SANS]
    chosen = fallbacks()
    out = [ch for ch in dict.fromkeys(text)
           if not (ch.isspace() or unicodedata.category(ch) in ("Mn", "Me", "Cf"))
           and not any(covers(face, ch) for face in chain)
           and not any(covers(face, ch) for face in chosen.faces_for(ch, text))]
    return "".join(out)


def test_characters_no_face_has_are_found_as_one_by_one():
    register_fonts()
    rng = random.Random(5)
    rare = ("\U00013000", "\U0001d11e", "\u0f00", "\u1780", "\x07", "\ufffe", "\u0378")
    found = set()
    for _ in range(300):
        text = " ".join(rng.choice(WORDS + rare) for _ in range(rng.randint(0, 8)))
        assert missing_characters(text) == _missing_one_by_one(text)
        found.update(missing_characters(text))
    assert found  # some of the rare characters are missing here, so the check checked

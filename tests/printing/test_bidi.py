"""Right-to-left text with brackets: the brackets mirror inside a right-to-left run, so
"ليلى (حداد)" shows its parenthesis opening towards the word, read from the right."""

from __future__ import annotations

import pytest

from boutique.printing.fit import shape, visual_order
from boutique.printing.labels import labels_pdf
from boutique.printing.prompts import note_prompts_pdf
from tests.printing.documents import LETTERHEAD, person, prompt
from tests.printing.stationery_pdf import drawn_strings


def _enclosed(drawn: str, word: str) -> bool:
    """Whether, left to right as drawn, `word` (shaped, reversed: drawn right to left) sits
    between "(" on its left and ")" on its right: how a reader sees it enclosed."""
    seen = shape(word)[::-1]
    at = drawn.find(seen)
    return at > 0 and drawn[at - 1] == "(" and drawn[at + len(seen)] == ")"


@pytest.mark.parametrize("text,word", [
    ("ليلى (حداد)", "حداد"),
    ("خاتم [ذهب] عيار", "ذهب"),
    ("שלום (עולם)", "עולם"),
])
def test_brackets_mirror_in_a_right_to_left_line(text, word):
    drawn = visual_order(shape(text))
    bracketed = drawn.replace("[", "(").replace("]", ")")
    assert _enclosed(bracketed, word), drawn


def test_a_right_to_left_word_in_a_latin_line_keeps_latin_brackets():
    drawn = visual_order(shape("Ring (خاتم) size 6"))
    assert drawn.startswith("Ring (") and drawn.endswith(") size 6")
    assert _enclosed(drawn, "خاتم")


def test_the_printed_label_shows_the_brackets_the_right_way():
    pdf = labels_pdf([["ليلى (حداد)", "شارع الملك ١٠", "عمّان"]], "avery5160")
    drawn = [t for t in drawn_strings(pdf) if "(" in t or ")" in t]
    assert len(drawn) == 1 and _enclosed(drawn[0], "حداد"), drawn


def test_the_printed_prompt_shows_the_brackets_the_right_way():
    pdf = note_prompts_pdf([prompt(person=person("ليلى (حداد)"),
                                   recall="تحب (الذهب) كثيرا")], LETTERHEAD)
    texts = drawn_strings(pdf)
    assert any(_enclosed(t, "حداد") for t in texts), texts
    # the recall is set in the italic book face: its Arabic still prints (upright sans)
    recall = [t for t in texts if _enclosed(t, "الذهب")]
    assert recall and "\x00" not in recall[0], texts

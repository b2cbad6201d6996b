"""Wordings typed by the jeweler are filled in without ever raising."""

from __future__ import annotations

import pytest

from boutique.printing.templates import (
    PLACEHOLDERS,
    TEMPLATES,
    Wording,
    check,
    default_templates,
    render,
    render_lines,
)

VALUES = {name: "" for name in PLACEHOLDERS} | {
    "salutation": "Dear Mrs. Alvarez,", "first_name": "Ana", "item": "diamond stud earrings",
    "recipient": "Carlos", "store": "Marsh & Finch", "recall": "Off to Italy in May"}


def test_known_placeholders_are_filled_in():
    rendered = render("{salutation} Thank you for the {item}.", VALUES)
    assert rendered.text == "Dear Mrs. Alvarez, Thank you for the diamond stud earrings."
    assert rendered.problems == ()


def test_unknown_placeholder_is_shown_and_reported_never_raised():
    rendered = render("Hello {first_name}, {foo} and {bar}", VALUES)
    assert rendered.text == "Hello Ana, [unknown: {foo}] and [unknown: {bar}]"
    assert rendered.problems == ("unknown placeholder {foo}", "unknown placeholder {bar}")


@pytest.mark.parametrize("template", [
    "{", "}", "{{", "{first_name", "first_name}", "{0}", "{}", "{item.__class__}",
    "{item[0]}", "{item!r}", "{item:>40}", "{item:{foo}}", "{ {", "}{", "{\n}", "%s {!}",
])
def test_malformed_templates_never_raise(template):
    rendered = render(template, VALUES)
    assert isinstance(rendered.text, str)


def test_attribute_access_is_refused():
    rendered = render("{item.__class__.__mro__}", VALUES)
    assert "class" not in rendered.text.replace("[unknown: {item.__class__.__mro__}]", "")
    assert rendered.problems


def test_lone_braces_print_as_typed_with_a_problem():
    rendered = render("Save {{20%}} now } or {", VALUES)
    assert rendered.text == "Save {20%} now } or {"
    assert len(rendered.problems) == 2


def test_gift_and_self_lines():
    template = "Thank you.\n[gift] {recipient} will love it.\n[self] It suits you."
    assert render_lines(template, VALUES, is_gift=True).text == "Thank you.\nCarlos will love it."
    assert render_lines(template, VALUES, is_gift=False).text == "Thank you.\nIt suits you."


def test_a_line_with_nothing_to_say_is_left_out():
    values = VALUES | {"recall": "", "partner": ""}
    template = "# a remark\nFirst.\n[recall] We enjoyed our chat.\nSay hello to {partner}."
    assert render_lines(template, values, is_gift=False).text == "First."


def test_unknown_condition_is_shown_not_dropped():
    rendered = render_lines("[wedding] Happy birthday!", VALUES, is_gift=False)
    assert rendered.text == "[unknown: [wedding]] Happy birthday!"
    assert rendered.problems == ("unknown condition [wedding]",)


def test_check_reads_both_gift_and_self_lines():
    assert check("[gift] {recipient}\n[self] {nope}") == ("unknown placeholder {nope}",)


def test_every_shipped_wording_exists_and_is_clean():
    defaults = default_templates()
    assert set(defaults) == set(TEMPLATES)
    for name, text in defaults.items():
        assert text.strip(), f"{name} has no shipped wording"
        assert check(text) == (), f"{name}: {check(text)}"


def test_store_changes_override_defaults_and_unknown_kinds_fall_back():
    wording = Wording.from_overrides({"closing": "With warm regards,"})
    assert wording.text("closing") == "With warm regards,"
    assert wording.text("salutation") == default_templates()["salutation"]
    assert wording.text("note.some_future_kind") == default_templates()["note.custom"]

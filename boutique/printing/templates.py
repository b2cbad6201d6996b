"""Editable wordings for note prompts and call scripts, filled in safely.

A wording is plain text with placeholders such as {salutation} or {item}. Filling it in
never raises: an unknown placeholder ({foo}, {0}, {item.__class__}) prints visibly as
"[unknown: {foo}]" and is reported as a problem, a lone brace prints as typed.

Line rules (so one wording serves every client):
- a line starting with "[gift]" is used only for a gift, "[self]" only when it is not,
  "[recall]" (any placeholder's name) only when that placeholder has something to say,
  "[no_recall]" (no_ and a placeholder's name) only when it has nothing to say: the
  graceful sentence in its place;
- a line whose placeholder has nothing to say (no recall note, no partner) is left out,
  rather than printed with a hole in it;
- lines starting with "#" are remarks for whoever edits the wording, never printed.

The shipped wordings are resources/templates/<name>.txt; the store keeps only the ones
the jeweler changed (services/stationery/letterhead.py).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from boutique.paths import RESOURCES

TEMPLATE_DIR = RESOURCES / "templates"
KINDS = ("thank_you_note", "satisfaction_call", "service_call", "key_date", "after_return",
         "re_introduction", "welcome_back", "custom")

# name -> what it fills in; the Settings page lists these beside the editor.
PLACEHOLDERS: dict[str, str] = {
    "salutation": "the greeting line, e.g. “Dear Mrs. Alvarez,”",
    "title_name": "title and last name, e.g. “Mrs. Alvarez”",
    "first_name": "first name",
    "last_name": "last name",
    "preferred_name": "the name they go by (else the first name)",
    "partner": "partner’s name",
    "item": "what was bought, e.g. “diamond stud earrings”",
    "purchase_date": "when it was bought",
    "recipient": "who the gift was for",
    "relation": "the recipient’s relation, e.g. “wife”",
    "occasion": "the gift’s occasion",
    "recall": "the line to recall from the notes",
    "recall_phrase": "the recall as a phrase, e.g. “the trip to Italy” (empty when the note "
                     "reads as a sentence)",
    "it": "“it”, or “them” for earrings, cufflinks and several pieces",
    "was": "“was”, or “were” for earrings, cufflinks and several pieces",
    "reason": "why the follow-up is due",
    "due": "the day it is due",
    "store": "the store’s name",
    "jeweler": "who speaks: the client’s associate, else the jeweler",
    "associate": "the client’s associate (else the jeweler): “this is {associate}”",
    "direct_line": "the associate’s direct line, else the store’s phone",
    "signature": "the signature line",
    "phone": "the store’s phone",
    "website": "the store’s website",
    "birthday": "set on the client’s own birthday (for “[birthday]” lines)",
    "anniversary": "set on an anniversary reminder (for “[anniversary]” lines)",
    "season": "the season the day falls in, e.g. “holiday” (Settings lists them)",
    "discreet": "set when a gift’s note goes to a shared home (for “[discreet]” lines)",
    "coming": "whose date a reminder is for, e.g. “Mia’s birthday” or “Christmas”",
    "occasion_day": "the day of that date, e.g. “Thursday 12 March”",
    "wish_list": "the wish list of the person whose date it is",
    "last_gift": "what the client chose last year, e.g. “the ruby pendant for Mia”",
    "returned": "after a return: the piece that came back",
    "credit": "after a return: the store credit issued, e.g. “$450.00”",
    "code": "after a return: the thank-you code the policy offers",
    "fault": "after a return: set when the piece let them down (for “[fault]” lines)",
}
# The after-return placeholders, empty for every other piece.
AFTER_RETURN_PLACEHOLDERS = ("returned", "credit", "code", "fault")

KIND_NAMES = {"thank_you_note": "Thank-you note", "satisfaction_call": "Satisfaction call",
              "service_call": "Service call", "key_date": "Key date",
              "after_return": "After a return", "re_introduction": "Re-introduction",
              "welcome_back": "Welcome back", "custom": "Any other"}
# name -> (group, title) in the order the Settings page shows them.
TEMPLATES: dict[str, tuple[str, str]] = {
    "salutation": ("Letter", "Salutation"),
    "closing": ("Letter", "Closing"),
    **{f"note.{kind}": ("Note prompt", KIND_NAMES[kind]) for kind in KINDS},
    **{f"script.{kind}": ("Call script", KIND_NAMES[kind]) for kind in KINDS},
}

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_FIELD = re.compile(r"([^!:]*)(?:!([^:]*))?(?::(.*))?", re.DOTALL)
_CONDITION = re.compile(r"^\s*\[(\w+)\]\s*")


@dataclass(frozen=True)
class Rendered:
    text: str
    problems: tuple[str, ...] = ()


class _Unknown:
    def __init__(self, name: str):
        self.name = name


class SafeFormatter(string.Formatter):
    """str.format for text typed by users: tolerant parsing, plain names only, no raising."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def _problem(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    def parse(self, format_string):  # noqa: D401 - string.Formatter API
        literal = ""
        position = 0
        for match in _TOKEN.finditer(format_string):
            literal += format_string[position:match.start()]
            position = match.end()
            token = match.group(0)
            if token in ("{{", "}}"):
                literal += token[0]
            elif match.group(1) is None:  # a lone brace: print it as typed
                self._problem(f"a lone “{token}” (write “{token}{token}” for a brace)")
                literal += token
            else:
                name, conversion, spec = _FIELD.fullmatch(match.group(1)).groups()
                yield literal, name, spec or "", conversion
                literal = ""
        literal += format_string[position:]
        if literal:
            yield literal, None, None, None

    def get_field(self, field_name, args, kwargs):
        # Plain names only: "{item.__class__}" or "{0}" must not reach into objects.
        name = field_name.strip()
        if name in kwargs:
            return kwargs[name], name
        self._problem(f"unknown placeholder {{{field_name}}}")
        return _Unknown(field_name), field_name

    def convert_field(self, value, conversion):
        if conversion is not None:
            self._problem(f"“!{conversion}” is not used in wordings")
        return value

    def format_field(self, value, format_spec):
        if isinstance(value, _Unknown):
            return f"[unknown: {{{value.name}}}]"
        text = "" if value is None else str(value)
        if format_spec:
            self._problem(f"“:{format_spec}” after a placeholder is not used in wordings")
        return text

    def check_unused_args(self, used_args, args, kwargs):
        return None


def render(template: str, values: Mapping[str, object]) -> Rendered:
    """Fill in `template`; never raises, whatever the user typed."""
    formatter = SafeFormatter()
    try:
        text = formatter.vformat(template or "", (), dict(values))
    except Exception as exc:  # a last guard: print the wording as typed, say why
        return Rendered(template or "", (*formatter.problems, f"could not fill in: {exc}"))
    return Rendered(text, tuple(formatter.problems))


def placeholders_in(template: str) -> list[str]:
    return [m.group(1).strip() for m in _TOKEN.finditer(template or "") if m.group(1) is not None]


def check(template: str) -> tuple[str, ...]:
    """Problems in a wording, found by filling it with every known placeholder and with
    none, for a gift and for a purchase that is not one (so every line is read)."""
    sample = {name: name for name in PLACEHOLDERS}
    empty = dict.fromkeys(PLACEHOLDERS, "")  # so "[no_recall]" lines are read too
    found = [problem for values in (sample, empty) for gift in (True, False)
             for problem in render_lines(template, values, gift).problems]
    return tuple(dict.fromkeys(found))


def _applies(word: str, values: Mapping[str, object], is_gift: bool) -> bool | None:
    """Whether a "[word]" line is used; None when the word is not a known condition."""
    word = word.lower()
    if word in ("gift", "self"):
        return (word == "gift") == is_gift
    if word in values:
        return bool(str(values[word] or "").strip())
    if word.startswith("no_") and word[3:] in values:
        return not str(values[word[3:]] or "").strip()
    return None


def render_lines(template: str, values: Mapping[str, object], is_gift: bool) -> Rendered:
    """The wording's lines that apply to this client (see the line rules above)."""
    lines: list[str] = []
    problems: list[str] = []
    for raw in (template or "").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        condition = _CONDITION.match(raw)
        if condition:
            applies = _applies(condition.group(1), values, is_gift)
            if applies is False:
                continue
            if applies is None:  # shown, like an unknown placeholder, never dropped silently
                problems.append(f"unknown condition [{condition.group(1)}]")
                raw = f"[unknown: [{condition.group(1)}]] " + raw[condition.end():]
            else:
                raw = raw[condition.end():]
        used = placeholders_in(raw)
        if any(name in values and not str(values[name] or "").strip() for name in used):
            continue
        rendered = render(raw, values)
        problems += [p for p in rendered.problems if p not in problems]
        if rendered.text.strip():
            lines.append(rendered.text.strip())
    return Rendered("\n".join(lines), tuple(dict.fromkeys(problems)))


@cache
def default_templates() -> dict[str, str]:
    """The shipped wordings, by name (a missing file is an empty wording)."""
    out = {}
    for name in TEMPLATES:
        path = TEMPLATE_DIR / f"{name}.txt"
        out[name] = path.read_text(encoding="utf-8").strip() if path.is_file() else ""
    return out


@dataclass(frozen=True)
class Wording:
    """The wordings in force: the shipped defaults with the store's changes on top."""

    overrides: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, str] | None = None) -> Wording:
        return cls(tuple(sorted((overrides or {}).items())))

    def text(self, name: str) -> str:
        changed = dict(self.overrides)
        if name in changed:
            return changed[name]
        defaults = default_templates()
        if name in defaults:
            return defaults[name]
        group = name.split(".")[0]
        return defaults.get(f"{group}.custom", "")

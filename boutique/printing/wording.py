"""The wordings filled in for one client: placeholder values, suggested lines, script steps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from boutique.printing.fit import clean_line
from boutique.printing.templates import Rendered, Wording, render, render_lines
from boutique.services.stationery.letterhead import Letterhead
from boutique.services.stationery.print_data import (
    CallScript,
    NotePrompt,
    PersonFacts,
    PurchaseFacts,
)

RECALL_IN_SENTENCE = 90  # characters of the recall note quoted inside a suggested line
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def short_recall(text: str, limit: int = RECALL_IN_SENTENCE) -> str:
    """The recall note's first sentence, cut at a word, without its final full stop."""
    line = clean_line(text)
    first = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return first.rstrip(".")


def values_for(person: PersonFacts, purchase: PurchaseFacts | None, letterhead: Letterhead,
               wording: Wording, recall: str = "", reason: str = "",
               due_text: str = "", purchases: tuple[PurchaseFacts, ...] = (),
               occasion: str = "", season: str = "") -> dict[str, str]:
    # A merged call is about every piece: "the watch and the ruby pendant".
    item = (" and ".join(p.item_phrase for p in purchases) if len(purchases) > 1
            else purchase.item_phrase if purchase else "")
    values = {
        "title_name": person.title_name,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "preferred_name": person.preferred_name or person.first_name,
        "partner": person.partner,
        "item": item,
        "purchase_date": purchase.date_text if purchase else "",
        "recipient": purchase.recipient if purchase and purchase.is_gift else "",
        "relation": purchase.relation if purchase and purchase.is_gift else "",
        "occasion": purchase.occasion if purchase and purchase.is_gift else "",
        "recall": short_recall(recall),
        "reason": clean_line(reason).rstrip("."),  # wordings end their own sentences
        "due": due_text,
        "store": letterhead.store_name,
        "jeweler": letterhead.jeweler_name,
        "signature": letterhead.signature_line or letterhead.jeweler_name,
        "phone": letterhead.phone,
        "website": letterhead.website,
        # Conditions for the key-date wordings: the client's own birthday is a greeting,
        # an anniversary a reminder ahead of the day.
        "birthday": "birthday" if occasion == "birthday" else "",
        "anniversary": "anniversary" if occasion == "anniversary" else "",
        "season": season,
    }
    values["salutation"] = render(wording.text("salutation"), values).text.strip()
    return {k: clean_line(v) for k, v in values.items()}


@dataclass(frozen=True)
class NoteWords:
    salutation: str
    lines: tuple[str, ...]
    closing: str
    problems: tuple[str, ...]


def note_words(prompt: NotePrompt, letterhead: Letterhead, wording: Wording) -> NoteWords:
    values = values_for(prompt.person, prompt.purchase, letterhead, wording, prompt.recall,
                        prompt.reason, prompt.due_text, prompt.purchases,
                        occasion=prompt.occasion, season=prompt.season)
    is_gift = any(p.is_gift for p in prompt.all_purchases)
    lines = render_lines(wording.text(f"note.{prompt.kind}"), values, is_gift)
    closing = render(wording.text("closing"), values)
    salutation = render(wording.text("salutation"), values)
    problems = _merge(salutation, lines, closing)
    return NoteWords(salutation.text.strip(), tuple(lines.text.splitlines()),
                     closing.text.strip(), problems)


@dataclass(frozen=True)
class Step:
    text: str
    spoken: bool  # a line to say (quoted), else a reminder of what to do


def script_steps(script: CallScript, letterhead: Letterhead,
                 wording: Wording) -> tuple[tuple[Step, ...], tuple[str, ...]]:
    """The call's steps: lines starting with ">" are said aloud, the others are cues."""
    values = values_for(script.person, script.purchase, letterhead, wording, script.recall,
                        script.reason, script.due_text, script.purchases, script.occasion,
                        script.season)
    is_gift = any(p.is_gift for p in script.all_purchases)
    rendered = render_lines(wording.text(f"script.{script.kind}"), values, is_gift)
    steps = []
    for line in rendered.text.splitlines():
        spoken = line.startswith(">")
        steps.append(Step(line.lstrip("> ").strip() if spoken else line, spoken))
    return tuple(steps), rendered.problems


def _merge(*rendered: Rendered) -> tuple[str, ...]:
    out: list[str] = []
    for r in rendered:
        out += [p for p in r.problems if p not in out]
    return tuple(out)

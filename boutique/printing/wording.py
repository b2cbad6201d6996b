"""The wordings filled in for one client: placeholder values, suggested lines, script steps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from boutique.printing.fit import clean_line
from boutique.printing.templates import (
    AFTER_RETURN_PLACEHOLDERS,
    Rendered,
    Wording,
    render,
    render_lines,
)
from boutique.services.clients import join_phrases
from boutique.services.stationery.facts import PersonFacts, PurchaseFacts
from boutique.services.stationery.letterhead import Letterhead
from boutique.services.stationery.occasion_facts import ReminderFacts
from boutique.services.stationery.print_data import CallScript, NotePrompt

RECALL_IN_SENTENCE = 90  # characters of the recall note quoted inside a suggested line
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def short_recall(text: str, limit: int = RECALL_IN_SENTENCE) -> str:
    """The recall note's first sentence, cut at a word, without its final full stop."""
    line = clean_line(text)
    first = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return first.rstrip(".")


# A recall note can follow "I hope ..." only when it names a thing: "The trip to Italy",
# "Her daughter's wedding", "Anniversary trip to Kyoto". Anything else ("Off to Italy in
# May", "She loves emeralds", "Italy with Mark") gets the gracious sentence instead.
_DETERMINERS = frozenset({"the", "a", "an", "your", "our"})
_HERS = frozenset({"her", "his", "their"})  # said to her: "your"
_THINGS = frozenset({
    "trip", "holiday", "holidays", "vacation", "journey", "cruise", "honeymoon", "safari",
    "wedding", "anniversary", "birthday", "party", "engagement", "graduation", "retirement",
    "christening", "baptism", "bar", "bat", "celebration", "reunion", "dinner", "gala",
    "concert", "opening", "exhibition", "show", "promotion", "move", "housewarming",
    "renovation", "garden", "race", "marathon", "tournament", "season", "summer", "winter",
    "spring", "autumn", "fall", "weekend", "visit", "family", "new", "big", "first", "50th",
    "40th", "30th", "25th", "60th", "70th", "80th", "silver", "golden", "ruby", "pearl",
    "diamond",
})
_VERBS = re.compile(r"\b(is|are|was|were|will|would|has|have|had|wants?|loves?|likes?|"
                    r"said|says|told|prefers?|mentioned|asked|bought|can|could|should|did|"
                    r"does|do|am|i|she|he|they|we)\b", re.IGNORECASE)
_PHRASE_WORDS = 12


def recall_phrase(text: str) -> str:
    """The recall note as a phrase for "I hope {recall_phrase} was everything you wished"
    ("the trip to Italy"), or "" when it does not read as the name of a thing."""
    cut = short_recall(text)
    first = cut.strip(" ,;:!?")
    words = first.split()
    if not words or "\u2026" in cut or len(words) > _PHRASE_WORDS or _VERBS.search(first):
        return ""
    opening = words[0].casefold()
    rest = " ".join(words[1:])
    if opening in _DETERMINERS:
        return " ".join([opening, rest]).strip()
    if opening in _HERS and rest:
        return f"your {rest}"
    if opening.endswith(("'s", "\u2019s")):  # "Daughter's wedding": hers
        return f"your {opening} {rest}".strip()
    if opening in _THINGS:
        return f"the {opening} {rest}".strip()
    return ""


def values_for(person: PersonFacts, purchase: PurchaseFacts | None, letterhead: Letterhead,
               wording: Wording, recall: str = "", reason: str = "",
               due_text: str = "", purchases: tuple[PurchaseFacts, ...] = (),
               occasion: str = "", season: str = "", reminder: ReminderFacts | None = None,
               gift_safe: str = "", offer: tuple[tuple[str, str], ...] = (),
               voice: str = "", voice_phone: str = "") -> dict[str, str]:
    """`voice`, `voice_phone`: the client's associate and her direct line; the piece
    speaks as the letterhead's jeweler and the store's phone when she has none."""
    # A merged note or call is about every piece: "the watch and the ruby pendant".
    item = (join_phrases([p.item_phrase for p in purchases]) if len(purchases) > 1
            else purchase.item_phrase if purchase else "")
    plural = len(purchases) > 1 or bool(purchase and purchase.plural)
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
        "recall_phrase": recall_phrase(recall),
        "it": "them" if plural else "it",
        "was": "were" if plural else "was",
        "reason": clean_line(reason).rstrip("."),  # wordings end their own sentences
        "due": due_text,
        "store": letterhead.store_name,
        # A wording the jeweler wrote with {jeweler} speaks as the associate too.
        "jeweler": voice or letterhead.jeweler_name,
        "associate": voice or letterhead.jeweler_name or letterhead.store_name,
        "direct_line": voice_phone or letterhead.phone,
        "signature": (voice if voice and voice != letterhead.jeweler_name
                      else letterhead.signature_line or letterhead.jeweler_name),
        "phone": letterhead.phone,
        "website": letterhead.website,
        # Conditions for the key-date wordings: the client's own birthday is a greeting,
        # an anniversary a reminder ahead of the day.
        "birthday": "birthday" if occasion == "birthday" else "",
        "anniversary": "anniversary" if occasion == "anniversary" else "",
        "season": season,
        # A note to a shared home names neither the recipient nor the piece.
        "discreet": "discreet" if gift_safe in ("discreet", "hold") else "",
        # A reminder to find a gift: whose date, the wish list, last year's choice.
        "coming": reminder.coming if reminder else "",
        "occasion_day": reminder.day_text if reminder else "",
        "wish_list": reminder.wish_list if reminder else "",
        "last_gift": reminder.last_gift if reminder else "",
        **dict.fromkeys(AFTER_RETURN_PLACEHOLDERS, ""),
        **{k: v for k, v in offer if k in AFTER_RETURN_PLACEHOLDERS},
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
                        occasion=prompt.occasion, season=prompt.season, reminder=prompt.reminder,
                        gift_safe=prompt.gift_safe, offer=prompt.offer, voice=prompt.voice,
                        voice_phone=prompt.voice_phone)
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
                        script.season, script.reminder, offer=script.offer,
                        voice=script.voice, voice_phone=script.voice_phone)
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

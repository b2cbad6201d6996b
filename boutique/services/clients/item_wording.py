"""How a piece is named inside a sentence, and whether it is "it" or "them".

A receipt's description ("Cufflinks, onyx, sterling") is not a phrase for a note: its
commas break the sentence it is put in. Each item may carry its own wording; without one
the wording is made from the description (the part before the first comma, in sentence
case). Earrings, cufflinks and the like are spoken of as "them": judged from the last
word unless the jeweler chose singular or plural.
"""

from __future__ import annotations

import re
from typing import NamedTuple

SINGULAR = "singular"
PLURAL = "plural"
NUMBERS = ("", SINGULAR, PLURAL)
NUMBER_LABELS = {"": "judge from the words", SINGULAR: "it (one piece)",
                 PLURAL: "them (a pair, a set)"}
MAX_WORDING = 200

# Nouns that end in "s" yet are one thing, and plural nouns that do not end in "s".
_SINGULAR_ENDINGS = ("ss", "us", "is", "ous")
_ONE_THING = frozenset({"cross", "chronograph", "compass", "lotus", "iris", "fleur-de-lis",
                        "atlas", "pegasus", "eros", "watch"})
_PLURAL_WORDS = frozenset({"jewellery set", "set"})
_PAIR_OF = re.compile(r"\b(pair|pairs|set|sets) of\b", re.IGNORECASE)
_DETAIL = re.compile(r"\s*[\(\[].*?[\)\]]")  # "(pair)", "[18k]": not for a sentence


class ItemWords(NamedTuple):
    phrase: str  # "onyx cufflinks": for "since you chose the ..."
    plural: bool  # "them" rather than "it"


def sentence_case(text: str) -> str:
    """"Diamond stud earrings" -> "diamond stud earrings" for use inside a sentence; a
    phrase with more capitals ("Tiffany Victoria necklace", "VIP ring") is kept."""
    words = text.split()
    if not words:
        return text
    first = words[0]
    capitals = sum(1 for w in words[1:] if w[:1].isupper())
    if first[:1].isupper() and first[1:] == first[1:].lower() and not capitals:
        return first[:1].lower() + text[1:]
    return text


def wording_from(description: str) -> str:
    """The wording a description gives when the item has none of its own: "Cufflinks,
    onyx" -> "cufflinks"; "Pearl studs (pair)" -> "pearl studs"."""
    text = " ".join((description or "").split())
    text = _DETAIL.sub("", text)
    first = re.split(r"\s*[,;/]\s*|\s+[-–—]\s+", text, maxsplit=1)[0].strip(" .,:;")
    return sentence_case(first or text.strip(" .,:;"))


def looks_plural(phrase: str) -> bool:
    """Whether a piece's name reads as several things ("earrings", "a pair of studs")."""
    text = phrase.strip().casefold()
    if not text:
        return False
    if _PAIR_OF.search(text) or text in _PLURAL_WORDS:
        return True
    last = re.sub(r"[^\w'-]", "", text.split()[-1])
    if last in _ONE_THING or last.endswith(_SINGULAR_ENDINGS) or last.endswith("'s"):
        return False
    return len(last) > 2 and last.endswith("s")


def item_words(description: str, wording: str = "", number: str = "") -> ItemWords:
    """The item as a sentence names it: its own wording, else one made from its
    description; plural as chosen, else as the words read."""
    phrase = " ".join((wording or "").split()).strip(" .,;") or wording_from(description)
    if number == PLURAL:
        plural = True
    elif number == SINGULAR:
        plural = False
    else:
        plural = looks_plural(phrase)
    return ItemWords(phrase, plural)


def join_phrases(phrases: list[str], limit: int = 3) -> str:
    """"a", "a and b", "a, b and c"; past `limit`, "a, b and N more pieces"."""
    names = list(dict.fromkeys(p for p in phrases if p))
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) <= limit:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return f"{names[0]}, {names[1]} and {len(names) - 2} more pieces"


def wording_problem(wording: str, number: str) -> str:
    """Why an item's wording cannot be saved, or ""."""
    if number not in NUMBERS:
        return "choose it (one piece), them (a pair, a set) or leave it to the words"
    if "\n" in (wording or "") or "\r" in (wording or ""):
        return "the wording is one line"
    if len(wording or "") > MAX_WORDING:
        return f"keep the wording under {MAX_WORDING} characters"
    return ""

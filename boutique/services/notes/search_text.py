"""How search reads text: words split and folded as the index does, and snippets with
the matched words marked by position.

The search index (migration 3) tokenizes with unicode61 and maps a few letters before
indexing; `fold_word` does the same to a typed word, so a query term and an indexed word
compare equal exactly when the index would match them. Highlights are character ranges
into plain text, never markup: the screen escapes the text and adds its own emphasis.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

SNIPPET_WIDTH = 160

# Letters the unicode61 tokenizer does not fold; the index views (migration 3) map them
# the same way before indexing, and a test holds the two lists equal.
INDEX_FOLDS = {
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i",
    "ά": "α", "έ": "ε", "ή": "η", "ί": "ι", "ό": "ο", "ύ": "υ", "ώ": "ω",
    "ϊ": "ι", "ϋ": "υ", "ΐ": "ι", "ΰ": "υ",
    "Ά": "α", "Έ": "ε", "Ή": "η", "Ί": "ι", "Ό": "ο", "Ύ": "υ", "Ώ": "ω",
    "Ϊ": "ι", "Ϋ": "υ",
    "ё": "е", "Ё": "е",
}
_INDEX_TABLE = str.maketrans(INDEX_FOLDS)
# unicode61 token characters are letters and digits (accents are folded into them).
_WORD = re.compile(r"[^\W_]+")


def _is_latin(ch: str) -> bool:
    return ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"


def fold_word(word: str) -> str:
    """A word as the index holds it: mapped as above, Latin accents dropped, lower case
    (with final sigma as sigma), as the unicode61 tokenizer folds it."""
    decomposed = unicodedata.normalize("NFD", word.translate(_INDEX_TABLE))
    kept, base_is_latin = [], True
    for ch in decomposed:
        if unicodedata.combining(ch):
            if not base_is_latin:
                kept.append(ch)
            continue
        base_is_latin = _is_latin(ch)
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)).lower().replace("ς", "σ")


def query_terms(text: str) -> list[str]:
    """The distinct words of what was typed, folded; punctuation and operators drop out."""
    terms: list[str] = []
    normalized = unicodedata.normalize("NFC", text or "")
    for match in _WORD.finditer(normalized):
        term = fold_word(match.group())
        if term and term not in terms:
            terms.append(term)
    return terms


@dataclass(frozen=True)
class Highlighted:
    """Text with the character ranges [start, end) of the words that matched."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def segments(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, matched) runs, in order."""
        out, at = [], 0
        for start, end in self.spans:
            if start > at:
                out.append((self.text[at:start], False))
            out.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            out.append((self.text[at:], False))
        return out

    def html(self, open_tag: str = "<b>", close_tag: str = "</b>") -> str:
        """Rich text for Qt: user text escaped, matched words wrapped in the tags."""
        return "".join(
            f"{open_tag}{html.escape(piece, quote=False)}{close_tag}" if hit
            else html.escape(piece, quote=False)
            for piece, hit in self.segments()
        )

    def matched_words(self) -> list[str]:
        return [self.text[start:end] for start, end in self.spans]


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Ranges of the words of `text` that begin with one of the (folded) terms."""
    if not terms:
        return []
    return [(m.start(), m.end()) for m in _WORD.finditer(text)
            if fold_word(m.group()).startswith(tuple(terms))]


def snippet(text: str, terms: list[str], width: int = SNIPPET_WIDTH) -> Highlighted:
    """One line of `text` around its first matched word, at most about `width` long."""
    flat = " ".join(unicodedata.normalize("NFC", text or "").split())
    spans = match_spans(flat, terms)
    if len(flat) <= width:
        return Highlighted(flat, tuple(spans))
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 4)
    if start > 0:
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first - space < width // 2 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > first else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(flat) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Highlighted(prefix + flat[start:end] + suffix, inside)


Spans = list[tuple[int, int]]


def joined(parts: list[tuple[str, Spans]], separator: str = " · ") -> Highlighted:
    """Pieces of text, each with its spans, joined into one line."""
    text, spans = "", []
    for piece, piece_spans in parts:
        if not piece:
            continue
        if text:
            text += separator
        spans += [(s + len(text), e + len(text)) for s, e in piece_spans]
        text += piece
    return Highlighted(text, tuple(spans))


def spanned(text: str, terms: list[str]) -> tuple[str, Spans]:
    """One piece of a line: its text on one line, with the spans of the matched words."""
    text = " ".join((text or "").split())
    return text, match_spans(text, terms)

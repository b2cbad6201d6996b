"""Text helpers shared by search and display: accent folding, digits, escaping."""

from __future__ import annotations

import re
import unicodedata

_NON_DIGITS = re.compile(r"\D+")
_SPACES = re.compile(r"\s+")

# Letters that do not decompose into base + accent under NFKD.
_SPECIAL_FOLDS = str.maketrans(
    {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae",
     "œ": "oe", "Œ": "oe", "ı": "i"}
)


def fold(text: str) -> str:
    """Lower-case, accent-free form for matching: 'Zoë Ødegård' -> 'zoe odegard'."""
    text = text or ""
    if text.isascii():  # most names: nothing to decompose, and casefold is lower here
        return " ".join(text.lower().split())
    text = text.translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def digits(text: str) -> str:
    return _NON_DIGITS.sub("", text or "")


def like_escape(text: str) -> str:
    """Escape LIKE wildcards so user input is matched literally (use ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def money(cents: int | None, symbol: str = "$") -> str:
    cents = cents or 0
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{symbol}{whole:,}.{rest:02d}"


# Control characters (C0 but tab, DEL, C1) and the bidi overrides/isolates that can hide or
# reorder a name on screen and in search (U+202A-U+202E, U+2066-U+2069).
_CONTROL = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)])
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ONE_LINE_FORBIDDEN = re.compile(f"[{re.escape(_CONTROL + BIDI_CONTROLS)}]")
_MULTI_LINE_DROPPED = re.compile(
    f"[{re.escape(''.join(ch for ch in _CONTROL if ch not in chr(9) + chr(10)) + BIDI_CONTROLS)}]")


def one_line_problem(text: str) -> str | None:
    """Why `text` cannot be a one-line field (a name, an address line), or None."""
    found = _ONE_LINE_FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    if char in "\n\r":
        return "must be one line (no line breaks)"
    if char in BIDI_CONTROLS:
        return f"holds an invisible direction override (U+{ord(char):04X})"
    return f"holds a control character (U+{ord(char):04X})"


def all_one_line(texts: list[str]) -> bool:
    """Whether `one_line_problem` finds nothing in any of `texts` (one search for them all:
    what it looks for is single characters, so joining them adds none)."""
    return _ONE_LINE_FORBIDDEN.search("".join(texts)) is None


def clean_one_line(text: str) -> str:
    """An existing one-line value made safe: line breaks and tabs become spaces, other
    control characters and bidi overrides are dropped (used by the cleaning migration)."""
    text = re.sub(r"[\t\n\r]+", " ", text)
    return " ".join(_ONE_LINE_FORBIDDEN.sub("", text).split(" ")).strip()


def clean_multi_line(text: str) -> str:
    """Notes keep newlines and tabs; NUL, other controls and bidi overrides are dropped."""
    return _MULTI_LINE_DROPPED.sub("", text)

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
    text = (text or "").translate(_SPECIAL_FOLDS)
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

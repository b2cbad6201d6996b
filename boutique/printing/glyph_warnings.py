"""A warning on any piece with a character no font here can print.

The fallbacks (fallback_fonts) print Chinese, Japanese and Korean on every system, and
emoji where a system font has them; what is still left (an emoji with no emoji font,
a rare script) would print as an empty box. The piece then carries a warning naming
the client and the characters, shown with the other warnings on screen, in the
command line's output and in the warning box on the printed prompt or script.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from boutique.printing.runs import missing_characters
from boutique.services.stationery.print_data import CallScript, NotePrompt, PackData

_SHOWN = 6


def glyph_warning(texts: Iterable[str], whose: str) -> str:
    """"" when every character prints; else a warning naming `whose` details."""
    missing = "".join(dict.fromkeys(ch for text in texts if text
                                    for ch in missing_characters(str(text))))
    if not missing:
        return ""
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:_SHOWN])
    more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
    return (f"{whose}: no font here can print {shown}{more}; they would print as empty "
            "boxes: write them by hand or use other characters")


def _person_texts(person) -> list[str]:
    return [person.full_name, person.title_name, person.first_name, person.preferred_name,
            person.partner]


def _purchase_texts(purchases) -> list[str]:
    return [text for p in purchases if p
            for text in (*p.items, p.item_phrase, p.gift_line)]


def prompt_texts(prompt: NotePrompt) -> list[str]:
    return [*_person_texts(prompt.person), *prompt.address_lines,
            *_purchase_texts([prompt.purchase]), prompt.recall, prompt.reason]


def script_texts(script: CallScript) -> list[str]:
    return [*_person_texts(script.person), *_purchase_texts(script.all_purchases),
            *script.pinned, script.recall, script.reason]


def _with(piece, texts: list[str]):
    warning = glyph_warning(texts, piece.person.full_name)
    if not warning or warning in piece.warnings:
        return piece
    return replace(piece, warnings=(*piece.warnings, warning))


def checked_prompt(prompt: NotePrompt) -> NotePrompt:
    """The prompt, with a warning added when some of its text cannot print."""
    return _with(prompt, prompt_texts(prompt))


def checked_script(script: CallScript) -> CallScript:
    return _with(script, script_texts(script))


def with_glyph_warnings(pack: PackData) -> PackData:
    """The pack with each piece that cannot print in full warned (added once)."""
    return replace(pack, notes=tuple(checked_prompt(n) for n in pack.notes),
                   calls=tuple(checked_script(c) for c in pack.calls))


def address_warning(lines: Iterable[str], client_name: str) -> str:
    """For an envelope or a label: the address lines alone."""
    return glyph_warning(list(lines), client_name)

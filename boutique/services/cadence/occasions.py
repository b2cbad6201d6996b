"""The occasions a key-date reminder is for, and how each is named.

A stored reminder keeps its occasion as a short code, so one client's reminders never
collide (two children may share a birthday):
  "birthday", "anniversary"            the client's own (a greeting; the couple's date)
  "relation_birthday:<relation id>"    the birthday of someone in her life
  "relation_anniversary:<relation id>" their anniversary (her parents', a friend's)
  "gift:<purchase id>"                 last year's gift occasion (Christmas, Mother's Day)
"""

from __future__ import annotations

from typing import NamedTuple

RELATION_PREFIX = "relation_"  # what the codes of both relation dates start with
RELATION_BIRTHDAY = f"{RELATION_PREFIX}birthday"
RELATION_ANNIVERSARY = f"{RELATION_PREFIX}anniversary"
GIFT_OCCASION = "gift"
LABELS = {"birthday": "Birthday", "anniversary": "Anniversary",
          RELATION_BIRTHDAY: "Their birthday", RELATION_ANNIVERSARY: "Their anniversary",
          GIFT_OCCASION: "Gift occasion"}


class Occasion(NamedTuple):
    what: str  # "birthday", "anniversary", "relation_birthday", "relation_anniversary", "gift"
    ref: int | None = None  # the relation's or the purchase's id

    @property
    def relation_id(self) -> int | None:
        return self.ref if self.what in (RELATION_BIRTHDAY, RELATION_ANNIVERSARY) else None

    @property
    def purchase_id(self) -> int | None:
        return self.ref if self.what == GIFT_OCCASION else None

    @property
    def is_reminder_to_buy(self) -> bool:
        """Everything but the client's own birthday is a reminder of a gift to find."""
        return self.what != "birthday"


def occasion_code(what: str, ref: int | None = None) -> str:
    return what if ref is None else f"{what}:{int(ref)}"


def parse_occasion(code: str) -> Occasion:
    what, _, ref = (code or "").partition(":")
    return Occasion(what, int(ref) if ref.isdigit() else None)


def occasion_label(code: str) -> str:
    what = parse_occasion(code).what
    return LABELS.get(what, what.replace("_", " ").capitalize())

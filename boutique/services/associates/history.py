"""Each client's associate changes, newest first, as the profile and the brief show them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import Associate, AssociateChange


@dataclass(frozen=True)
class ChangeRow:
    day: dt.date
    from_name: str  # "" : nobody
    to_name: str
    reason: str

    @property
    def text(self) -> str:
        before = self.from_name or "nobody"
        after = self.to_name or "nobody"
        return f"{self.day:%d %b %Y}: {before} → {after}" + (f" ({self.reason})"
                                                              if self.reason else "")


def associate_history(client_id: int) -> list[ChangeRow]:
    names = dict(Associate.select(Associate.id, Associate.name).tuples())
    rows = (AssociateChange.select().where(AssociateChange.client == client_id)
            .order_by(AssociateChange.changed_on.desc(), AssociateChange.id.desc()))
    return [ChangeRow(r.changed_on, names.get(r.from_associate_id, ""),
                      names.get(r.to_associate_id, ""), r.reason) for r in rows]

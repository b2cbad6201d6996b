"""A client's associate as typed on her card: the name is matched to an associate (one is
added for a new name), and a change is kept in her history."""

from __future__ import annotations

import datetime as dt

from boutique.models import Associate, AssociateChange, Client, utcnow

CARD_REASON = "Changed on the client's card"


def associate_named(name: str) -> Associate | None:
    """The associate of that name (spaces and case folded), added when new; None for ''."""
    name = " ".join((name or "").split())
    if not name:
        return None
    found = Associate.get_or_none(Associate.name == name)
    if found is None:
        found = next((a for a in Associate.select() if a.name.casefold() == name.casefold()),
                     None)
    if found is None:
        now = utcnow()
        found = Associate.create(name=name, created_at=now, updated_at=now)
    return found


def link_associate(client: Client, name: str, day: dt.date | None = None) -> None:
    """Point the client (saved or about to be) at the associate named; the caller saves."""
    before = client.associate_id
    associate = associate_named(name)
    client.associate_ref = associate
    client.associate = associate.name if associate else ""
    after = associate.id if associate else None
    if client.id is not None and before != after:
        AssociateChange.create(client=client.id, from_associate=before, to_associate=after,
                               changed_on=day or dt.date.today(), reason=CARD_REASON)


def link_typed_associates() -> int:
    """Clients written in bulk (an import, the demo) carry a typed name only: each name
    becomes an associate and the clients point at it. Returns how many were linked."""
    from boutique.models import database

    names = [row[0] for row in database.execute_sql(
        "SELECT DISTINCT associate FROM client WHERE associate_id IS NULL "
        "AND trim(associate) <> ''")]
    linked = 0
    for name in names:
        associate = associate_named(name)
        linked += (Client.update(associate_ref=associate, associate=associate.name)
                   .where(Client.associate == name, Client.associate_ref.is_null()).execute())
    return linked

"""The demo boutique's people: the jeweler is the owner, Maria and James her associates."""

from __future__ import annotations

from boutique.models import Associate, database, utcnow

DEMO_PEOPLE = {
    "Maria": ("Maria Santos", "Senior associate", "+16175550142", "maria@example.com"),
    "James": ("James Whitfield", "Associate", "+16175550187", "james@example.com"),
}
DEMO_OWNER = ("Elena Marsh", "Owner", "+16175550100", "elena@example.com")


def demo_associates(_today=None) -> None:
    with database.atomic():
        for short, (full, role, phone, email) in DEMO_PEOPLE.items():
            known = Associate.get_or_none(Associate.name == full)
            typed = Associate.get_or_none(Associate.name == short)
            if known is not None and typed is not None:
                # More demo clients into a demo store: the new ones join the known person.
                database.execute_sql("UPDATE client SET associate_id = ? WHERE associate_id = ?",
                                     (known.id, typed.id))
                typed.delete_instance()
            elif typed is not None:
                (Associate.update(name=full, role=role, phone=phone, email=email,
                                  updated_at=utcnow())
                 .where(Associate.id == typed.id).execute())
            database.execute_sql("UPDATE client SET associate = ? WHERE associate = ?",
                                 (full, short))
        name, role, phone, email = DEMO_OWNER
        found = Associate.get_or_none(Associate.name == name)
        if found is None and Associate.get_or_none(Associate.is_owner == True) is None:  # noqa: E712
            Associate.create(name=name, role=role, phone=phone, email=email, is_owner=True,
                             created_at=utcnow(), updated_at=utcnow())
        elif found is not None:
            Associate.update(is_owner=True, role=role, phone=phone, email=email).where(
                Associate.id == found.id).execute()

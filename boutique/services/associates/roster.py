"""The associates: the owner and the people who look after clients, active or left."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import Associate, Client, database, utcnow
from boutique.services import settings
from boutique.services.clients import display_phone, normalize_phone
from boutique.services.errors import NotFound, ValidationError
from boutique.services.text import one_line_problem

MAX_LENGTH = 255


@dataclass(frozen=True)
class Voice:
    """Who a letter or a script speaks as: the client's associate, else the store."""

    name: str
    phone: str = ""  # the direct line, as printed
    role: str = ""
    email: str = ""


def associates(include_left: bool = True) -> list[Associate]:
    """The owner first, then the active ones, then those who left, by name."""
    query = Associate.select()
    if not include_left:
        query = query.where(Associate.active == True)  # noqa: E712
    return sorted(query, key=lambda a: (not a.is_owner, not a.active, a.name.casefold()))


def associate_by_name(name: str) -> Associate:
    wanted = " ".join((name or "").split()).casefold()
    for associate in Associate.select():
        if associate.name.casefold() == wanted:
            return associate
    known = ", ".join(a.name for a in associates()) or "none yet"
    raise NotFound(f"no associate named {name!r} (known: {known})")


def get_associate(associate_id: int) -> Associate:
    found = Associate.get_or_none(Associate.id == associate_id)
    if found is None:
        raise NotFound(f"no associate with id {associate_id}")
    return found


def owner() -> Associate | None:
    return Associate.get_or_none(Associate.is_owner == True)  # noqa: E712


def client_counts() -> dict[int, int]:
    rows = database.execute_sql("SELECT associate_id, COUNT(*) FROM client WHERE "
                                "deleted_at IS NULL AND associate_id IS NOT NULL "
                                "GROUP BY associate_id")
    return dict(rows.fetchall())


def save_associate(values: dict, associate_id: int | None = None) -> Associate:
    """Add or change an associate; every bad field is named in the error."""
    errors: dict[str, str] = {}
    clean: dict = {}
    for name in ("name", "role", "phone", "email"):
        if name not in values:
            continue
        raw = str(values[name] or "")
        problem = one_line_problem(raw.strip()) if raw.strip() else None
        text = " ".join(raw.split())
        if problem:
            errors[name] = problem
        elif len(text) > MAX_LENGTH:
            errors[name] = f"keep it under {MAX_LENGTH} characters"
        clean[name] = text
    if associate_id is None and not clean.get("name"):
        errors["name"] = "give the associate's name"
    elif "name" in clean and not clean["name"]:
        errors["name"] = "the name cannot be blank"
    if clean.get("phone"):
        try:
            clean["phone"] = normalize_phone(clean["phone"],
                                             settings.get("store.default_region"))
        except ValueError as exc:
            errors["phone"] = str(exc)
    if clean.get("email") and "@" not in clean["email"]:
        errors["email"] = "an email address has an @"
    for flag in ("active", "is_owner"):
        if flag in values:
            clean[flag] = bool(values[flag])
    if "left_on" in values:
        clean["left_on"] = values["left_on"]
    with database.atomic():
        if "name" in clean and clean["name"]:
            for other in Associate.select():
                if (other.name.casefold() == clean["name"].casefold()
                        and other.id != associate_id):
                    errors["name"] = f"{other.name} is already an associate"
        if errors:
            raise ValidationError(errors)
        associate = Associate() if associate_id is None else get_associate(associate_id)
        if clean.get("is_owner"):
            (Associate.update(is_owner=False)
             .where(Associate.is_owner == True, Associate.id != associate.id).execute())  # noqa: E712
        if clean.get("active") is False and (clean.get("is_owner") or associate.is_owner):
            raise ValidationError({"active": "the owner cannot leave; name another owner first"})
        for name, value in clean.items():
            setattr(associate, name, value)
        if clean.get("active") is True:
            associate.left_on = None
        associate.updated_at = utcnow()
        if associate_id is None:
            associate.created_at = utcnow()
        associate.save()
        if "name" in clean:
            Client.update(associate=associate.name).where(
                Client.associate_ref == associate.id).execute()
    return associate


def mark_left(name: str, day: dt.date) -> Associate:
    associate = associate_by_name(name)
    return save_associate({"active": False, "left_on": day}, associate.id)


def voice_of(associate: Associate | None, store_name: str = "", store_phone: str = "",
             region: str | None = None) -> Voice:
    """The voice for a client looked after by `associate`: the store when none."""
    if associate is None:
        return Voice(store_name, store_phone)
    phone = display_phone(associate.phone, region) if associate.phone else store_phone
    return Voice(associate.name, phone, associate.role, associate.email)


def voices_for(client_ids: list[int]) -> dict[int, Associate | None]:
    """client id -> her associate (None: nobody), in one query."""
    if not client_ids:
        return {}
    out: dict[int, Associate | None] = dict.fromkeys(client_ids)
    rows = (Client.select(Client.id, Client.associate_ref)
            .where(Client.id.in_(client_ids), Client.associate_ref.is_null(False)).tuples())
    ids = {cid: aid for cid, aid in rows}
    found = {a.id: a for a in Associate.select().where(Associate.id.in_(list(set(ids.values()))))}
    for cid, aid in ids.items():
        out[cid] = found.get(aid)
    return out


def associate_json(associate: Associate, counts: dict[int, int] | None = None) -> dict:
    return {"id": associate.id, "name": associate.name, "role": associate.role,
            "phone": associate.phone, "email": associate.email,
            "active": bool(associate.active), "is_owner": bool(associate.is_owner),
            "left_on": associate.left_on.isoformat() if associate.left_on else None,
            "clients": (counts or {}).get(associate.id, 0)}


def client_ids_of(name: str) -> set[int]:
    """The clients the associate of that name looks after (none for an unknown name)."""
    wanted = " ".join((name or "").split()).casefold()
    found = [a.id for a in Associate.select() if a.name.casefold() == wanted]
    if not found:
        return set()
    return {cid for (cid,) in Client.select(Client.id)
            .where(Client.associate_ref == found[0]).tuples()}

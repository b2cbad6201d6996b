"""Creating, editing, trashing and restoring clients, with validation of every field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from boutique.models import ADDRESS_PARTS, Client, database, utcnow
from boutique.services import settings
from boutique.services.clients.associate_link import link_associate
from boutique.services.clients.emails import normalize_email
from boutique.services.clients.phones import PhoneError, normalize, search_digits
from boutique.services.clients.word_index import reindex_client, unindex_client
from boutique.services.errors import NotFound, ValidationError
from boutique.services.text import fold, one_line_problem

PHONE_FIELDS = ("mobile_phone", "work_phone", "home_phone")
NAME_FIELDS = ("salutation", "first_name", "last_name", "preferred_name", "partner_name")
ADDRESS_FIELDS = tuple(f"home_{p}" for p in ADDRESS_PARTS if p != "company") + tuple(
    f"business_{p}" for p in ADDRESS_PARTS
)
TEXT_FIELDS = (
    "ring_size", "other_sizes", "pref_metals", "pref_stones", "pref_styles", "dislikes",
    "wish_list", "tags", "associate",
)
BOOL_FIELDS = ("consent_mail", "consent_phone", "consent_text", "consent_email", "do_not_contact")
DATE_PREFIXES = ("birthday", "anniversary")
EDITABLE_FIELDS = (
    NAME_FIELDS + PHONE_FIELDS + ("email",) + ADDRESS_FIELDS + TEXT_FIELDS + BOOL_FIELDS
    + tuple(f"{p}_{part}" for p in DATE_PREFIXES for part in ("year", "month", "day"))
)
MAX_FIELD_LENGTH = 255
LONG_TEXT_FIELDS = {"other_sizes", "pref_metals", "pref_stones", "pref_styles", "dislikes",
                    "wish_list", "tags"}


def _clean_key_date(values: dict[str, Any], prefix: str, errors: dict[str, str]) -> None:
    parts = {}
    for part in ("year", "month", "day"):
        raw = values.get(f"{prefix}_{part}")
        if raw in (None, ""):
            parts[part] = None
            continue
        try:
            parts[part] = int(raw)
        except (TypeError, ValueError):
            errors[f"{prefix}_{part}"] = f"{part} must be a number"
            return
    year, month, day = parts["year"], parts["month"], parts["day"]
    label = prefix.capitalize()
    if month is None and day is None:
        if year is not None:
            errors[f"{prefix}_month"] = f"{label}: a year needs a month and a day"
        values.update({f"{prefix}_year": None, f"{prefix}_month": None, f"{prefix}_day": None})
        return
    if month is None or day is None:
        errors[f"{prefix}_{'month' if month is None else 'day'}"] = f"{label}: give both month and day"
        return
    # A date without a year is checked against a leap year so that 29 February is allowed.
    check_year = year if year is not None else 2000
    if year is not None and not 1900 <= year <= dt.date.today().year + 1:
        errors[f"{prefix}_year"] = f"{label}: year {year} is not plausible"
        return
    try:
        dt.date(check_year, month, day)
    except ValueError:
        errors[f"{prefix}_day"] = f"{label}: {day}/{month}" + (f"/{year}" if year else "") + " is not a date"
        return
    values.update({f"{prefix}_year": year, f"{prefix}_month": month, f"{prefix}_day": day})


def clean_client_values(values: dict[str, Any], region: str | None = None) -> dict[str, Any]:
    """Check and normalise a client's fields; raise ValidationError naming each bad field."""
    region = region or settings.get("store.default_region")
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        errors.update({name: "is not a client field" for name in sorted(unknown)})
    for name in NAME_FIELDS + ADDRESS_FIELDS + TEXT_FIELDS + ("email",):
        if name in values:
            text = str(values[name] or "").strip()
            if name not in LONG_TEXT_FIELDS and len(text) > MAX_FIELD_LENGTH:
                errors[name] = f"is too long ({len(text)} characters, at most {MAX_FIELD_LENGTH})"
            problem = one_line_problem(text) if name not in LONG_TEXT_FIELDS else None
            if problem is None and name in LONG_TEXT_FIELDS and "\x00" in text:
                problem = "holds a NUL character"
            if problem:
                errors[name] = problem
            clean[name] = text
    if not (clean.get("first_name") or clean.get("last_name")):
        errors["first_name"] = "A client needs a first or a last name"
    for name in PHONE_FIELDS:
        if name in values:
            try:
                clean[name] = normalize(str(values[name] or ""), region)
            except PhoneError as exc:
                errors[name] = str(exc)
    if clean.get("email"):
        try:
            clean["email"] = normalize_email(clean["email"])
        except ValueError as exc:  # email_validator's EmailNotValidError
            errors["email"] = str(exc)
    for name in BOOL_FIELDS:
        if name in values:
            clean[name] = bool(values[name])
    for prefix in DATE_PREFIXES:
        if any(f"{prefix}_{p}" in values for p in ("year", "month", "day")):
            parts = {k: values.get(k) for k in (f"{prefix}_year", f"{prefix}_month", f"{prefix}_day")}
            _clean_key_date(parts, prefix, errors)
            clean.update(parts)
    if errors:
        raise ValidationError(errors)
    return clean


def derived_columns(client: Client | dict[str, Any]) -> dict[str, Any]:
    """The search and sort columns, recomputed from the client's own fields (a client, or
    the dict of her columns: a bulk import builds no model per row)."""
    get = client.get if isinstance(client, dict) else lambda name: getattr(client, name)
    sort_name = fold(f"{get('last_name') or ''} {get('first_name') or ''}")
    search_text = " ".join(
        fold(part) for part in (get(name) for name in (
            "first_name", "last_name", "preferred_name", "email")) if part
    )
    phone_digits = " ".join(search_digits(get(name)) for name in PHONE_FIELDS if get(name))
    return {"sort_name": sort_name, "search_text": search_text, "phone_digits": phone_digits}


def save_client(values: dict[str, Any], client_id: int | None = None) -> Client:
    """Create (client_id None) or update a client. Nothing is written if any field is bad."""
    if client_id is None:
        values = {"first_name": "", "last_name": "", **values}
    else:
        existing = get_client(client_id)
        merged = {n: getattr(existing, n) for n in ("first_name", "last_name")}
        values = {**merged, **values}
    clean = clean_client_values(values)
    with database.atomic():
        client = Client() if client_id is None else get_client(client_id)
        for name, value in clean.items():
            if name != "associate":
                setattr(client, name, value)
        if "associate" in clean:
            link_associate(client, clean["associate"])
        for name, value in derived_columns(client).items():
            setattr(client, name, value)
        client.updated_at = utcnow()
        client.save()
        reindex_client(client)
    return client


def get_client(client_id: int, include_deleted: bool = True) -> Client:
    query = Client.select().where(Client.id == client_id)
    if not include_deleted:
        query = query.where(Client.deleted_at.is_null())
    client = query.first()
    if client is None:
        raise NotFound(f"no client with id {client_id}")
    return client


def trash_client(client_id: int) -> None:
    """Soft delete: the client goes to the Trash and can be restored."""
    with database.atomic():
        get_client(client_id)
        Client.update(deleted_at=utcnow()).where(Client.id == client_id).execute()
        unindex_client(client_id)


def restore_client(client_id: int) -> None:
    with database.atomic():
        get_client(client_id)
        Client.update(deleted_at=None).where(Client.id == client_id).execute()
        reindex_client(get_client(client_id))


def purge_client(client_id: int) -> None:
    """Delete for good, with purchases and notes (cascade). Only from the Trash."""
    client = get_client(client_id)
    if client.deleted_at is None:
        raise ValidationError({"client": "only a client in the Trash can be deleted for good"})
    with database.atomic():
        client.delete_instance()


def trashed_clients() -> list[Client]:
    return list(
        Client.select().where(Client.deleted_at.is_null(False)).order_by(Client.deleted_at.desc())
    )


def field_default(name: str):
    """What a new client's field holds before anything is typed."""
    return Client._meta.fields[name].default


def field_problem(name: str, value: str) -> str | None:
    """Check one contact field as it is typed (phones, email); None when it is fine."""
    if name not in PHONE_FIELDS + ("email",):
        return None
    try:
        clean_client_values({"first_name": "-", name: value})
    except ValidationError as exc:
        return exc.errors.get(name)
    return None

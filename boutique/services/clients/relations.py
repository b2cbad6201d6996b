"""The people in a client's life: saving, listing and removing a client's relations.

Each relation has a kind (partner, child, parent, friend, other), a name, and its own
birthday and anniversary kept as parts (the year optional), checked like the client's.
A gift names its recipient by relation (or by a free name); removing a relation keeps
the gifts bought for it, with the name they were bought under.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from peewee import SQL

from boutique.models import RELATION_KINDS, Client, Purchase, Relation, database, utcnow
from boutique.services.clients.book import MAX_FIELD_LENGTH, _clean_key_date
from boutique.services.errors import NotFound, ValidationError
from boutique.services.text import clean_multi_line, one_line_problem

DATE_FIELDS = tuple(f"{p}_{part}" for p in ("birthday", "anniversary")
                    for part in ("year", "month", "day"))
RELATION_FIELDS = ("kind", "name", *DATE_FIELDS, "wish_list")
KIND_LABELS = {"partner": "Partner", "child": "Child", "parent": "Parent",
               "friend": "Friend", "other": "Other"}
MAX_WISH_LIST = 5000


def _dates_from_json(values: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """"birthday": "1988-03-12" or "--03-12" (as relation_json writes it) into parts."""
    values = dict(values)
    for prefix in ("birthday", "anniversary"):
        text = values.pop(prefix, None)
        if text in (None, ""):
            continue
        parts = str(text).removeprefix("--").split("-")
        if len(parts) == 2:
            parts.insert(0, "")
        if len(parts) != 3:
            errors[prefix] = f"{prefix} '{text}' is not YYYY-MM-DD or --MM-DD"
            continue
        values.update(zip((f"{prefix}_year", f"{prefix}_month", f"{prefix}_day"), parts,
                          strict=True))
    return values


def clean_relation_values(values: dict[str, Any]) -> dict[str, Any]:
    """Checked values for a relation; a ValidationError names each field and why."""
    errors: dict[str, str] = {}
    values = _dates_from_json(values, errors)
    unknown = sorted(set(values) - set(RELATION_FIELDS))
    if unknown:
        errors["fields"] = f"not a relation field: {', '.join(unknown)}"
    clean: dict[str, Any] = {}
    kind = str(values.get("kind") or "").strip().lower()
    if kind not in RELATION_KINDS:
        errors["kind"] = f"kind must be one of {', '.join(RELATION_KINDS)}, not '{kind}'"
    clean["kind"] = kind
    name = " ".join(str(values.get("name") or "").split(" ")).strip()
    problem = one_line_problem(name)
    if not name:
        errors["name"] = "a relation needs a name"
    elif problem:
        errors["name"] = f"name {problem}"
    elif len(name) > MAX_FIELD_LENGTH:
        errors["name"] = f"name is longer than {MAX_FIELD_LENGTH} characters"
    clean["name"] = name
    wish = clean_multi_line(str(values.get("wish_list") or "")).strip()
    if len(wish) > MAX_WISH_LIST:
        errors["wish_list"] = f"wish list is longer than {MAX_WISH_LIST} characters"
    clean["wish_list"] = wish
    dates = {name: values.get(name) for name in DATE_FIELDS}
    for prefix in ("birthday", "anniversary"):
        _clean_key_date(dates, prefix, errors)
    clean.update(dates)
    if errors:
        raise ValidationError(errors)
    return clean


def client_relations(client_id: int) -> list[Relation]:
    """A client's relations: partner first, then children, parents, friends, others."""
    order = {kind: n for n, kind in enumerate(RELATION_KINDS)}
    rows = list(Relation.select().where(Relation.client == client_id))
    return sorted(rows, key=lambda r: (order.get(r.kind, 9), r.name.casefold(), r.id))


def get_relation(relation_id: int) -> Relation:
    relation = Relation.get_or_none(Relation.id == relation_id)
    if relation is None:
        raise NotFound(f"no relation with id {relation_id}")
    return relation


def save_relation(client_id: int, values: dict[str, Any],
                  relation_id: int | None = None) -> Relation:
    """Add a relation to a client, or change one of hers, in one transaction."""
    clean = clean_relation_values(values)
    with database.atomic():
        if Client.get_or_none(Client.id == client_id) is None:
            raise NotFound(f"no client with id {client_id}")
        if relation_id is None:
            relation = Relation.create(client=client_id, **clean)
        else:
            relation = get_relation(relation_id)
            if relation.client_id != client_id:
                raise ValidationError({"relation_id": f"relation {relation_id} is not this "
                                                      f"client's"})
            for name, value in clean.items():
                setattr(relation, name, value)
            relation.updated_at = utcnow()
            relation.save()
            # Gifts bought for this person keep the name they are known by now.
            (Purchase.update(gift_recipient=relation.name)
             .where(Purchase.gift_relation_ref == relation.id).execute())
    return relation


def delete_relation(relation_id: int) -> None:
    """Remove a relation; gifts bought for it keep their recipient's name."""
    with database.atomic():
        get_relation(relation_id).delete_instance()


def _date_json(relation: Relation, prefix: str) -> str | None:
    month, day = getattr(relation, f"{prefix}_month"), getattr(relation, f"{prefix}_day")
    if not month or not day:
        return None
    year = getattr(relation, f"{prefix}_year")
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def relation_json(relation: Relation) -> dict[str, Any]:
    """A relation as JSON; a date without a year is written "--MM-DD" (ISO 8601)."""
    return {"id": relation.id, "kind": relation.kind, "name": relation.name,
            "birthday": _date_json(relation, "birthday"),
            "anniversary": _date_json(relation, "anniversary"),
            "wish_list": relation.wish_list}


def relations_by_client(client_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each client's relations as JSON, for many clients in one query per 900."""
    out: dict[int, list[dict[str, Any]]] = {}
    ids = list(dict.fromkeys(client_ids))
    order = {kind: n for n, kind in enumerate(RELATION_KINDS)}
    for start in range(0, len(ids), 900):
        # The ids go in as one JSON array: a query with 900 bound values costs more to
        # build than to run.
        rows = Relation.select().where(SQL("client_id IN (SELECT value FROM json_each(?))",
                                           [json.dumps(ids[start:start + 900])]))
        for relation in sorted(rows, key=lambda r: (order.get(r.kind, 9), r.name.casefold(),
                                                    r.id)):
            out.setdefault(relation.client_id, []).append(relation_json(relation))
    return out


def save_client_with_relations(values: dict[str, Any], relations: list[dict[str, Any]]) -> Client:
    """A new client and her relations, written together or not at all; a bad relation is
    named by its place in the list."""
    from boutique.services.clients.book import save_client

    with database.atomic():
        client = save_client(values)
        for number, relation in enumerate(relations, start=1):
            if not isinstance(relation, dict):
                raise ValidationError({f"relations[{number}]": "must be a JSON object"})
            try:
                save_relation(client.id, {k: v for k, v in relation.items() if k != "id"})
            except ValidationError as exc:
                raise ValidationError({f"relations[{number}].{k}": v
                                       for k, v in exc.errors.items()}) from exc
    return client


@dataclass(frozen=True)
class DateText:
    """A key date as the profile shows it."""

    month: int | None
    day: int | None
    year: int | None

    def __str__(self) -> str:
        if not self.month or not self.day:
            return ""
        text = dt.date(2000, self.month, self.day).strftime("%d %b").lstrip("0")
        return f"{text} {self.year}" if self.year else text


def date_text(relation: Relation, prefix: str) -> str:
    return str(DateText(getattr(relation, f"{prefix}_month"), getattr(relation, f"{prefix}_day"),
                        getattr(relation, f"{prefix}_year")))

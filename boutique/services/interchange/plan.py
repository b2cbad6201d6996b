"""The preview of an import: every row as it would be saved, duplicates matched, problems named.

Nothing is written here. A row whose email (any case) or normalised phone matches a client
of the book, or an earlier row of the same file, is merged into it: only the fields she has
empty are filled, tags are added, and the rule that matched is kept for the preview.
A row that would change nothing is skipped, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee

from boutique.models import Relation, database
from boutique.services import settings
from boutique.services.clients import (
    PHONE_FIELDS,
    Client,
    clean_client_values,
    imported_refs,
    validate_purchase,
)
from boutique.services.collector import collector_paused
from boutique.services.errors import ValidationError
from boutique.services.interchange.clean_ahead import ValuesCleaner
from boutique.services.interchange.formats import detect_format
from boutique.services.interchange.mapping import MappedRow, default_mapping, map_row
from boutique.services.interchange.orders import ORDER_REF_PREFIX, order_rows
from boutique.services.interchange.purchases_csv import present_refs, purchase_rows
from boutique.services.interchange.reading import decode, read_table
from boutique.services.interchange.vcard import is_vcard, read_cards


@dataclass(frozen=True)
class Problem:
    row: int
    field: str
    reason: str


@dataclass
class PlannedRow:
    row: int
    action: str  # "create", "merge" or "skip"
    values: dict[str, Any]
    spend_before_cents: int = 0
    note: str = ""
    client_id: int | None = None  # the book's client a merge goes to
    merge_into_row: int | None = None  # an earlier row of the file a merge goes to
    rule: str = ""
    purchase: Any = None  # a PurchaseData for an order not imported before
    people: list[dict[str, str]] = field(default_factory=list)  # relations to add if new


@dataclass
class ImportPlan:
    path: Path
    format: str
    header: list[str]
    mapping: dict[str, str]
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    followups_added: int = 0
    purchases_added: int = 0
    sample: dict[str, str] = field(default_factory=dict)  # the file's first row, as read

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def summary(self) -> dict[str, Any]:
        return {
            "format": self.format, "created": self.count("create"),
            "merged": self.count("merge"), "skipped": self.count("skip"),
            "problems": [vars(p) for p in self.problems],
            "followups_added": self.followups_added, "purchases_added": self.purchases_added,
        }


_PLAIN_FIELDS = (peewee.AutoField, peewee.IntegerField, peewee.CharField, peewee.TextField)


class _Book:
    """The book's emails and phones, to match rows against, in memory for speed."""

    def __init__(self) -> None:
        self.by_email: dict[str, int] = {}
        self.by_phone: dict[str, int] = {}
        self.clients: dict[int, dict[str, Any]] = {}
        # Plain rows, turned by their fields only where SQLite's value is not the field's
        # own (flags, dates): a big book is read whole, and the ORM's rows cost seconds.
        fields = list(Client._meta.sorted_fields)
        turned = [(n, f.name, f.python_value) for n, f in enumerate(fields)
                  if not isinstance(f, _PLAIN_FIELDS)]
        names = [f.name for f in fields]
        cursor = database.execute_sql(
            f"SELECT {', '.join(f.column_name for f in fields)} FROM client "
            "WHERE deleted_at IS NULL")
        for raw in cursor:
            row = dict(zip(names, raw, strict=True))
            for n, name, python_value in turned:
                if raw[n] is not None:
                    row[name] = python_value(raw[n])
            self.clients[row["id"]] = row
            self.add(row["id"], row)

    def add(self, key: int, values: dict[str, Any]) -> None:
        if values.get("email"):
            self.by_email.setdefault(values["email"].casefold(), key)
        for name in PHONE_FIELDS:
            if values.get(name):
                self.by_phone.setdefault(values[name], key)

    def match(self, values: dict[str, Any]) -> tuple[int | None, str]:
        if values.get("email") and values["email"].casefold() in self.by_email:
            return self.by_email[values["email"].casefold()], f"same email {values['email']}"
        for name in PHONE_FIELDS:
            if values.get(name) and values[name] in self.by_phone:
                return self.by_phone[values[name]], f"same phone {values[name]}"
        return None, ""


KEY_DATE_PARTS = {prefix: tuple(f"{prefix}_{part}" for part in ("year", "month", "day"))
                  for prefix in ("birthday", "anniversary")}


def _merge_changes(existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    changes = {}
    for parts in KEY_DATE_PARTS.values():  # a date is whole or absent: never half of two
        year, month, day = parts
        if existing.get(month) in (None, "") and new.get(month):
            changes.update({name: new.get(name) for name in parts})
        elif (existing.get(year) is None and new.get(year) and
              (existing.get(month), existing.get(day)) == (new.get(month), new.get(day))):
            changes.update({name: new[name] for name in parts})  # the same day, with its year
        new = {k: v for k, v in new.items() if k not in parts}
    for name, value in new.items():
        if name == "tags":
            have = [t.strip() for t in (existing.get("tags") or "").split(",") if t.strip()]
            added = [t.strip() for t in str(value).split(",")
                     if t.strip() and t.strip().casefold() not in {h.casefold() for h in have}]
            if added:
                changes["tags"] = ", ".join(have + added)
        elif isinstance(value, bool) or value in (None, ""):
            continue
        elif existing.get(name) in (None, ""):
            changes[name] = value
    return changes


def _mapped_rows(path: Path, fmt: str, mapping: dict[str, str] | None):
    """(format, header, mapping, [(row number, MappedRow)], first row); vCards count from 1."""
    text = decode(path.read_bytes())
    if fmt == "vcard" or (fmt == "auto" and is_vcard(text)):
        cards = read_cards(text)
        return "vcard", [], {}, [(n, MappedRow(values=v, note=note, people=people))
                                 for n, (v, note, people) in enumerate(cards, start=1)], {}
    header, rows = read_table(path)
    if fmt == "auto":
        fmt = detect_format(header)
    sample = rows[0] if rows else {}
    if fmt == "shopify-orders":
        return fmt, header, {}, order_rows(rows), sample
    if fmt == "boutique-purchases":
        return fmt, header, {}, purchase_rows(rows), sample
    mapping = default_mapping(fmt, header) if mapping is None else mapping
    return fmt, header, mapping, [(n, map_row(row, mapping))
                                  for n, row in enumerate(rows, start=2)], sample  # 1: header


# A client row of a file is longer than this: a file's size bounds how many rows it has.
BYTES_PER_ROW_AT_LEAST = 40


def build_plan(path: Path, fmt: str = "auto", mapping: dict[str, str] | None = None) -> ImportPlan:
    with collector_paused():
        return _build_plan(path, fmt, mapping)


def _build_plan(path: Path, fmt: str, mapping: dict[str, str] | None) -> ImportPlan:
    # (a big file's other process starts while this one reads it)
    cleaner = ValuesCleaner(Path(path).stat().st_size // BYTES_PER_ROW_AT_LEAST)
    try:
        return _planned(path, fmt, mapping, cleaner)
    finally:
        cleaner.close()


def _planned(path: Path, fmt: str, mapping: dict[str, str] | None,
             cleaner: ValuesCleaner) -> ImportPlan:
    fmt, header, mapping, mapped_rows, sample = _mapped_rows(Path(path), fmt, mapping)
    plan = ImportPlan(Path(path), fmt, header, mapping, sample=sample)
    book = _Book()
    region = settings.get("store.default_region")  # read once: a query per row is slow
    planned_by_row: dict[int, PlannedRow] = {}
    people_known = _people_known(fmt)
    already_imported = (imported_refs(ORDER_REF_PREFIX) if fmt == "shopify-orders"
                        else present_refs() if fmt == "boutique-purchases" else set())
    cleaned = cleaner.clean((mapped.values for _n, mapped in mapped_rows), region)
    for number, mapped in mapped_rows:
        problems = [Problem(number, f, r) for f, r in mapped.problems]
        if mapped.purchase is not None:
            try:
                validate_purchase(mapped.purchase)
            except ValidationError as exc:
                problems += [Problem(number, f, r) for f, r in exc.errors.items()]
        try:
            values = _cleaned(mapped.values, region, cleaned)
        except ValidationError as exc:
            problems += [Problem(number, f, r) for f, r in exc.errors.items()]
            values = {}
        if problems:
            plan.problems.extend(problems)
            continue
        key, rule = book.match(values)
        if key is None:
            planned = PlannedRow(number, "create", values, mapped.spend_before_cents, mapped.note)
            planned_by_row[number] = planned
            book.add(-number, values)  # earlier rows of the file are keyed by -row
        elif key < 0:
            target = planned_by_row[-key]
            changes = _merge_changes(target.values, values)
            target.values.update(changes)
            if not target.spend_before_cents:  # like any field: the first row that has it
                target.spend_before_cents = mapped.spend_before_cents
            planned = PlannedRow(number, "merge", changes, 0, mapped.note,
                                 merge_into_row=-key, rule=f"{rule} as row {-key}")
        else:
            existing = book.clients[key]
            changes = _merge_changes(existing, values)
            spend = mapped.spend_before_cents if not existing["spend_before_cents"] else 0
            action = "merge" if changes or spend else "skip"
            planned = PlannedRow(number, action, changes, spend, mapped.note, client_id=key,
                                 rule=rule)
        if mapped.purchase is not None and mapped.purchase.source_ref not in already_imported:
            planned.purchase = mapped.purchase
            planned.action = "merge" if planned.action == "skip" else planned.action
        known = people_known.get(key, set()) if key else set()
        planned.people = [p for p in mapped.people if p["name"].casefold() not in known]
        if key is not None and key < 0:  # the people of a card met twice, each once
            target = planned_by_row[-key]
            names = {p["name"].casefold() for p in target.people}
            target.people += [p for p in planned.people if p["name"].casefold() not in names]
            planned.people = []
        elif planned.people and planned.action == "skip":
            planned.action = "merge"
        plan.rows.append(planned)
    return plan


def _cleaned(values: dict[str, Any], region: str, known: dict[tuple, tuple]) -> dict[str, Any]:
    """clean_client_values, each set of values once (`known`: what ValuesCleaner made, and
    what this adds): an orders file names the same client on each of her orders. A copy,
    as the plan's rows change theirs."""
    try:
        key = tuple(values.items())
        found = known.get(key)
    except TypeError:  # a value that cannot be a key: cleaned as it comes
        return clean_client_values(values, region)
    if found is None:
        try:
            found = known[key] = ("ok", clean_client_values(values, region))
        except ValidationError as exc:
            known[key] = ("problems", exc.errors)
            raise
    outcome, clean = found
    if outcome != "ok":
        raise ValidationError(clean)
    return dict(clean)


def _people_known(fmt: str) -> dict[int, set[str]]:
    """The names of each client's people (only cards carry people to compare)."""
    if fmt != "vcard":
        return {}
    known: dict[int, set[str]] = {}
    for client_id, name in Relation.select(Relation.client, Relation.name).tuples():
        known.setdefault(client_id, set()).add(name.casefold())
    return known

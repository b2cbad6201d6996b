"""vCard 3.0 and 4.0 (Google and Apple Contacts) read with vobject, as client fields."""

from __future__ import annotations

import re
from typing import Any

import vobject

_DATE = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})")
# vCard 4.0 RELATED types and Apple's labels (X-ABRELATEDNAMES) -> the kinds of people.
_RELATION_KINDS = {"spouse": "partner", "partner": "partner", "husband": "partner",
                   "wife": "partner", "sweetheart": "partner", "date": "partner",
                   "child": "child", "son": "child", "daughter": "child", "parent": "parent",
                   "mother": "parent", "father": "parent", "friend": "friend"}
_RELATED_TYPES = {"partner": "spouse", "child": "child", "parent": "parent", "friend": "friend",
                  "other": "kin"}
_PHONE_SLOTS = {"cell": "mobile_phone", "mobile": "mobile_phone", "iphone": "mobile_phone",
                "work": "work_phone", "home": "home_phone"}


def is_vcard(text: str) -> bool:
    return text.lstrip().upper().startswith("BEGIN:VCARD")


def _labels(card) -> dict[str, str]:
    """Item-group labels (`item1.X-ABLabel:mobile`) by group name."""
    return {line.group: str(line.value) for line in card.contents.get("x-ablabel", [])
            if line.group}


def _types(line, labels: dict[str, str]) -> list[str]:
    kinds = [t.casefold() for t in line.params.get("TYPE", [])]
    if line.group in labels:
        kinds.append(re.sub(r"[_$!<>]", "", labels[line.group]).casefold())
    return kinds


def _date_parts(text: str) -> tuple[int | None, int, int] | None:
    match = _DATE.match(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return (int(year) if year and year != "1604" else None, int(month), int(day))


def card_values(card) -> tuple[dict[str, Any], str]:
    """The client fields and the note of one card."""
    values: dict[str, Any] = {}
    labels = _labels(card)
    if "n" in card.contents:
        name = card.n.value
        values["first_name"], values["last_name"] = name.given or "", name.family or ""
    if not (values.get("first_name") or values.get("last_name")) and "fn" in card.contents:
        values["first_name"] = card.fn.value
    if "email" in card.contents:
        values["email"] = card.email.value
    for line in card.contents.get("tel", []):
        kinds = _types(line, labels)
        slot = next((_PHONE_SLOTS[k] for k in kinds if k in _PHONE_SLOTS), None)
        free = [s for s in ("mobile_phone", "home_phone", "work_phone") if s not in values]
        slot = slot if slot and slot not in values else (free[0] if free else None)
        if slot:
            values[slot] = str(line.value)
    for line in card.contents.get("adr", []):
        which = "business" if "work" in _types(line, labels) else "home"
        if f"{which}_line1" in values:
            continue
        adr = line.value
        # Apple writes a two-line street as one value with a line break in it.
        street = [part.strip() for part in (adr.street or "").splitlines() if part.strip()]
        values.update({f"{which}_line1": street[0] if street else "",
                       f"{which}_line2": ", ".join(street[1:]), f"{which}_city": adr.city or "",
                       f"{which}_region": adr.region or "", f"{which}_postcode": adr.code or "",
                       f"{which}_country": adr.country or ""})
    if "org" in card.contents:
        values["business_company"] = " ".join(card.org.value).strip()
    # Apple keeps other dates as X-ABDATE lines, the anniversary by its item-group label.
    apple_dates = [line for line in card.contents.get("x-abdate", [])
                   if "anniversary" in _types(line, labels)]
    for prefix, keys in (("birthday", ("bday",)),
                         ("anniversary", ("anniversary", "x-anniversary", "x-abdate"))):
        for key in keys:
            lines = apple_dates if key == "x-abdate" else card.contents.get(key, [])
            if lines:
                parts = _date_parts(str(lines[0].value))
                if parts:
                    values.update(dict(zip((f"{prefix}_year", f"{prefix}_month", f"{prefix}_day"),
                                           parts, strict=True)))
                break
    note = str(card.note.value) if "note" in card.contents else ""
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items() if v != ""}, note


def card_people(card) -> list[dict[str, str]]:
    """The people a card names (spouse, children, parents…) as relations: kind and name."""
    labels = _labels(card)
    people = []
    for key in ("related", "x-abrelatednames"):
        for line in card.contents.get(key, []):
            name = str(line.value).strip()
            if not name or name.lower().startswith(("urn:", "http:", "https:", "mailto:")):
                continue  # a link to another card, not a name
            kinds = _types(line, labels)
            kind = next((_RELATION_KINDS[k] for k in kinds if k in _RELATION_KINDS), "other")
            people.append({"kind": kind, "name": name})
    return people


def read_cards(text: str) -> list[tuple[dict[str, Any], str, list[dict[str, str]]]]:
    """Each card's client fields, its note and the people it names."""
    return [(*card_values(card), card_people(card)) for card in vobject.readComponents(text)]


def _date_text(year: int | None, month: int | None, day: int | None) -> str | None:
    if not (month and day):
        return None
    return f"{year:04d}{month:02d}{day:02d}" if year else f"--{month:02d}{day:02d}"


def client_card(client, people: list[dict] = ()) -> str:
    """One client as a vCard 4.0, with the people in her life as RELATED names."""
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("n").value = vobject.vcard.Name(family=client.last_name, given=client.first_name)
    card.add("fn").value = client.full_name
    if client.email:
        card.add("email").value = client.email
    for name, kind in (("mobile_phone", "cell"), ("home_phone", "home"), ("work_phone", "work")):
        if getattr(client, name):
            line = card.add("tel")
            line.value, line.type_param = getattr(client, name), kind
    for which, kind in (("home", "home"), ("business", "work")):
        a = client.address(which)
        if a["line1"] or a["city"]:
            line = card.add("adr")
            street = "\n".join(part for part in (a["line1"], a.get("line2", "")) if part)
            line.value = vobject.vcard.Address(street=street, city=a["city"],
                                               region=a["region"], code=a["postcode"],
                                               country=a["country"])
            line.type_param = kind
    if client.business_company:
        card.add("org").value = [client.business_company]
    for prefix, key in (("birthday", "bday"), ("anniversary", "anniversary")):
        text = _date_text(*(getattr(client, f"{prefix}_{p}") for p in ("year", "month", "day")))
        if text:
            card.add(key).value = text
    for person in people:
        line = card.add("related")
        line.value = person["name"]
        line.params["TYPE"] = [_RELATED_TYPES.get(person["kind"], "kin")]
        line.params["VALUE"] = ["text"]
    return card.serialize()

"""The client brief: one or two pages to read before an introduction call or an
appointment. Everything the book knows that helps the conversation, nothing to sell."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.services import settings
from boutique.services.associates import associate_history
from boutique.services.cadence import client_followups
from boutique.services.clients import (
    RELATION_KIND_LABELS,
    TOP,
    client_purchases,
    client_relations,
    display_phone,
    get_client,
    relation_date_text,
    tier_for,
    top_tier_threshold,
)
from boutique.services.notes import pinned_facts, timeline
from boutique.services.service_desk import KIND_LABELS as TICKET_KINDS
from boutique.services.service_desk import STATUS_LABELS, client_tickets
from boutique.services.stationery.facts import PersonFacts, long_date, person_facts

LAST_NOTES = 5
PURCHASES = 12
FOLLOWUPS = 6  # the next ones: the brief is for the coming conversation
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True)
class BriefSection:
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ClientBrief:
    person: PersonFacts
    day_text: str
    headline: str  # "Top client · looked after by Maria Santos · since 2019"
    sections: tuple[BriefSection, ...]


def _key_date(month, day, year) -> str:
    if not month or not day:
        return ""
    return f"{day} {MONTHS[month - 1]}" + (f" {year}" if year else "")


def _money(cents: int) -> str:
    return f"${cents / 100:,.2f}"


def _people(client) -> list[str]:
    lines = []
    if client.partner_name and not any(r.kind == "partner" for r in client_relations(client.id)):
        lines.append(f"Partner: {client.partner_name}")
    for relation in client_relations(client.id):
        bits = [f"{RELATION_KIND_LABELS.get(relation.kind, relation.kind)}: {relation.name}"]
        for prefix, word in (("birthday", "birthday"), ("anniversary", "anniversary")):
            text = relation_date_text(relation, prefix)
            if text:
                bits.append(f"{word} {text}")
        if relation.wish_list.strip():
            bits.append(f"wishes: {relation.wish_list.strip()}")
        lines.append(" · ".join(bits))
    for label, prefix in (("Birthday", "birthday"), ("Anniversary", "anniversary")):
        text = _key_date(getattr(client, f"{prefix}_month"), getattr(client, f"{prefix}_day"),
                         getattr(client, f"{prefix}_year"))
        if text:
            lines.append(f"{label}: {text}")
    return lines


def _purchases(client_id: int, region: str | None) -> list[str]:
    lines = []
    for purchase in client_purchases(client_id)[:PURCHASES]:
        items = ", ".join(i.description for i in purchase.items if i.description.strip())
        line = f"{long_date(purchase.purchase_date, region)}: {items or 'a purchase'}"
        line += f" · {_money(purchase.total_cents)}"
        if purchase.is_gift:
            whom = purchase.gift_recipient or "someone"
            line += f" · gift for {whom}" + (f" ({purchase.gift_relation})"
                                             if purchase.gift_relation else "")
            if purchase.gift_occasion:
                line += f", {purchase.gift_occasion}"
        if purchase.voided:
            line += f" · {purchase.voided}"
        lines.append(line)
    return lines


def client_brief(client_id: int, day: dt.date) -> ClientBrief:
    client = get_client(client_id, include_deleted=False)
    region = settings.get("store.default_region")
    person = person_facts(client, top_tier_threshold())
    how = [f"Greet as: {person.title_name}"]
    if client.preferred_name and client.preferred_name != client.first_name:
        how.append(f"Goes by: {client.preferred_name}")
    for field_name, word in (("mobile_phone", "Mobile"), ("work_phone", "Work"),
                             ("home_phone", "Home")):
        number = getattr(client, field_name)
        if number:
            how.append(f"{word}: {display_phone(number, region)}")
    if client.email:
        how.append(f"Email: {client.email}")
    agreed = [name for name in ("mail", "phone", "text", "email")
              if getattr(client, f"consent_{name}")]
    how.append("Asked not to be contacted" if client.do_not_contact
               else "Agreed to: " + (", ".join(agreed) or "nothing yet"))
    sizes = [line for line in (
        f"Ring size: {client.ring_size}" if client.ring_size else "",
        f"Other sizes: {client.other_sizes}" if client.other_sizes.strip() else "",
        f"Metals: {client.pref_metals}" if client.pref_metals.strip() else "",
        f"Stones: {client.pref_stones}" if client.pref_stones.strip() else "",
        f"Styles: {client.pref_styles}" if client.pref_styles.strip() else "",
        f"Dislikes: {client.dislikes}" if client.dislikes.strip() else "") if line]
    notes = [f"{long_date(n.created_at.date(), region)}: {n.text}" for n in timeline(client_id)
             if not n.pinned][:LAST_NOTES]
    open_rows, _past = client_followups(client_id, day)
    followups = [f"{long_date(r.due, region)}: {r.kind_text} · {r.reason}" for r in open_rows][:FOLLOWUPS]
    tickets = [f"{TICKET_KINDS.get(t.kind, t.kind)}: {t.piece} · "
               f"{STATUS_LABELS.get(t.status, t.status)}, promised {long_date(t.promised_on, region)}"
               for t in client_tickets(client_id) if t.status != "picked_up"]
    history = [change.text for change in associate_history(client_id)]
    sections = (
        BriefSection("How to address", tuple(how)),
        BriefSection("Family and dates", tuple(_people(client))),
        BriefSection("Sizes and preferences", tuple(sizes)),
        BriefSection("Pinned facts", tuple(n.text for n in pinned_facts(client_id))),
        BriefSection("Wish list", (client.wish_list.strip(),) if client.wish_list.strip()
                     else ()),
        BriefSection("Purchases", tuple(_purchases(client_id, region))),
        BriefSection("Last notes", tuple(notes)),
        BriefSection("Open follow-ups", tuple(followups)),
        BriefSection("Service tickets", tuple(tickets)),
        BriefSection("Associates", tuple(history)),
    )
    tier = tier_for(client.lifetime_spend_cents, top_tier_threshold())
    headline = " · ".join(bit for bit in (
        "Top client" if tier == TOP else "",
        f"spent {_money(client.lifetime_spend_cents)}" if client.lifetime_spend_cents else
        "no purchases yet",
        f"looked after by {client.associate}" if client.associate else "no associate yet",
        f"client since {client.created_at:%Y}" if client.created_at else "") if bit)
    return ClientBrief(person, long_date(day, region), headline, sections)


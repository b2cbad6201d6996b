"""What the printed pieces say, read from the store as plain data.

The printing floor draws these dataclasses and never queries the store. The address and
the number come from services/clients/contact.py (choose_mail / choose_phone), the one place for
the gift and consent rule; the recall line from services/agenda/recall.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from boutique.models import Client, Purchase, PurchaseItem
from boutique.services import settings
from boutique.services.agenda import KIND_LABELS, AgendaItem, agenda_for, recall_line
from boutique.services.clients import (
    ContactChoice,
    choose_mail,
    choose_phone,
    display_phone,
    top_tier_threshold,
)
from boutique.services.errors import NotFound
from boutique.services.returns import after_return_words
from boutique.services.stationery.facts import (
    PHONE_LABELS,
    PersonFacts,
    PurchaseFacts,
    day_heading,
    item_phrase,
    items_of_purchases,
    long_date,
    person_facts,
    pinned_facts,
    pinned_facts_for,
    purchase_facts,
)
from boutique.services.stationery.gift_safe import (
    COUNTER,
    DISCREET,
    PRIVATE_REASON,
    PRIVATE_REMINDER,
    mode_for,
    private_purchase,
    rule_warnings,
)
from boutique.services.stationery.letterhead import home_country, paper_region
from boutique.services.stationery.occasion_facts import (
    OccasionReads,
    ReminderFacts,
    read_occasions,
    reminder_facts,
)
from boutique.services.stationery.seasons import season_on
from boutique.services.stationery.voices import (
    BRIEFED_KINDS,
    recent_purchases_of,
    voice_fields,
    voice_pair,
    voices_for,
)


@dataclass(frozen=True)
class NotePrompt:
    """One handwritten note to write: to whom, where it goes, what to say."""

    kind: str
    due: dt.date
    due_text: str
    person: PersonFacts
    address_lines: tuple[str, ...] = ()  # as on the envelope, the name first
    address_kind: str = ""  # "home", "business" or "" (no address)
    warnings: tuple[str, ...] = ()
    purchase: PurchaseFacts | None = None
    recall: str = ""
    reason: str = ""
    occasion: str = ""  # a key date's: "birthday" (the client's own) or "anniversary"
    season: str = ""  # the season the due day falls in ("holiday"), else ""
    # How a gift's note keeps the surprise at a shared home: "counter", "discreet",
    # "hold" (services/stationery/gift_safe.py), else "".
    gift_safe: str = ""
    reminder: ReminderFacts | None = None  # a reminder to find a gift: whose date, wishes
    when: str = ""  # a key date's standing on the day: "today", "in 21 days"
    # After a return: what the wording may mention (credit, code, fault), as pairs.
    offer: tuple[tuple[str, str], ...] = ()
    # Every purchase the note thanks for (a merged note has several), the first one first.
    purchases: tuple[PurchaseFacts, ...] = ()

    # Who the piece speaks as: the client's associate and her direct line ("" : the
    # letterhead's jeweler and the store's phone).
    voice: str = ""
    voice_phone: str = ""

    @property
    def all_purchases(self) -> tuple[PurchaseFacts, ...]:
        return self.purchases or ((self.purchase,) if self.purchase else ())


@dataclass(frozen=True)
class CallScript:
    """One call to make: the client at a glance, the purchase, the facts to remember."""

    kind: str
    due: dt.date
    due_text: str
    person: PersonFacts
    phone: str = ""
    phone_label: str = ""  # "mobile", "work" or "home"
    warnings: tuple[str, ...] = ()
    purchase: PurchaseFacts | None = None
    pinned: tuple[str, ...] = ()
    recall: str = ""
    reason: str = ""
    days_overdue: int = 0
    # Every purchase the call is about (a merged call has several), the first one first.
    purchases: tuple[PurchaseFacts, ...] = ()
    occasion: str = ""
    season: str = ""
    reminder: ReminderFacts | None = None
    when: str = ""  # a key date's standing on the day: "today", "in 21 days"
    offer: tuple[tuple[str, str], ...] = ()

    # Who the piece speaks as: the client's associate and her direct line ("" : the
    # letterhead's jeweler and the store's phone).
    voice: str = ""
    voice_phone: str = ""

    @property
    def all_purchases(self) -> tuple[PurchaseFacts, ...]:
        return self.purchases or ((self.purchase,) if self.purchase else ())


@dataclass(frozen=True)
class PackData:
    """Everything due on one day, in agenda order."""

    day: dt.date
    day_text: str
    notes: tuple[NotePrompt, ...] = ()
    calls: tuple[CallScript, ...] = ()
    not_printed: tuple[tuple[str, str], ...] = ()  # (client, why): email, text, do not contact

    @property
    def piece_count(self) -> int:
        return len(self.notes) + len(self.calls)


def _get_purchase(purchase_id: int) -> Purchase:
    purchase = Purchase.get_or_none(Purchase.id == purchase_id)
    if purchase is None:
        raise NotFound(f"no purchase {purchase_id}")
    return purchase


def note_prompt(client: Client, purchase: Purchase | None, kind: str, due: dt.date,
                reason: str = "", choice: ContactChoice | None = None,
                person: PersonFacts | None = None, recall: str | None = None,
                region: str | None = None, occasion: str = "",
                occasion_date: dt.date | None = None, when: str = "",
                offer: tuple[tuple[str, str], ...] = (),
                others: Sequence[Purchase] = (), voice: tuple[str, str] | None = None,
                items_of: Mapping[int, Sequence[PurchaseItem]] | None = None,
                occasions: OccasionReads | None = None) -> NotePrompt:
    """The prompt for a note; `choice` is the address already chosen (the agenda's),
    else choose_mail decides it here, with the same rule. `others`: the further purchases
    merged into this note, each named on the prompt. `items_of` and `occasions`: the
    purchases' items and what the reminder needs, when already read (a pack reads them
    all at once)."""
    every = [p for p in (purchase, *others) if p is not None]
    choice = choice or choose_mail(client, any(p.is_gift for p in every))
    address = choice.address
    if recall is None:
        recall = recall_line(client.id, purchase.id if purchase else None)
    address_kind = address.kind if address else ""
    mode = mode_for(client, purchase, address_kind)
    facts = _facts(purchase, region, items_of) if purchase else None
    merged = tuple(_facts(p, region, items_of) for p in every) if len(every) > 1 else ()
    lines = tuple(address.envelope_lines(home_country())) if address else ()
    if mode == COUNTER:  # handed over: no address to post it to
        lines, address_kind = (), COUNTER
    elif mode in DISCREET:  # posted home: nothing names the recipient or the piece
        facts, reason, recall = private_purchase(facts), PRIVATE_REASON, ""
        merged = tuple(private_purchase(p) for p in merged)
    shared = address_kind in ("home", "")
    reminder = reminder_facts(client, occasion, occasion_date, item_phrase, private=shared,
                              reads=occasions)
    if reminder is not None and shared:
        reason = PRIVATE_REMINDER
    return NotePrompt(
        kind=kind, due=due, due_text=long_date(due, region),
        person=person or person_facts(client, top_tier_threshold()),
        address_lines=lines, address_kind=address_kind,
        warnings=rule_warnings(tuple(choice.warnings), mode),
        purchase=facts, recall=recall, reason=reason, occasion=occasion, season=season_on(due),
        gift_safe=mode, reminder=reminder, when=when, offer=offer, purchases=merged,
        **voice_fields(client, voice))


def call_script(client: Client, purchase: Purchase | None, kind: str, due: dt.date,
                reason: str = "", days_overdue: int = 0, choice: ContactChoice | None = None,
                person: PersonFacts | None = None, recall: str | None = None,
                region: str | None = None, others: Sequence[Purchase] = (),
                occasion: str = "", occasion_date: dt.date | None = None,
                when: str = "", offer: tuple[tuple[str, str], ...] = (),
                voice: tuple[str, str] | None = None,
                items_of: Mapping[int, Sequence[PurchaseItem]] | None = None,
                pinned: tuple[str, ...] | None = None,
                occasions: OccasionReads | None = None) -> CallScript:
    """The script for a call; `choice` is the number already chosen (the agenda's), else
    choose_phone decides it here (never the home line for a gift). `others`: the further
    purchases merged into this call, each named on the script. `items_of`, `pinned` and
    `occasions`: the purchases' items, the client's pinned facts and what the reminder
    needs, when already read."""
    every = [p for p in (purchase, *others) if p is not None]
    choice = choice or choose_phone(client, any(p.is_gift for p in every))
    if recall is None:
        recall = recall_line(client.id, purchase.id if purchase else None)
    return CallScript(
        kind=kind, due=due, due_text=long_date(due, region),
        person=person or person_facts(client, top_tier_threshold()),
        phone=choice.contact, phone_label=_phone_label(client, choice),
        warnings=tuple(choice.warnings),
        purchase=_facts(purchase, region, items_of) if purchase else None,
        pinned=pinned_facts(client.id) if pinned is None else pinned, recall=recall,
        reason=reason, days_overdue=days_overdue,
        purchases=tuple(_facts(p, region, items_of) for p in every) if len(every) > 1 else (),
        occasion=occasion, season=season_on(due),
        reminder=reminder_facts(client, occasion, occasion_date, item_phrase,
                                reads=occasions), when=when,
        offer=offer, **voice_fields(client, voice))


def _facts(purchase: Purchase, region: str | None,
           items_of: Mapping[int, Sequence[PurchaseItem]] | None) -> PurchaseFacts:
    items = items_of.get(purchase.id) if items_of is not None else None
    return purchase_facts(purchase, region, items)


def _phone_label(client: Client, choice: ContactChoice) -> str:
    """"mobile", "work" or "home": which of the client's numbers the choice is."""
    if choice.phone_field:
        return PHONE_LABELS.get(choice.phone_field, "")
    region = settings.get("store.default_region")
    for field_name, name in PHONE_LABELS.items():
        number = getattr(client, field_name)
        if number and choice.contact in (number, display_phone(number, region)):
            return name
    return ""


def note_prompt_for_purchase(purchase_id: int, today: dt.date) -> NotePrompt:
    """The thank-you note prompt for one purchase (from the client's profile)."""
    purchase = _get_purchase(purchase_id)
    return note_prompt(purchase.client, purchase, "thank_you_note", today)


def call_script_for_purchase(purchase_id: int, today: dt.date,
                             kind: str = "satisfaction_call") -> CallScript:
    purchase = _get_purchase(purchase_id)
    return call_script(purchase.client, purchase, kind, today)


def pack_from_items(day: dt.date, items: Sequence[AgendaItem]) -> PackData:
    """Note prompts for the items going by mail, call scripts for the calls, in agenda
    order. The address and number are the ones the agenda chose (the contact rule).

    What every piece reads is read for the whole list at once (the settings, the clients,
    their purchases with the items, the callers' pinned facts, the voices), so a pack of
    a thousand pieces costs a handful of queries, not several per piece."""
    with settings.read_once():
        return _pack_from_items(day, items)


def _pack_from_items(day: dt.date, items: Sequence[AgendaItem]) -> PackData:
    region = paper_region()
    ids = list({i.client_id for i in items})
    clients = {c.id: c for c in Client.select().where(Client.id.in_(ids))} if ids else {}
    purchase_ids = [pid for i in items for pid in i.purchase_ids]
    purchases = ({p.id: p for p in Purchase.select().where(Purchase.id.in_(purchase_ids))}
                 if purchase_ids else {})
    voices = {cid: voice_pair(a) for cid, a in voices_for(list(clients)).items()}
    briefed = recent_purchases_of(dict.fromkeys(
        i.client_id for i in items if i.client_id in clients and i.kind in BRIEFED_KINDS
        and not any(pid in purchases for pid in i.purchase_ids)))
    items_of = items_of_purchases([*purchases, *(p.id for ps in briefed.values() for p in ps)])
    pinned = pinned_facts_for(dict.fromkeys(i.client_id for i in items
                                            if i.client_id in clients and i.channel == "phone"))
    occasions = read_occasions((i.client_id, i.occasion, i.occasion_date) for i in items
                               if i.client_id in clients and i.occasion)
    notes, calls, skipped = [], [], []
    for item in items:
        client = clients.get(item.client_id)
        if client is None:
            continue
        bought = [purchases[pid] for pid in item.purchase_ids if pid in purchases]
        if not bought and item.kind in BRIEFED_KINDS:
            bought = briefed[client.id]
        purchase = bought[0] if bought else None
        choice = ContactChoice(item.channel, item.contact, item.address,
                               warnings=tuple(item.warnings))
        common = dict(reason=item.reason, choice=choice, region=region,
                      person=person_facts(client, is_top=item.is_top),
                      recall=item.recall or None, occasion=item.occasion or "",
                      occasion_date=item.occasion_date,
                      when=item.when_text(day) if item.kind == "key_date" else "",
                      offer=_offer(item), voice=voices.get(item.client_id, ("", "")),
                      occasions=occasions)
        if item.channel == "mail":
            notes.append(note_prompt(client, purchase, item.kind, item.due, others=bought[1:],
                                     items_of=items_of, **common))
        elif item.channel == "phone":
            calls.append(call_script(client, purchase, item.kind, item.due,
                                     days_overdue=item.days_overdue, others=bought[1:],
                                     items_of=items_of, pinned=pinned[client.id], **common))
        else:
            how = {"email": "to send by email", "text": "to send by text message"}.get(
                item.channel, "; ".join(item.warnings) or "no way to reach them")
            skipped.append((item.client_name, f"{KIND_LABELS.get(item.kind, 'Follow-up')} {how}"))
    return PackData(day, day_heading(day, region), tuple(notes), tuple(calls), tuple(skipped))


def _offer(item: AgendaItem) -> tuple[tuple[str, str], ...]:
    if item.kind != "after_return" or not item.followup_id:
        return ()
    return tuple(after_return_words(item.followup_id).items())


def pack_data(day: dt.date) -> PackData:
    """Today's pack: everything the agenda has due on or before `day`."""
    return pack_from_items(day, agenda_for(day))


# Words in an item's metal, stone or description -> the care card that goes with it
# (the card names of printing/care_cards.py). Checked in this order; "white gold" is gold.
_CARE_WORDS = (
    ("pearls", ("pearl",)),
    ("diamonds", ("diamond",)),
    ("soft_gemstones", ("emerald", "opal", "turquoise", "tanzanite", "peridot", "amber",
                        "coral", "lapis", "malachite", "morganite", "kunzite", "moonstone")),
    ("platinum", ("platinum",)),
    ("silver", ("silver", "sterling")),
    ("gold", ("gold",)),
)


def care_materials_for(purchase_id: int) -> list[str]:
    """The care cards that suit a purchase's pieces, e.g. ["diamonds", "gold"]."""
    purchase = _get_purchase(purchase_id)
    text = " ".join(f"{i.metal} {i.stone} {i.description} {i.category}"
                    for i in purchase.items).casefold()
    return [card for card, words in _CARE_WORDS if any(word in text for word in words)]

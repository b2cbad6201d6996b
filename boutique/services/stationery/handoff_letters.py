"""The owner's letter to a client whose associate changes: who is leaving or away, who
looks after her now and how to reach them directly, and thanks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import Client, FollowUp
from boutique.models.followup import HANDOFF_LETTER, SKIPPED
from boutique.services import settings
from boutique.services.associates import get_associate, handoff_of_followup, owner, voice_of
from boutique.services.clients import choose_mail
from boutique.services.errors import NotFound
from boutique.services.stationery.facts import PersonFacts, long_date, person_facts
from boutique.services.stationery.letterhead import home_country, load_letterhead


@dataclass(frozen=True)
class HandoffLetter:
    person: PersonFacts
    date_text: str
    address_lines: tuple[str, ...]
    paragraphs: tuple[str, ...]
    contact_lines: tuple[str, ...]  # the new person: name and role, direct line, email
    signer: str
    signer_role: str
    warnings: tuple[str, ...] = ()


def _first(name: str) -> str:
    return name.split()[0] if name.split() else name


def letter_paragraphs(from_name: str, to_name: str, store: str, phone: str, email: str,
                      situation: str, until: dt.date | None, region: str | None = None
                      ) -> tuple[str, ...]:
    """`situation`: "away" (a temporary handoff), "leaving" (the associate left) or
    "moved" (the associate stays, the client is looked after by someone else)."""
    store = store or "the boutique"
    if situation == "away":
        opening = (f"I am writing to let you know that {from_name} will be away until "
                   f"{long_date(until, region)}. While {_first(from_name)} is away, "
                   f"{to_name} will look after you, and {_first(from_name)} will be glad "
                   f"to see you again on returning.")
    elif situation == "leaving":
        opening = (f"I am writing to let you know that {from_name} is leaving {store}. "
                   f"{_first(from_name)} has loved looking after you, and so that nothing "
                   f"you have shared with us is lost, {to_name} will look after you from now on.")
    else:
        opening = (f"I am writing to let you know that from now on {to_name} will look "
                   f"after you at {store}.")
    reach = f"You can reach {_first(to_name)} directly on {phone}" if phone else (
        f"You can reach {_first(to_name)} at the boutique")
    reach += f" or at {email}." if email else "."
    return (opening,
            f"{_first(to_name)} has read your history with us, your pieces, your sizes and "
            f"what you love, and will be in touch in the next few days to introduce "
            f"themself. {reach}",
            "Thank you for your loyalty and for the trust you place in us; it means a great "
            "deal to all of us.")


def handoff_letter(followup: FollowUp) -> HandoffLetter:
    handoff = handoff_of_followup(followup.source_id)
    client = Client.get_by_id(followup.client_id)
    letterhead = load_letterhead()
    region = settings.get("store.default_region")
    target = get_associate(handoff.to_associate_id)
    source = (get_associate(handoff.from_associate_id) if handoff.from_associate_id
              else None)
    situation = ("away" if handoff.until else
                 "leaving" if source is not None and not source.active else "moved")
    voice = voice_of(target, letterhead.store_name, letterhead.phone, region)
    choice = choose_mail(client, False)
    lines = tuple(choice.address.envelope_lines(home_country())) if choice.address else ()
    signer = owner()
    signer_name = signer.name if signer else letterhead.jeweler_name
    contact = tuple(line for line in (
        f"{target.name}" + (f", {target.role}" if target.role else ""),
        f"Direct line: {voice.phone}" if voice.phone else "",
        target.email) if line)
    return HandoffLetter(
        person=person_facts(client), date_text=long_date(followup.due, region),
        address_lines=lines,
        paragraphs=letter_paragraphs(source.name if source else "your associate", target.name,
                                     letterhead.store_name, voice.phone, target.email,
                                     situation, handoff.until, region),
        contact_lines=contact, signer=signer_name,
        signer_role=(signer.role if signer and signer.role else "Owner"),
        warnings=tuple(choice.warnings))


def handoff_letters_for(day: dt.date) -> list[HandoffLetter]:
    """The letters due on `day` (written or not: a reprint gives the same letters)."""
    rows = (FollowUp.select().where(FollowUp.kind == HANDOFF_LETTER, FollowUp.due == day,
                                    FollowUp.status != SKIPPED)
            .order_by(FollowUp.id))
    return [handoff_letter(row) for row in rows]


def handoff_letter_for_client(client_id: int) -> HandoffLetter:
    row = (FollowUp.select().where(FollowUp.kind == HANDOFF_LETTER,
                                   FollowUp.client == client_id)
           .order_by(FollowUp.due.desc(), FollowUp.id.desc()).first())
    if row is None:
        raise NotFound(f"client {client_id} has no handoff letter")
    return handoff_letter(row)

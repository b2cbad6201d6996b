"""The handoff: clients move from one associate to another and none is left in silence.

For each moved client the owner writes a letter (who is leaving or away, who looks after
her now, the new person's direct line) and the new associate introduces themself a few
days later, once the letter has arrived: a call for a top-tier client, a handwritten
note for the others. The introductions are spread over the days, largest spend first,
so the new associate has a manageable number each day, and each client's own contact cap
(the cadence's spacing) moves one further when she already has enough that week.

A temporary handoff (leave) has an end day: on it the clients go back to their own
associate, with a welcome-back note, and the introductions not yet made are set aside.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from boutique.models import Associate, AssociateChange, Client, FollowUp, Handoff, database, utcnow
from boutique.models.followup import (
    HANDOFF_LETTER,
    OPEN,
    RE_INTRODUCTION,
    SKIPPED,
    WELCOME_BACK,
)
from boutique.services.associates.roster import associate_by_name, owner
from boutique.services.cadence import respace_client
from boutique.services.clients import TOP, tier_for, top_tier_threshold
from boutique.services.errors import NotFound, ValidationError

# The letter goes out on the day; the introduction follows once it has arrived.
LETTER_ARRIVES_DAYS = 3
INTRODUCTIONS_PER_DAY = 5
LETTER_DAYS = 7  # the letter is on time within a week
INTRODUCTION_DAYS = 14
# A handoff's follow-ups point at the client's change they follow (one per client).
SOURCE = "handoff"
HANDED_BACK = "Handed back at the end of the handoff"


@dataclass(frozen=True)
class PlannedMove:
    client_id: int
    client_name: str
    spend_cents: int
    tier: str
    letter_due: dt.date | None  # None: asked not to be contacted, nothing is sent
    introduction: str  # "call", "note" or ""
    introduction_due: dt.date | None
    welcome_back_due: dt.date | None = None


@dataclass(frozen=True)
class HandoffPlan:
    from_name: str
    to_name: str
    day: dt.date
    until: dt.date | None
    moves: tuple[PlannedMove, ...] = ()
    handoff_id: int | None = None
    warnings: tuple[str, ...] = field(default=())

    def as_json(self) -> dict:
        def dates(move: PlannedMove) -> dict:
            out = asdict(move)
            for key, value in out.items():
                if isinstance(value, dt.date):
                    out[key] = value.isoformat()
            return out

        return {"from": self.from_name, "to": self.to_name, "day": self.day.isoformat(),
                "until": self.until.isoformat() if self.until else None,
                "handoff_id": self.handoff_id, "clients": len(self.moves),
                "letters": sum(1 for m in self.moves if m.letter_due),
                "introductions": sum(1 for m in self.moves if m.introduction),
                "moves": [dates(m) for m in self.moves], "warnings": list(self.warnings)}


def _clients_to_move(source: Associate, client_ids: list[int] | None) -> list[Client]:
    if not client_ids:
        return list(Client.select().where(Client.associate_ref == source.id,
                                          Client.deleted_at.is_null())
                    .order_by(Client.lifetime_spend_cents.desc(), Client.sort_name, Client.id))
    errors: dict[str, str] = {}
    found = {c.id: c for c in Client.select().where(Client.id.in_(client_ids))}
    for cid in client_ids:
        client = found.get(cid)
        if client is None or client.deleted_at is not None:
            errors[f"client {cid}"] = "no such client (or in the Trash)"
        elif client.associate_id != source.id:
            whose = client.associate or "nobody"
            errors[f"client {cid}"] = (f"{client.display_name} is looked after by {whose}, "
                                       f"not {source.name}")
    if errors:
        raise ValidationError(errors)
    return sorted((found[cid] for cid in dict.fromkeys(client_ids)),
                  key=lambda c: (-c.lifetime_spend_cents, c.sort_name, c.id))


def _can_call(client: Client) -> bool:
    return bool(client.consent_phone and (client.mobile_phone or client.work_phone
                                          or client.home_phone))


def plan_handoff(from_name: str, to_name: str, day: dt.date, client_ids: list[int] | None = None,
                 until: dt.date | None = None) -> HandoffPlan:
    """What a handoff would create, without writing anything."""
    source, target = associate_by_name(from_name), associate_by_name(to_name)
    errors = {}
    if source.id == target.id:
        errors["to"] = f"{target.name} already looks after these clients"
    if not target.active:
        errors["to"] = f"{target.name} has left; choose someone who is here"
    if until is not None and until <= day:
        errors["until"] = f"the end day {until:%d %b %Y} must come after {day:%d %b %Y}"
    if errors:
        raise ValidationError(errors)
    clients = _clients_to_move(source, client_ids)
    threshold = top_tier_threshold()
    moves, warnings = [], []
    for index, client in enumerate(clients):
        tier = tier_for(client.lifetime_spend_cents, threshold)
        if client.do_not_contact:
            moves.append(PlannedMove(client.id, client.display_name, client.lifetime_spend_cents,
                                     tier, None, "", None))
            warnings.append(f"{client.display_name}: asked not to be contacted; moved, "
                            "nothing sent")
            continue
        intro_day = day + dt.timedelta(days=LETTER_ARRIVES_DAYS + index // INTRODUCTIONS_PER_DAY)
        how = "call" if tier == TOP and _can_call(client) else "note"
        moves.append(PlannedMove(client.id, client.display_name, client.lifetime_spend_cents,
                                 tier, day, how, intro_day, until))
    if not clients:
        warnings.append(f"{source.name} looks after no clients")
    return HandoffPlan(source.name, target.name, day, until, tuple(moves),
                       warnings=tuple(warnings))


def _letter_reason(source: Associate, target: Associate, until: dt.date | None) -> str:
    signer = owner()
    by = f"from {signer.name}" if signer else "from the store"
    if until is not None:
        return f"Letter {by}: {source.name} is away until {until:%d %b %Y}; {target.name} looks after them"
    if not source.active:
        return f"Letter {by}: {source.name} is leaving; {target.name} looks after them now"
    return f"Letter {by}: {target.name} looks after them from now on"


def _followup(client_id: int, kind: str, channel: str, due: dt.date, days: int, reason: str,
              change_id: int, fixed: bool) -> dict:
    now = utcnow()
    return dict(client=client_id, kind=kind, channel=channel, reason=reason, rule_due=due,
                due=due, deadline=due + dt.timedelta(days=days), due_fixed=fixed, status=OPEN,
                source_kind=SOURCE, source_id=change_id, created_at=now, updated_at=now)


def _changes_of(handoff_id: int) -> list[int]:
    return [c.id for c in AssociateChange.select(AssociateChange.id)
            .where(AssociateChange.handoff == handoff_id)]


def hand_off(from_name: str, to_name: str, day: dt.date, client_ids: list[int] | None = None,
             until: dt.date | None = None, reason: str = "") -> HandoffPlan:
    """Move the clients and create each one's letter and introduction, in one transaction."""
    with database.atomic():
        plan = plan_handoff(from_name, to_name, day, client_ids, until)
        source, target = associate_by_name(from_name), associate_by_name(to_name)
        why = (reason or "").strip() or (f"{source.name} away until {until:%d %b %Y}" if until
                                         else f"Handed over by {source.name}")
        handoff = Handoff.create(from_associate=source.id, to_associate=target.id,
                                 started_on=day, until=until, reason=why, created_at=utcnow())
        letter_reason = _letter_reason(source, target, until)
        for move in plan.moves:
            (Client.update(associate_ref=target.id, associate=target.name, updated_at=utcnow())
             .where(Client.id == move.client_id).execute())
            change = AssociateChange.create(client=move.client_id, from_associate=source.id,
                                            to_associate=target.id, changed_on=day,
                                            reason=why, handoff=handoff.id,
                                            created_at=utcnow())
            if move.letter_due is None:
                continue
            rows = [_followup(move.client_id, HANDOFF_LETTER, "mail", day, LETTER_DAYS,
                              letter_reason, change.id, True),
                    _followup(move.client_id, RE_INTRODUCTION,
                              "phone" if move.introduction == "call" else "mail",
                              move.introduction_due, INTRODUCTION_DAYS,
                              f"{target.name} introduces themself to a client of {source.name}",
                              change.id, False)]
            FollowUp.insert_many(rows).execute()
            respace_client(Client.get_by_id(move.client_id))
    return _as_done(plan, handoff.id)


def _as_done(plan: HandoffPlan, handoff_id: int) -> HandoffPlan:
    """The plan with the days the introductions took once each client's cap had its say."""
    intros = dict(FollowUp.select(FollowUp.client, FollowUp.due)
                  .where(FollowUp.source_kind == SOURCE,
                         FollowUp.source_id.in_(_changes_of(handoff_id)),
                         FollowUp.kind == RE_INTRODUCTION).tuples())
    moves = tuple(PlannedMove(**{**asdict(m), "introduction_due": intros.get(m.client_id,
                                                                           m.introduction_due)})
                  for m in plan.moves)
    return HandoffPlan(plan.from_name, plan.to_name, plan.day, plan.until, moves, handoff_id,
                       plan.warnings)


def hand_back_due(day: dt.date) -> list[int]:
    """End the temporary handoffs whose end day has come: each client still with the
    stand-in goes back, with a welcome-back note; the introductions not yet made are set
    aside. Returns the ids of the handoffs ended."""
    ended = []
    with database.atomic():
        due = list(Handoff.select().where(Handoff.until.is_null(False),
                                          Handoff.handed_back_on.is_null(), Handoff.until <= day)
                   .order_by(Handoff.until, Handoff.id))
        for handoff in due:
            _hand_back(handoff, day)
            ended.append(handoff.id)
    return ended


def _hand_back(handoff: Handoff, day: dt.date) -> None:
    back_to = Associate.get_or_none(Associate.id == handoff.from_associate_id)
    if back_to is not None and not back_to.active:
        # Away is over: the associate is back at work.
        Associate.update(active=True, left_on=None, updated_at=utcnow()).where(
            Associate.id == back_to.id).execute()
    changes = _changes_of(handoff.id)
    moved = [c.client_id for c in AssociateChange.select(AssociateChange.client)
             .where(AssociateChange.handoff == handoff.id)]
    stand_in = handoff.to_associate_id
    for client in Client.select().where(Client.id.in_(moved)):
        if client.associate_id != stand_in or back_to is None:
            continue  # given to someone else meanwhile: that choice stands
        (Client.update(associate_ref=back_to.id, associate=back_to.name, updated_at=utcnow())
         .where(Client.id == client.id).execute())
        back = AssociateChange.create(client=client.id, from_associate=stand_in,
                                      to_associate=back_to.id, changed_on=day,
                                      reason=HANDED_BACK, handoff=handoff.id,
                                      created_at=utcnow())
        (FollowUp.update(status=SKIPPED, skip_reason=HANDED_BACK, done_on=day, done_at=utcnow(),
                         updated_at=utcnow())
         .where(FollowUp.client == client.id, FollowUp.source_kind == SOURCE,
                FollowUp.source_id.in_(changes), FollowUp.kind == RE_INTRODUCTION,
                FollowUp.status == OPEN).execute())
        if client.do_not_contact or client.deleted_at is not None:
            continue
        FollowUp.insert_many([_followup(
            client.id, WELCOME_BACK, "mail", day, LETTER_DAYS,
            f"{back_to.name} is back and looks after them again", back.id, True)]).execute()
        respace_client(client)
    Handoff.update(handed_back_on=day).where(Handoff.id == handoff.id).execute()


def get_handoff(handoff_id: int) -> Handoff:
    found = Handoff.get_or_none(Handoff.id == handoff_id)
    if found is None:
        raise NotFound(f"no handoff {handoff_id}")
    return found


def handoff_of_followup(change_id: int) -> Handoff:
    """The handoff a letter or an introduction belongs to (its source is the change)."""
    change = AssociateChange.get_or_none(AssociateChange.id == change_id)
    if change is None or change.handoff_id is None:
        raise NotFound(f"no handoff behind change {change_id}")
    return get_handoff(change.handoff_id)


@dataclass(frozen=True)
class Candidate:
    """A client of the associate handing over, as the guided handoff lists her."""

    client_id: int
    client_name: str
    spend_cents: int
    tier: str
    do_not_contact: bool


def clients_of(name: str) -> list[Candidate]:
    """Every client of the associate, largest spend first."""
    threshold = top_tier_threshold()
    return [Candidate(c.id, c.display_name, c.lifetime_spend_cents,
                      tier_for(c.lifetime_spend_cents, threshold), bool(c.do_not_contact))
            for c in _clients_to_move(associate_by_name(name), None)]

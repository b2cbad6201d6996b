"""No over-contact: merging close satisfaction calls and the rolling caps, pure and stored."""

from __future__ import annotations

import datetime as dt

from boutique.models import FollowUp
from boutique.services.agenda import agenda_for
from boutique.services.cadence.settings import save_rules
from boutique.services.cadence.spacing import Placement, Slot, space_client

D = dt.date


def test_two_satisfaction_calls_within_a_week_become_one():
    slots = [Slot(1, "satisfaction_call", D(2026, 12, 12), D(2026, 12, 12), False),
             Slot(2, "satisfaction_call", D(2026, 12, 19), D(2026, 12, 19), False),
             Slot(3, "satisfaction_call", D(2026, 12, 27), D(2026, 12, 27), False)]
    placed = space_client(slots, [], window_days=7, weekly_cap=0)
    assert placed[1] == Placement(D(2026, 12, 12), None)
    assert placed[2] == Placement(D(2026, 12, 12), 1)  # 7 days: still one call
    assert placed[3] == Placement(D(2026, 12, 27), None)  # 15 days from the first: its own


def test_the_cap_moves_the_least_urgent_to_the_first_day_with_room():
    # Cap 2 in any 7 days: a thank-you on 8 Dec (stays), a satisfaction call on 11 Dec
    # and two service calls. The satisfaction call keeps its day; the service calls move
    # to the first days where no 7 days hold more than two contacts.
    slots = [Slot(1, "thank_you_note", D(2026, 12, 8), D(2026, 12, 8), False),
             Slot(2, "service_call", D(2026, 12, 9), D(2026, 12, 9), False),
             Slot(3, "satisfaction_call", D(2026, 12, 11), D(2026, 12, 11), False),
             Slot(4, "service_call", D(2026, 12, 10), D(2026, 12, 10), False)]
    placed = space_client(slots, [], window_days=7, weekly_cap=2)
    assert placed[1].due == D(2026, 12, 8)
    assert placed[3].due == D(2026, 12, 11)
    assert placed[2].due == D(2026, 12, 15)  # 8 to 14 Dec already holds two
    assert placed[4].due == D(2026, 12, 18)  # 11 to 17 Dec holds 11 and 15


def test_the_cap_is_a_rolling_window_not_a_calendar_week():
    """Finding 3: calls on Thu 2, Fri 3 and Tue 7 Apr are three in six days, though the
    Monday-to-Sunday weeks hold two and one."""
    slots = [Slot(1, "satisfaction_call", D(2026, 4, 2), D(2026, 4, 2), False),
             Slot(2, "service_call", D(2026, 4, 3), D(2026, 4, 3), False),
             Slot(3, "service_call", D(2026, 4, 7), D(2026, 4, 7), False)]
    placed = space_client(slots, [], window_days=0, weekly_cap=2)
    days = sorted(p.due for p in placed.values())
    assert days[:2] == [D(2026, 4, 2), D(2026, 4, 3)]
    assert days[2] == D(2026, 4, 9)  # the first day with only one contact in its 7 days


def test_at_most_four_contacts_in_any_30_days():
    """Finding 3: one client got four contacts in 30 days; with the monthly cap at 3 the
    fourth waits until a 30-day window has room."""
    slots = [Slot(i, "service_call", D(2026, 4, 1) + dt.timedelta(days=8 * i),
                  D(2026, 4, 1) + dt.timedelta(days=8 * i), False) for i in range(4)]
    placed = space_client(slots, [], window_days=0, weekly_cap=2, monthly_cap=3)
    days = sorted(p.due for p in placed.values())
    assert days[:3] == [D(2026, 4, 1), D(2026, 4, 9), D(2026, 4, 17)]
    assert days[3] == D(2026, 5, 1)  # 30 days after the first
    assert all((b - a).days >= 30 for a, b in zip(days, days[3:], strict=False))


def test_chosen_days_and_key_dates_stay_and_count():
    slots = [Slot(1, "custom", D(2026, 12, 8), D(2026, 12, 8), True),
             Slot(2, "satisfaction_call", D(2026, 12, 9), D(2026, 12, 16), True),  # snoozed
             Slot(3, "service_call", D(2026, 12, 10), D(2026, 12, 10), False)]
    placed = space_client(slots, [D(2026, 12, 7)], window_days=7, weekly_cap=2)
    assert placed[1].due == D(2026, 12, 8)
    assert placed[2].due == D(2026, 12, 16)  # the user's day
    # week of 7 Dec: key date + custom = 2 -> full; week of 14 Dec: snoozed call = 1
    assert placed[3].due == D(2026, 12, 14)


def test_spacing_is_computed_from_the_rule_day_so_it_settles():
    slots = [Slot(1, "service_call", D(2026, 12, 9), D(2026, 12, 21), False)]
    assert space_client(slots, [], 7, 2)[1].due == D(2026, 12, 9)  # room again: back home


def test_recorded_purchases_merge_their_calls_and_name_both(db, make_client, make_purchase):
    client = make_client(mobile_phone="+15550134567")
    first = make_purchase(client.id, D(2026, 10, 1), "Pearl strand")
    second = make_purchase(client.id, D(2026, 10, 5), "Diamond studs")
    calls = [i for i in agenda_for(D(2026, 11, 3)) if i.kind == "satisfaction_call"]
    assert len(calls) == 1
    assert calls[0].reason == "Satisfaction call: Pearl strand, 1 Oct; Diamond studs, 5 Oct"
    assert calls[0].purchase_ids == (first.id, second.id)
    assert calls[0].due == D(2026, 10, 31)


def test_at_most_n_contacts_a_week_for_one_client(db, make_client, make_purchase):
    save_rules({"weekly_cap": 1, "merge_window_days": 0})
    client = make_client(mobile_phone="+15550134567")
    make_purchase(client.id, D(2026, 10, 5), "Pearl strand")  # call Wed 4 Nov
    make_purchase(client.id, D(2026, 10, 6), "Diamond studs")  # call Thu 5 Nov
    calls = (FollowUp.select().where(FollowUp.kind == "satisfaction_call")
             .order_by(FollowUp.rule_due))
    assert [(c.rule_due, c.due, c.merged_into_id) for c in calls] == [
        (D(2026, 11, 4), D(2026, 11, 4), None),
        (D(2026, 11, 5), D(2026, 11, 11), None),  # 7 days after the first: room again
    ]
    moved = calls[1]
    assert moved.deadline == moved.due  # not overdue for a day the rules moved it


def _room_by_every_window(day, placed, windows):
    """The rule as written: no window of `length` days holding `day` has `cap` others."""
    for length, cap in windows:
        for start in range(length):
            first = day - dt.timedelta(days=start)
            if sum(1 for other in placed if 0 <= (other - first).days < length) >= cap:
                return False
    return True


def test_the_one_pass_room_check_agrees_with_every_window():
    import random

    from boutique.services.cadence.spacing import _has_room

    rng = random.Random(7)
    base = dt.date(2026, 4, 1)
    for _ in range(3000):
        placed = [base + dt.timedelta(days=rng.randint(0, 60)) for _ in range(rng.randint(0, 9))]
        day = base + dt.timedelta(days=rng.randint(0, 60))
        windows = rng.choice([((7, 2),), ((7, 2), (30, 4)), ((7, 1), (30, 3)), ((30, 4),)])
        assert _has_room(day, placed, windows) == _room_by_every_window(day, placed, windows)

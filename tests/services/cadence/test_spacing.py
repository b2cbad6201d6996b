"""No over-contact: merging close satisfaction calls and the weekly cap, pure and stored."""

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


def test_the_weekly_cap_moves_the_least_urgent_to_the_next_week_with_room():
    # Week of Monday 7 December 2026, cap 2: a thank-you (stays), a satisfaction call and
    # two service calls. The satisfaction call keeps its day; the service calls move on.
    slots = [Slot(1, "thank_you_note", D(2026, 12, 8), D(2026, 12, 8), False),
             Slot(2, "service_call", D(2026, 12, 9), D(2026, 12, 9), False),
             Slot(3, "satisfaction_call", D(2026, 12, 11), D(2026, 12, 11), False),
             Slot(4, "service_call", D(2026, 12, 10), D(2026, 12, 10), False)]
    placed = space_client(slots, [], window_days=7, weekly_cap=2)
    assert placed[1].due == D(2026, 12, 8)
    assert placed[3].due == D(2026, 12, 11)
    assert placed[2].due == D(2026, 12, 14)  # next Monday
    assert placed[4].due == D(2026, 12, 14)  # that week still has room for two


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
        (D(2026, 11, 5), D(2026, 11, 9), None),  # shifted to Monday of the next week
    ]
    moved = calls[1]
    assert moved.deadline == moved.due  # not overdue for a day the rules moved it

"""The cadence rules on fixed dates: month ends, leap years, lead times across New Year."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.services.cadence.dates import add_months, occurrence, week_start
from boutique.services.cadence.key_dates import (
    reminder_days,
    reminders_due_between,
)
from boutique.services.cadence.rules import PurchaseFacts, plan_purchase, rule_day
from boutique.services.cadence.settings import CadenceRules, load_rules, save_rules
from boutique.services.errors import ValidationError

D = dt.date


def facts(when: D, **extra) -> PurchaseFacts:
    values = dict(purchase_id=1, client_id=1, purchase_date=when, summary="1.8 ct solitaire",
                  category="ring")
    values.update(extra)
    return PurchaseFacts(**values)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (D(2026, 8, 31), 6, D(2027, 2, 28)),
    (D(2027, 8, 31), 6, D(2028, 2, 29)),  # leap year keeps the 29th
    (D(2026, 1, 31), 1, D(2026, 2, 28)),
    (D(2026, 3, 31), 18, D(2027, 9, 30)),
    (D(2026, 12, 15), 1, D(2027, 1, 15)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
])
def test_add_months_keeps_the_day_or_falls_on_the_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_29_february_falls_on_28_february_in_other_years():
    assert occurrence(2027, 2, 29) == D(2027, 2, 28)
    assert occurrence(2028, 2, 29) == D(2028, 2, 29)
    assert occurrence(2027, 3, 1) == D(2027, 3, 1)


def test_weeks_run_monday_to_sunday():
    assert week_start(D(2026, 11, 25)) == D(2026, 11, 23)  # a Wednesday
    assert week_start(D(2026, 11, 29)) == D(2026, 11, 23)  # Sunday
    assert week_start(D(2026, 11, 30)) == D(2026, 11, 30)  # Monday


def test_a_purchase_calls_for_a_note_a_satisfaction_call_and_service_calls():
    plan = plan_purchase(facts(D(2026, 8, 31)), CadenceRules())
    by_kind = [(p.kind, p.sequence, p.channel, p.rule_due, p.deadline) for p in plan]
    assert by_kind == [
        # shows from the day after the purchase, on time until day 7
        ("thank_you_note", 0, "mail", D(2026, 9, 1), D(2026, 9, 7)),
        ("satisfaction_call", 0, "phone", D(2026, 9, 30), D(2026, 9, 30)),
        # 6 months (31 August -> 28 February), then yearly
        ("service_call", 1, "phone", D(2027, 2, 28), D(2027, 2, 28)),
        ("service_call", 2, "phone", D(2028, 2, 29), D(2028, 2, 29)),
        ("service_call", 3, "phone", D(2029, 2, 28), D(2029, 2, 28)),
    ]


def test_the_numbers_come_from_the_rules():
    rules = CadenceRules(thank_you_from_days=0, thank_you_within_days=3, satisfaction_days=45,
                         service_first_months=3, service_every_months=6, service_years=1)
    plan = plan_purchase(facts(D(2026, 12, 20)), rules)
    assert [(p.kind, p.rule_due, p.deadline) for p in plan] == [
        ("thank_you_note", D(2026, 12, 20), D(2026, 12, 23)),
        ("satisfaction_call", D(2027, 2, 3), D(2027, 2, 3)),
        ("service_call", D(2027, 3, 20), D(2027, 3, 20)),
        ("service_call", D(2027, 9, 20), D(2027, 9, 20)),
    ]
    assert rule_day("service_call", 2, D(2026, 12, 20), rules) == D(2027, 9, 20)


def test_reasons_say_what_when_and_for_whom():
    plan = plan_purchase(facts(D(2026, 11, 12), is_gift=True, gift_recipient="Ana",
                               gift_relation="wife"), CadenceRules())
    assert plan[0].reason == "Thank-you: 1.8 ct solitaire, 12 Nov, gift for wife"
    assert plan[1].reason == "Satisfaction call: 1.8 ct solitaire, 12 Nov, gift for wife"
    assert plan[2].reason == ("Service: free cleaning, polish and prong check for the "
                              "1.8 ct solitaire, bought 12 Nov 2026")
    assert all(p.is_gift for p in plan)
    unnamed = plan_purchase(facts(D(2026, 11, 12), is_gift=True, gift_recipient="Ana"),
                            CadenceRules())
    assert unnamed[0].reason.endswith("gift for Ana")


def test_key_date_lead_time_reaches_back_across_new_year():
    # A 5 January birthday with three weeks' lead is due on 15 December of the year before.
    days = reminder_days(1, 5, D(2026, 12, 1), D(2027, 1, 31), 21)
    assert days == [D(2026, 12, 15)]
    # and on 31 December a 21 January anniversary is exactly due
    assert reminder_days(1, 21, D(2026, 12, 31), D(2026, 12, 31), 21) == [D(2026, 12, 31)]


def test_key_date_reminders_every_year_with_leap_day():
    days = reminder_days(2, 29, D(2026, 1, 1), D(2028, 12, 31), 21)
    assert days == [D(2026, 2, 7), D(2027, 2, 7), D(2028, 2, 8)]


def test_reminders_in_the_store_use_the_window_and_skip_who_may_not_be_contacted(make_client):
    jan = make_client(first_name="Jan", birthday_month=1, birthday_day=5)
    leap = make_client(first_name="Leap", birthday_month=2, birthday_day=29)
    wed = make_client(first_name="Wed", anniversary_month=12, anniversary_day=31,
                      anniversary_year=2016)
    make_client(first_name="Quiet", birthday_month=1, birthday_day=6, do_not_contact=True)
    found = ahead = reminders_due_between(D(2026, 12, 10), D(2026, 12, 20), 21)
    # an anniversary reminds three weeks ahead; a birthday is a greeting on the day
    assert [(r.client_id, r.occasion, r.occasion_date, r.due) for r in found] == [
        (wed.id, "anniversary", D(2026, 12, 31), D(2026, 12, 10)),
    ]
    found = reminders_due_between(D(2027, 1, 1), D(2027, 1, 10), 21)
    assert [(r.client_id, r.occasion, r.occasion_date, r.due) for r in found] == [
        (jan.id, "birthday", D(2027, 1, 5), D(2027, 1, 5)),
    ]
    assert ahead[0].since_year == 2016
    # 29 February in 2027 (not a leap year) is remembered on 28 February
    leap_found = reminders_due_between(D(2027, 2, 28), D(2027, 2, 28), 21)
    assert [(r.client_id, r.occasion_date) for r in leap_found] == [(leap.id, D(2027, 2, 28))]
    assert reminders_due_between(D(2027, 3, 1), D(2027, 3, 1), 21) == []


def test_rules_are_stored_and_checked(db):
    assert load_rules() == CadenceRules()
    rules = save_rules({"satisfaction_days": 45, "weekly_cap": 3, "key_date_channel": "mail"})
    assert (rules.satisfaction_days, rules.weekly_cap, rules.key_date_channel) == (45, 3, "mail")
    assert load_rules().satisfaction_days == 45
    with pytest.raises(ValidationError) as bad:
        save_rules({"satisfaction_days": 0, "key_date_channel": "pigeon", "nonsense": 1})
    assert set(bad.value.errors) == {"satisfaction_days", "key_date_channel", "nonsense"}
    with pytest.raises(ValidationError) as window:
        save_rules({"thank_you_from_days": 9, "thank_you_within_days": 7})
    assert "thank_you_from_days" in window.value.errors
    assert load_rules().satisfaction_days == 45  # nothing half-written

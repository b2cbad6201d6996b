"""The morning agenda: whom to contact on a day, how, and why.

Everything open and due on or before the day (overdue ones say by how many days), plus
the birthday and anniversary reminders whose lead time has begun. Top-tier clients come
first, then the most overdue. The Today tab, `today --json` and the printed pack all
read this one list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import CONTACTABLE, database
from boutique.services.agenda.cards import CardShelf
from boutique.services.agenda.items import WRITTEN_CHANNELS, AgendaItem, sort_agenda
from boutique.services.agenda.kept import kept_agenda, kept_counts
from boutique.services.agenda.kept_cards import kept_cards
from boutique.services.agenda.prepared import prepared_items
from boutique.services.agenda.rows import due_by_sql, gather
from boutique.services.cadence import lapsed_between, load_rules, week_start
from boutique.services.cadence import reminders_from as lapse_reminders_from
from boutique.services.collector import collector_paused


def agenda_for(day: dt.date) -> list[AgendaItem]:
    """Open follow-ups due on or before `day`, top tier first, then most overdue."""

    def build(clients: frozenset[int] | None) -> list[AgendaItem]:
        with kept_cards() as shelf:
            if clients is None:  # (the whole day: from the prepared rows, when up to use)
                items = prepared_items(day, shelf=shelf)
                if items is not None:
                    return items
            return _items_of(day, clients, shelf)

    return kept_agenda(day, build)


def agenda_worked_out(day: dt.date) -> list[AgendaItem]:
    """The agenda of `day` worked out whole, never from a kept list, kept cards or the
    prepared rows (what those must always give)."""
    items = _items_of(day, None)
    sort_agenda(items)
    return items


def _items_of(day: dt.date, clients: frozenset[int] | None,
              shelf: CardShelf | None = None) -> list[AgendaItem]:
    """The agenda items of `day` (in no order) of `clients`, or of everyone; the clients
    on `shelf` are not read again."""
    rules = load_rules()
    # A big book's agenda is thousands of small objects made at once; the cyclic collector
    # would walk them again and again (none of them form cycles), so it waits until done.
    with collector_paused():
        # (a computed key-date reminder shows from its due day until it lapses)
        where, params = due_by_sql(day, rules, clients)
        return gather(where, params, lapse_reminders_from(day, rules), day, day,
                      rules, client_ids=None if clients is None else sorted(clients),
                      shelf=shelf)


def _is_written(item: AgendaItem) -> bool:
    # A client who agreed to no channel is shown where the jeweler looks for that kind.
    if item.channel == "none":
        return item.kind == "thank_you_note"
    return item.channel in WRITTEN_CHANNELS


def notes_to_write(items: list[AgendaItem]) -> list[AgendaItem]:
    return [item for item in items if _is_written(item)]


def calls_to_make(items: list[AgendaItem]) -> list[AgendaItem]:
    return [item for item in items if not _is_written(item)]


@dataclass(frozen=True)
class WeekSummary:
    on_time: int  # done on or before their deadline
    counted: int  # due this week so far: done, or open and already late
    overdue: int  # open items on the agenda past their deadline
    lapsed: int = 0  # too old to be worth doing: left the agenda this week so far

    @property
    def rate(self) -> float | None:
        return self.on_time / self.counted if self.counted else None

    def rate_text(self) -> str:
        return "—" if self.rate is None else f"{round(self.rate * 100)}%"

    def to_json(self) -> dict:
        return {"on_time": self.on_time, "counted": self.counted, "rate": self.rate,
                "overdue": self.overdue, "lapsed": self.lapsed}


def week_summary(day: dt.date, items: list[AgendaItem]) -> WeekSummary:
    """This week's on-time rate, the overdue count on `day` and how many lapsed this week.

    The week's follow-ups are those whose deadline falls Monday to Sunday; each counts once
    it is done or already late on `day` (one done early counts as on time; one still open
    before its deadline is not late yet). Skipped ones are left out: skipping is a
    decision, not a slip.
    """
    monday = week_start(day)
    on_time, counted = kept_counts("week", day, lambda clients: _week_counts(day, clients), 2)
    overdue = sum(1 for item in items if item.days_overdue > 0)
    return WeekSummary(on_time, counted, overdue, lapsed_between(monday, day, day))


def _week_counts(day: dt.date, clients: frozenset[int] | None) -> dict[int, tuple[int, int]]:
    """(done on time, counted) of each client with any, for week_summary, of `clients` or
    of everyone."""
    monday = week_start(day)
    only = ("" if clients is None else
            f" AND f.client_id IN ({','.join(str(int(i)) for i in sorted(clients))})")
    return {client: (on_time, counted) for client, on_time, counted in database.execute_sql(
        f"""SELECT f.client_id, SUM(f.status = 'done' AND f.done_on <= f.deadline),
                   SUM(f.status = 'done' OR f.deadline < ?)
            FROM followup f JOIN {CONTACTABLE} ON c.id = f.client_id
            WHERE f.deadline BETWEEN ? AND ? AND f.merged_into_id IS NULL
              AND f.status <> 'skipped' AND c.deleted_at IS NULL AND c.do_not_contact = 0{only}
            GROUP BY f.client_id""",
        (day, monday, monday + dt.timedelta(days=6)))}

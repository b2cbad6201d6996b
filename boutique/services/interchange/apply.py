"""Writing a previewed import: one transaction, after a verified backup, cancellable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from boutique.models import database
from boutique.models.agenda_journal import agenda_journal_paused
from boutique.services.cadence import refresh_gift_reminder_days, schedule_imported
from boutique.services.clients import (
    PurchaseData,
    insert_clean_clients,
    insert_purchases,
    save_client,
    save_relation,
    set_spend_before,
)
from boutique.services.collector import collector_paused
from boutique.services.errors import StoreUnusable, ValidationError
from boutique.services.interchange.plan import ImportPlan
from boutique.services.interchange.safety import backup_before
from boutique.services.notes import add_note, timeline


class _DryRun(Exception):
    """Raised at the end of a dry run so that its transaction is rolled back."""


class ImportCancelled(Exception):
    """Raised inside the transaction when the user cancels: nothing is kept."""


def _add_note_once(client_id: int, text: str) -> None:
    if text and text not in {n.text for n in timeline(client_id)}:
        add_note(client_id, text)


def apply_plan(plan: ImportPlan, good_rows_only: bool = False,
               progress: Callable[[int, int], bool] | None = None, dry_run: bool = False,
               today: dt.date | None = None) -> dict:
    """Write the plan; False from `progress(done, total)` cancels and keeps nothing.

    A dry run writes everything in a transaction that is then rolled back, so the preview's
    counts (follow-ups included) are those of the real import."""
    today = today or dt.date.today()
    if plan.problems and not (good_rows_only or dry_run):
        first = plan.problems[0]
        raise ValidationError({f"row {first.row}": f"{first.field}: {first.reason} "
                               f"({len(plan.problems)} problems; nothing was imported)"})
    if not dry_run:
        backup_before("import")
    plan.followups_added = plan.purchases_added = 0
    try:
        # (an import's rows are journaled as one change of everyone's agenda)
        with database.atomic(), collector_paused(), agenda_journal_paused():
            _write(plan, progress, today)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return plan.summary()


PROGRESS_EVERY = 500  # rows between progress reports: a window redraw per row is slow


def _report(progress, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise ImportCancelled("the import was cancelled; the book is as it was")


def _write(plan: ImportPlan, progress, today: dt.date) -> None:
    total = len(plan.rows)
    creates = [r for r in plan.rows if r.action == "create"]
    # New clients in bulk (their values were cleaned by the plan); spend before is set there.
    new_ids = insert_clean_clients([r.values for r in creates],
                                   [r.spend_before_cents for r in creates])
    ids_by_row: dict[int, int] = {r.row: i for r, i in zip(creates, new_ids, strict=True)}
    if creates:
        _report(progress, len(creates), total)
    orders: list[tuple[int, PurchaseData, str]] = []  # client, purchase, its note
    for done, planned in enumerate(plan.rows, start=1):
        if planned.action == "merge":
            client_id = planned.client_id or ids_by_row[planned.merge_into_row]
            if planned.values and planned.client_id:
                save_client(planned.values, client_id)
            ids_by_row[planned.row] = client_id
        elif planned.action == "skip":
            ids_by_row[planned.row] = planned.client_id
        client_id = ids_by_row[planned.row]
        if planned.spend_before_cents and planned.action != "create":
            set_spend_before(client_id, planned.spend_before_cents)
        for person in planned.people:
            save_relation(client_id, person)
        if planned.purchase is not None:
            orders.append((client_id, planned.purchase, planned.note))
        elif planned.action == "create":
            if planned.note:
                add_note(client_id, planned.note)
        else:
            _add_note_once(client_id, planned.note)
        if done % PROGRESS_EVERY == 0:
            _report(progress, done, total)
    # Orders in bulk (the plan validated each), then their follow-ups: only those still
    # ahead of the import day.
    purchase_ids = insert_purchases([(client, purchase) for client, purchase, _n in orders],
                                    validated=True)
    if purchase_ids:
        plan.purchases_added = len(purchase_ids)
        plan.followups_added = schedule_imported(purchase_ids[0], today)
        # Its gifts keep the day they remind of now, not at the next opening of the store.
        refresh_gift_reminder_days()
    for purchase_id, (client_id, _purchase, note) in zip(purchase_ids, orders, strict=True):
        if note:
            add_note(client_id, note, purchase_id=purchase_id)
    _report(progress, total, total)


def failure_message(exc: BaseException) -> str:
    """What the user reads when an import stops: the book is as it was, and why."""
    if isinstance(exc, ImportCancelled):
        return "The import was cancelled; the book is as it was."
    if isinstance(exc, ValidationError):
        reasons = "; ".join(f"{where}: {why}" for where, why in exc.errors.items())
        return f"Nothing was imported ({reasons}). The book is as it was."
    if isinstance(exc, StoreUnusable):
        return f"Nothing was imported: {exc}"
    if isinstance(exc, OSError):
        return (f"Nothing was imported: {exc.strerror or exc} ({exc.filename or 'the backup'})."
                " The book is as it was.")
    return (f"Nothing was imported: the store refused the data ({type(exc).__name__}: {exc})."
            " The book is as it was; please keep the file and report this.")

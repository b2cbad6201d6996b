"""Writing a previewed import: one transaction, after a verified backup, cancellable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from boutique.models import database
from boutique.services.cadence import keep_followups_ahead
from boutique.services.clients import (
    insert_clean_clients,
    record_purchase,
    save_client,
    set_spend_before,
)
from boutique.services.errors import ValidationError
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
        with database.atomic():
            _write(plan, progress, today)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return plan.summary()


def _write(plan: ImportPlan, progress, today: dt.date) -> None:
    total = len(plan.rows)
    creates = [r for r in plan.rows if r.action == "create"]
    # New clients in bulk (their values were cleaned by the plan); spend before is set there.
    new_ids = insert_clean_clients([r.values for r in creates],
                                   [r.spend_before_cents for r in creates])
    ids_by_row: dict[int, int] = {r.row: i for r, i in zip(creates, new_ids, strict=True)}
    if progress is not None and creates and not progress(len(creates), total):
        raise ImportCancelled("the import was cancelled; the book is as it was")
    for done, planned in enumerate(plan.rows, start=1):
        if planned.action == "create":
            if planned.note and planned.purchase is None:
                add_note(ids_by_row[planned.row], planned.note)
        elif planned.action == "merge":
            client_id = planned.client_id or ids_by_row[planned.merge_into_row]
            if planned.values and planned.client_id:
                save_client(planned.values, client_id)
            ids_by_row[planned.row] = client_id
        else:
            ids_by_row[planned.row] = planned.client_id
        client_id = ids_by_row[planned.row]
        if planned.spend_before_cents and planned.action != "create":
            set_spend_before(client_id, planned.spend_before_cents)
        if planned.purchase is not None:
            purchase = record_purchase(client_id, planned.purchase)
            plan.purchases_added += 1
            plan.followups_added += keep_followups_ahead(
                purchase.id, today, keep_any=not planned.purchase.voided)
            if planned.note:
                add_note(client_id, planned.note, purchase_id=purchase.id)
        elif planned.action != "create":
            _add_note_once(client_id, planned.note)
        if progress is not None and not progress(done, total):
            raise ImportCancelled("the import was cancelled; the book is as it was")

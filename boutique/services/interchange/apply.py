"""Writing a previewed import: one transaction, after a verified backup, cancellable."""

from __future__ import annotations

from collections.abc import Callable

from boutique.models import database
from boutique.services.clients import save_client, set_spend_before
from boutique.services.errors import ValidationError
from boutique.services.interchange.plan import ImportPlan
from boutique.services.interchange.safety import backup_before
from boutique.services.notes import add_note, timeline


class ImportCancelled(Exception):
    """Raised inside the transaction when the user cancels: nothing is kept."""


def _add_note_once(client_id: int, text: str) -> None:
    if text and text not in {n.text for n in timeline(client_id)}:
        add_note(client_id, text)


def apply_plan(plan: ImportPlan, good_rows_only: bool = False,
               progress: Callable[[int, int], bool] | None = None) -> dict:
    """Write the plan; False from `progress(done, total)` cancels and keeps nothing."""
    if plan.problems and not good_rows_only:
        first = plan.problems[0]
        raise ValidationError({f"row {first.row}": f"{first.field}: {first.reason} "
                               f"({len(plan.problems)} problems; nothing was imported)"})
    backup_before("import")
    total = len(plan.rows)
    ids_by_row: dict[int, int] = {}
    with database.atomic():
        for done, planned in enumerate(plan.rows, start=1):
            if planned.action == "create":
                client = save_client(planned.values)
                ids_by_row[planned.row] = client.id
            elif planned.action == "merge":
                client_id = planned.client_id or ids_by_row[planned.merge_into_row]
                if planned.values and planned.client_id:
                    save_client(planned.values, client_id)
                ids_by_row[planned.row] = client_id
            else:
                ids_by_row[planned.row] = planned.client_id
            client_id = ids_by_row[planned.row]
            if planned.spend_before_cents:
                set_spend_before(client_id, planned.spend_before_cents)
            _add_note_once(client_id, planned.note)
            if progress is not None and not progress(done, total):
                raise ImportCancelled("the import was cancelled; the book is as it was")
    return plan.summary()

"""Associates and the handoff: who looks after each client, and no client ever orphaned.

Owns the Associate, Handoff and AssociateChange records: the list of associates, the
owner among them, who a piece speaks as (`roster`: the client's associate's name and
direct line, else the store), moving clients from one associate to another with the
owner's letter and the new associate's introduction, and the hand-back at the end of a
temporary handoff (`handoff`), each client's changes (`history`), the demo's people
(`demo`).

May use: the models, the top-level `settings`, `errors` and `text`, `clients` (the tier,
phones) and `cadence` (the spacing that keeps each client within her contact cap).
"""

from boutique.services.associates.demo import demo_associates
from boutique.services.associates.handoff import (
    INTRODUCTIONS_PER_DAY,
    LETTER_ARRIVES_DAYS,
    Candidate,
    HandoffPlan,
    PlannedMove,
    clients_of,
    get_handoff,
    hand_back_due,
    hand_off,
    handoff_of_followup,
    plan_handoff,
)
from boutique.services.associates.history import ChangeRow, associate_history
from boutique.services.associates.roster import (
    Voice,
    associate_by_name,
    associate_json,
    associates,
    client_counts,
    client_ids_of,
    get_associate,
    mark_left,
    owner,
    save_associate,
    voice_of,
    voices_for,
)

__all__ = [
    "INTRODUCTIONS_PER_DAY", "LETTER_ARRIVES_DAYS", "Candidate", "ChangeRow", "clients_of", "HandoffPlan", "PlannedMove",
    "Voice", "associate_by_name", "associate_history", "associate_json", "associates",
    "client_counts", "client_ids_of", "demo_associates", "get_associate", "get_handoff", "hand_back_due",
    "hand_off", "handoff_of_followup", "mark_left", "owner", "plan_handoff", "save_associate", "voice_of",
    "voices_for",
]

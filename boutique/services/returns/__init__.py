"""Returns and exchanges, and the store credit they issue.

Owns the ItemReturn and StoreCreditEntry records: the return policy and its plain check
(`policy`), recording a return or an exchange with what it changes (`recording`: spend
and tier through the client book, follow-ups through the cadence, credit), the credit
ledger (`credit`), the lists and totals by reason (`listing`) and the return slip's words
(`slip`).

May use: the models, the top-level `settings`, `errors` and `text`, `clients` (purchases,
value) and `cadence` (skipping the returned piece's calls, the after-return follow-up).
"""

from boutique.models.after_sale import RESOLUTIONS, RETURN_REASONS
from boutique.services.returns.credit import (
    LedgerLine,
    balance,
    balances,
    credit_json,
    issue_credit,
    ledger,
    purchase_paid_with_credit,
    use_credit,
)
from boutique.services.returns.listing import (
    ReasonTotal,
    after_return_words,
    client_returns,
    month_and_year,
    return_json,
    returns_between,
    totals_by_reason,
)
from boutique.services.returns.policy import (
    LIMITS,
    PolicyCheck,
    ReturnPolicy,
    load_policy,
    save_policy,
)
from boutique.services.returns.recording import (
    REASON_LABELS,
    RESOLUTION_LABELS,
    ReturnData,
    get_return,
    policy_check,
    purchase_items,
    record_return,
    returned_item_ids,
)
from boutique.services.returns.slip import ReturnSlip, return_slip

__all__ = [
    "LIMITS", "REASON_LABELS", "RESOLUTIONS", "RESOLUTION_LABELS", "RETURN_REASONS",
    "LedgerLine", "PolicyCheck", "ReasonTotal", "ReturnData", "ReturnPolicy", "ReturnSlip",
    "return_slip",
    "after_return_words", "balance", "balances", "client_returns", "credit_json",
    "get_return", "issue_credit", "ledger", "load_policy", "month_and_year", "policy_check",
    "purchase_items", "purchase_paid_with_credit", "record_return", "return_json", "returned_item_ids", "returns_between",
    "save_policy", "totals_by_reason", "use_credit",
]

"""The gift rule on the agenda: a gift's note bound for a shared home says how it keeps
the surprise (at the counter, discreet, held) in place of "may reach the recipient"."""

from __future__ import annotations

from boutique.models import database
from boutique.services.agenda.items import AgendaItem
from boutique.services.cadence import GIFT_RULE_TEXT, CadenceRules
from boutique.services.clients import HOME_GIFT_WARNING


def with_gift_rule(items: list[AgendaItem], rules: CadenceRules) -> list[AgendaItem]:
    """`items`, each gift note for a shared home warned with the rule in force (one query
    for the few there are)."""
    at_risk = {i.purchase_ids[0] for i in items
               if i.purchase_ids and HOME_GIFT_WARNING in i.warnings}
    if not at_risk:
        return items
    marks = ",".join("?" * len(at_risk))
    chosen = dict(database.execute_sql(
        f"SELECT id, gift_delivery FROM purchase WHERE id IN ({marks})", list(at_risk)))
    out = []
    for item in items:
        if item.purchase_ids and item.purchase_ids[0] in chosen and \
                HOME_GIFT_WARNING in item.warnings:
            mode = chosen[item.purchase_ids[0]] or rules.gift_shared_home
            rule = GIFT_RULE_TEXT.get(mode, GIFT_RULE_TEXT[rules.gift_shared_home])
            item = item._replace(warnings=(rule, *(w for w in item.warnings
                                                   if w != HOME_GIFT_WARNING)))
        out.append(item)
    return out

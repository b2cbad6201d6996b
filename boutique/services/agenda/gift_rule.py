"""The gift rule on the agenda: a gift's note bound for a shared home says how it keeps
the surprise (at the counter, discreet, held) in place of "may reach the recipient"."""

from __future__ import annotations

from boutique.models import Purchase
from boutique.services.agenda.items import AgendaItem
from boutique.services.cadence import GIFT_RULE_TEXT, CadenceRules, delivery_mode, gift_day_of
from boutique.services.clients import HOME_GIFT_WARNING


def with_gift_rule(items: list[AgendaItem], rules: CadenceRules) -> list[AgendaItem]:
    """`items`, each gift note for a shared home warned with the rule in force (one query
    for the few there are)."""
    at_risk = {i.purchase_ids[0] for i in items
               if i.purchase_ids and HOME_GIFT_WARNING in i.warnings}
    if not at_risk:
        return items
    gifts = {p.id: p for p in Purchase.select().where(Purchase.id.in_(list(at_risk)))}
    out = []
    for item in items:
        gift = gifts.get(item.purchase_ids[0]) if item.purchase_ids else None
        if gift is not None and HOME_GIFT_WARNING in item.warnings:
            # (warned as going home: the client has no business address)
            mode = delivery_mode(gift.gift_delivery or "", rules.gift_shared_home,
                                 gift_day_of(gift) is not None)
            rule = GIFT_RULE_TEXT[mode]
            item = item._replace(warnings=(rule, *(w for w in item.warnings
                                                   if w != HOME_GIFT_WARNING)))
        out.append(item)
    return out

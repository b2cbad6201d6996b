"""The gift rule on the agenda: a gift's note bound for a shared home says how it keeps
the surprise (at the counter, discreet, held) in place of "may reach the recipient"."""

from __future__ import annotations

import datetime as dt
import json

from boutique.models import database
from boutique.services.agenda.cards import CardShelf
from boutique.services.agenda.items import AgendaItem
from boutique.services.cadence import GIFT_RULE_TEXT, CadenceRules, delivery_mode, gift_day
from boutique.services.clients import HOME_GIFT_WARNING

# What the rule needs of each gift, with its recipient's dates: plain rows, one query.
_GIFTS_SQL = """SELECT p.id, p.gift_delivery, p.is_gift, p.purchase_date, p.gift_given_on,
                       p.gift_occasion, r.id, r.birthday_month, r.birthday_day,
                       r.anniversary_month, r.anniversary_day
                FROM json_each(?) j JOIN purchase p ON p.id = j.value
                LEFT JOIN relation r ON r.id = p.gift_relation_id"""


def _day(value) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _delivery_and_day_known(row) -> tuple[str, bool]:
    (_pid, delivery, is_gift, bought, given, occasion, relation_id, bm, bd, am, ad) = row
    dates = {"birthday": (bm, bd), "anniversary": (am, ad)} if relation_id else None
    known = bool(is_gift) and gift_day(_day(bought), _day(given), occasion or "",
                                       dates) is not None
    return delivery or "", known


def with_gift_rule(items: list[AgendaItem], rules: CadenceRules,
                   shelf: CardShelf | None = None) -> list[AgendaItem]:
    """`items`, each gift note for a shared home warned with the rule in force (one query
    for the few there are; on a kept `shelf`, for those not read before)."""
    at_risk = {i.purchase_ids[0]: i.client_id for i in items
               if i.purchase_ids and HOME_GIFT_WARNING in i.warnings}
    if not at_risk:
        return items
    gifts = shelf.gifts if shelf is not None and shelf.kept else {}
    unread = sorted(at_risk.keys() - gifts.keys())
    if unread:
        if shelf is not None:
            for purchase_id in unread:
                shelf.own(at_risk[purchase_id], gifts, purchase_id)
        gifts.update(dict.fromkeys(unread))  # (one not found is not asked for again)
        gifts.update((row[0], _delivery_and_day_known(row)) for row in database.execute_sql(
            _GIFTS_SQL, (json.dumps(unread),)))
    out = []
    for item in items:
        gift = gifts.get(item.purchase_ids[0]) if item.purchase_ids else None
        if gift is not None and HOME_GIFT_WARNING in item.warnings:
            # (warned as going home: the client has no business address)
            mode = delivery_mode(gift[0], rules.gift_shared_home, gift[1])
            rule = GIFT_RULE_TEXT[mode]
            item = item._replace(warnings=(rule, *(w for w in item.warnings
                                                   if w != HOME_GIFT_WARNING)))
        out.append(item)
    return out

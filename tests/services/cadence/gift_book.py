"""A varied book of gifts for the reminder tests: given days or not, fixed occasions,
relations' dates, the client's own anniversary, leap days, three gifts of one day, voided
gifts and other purchases, deleted and do-not-contact clients, days stored with a time."""

from __future__ import annotations

import datetime as dt
import random

from boutique.models import Purchase, database
from boutique.services.clients import save_client, save_relation, trash_client

OCCASIONS = ["holiday", "Christmas", "NOËL", "Valentine's Day", "new year's eve", "birthday",
             "Her birthday", "anniversary", "Mother's Day", "graduation", "just because", "",
             "none", "  push present ", "wedding anniversary"]
SAME_DAY = dt.date(2025, 3, 3)


def varied_gift_book(make_client) -> dict:
    """Writes the book (in bulk, as an import would); returns its clients and relations."""
    rng = random.Random(13)
    clients = [make_client(first_name=f"C{n}", last_name="Kept") for n in range(14)]
    ids = [c.id for c in clients]
    save_client({"do_not_contact": True}, ids[1])
    trash_client(ids[2])
    save_client({"anniversary_month": 6, "anniversary_day": 12}, ids[3])
    relations = {
        ids[0]: save_relation(ids[0], {"kind": "partner", "name": "Ana",
                                       "birthday": "1980-03-09"}).id,
        ids[4]: save_relation(ids[4], {"kind": "parent", "name": "Rosa",
                                       "anniversary": "1975-10-02"}).id,
        ids[5]: save_relation(ids[5], {"kind": "friend", "name": "Iris"}).id,
        ids[3]: save_relation(ids[3], {"kind": "child", "name": "Leo",
                                       "birthday": "2012-02-29"}).id,
    }
    rows = []
    for n in range(620):
        client = rng.choice(ids)
        bought = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 1100))
        given = (bought + dt.timedelta(days=rng.randrange(-30, 400)) if n % 5 == 0 else None)
        rows.append(dict(client=client, purchase_date=bought, is_gift=n % 11 != 0,
                         gift_occasion=rng.choice(OCCASIONS), gift_given_on=given,
                         gift_recipient="" if n % 13 == 0 else "Ana",
                         gift_relation_ref=relations.get(client) if n % 3 == 0 else None,
                         voided="refunded" if n % 17 == 0 else ""))
    leap = [dict(client=ids[6], purchase_date=dt.date(2024, 2, 29), is_gift=True,
                 gift_occasion="graduation"),
            dict(client=ids[7], purchase_date=dt.date(2024, 1, 10), is_gift=True,
                 gift_occasion="push present", gift_given_on=dt.date(2024, 2, 29)),
            dict(client=ids[8], purchase_date=dt.date(2027, 2, 1), is_gift=True,
                 gift_occasion="birthday", gift_given_on=dt.date(2028, 2, 29))]
    same_day = [dict(client=ids[9], purchase_date=SAME_DAY, is_gift=True,
                     gift_occasion=occasion, gift_recipient="Mia")
                for occasion in ("graduation", "engagement", "push present")]
    with database.atomic():
        Purchase.insert_many(rows + leap + same_day).execute()
    # a day stored with its time, as an older import may have written it
    database.execute_sql("UPDATE purchase SET purchase_date = purchase_date || ' 10:00:00' "
                         "WHERE id % 9 = 0")
    return {"clients": ids, "relations": relations}

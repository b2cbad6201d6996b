"""The client list: search as you type and lazy row fetching for a 100k-client book.

The list keeps only ids in display order (cheap even for 100k); rows are fetched in
pages as they are shown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from enum import Enum

from boutique.models import Client, database
from boutique.services import settings
from boutique.services.clients.phones import display as display_phone
from boutique.services.clients.relations import relations_by_client
from boutique.services.clients.value import tier_for, top_tier_threshold
from boutique.services.clients.word_index import PREFIX_LENGTHS, has_prefix_rows
from boutique.services.text import digits, fold, like_escape

_PHONE_QUERY = re.compile(r"^[\d\s+().\-/]+$")


class SortKey(Enum):
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    LAST_PURCHASE = "last_purchase"
    SPEND = "spend"
    ASSOCIATE = "associate"


_ORDER_SQL = {
    SortKey.NAME: "sort_name {dir}, id {dir}",
    SortKey.PHONE: "mobile_phone {dir}, sort_name, id",
    SortKey.EMAIL: "email {dir}, sort_name, id",
    SortKey.LAST_PURCHASE: "last_purchase_date {dir}, sort_name, id",
    SortKey.SPEND: "lifetime_spend_cents {dir}, sort_name, id",
    SortKey.ASSOCIATE: "associate = '' {dir}, associate COLLATE NOCASE {dir}, sort_name, id",
}


# Above every real character in UTF-8 order: [p, p + TOP) is "starts with p".
_TOP_CHAR = "\U0010ffff"


def search_words(text: str) -> list[str]:
    """The typed words as index words: phone-like input becomes one run of digits."""
    text = (text or "").strip()
    if not text:
        return []
    if _PHONE_QUERY.match(text) and len(digits(text)) >= 2:
        return [digits(text)]
    return fold(text).split()


def _matching_sql(words: list[str]) -> tuple[str, list[str]]:
    """(client_id, sort_name) of clients having a word starting with each typed word."""
    parts, params = [], []
    for word in words:
        if len(word) <= max(PREFIX_LENGTHS) and has_prefix_rows(word):
            parts.append("SELECT client_id, sort_name FROM client_prefix WHERE prefix = ?")
            params.append(word)
        else:
            parts.append("SELECT client_id, sort_name FROM client_word "
                         "WHERE word >= ? AND word < ?")
            params += [word, word + _TOP_CHAR]
    return " INTERSECT ".join(parts), params


def _trash_condition(text: str) -> tuple[str, list[str]]:
    """The Trash is small: a plain scan with LIKE is enough there."""
    clauses, params = [], []
    for word in search_words(text):
        escaped = like_escape(word)
        clauses.append("(' ' || search_text || ' ' || phone_digits LIKE ? ESCAPE '\\')")
        params.append(f"% {escaped}%")
    return " AND ".join(clauses) or "1", params


def client_ids_sql(text: str = "", sort: SortKey = SortKey.NAME, descending: bool = False,
                   trashed: bool = False, associate_id: int | None = None
                   ) -> tuple[str, list[str]]:
    """`associate_id`: only that associate's clients (0: the clients with nobody)."""
    direction = "DESC" if descending else "ASC"
    order = _ORDER_SQL[sort].format(dir=direction)
    if associate_id is not None and not trashed:
        words = search_words(text)
        whose = "associate_id IS NULL" if associate_id == 0 else "associate_id = ?"
        params = [] if associate_id == 0 else [associate_id]
        if not words:
            return (f"SELECT id FROM client WHERE deleted_at IS NULL AND {whose} "
                    f"ORDER BY {order}", params)
        matching, found = _matching_sql(words)
        return (f"SELECT id FROM client WHERE id IN (SELECT client_id FROM ({matching})) "
                f"AND deleted_at IS NULL AND {whose} ORDER BY {order}", found + params)
    if trashed:
        condition, params = _trash_condition(text)
        return (f"SELECT id FROM client WHERE deleted_at IS NOT NULL AND {condition} "
                f"ORDER BY {order}", params)
    words = search_words(text)
    if not words:
        return f"SELECT id FROM client WHERE deleted_at IS NULL ORDER BY {order}", []
    matching, params = _matching_sql(words)
    if sort == SortKey.NAME:
        # The index yields (client, sort_name) pairs: no need to touch the client table.
        return (f"SELECT DISTINCT client_id, sort_name FROM ({matching}) "
                f"ORDER BY sort_name {direction}, client_id {direction}", params)
    return (f"SELECT id FROM client WHERE id IN (SELECT client_id FROM ({matching})) "
            f"ORDER BY {order}", params)


def client_ids(text: str = "", sort: SortKey = SortKey.NAME, descending: bool = False,
               trashed: bool = False, associate_id: int | None = None) -> list[int]:
    sql, params = client_ids_sql(text, sort, descending, trashed, associate_id)
    return [row[0] for row in database.execute_sql(sql, params)]


@dataclass(frozen=True)
class ClientRow:
    id: int
    name: str
    phone: str
    email: str
    last_purchase: dt.date | None
    lifetime_spend_cents: int
    purchase_count: int
    tier: str
    do_not_contact: bool
    associate: str = ""


_ROW_COLUMNS = (
    Client.id, Client.first_name, Client.last_name, Client.preferred_name, Client.mobile_phone,
    Client.work_phone, Client.home_phone, Client.email, Client.last_purchase_date,
    Client.lifetime_spend_cents, Client.purchase_count, Client.do_not_contact, Client.associate,
)


def _by_ids_sql(fields) -> str:
    """The `fields` of the clients whose ids come as one JSON array (one query)."""
    return (f"SELECT {', '.join('c.' + f.column_name for f in fields)} "
            "FROM json_each(?) j JOIN client c ON c.id = j.value")


_ROWS_SQL = _by_ids_sql(_ROW_COLUMNS)


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def client_rows(ids: list[int]) -> dict[int, ClientRow]:
    """The display rows for a page of ids (order not kept: the caller maps by id)."""
    if not ids:
        return {}
    region = settings.get("store.default_region")
    threshold = top_tier_threshold()
    rows = {}
    # Plain rows, not the ORM's: a page is read on every keystroke.
    query = database.execute_sql(_ROWS_SQL, (json.dumps(list(ids)),))
    for (cid, first, last, preferred, mobile, work, home, email, last_date, spend, count,
         dnc, associate) in query:
        name = f"{last}, {first}" if last and first else (last or first)
        if preferred and preferred != first:
            name += f" ({preferred})"
        phone = mobile or work or home
        rows[cid] = ClientRow(
            id=cid, name=name, phone=display_phone(phone, region), email=email,
            last_purchase=_as_date(last_date), lifetime_spend_cents=spend or 0,
            purchase_count=count or 0, tier=tier_for(spend or 0, threshold),
            do_not_contact=bool(dnc), associate=associate or "",
        )
    return rows


def client_summaries(ids: list[int]) -> list[dict]:
    """`client_summary_json` of each client in `ids`, in that order."""
    return list(iter_client_summaries(ids))


# What a summary reads (the date and the flag last).
_SUMMARY_FIELDS = (
    Client.id, Client.salutation, Client.first_name, Client.last_name, Client.preferred_name,
    Client.email, Client.mobile_phone, Client.work_phone, Client.home_phone,
    Client.lifetime_spend_cents, Client.purchase_count, Client.last_purchase_date,
    Client.do_not_contact,
)
_SUMMARY_SQL = _by_ids_sql(_SUMMARY_FIELDS)
SUMMARY_PAGE = 2000


def iter_client_summaries(ids: list[int], page: int = SUMMARY_PAGE):
    """The summaries of `ids` in that order, read a page at a time from plain rows: a whole
    book is never held as records, and its JSON can be written as it comes."""
    threshold = top_tier_threshold()
    region = settings.get("store.default_region")
    # SQLite gives the text and numbers as the fields would; the date and the flag are
    # turned by their fields.
    as_date, as_flag = Client.last_purchase_date.python_value, Client.do_not_contact.python_value
    for start in range(0, len(ids), page):
        chunk = ids[start:start + page]
        rows = {}
        for raw in database.execute_sql(_SUMMARY_SQL, (json.dumps(chunk),)):
            row = list(raw)
            row[-2:] = as_date(row[-2]), as_flag(row[-1])
            rows[row[0]] = row
        relations = relations_by_client(chunk)
        for client_id in chunk:
            if client_id in rows:
                yield _summary(rows[client_id], threshold, region,
                               relations.get(client_id, []))


def _summary(row: list, threshold: int | None, region: str, relations: list[dict]) -> dict:
    (cid, salutation, first, last, preferred, email, mobile, work, home, spend, count,
     last_date, dnc) = row
    phones = {k: v for k, v in (("mobile", mobile), ("work", work), ("home", home)) if v}
    return {
        "id": cid,
        "salutation": salutation,
        "first_name": first,
        "last_name": last,
        "preferred_name": preferred,
        "email": email,
        "phones": phones,
        "phones_display": {k: display_phone(v, region) for k, v in phones.items()},
        "lifetime_spend_cents": spend,
        "purchase_count": count,
        "last_purchase_date": str(last_date or "") or None,
        "tier": tier_for(spend, threshold),
        "do_not_contact": dnc,
        "relations": relations,
    }


def client_summary_json(client: Client, threshold: int | None = None,
                        relations: list[dict] | None = None) -> dict:
    """The JSON shape of the `clients` command (a contract: keep the field names)."""
    region = settings.get("store.default_region")
    if threshold is None:
        threshold = top_tier_threshold()
    phones = {k: getattr(client, f"{k}_phone") for k in ("mobile", "work", "home")
              if getattr(client, f"{k}_phone")}
    return {
        "id": client.id,
        "salutation": client.salutation,
        "first_name": client.first_name,
        "last_name": client.last_name,
        "preferred_name": client.preferred_name,
        "email": client.email,
        "phones": phones,
        "phones_display": {k: display_phone(v, region) for k, v in phones.items()},
        "lifetime_spend_cents": client.lifetime_spend_cents,
        "purchase_count": client.purchase_count,
        "last_purchase_date": str(client.last_purchase_date or "") or None,
        "tier": tier_for(client.lifetime_spend_cents, threshold),
        "do_not_contact": client.do_not_contact,
        "relations": (relations if relations is not None
                      else relations_by_client([client.id]).get(client.id, [])),
    }

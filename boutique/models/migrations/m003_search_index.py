"""Version 3: the search index (SQLite FTS5), kept current by triggers.

One FTS5 table per kind of result (clients, notes, purchases). Each is an
external-content table over a view that says what is findable and in what form:
clients not in the Trash, their notes not deleted, their purchases with all items.
The text lives once, in the real tables; the index never copies it.

Folding: tokenize "unicode61 remove_diacritics 2" folds case and Latin accents ("zoe"
finds "Zoë") but not letters without a decomposition (ø, ł, đ, ß, æ, œ, ı), nor Greek
accents, nor ё. The views map those with nested replace() in plain SQL, so any
connection (the app, the command line, the sqlite3 shell) keeps the index right without
a function registered in Python. The query side (services/notes/search_text.py) applies the
same map.

Keeping current: an external-content index must be told the exact values it indexed
when a row leaves it. Every change that can alter a view's output is wrapped in a pair
of triggers: BEFORE the change, delete what the view says now; AFTER it, insert what the
view says then. Because both sides come from the same view, the index always equals the
view, which `INSERT INTO x_fts(x_fts, rank) VALUES('integrity-check', 1)` verifies and
`VALUES('rebuild')` restores. Never write these tables with INSERT OR REPLACE: the rows
it removes fire no delete trigger.

Phone numbers are indexed as every digit suffix of four or more digits, so the last
digits ("4567") or a national number ("555 013 4567") are prefix queries.
prefix='1 2 3' keeps search-as-you-type prefix queries fast.

This file is frozen: a later change to the index is a new migration.
"""

# Letters unicode61 does not fold, mapped before indexing: Latin letters without a
# decomposition, Greek vowels with tonos or dialytika (unicode61 folds only Latin
# accents), and Russian ё, commonly written е.
_FOLDS = (
    ("ø", "o"), ("Ø", "o"), ("ł", "l"), ("Ł", "l"), ("đ", "d"), ("Đ", "d"), ("ß", "ss"),
    ("ẞ", "ss"), ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"), ("Œ", "oe"), ("ı", "i"),
    ("ά", "α"), ("έ", "ε"), ("ή", "η"), ("ί", "ι"), ("ό", "ο"), ("ύ", "υ"), ("ώ", "ω"),
    ("ϊ", "ι"), ("ϋ", "υ"), ("ΐ", "ι"), ("ΰ", "υ"), ("Ά", "α"), ("Έ", "ε"), ("Ή", "η"),
    ("Ί", "ι"), ("Ό", "ο"), ("Ύ", "υ"), ("Ώ", "ω"), ("Ϊ", "ι"), ("Ϋ", "υ"),
    ("ё", "е"), ("Ё", "е"),
)
_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"


# SQLite's parser allows about thirty nested calls, so the replace() chain is applied in
# layers of subqueries (the query planner flattens them again).
_LAYER = 12


def _folding_view(name: str, rows: str, folded: tuple[str, ...], kept: tuple[str, ...]) -> str:
    """CREATE VIEW `name` over the `rows` query, with the `folded` columns mapped."""
    sql = rows
    for start in range(0, len(_FOLDS), _LAYER):
        columns = []
        for column in folded:
            expression = column
            for letter, plain in _FOLDS[start:start + _LAYER]:
                expression = f"replace({expression}, '{letter}', '{plain}')"
            columns.append(f"{expression} AS {column}")
        sql = f"SELECT {', '.join(kept + tuple(columns))} FROM ({sql})"
    return f"CREATE VIEW {name} AS {sql}"


_PHONES = " UNION ALL ".join(
    f"SELECT replace(c.{column}, '+', '') AS d"
    for column in ("mobile_phone", "work_phone", "home_phone")
)
_SUFFIX_STARTS = ", ".join(f"({n})" for n in range(1, 13))

VIEWS = [
    _folding_view("client_search_doc", f"""SELECT c.id AS id,
        c.first_name || ' ' || c.last_name || ' ' || c.preferred_name AS name,
        c.email AS email,
        (SELECT group_concat(substr(d, column1), ' ') FROM ({_PHONES}),
         (VALUES {_SUFFIX_STARTS}) WHERE length(d) - column1 + 1 >= 4) AS phones,
        c.partner_name || ' ' || c.business_company || ' ' || c.tags AS other
        FROM client AS c WHERE c.deleted_at IS NULL""",
                  folded=("name", "email", "other"), kept=("id", "phones")),
    _folding_view("note_search_doc", """SELECT n.id AS id, n.text AS text,
        n.client_id AS client_id
        FROM note AS n JOIN client AS c ON c.id = n.client_id
        WHERE n.deleted_at IS NULL AND c.deleted_at IS NULL""",
                  folded=("text",), kept=("id", "client_id")),
    _folding_view("purchase_search_doc", """SELECT p.id AS id,
        (SELECT group_concat(part, ' ') FROM (SELECT i.description || ' ' || i.category
         || ' ' || i.metal || ' ' || i.stone || ' ' || i.sku AS part FROM purchase_item AS i
         WHERE i.purchase_id = p.id ORDER BY i.position, i.id)) AS items,
        p.gift_recipient || ' ' || p.gift_relation || ' ' || p.gift_occasion AS gift,
        p.remarks AS remarks, p.client_id AS client_id
        FROM purchase AS p JOIN client AS c ON c.id = p.client_id
        WHERE c.deleted_at IS NULL""",
                  folded=("items", "gift", "remarks"), kept=("id", "client_id")),
]

_COLUMNS = {
    "client": "name, email, phones, other",
    "note": "text",
    "purchase": "items, gift, remarks",
}


def _add(kind: str, where: str) -> str:
    columns = _COLUMNS[kind]
    return (f"INSERT INTO {kind}_fts (rowid, {columns}) "
            f"SELECT id, {columns} FROM {kind}_search_doc WHERE {where};")


def _remove(kind: str, where: str) -> str:
    columns = _COLUMNS[kind]
    return (f"INSERT INTO {kind}_fts ({kind}_fts, rowid, {columns}) "
            f"SELECT 'delete', id, {columns} FROM {kind}_search_doc WHERE {where};")


def _pair(name: str, event: str, remove: str, add: str, when: str = "") -> list[str]:
    """BEFORE `event`: remove what the views say now; AFTER it: add what they say then."""
    when = f" WHEN {when}" if when else ""
    return [f"CREATE TRIGGER {name}_before BEFORE {event}{when} BEGIN {remove} END",
            f"CREATE TRIGGER {name}_after AFTER {event}{when} BEGIN {add} END"]


_CLIENT_COLUMNS = ("first_name, last_name, preferred_name, email, mobile_phone, work_phone,"
                   " home_phone, partner_name, business_company, tags, deleted_at")
_LIVENESS_CHANGES = "(OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)"
_PURCHASE_COLUMNS = "gift_recipient, gift_relation, gift_occasion, remarks, client_id"
_ITEM_PURCHASES = "id IN (OLD.purchase_id, NEW.purchase_id)"

TRIGGERS = [
    # Clients: their own document; going to or leaving the Trash takes everything of theirs.
    f"CREATE TRIGGER client_fts_insert AFTER INSERT ON client BEGIN "
    f"{_add('client', 'id = NEW.id')} END",
    *_pair("client_fts_update", f"UPDATE OF {_CLIENT_COLUMNS} ON client",
           _remove("client", "id = OLD.id"), _add("client", "id = NEW.id")),
    *_pair("client_fts_trash", "UPDATE OF deleted_at ON client",
           _remove("note", "client_id = OLD.id") + _remove("purchase", "client_id = OLD.id"),
           _add("note", "client_id = NEW.id") + _add("purchase", "client_id = NEW.id"),
           when=_LIVENESS_CHANGES),
    # A deleted client's rows cascade after the client row is gone, when the views no
    # longer show them: so their documents leave here, before.
    "CREATE TRIGGER client_fts_delete BEFORE DELETE ON client BEGIN "
    + _remove("client", "id = OLD.id") + _remove("note", "client_id = OLD.id")
    + _remove("purchase", "client_id = OLD.id") + " END",
    # Notes: soft delete (deleted_at) removes a note from the index, restoring brings it back.
    f"CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN "
    f"{_add('note', 'id = NEW.id')} END",
    *_pair("note_fts_update", "UPDATE OF text, deleted_at, client_id ON note",
           _remove("note", "id = OLD.id"), _add("note", "id = NEW.id")),
    f"CREATE TRIGGER note_fts_delete BEFORE DELETE ON note BEGIN "
    f"{_remove('note', 'id = OLD.id')} END",
    # Purchases: one document per purchase holding all its items.
    f"CREATE TRIGGER purchase_fts_insert AFTER INSERT ON purchase BEGIN "
    f"{_add('purchase', 'id = NEW.id')} END",
    *_pair("purchase_fts_update", f"UPDATE OF {_PURCHASE_COLUMNS} ON purchase",
           _remove("purchase", "id = OLD.id"), _add("purchase", "id = NEW.id")),
    f"CREATE TRIGGER purchase_fts_delete BEFORE DELETE ON purchase BEGIN "
    f"{_remove('purchase', 'id = OLD.id')} END",
    *_pair("purchase_item_fts_insert", "INSERT ON purchase_item",
           _remove("purchase", "id = NEW.purchase_id"), _add("purchase", "id = NEW.purchase_id")),
    *_pair("purchase_item_fts_update", "UPDATE ON purchase_item",
           _remove("purchase", _ITEM_PURCHASES), _add("purchase", _ITEM_PURCHASES)),
    *_pair("purchase_item_fts_delete", "DELETE ON purchase_item",
           _remove("purchase", "id = OLD.purchase_id"), _add("purchase", "id = OLD.purchase_id")),
]

STATEMENTS = [
    *VIEWS,
    *(f"CREATE VIRTUAL TABLE {kind}_fts USING fts5({columns}, content = '{kind}_search_doc',"
      f" content_rowid = 'id', {_OPTIONS})" for kind, columns in _COLUMNS.items()),
    *TRIGGERS,
    # Index what an upgraded store already holds.
    *(f"INSERT INTO {kind}_fts ({kind}_fts) VALUES ('rebuild')" for kind in _COLUMNS),
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)

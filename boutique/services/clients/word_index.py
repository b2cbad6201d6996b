"""The word index behind search-as-you-type on the Clients tab.

Every word of a client's names and email, and the digit forms of their phones, is a row
(word, sort_name, client_id) in a WITHOUT ROWID table keyed in that order: a typed
prefix is one range scan that already yields the clients in name order, so a search
over 100k clients never scans the book. Trashed clients have no words.

The first keystrokes start too many words for that (each word's clients come in name
order, but not all of them together): every one- and two-character start of a client's
words is a row (prefix, sort_name, client_id) of its own, each client once per prefix.
Phone digits are left out of it: one or two digits name nearly every client, and they
would double its size (an import writes every row); such a search reads the words.
"""

from __future__ import annotations

from collections.abc import Iterable

from boutique.models import Client, database, index_rebuilt_after, more_than_held
from boutique.services.clients.phones import national_digits
from boutique.services.text import digits, fold

# Typed words this short are looked up as prefixes (listing._matching_sql).
PREFIX_LENGTHS = (1, 2)
# Digits typed for a local number: the last seven and last four are common at the counter.
LOCAL_DIGIT_LENGTHS = (7, 4)


def phone_words(e164: str) -> set[str]:
    if not e164:
        return set()
    full = digits(e164)
    words = {full, national_digits(e164)}
    words.update(full[-n:] for n in LOCAL_DIGIT_LENGTHS if len(full) > n)
    return words


def words_for(values: dict) -> set[str]:
    """Words of names (first, last, preferred, partner excluded), the email, and phones."""
    words: set[str] = set()
    for name in ("first_name", "last_name", "preferred_name", "email"):
        text = fold(values.get(name) or "")
        words.update(text.split())
        if name == "email" and text:
            words.add(text)
    for name in ("mobile_phone", "work_phone", "home_phone"):
        words |= phone_words(values.get(name) or "")
    return words


def _rows(client_id: int, sort_name: str, values: dict) -> list[tuple[str, str, int]]:
    # In no order: `_write` sorts all the rows it is given at once.
    return [(word, sort_name, client_id) for word in words_for(values)]


def index_rows(clients: Iterable[dict]) -> list[tuple[str, str, int]]:
    """Rows for bulk loading: each dict holds id, sort_name and the indexed fields."""
    rows: list[tuple[str, str, int]] = []
    for values in clients:
        rows += _rows(values["id"], values["sort_name"], values)
    return rows


# Below this many new words (one client saved, a small import) the index is updated as is
# (models.more_than_held).
BULK_WORDS = 10_000


def has_prefix_rows(word: str) -> bool:
    """Whether the prefix table holds the starts of `word` (not of phone digits)."""
    return not "0" <= word[:1] <= "9"


def prefix_rows(rows: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The prefix table's rows for these words, in its key order. One text key sorts
    several times faster than the tuples themselves, in the same order: the separator
    sorts below every character and the ids are padded."""
    found = {(word[:length], sort_name, client_id) for word, sort_name, client_id in rows
             if has_prefix_rows(word) for length in PREFIX_LENGTHS if len(word) >= length}
    return sorted(found, key=lambda row: f"{row[0]}\x00{row[1]}\x00{row[2]:019d}")


def _write_words(rows: list[tuple[str, str, int]]) -> None:
    # In key order the rows append to the table's pages instead of landing all over it.
    database.connection().executemany(
        "INSERT OR IGNORE INTO client_word (word, sort_name, client_id) VALUES (?, ?, ?)",
        sorted(rows))


def _write(rows: list[tuple[str, str, int]]) -> None:
    _write_words(rows)
    database.connection().executemany(
        "INSERT OR IGNORE INTO client_prefix (prefix, sort_name, client_id) VALUES (?, ?, ?)",
        prefix_rows(rows))


# The prefix table's rows of the words of clients first..last, made and sorted by the store
# (prefix_rows' rule in SQL: substr and length count characters, as Python does, and the
# text order is the same code point order).
_PREFIXES_OF_WORDS = f"""
    INSERT OR IGNORE INTO client_prefix (prefix, sort_name, client_id)
    SELECT DISTINCT substr(w.word, 1, n.length), w.sort_name, w.client_id
    FROM client_word w JOIN ({" UNION ALL ".join(f"SELECT {n} AS length" for n in PREFIX_LENGTHS)}) n
         ON length(w.word) >= n.length
    WHERE w.client_id BETWEEN ? AND ? AND NOT (substr(w.word, 1, 1) BETWEEN '0' AND '9')
    ORDER BY 1, 2, 3"""


def _write_many(rows: list[tuple[str, str, int]]) -> None:
    """_write for an import larger than the book: the prefixes come from the words just
    written, made by the store in one statement (a third of the time of making, sorting and
    sending a million tuples). Any other words of those clients are in the table already,
    and their prefixes with them: re-adding those is ignored."""
    _write_words(rows)
    ids = [client_id for _word, _sort_name, client_id in rows]
    database.execute_sql(_PREFIXES_OF_WORDS, (min(ids), max(ids)))


def insert_rows(rows: list[tuple[str, str, int]]) -> None:
    database.execute_sql("SELECT 1")  # make sure a connection is open in this thread
    if more_than_held("client_word", len(rows), BULK_WORDS):
        with (database.atomic(), index_rebuilt_after("client_word_client"),
              index_rebuilt_after("client_prefix_client")):
            _write_many(rows)
    else:
        _write(rows)


def reindex_client(client: Client) -> None:
    """Rewrite one client's words (call inside the transaction that changed them)."""
    unindex_client(client.id)
    if client.deleted_at is None:
        values = {name: getattr(client, name) for name in (
            "first_name", "last_name", "preferred_name", "email", "mobile_phone", "work_phone",
            "home_phone")}
        insert_rows(_rows(client.id, client.sort_name, values))


def unindex_client(client_id: int) -> None:
    database.execute_sql("DELETE FROM client_word WHERE client_id = ?", (client_id,))
    database.execute_sql("DELETE FROM client_prefix WHERE client_id = ?", (client_id,))

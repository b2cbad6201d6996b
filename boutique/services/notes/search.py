"""One search over the whole book: clients, notes and purchases (SQLite FTS5).

Every FTS5 detail lives here (the index itself is migration 3, kept current by triggers).
Whatever the user types becomes a list of safe terms: it is split into words the way the
index splits text, and each word is quoted and searched as a prefix, so quotes, `*`,
`-`, `NEAR(`, brackets or a lone apostrophe are only ever text. Results are plain data:
the snippet text with the positions of the matched words, which the screen escapes and
emphasises and the command line prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from boutique.models import database
from boutique.services import settings
from boutique.services.clients import display_phone
from boutique.services.notes.search_text import (  # noqa: F401 - part of this module's interface
    INDEX_FOLDS,
    SNIPPET_WIDTH,
    Highlighted,
    fold_word,
    joined,
    match_spans,
    query_terms,
    snippet,
    spanned,
)
from boutique.services.text import digits

KINDS = ("client", "note", "purchase")
GROUP_TITLES = {"client": "Clients", "note": "Notes", "purchase": "Purchases"}
DEFAULT_LIMIT = 8
# Each kind is ranked by bm25 among its newest matches only, so a word found in half a
# million notes costs no more than a rare one; below this many matches ranking is exact.
CANDIDATES = 1000
MIN_PHONE_DIGITS = 3

_PHONE_QUERY = re.compile(r"^[\d\s+().\-/]+$")

# bm25 column weights: a name counts more than an email, a piece more than a remark.
_WEIGHTS = {
    "client": "10.0, 4.0, 6.0, 1.0",  # name, email, phones, other
    "note": "1.0",  # text
    "purchase": "4.0, 2.0, 1.0",  # items, gift, remarks
}
_CLIENT_TEXT_COLUMNS = "{name email other}"


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(terms: list[str], rank_exact: bool = False) -> str:
    """FTS5 query: every term a quoted prefix, all required ('"zoe"* "ode"*').

    With rank_exact, each term is ("zoe" OR "zoe"*): the same rows match, but bm25 scores
    a whole-word match ("Zoë") above a longer word that only begins so ("Zoey").
    """
    if rank_exact:
        return " AND ".join(f"({_quoted(t)} OR {_quoted(t)}*)" for t in terms)
    return " ".join(_quoted(term) + "*" for term in terms)


def phone_query_digits(text: str) -> str | None:
    """The digits to look up when the input looks like (part of) a phone number."""
    text = (text or "").strip()
    if not _PHONE_QUERY.match(text):
        return None
    # A national trunk zero ("020 7123 4567") is not part of the stored number.
    found = digits(text).lstrip("0")
    return found if len(found) >= MIN_PHONE_DIGITS else None


def client_match_expression(text: str) -> str:
    phone = phone_query_digits(text)
    if phone:
        return f'phones : "{phone}"*'
    terms = query_terms(text)
    return f"{_CLIENT_TEXT_COLUMNS} : ({match_expression(terms, True)})" if terms else ""


def ranked_ids_sql(kind: str, limit: int, candidates: int | None = CANDIDATES) -> str:
    """The one FTS5 query per kind: bm25 among the newest `candidates` matches (None: all)."""
    table = f"{kind}_fts"
    scored = f"SELECT rowid AS id, bm25({table}, {_WEIGHTS[kind]}) AS score FROM {table}" \
             f" WHERE {table} MATCH ?"
    if candidates is not None:
        scored += f" ORDER BY rowid DESC LIMIT {int(candidates)}"
    return f"SELECT id, score FROM ({scored}) ORDER BY score, id DESC LIMIT {int(limit)}"


# -- results ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchHit:
    kind: str  # "client" | "note" | "purchase"
    client_id: int
    client_name: str
    record_id: int  # the client, note or purchase id
    snippet: Highlighted  # the one line that shows why it matched (the name included)
    score: float
    date: str = ""  # ISO date of the note or purchase
    title: Highlighted | None = None  # the client's name, matched words marked
    detail: Highlighted | None = None  # the snippet without the name, under a title

    def to_json(self) -> dict:
        return {
            "kind": self.kind, "client_id": self.client_id, "client_name": self.client_name,
            "snippet": self.snippet.text, "highlights": [list(s) for s in self.snippet.spans],
            "record_id": self.record_id, "date": self.date or None,
        }


@dataclass
class SearchResults:
    text: str
    terms: list[str] = field(default_factory=list)
    hits: dict[str, list[SearchHit]] = field(default_factory=lambda: {k: [] for k in KINDS})

    def groups(self) -> list[tuple[str, str, list[SearchHit]]]:
        """(kind, title, hits) for each kind that found something, in KINDS order."""
        return [(kind, GROUP_TITLES[kind], self.hits[kind]) for kind in KINDS if self.hits[kind]]

    def ranked(self) -> list[SearchHit]:
        """All hits as shown: grouped by kind (clients, notes, purchases), best first."""
        return [hit for kind in KINDS for hit in self.hits[kind]]

    def __len__(self) -> int:
        return sum(len(hits) for hits in self.hits.values())


# -- searching -------------------------------------------------------------------------

def display_name(first: str, last: str, preferred: str) -> str:
    return " ".join(p for p in (preferred or first, last) if p) or "(no name)"


def _ranked(kind: str, expression: str, limit: int) -> list[tuple[int, float]]:
    if not expression:
        return []
    return list(database.execute_sql(ranked_ids_sql(kind, limit), (expression,)))


def _placeholders(ids) -> str:
    return ", ".join("?" for _ in ids)


def _client_hits(text: str, terms: list[str], limit: int) -> list[SearchHit]:
    ranked = _ranked("client", client_match_expression(text), limit)
    if not ranked:
        return []
    ids = [i for i, _ in ranked]
    rows = {row[0]: row for row in database.execute_sql(
        "SELECT id, first_name, last_name, preferred_name, email, mobile_phone, work_phone,"
        f" home_phone, partner_name FROM client WHERE id IN ({_placeholders(ids)})", ids)}
    region = settings.get("store.default_region")
    phone = phone_query_digits(text)
    hits = []
    for client_id, score in ranked:
        _, first, last, preferred, email, *phones, partner = rows[client_id]
        name = display_name(first, last, preferred)
        shown = [p for p in phones if p and (not phone or phone in digits(p))][:1] or \
            [p for p in phones if p][:1]
        parts = [spanned(email, terms)]
        for number in shown:
            label = display_phone(number, region)
            parts.append((label, [(0, len(label))] if phone else []))
        if partner:
            label, spans = spanned(partner, terms)
            parts.append(("partner " + label, [(s + 8, e + 8) for s, e in spans]))
        title = Highlighted(name, tuple(match_spans(name, terms)))
        detail = joined(parts)
        hits.append(SearchHit("client", client_id, name, client_id,
                              joined([(title.text, list(title.spans)),
                                       (detail.text, list(detail.spans))]),
                              score, title=title, detail=detail))
    return hits


def _note_hits(terms: list[str], limit: int) -> list[SearchHit]:
    ranked = _ranked("note", match_expression(terms, True), limit)
    if not ranked:
        return []
    ids = [i for i, _ in ranked]
    rows = {row[0]: row for row in database.execute_sql(
        "SELECT n.id, n.client_id, n.text, n.created_at, c.first_name, c.last_name,"
        " c.preferred_name FROM note AS n JOIN client AS c ON c.id = n.client_id"
        f" WHERE n.id IN ({_placeholders(ids)})", ids)}
    hits = []
    for note_id, score in ranked:
        _, client_id, text, created, first, last, preferred = rows[note_id]
        hits.append(SearchHit("note", client_id, display_name(first, last, preferred), note_id,
                              snippet(text, terms), score, str(created or "")[:10]))
    return hits


def _purchase_hits(terms: list[str], limit: int) -> list[SearchHit]:
    ranked = _ranked("purchase", match_expression(terms, True), limit)
    if not ranked:
        return []
    ids = [i for i, _ in ranked]
    rows = {row[0]: row for row in database.execute_sql(
        "SELECT p.id, p.client_id, p.purchase_date, p.gift_recipient, p.gift_relation,"
        " p.gift_occasion, p.remarks, c.first_name, c.last_name, c.preferred_name"
        " FROM purchase AS p JOIN client AS c ON c.id = p.client_id"
        f" WHERE p.id IN ({_placeholders(ids)})", ids)}
    items: dict[int, list[str]] = {}
    for purchase_id, description, metal, stone in database.execute_sql(
            "SELECT purchase_id, description, metal, stone FROM purchase_item"
            f" WHERE purchase_id IN ({_placeholders(ids)}) ORDER BY position, id", ids):
        detail = ", ".join(p for p in (metal, stone) if p and p.lower() not in description.lower())
        items.setdefault(purchase_id, []).append(description + (f" ({detail})" if detail else ""))
    items = {pid: _counted(names) for pid, names in items.items()}
    hits = []
    for purchase_id, score in ranked:
        (_, client_id, when, recipient, relation, occasion, remarks, first, last,
         preferred) = rows[purchase_id]
        gift = ""
        if recipient:
            gift = f"gift for {recipient}" + (f" ({relation})" if relation else "")
            gift += f", {occasion}" if occasion else ""
        parts = [spanned("; ".join(items.get(purchase_id, [])), terms), spanned(gift, terms)]
        if remarks:
            short = snippet(remarks, terms, SNIPPET_WIDTH // 2)
            parts.append((short.text, list(short.spans)))
        hits.append(SearchHit("purchase", client_id, display_name(first, last, preferred),
                              purchase_id, joined(parts), score, str(when or "")[:10]))
    return hits


def _counted(names: list[str]) -> list[str]:
    """Item lines with repeats shown once: 'Gold bangle ×2'."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return [name + (f" ×{n}" if n > 1 else "") for name, n in counts.items()]


def search(text: str, limit: int = DEFAULT_LIMIT) -> SearchResults:
    """Clients, notes and purchases matching `text`, each kind best first (bm25)."""
    terms = query_terms(text)
    results = SearchResults(text=text, terms=terms)
    if limit <= 0 or not (terms or phone_query_digits(text)):
        return results
    results.hits["client"] = _client_hits(text, terms, limit)
    if terms:
        results.hits["note"] = _note_hits(terms, limit)
        results.hits["purchase"] = _purchase_hits(terms, limit)
    return results


def search_clients(text: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Only clients (quick capture's picker): name, email or phone digits."""
    terms = query_terms(text)
    if limit <= 0 or not (terms or phone_query_digits(text)):
        return []
    return _client_hits(text, terms, limit)


def note_match_condition(text: str, column: str = "note.id") -> tuple[str, list[str]] | None:
    """SQL condition keeping notes whose text matches `text` (None: nothing to match)."""
    terms = query_terms(text)
    if not terms:
        return None
    return (f"{column} IN (SELECT rowid FROM note_fts WHERE note_fts MATCH ?)",
            [match_expression(terms)])


def note_match_count(text: str, cap: int) -> int:
    """How many notes match `text`, counting no further than `cap`."""
    terms = query_terms(text)
    if not terms:
        return 0
    return database.execute_sql(
        "SELECT COUNT(*) FROM (SELECT rowid FROM note_fts WHERE note_fts MATCH ?"
        f" LIMIT {int(cap)})", (match_expression(terms),)).fetchone()[0]


def client_name_condition(text: str, column: str = "note.client_id") -> tuple[str, list] | None:
    """SQL condition keeping rows of clients whose name matches `text`."""
    terms = query_terms(text)
    if not terms:
        return None
    return (f"{column} IN (SELECT rowid FROM client_fts WHERE client_fts MATCH ?)",
            [f"name : ({match_expression(terms)})"])


# -- upkeep ----------------------------------------------------------------------------

def check_index() -> list[str]:
    """Problems found comparing each index with what it should hold ([] when sound)."""
    problems = []
    for kind in KINDS:
        try:
            database.execute_sql(
                f"INSERT INTO {kind}_fts ({kind}_fts, rank) VALUES ('integrity-check', 1)")
        except Exception as exc:  # sqlite reports a mismatch as a database error
            problems.append(f"{kind}: {exc}")
    return problems


def rebuild_index() -> None:
    """Re-derive every index from the store (a repair; the triggers keep it current)."""
    with database.atomic():
        for kind in KINDS:
            database.execute_sql(f"INSERT INTO {kind}_fts ({kind}_fts) VALUES ('rebuild')")

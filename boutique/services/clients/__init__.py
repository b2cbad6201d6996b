"""The client book: who the clients are, how to reach them, what they bought, what they are worth.

Owns the Client and Purchase records: saving and checking a client's fields (`book`), the
Trash, phones in international form (`phones`), which address or number a piece goes to
(`contact`), the lifetime value and the Top tier (`value`), the word index that search as
you type reads (`word_index`), the sorted and searched list of the Clients tab
(`listing`), purchases with their items (`purchases`) and how an item is named in a
sentence (`item_wording`).

May use: the models, the top-level `settings`, `errors` and `text`, and `cadence`, whose
follow-ups are scheduled in the same transaction as a purchase.
"""

from boutique.models import Client, Purchase, PurchaseItem
from boutique.services.clients.book import (
    BOOL_FIELDS,
    EDITABLE_FIELDS,
    PHONE_FIELDS,
    clean_client_values,
    derived_columns,
    field_problem,
    get_client,
    purge_client,
    restore_client,
    save_client,
    trash_client,
    trashed_clients,
)
from boutique.services.clients.bulk import insert_clean_clients
from boutique.services.clients.contact import (
    NO_AGREED_WAY,
    ContactChoice,
    MailingAddress,
    addressee_name,
    choose_agreed,
    choose_for,
    choose_mail,
    choose_phone,
)
from boutique.services.clients.item_wording import (
    NUMBER_LABELS,
    ItemWords,
    item_words,
    join_phrases,
    wording_from,
)
from boutique.services.clients.phones import display as display_phone
from boutique.services.clients.purchases import (
    ItemData,
    PurchaseData,
    client_purchases,
    get_purchase,
    imported_purchase,
    parse_price,
    purchase_json,
    record_purchase,
    set_spend_before,
)
from boutique.services.clients.value import TOP, tier_for, top_tier_threshold
from boutique.services.clients.value import invalidate as invalidate_value
from boutique.services.clients.word_index import index_rows, insert_rows, unindex_client

__all__ = [
    "BOOL_FIELDS", "EDITABLE_FIELDS", "PHONE_FIELDS", "TOP", "Client", "ItemData", "PurchaseData", "clean_client_values", "insert_clean_clients", "parse_price",
    "set_spend_before", "purchase_json", "imported_purchase", "ContactChoice", "MailingAddress", "Purchase", "PurchaseItem",
    "NO_AGREED_WAY", "addressee_name", "choose_agreed", "choose_for", "choose_mail", "choose_phone", "client_purchases",
    "derived_columns", "display_phone", "field_problem", "get_client", "get_purchase",
    "index_rows", "insert_rows", "invalidate_value", "purge_client", "record_purchase",
    "restore_client", "save_client", "tier_for", "top_tier_threshold", "trash_client",
    "trashed_clients", "unindex_client", "ItemWords", "NUMBER_LABELS", "item_words", "join_phrases",
    "wording_from",
]

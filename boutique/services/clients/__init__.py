"""The client book: who the clients are, how to reach them, what they bought, what they are worth.

Owns the Client and Purchase records: saving and checking a client's fields (`book`), the
Trash, phones in international form (`phones`), which address or number a piece goes to
(`contact`), the lifetime value and the Top tier (`value`), the word index that search as
you type reads (`word_index`), the sorted and searched list of the Clients tab
(`listing`), purchases with their items (`purchases`, many at once in `purchases_bulk`),
how an item is named in a sentence (`item_wording`), and the people in a client's life
with their own birthdays and anniversaries (`relations`), and the associate typed on a
client's card matched to one of the associates (`associate_link`).

May use: the models, the top-level `settings`, `errors` and `text`, and `cadence`, whose
follow-ups are scheduled in the same transaction as a purchase.
"""

from boutique.models import Client, Purchase, PurchaseItem
from boutique.services.clients.associate_link import (
    associate_named,
    link_associate,
    link_typed_associates,
)
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
    HOME_GIFT_WARNING,
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
from boutique.services.clients.phones import normalize as normalize_phone
from boutique.services.clients.purchases import (
    ItemData,
    PurchaseData,
    client_purchases,
    get_purchase,
    imported_purchase,
    parse_price,
    purchase_json,
    record_purchase,
    refresh_client_value,
    set_spend_before,
)
from boutique.services.clients.purchases import validate as validate_purchase
from boutique.services.clients.purchases_bulk import imported_refs, insert_purchases
from boutique.services.clients.relations import (
    KIND_LABELS as RELATION_KIND_LABELS,
)
from boutique.services.clients.relations import (
    client_relations,
    delete_relation,
    relation_json,
    relations_by_client,
    save_client_with_relations,
    save_relation,
)
from boutique.services.clients.relations import (
    date_text as relation_date_text,
)
from boutique.services.clients.value import (
    TOP,
    adopt_threshold,
    tier_for,
    tier_moved,
    top_tier_threshold,
)
from boutique.services.clients.value import invalidate as invalidate_value
from boutique.services.clients.word_index import index_rows, insert_rows, unindex_client

__all__ = [
    "associate_named", "link_associate", "link_typed_associates",
    "HOME_GIFT_WARNING", "RELATION_KIND_LABELS", "client_relations", "relation_date_text", "delete_relation", "relation_json", "relations_by_client",
    "save_client_with_relations", "save_relation",
    "BOOL_FIELDS", "EDITABLE_FIELDS", "PHONE_FIELDS", "TOP", "Client", "ItemData", "PurchaseData", "clean_client_values", "insert_clean_clients", "parse_price",
    "set_spend_before", "validate_purchase", "purchase_json", "imported_purchase", "imported_refs", "insert_purchases", "ContactChoice", "MailingAddress", "Purchase", "PurchaseItem",
    "NO_AGREED_WAY", "addressee_name", "choose_agreed", "choose_for", "choose_mail", "choose_phone", "client_purchases",
    "derived_columns", "display_phone", "normalize_phone", "field_problem", "get_client", "get_purchase",
    "index_rows", "insert_rows", "invalidate_value", "purge_client", "record_purchase", "refresh_client_value",
    "restore_client", "save_client", "tier_for", "top_tier_threshold", "adopt_threshold", "tier_moved", "trash_client",
    "trashed_clients", "unindex_client", "ItemWords", "NUMBER_LABELS", "item_words", "join_phrases",
    "wording_from",
]

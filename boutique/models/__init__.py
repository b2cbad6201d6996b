"""Floor 1: peewee models, opening the store, migrations."""

from boutique.models.after_sale import ItemReturn, ServiceTicket, StoreCreditEntry
from boutique.models.associate import Associate, Handoff
from boutique.models.associate_change import AssociateChange
from boutique.models.base import BaseModel, utcnow
from boutique.models.bulk_index import (
    index_rebuilt_after,
    indexes_rebuilt_after,
    more_than_held,
    new_rows_unwatched,
    search_index_deferred,
)
from boutique.models.client import ADDRESS_PARTS, CHANNELS, CONTACTABLE, Client
from boutique.models.db import close_database, database, open_database
from boutique.models.followup import FOLLOWUP_KINDS, FOLLOWUP_STATUSES, FollowUp
from boutique.models.note import NOTE_CATEGORIES, Note
from boutique.models.purchase import GIFT_DELIVERIES, Purchase, PurchaseItem
from boutique.models.relation import RELATION_KINDS, Relation
from boutique.models.search_documents import client_documents, purchase_documents
from boutique.models.setting import Setting

__all__ = [
    "Associate",
    "AssociateChange",
    "Handoff",
    "ADDRESS_PARTS",
    "CHANNELS",
    "CONTACTABLE",
    "FOLLOWUP_KINDS",
    "FOLLOWUP_STATUSES",
    "GIFT_DELIVERIES",
    "NOTE_CATEGORIES",
    "BaseModel",
    "Client",
    "FollowUp",
    "ItemReturn",
    "Note",
    "Purchase",
    "PurchaseItem",
    "RELATION_KINDS",
    "Relation",
    "ServiceTicket",
    "Setting",
    "StoreCreditEntry",
    "client_documents",
    "close_database",
    "database",
    "open_database",
    "purchase_documents",
    "index_rebuilt_after",
    "indexes_rebuilt_after",
    "more_than_held",
    "new_rows_unwatched",
    "search_index_deferred",
    "utcnow",
]

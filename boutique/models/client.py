"""The client book: one row per client, with denormalised value figures for fast lists."""

from __future__ import annotations

import peewee

from boutique.models.associate import Associate
from boutique.models.base import BaseModel, utcnow

ADDRESS_PARTS = ("company", "line1", "line2", "city", "region", "postcode", "country")
CHANNELS = ("mail", "phone", "text", "email")


# The client table as `c`, read through the index of the clients who may be contacted
# (migration 16): for a join that only asks whether a row's client may be contacted
# (c.deleted_at IS NULL AND c.do_not_contact = 0, which the query must also say), a few
# small index pages instead of a page of full client rows per lookup.
CONTACTABLE = "client c INDEXED BY client_contactable"


class Client(BaseModel):
    salutation = peewee.CharField(default="")
    first_name = peewee.CharField(default="")
    last_name = peewee.CharField(default="")
    preferred_name = peewee.CharField(default="")
    partner_name = peewee.CharField(default="")

    # Phones are stored in E.164 ("+15550134567"); display formats them.
    mobile_phone = peewee.CharField(default="")
    work_phone = peewee.CharField(default="")
    home_phone = peewee.CharField(default="")
    email = peewee.CharField(default="")

    home_line1 = peewee.CharField(default="")
    home_line2 = peewee.CharField(default="")
    home_city = peewee.CharField(default="")
    home_region = peewee.CharField(default="")
    home_postcode = peewee.CharField(default="")
    home_country = peewee.CharField(default="")
    business_company = peewee.CharField(default="")
    business_line1 = peewee.CharField(default="")
    business_line2 = peewee.CharField(default="")
    business_city = peewee.CharField(default="")
    business_region = peewee.CharField(default="")
    business_postcode = peewee.CharField(default="")
    business_country = peewee.CharField(default="")

    consent_mail = peewee.BooleanField(default=True)
    consent_phone = peewee.BooleanField(default=True)
    consent_text = peewee.BooleanField(default=False)
    consent_email = peewee.BooleanField(default=False)
    do_not_contact = peewee.BooleanField(default=False)

    # Key dates as parts: clients often give a day and month but not the year.
    birthday_year = peewee.IntegerField(null=True)
    birthday_month = peewee.IntegerField(null=True)
    birthday_day = peewee.IntegerField(null=True)
    anniversary_year = peewee.IntegerField(null=True)
    anniversary_month = peewee.IntegerField(null=True)
    anniversary_day = peewee.IntegerField(null=True)

    ring_size = peewee.CharField(default="")
    other_sizes = peewee.TextField(default="")
    pref_metals = peewee.TextField(default="")
    pref_stones = peewee.TextField(default="")
    pref_styles = peewee.TextField(default="")
    dislikes = peewee.TextField(default="")
    wish_list = peewee.TextField(default="")
    tags = peewee.TextField(default="")
    # The name as typed before associates were kept (and kept equal to the associate's).
    associate = peewee.CharField(default="")
    associate_ref = peewee.ForeignKeyField(Associate, column_name="associate_id", null=True,
                                           on_delete="SET NULL", backref="clients")

    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow)
    deleted_at = peewee.DateTimeField(null=True)

    # Kept current by services.clients.purchases inside the same transaction as the purchase.
    lifetime_spend_cents = peewee.IntegerField(default=0)
    purchase_count = peewee.IntegerField(default=0)
    last_purchase_date = peewee.DateField(null=True)
    # Spent in the shop's earlier system (an import), counted in lifetime_spend_cents.
    spend_before_cents = peewee.IntegerField(default=0)

    # Derived search columns, written by services.clients.book on every save.
    sort_name = peewee.CharField(default="")
    search_text = peewee.TextField(default="")
    phone_digits = peewee.CharField(default="")

    class Meta:
        table_name = "client"

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.first_name
        return " ".join(part for part in (first, self.last_name) if part) or "(no name)"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or "(no name)"

    def address(self, which: str) -> dict[str, str]:
        """The home or business address as a dict of ADDRESS_PARTS (home has no company)."""
        out = {}
        for part in ADDRESS_PARTS:
            out[part] = getattr(self, f"{which}_{part}", "") or ""
        return out

    def has_address(self, which: str) -> bool:
        a = self.address(which)
        return bool(a["line1"] and (a["city"] or a["postcode"]))

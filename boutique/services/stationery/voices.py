"""Who a piece speaks as (the client's associate, with her direct line) and what an
introduction carries about a client it does not owe to one sale."""

from __future__ import annotations

from collections.abc import Iterable

from boutique.models import Client, Purchase
from boutique.services import settings
from boutique.services.associates import voice_of, voices_for

__all__ = ["BRIEFED_KINDS", "recent_purchases", "recent_purchases_of", "voice_fields", "voice_pair",
           "voices_for"]

# An introduction or a welcome back is about the client, not one sale: the script and the
# prompt carry her latest pieces (with the pinned facts) for the one who has not met her.
BRIEFED_KINDS = ("re_introduction", "welcome_back")
RECENT_PURCHASES = 3


def recent_purchases(client_id: int, limit: int = RECENT_PURCHASES) -> list[Purchase]:
    return recent_purchases_of([client_id], limit)[client_id]


def recent_purchases_of(client_ids: Iterable[int],
                        limit: int = RECENT_PURCHASES) -> dict[int, list[Purchase]]:
    """`recent_purchases` for many clients in one query; every client asked for is a key."""
    out: dict[int, list[Purchase]] = {cid: [] for cid in client_ids}
    if out:
        for purchase in (Purchase.select().where(Purchase.client.in_(list(out)))
                         .order_by(Purchase.purchase_date.desc(), Purchase.id.desc())):
            latest = out[purchase.client_id]
            if len(latest) < limit:
                latest.append(purchase)
    return out


def voice_fields(client: Client, voice: tuple[str, str] | None) -> dict[str, str]:
    """The associate the piece speaks as (name, direct line), read when not given."""
    if voice is None:
        voice = voice_pair(voices_for([client.id]).get(client.id))
    return {"voice": voice[0], "voice_phone": voice[1]}


def voice_pair(associate) -> tuple[str, str]:
    if associate is None:
        return "", ""
    spoken = voice_of(associate, region=settings.get("store.default_region"))
    return spoken.name, spoken.phone if associate.phone else ""


"""Which address or number to use for a client, honouring consent and gift surprises.

"Don't spoil the surprise": for a gift, the thank-you goes to the buyer's business
address when one was given, and the call to the mobile or work number, never the home
line, where the recipient may answer. Every choice carries its warnings for the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from boutique.models import Client
from boutique.services import settings
from boutique.services.clients.phones import display as display_phone

# Said of a gift's note with only a home address; the agenda and the printed pieces put
# the gift rule in force in its place (services/cadence/gifts.py).
HOME_GIFT_WARNING = "Gift: no business address, the home address may reach the recipient"


@dataclass(frozen=True)
class MailingAddress:
    name: str
    company: str = ""
    lines: tuple[str, ...] = ()
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    kind: str = "home"  # "home" or "business"

    def envelope_lines(self, home_country: str = "") -> list[str]:
        """Lines as they go on an envelope; the country only when it differs from ours."""
        out = [self.name] if self.name else []
        if self.company:
            out.append(self.company)
        out += filter(None, self.lines)
        locality = " ".join(filter(None, (self.city + ("," if self.city and self.region else ""),
                                          self.region, self.postcode)))
        if locality:
            out.append(locality)
        if self.country and self.country.strip().casefold() not in _same_country(home_country):
            out.append(self.country.upper())
        return out

    def one_line(self) -> str:
        return ", ".join(self.envelope_lines()[1:])


_US_NAMES = frozenset({"usa", "us", "united states", "united states of america", "u.s.a."})


def _same_country(home: str) -> frozenset[str]:
    home = (home or "").strip().casefold()
    return _US_NAMES if home in _US_NAMES or not home else frozenset((home,))


@dataclass(frozen=True)
class ContactChoice:
    channel: str  # "mail", "phone", "email", "text" or "none"
    contact: str  # the address on one line, the number, or the email
    address: MailingAddress | None = None
    phone_field: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)


def _made(cls, values: dict):
    # The frozen dataclass `cls` holding `values` (every field), without its guarded
    # assignment per field: the agenda of a big book makes thousands of these at once.
    made = object.__new__(cls)
    made.__dict__.update(values)
    return made


def _choice(channel: str, contact: str, address: MailingAddress | None = None,
            phone_field: str = "", warnings: tuple[str, ...] = ()) -> ContactChoice:
    return _made(ContactChoice, {"channel": channel, "contact": contact, "address": address,
                                 "phone_field": phone_field, "warnings": warnings})


def addressee_name(client: Client) -> str:
    name = " ".join(filter(None, (client.first_name, client.last_name)))
    return f"{client.salutation} {name}".strip() if client.salutation else name


def mailing_address(client: Client, which: str) -> MailingAddress:
    parts = client.address(which)
    return _made(MailingAddress, {
        "name": addressee_name(client),
        "company": parts["company"] if which == "business" else "",
        "lines": tuple(filter(None, (parts["line1"], parts["line2"]))), "city": parts["city"],
        "region": parts["region"], "postcode": parts["postcode"], "country": parts["country"],
        "kind": which,
    })


def choose_mail(client: Client, is_gift: bool) -> ContactChoice:
    """The address for a handwritten note about a purchase."""
    warnings: list[str] = []
    if client.do_not_contact:
        return _choice("none", "", warnings=("Client asked not to be contacted",))
    if not client.consent_mail:
        warnings.append("Client has not agreed to mail")
    if is_gift and client.has_address("business"):
        address = mailing_address(client, "business")
    elif client.has_address("home"):
        address = mailing_address(client, "home")
        if is_gift:
            warnings.append(HOME_GIFT_WARNING)
    elif client.has_address("business"):
        address = mailing_address(client, "business")
    else:
        return _choice("mail", "", warnings=tuple(warnings + ["No postal address on file"]))
    return _choice("mail", address.one_line(), address=address, warnings=tuple(warnings))


def choose_phone(client: Client, is_gift: bool, region: str | None = None) -> ContactChoice:
    """The number for a call; for a gift never the home line. `region`: the store's phone
    region when the caller already has it (a long list saves a lookup per row)."""
    warnings: list[str] = []
    if client.do_not_contact:
        return _choice("none", "", warnings=("Client asked not to be contacted",))
    if not client.consent_phone:
        warnings.append("Client has not agreed to phone calls")
    order = ("mobile_phone", "work_phone") if is_gift else ("mobile_phone", "home_phone", "work_phone")
    region = region or settings.get("store.default_region")
    for field_name in order:
        number = getattr(client, field_name)
        if number:
            return _choice("phone", display_phone(number, region), phone_field=field_name,
                                 warnings=tuple(warnings))
    if is_gift and client.home_phone:
        warnings.append("Gift: only a home number on file, the recipient may answer; call not placed")
    else:
        warnings.append("No phone number on file")
    return _choice("phone", "", warnings=tuple(warnings))


def choose_email(client: Client) -> ContactChoice:
    if client.do_not_contact:
        return _choice("none", "", warnings=("Client asked not to be contacted",))
    warnings = [] if client.consent_email else ["Client has not agreed to email"]
    if not client.email:
        warnings.append("No email address on file")
    return _choice("email", client.email, warnings=tuple(warnings))


def choose_text(client: Client, region: str | None = None) -> ContactChoice:
    """Text messages go to the mobile only: another line may be shared."""
    if client.do_not_contact:
        return _choice("none", "", warnings=("Client asked not to be contacted",))
    warnings = [] if client.consent_text else ["Client has not agreed to text messages"]
    if not client.mobile_phone:
        return _choice("text", "", warnings=tuple(warnings + ["No mobile number on file"]))
    region = region or settings.get("store.default_region")
    return _choice("text", display_phone(client.mobile_phone, region),
                         phone_field="mobile_phone", warnings=tuple(warnings))


# Where a follow-up goes when the client has not agreed to its planned channel: the
# nearest way of saying the same thing (a note becomes an email, a call a text message).
_INSTEAD = {
    "mail": ("email", "text", "phone"),
    "phone": ("text", "email", "mail"),
    "email": ("mail", "text", "phone"),
    "text": ("phone", "email", "mail"),
}
NO_AGREED_WAY = "No agreed way to reach: the client has agreed to no mail, calls, texts or email"


def _agreed(client: Client, channel: str) -> bool:
    return bool(getattr(client, f"consent_{channel}"))


def choose_agreed(client: Client, channel: str, is_gift: bool,
                  region: str | None = None) -> ContactChoice:
    """The address or number for a follow-up, only through a channel the client agreed to:
    the planned one, else the nearest agreed one that has its details on file, else the
    first agreed one (with what is missing). With none agreed the channel is "none"."""
    if client.do_not_contact or _agreed(client, channel):
        return choose_for(client, channel, is_gift, region)
    agreed = [other for other in _INSTEAD[channel] if _agreed(client, other)]
    if not agreed:
        return _choice("none", "", warnings=(NO_AGREED_WAY,))
    choices = [choose_for(client, other, is_gift, region) for other in agreed]
    chosen = next((choice for choice in choices if choice.contact), choices[0])
    moved = f"Planned as {channel}; the client agreed to {chosen.channel} instead"
    return _choice(chosen.channel, chosen.contact, chosen.address, chosen.phone_field,
                   (moved, *chosen.warnings))


def choose_for(client: Client, channel: str, is_gift: bool,
               region: str | None = None) -> ContactChoice:
    """The address or number for a follow-up on `channel` (mail, phone, email, text), with
    a warning where the client has not agreed to it (printing one piece by hand)."""
    if channel == "mail":
        return choose_mail(client, is_gift)
    if channel == "phone":
        return choose_phone(client, is_gift, region)
    if channel == "email":
        return choose_email(client)
    if channel == "text":
        return choose_text(client, region)
    raise ValueError(f"unknown channel {channel!r}")

"""The store's letterhead and the wording of printed pieces, kept in settings.

Keys: "letterhead.<field>" for the Letterhead fields, "letterhead.country" (the store's
own country as written on envelopes, left off addresses in the same country),
"templates.<name>" for wordings the jeweler changed (an unchanged wording is not stored,
so an improved default reaches every store) and "print.*" for how today's pack is made.

Paper size: "letterhead.page_size" is "letter", "a4" or "" (automatic). Automatic follows
the store's region when the jeweler has chosen one in Settings (that is where the paper
is bought), else the computer's locale (`locale.getlocale()`, e.g. "en_CA" -> CA), else
US. Letter is used in the Americas countries that kept it and the Philippines; A4
everywhere else.
"""

from __future__ import annotations

import locale
from dataclasses import dataclass, fields

from boutique.models import Setting, database
from boutique.services import settings
from boutique.services.errors import ValidationError

PAGE_SIZES = ("letter", "a4")
LETTER_REGIONS = frozenset({
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "DO", "PA", "PR", "SV", "NI", "BZ",
})
REGION_KEY = "store.default_region"
COUNTRY_KEY = "letterhead.country"
TEMPLATE_PREFIX = "templates."
# How today's pack is put together (printing/pack.py PackOptions): "" = by the paper size.
PACK_KEYS = {"print.prompt_layout": "2up", "print.script_layout": "half",
             "print.mail": "envelopes", "print.envelope": "", "print.label_sheet": ""}


@dataclass(frozen=True)
class Letterhead:
    """What a printed piece says about the store; plain data for the printing floor."""

    store_name: str = ""
    address_lines: tuple[str, ...] = ()
    phone: str = ""
    website: str = ""
    jeweler_name: str = ""
    signature_line: str = ""
    logo_path: str | None = None
    page_size: str = "letter"  # "letter" or "a4"

    @property
    def contact_line(self) -> str:
        """Address, phone and website on one line, for the foot of a card."""
        return "  ·  ".join(p for p in (*self.address_lines, self.phone, self.website) if p)


_TEXT_FIELDS = ("store_name", "phone", "website", "jeweler_name", "signature_line")

settings.register_defaults({
    "letterhead.store_name": "",
    "letterhead.address_lines": [],
    "letterhead.phone": "",
    "letterhead.website": "",
    "letterhead.jeweler_name": "",
    "letterhead.signature_line": "",
    "letterhead.logo_path": "",
    "letterhead.page_size": "",
    COUNTRY_KEY: "",
    **PACK_KEYS,
})


def _explicit(key: str) -> str | None:
    """A setting the user saved, or None when only the code default applies."""
    row = Setting.get_or_none(Setting.key == key)
    return settings.get(key) if row is not None else None


def locale_region() -> str:
    """The country part of the computer's locale ("en_GB.UTF-8" -> "GB"), or ""."""
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    _, _, country = name.partition("_")
    country = country.split(".")[0].split("@")[0].upper()
    return country if len(country) == 2 and country.isalpha() else ""


def paper_region() -> str:
    return _explicit(REGION_KEY) or locale_region() or settings.get(REGION_KEY) or "US"


def default_page_size(region: str | None = None) -> str:
    return "letter" if (region or paper_region()).upper() in LETTER_REGIONS else "a4"


def load_letterhead() -> Letterhead:
    values = settings.get_many("letterhead.")
    page_size = values.get("letterhead.page_size") or default_page_size()
    logo = (values.get("letterhead.logo_path") or "").strip()
    return Letterhead(
        **{name: str(values.get(f"letterhead.{name}") or "").strip() for name in _TEXT_FIELDS},
        address_lines=tuple(line.strip() for line in values.get("letterhead.address_lines") or []
                            if line and line.strip()),
        logo_path=logo or None,
        page_size=page_size if page_size in PAGE_SIZES else "letter",
    )


def save_letterhead(values: dict) -> None:
    """Save from a dict of Letterhead field names (page_size "" = automatic)."""
    known = {f.name for f in fields(Letterhead)}
    unknown = set(values) - known
    if unknown:
        raise ValidationError({name: "not a letterhead field" for name in sorted(unknown)})
    page_size = values.get("page_size", "")
    if page_size not in ("", *PAGE_SIZES):
        raise ValidationError({"page_size": "choose Letter, A4 or automatic"})
    if "store_name" in values and not str(values["store_name"]).strip():
        raise ValidationError({"store_name": "the store's name heads every printed piece"})
    out = {}
    for name, value in values.items():
        if name == "address_lines":
            value = [str(line).strip() for line in value if str(line).strip()]
        else:
            value = str(value or "").strip()
        out[f"letterhead.{name}"] = value
    settings.set_many(out)


def save_print_settings(letterhead: dict | None, country: str, pack_options: dict) -> None:
    """The Letterhead page in one transaction: all of it is saved, or none.
    `letterhead` None leaves the letterhead as it is (a new store with none yet)."""
    with database.atomic():
        if letterhead is not None:
            save_letterhead(letterhead)
        settings.set(COUNTRY_KEY, country.strip())
        save_pack_options(pack_options)


def home_country() -> str:
    """The store's country as written on envelopes ("" = the United States)."""
    return str(settings.get(COUNTRY_KEY) or "").strip()


def load_pack_options() -> dict[str, str]:
    """The pack's choices as PackOptions keyword arguments."""
    return {key.removeprefix("print."): str(settings.get(key) or "") for key in PACK_KEYS}


def save_pack_options(values: dict[str, str]) -> None:
    unknown = {f"print.{k}" for k in values} - set(PACK_KEYS)
    if unknown:
        raise ValidationError({name: "not a pack option" for name in sorted(unknown)})
    settings.set_many({f"print.{k}": str(v or "") for k, v in values.items()})


def load_template_overrides() -> dict[str, str]:
    """Wordings the jeweler changed, by template name; the rest use the shipped defaults."""
    return {key.removeprefix(TEMPLATE_PREFIX): str(value)
            for key, value in settings.get_many(TEMPLATE_PREFIX).items()}


def save_templates(texts: dict[str, str], defaults: dict[str, str]) -> None:
    """Store the wordings that differ from the default; forget those set back to it."""
    changed = {f"{TEMPLATE_PREFIX}{name}": text for name, text in texts.items()
               if text.strip() != defaults.get(name, "").strip()}
    back_to_default = [f"{TEMPLATE_PREFIX}{name}" for name in texts
                       if f"{TEMPLATE_PREFIX}{name}" not in changed]
    with database.atomic():
        if changed:
            settings.set_many(changed)
        for key in back_to_default:
            settings.reset(key)


DEMO_LETTERHEAD = {
    "store_name": "Marsh & Finch Jewelers",
    "address_lines": ["214 Warren Street", "Hudson, NY 12534"],
    "phone": "(518) 555-0142",
    "website": "marshandfinch.example",
    "jeweler_name": "Elena Marsh",
    "signature_line": "Elena Marsh, Goldsmith",
}


def demo_letterhead(today) -> None:
    """demo_hooks entry: the demo boutique prints under its own name (never over a
    letterhead already set)."""
    if not settings.get("letterhead.store_name"):
        save_letterhead(DEMO_LETTERHEAD)

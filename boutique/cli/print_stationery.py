"""`print card` and `print labels`: the thank-you card (or its envelope) for a purchase,
and address labels for the notes due on a day. Added to the `print` group by
cmd_print.py through register().
"""

from __future__ import annotations

import sys
from pathlib import Path

from boutique.cli.common import CliError, bounded_int, parse_date
from boutique.printing.cards import CARD_LAYOUTS, card_layout, card_pdf
from boutique.printing.envelopes import envelope_pdf
from boutique.printing.glyph_warnings import address_warning
from boutique.printing.labels import fit_on_label, labels_pdf
from boutique.printing.sheets import ENVELOPES, LABEL_SHEETS, label_sheet
from boutique.services.stationery.letterhead import load_letterhead
from boutique.services.stationery.mail import get_purchase, mail_for_day, mail_for_purchase

ENVELOPE_PREFIX = "envelope-"
ENVELOPE_LAYOUTS = {f"{ENVELOPE_PREFIX}{key}": size for key, size in ENVELOPES.items()}
LAYOUT_NAMES = (*CARD_LAYOUTS, *ENVELOPE_LAYOUTS)


def _layout_help() -> str:
    cards = "; ".join(f"{name}: {layout.description}" for name, layout in CARD_LAYOUTS.items())
    envelopes = "; ".join(f"{name}: {size.title}" for name, size in ENVELOPE_LAYOUTS.items())
    return (f"a card ({cards}) or the envelope for it, addressed to the client by the gift "
            f"rule ({envelopes})")


def register(print_subparsers) -> None:
    card = print_subparsers.add_parser(
        "card", help="a thank-you card, or its envelope, for a purchase",
        description="Print a thank-you card for a purchase, to write by hand, or the "
                    "envelope addressed to the client. Folded cards print outside then "
                    "inside: print double-sided.")
    card.add_argument("--purchase", required=True, metavar="ID", help="the purchase's id")
    card.add_argument("--layout", required=True, metavar="NAME", help=_layout_help())
    card.add_argument("--guides", action="store_true",
                      help="light writing guides where the note is written")
    card.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    card.set_defaults(run=run_card)

    labels = print_subparsers.add_parser(
        "labels", help="address labels for the notes to write on a day",
        description="Print address labels for the handwritten notes due on a day (the "
                    "agenda's notes, addressed by the gift rule).")
    labels.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    labels.add_argument("--sheet", required=True, metavar="|".join(LABEL_SHEETS),
                        help="; ".join(f"{key}: {s.title}" for key, s in LABEL_SHEETS.items()))
    labels.add_argument("--start", type=bounded_int(1, 1000), default=1, metavar="N",
                        help="first free label on a partly used sheet, counted from 1 along "
                             "the rows (default 1)")
    labels.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    labels.set_defaults(run=run_labels)


def _purchase_id(text: str) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise CliError(f"--purchase must be a purchase id (a number), not '{text}'") from None


def _out_path(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.parent.is_dir():
        raise CliError(f"--out: the folder '{path.parent}' does not exist")
    return path


def _write(path: Path, pdf: bytes) -> None:
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise CliError(f"--out: cannot write '{path}': {exc.strerror or exc}") from exc


def run_card(args) -> int:
    name = str(args.layout).strip().lower()
    if name not in LAYOUT_NAMES:
        raise CliError(f"--layout must be one of {', '.join(LAYOUT_NAMES)}, not '{args.layout}'")
    purchase_id = _purchase_id(args.purchase)
    out = _out_path(args.out)
    letterhead = load_letterhead()
    if name in ENVELOPE_LAYOUTS:
        piece = mail_for_purchase(purchase_id)
        pdf = envelope_pdf(letterhead, piece.lines, ENVELOPE_LAYOUTS[name].key,
                           title=f"Envelope for {piece.client_name}")
        for warning in (*piece.warnings, address_warning(piece.lines, piece.client_name)):
            if warning:
                sys.stderr.write(f"warning: {warning}\n")
        what = f"envelope for {piece.client_name}"
    else:
        client = get_purchase(purchase_id).client
        pdf = card_pdf(letterhead, card_layout(name).name, guides=args.guides,
                       title=f"Thank-you card for {client.full_name}")
        what = f"{name} card for {client.full_name}"
    _write(out, pdf)
    print(f"Wrote {out}: {what}")
    return 0


def run_labels(args) -> int:
    day = parse_date(args.date)
    try:
        spec = label_sheet(args.sheet)
    except ValueError as exc:
        raise CliError(f"--sheet: {exc}") from None
    if not 1 <= args.start <= spec.per_sheet:
        raise CliError(f"--start must be from 1 to {spec.per_sheet} on {spec.key}, "
                       f"not {args.start}")
    out = _out_path(args.out)
    ready, missing = mail_for_day(day)
    for piece in missing:
        sys.stderr.write(f"no label: {piece.client_name}: no postal address on file\n")
    for piece in ready:
        for warning in piece.warnings:
            sys.stderr.write(f"warning: {piece.client_name}: {warning}\n")
        glyphs = address_warning(piece.lines, piece.client_name)
        if glyphs:
            sys.stderr.write(f"warning: {glyphs}\n")
    if not ready:
        print(f"No notes to address on {day.isoformat()}: nothing written")
        return 0
    for piece in ready:
        if fit_on_label(piece.lines, spec) is None:
            sys.stderr.write(f"warning: {piece.client_name}: the address could not fit on a "
                             "label at 8 pt; it is listed on a page of its own\n")
    pdf = labels_pdf([p.lines for p in ready], spec, start=args.start,
                     title=f"Address labels, {day.isoformat()}")
    _write(out, pdf)
    print(f"Wrote {out}: {len(ready)} label{'s' if len(ready) != 1 else ''} on {spec.title}")
    return 0

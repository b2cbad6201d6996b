"""`print`: the printed pieces, headless.

    print today [--date D] --out FILE.pdf      the day's pack: prompts, envelopes, scripts
    print prompt --purchase ID --out FILE.pdf  the thank-you note prompt for one purchase
    print care --material NAME --out FILE.pdf  care cards
    print card / print labels                  (print_stationery.py)
    print ticket / print return-slip           (print_service.py)
    print brief / print handoff-letters        (print_handoff.py)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from boutique.cli.common import MAX_ID, CliError, bounded_int, parse_date
from boutique.printing.call_scripts import LAYOUTS as SCRIPT_LAYOUTS
from boutique.printing.care_cards import MATERIALS, SIZES, care_cards_pdf
from boutique.printing.glyph_warnings import checked_prompt, with_glyph_warnings
from boutique.printing.pack import (
    MAIL_CHOICES,
    UNFIT_LABEL,
    PackOptions,
    piece_count,
    render_pack,
    unfit_label_names,
)
from boutique.printing.prompts import LAYOUTS as PROMPT_LAYOUTS
from boutique.printing.prompts import note_prompts_pdf
from boutique.printing.sheets import ENVELOPES, LABEL_SHEETS
from boutique.printing.templates import Wording
from boutique.services.returns import load_policy
from boutique.services.stationery.letterhead import (
    load_letterhead,
    load_pack_options,
    load_template_overrides,
)
from boutique.services.stationery.print_data import note_prompt_for_purchase, pack_data


def register(subparsers) -> None:
    group = subparsers.add_parser("print", help="print note prompts, call scripts, cards",
                                  description="Print the pieces of the follow-up work as PDF.")
    sub = group.add_subparsers(dest="print_command", metavar="PIECE")
    sub.required = True

    today = sub.add_parser(
        "today", help="the day's pack: note prompts, envelopes or labels, call scripts",
        description="One PDF with every piece due on the day (and overdue before it): a "
                    "contents page, the note prompts, their envelopes or labels, then the "
                    "call scripts. Layouts default to those chosen in Settings.")
    today.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    today.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    today.add_argument("--prompts", choices=tuple(PROMPT_LAYOUTS), help="prompt layout")
    today.add_argument("--scripts", choices=tuple(SCRIPT_LAYOUTS), help="call script layout")
    today.add_argument("--mail", choices=tuple(MAIL_CHOICES), help="envelopes, labels or none")
    today.add_argument("--envelope", choices=tuple(ENVELOPES), help="envelope size")
    today.add_argument("--sheet", choices=tuple(LABEL_SHEETS), help="label sheet")
    today.set_defaults(run=run_today)

    prompt = sub.add_parser("prompt", help="the note prompt for one purchase",
                            description="The handwritten-note prompt for one purchase.")
    prompt.add_argument("--purchase", required=True, type=bounded_int(1, MAX_ID), metavar="ID")
    prompt.add_argument("--layout", choices=tuple(PROMPT_LAYOUTS), default="card")
    prompt.add_argument("--date", metavar="YYYY-MM-DD", help="the day it is written")
    prompt.add_argument("--out", required=True, metavar="FILE.pdf")
    prompt.set_defaults(run=run_prompt)

    care = sub.add_parser("care", help="care cards for a material",
                          description="Care cards to give with a piece, one per material.")
    care.add_argument("--material", action="append", choices=MATERIALS, required=True,
                      help="repeat for several")
    care.add_argument("--size", choices=tuple(SIZES), default="a6")
    care.add_argument("--policy", action="store_true",
                      help="print the return policy on the receipt side (A6 cards)")
    care.add_argument("--out", required=True, metavar="FILE.pdf")
    care.set_defaults(run=run_care)

    if importlib.util.find_spec("boutique.cli.print_stationery") is not None:
        from boutique.cli.print_stationery import register as register_stationery

        register_stationery(sub)
    from boutique.cli.print_service import register as register_service

    register_service(sub)
    from boutique.cli.print_handoff import register as register_handoff

    register_handoff(sub)


def _write(path_text: str, pdf: bytes) -> str:
    path = Path(path_text).expanduser()
    if not path.parent.is_dir():
        raise CliError(f"--out: the folder '{path.parent}' does not exist")
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise CliError(f"--out: cannot write '{path}': {exc.strerror or exc}") from exc
    return str(path)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def run_today(args) -> int:
    day = parse_date(args.date)
    chosen = load_pack_options()
    for name, flag in (("prompt_layout", args.prompts), ("script_layout", args.scripts),
                       ("mail", args.mail), ("envelope", args.envelope),
                       ("label_sheet", args.sheet)):
        if flag:
            chosen[name] = flag
    options = PackOptions(**chosen)
    try:
        options.check()
    except ValueError as exc:
        raise CliError(f"pack settings: {exc}") from None
    pack = with_glyph_warnings(pack_data(day))
    letterhead = load_letterhead()
    pdf = render_pack(pack, letterhead, Wording.from_overrides(load_template_overrides()),
                      options)
    out = _write(args.out, pdf)
    for note in pack.notes:
        for warning in note.warnings:
            sys.stderr.write(f"warning: {note.person.full_name}: {warning}\n")
    for call in pack.calls:
        for warning in call.warnings:
            sys.stderr.write(f"warning: {call.person.full_name}: {warning}\n")
    for name in unfit_label_names(pack, letterhead, options):
        sys.stderr.write(f"warning: {name}: {UNFIT_LABEL}\n")
    mail = piece_count(pack, options) - len(pack.notes) - len(pack.calls)
    mail_word = "envelope" if options.mail == "envelopes" else "label"
    parts = [_plural(len(pack.notes), "note prompt")]
    if options.mail != "none":
        parts.append(_plural(mail, mail_word))
    parts.append(_plural(len(pack.calls), "call script"))
    print(f"Wrote {out}: {', '.join(parts)} for {day.isoformat()}")
    return 0


def run_prompt(args) -> int:
    day = parse_date(args.date)
    prompt = checked_prompt(note_prompt_for_purchase(args.purchase, day))
    pdf = note_prompts_pdf([prompt], load_letterhead(),
                           Wording.from_overrides(load_template_overrides()), args.layout)
    out = _write(args.out, pdf)
    for warning in prompt.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    print(f"Wrote {out}: note prompt for {prompt.person.full_name}")
    return 0


def run_care(args) -> int:
    policy = load_policy().client_text if args.policy else ""
    pdf = care_cards_pdf(args.material, load_letterhead(), args.size, policy)
    out = _write(args.out, pdf)
    print(f"Wrote {out}: {_plural(len(args.material), 'care card')}")
    return 0

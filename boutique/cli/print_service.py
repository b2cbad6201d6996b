"""`print ticket` and `print return-slip`: the service desk's paper, headless."""

from __future__ import annotations

from boutique.cli.common import MAX_ID, CliError, bounded_int, output_file
from boutique.printing.service_slips import intake_ticket_pdf, return_slip_pdf
from boutique.services.returns import return_slip
from boutique.services.service_desk import intake_ticket
from boutique.services.stationery.letterhead import load_letterhead


def register(sub) -> None:
    ticket = sub.add_parser("ticket", help="a service ticket with its claim stub",
                            description="The intake ticket: the work, the promised day, the "
                                        "condition, the terms, and a tear-off claim stub "
                                        "with the ticket number as a Code 128 barcode.")
    ticket.add_argument("--ticket", required=True, type=bounded_int(1, MAX_ID), metavar="ID")
    ticket.add_argument("--out", required=True, metavar="FILE.pdf")
    ticket.set_defaults(run=run_ticket)
    slip = sub.add_parser("return-slip", help="the slip for one return",
                          description="The return slip: the piece, the reason, how it was "
                                      "settled, the policy check and the policy.")
    slip.add_argument("--return", dest="return_id", required=True,
                      type=bounded_int(1, MAX_ID), metavar="ID")
    slip.add_argument("--out", required=True, metavar="FILE.pdf")
    slip.set_defaults(run=run_slip)


def _write(text: str, pdf: bytes) -> None:
    path = output_file(text)
    if path.suffix.lower() != ".pdf":
        raise CliError(f"--out must name a .pdf file, not '{text}'")
    path.write_bytes(pdf)
    print(f"Written to {path}")


def run_ticket(args) -> int:
    _write(args.out, intake_ticket_pdf(intake_ticket(args.ticket), load_letterhead()))
    return 0


def run_slip(args) -> int:
    _write(args.out, return_slip_pdf(return_slip(args.return_id), load_letterhead()))
    return 0

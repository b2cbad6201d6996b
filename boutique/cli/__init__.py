"""Headless commands on the same services as the window: `python -m boutique COMMAND`.

Each module here named `cmd_<name>.py` defines `register(subparsers)`, which adds its
commands with `set_defaults(run=function)`; `run(args)` returns the exit code. Bad input
or an unusable store exits 2 with a one-line message on stderr; a store that stayed busy
(locked by another writer past the busy timeout) exits 3. Never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from boutique.cli.common import CliError, check_arguments
from boutique.paths import resolve_db_path
from boutique.services.backup import BackupError
from boutique.services.errors import NotFound, StoreUnusable, ValidationError
from boutique.services.store import close_store, open_store, store_errors

EXIT_UNUSABLE = 2
EXIT_BUSY = 3


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


# The module that defines each command: a command run loads its own module only (all of
# them load ReportLab, the import plan and the rest, a third of a second at every start).
# tests/cli hold it to what the modules register.
COMMAND_MODULES = {
    "associates": "cmd_associates", "handoff": "cmd_associates",
    "backup": "cmd_backup", "backups": "cmd_backup", "restore": "cmd_backup",
    "check": "cmd_backup", "clients": "cmd_clients", "demo": "cmd_clients",
    "credit": "cmd_credit", "followups": "cmd_followups", "import": "cmd_interchange",
    "export": "cmd_interchange", "erase": "cmd_interchange", "note": "cmd_notes",
    "print": "cmd_print", "returns": "cmd_returns", "return": "cmd_returns",
    "client": "cmd_scripting", "purchase": "cmd_scripting", "search": "cmd_search",
    "service": "cmd_service", "today": "cmd_today",
}


def command_named(argv: list[str]) -> str | None:
    """The command `argv` runs, when it plainly names one after the store options (else
    None: asking for help, a mistake, anything less plain)."""
    index = 0
    while index < len(argv):
        if argv[index] == "--db":
            index += 2
        elif argv[index] == "--demo" or argv[index].startswith("--db="):
            index += 1
        else:
            break
    return argv[index] if index < len(argv) and argv[index] in COMMAND_MODULES else None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `argv` that plainly names a command, that command's
    module only (the rest of the parser is the same)."""
    command = command_named(argv) if argv is not None else None
    only = COMMAND_MODULES[command] if command else None
    parser = OneLineParser(
        prog="boutique",
        description="Boutique: the client book, follow-ups and printed pieces, headless.",
    )
    parser.add_argument("--db", metavar="PATH", help="store file (default: the user data folder,"
                        " or $BOUTIQUE_DB)")
    parser.add_argument("--demo", action="store_true", help="use the separate demo store")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    subparsers.required = True
    package = sys.modules[__name__]
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("cmd_") and only in (None, info.name):
            importlib.import_module(f"{__name__}.{info.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        check_arguments(args)
        if getattr(args, "before_open", None):
            args.before_open(args)
        with store_errors():
            open_store(resolve_db_path(args.db, args.demo), explicit=bool(args.db))
            return int(args.run(args) or 0)
    except StoreUnusable as exc:
        _say(args, exc)
        return EXIT_BUSY if exc.busy else EXIT_UNUSABLE
    except (CliError, ValidationError, NotFound, BackupError) as exc:
        _say(args, exc)
        return EXIT_UNUSABLE
    except BrokenPipeError:
        return 0
    except OSError as exc:
        _say(args, f"{exc.filename or 'file'}: {exc.strerror or exc}")
        return EXIT_UNUSABLE
    finally:
        close_store()


def _say(args, exc) -> None:
    message = " ".join(str(exc).split())
    sys.stderr.write(f"boutique {args.command}: {message}\n")

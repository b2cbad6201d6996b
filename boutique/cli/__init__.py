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


def build_parser() -> argparse.ArgumentParser:
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
        if info.name.startswith("cmd_"):
            importlib.import_module(f"{__name__}.{info.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
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

"""A command run loads its own module only: the table saying which module defines each
command is what the modules register, and a command's parser is the same either way."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import subprocess
import sys

import pytest

import boutique.cli as cli
from boutique.cli import COMMAND_MODULES, build_parser, command_named


def test_the_table_is_what_the_modules_register():
    registered = {}
    for info in pkgutil.iter_modules(cli.__path__):
        if info.name.startswith("cmd_"):
            subparsers = argparse.ArgumentParser().add_subparsers()
            importlib.import_module(f"boutique.cli.{info.name}").register(subparsers)
            registered.update(dict.fromkeys(subparsers.choices, info.name))
    assert registered == COMMAND_MODULES


@pytest.mark.parametrize("command", sorted(COMMAND_MODULES))
def test_a_commands_help_is_the_same_with_its_module_alone(command, capsys):
    helps = []
    for parser in (build_parser(), build_parser([command, "--help"])):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1] and command in helps[0]


def test_only_a_plain_command_is_loaded_alone():
    assert command_named(["--db", "x.sqlite3", "--demo", "clients", "--json"]) == "clients"
    assert command_named(["--db=x.sqlite3", "followups", "export"]) == "followups"
    for unclear in ([], ["--help", "clients"], ["-h"], ["--d", "clients"], ["--db"],
                    ["nothing"], ["--", "clients"]):
        assert command_named(unclear) is None


def test_listing_clients_does_not_load_the_printing():
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from boutique.cli import build_parser; "
         "build_parser(['clients', '--json']); "
         "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'PySide6'}))"],
        capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"

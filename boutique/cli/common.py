from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any


class CliError(Exception):
    """Bad input on the command line: printed as one line, exit code 2."""


MAX_ID = 2**63 - 1  # SQLite's largest integer
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str | None, flag: str = "--date") -> dt.date:
    """A date as YYYY-MM-DD within 1900-2100; no flag at all means today, an empty one is
    an error."""
    if text is None:
        return dt.date.today()
    try:
        if not _ISO_DATE.match(text):
            raise ValueError(text)
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"{flag} must be a date as YYYY-MM-DD, not '{text}'") from exc
    if not FIRST_DATE <= day <= LAST_DATE:
        raise CliError(f"{flag} must be between 1900-01-01 and 2100-12-31, not {text}")
    return day


def bounded_int(low: int, high: int):
    """An argparse type: an integer within [low, high], else a one-line usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} is not between {low:,} and {high:,}")
        return value

    parse.__name__ = "number"
    return parse


def check_arguments(args: argparse.Namespace) -> None:
    """Bytes that are not UTF-8 arrive as lone surrogates: refuse them, naming the argument."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    flag = "--" + name.replace("_", "-")
                    raise CliError(f"{flag} holds bytes that are not UTF-8 text") from None
    if isinstance(getattr(args, "out", None), str):
        output_file(args.out)
    if isinstance(getattr(args, "date", None), str):
        parse_date(args.date)  # refused before the store is opened or created


def output_file(text: str, flag: str = "--out") -> Path:
    """An output path, refused before any work when it is a folder or its folder is gone."""
    path = Path(text).expanduser()
    if path.is_dir():
        raise CliError(f"{flag} {text} is a folder; name a file")
    if not path.parent.is_dir():
        raise CliError(f"{flag}: the folder {path.parent} does not exist")
    return path


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_json_list(items: Iterable[Any]) -> None:
    """The same text as print_json(list(items)), written item by item as they come."""
    out = sys.stdout
    first = True
    for item in items:
        out.write(("[\n  " if first else ",\n  ") + indented_json(item, 1))
        first = False
    out.write("[]\n" if first else "\n]\n")


_encode_text = json.encoder.encode_basestring  # the C one where there is one, as json uses
# Keys as written ('"first_name": '): a listing repeats the same few keys on every row.
_written_keys: dict[str, str] = {}
_MAX_WRITTEN_KEYS = 4096


def indented_json(value: Any, depth: int = 0) -> str:
    """json.dumps(value, ensure_ascii=False, indent=2, default=str) as seen `depth` levels
    in, made several times faster: json's own indented writer is pure Python, and a whole
    book's listing is millions of values."""
    kind = type(value)
    if kind is str:
        return _encode_text(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is dict:
        written = _dict_json(value, depth)
        if written is not None:
            return written
    elif kind is list:
        if not value:
            return "[]"
        inner = "\n" + "  " * (depth + 1)
        return "[" + inner + ("," + inner).join(
            indented_json(item, depth + 1) for item in value) + "\n" + "  " * depth + "]"
    # Anything else (floats, tuples, dates, other keys): json's own, indented to fit.
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).replace(
        "\n", "\n" + "  " * depth)


def _dict_json(value: dict, depth: int) -> str | None:
    """indented_json of a dict with text keys; None when a key is not text."""
    if not value:
        return "{}"
    deeper = depth + 1
    keys = _written_keys
    parts = []
    append = parts.append
    for key, item in value.items():
        written_key = keys.get(key)
        if written_key is None:
            if type(key) is not str:
                return None
            written_key = _encode_text(key) + ": "
            if len(keys) < _MAX_WRITTEN_KEYS:
                keys[key] = written_key
        kind = type(item)
        # (the scalars inline: this runs for every value of every row)
        if kind is str:
            append(written_key + _encode_text(item))
        elif kind is int:
            append(written_key + int.__repr__(item))
        elif item is None:
            append(written_key + "null")
        elif kind is bool:
            append(written_key + ("true" if item else "false"))
        else:
            append(written_key + indented_json(item, deeper))
    inner = "\n" + "  " * deeper
    return "{" + inner + ("," + inner).join(parts) + "\n" + "  " * depth + "}"

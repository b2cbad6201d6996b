from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any


class CliError(Exception):
    """Bad input on the command line: printed as one line, exit code 2."""


def parse_date(text: str | None, flag: str = "--date") -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"{flag} must be a date as YYYY-MM-DD, not '{text}'") from exc


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")

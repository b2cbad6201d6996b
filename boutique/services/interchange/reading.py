"""Reading a CSV as a spreadsheet saved it: encodings, BOMs and dialects."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from boutique.services.errors import ValidationError


def decode(data: bytes) -> str:
    """UTF-16 or UTF-8 by their BOM, UTF-8 without one, else Windows-1252 (Excel)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows (dicts by header) of a CSV file; rows count from 2."""
    text = decode(Path(path).read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration as exc:
        raise ValidationError({"file": f"{Path(path).name} is empty"}) from exc
    rows = []
    width = len(header)
    for cells in reader:
        if not "".join(cells).strip():
            continue
        if len(cells) < width:  # a short row: the columns it lacks are empty
            cells += [""] * (width - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))  # cells past the header: dropped
    return header, rows

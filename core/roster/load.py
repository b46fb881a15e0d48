"""Read an uploaded roster: an .xlsx (first sheet) or a .csv (UTF-8, with
or without BOM, or GB18030 as Excel saves it on Chinese Windows) with a
header row naming its columns (name; optionally kind and parent region),
or without a header: the first column is the name."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import PurePath

from core.agency import normalise
from core.desk_text import desk_data
from core.document import UnreadableFile
from core.parse.meta import issuer_kind

MAX_UNITS = 5000
ROSTER_SUFFIXES = (".xlsx", ".csv")


@dataclass(frozen=True)
class RosterRow:
    name: str
    kind: str  # department | government | unknown
    region: str = ""


def _fold(text: str) -> str:
    return normalise(str(text or ""))


def kind_of(written: str, name: str) -> str:
    """The kind a roster cell says, else what the name suggests (人民政府 → government)."""
    w = _fold(written)
    for kind, words in desk_data()["roster"]["kinds"].items():
        if w and any(w == _fold(x) for x in words):
            return kind
    guessed = issuer_kind(name)
    return guessed if guessed in ("department", "government") else "unknown"


def _header(row: list[str]) -> dict[str, int] | None:
    columns = desk_data()["roster"]["columns"]
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        c = _fold(cell)
        for field, words in columns.items():
            if field not in found and any(c == _fold(w) for w in words):
                found[field] = i
    return found if "name" in found else None


def rows_of(table: list[list[str]]) -> list[RosterRow]:
    """Roster rows from a table of cells (header row optional)."""
    table = [[str(c).strip() if c is not None else "" for c in row] for row in table]
    table = [row for row in table if any(row)]
    if not table:
        return []
    header = _header(table[0])
    body = table[1:] if header else table
    header = header or {"name": 0}
    out: list[RosterRow] = []
    seen: set[str] = set()
    for row in body:

        def cell(field: str, row=row) -> str:
            i = header.get(field)
            return row[i] if i is not None and i < len(row) else ""

        name = cell("name")
        norm = _fold(name)
        if len(norm) < 2 or norm in seen:
            continue
        seen.add(norm)
        out.append(RosterRow(name, kind_of(cell("kind"), name), cell("region")))
        if len(out) >= MAX_UNITS:
            break
    return out


def read_roster(data: bytes, filename: str) -> list[RosterRow]:
    """The units of an uploaded roster; UnreadableFile when it cannot be read."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".csv":
        return rows_of(_csv_table(data))
    if suffix == ".xlsx":
        return rows_of(_xlsx_table(data))
    raise UnreadableFile("unsupported_type", suffix or filename)


def _csv_table(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile("corrupt", "csv")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;，")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text), dialect)]


def _xlsx_table(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise UnreadableFile("corrupt", type(exc).__name__) from exc
    try:
        ws = wb.worksheets[0]
        return [list(r) for r in ws.iter_rows(values_only=True, max_row=MAX_UNITS + 1)]
    finally:
        wb.close()

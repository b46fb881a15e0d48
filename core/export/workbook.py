"""The .xlsx workbook of a batch (openpyxl, write-only: fast and lean): a
summary sheet worst first, every defect, every figure, and the files that
could not be read.  Each sheet has a bold frozen header row, a filter on
every column and widths that fit its content."""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

from core.batch.record import Batch
from core.batch.summary import text
from core.export.tables import Table, table

SHEETS = ("summary", "defects", "figures", "failures")
MIN_WIDTH, MAX_WIDTH = 6, 60
SAMPLE_ROWS = 2000  # rows looked at to size the columns
WRAPPED = {"top", "message", "hint"}  # long texts wrap inside their cell


def display_width(value: object) -> int:
    """Columns a value takes on screen: CJK characters count two."""
    if value is None:
        return 0
    width = 0
    for line in str(value).split("\n"):
        w = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        width = max(width, w)
    return width


def column_widths(t: Table) -> list[float]:
    widths = [display_width(h) + 2 for h in t.header]
    for row in t.rows[:SAMPLE_ROWS]:
        for i, v in enumerate(row):
            widths[i] = max(widths[i], display_width(v) + 2)
    return [float(min(MAX_WIDTH, max(MIN_WIDTH, w))) for w in widths]


def build_workbook(batch: Batch, lang: str = "zh", *, created: datetime | None = None) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    if created is not None:
        wb.properties.created = created
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for kind in SHEETS:
        t = table(kind, batch, lang)
        if kind == "failures" and not t.rows:
            continue
        ws = wb.create_sheet(text(f"export.sheet.{kind}", lang))
        for i, width in enumerate(column_widths(t), 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"
        last = get_column_letter(len(t.header))
        ws.auto_filter.ref = f"A1:{last}{len(t.rows) + 1}"
        head = []
        for h in t.header:
            cell = WriteOnlyCell(ws, value=h)
            cell.font, cell.fill = bold, fill
            head.append(cell)
        ws.append(head)
        wrapped = [i for i, c in enumerate(t.columns) if c in WRAPPED]
        for row in t.rows:
            if wrapped:
                row = list(row)
                for i in wrapped:
                    cell = WriteOnlyCell(ws, value=row[i])
                    cell.alignment = wrap
                    row[i] = cell
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

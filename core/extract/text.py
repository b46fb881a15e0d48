"""Plain text as Word saves it ("Save as .txt") or as copied from Word.

Two table layouts occur and may be mixed in one file:
- cell per line: every cell on its own line after a tab, rows separated by
  blank lines, a label broken over lines continued on a line without a tab
  ("\t商业" / "企业");
- tab-separated: one row per line, cells separated by tabs.
A run of at least two tabbed lines (blank lines and label continuations in
between) is a table; everything else is paragraphs, one per line.
"""

from __future__ import annotations

from core.document import Cell, Document, Location, Paragraph, Residue, Table
from core.extract import markdown
from core.extract.encoding import decode_text
from core.extract.residue import strip_residue

# A label continuation line is short; a longer line without a tab is text.
_MAX_CONTINUATION = 24


def _is_cell_line(line: str) -> bool:
    """One cell on its own line: a leading tab and no other."""
    return line.startswith("\t") and line.count("\t") == 1


def _continues(lines: list[str], j: int) -> bool:
    """Is line j the rest of a cell label broken over lines?"""
    line = lines[j]
    if "\t" in line or not line.strip() or len(line.strip()) > _MAX_CONTINUATION:
        return False
    if j == 0 or not _is_cell_line(lines[j - 1]) or not lines[j - 1].strip():
        return False
    nxt = lines[j + 1] if j + 1 < len(lines) else ""
    if "\t" in nxt:
        return True
    after = lines[j + 2] if j + 2 < len(lines) else ""
    return not nxt.strip() and "\t" in after


def _region_end(lines: list[str], start: int) -> int:
    """The index after the last line of the table region starting at `start`."""
    j, end = start, start
    while j < len(lines):
        line = lines[j]
        if "\t" in line:
            end = j + 1
        elif line.strip() and not _continues(lines, j):
            break
        j += 1
    return end


def _rows(lines: list[str], start: int, end: int) -> list[list[tuple[str, int]]]:
    """Group a region's lines into rows of (cell text, line index)."""
    rows: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    for j in range(start, end):
        line = lines[j]
        if "\t" not in line and not line.strip():
            if current:
                rows.append(current)
                current = []
        elif "\t" not in line:  # continuation of the previous cell's label
            if current:
                text, at = current[-1]
                current[-1] = (text + line.strip(), at)
        elif _is_cell_line(line):
            current.append((line[1:], j))
        else:  # a tab-separated row on one line
            if current:
                rows.append(current)
                current = []
            rows.append([(field, j) for field in line.split("\t")])
    if current:
        rows.append(current)
    return rows


def read_lines(lines: list[str], source: str, name: str | None, encoding: str | None) -> Document:
    residues: list[Residue] = []
    lines = [strip_residue(line, i + 1, residues) for i, line in enumerate(lines)]
    blocks: list[Paragraph | Table] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            end = _region_end(lines, i)
            tabbed = sum(1 for j in range(i, end) if "\t" in lines[j])
            if tabbed >= 2:
                index = sum(1 for b in blocks if isinstance(b, Table))
                rows = [
                    [
                        Cell(text, Location(line=at + 1, table=index, row=r, cell=c))
                        for c, (text, at) in enumerate(row)
                    ]
                    for r, row in enumerate(_rows(lines, i, end))
                ]
                blocks.append(
                    Table(rows=rows, index=index, location=Location(line=i + 1, table=index))
                )
                i = end
                continue
        text = line.replace("\t", " ").strip()
        if text:
            blocks.append(Paragraph(text, Location(line=i + 1)))
        i += 1
    return Document(blocks=blocks, source=source, name=name, encoding=encoding, residues=residues)


def extract(data: bytes, name: str | None = None) -> Document:
    text, encoding = decode_text(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if markdown.looks_like_markdown(lines):
        return markdown.read_lines(lines, name, encoding)
    return read_lines(lines, "txt", name, encoding)

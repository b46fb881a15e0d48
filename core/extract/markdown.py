"""Read a Markdown report (.md): one paragraph per line, tables as GitHub
pipe rows (`| a | b |`, the `|---|` separator row skipped) or as embedded
HTML `<table>` blocks (what pandoc writes for merged cells)."""

from __future__ import annotations

import html
import re

from lxml import etree

from core.document import Cell, Document, Location, Paragraph, Residue, Table
from core.extract.encoding import decode_text
from core.extract.html import table_grid
from core.extract.html_article import table_rows
from core.extract.residue import strip_residue

_SEPARATOR_CELL = re.compile(r"^\s*:?-{1,}:?\s*$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EMPHASIS = ("**", "__")
_RULE = re.compile(r"^ {0,3}([-=*_])(?:[ \t]*\1){2,}[ \t]*$")  # --- === *** : a rule or underline
_MARKER = re.compile(r"^ {0,3}(?:>[ \t]?|[-*+][ \t]+)+")  # quote and bullet marks


def _split(line: str) -> list[str]:
    """The cells of one pipe row, `\\|` kept as a literal bar."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, current, i = [], [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if ch == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current))
    return cells


def _cell(text: str) -> str:
    return html.unescape(_BR.sub("\n", text.strip(" \t")))


def _is_separator(line: str) -> bool:
    cells = _split(line)
    return "-" in line and all(_SEPARATOR_CELL.match(c) for c in cells)


def _is_row(line: str) -> bool:
    return line.lstrip().startswith("|")


def _table_end(lines: list[str], start: int) -> int:
    """The index after the pipe table starting at `start`, or `start` if none.

    Rows starting with a bar form a table when there are at least two of
    them; rows without the leading bar only after a header and separator.
    """
    line = lines[start]
    if "|" not in line:
        return start
    j = start + 1
    if _is_row(line):
        while j < len(lines) and _is_row(lines[j]):
            j += 1
        return j if j - start >= 2 else start
    if j < len(lines) and _is_separator(lines[j]):
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            j += 1
        return j
    return start


def _paragraph(line: str) -> tuple[str, str | None]:
    """A line's text without Markdown marks, and "h1"… for a heading."""
    if _RULE.match(line):
        return "", None
    line = _MARKER.sub("", line)
    text = line.strip()
    m = _HEADING.match(line)
    if m:
        return m.group(2).strip(), f"h{len(m.group(1))}"
    for mark in _EMPHASIS:
        if len(text) > 4 and text.startswith(mark) and text.endswith(mark):
            text = text[2:-2].strip()
    return text, None


def _html_table_end(lines: list[str], start: int) -> int:
    """The index after an HTML <table> block starting at `start`, or `start`."""
    if not lines[start].lstrip().lower().startswith("<table"):
        return start
    for j in range(start, len(lines)):
        if "</table>" in lines[j].lower():
            return j + 1
    return start


def _html_table(lines: list[str], start: int, end: int, index: int) -> Table | None:
    """An HTML table embedded in Markdown (pandoc writes merged cells so)."""
    try:
        root = etree.fromstring("\n".join(lines[start:end]), etree.HTMLParser())
    except (etree.LxmlError, ValueError):
        return None
    table = None if root is None else root.find(".//table")
    if table is None:
        return None
    rows = table_grid(table, index)
    line_of = [start + (tr.sourceline or 1) for tr in table_rows(table)]
    for r, row in enumerate(rows):
        for cell in row:
            cell.location = Location(line=line_of[r], table=index, row=r, cell=cell.location.cell)
    return Table(rows=rows, index=index, location=Location(line=start + 1, table=index))


def looks_like_markdown(lines: list[str]) -> bool:
    """Text written in Markdown whatever the file is called (a PDF converted to
    Markdown and saved as .txt): a pipe table with its separator row, or two
    "#" headings, and no tab-separated table."""
    if any("\t" in line for line in lines):
        return False
    headings = 0
    for i, line in enumerate(lines):
        if "|" in line and "-" in line and i > 0 and "|" in lines[i - 1] and _is_separator(line):
            return True
        if _HEADING.match(line) and line.lstrip().startswith("#"):
            headings += 1
            if headings >= 2:
                return True
    return False


def extract(data: bytes, name: str | None = None) -> Document:
    """Read the bytes of a Markdown file."""
    text, encoding = decode_text(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return read_lines(lines, name, encoding)


def read_lines(lines: list[str], name: str | None, encoding: str | None) -> Document:
    """A Markdown text's lines as a Document."""
    blocks: list[Paragraph | Table] = []
    residues: list[Residue] = []
    tables = 0
    i = 0
    while i < len(lines):
        end = _html_table_end(lines, i)
        if end > i:
            table = _html_table(lines, i, end, tables)
            if table is not None:
                blocks.append(table)
                tables += 1
                i = end
                continue
        end = _table_end(lines, i)
        if end > i:
            rows = []
            for j in range(i, end):
                if _is_separator(lines[j]):
                    continue
                r = len(rows)
                rows.append(
                    [
                        Cell(_cell(c), Location(line=j + 1, table=tables, row=r, cell=k))
                        for k, c in enumerate(_split(lines[j]))
                    ]
                )
            blocks.append(
                Table(rows=rows, index=tables, location=Location(line=i + 1, table=tables))
            )
            tables += 1
            i = end
            continue
        location = Location(line=i + 1)
        para, style = _paragraph(strip_residue(lines[i], location, residues))
        if para:
            blocks.append(Paragraph(para, location, style))
        i += 1
    return Document(blocks=blocks, source="md", name=name, encoding=encoding, residues=residues)

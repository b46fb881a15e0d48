"""Lay out the lines and ruled-table pieces read from a PDF's pages as a
Document's blocks in reading order: drop running headers, footers and page
numbers, join the lines of a wrapped paragraph (over a page break too), and
hand the pieces of a table cut by page breaks to core.extract.pdf_tables."""

from __future__ import annotations

import re

from core.document import Location, Paragraph, Table
from core.extract.pdf_parts import Line, Page, Part, settings
from core.extract.pdf_tables import Group, continues, stitch


# ---------------------------------------------------------------- page furniture
def _is_page_number(text: str) -> bool:
    bare = "".join(text.split())
    return any(p.fullmatch(bare) for p in settings()["page_number"])


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", "".join(line.text.split()))


def drop_furniture(pages: list[Page]) -> None:
    """Drop running headers, footers and page numbers: the first and last
    lines of pages that are a page number or repeat at the same height."""
    s = settings()
    tol = s["repeat_height_tolerance"]
    for _ in range(2):  # a header over a page number: two lines deep
        for end in (0, -1):
            ends = [(p, p.items[end]) for p in pages if p.items and isinstance(p.items[end], Line)]
            drop = []
            for page, line in ends:
                pos = line.top if end == 0 else line.bottom
                key = _furniture_key(line)
                same = {
                    other.number
                    for other, o in ends
                    if _furniture_key(o) == key
                    and abs((o.top if end == 0 else o.bottom) - pos) <= tol
                }
                if _is_page_number(line.text) or len(same) >= s["repeat_pages"]:
                    drop.append((page, line))
            for page, line in drop:
                page.items.remove(line)


# ---------------------------------------------------------------- paragraphs
def _common_edge(values: list[float], lowest: bool) -> float:
    """The leftmost (or rightmost) edge shared by at least two lines."""
    ordered = sorted(values, reverse=not lowest)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if abs(a - b) <= 3:
            return a
    return ordered[0]


def _margins(pages: list[Page]) -> dict[int, tuple[float, float]]:
    """Page number -> (left, right) text margins, taken over the pages of its
    width (a landscape page has its own)."""
    by_width: dict[int, list[Line]] = {}
    for page in pages:
        lines = [i for i in page.items if isinstance(i, Line)]
        by_width.setdefault(round(page.width), []).extend(lines)
    edges = {
        w: (
            _common_edge([ln.x0 for ln in lines], True),
            _common_edge([ln.x1 for ln in lines], False),
        )
        for w, lines in by_width.items()
        if lines
    }
    return {p.number: edges.get(round(p.width), (0.0, p.width)) for p in pages}


def _runs_on(a: Line, b: Line, margins: tuple[float, float], across_pages: bool) -> bool:
    """Does line `a` run on into line `b` (one paragraph wrapped)?"""
    s = settings()
    left, right = margins
    if a.x1 < right - s["join_slack"] * a.size:
        return False
    slack = s["indent_slack"] * b.size
    full = a.x0 <= left + s["join_slack"] * a.size
    centred = full and abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= slack
    if b.x0 > left + slack and not centred:  # a centred title runs on, centred
        return False
    if a.font != b.font or abs(a.size - b.size) > 0.1 * a.size:
        return False
    if not across_pages and not 0 <= b.top - a.bottom <= s["join_gap"] * a.size:
        return False
    return not any(p.match(b.text) for p in s["starts"])


def _join(a: str, b: str) -> str:
    """Two lines of a paragraph: a Latin word or a number wraps only at a space."""
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum():
        return f"{a} {b}"
    return a + b


# ---------------------------------------------------------------- the document
def blocks(pages: list[Page]) -> list[Paragraph | Table]:
    """The Document's blocks: paragraphs and tables in reading order."""
    margins = _margins(pages)
    # (item, first on its page, last on its page), in reading order
    flat = [
        (item, i == 0, i == len(page.items) - 1)
        for page in pages
        for i, item in enumerate(page.items)
    ]
    out: list[Paragraph | Group] = []
    last: Line | Part | None = None  # the item read before, perhaps on the page before
    line_no = 0

    def add_line(line: Line, first: bool) -> None:
        nonlocal line_no
        line_no += 1
        previous = out[-1] if out else None
        across = first and last is not None and last.page == line.page - 1
        if (
            isinstance(last, Line)
            and isinstance(previous, Paragraph)
            and (across or last.page == line.page)
            and _runs_on(last, line, margins[line.page], across)
        ):
            previous.text = _join(previous.text, line.text)
        else:
            out.append(Paragraph(line.text, Location(line=line_no, page=line.page)))

    for n, (item, first, is_last) in enumerate(flat):
        previous = out[-1] if out else None
        if isinstance(item, Line):
            add_line(item, first)
        elif (
            first
            and isinstance(last, Part)
            and isinstance(previous, Group)
            and last.page == item.page - 1
            and continues(previous, item)
        ):
            stitch(previous, item)
        elif item.lone and not _continued(item, flat[n + 1 :], is_last):
            for line in item.lines:
                add_line(line, first and line is item.lines[0])
                last = line
            continue
        else:
            out.append(Group([item]))
        last = item
    result: list[Paragraph | Table] = []
    for block in out:
        if isinstance(block, Group):
            result.append(block.table(sum(isinstance(b, Table) for b in result)))
        else:
            result.append(block)
    return result


def _continued(part: Part, rest: list[tuple[Line | Part, bool, bool]], is_last: bool) -> bool:
    """Does the table of `part`, last on its page, go on at the top of the next?"""
    if not is_last or not rest:
        return False
    nxt, first, _ = rest[0]
    return (
        first
        and isinstance(nxt, Part)
        and nxt.page == part.page + 1
        and continues(Group([part]), nxt)
    )

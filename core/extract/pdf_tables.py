"""Join the pieces of a ruled table that page breaks cut apart, and turn a
table's pieces into one grid of cells.

Word cuts a long table at the foot of a page in three ways, all undone here:
- it may repeat the header rows on top of the next page (重复标题行): they
  are dropped;
- a merged cell (a row label spanning several rows) cut by the break goes on
  as a blank cell on the next page: it is marked a covered slot of the cell
  it continues;
- a row may itself be cut in two (允许跨页断行, Word's default), its label
  lines shared between the pages and each figure on one side, against a
  blank: the two halves are one row again when that is clear (see _cut_row).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from core.document import Cell, Location, Table
from core.extract.pdf_parts import Part, PartCell, settings


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    """The index of the edge nearest `v` in the sorted `edges` (by bisection:
    a table's rows cost log n each, not n)."""
    i = bisect_left(edges, v)
    if i == 0:
        return 0
    if i == len(edges):
        return i - 1
    return i if edges[i] - v < v - edges[i - 1] else i - 1


def _tol() -> float:
    return settings()["edge_tolerance"]


def _edges(parts: list[Part]) -> list[float]:
    return _cluster([x for p in parts for c in p.cells for x in (c.x0, c.x1)], _tol())


def _rows(part: Part) -> list[list[PartCell]]:
    """The part's cells grouped by their top edge, left to right."""
    tops = _cluster([c.top for c in part.cells], _tol())
    rows: list[list[PartCell]] = [[] for _ in tops]
    for cell in part.cells:
        rows[_index(tops, cell.top)].append(cell)
    return [sorted(r, key=lambda c: c.x0) for r in rows]


def _bare(text: str) -> str:
    return "".join(text.split())


def _is_value(text: str) -> bool:
    return bool(settings()["value"].fullmatch(_bare(text)))


@dataclass
class Group:
    """One table of the document: its pieces, page after page."""

    parts: list[Part] = field(default_factory=list)

    def table(self, index: int) -> Table:
        """The grid: a cell spanning several slots fills them all, the ones
        it covers marked merged; a slot no drawn cell covers is blank."""
        tol = _tol()
        xs = _edges(self.parts)
        slots: dict[tuple[int, int], Cell] = {}
        pages: list[int] = []  # the page of each row
        offset = 0
        for part in self.parts:
            ys = _cluster([y for c in part.cells for y in (c.top, c.bottom)], tol)
            pages += [part.page] * (len(ys) - 1)
            for cell in part.cells:
                c0, c1 = _index(xs, cell.x0), _index(xs, cell.x1)
                r0, r1 = _index(ys, cell.top), _index(ys, cell.bottom)
                for r in range(r0, max(r1, r0 + 1)):
                    for c in range(c0, max(c1, c0 + 1)):
                        loc = Location(table=index, row=offset + r, cell=c, page=part.page)
                        merged = cell.carried or (r, c) != (r0, c0)
                        slots[(offset + r, c)] = Cell(cell.text, loc, merged=merged)
            offset += len(ys) - 1
        rows = [
            [
                slots.get((r, c)) or Cell("", Location(table=index, row=r, cell=c, page=pages[r]))
                for c in range(len(xs) - 1)
            ]
            for r in range(offset)
        ]
        page = self.parts[0].page
        return Table(rows=rows, index=index, location=Location(table=index, page=page))


def continues(group: Group, part: Part) -> bool:
    """Could `part` be the rest of `group`'s table: as wide, on the same
    columns (the column edges of one found among those of the other)?"""
    tol = _tol()
    first = group.parts[0]
    if abs(first.bbox[0] - part.bbox[0]) > tol or abs(first.bbox[2] - part.bbox[2]) > tol:
        return False
    a, b = _edges(group.parts), _edges([part])

    def within(xs: list[float], ys: list[float]) -> bool:
        return all(any(abs(x - y) <= tol for y in ys) for x in xs)

    return within(a, b) or within(b, a)


def stitch(group: Group, part: Part) -> None:
    """Add `part`, found at the top of the next page, to `group`."""
    part = _without_repeated_header(group, part)
    prev = group.parts[-1]
    tol = _tol()
    cut = max(c.bottom for c in prev.cells)
    feet = [c for c in prev.cells if abs(c.bottom - cut) <= tol]  # cells the break cuts

    def above(q: PartCell) -> PartCell | None:
        return next((f for f in feet if abs(f.x0 - q.x0) <= tol and abs(f.x1 - q.x1) <= tol), None)

    first = _rows(part)[0]
    first_bottom = min(c.bottom for c in first)
    for q in first:  # a tall blank cell going on from a labelled one: a merged cell cut
        f = above(q)
        if f and not q.text.strip() and f.text.strip() and not _is_value(f.text):
            if q.bottom > first_bottom + tol:
                q.text, q.carried = f.text, True
    pairs = [(above(q), q) for q in first if not q.carried]
    if _cut_row(pairs):
        for f, q in pairs:
            if q.text.strip():
                f.text = f"{f.text}\n{q.text}" if f.text.strip() else q.text
        halves = {id(q) for _, q in pairs}
        part.cells = [c for c in part.cells if id(c) not in halves]
        for q in first:  # the carried cells now start under the joined row
            if q.carried:
                q.box = (q.x0, first_bottom, q.x1, q.bottom)
    if part.cells:
        group.parts.append(part)


def _cut_row(pairs: list[tuple[PartCell | None, PartCell]]) -> bool:
    """Are these the two halves of one row cut by a page break?  Each lower
    half sits under an upper one; a figure never runs on, so each figure
    stands against a blank; the upper half starts a numbered row label
    ("1.", "（三）" …) and the lower half starts none.  Figures stand on one
    side only — or on both when the row's label itself runs on below the
    break (a label cut mid-text is one row, its figures where they fell).
    In a row of labels only (a header row) the lower half is mostly blank,
    the rest of its long labels running on."""
    if not pairs:
        return False
    starts = settings()["starts"]

    def numbered(text: str) -> bool:
        return any(p.match(text.strip()) for p in starts)

    sides, upper_label, label_runs_on = set(), False, False
    for f, q in pairs:
        if f is None:
            return False
        f_value, q_value = _is_value(f.text), _is_value(q.text)
        if (f_value and q.text.strip()) or (q_value and f.text.strip()):
            return False
        if f_value or q_value:
            sides.add(q_value)
            continue
        if numbered(q.text):
            return False
        if numbered(f.text):
            upper_label = True
            label_runs_on = label_runs_on or bool(q.text.strip())
    if upper_label:
        return len(sides) <= 1 or label_runs_on
    # a row of labels only (a header row) cut: the lower half holds just the
    # lines of its long labels that ran on, under labelled cells, the rest
    # blank; a header row of its own fills its cells
    run_on = [(f, q) for f, q in pairs if q.text.strip()]
    return (
        not sides
        and bool(run_on)
        and 2 * len(run_on) <= len(pairs)
        and all(f is not None and f.text.strip() for f, _ in run_on)
    )


def _without_repeated_header(group: Group, part: Part) -> Part:
    """`part` without the header rows Word repeats at the top of each page."""
    head, rows = _rows(group.parts[0]), _rows(part)
    n = 0
    while n < min(len(head), len(rows) - 1) and [_bare(c.text) for c in head[n]] == [
        _bare(c.text) for c in rows[n]
    ]:
        n += 1
    if n == 0:
        return part
    return Part(page=part.page, bbox=part.bbox, cells=[c for r in rows[n:] for c in r])

"""The statistical tables of a parsed report, shaped like the official
template: rows of spans (text, rowspan, colspan) as in an HTML table, with the
block-title rows of table 二, table 三's note cell over its two-level column
header, row labels merged down their groups, and table 四's group headers.

Cells hold each Fact's raw text; labels are the seed's where the Report
records how it wrote them, else the template's.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.document import Paragraph, Table
from core.report import Report
from core.template import TableSpec, Template

ROW_LABEL_LEVELS = 3  # table 三: 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密


@dataclass
class Span:
    """One cell of a rendered table, covering rowspan × colspan grid slots."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


Shape = list[list[Span]]  # rows of spans, HTML table model


class _Labels:
    def __init__(self, report: Report) -> None:
        self.written = {(m.table, m.kind, m.key): m.written for m in report.labels}

    def get(self, table: str, kind: str, key: str, standard: str) -> str:
        return self.written.get((table, kind, key)) or standard


def _raw(report: Report, key: str) -> str:
    fact = report.facts.get(key)
    return fact.raw if fact is not None else ""


def _has_facts(report: Report, row_key: str) -> bool:
    return any(f.row == row_key for f in report.facts.values())


# ---------------------------------------------------------------- shapes
def _t2(report: Report, spec: TableSpec, labels: _Labels) -> Shape:
    width = 1 + max(len(b.columns) for b in spec.blocks)
    shape: Shape = []
    for block in spec.blocks:
        rows = [r for r in block.rows if _has_facts(report, r.key)]
        if not rows:
            continue
        n = len(block.columns)
        spans = [1] * (n - 1) + [width - n]
        shape.append([Span(block.title, colspan=width, header=True)])
        header = [Span(spec.header_label or "", header=True)]
        for col, span in zip(block.columns, spans, strict=True):
            text = labels.get("t2", "column", f"{block.title}.{col.key}", col.label)
            header.append(Span(text, colspan=span, header=True))
        shape.append(header)
        for row in rows:
            cells = [Span(labels.get("t2", "row", row.key, row.label))]
            for col, span in zip(block.columns, spans, strict=True):
                cells.append(Span(_raw(report, f"{row.key}.{col.key}"), colspan=span))
            shape.append(cells)
    return shape


def _t3(report: Report, spec: TableSpec, labels: _Labels) -> Shape:
    levels = ROW_LABEL_LEVELS
    cols = spec.columns
    top: list[Span] = [Span(spec.note or "", rowspan=3, colspan=levels, header=True)]
    top.append(Span(spec.column_group or "", colspan=len(cols), header=True))
    mid: list[Span] = []
    leaf: list[Span] = []
    parent_span: Span | None = None
    for col in cols:
        text = labels.get("t3", "column", col.key, col.label)
        if col.parent is None:
            mid.append(Span(text, rowspan=2, header=True))
            parent_span = None
        elif parent_span is not None and parent_span.text == col.parent:
            parent_span.colspan += 1
            leaf.append(Span(text, header=True))
        else:
            parent_span = Span(col.parent, header=True)
            mid.append(parent_span)
            leaf.append(Span(text, header=True))
    shape: Shape = [top, mid, leaf]
    open_: dict[int, tuple[tuple[str, ...], Span]] = {}
    for row in spec.rows:
        if not _has_facts(report, row.key):
            continue
        path = (*row.parents, row.label)
        cells: list[Span] = []
        for k, name in enumerate(path[:-1]):
            prefix = path[: k + 1]
            if k in open_ and open_[k][0] == prefix:
                open_[k][1].rowspan += 1
                continue
            span = Span(name)
            open_ = {j: v for j, v in open_.items() if j < k}
            open_[k] = (prefix, span)
            cells.append(span)
        open_ = {j: v for j, v in open_.items() if j < len(path) - 1}
        written = labels.get("t3", "row", row.key, row.label)
        cells.append(Span(written, colspan=levels - len(path) + 1))
        cells += [Span(_raw(report, f"{row.key}.{c.key}")) for c in cols]
        shape.append(cells)
    return shape


def _t4(report: Report, spec: TableSpec, labels: _Labels) -> Shape:
    n = len(spec.columns)
    top: list[Span] = []
    mid: list[Span] = []
    leaves: list[Span] = []
    for row in spec.rows:
        names = [labels.get("t4", "column", f"{row.key}.{c.key}", c.label) for c in spec.columns]
        if not row.parents:  # 行政复议: its leaves sit one row higher, merged down
            top.append(Span(row.label, colspan=n, header=True))
            mid += [Span(t, rowspan=2, header=True) for t in names]
            continue
        group = row.parents[0]
        if top and top[-1].text == group:
            top[-1].colspan += n
        else:
            top.append(Span(group, colspan=n, header=True))
        mid.append(Span(row.label, colspan=n, header=True))
        leaves += [Span(t, header=True) for t in names]
    values = [Span(_raw(report, f"{r.key}.{c.key}")) for r in spec.rows for c in spec.columns]
    return [top, mid, leaves, values]


SHAPERS = {"t2": _t2, "t3": _t3, "t4": _t4}


def table_shapes(report: Report, template: Template) -> dict[str, Shape]:
    labels = _Labels(report)
    return {
        key: SHAPERS[key](report, template.tables[key], labels)
        for key in ("t2", "t3", "t4")
        if any(f.table == key for f in report.facts.values())
    }


def place(shape: Shape) -> list[tuple[int, int, Span]]:
    """(row, column, span) of every span: the HTML table model."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(shape):
        c = 0
        for span in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, span))
            taken |= {(r + i, c + j) for i in range(span.rowspan) for j in range(span.colspan)}
            c += span.colspan
    return out


def layout(report: Report, template: Template) -> list[Paragraph | tuple[str, Shape]]:
    """The report's blocks in order, each statistical table where the .txt had it."""
    shapes = table_shapes(report, template)
    where: dict[int, list[tuple[int, str]]] = {}
    for key in shapes:
        locs = [f.location for f in report.facts.values() if f.table == key]
        first = min(locs, key=lambda loc: (loc.table or 0, loc.row or 0))
        where.setdefault(first.table or 0, []).append((first.row or 0, key))
    out: list[Paragraph | tuple[str, Shape]] = []
    for block in report.document.blocks:
        if isinstance(block, Table):
            out += [(key, shapes[key]) for _, key in sorted(where.get(block.index, []))]
        else:
            out.append(block)
    return out


def title_lines(report: Report) -> set[int | None]:
    """The lines the title was written on (a title may be broken over lines)."""
    if report.title is None or report.title_location is None:
        return set()
    want = "".join(report.title.split())
    got, lines = "", set()
    for p in report.document.paragraphs:
        if p.location.line is None or p.location.line < report.title_location.line:
            continue
        text = "".join(p.text.split())
        if not want.startswith(got + text):
            break
        got += text
        lines.add(p.location.line)
        if got == want:
            break
    return lines or {report.title_location.line}


def heading_lines(report: Report) -> set[int | None]:
    return {s.location.line for s in report.sections}

"""Read the statistical tables of a Document into facts.

Rows are anchored on their labels, not on their position: the rightmost cell
of a row whose text is a template row label is the row's label, and the cells
after it are its values, read right-aligned.  This survives the merged label
cells that conversions lose (rows shifted left) and tables split or joined
differently from the template.  Table 四 has no row labels: its data row is
the row of fifteen figures after its header.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from core.document import Cell, Document, Location, Paragraph
from core.normalize import label_key, squash
from core.parse.cells import read_cell, read_worded_sign
from core.parse.labels import RowHit, match_column, row_index, t4_header_keys
from core.report import Fact, LabelMatch, UnmatchedRow
from core.template import Column, Template, load_template

T4_CELLS = 15
_DETACHED_MIN = 3  # figures in a row without a label that make it a row torn from its label


@dataclass
class RawRow:
    kind: str  # data | t2_header | t4_header | t4_data | other
    table: int
    cells: list[Cell]
    label: Cell | None = None
    values: list[Cell] = field(default_factory=list)
    hits: list[RowHit] = field(default_factory=list)
    group: str | None = None  # t4_part: the table 四 row these five cells are


def _status(cell: Cell) -> str:
    return read_cell(cell.text)[1]


def _classify(cells: list[Cell], table: int, seen_t4_header: bool) -> RawRow:
    index = row_index()
    for i in range(len(cells) - 1, -1, -1):
        if _status(cells[i]) != "invalid":
            continue
        hits = index.match(cells[i].text)
        if hits:
            return RawRow("data", table, cells, cells[i], cells[i + 1 :], hits)
    keys = [label_key(c.text) for c in cells]
    t4_keys = t4_header_keys()
    if any(k in t4_keys for k in keys if k):
        return RawRow("t4_header", table, cells)
    header_label = label_key(load_template().tables["t2"].header_label or "")
    for i, k in enumerate(keys):
        if k:
            if k == header_label:
                return RawRow("t2_header", table, cells, cells[i], cells[i + 1 :])
            break
    value_like = [c for c in cells if _status(c) != "invalid"]
    if seen_t4_header and len(value_like) >= T4_CELLS:
        last_text = max((i for i, c in enumerate(cells) if _status(c) == "invalid"), default=-1)
        return RawRow("t4_data", table, cells, None, cells[last_text + 1 :])
    return RawRow("other", table, cells)


def scan(doc: Document) -> list[RawRow]:
    rows: list[RawRow] = []
    seen_t4 = False  # table 四's header may stand in a table of its own
    group: str | None = None  # the t4 row named by the title above a small table
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            group = t4_group(block.text) or (group if not block.text.strip() else None)
            continue
        for row in block.rows:
            cells = [c for c in row if not c.merged]
            if not cells:
                continue
            raw = _classify(cells, block.index, seen_t4)
            if raw.kind == "other" and seen_t4 and group is not None:
                raw = _t4_part(raw, group)
            if raw.kind == "t4_header":
                seen_t4 = True
            elif raw.kind in ("t4_data", "t4_part"):
                seen_t4 = raw.kind == "t4_part"
            rows.append(raw)
    return rows + _spaced_rows(doc) + _line_per_cell_rows(doc)


_T4_GROUP_TITLE_MAX = 24  # a group title above a small table is short


def t4_group(text: str) -> str | None:
    """The table 四 row a short title names ("行政诉讼（未经复议直接起诉）" →
    t4.lit_direct): the longest row label it contains."""
    key = label_key(text)
    if not key or len(key) > _T4_GROUP_TITLE_MAX:
        return None
    rows = load_template().tables["t4"].rows
    hits = [r for r in rows if label_key(r.label) in key]
    return max(hits, key=lambda r: len(r.label)).key if hits else None


def _t4_part(raw: RawRow, group: str) -> RawRow:
    """Table 四 written as three small tables, one per row under its title: a
    row of five figures after the header is that row's cells."""
    n = len(load_template().tables["t4"].columns)
    values = [c for c in raw.cells if _status(c) != "invalid"]
    if len(values) != n or any(_status(c) == "invalid" for c in raw.cells):
        return raw
    return RawRow("t4_part", raw.table, raw.cells, None, values, group=group)


PARAGRAPH_ROWS = -1  # the pseudo table of rows written as text lines
_LABEL_MAX = 64  # the longest row label is about 40 characters
_FIGURE_MAX = 16
_MIN_FIGURE_LINES = 5  # lines holding one figure each, before looking for such a table


def paragraphs_read_as_rows(rows: list[RawRow]) -> set[tuple]:
    """The places of paragraphs that turned out to be table rows or cells."""
    return {
        c.location.place()
        for raw in rows
        if raw.table == PARAGRAPH_ROWS and raw.kind != "other"
        for c in raw.cells
    }


def _figure_only(p) -> bool:  # noqa: ANN001
    return bool(p.text.strip()) and _status(Cell(p.text, p.location)) in ("number", "text")


@cache
def _template_labels() -> frozenset[str]:
    """Every label the tables' headers and group rows carry, in both forms."""
    keys: set[str] = set()
    for version in ("2021", "2019"):
        t = load_template(version)
        for spec in t.tables.values():
            texts = [spec.header_label, spec.note, spec.column_group, *spec.group_labels]
            texts += [b.title for b in spec.blocks]
            for col in list(spec.columns) + [c for b in spec.blocks for c in b.columns]:
                texts += [col.label, col.parent, *col.aliases, *col.misspellings]
            texts += [parent for row in spec.rows for parent in row.parents]
            keys |= {label_key(x) for x in texts if x}
    return frozenset(keys)


@cache
def table_marks(table: str) -> tuple[str, ...]:
    """Texts that show a table stands in a file (squashed): its block titles,
    column headers and note, and its numbered row labels — words that prose
    does not use as they stand."""
    marks: list[str] = []
    for version in ("2021", "2019"):
        spec = load_template(version).tables[table]
        marks += [b.title for b in spec.blocks] + [spec.note or ""]
        marks += [c.label for b in spec.blocks for c in b.columns if len(c.label) >= 5]
        marks += [c.label for c in spec.columns if len(c.label) >= 4 and table == "t4"]
        # table 四's groups (未经复议直接起诉, 复议后起诉): words of its header only
        marks += [r.label for r in spec.rows if table == "t4" and len(r.label) >= 5]
        marks += [
            r.label for r in spec.rows if len(r.label) >= 8 and r.label[:1] in "一二三四（(1234"
        ]
    return tuple(dict.fromkeys(squash(m) for m in marks if m))


def _line_per_cell_rows(doc: Document) -> list[RawRow]:
    """Table rows copied out of a web page or a chat with every cell on a line
    of its own and no tabs: a line that is a known row label followed by lines
    of figures, or table 四's header words followed by fifteen figures.  Header
    and group-label lines around them are read as table text too."""
    rows: list[RawRow] = []
    paras = doc.paragraphs
    if sum(1 for p in paras if len(p.text) <= _FIGURE_MAX and _figure_only(p)) < _MIN_FIGURE_LINES:
        return rows  # no table written this way
    t4_keys, labels = t4_header_keys(), _template_labels()
    t4_columns = load_template().tables["t4"].columns
    seen_t4, i = False, 0
    while i < len(paras):
        p = paras[i]
        if len(p.text) > _LABEL_MAX:  # a sentence, not a label
            i += 1
            continue
        key = label_key(p.text)
        if i + 1 < len(paras) and key + label_key(paras[i + 1].text) in t4_keys:
            # a table-四 label broken over two lines: 结果 / 纠正
            seen_t4 = True
            joined = Cell(p.text.strip() + paras[i + 1].text.strip(), p.location)
            rows.append(
                RawRow("t4_header", PARAGRAPH_ROWS, [joined, Cell("", paras[i + 1].location)])
            )
            i += 2
            continue
        j = i + 1
        while j < len(paras) and _figure_only(paras[j]):
            j += 1
        figures = [Cell(q.text, q.location) for q in paras[i + 1 : j]]
        if key in t4_keys or (seen_t4 and not figures and match_column(p.text, t4_columns)):
            seen_t4 = True
            rows.append(RawRow("t4_header", PARAGRAPH_ROWS, [Cell(p.text, p.location)]))
        elif figures and not _figure_only(p):
            label = Cell(p.text.strip(), p.location)
            hits = [h for h in row_index().match(label.text) if h.score == 100.0]
            before = paras[i - 1] if i else None
            if not hits and before is not None and len(before.text) <= _LABEL_MAX:
                # a label broken over two lines in its cell: 行政机关 / 不再处理其…申请
                joined = Cell(before.text.strip() + label.text, before.location)
                hits = [h for h in row_index().match(joined.text) if h.score == 100.0]
                label = joined if hits else label
            if hits:
                rows.append(RawRow("data", PARAGRAPH_ROWS, [label, *figures], label, figures, hits))
            elif seen_t4 and len(figures) >= T4_CELLS:
                rows.append(RawRow("t4_data", PARAGRAPH_ROWS, figures, None, figures))
        elif key in labels and not figures:
            rows.append(RawRow("group", PARAGRAPH_ROWS, [Cell(p.text, p.location)]))
        i = j if figures else i + 1
    if not any(r.kind in ("data", "t4_data") for r in rows):
        return []
    return rows


def _spaced_rows(doc: Document) -> list[RawRow]:
    """Table rows that lost their tabs (text copied out of a PDF or a chat):
    a line that is a known row label followed by figures separated by spaces,
    or table 四's header words and its fifteen figures."""
    rows: list[RawRow] = []
    seen_t4 = False
    t4_keys = t4_header_keys()
    paras = doc.paragraphs
    for at, p in enumerate(paras):
        tokens = _unglued(p.text.split())
        if len(tokens) < 2:
            continue
        first_value = len(tokens)
        while first_value > 0 and read_cell(tokens[first_value - 1])[1] == "number":
            first_value -= 1
        if first_value == 0 and not (seen_t4 and len(tokens) >= T4_CELLS):
            # figures alone on a line: their label may stand around them, cut
            # by a narrow cell ("（二）部分公开（…只计这" / figures / "一情形…）")
            label, hits = _label_around(paras, at, [])
            if hits:
                figures = _cells_of(tokens, p.location)
                label_cell = Cell(label, p.location)
                rows.append(
                    RawRow(
                        "data", PARAGRAPH_ROWS, [label_cell, *figures], label_cell, figures, hits
                    )
                )
            continue
        if first_value == 0:
            kind = "t4_data" if seen_t4 and len(tokens) >= T4_CELLS else None
            hits = []
        elif first_value == len(tokens):  # no figures: table 四's header words?
            short = len(tokens) <= T4_CELLS and all(len(t) <= _LABEL_MAX for t in tokens)
            kind = (
                "t4_header" if short and sum(label_key(t) in t4_keys for t in tokens) >= 2 else None
            )
            hits = []
        else:
            label, hits = _label_around(paras, at, tokens[:first_value])
            kind = "data" if hits else None
        if kind is None:
            continue
        cells = _cells_of(tokens, p.location)
        if kind == "t4_data":
            rows.append(RawRow(kind, PARAGRAPH_ROWS, cells, None, cells))
        elif kind == "t4_header":
            seen_t4 = True
            rows.append(RawRow(kind, PARAGRAPH_ROWS, cells))
        else:
            label_cell = Cell(label, cells[0].location)
            rows.append(RawRow(kind, PARAGRAPH_ROWS, cells, label_cell, cells[first_value:], hits))
    return rows


def _cells_of(tokens: list[str], loc: Location) -> list[Cell]:
    """The tokens of a paragraph read as a row: one cell each, in the paragraph."""
    return [
        Cell(t, Location(line=loc.line, paragraph=loc.paragraph, page=loc.page, cell=i))
        for i, t in enumerate(tokens)
    ]


_GLUED_FIGURE = re.compile(r"^(.*[^\d\s.,，．])(\d+)$")
_NUMBERING_AFTER_CJK = re.compile(
    r"(?<=[\u4e00-\u9fff])(?=[1-9][.．、]|[（(][一二三四五六七八九十][）)])"
)


def _unglued(tokens: list[str]) -> list[str]:
    """A row's tokens with its label set apart from what a PDF's word spacing
    glued to it: the first figure ("…禁止公开0 0 0") and a piece of a side
    label before its numbering ("无法提2.没有现成信息…")."""
    k = len(tokens)
    while k > 0 and read_cell(tokens[k - 1])[1] == "number":
        k -= 1  # tokens[k:] are the row's figures
    if 0 < k < len(tokens):
        m = _GLUED_FIGURE.match(tokens[k - 1])
        if m:
            tokens = [*tokens[: k - 1], m.group(1), m.group(2), *tokens[k:]]  # figures from k on
    out: list[str] = []
    for token in tokens[:k]:
        out.extend(_NUMBERING_AFTER_CJK.sub(" ", token).split())
    return out + tokens[k:]


# Up to this many short pieces of a label written down the side of the
# table (三 / 、/ 本 / 年 …, （三）/ 不予公 / 开) may stand before a row's own label.
_SIDE_PIECES = 2
_SIDE_PIECE_MAX = 4
# A label cell this many lines tall at most goes on below its figures' line.
_LABEL_LINES = 4


def _label_text(paras: list, i: int) -> str | None:  # noqa: ANN001
    """Line i when it can be the rest of a label cut by a narrow cell: short,
    no figures."""
    if not 0 <= i < len(paras):
        return None
    text = paras[i].text.strip()
    if not text or len(text) > _LABEL_MAX // 2:
        return None
    if any(read_cell(t)[1] == "number" for t in text.split()):
        return None
    return text


def _label_around(paras: list, at: int, tokens: list[str]) -> tuple[str, list]:  # noqa: ANN001
    """The label of the figures on line `at` (written before them as `tokens`):
    as written; else without the pieces of a side label before it; else
    joined with the line above or below it when the label's cell was too
    narrow for one line.  Only a label the template holds word for word
    counts."""

    def hits(label: str) -> list:
        if not label or len(label) > _LABEL_MAX:
            return []
        return [h for h in row_index().match(label) if h.score == 100.0]

    own = " ".join(tokens)

    def variants(text: str | None) -> list[str]:
        """The text, and the text without up to two side-label pieces before it."""
        if text is None:
            return []
        pieces = _unglued(text.split())
        out = [" ".join(pieces)]
        for n in range(1, min(_SIDE_PIECES, len(pieces) - 1) + 1):
            if all(len(t) <= _SIDE_PIECE_MAX for t in pieces[:n]):
                out.append(" ".join(pieces[n:]))
        return out

    mine = variants(own) if tokens else [""]
    if 0 < len(tokens) <= _SIDE_PIECES and all(len(t) <= _SIDE_PIECE_MAX for t in tokens):
        mine.append("")  # only side-label pieces before the figures ("予处理 0 0 …")
    for label in mine:
        found = hits(label)
        if found:
            return label, found
    above = _label_text(paras, at - 1)
    # the lines below that go on with the label (up to _LABEL_LINES of them),
    # each as written or without its side-label pieces
    unders: list[str] = []
    rest: list[list[str]] = []
    for j in range(at + 1, at + 1 + _LABEL_LINES):
        line = _label_text(paras, j)
        if line is None:
            break
        rest.append(variants(line))
        unders.append("".join(v[0] for v in rest))
        if any(len(v) > 1 for v in rest):
            unders.append("".join(v[-1] for v in rest))
    combos = [(a, m, "") for a in variants(above) for m in mine]
    combos += [("", m, b) for m in mine for b in unders]
    combos += [(a, m, b) for a in variants(above) for m in mine for b in unders]
    # the figures' row must be one: a whole label above and another below
    # (label / figures / label) is no reading at all
    first: tuple[str, list] | None = None
    rows: set[str] = set()
    for a, m, b in combos:
        label = a + m + b
        found = hits(label)
        if found:
            first = first or (label, found)
            rows.add(found[0].row.key)
    if first is None or len(rows) > 1:
        return own, []
    return first


def vote_version(rows: list[RawRow]) -> str | None:
    """Which form ("2021" or "2019") the tables follow; None if no table was found."""
    votes: Counter[str] = Counter()
    found = False
    for raw in rows:
        if raw.kind == "data":
            found = True
            versions = {h.version for h in raw.hits}
            if len(versions) == 1:
                votes[versions.pop()] += 1
        elif raw.kind == "t2_header":
            best = None
            for version in ("2021", "2019"):
                cols = tuple(
                    c for b in load_template(version).tables["t2"].blocks for c in b.columns
                )
                for cell in raw.values:
                    hit = match_column(cell.text, cols)
                    if (
                        hit
                        and not hit.misspelling
                        and hit.score >= 95
                        and (best is None or hit.score > best[1])
                    ):
                        best = (version, hit.score)
                if best:
                    votes[best[0]] += 1
        elif raw.kind in ("t4_header", "t4_data"):
            found = True
    if not found:
        return None
    return "2019" if votes["2019"] > votes["2021"] else "2021"


def select(cands: list[Cell], n: int) -> list[Cell | None]:
    """The n value cells of a row, right-aligned; None where a cell is missing.

    With more candidates than columns (cells shifted by lost merged labels,
    trailing empty cells of a tab-separated row) the window of n cells with
    the most figures wins, the rightmost on a tie."""
    if len(cands) < n:
        # a cell was lost (a conversion rebuilt the row with fewer cells):
        # which one cannot be told, so none of the row's figures is placed
        return [None] * n
    if len(cands) == n:
        return list(cands)
    best, best_count = 0, -1
    for start in range(len(cands) - n + 1):
        count = sum(1 for c in cands[start : start + n] if _status(c) == "number")
        if count >= best_count:
            best, best_count = start, count
    return list(cands[best : best + n])


@dataclass
class TableReading:
    facts: dict[str, Fact] = field(default_factory=dict)
    labels: list[LabelMatch] = field(default_factory=list)
    unmatched: list[UnmatchedRow] = field(default_factory=list)
    # rows with fewer cells than the form's columns, by table
    short: Counter[str] = field(default_factory=Counter)
    # rows of figures without any label (their labels stand elsewhere: a
    # conversion tore them apart), by the template table they stand among
    detached: Counter[str] = field(default_factory=Counter)


def _fact(reading: TableReading, table: str, row_key: str, col: Column, cell: Cell | None) -> None:
    if cell is None:
        return
    key = f"{row_key}.{col.key}"
    if key in reading.facts:
        return
    value, status = read_cell(cell.text, col.unit)
    if status == "invalid" and col.signed and (worded := read_worded_sign(cell.text)) is not None:
        value, status = worded, "number"  # "减12" in 本年增/减: -12 (C2 still warns)
    reading.facts[key] = Fact(key, table, row_key, col.key, value, cell.text, cell.location, status)


def _columns_label(reading: TableReading, table: str, cell: Cell, col: Column, key: str) -> None:
    hit = match_column(cell.text, (col,))
    score = hit.score if hit else 0.0
    miss = hit.misspelling if hit else True
    reading.labels.append(
        LabelMatch(table, "column", key, cell.text, col.label, score, miss, cell.location)
    )


def _table_kinds(rows: list[RawRow]) -> dict[int, str]:
    """Which template table (t2, t3, t4) most rows of each document table belong to."""
    votes: dict[int, Counter[str]] = {}
    for raw in rows:
        kind = (
            raw.hits[0].table if raw.kind == "data" else "t4" if raw.kind.startswith("t4") else None
        )
        if raw.kind == "t2_header":
            kind = "t2"
        if kind:
            votes.setdefault(raw.table, Counter())[kind] += 1
    return {table: c.most_common(1)[0][0] for table, c in votes.items()}


def read(rows: list[RawRow], template: Template) -> TableReading:
    reading = TableReading()
    t2_header: RawRow | None = None
    headers_done: set[int] = set()
    t3_header_cells: dict[int, list[Cell]] = {}
    t4_leaves: list[Cell] = []
    t4 = template.tables["t4"]
    table_of = _table_kinds(rows)
    last_kind: str | None = None  # the template table of the last row read
    for raw in rows:
        if raw.kind == "t2_header":
            t2_header = raw
            continue
        if raw.kind == "t4_header":
            t4_leaves += [c for c in raw.cells if match_column(c.text, t4.columns)]
            continue
        if raw.kind == "t4_part":
            row = next(r for r in t4.rows if r.key == raw.group)
            for col, cell in zip(row.columns, raw.values, strict=True):
                _fact(reading, "t4", row.key, col, cell)
            for col, cell in zip(row.columns, t4_leaves[: len(row.columns)], strict=False):
                _columns_label(reading, "t4", cell, col, f"{row.key}.{col.key}")
            t4_leaves = []
            continue
        if raw.kind == "t4_data":
            values = select(raw.values, T4_CELLS)
            cells = [(r, c) for r in t4.rows for c in r.columns]
            for (row, col), cell in zip(cells, values, strict=True):
                _fact(reading, "t4", row.key, col, cell)
            for (row, col), cell in zip(cells, t4_leaves[:T4_CELLS], strict=False):
                _columns_label(reading, "t4", cell, col, f"{row.key}.{col.key}")
            t4_leaves = []
            continue
        if raw.kind == "group":  # a header or group label on a line of its own
            continue
        if raw.kind == "other":
            t3_header_cells.setdefault(raw.table, []).extend(raw.cells)
            numbers = sum(1 for c in raw.cells if _status(c) == "number")
            if (
                last_kind in ("t2", "t3")
                and numbers >= _DETACHED_MIN
                and all(_status(c) != "invalid" for c in raw.cells)
            ):
                reading.detached[last_kind] += 1
            if any(_status(c) == "number" for c in raw.cells) and any(
                _status(c) == "invalid" for c in raw.cells
            ):
                # the row's own label is the last text before its figures
                label = [c for c in raw.cells if _status(c) == "invalid"][-1]
                reading.unmatched.append(
                    UnmatchedRow(
                        table_of.get(raw.table),
                        label.text,
                        [c.text for c in raw.cells],
                        label.location,
                    )
                )
            continue
        hit = next((h for h in raw.hits if h.version == template.version), None)
        if hit is None:
            # a row of the other form inside this one (a 2019-style single
            # "（六）其他处理" row in a 2021 table): read under its own key
            hit = next((h for h in raw.hits if template.row(h.row.key) is None), None)
        if hit is None:
            text = raw.label.text if raw.label else ""
            loc = raw.label.location if raw.label else raw.cells[0].location
            reading.unmatched.append(
                UnmatchedRow(raw.hits[0].table, text, [c.text for c in raw.cells], loc)
            )
            continue
        row = hit.row
        last_kind = hit.table
        reading.labels.append(
            LabelMatch(
                hit.table,
                "row",
                row.key,
                raw.label.text,
                row.label,
                hit.score,
                hit.misspelling,
                raw.label.location,
            )
        )
        if len(raw.values) < len(row.columns):
            reading.short[hit.table] += 1
        for col, cell in zip(row.columns, select(raw.values, len(row.columns)), strict=True):
            _fact(reading, hit.table, row.key, col, cell)
        if hit.table == "t2" and t2_header is not None and id(t2_header) not in headers_done:
            headers_done.add(id(t2_header))
            cells = [c for c in t2_header.values if c.text.strip()]
            for col, cell in zip(row.columns, select(cells, len(row.columns)), strict=True):
                if cell is not None:
                    _columns_label(reading, "t2", cell, col, f"{row.block}.{col.key}")
        if hit.table == "t3" and raw.table in t3_header_cells:
            _t3_columns(reading, template, t3_header_cells.pop(raw.table))
    return reading


def _t3_columns(reading: TableReading, template: Template, cells: list[Cell]) -> None:
    """Record how table 三's column headers were written."""
    columns = template.tables["t3"].columns
    best: dict[str, tuple[float, Cell]] = {}
    for cell in cells:
        if _status(cell) != "invalid":
            continue
        hit = match_column(cell.text, columns)
        if hit and hit.score > best.get(hit.column.key, (-1.0, cell))[0]:
            best[hit.column.key] = (hit.score, cell)
    for col in columns:
        if col.key in best:
            _columns_label(reading, "t3", best[col.key][1], col, col.key)

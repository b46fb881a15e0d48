"""Text whose layout was lost: a crawler's or a copy's text with the whole
report on one line and the table cells run together ("规章000行政规范性文件
6233440…一、本年新收政府信息公开申请数量21710000218…").

`split` cuts such a line at the report's section headings and sets the table
text apart (style "table_text", belonging to no section).  `read` finds the
row labels in the table text and works the figures out of the digits that
follow each: a row's figures are taken only when exactly one way of cutting
its digits satisfies every relation of its row and of the table's columns;
they are then marked "inferred" (never a basis for an error).  What cannot be
worked out is left unread, and the reading says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from itertools import product

from core.document import Document, Location, Paragraph
from core.normalize import fold
from core.report import Doubt, Fact
from core.template import Row, Template, load_template

TABLE_TEXT = "table_text"  # the style of a paragraph that is a table's run-together text
_LONG = 400  # a line shorter than this is not a whole report run together
_MIN_HEADINGS = 2  # headings inline in one line that make it run together
_MAX_SPLITS = 20000  # readings of one row tried at most
_MAX_COMBINATIONS = 20000  # readings of a whole table tried at most
_DIGITS = re.compile(r"[0-9][0-9 .]*")
_T4_CELLS = 15
_T4_GROUP = 5


@dataclass
class GluedReading:
    facts: dict[str, Fact] = field(default_factory=dict)
    doubts: list[Doubt] = field(default_factory=list)


@cache
def _headings() -> tuple[tuple[str, str], ...]:
    """(numbered heading as written in the standard way, section key), longest
    first; each both as the template writes it and folded to half-width."""
    t = load_template()
    out = set()
    for s in t.sections:
        numeral = t.numerals[s.number - 1]
        for h in (s.heading, *s.variants):
            out |= {(f"{numeral}、{h}", s.key), (fold(f"{numeral}、{h}"), s.key)}
    return tuple(sorted(out, key=lambda x: -len(x[0])))


@cache
def _table_markers() -> tuple[str, ...]:
    """Texts that open a table's run-together text (as written and folded)."""
    t = load_template()
    t2, t3, t4 = t.tables["t2"], t.tables["t3"], t.tables["t4"]
    markers = [t2.blocks[0].title, t2.header_label or "", (t3.note or "")[:8]]
    markers += [t3.column_group or "", t3.rows[0].label, t4.rows[0].label]
    return tuple({m for x in markers if x for m in (x, fold(x))})


def _heading_positions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, section key) of each section heading standing inline."""
    found: list[tuple[int, int, str]] = []
    for heading, key in _headings():
        start = 0
        while (i := text.find(heading, start)) != -1:
            end = i + len(heading)
            if not any(a <= i < b or a < end <= b for a, b, _ in found):
                found.append((i, end, key))
            start = i + 1
    return sorted(found)


def split(doc: Document) -> Document:
    """`doc` with every run-together line cut at its section headings and its
    table text set apart; `doc` itself when no line is run together."""
    out: list = []
    changed = False
    for block in doc.blocks:
        if not isinstance(block, Paragraph) or len(block.text) < _LONG:
            out.append(block)
            continue
        text = block.text
        positions = _heading_positions(text)
        if len(positions) < _MIN_HEADINGS:
            out.append(block)
            continue
        changed = True
        starts = [p[0] for p in positions]
        if starts[0] > 0:
            out.append(Paragraph(text[: starts[0]].strip(), block.location, block.style))
        for (a, head_end, key), b in zip(positions, [*starts[1:], len(text)], strict=True):
            out.extend(_pieces(text[a:b].strip(), head_end - a, key, block))
    if not changed:
        return doc
    return Document(
        blocks=[b for b in out if not isinstance(b, Paragraph) or b.text],
        source=doc.source,
        name=doc.name,
        encoding=doc.encoding,
        residues=doc.residues,
        title_candidates=doc.title_candidates,
    )


def _pieces(piece: str, heading: int, section: str, block: Paragraph) -> list[Paragraph]:
    """A section's piece of the line: its heading and prose, and its table text
    apart (sections 二 to 四 hold the tables)."""
    loc = block.location
    if section not in ("s2", "s3", "s4"):
        return [Paragraph(piece, loc, block.style)]
    starts = [i for m in _table_markers() if (i := piece.find(m, heading)) != -1]
    if not starts:
        return [Paragraph(piece, loc, block.style)]
    cut = min(starts)
    return [
        Paragraph(piece[:cut].strip(), loc, block.style),
        Paragraph(piece[cut:], loc, TABLE_TEXT),
    ]


@cache
def _column_words() -> dict[str, frozenset[str]]:
    """Table 二 column labels that only one form has, by form."""
    words = {
        v: frozenset(fold(c.label) for b in load_template(v).tables["t2"].blocks for c in b.columns)
        for v in ("2021", "2019")
    }
    return {"2021": words["2021"] - words["2019"], "2019": words["2019"] - words["2021"]}


def vote_version(doc: Document) -> str | None:
    """The form whose table 二 headers stand in the table text, if one does."""
    text = fold("".join(p.text for p in doc.paragraphs if p.style == TABLE_TEXT))
    if not text:
        return None
    votes = {v: sum(1 for w in words if w in text) for v, words in _column_words().items()}
    if votes["2021"] == votes["2019"]:
        return None
    return max(votes, key=votes.get)


# ------------------------------------------------------------------ figures
def _cuts(digits: str, n: int, limit: int = _MAX_SPLITS) -> list[list[str]]:
    """The ways (at most `limit`) of cutting `digits` into n numbers written
    without leading zeros."""
    out: list[list[str]] = []

    def walk(start: int, parts: list[str]) -> None:
        if len(out) >= limit:
            return
        left = n - len(parts)
        if left == 0:
            if start == len(digits):
                out.append(list(parts))
            return
        rest = len(digits) - start
        if rest < left:
            return
        longest = 1 if digits[start] == "0" else rest - left + 1
        for size in range(1, longest + 1):
            parts.append(digits[start : start + size])
            walk(start + size, parts)
            parts.pop()

    walk(0, [])
    return out


def _readings(raw: str, n: int, groups: int) -> list[list[int]]:
    """Every way of cutting `raw` into n numbers (no leading zeros) that makes
    each of `groups` equal groups end with the sum of the others (a row's
    total, or table 四's three totals).  The total of a group is not guessed:
    it must be written at that place, which prunes the search."""
    digits = raw.replace(" ", "")
    if not digits.isdigit() or groups < 1 or n % groups:
        return []
    size = n // groups
    out: list[list[int]] = []

    def walk(pos: int, parts: list[int], running: int) -> None:
        if len(out) > _MAX_SPLITS:
            return
        in_group = len(parts) % size
        if in_group == size - 1:  # the group's total: the sum, written here
            total = str(running)
            if digits.startswith(total, pos):
                parts.append(running)
                if len(parts) == n:
                    if pos + len(total) == len(digits):
                        out.append(list(parts))
                else:
                    walk(pos + len(total), parts, 0)
                parts.pop()
            return
        rest = len(digits) - pos
        left = n - len(parts)
        if rest < left:
            return
        longest = 1 if digits[pos] == "0" else rest - left + 1
        for width in range(1, longest + 1):
            parts.append(int(digits[pos : pos + width]))
            walk(pos + width, parts, running + parts[-1])
            parts.pop()

    walk(0, [], 0)
    return out


@cache
def _label_forms(row: Row) -> tuple[str, ...]:
    """A row's label and aliases, as written and folded, longest first."""
    forms = {f.replace(" ", "") for x in (row.label, *row.aliases) for f in (x, fold(x))}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def _find_rows(text: str, rows: tuple[Row, ...]) -> list[tuple[Row, str, int]]:
    """(row, the digits after its label, where) for each label found, in the
    template's order: a row's digits end where the next label begins (a label
    may itself begin with digits: "2.其他法律行政法规禁止公开")."""
    spans: list[tuple[Row, int, int]] = []
    cursor = 0
    for row in rows:
        best = None  # the earliest label, the longest at one place
        for form in _label_forms(row):
            i = text.find(form, cursor)
            if i != -1 and (best is None or i < best[0]):
                best = (i, i + len(form))
        if best is not None:
            spans.append((row, *best))
            cursor = best[1]
    found = []
    for k, (row, _, end) in enumerate(spans):
        stop = spans[k + 1][1] if k + 1 < len(spans) else len(text)
        m = _DIGITS.match(text[:stop], end)
        if m:
            found.append((row, m.group(0).strip(" ."), end))
    return found


def _fact(row: Row, col, raw: str, value, status: str, loc: Location) -> Fact:  # noqa: ANN001
    key = f"{row.key}.{col.key}"
    return Fact(key, row.table, row.key, col.key, value, raw, loc, status)


def read(doc: Document, template: Template) -> GluedReading:
    """The figures that can be worked out of the documents' table text."""
    reading = GluedReading()
    paras = [p for p in doc.paragraphs if p.style == TABLE_TEXT]
    if not paras:
        return reading
    loc = paras[0].location
    text = "".join(p.text for p in paras).replace("\u3000", "")
    text = re.sub(r"(?<=\d) +(?=\d)|(?<=\D) +| +(?=\D)", "", text)
    _read_t2(text, template, loc, reading)
    _read_t3(text, template, loc, reading)
    _read_t4(text, template, loc, reading)
    return reading


def _read_t2(text: str, template: Template, loc: Location, reading: GluedReading) -> None:
    unread = []
    for row, raw, _ in _find_rows(text, template.tables["t2"].rows):
        n = len(row.columns)
        if n == 1:  # one cell: the digits are its figure, nothing to cut
            col = row.columns[0]
            value = Decimal(raw) if col.unit != "count" else (int(raw) if raw.isdigit() else None)
            if value is not None:
                reading.facts[f"{row.key}.{col.key}"] = _fact(row, col, raw, value, "inferred", loc)
            continue
        # no relation ties a table 二 row's cells: only one possible cut will do
        digits = raw.replace(" ", "")
        options = _cuts(digits, n, limit=2) if digits.isdigit() else []
        if len(options) == 1:
            for col, v in zip(row.columns, options[0], strict=True):
                value = int(v)
                reading.facts[f"{row.key}.{col.key}"] = _fact(row, col, raw, value, "inferred", loc)
        else:
            unread.append(row.label)
    _doubt(reading, "t2", unread)


def _read_t3(text: str, template: Template, loc: Location, reading: GluedReading) -> None:
    spec = template.tables["t3"]
    # rows of the other form too (a 2019-style single （六）其他处理 in a 2021 table)
    other = load_template("2019" if template.version == "2021" else "2021").tables["t3"]
    extra = tuple(r for r in other.rows if template.row(r.key) is None)
    found = _find_rows(text, spec.rows)
    keys = {row.key for row, _, _ in found}
    if template.version == "2021" and not any(k.startswith("t3.other.") for k in keys):
        found = sorted(found + _find_rows(text, extra), key=lambda f: f[2])
    if not found:
        return
    n = len(spec.columns)
    options = {row.key: (row, raw, _readings(raw, n, 1)) for row, raw, _ in found}
    solved = _solve_columns(options, template)
    unread = [row.label for key, (row, _, _) in options.items() if key not in solved]
    unread += [r.label for r in spec.rows if r.key not in options and not _replaced(r, options)]
    for key, values in solved.items():
        row, raw, _ = options[key]
        for col, v in zip(row.columns, values, strict=True):
            reading.facts[f"{key}.{col.key}"] = _fact(row, col, raw, v, "inferred", loc)
    _doubt(reading, "t3", unread)


def _replaced(row: Row, options: dict) -> bool:
    """A sub-row of （六）其他处理 when the table has that single row instead."""
    return row.key.startswith("t3.other.") and "t3.other_total" in options


def _solve_columns(
    options: dict[str, tuple[Row, str, list[list[int]]]], template: Template
) -> dict[str, list[int]]:
    """The rows whose reading is the only one that keeps every column relation."""
    relations = [r for r in template.relations if r.rule in ("T3-SUM-RESULTS", "T3-IDENTITY")]
    keys = list(options)
    choices = [options[k][2] for k in keys]
    if any(not c for c in choices):
        # a row no reading of which adds up: take the rows read one way only
        return {k: c[0] for k, c in zip(keys, choices, strict=True) if len(c) == 1}
    combos = 1
    for c in choices:
        combos *= len(c)
    if combos > _MAX_COMBINATIONS:
        return {k: c[0] for k, c in zip(keys, choices, strict=True) if len(c) == 1}
    good = []
    columns = [c.key for c in template.tables["t3"].columns]
    for combo in product(*choices):
        cells = {
            f"{k}.{col}": v
            for k, values in zip(keys, combo, strict=True)
            for col, v in zip(columns, values, strict=True)
        }
        if all(_holds(rel, cells) for rel in relations):
            good.append(combo)
            if len(good) > 1:
                break
    if len(good) != 1:
        return {}
    return dict(zip(keys, (list(v) for v in good[0]), strict=True))


def _holds(rel, cells: dict[str, int]) -> bool:  # noqa: ANN001
    def side(terms) -> int | None:  # noqa: ANN001
        total = 0
        for t in terms:
            if t.previous:
                return None
            v = cells.get(t.key)
            if v is None:
                return None
            total += t.weight * v
        return total

    a, b = side(rel.lhs), side(rel.rhs)
    return a is None or b is None or a == b


def _read_t4(text: str, template: Template, loc: Location, reading: GluedReading) -> None:
    spec = template.tables["t4"]
    last_label = max(
        (text.rfind(fold(c.label)) + len(fold(c.label)) for c in spec.columns),
        default=-1,
    )
    if last_label <= 0 or fold(spec.rows[0].label) not in text:
        return
    m = _DIGITS.match(text, last_label)
    if not m:
        return
    raw = m.group(0).strip()
    options = _readings(raw, _T4_CELLS, _T4_CELLS // _T4_GROUP)
    if len(options) != 1:
        _doubt(reading, "t4", [spec.title])
        return
    cells = [(r, c) for r in spec.rows for c in r.columns]
    for (row, col), v in zip(cells, options[0], strict=True):
        reading.facts[f"{row.key}.{col.key}"] = _fact(row, col, raw, v, "inferred", loc)
    _doubt(reading, "t4", [])


def _doubt(reading: GluedReading, table: str, unread: list[str]) -> None:
    if unread:
        detail = "、".join(unread[:3]) + ("…" if len(unread) > 3 else "")
        reading.doubts.append(Doubt("cells_run_together", table, detail))
    elif any(f.table == table for f in reading.facts.values()):
        reading.doubts.append(Doubt("inferred", table, ""))

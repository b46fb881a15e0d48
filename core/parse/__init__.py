"""Parse a Document into a Report: metadata, sections and every table cell
as a fact traceable to its location."""

from __future__ import annotations

from pathlib import Path

from core.document import Document, UnreadableFile
from core.extract import extract
from core.files import read_file
from core.limits import DEFAULT, Limits
from core.normalize import squash
from core.parse import glued, meta, old_form, sections, tables
from core.report import Doubt, Reading, Report
from core.template import load_template

PARSER_VERSION = "1.1"
# The last report year of the 2007 regulation (before the 2019 trial form).
PRE2019_LAST_YEAR = 2018


def parse_document(doc: Document) -> Report:
    doc = glued.split(doc)  # a whole report run together on one line
    rows = tables.scan(doc)
    table_version = tables.vote_version(rows)
    template = load_template(table_version or "2021")
    reading = tables.read(rows, template)
    run_together = glued.read(doc, template)
    if table_version is None and run_together.facts:
        # no table but glued text: the form its table 二 headers name, else the
        # form whose labels read more of it
        other = glued.read(doc, load_template("2019"))
        vote = glued.vote_version(doc)
        if vote == "2019" or (vote is None and len(other.facts) > len(run_together.facts)):
            template, run_together = load_template("2019"), other
            reading = tables.read(rows, template)
        table_version = template.version
    for key, fact in run_together.facts.items():
        reading.facts.setdefault(key, fact)
    as_rows = tables.paragraphs_read_as_rows(rows)
    found_sections, before = sections.find_sections(doc, template, skip=as_rows)
    style = sections.heading_style(found_sections)
    candidates = meta.trusted_candidates(doc)
    title, title_loc, title_source = meta.find_title(before, candidates)
    if title is None and not found_sections and not reading.facts:
        raise UnreadableFile("not_a_report", doc.name or "")
    others = meta.other_titles(title, candidates)
    agency, year = meta.split_title(title)
    agency_source = title_source if agency else None
    year_source = "title" if year else None
    for where, text in others:  # the same report titled elsewhere on the page
        a, y = meta.split_title(text)
        if agency is None and a and (year is None or y in (None, year)):
            agency, agency_source = a, where
        if year is None and y:
            year, year_source = y, where
    paragraphs = doc.paragraphs
    if title_source not in (None, "text"):  # the article's own word for itself wins
        cited_agency, cited_year = meta.split_title(meta.cited_title(paragraphs))
        if cited_agency and cited_year == year and cited_agency != agency:
            agency, agency_source = cited_agency, "text"
    closing, closing_loc, signer = meta.find_closing_date(paragraphs)
    if year is None:
        year = meta.find_period_year(paragraphs[:12])
        year_source = "period" if year else None
    if year is None and closing is not None:
        year, year_source = closing.year - 1, "closing_date"
    if closing is not None and signer and meta.is_agency_name(signer):
        if agency is None or meta.abbreviates(agency, signer):
            agency, agency_source = signer, "closing"
    if table_version:
        version = table_version
    elif style == "pre2019" or (year is not None and year <= PRE2019_LAST_YEAR):
        version = "pre2019"  # the 2007 regulation's reports had no fixed tables
    else:
        version = "unknown"
    if version == "pre2019" and not reading.facts:
        reading.facts.update(old_form.read(doc))
    preamble = [p for p in before if title_loc is None or p.location != title_loc]
    tables_found = {
        t: any(f.table == t for f in reading.facts.values()) for t in ("t2", "t3", "t4")
    }
    return Report(
        document=doc,
        title=title,
        title_location=title_loc,
        title_source=title_source,
        other_titles=others,
        agency_source=agency_source,
        agency=agency,
        year=year,
        closing_date=closing,
        closing_location=closing_loc,
        issuer_kind=meta.issuer_kind(agency or signer),
        format_version=version,
        heading_style=style,
        sections=found_sections,
        facts=reading.facts,
        labels=reading.labels,
        tables_found=tables_found,
        preamble=preamble,
        unmatched_rows=reading.unmatched,
        year_source=year_source,
        parser_version=PARSER_VERSION,
        reading=Reading(
            sections_found=sum(1 for s in found_sections if s.key),
            tables_found=dict(tables_found),
            cells_read=sum(1 for f in reading.facts.values() if f.status in ("number", "inferred")),
            cells_inferred=sum(1 for f in reading.facts.values() if f.status == "inferred"),
            cells_expected=len(template.cell_keys()) if version != "pre2019" else 0,
            doubts=[
                *run_together.doubts,
                *_detached(reading, template, doc),
                *_unparsed(doc, reading.facts, version),
                *_pictured(doc, reading.facts, found_sections, version),
                *_no_headings(doc, found_sections),
                *_in_attachment(doc, reading.facts, found_sections),
            ],
        ),
    )


# A row label shorter than this may be a word of the prose ("行政许可").
_SEEN_LABEL_MIN = 6
_SEEN_CUT = 10


def _unread_but_seen(reading: tables.TableReading, template, doc: Document) -> set[str]:  # noqa: ANN001
    """Tables read in part whose unread rows' labels stand in the file (in a
    table's cells or a short line): the rows are there, their figures were
    not matched to them — a reading gap, never rows the report left out."""
    found = {f.table for f in reading.facts.values()}
    out: set[str] = set()
    text = None
    for table in sorted(found):
        spec = template.tables.get(table)
        if spec is None:
            continue
        unread = [squash(r.label) for r in spec.rows if r.cell_keys()[0] not in reading.facts]
        if not unread:
            continue
        if text is None:
            lines = [p.text for p in doc.paragraphs if len(p.text) <= 2 * tables._LABEL_MAX]
            lines += [c.text for t in doc.tables for row in t.rows for c in row]
            text = squash("\n".join(lines))
            row_heads = {squash(p.text) for p in doc.paragraphs if len(p.text) <= 20}
            for p in doc.paragraphs:
                head, *figures = p.text.split() or [""]
                if figures and all(tables.read_cell(t)[1] == "number" for t in figures):
                    row_heads.add(squash(head))
        # a long label may be cut by the figures a line of its cell holds: its
        # numbered head tells the row is there (tails are shared: …政府信息公开申请);
        # a short one counts where it heads a line of figures
        if any(
            (len(label) >= _SEEN_LABEL_MIN and label in text)
            or (len(label) >= _SEEN_CUT and label[:8] in text)
            or label in row_heads
            for label in unread
        ):
            out.add(table)
    return out


def _detached(reading: tables.TableReading, template, doc: Document) -> list[Doubt]:  # noqa: ANN001
    """A doubt for each table some of whose figures stand apart from their
    labels (or whose unread rows' labels stand in the file), or some of whose
    rows lost a cell."""
    out = [Doubt("row_short", table) for table in sorted(reading.short)]
    seen = _unread_but_seen(reading, template, doc) - set(reading.short)
    for table in sorted(set(reading.detached) | seen):
        unread = [
            r.label for r in template.tables[table].rows if r.cell_keys()[0] not in reading.facts
        ]
        detail = "、".join(unread[:3]) + ("…" if len(unread) > 3 else "")
        out.append(Doubt("labels_detached", table, detail))
    return out


# A text this long with not one section heading told is not a headless note:
# its headings were lost (a conversion) or written in a way not recognised.
_HEADLESS_TEXT = 800


def _no_headings(doc: Document, found) -> list[Doubt]:  # noqa: ANN001
    if any(s.key for s in found):
        return []
    length = sum(len(p.text) for p in doc.paragraphs)
    return [Doubt("no_headings")] if length >= _HEADLESS_TEXT else []


def _unparsed(doc: Document, facts: dict, version: str) -> list[Doubt]:
    """A doubt for each table whose marks are in the file (its block titles,
    header or row labels) but not one of whose cells could be read."""
    if version == "pre2019":
        return []
    have = {f.table for f in facts.values()}
    missing = [t for t in ("t2", "t3", "t4") if t not in have]
    if not missing:
        return []
    text = squash(
        "".join(p.text for p in doc.paragraphs)
        + "".join(c.text for t in doc.tables for row in t.rows for c in row)
    )
    out = []
    for table in missing:
        mark = next((m for m in tables.table_marks(table) if m in text), None)
        if mark is not None:
            out.append(Doubt("table_unparsed", table, mark))
    return out


TABLE_SECTION = {"t2": "s2", "t3": "s3", "t4": "s4"}


def _pictured(doc: Document, facts: dict, found, version: str) -> list[Doubt]:  # noqa: ANN001
    """A doubt for each unread table whose section holds a picture: the table
    was pasted as an image."""
    if version == "pre2019" or not doc.pictures:
        return []
    have = {f.table for f in facts.values()}
    starts = [(s.key, s.location.paragraph) for s in found if s.location.paragraph is not None]
    out = []
    for table, key in TABLE_SECTION.items():
        if table in have:
            continue
        span = next(
            (
                (start, starts[i + 1][1] if i + 1 < len(starts) else None)
                for i, (k, start) in enumerate(starts)
                if k == key
            ),
            None,
        )
        for pic in doc.pictures:
            at = pic.paragraph  # the picture stands before paragraph `at`
            if at is None:
                continue
            if span is None or (span[0] < at and (span[1] is None or at <= span[1])):
                out.append(Doubt("table_image", table))
                break
    return out


# A file with less text than this, no section and no table only points to the report.
_POINTER_TEXT = 600


def _in_attachment(doc: Document, facts: dict, found) -> list[Doubt]:  # noqa: ANN001
    if not doc.attachments or facts or sum(1 for s in found if s.key) >= 2:
        return []
    if sum(len(p.text) for p in doc.paragraphs) >= _POINTER_TEXT:
        return []
    return [Doubt("in_attachment", None, "、".join(doc.attachments[:3]))]


def parse_bytes(data: bytes, filename: str, limits: Limits = DEFAULT) -> Report:
    return parse_document(extract(data, filename, limits))


def parse_file(path: str | Path, limits: Limits = DEFAULT) -> Report:
    """Read and parse the file at `path` (in this process: see core.jobs
    for the time and memory limits)."""
    path = Path(path)
    return parse_bytes(read_file(path, limits), path.name, limits)

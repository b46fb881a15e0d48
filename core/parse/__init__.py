"""Parse a Document into a Report: metadata, sections and every table cell
as a fact traceable to its location."""

from __future__ import annotations

from pathlib import Path

from core.document import Document, UnreadableFile
from core.extract import extract
from core.files import read_file
from core.limits import DEFAULT, Limits
from core.parse import meta, sections, tables
from core.report import Reading, Report
from core.template import load_template

PARSER_VERSION = "1.0"


def parse_document(doc: Document) -> Report:
    rows = tables.scan(doc)
    table_version = tables.vote_version(rows)
    template = load_template(table_version or "2021")
    reading = tables.read(rows, template)
    as_rows = tables.paragraphs_read_as_rows(rows)
    found_sections, before = sections.find_sections(doc, template, skip=as_rows)
    style = sections.heading_style(found_sections)
    title, title_loc = meta.find_title(before)
    if title is None and not found_sections and not reading.facts:
        raise UnreadableFile("not_a_report", doc.name or "")
    agency, year = meta.split_title(title)
    year_source = "title" if year else None
    paragraphs = doc.paragraphs
    closing, closing_loc, signer = meta.find_closing_date(paragraphs)
    if year is None:
        year = meta.find_period_year(paragraphs[:12])
        year_source = "period" if year else None
    if year is None and closing is not None:
        year, year_source = closing.year - 1, "closing_date"
    if agency is None and signer and closing is not None:
        agency = signer
    if table_version:
        version = table_version
    elif style == "pre2019":
        version = "pre2019"
    else:
        version = "unknown"
    preamble = [p for p in before if title_loc is None or p.location != title_loc]
    tables_found = {
        t: any(f.table == t for f in reading.facts.values()) for t in ("t2", "t3", "t4")
    }
    return Report(
        document=doc,
        title=title,
        title_location=title_loc,
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
            cells_read=sum(1 for f in reading.facts.values() if f.status == "number"),
            cells_expected=len(template.cell_keys()) if version != "pre2019" else 0,
        ),
    )


def parse_bytes(data: bytes, filename: str, limits: Limits = DEFAULT) -> Report:
    return parse_document(extract(data, filename, limits))


def parse_file(path: str | Path, limits: Limits = DEFAULT) -> Report:
    """Read and parse the file at `path` (in this process: see core.jobs
    for the time and memory limits)."""
    path = Path(path)
    return parse_bytes(read_file(path, limits), path.name, limits)

"""A real PDF exported by WPS: the box it paints behind every line of text
is not a table, and a table row cut by a page break keeps its figures."""

from __future__ import annotations

from pathlib import Path

from core.document import Paragraph, Table
from core.extract import extract
from core.parse import parse_file

PDF = Path(__file__).parents[1] / "corpus" / "hongze-2023.pdf"


def test_the_text_behind_painted_boxes_is_read_as_paragraphs():
    doc = extract(PDF.read_bytes(), PDF.name)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert all(len(t.rows[0]) > 1 for t in tables)  # no one-column "table" of text lines
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "一、总体情况" in texts and "二、主动公开政府信息情况" in texts


def test_all_six_headings_are_found():
    r = parse_file(PDF)
    assert [s.key for s in r.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]


def test_the_row_cut_at_the_page_foot_is_read():
    r = parse_file(PDF)
    assert r.facts["t3.unable.needs_creation.natural_person"].value == 3
    assert r.facts["t3.unable.needs_creation.total"].value == 3
    assert r.facts["t3.unable.needs_creation.natural_person"].location.page == 3


def test_a_single_other_handling_row_in_a_2021_table_is_read_under_its_own_key():
    r = parse_file(PDF)
    assert r.facts["t3.other_total.total"].value == 0
    assert "t3.other.other.total" not in r.facts

"""Messy text input: encodings, layouts, numbers written in odd ways."""

from __future__ import annotations

import random

import pytest

from core.document import UnreadableFile
from core.extract import extract
from core.parse import parse_bytes
from core.parse.cells import read_cell
from core.template import load_template
from tests.conftest import seed_path


def facts(report):
    return {k: (f.value, f.status) for k, f in report.facts.items()}


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16"])
def test_a_seed_saved_in_another_encoding_parses_the_same(encoding):
    text = seed_path("001").read_text(encoding="utf-8")
    expected = parse_bytes(text.encode("utf-8"), "r.txt")
    report = parse_bytes(text.encode(encoding), "r.txt")
    assert facts(report) == facts(expected)
    assert (report.title, report.closing_date) == (expected.title, expected.closing_date)


def test_random_bytes_never_crash_the_reader():
    rng = random.Random(7)
    for _ in range(30):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        try:
            parse_bytes(data, "junk.txt")
        except UnreadableFile as exc:
            assert exc.code in {"not_a_report", "empty"}


def test_text_that_is_not_a_report_is_refused_with_a_reason():
    with pytest.raises(UnreadableFile) as info:
        parse_bytes("今天天气很好。\n我们去公园散步。\n".encode(), "note.txt")
    assert info.value.code == "not_a_report"


def test_an_empty_file_is_refused():
    with pytest.raises(UnreadableFile) as info:
        parse_bytes(b"  \n\n", "empty.txt")
    assert info.value.code == "empty"


@pytest.mark.parametrize(
    ("raw", "value", "status"),
    [
        ("0", 0, "number"),
        ("\xa00", 0, "number"),
        ("\u3000\u30001", 1, "number"),
        ("１２", 12, "number"),
        ("1 234", 1234, "number"),
        ("1,234", 1234, "number"),
        ("3件", 3, "number"),
        ("", None, "blank"),
        ("\xa0", None, "blank"),
        ("\u3000\u3000", None, "blank"),
        ("/", None, "text"),
        ("—", None, "text"),
        ("无", None, "text"),
        ("-", None, "text"),
        ("约5", None, "invalid"),
    ],
)
def test_a_cell_reads_as_number_blank_or_written_mark(raw, value, status):
    assert read_cell(raw) == (value, status)


def test_a_decimal_fee_amount_stays_decimal():
    from decimal import Decimal

    assert read_cell("12.50", "wan_yuan") == (Decimal("12.50"), "number")
    assert read_cell("3", "wan_yuan") == (Decimal(3), "number")


def _one_line_per_row(path, separator: str) -> str:
    """Rewrite a cell-per-line report with each table row on one line, its
    cells joined by `separator`.  With a space, blank cells are lost, as in
    text copied out of a PDF."""
    doc = extract(path.read_bytes(), path.name)
    lines = path.read_text(encoding="utf-8").split("\n")
    table_lines = {c.location.line for t in doc.tables for row in t.rows for c in row}
    out, done = [], set()
    for n, line in enumerate(lines, start=1):
        table = next(
            (t for t in doc.tables if any(c.location.line == n for row in t.rows for c in row)),
            None,
        )
        if table is None:
            # continuation lines of broken labels are part of a cell already
            continuation = n - 1 in table_lines and line.strip() and len(line) < 10
            if n not in table_lines and "\t" not in line and not continuation:
                out.append(line)
            continue
        if table.index not in done:
            done.add(table.index)
            for row in table.rows:
                cells = [c.text.replace("\n", "") for c in row]
                if separator != "\t":
                    cells = [c for c in cells if c.strip()]
                out.append(separator.join(cells))
    return "\n".join(out)


def _as_tab_separated(path) -> str:
    return _one_line_per_row(path, "\t")


def _as_space_separated(path) -> str:
    return _one_line_per_row(path, " ")


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_the_same_report_tab_separated_parses_to_the_same_facts(seed):
    path = seed_path(seed)
    cell_per_line = parse_bytes(path.read_bytes(), "a.txt")
    tabbed = parse_bytes(_as_tab_separated(path).encode("utf-8"), "b.txt")
    assert facts(tabbed) == facts(cell_per_line)
    assert tabbed.title == cell_per_line.title


def test_full_width_digits_and_spaces_in_a_table_are_normalised():
    text = seed_path("003").read_text(encoding="utf-8")
    text = text.replace("行政规范性文件\t0\t0\t1", "行政规范性文件\t０\t0\t1 2")
    report = parse_bytes(text.encode("utf-8"), "r.txt")
    assert report.facts["t2.normative_docs.issued"].value == 0
    assert report.facts["t2.normative_docs.in_force"].value == 12
    assert report.facts["t2.normative_docs.in_force"].raw == "1 2"


def test_group_labels_run_into_a_rows_own_label_still_find_the_row():
    text = seed_path("003").read_text(encoding="utf-8")
    text = text.replace("\t(三) 不予公开\t1.属于国家秘密\t0", "\t(三) 不予公开 1.属于国家秘密\t7")
    text = text.replace(
        "三、本年度办理结果\t(一) 予以公开\t0", "三、本年度办理结果(一) 予以公开\t\t5"
    )
    report = parse_bytes(text.encode("utf-8"), "r.txt")
    assert report.facts["t3.denied.state_secret.natural_person"].value == 7
    assert report.facts["t3.granted.natural_person"].value == 5
    assert not report.unmatched_rows


@pytest.mark.parametrize(
    "name", ["clean_2021.txt", "001_8c7426e6b89ff068.txt", "003_24760dbfdde7e022.txt"]
)
def test_tables_whose_cells_are_separated_by_spaces_parse_to_the_same_facts(fixtures_dir, name):
    path = fixtures_dir / name
    expected = parse_bytes(path.read_bytes(), name)
    spaced = parse_bytes(_as_space_separated(path).encode("utf-8"), "spaced.txt")
    assert facts(spaced) == facts(expected)
    assert spaced.format_version == expected.format_version


def _one_cell_per_line_without_tabs(path) -> str:
    """Every cell on a line of its own, no tabs and no blank lines: a table
    copied out of a web page into a chat."""
    return "\n".join(
        line.lstrip("\t") for line in path.read_text(encoding="utf-8").split("\n") if line.strip()
    )


@pytest.mark.parametrize(
    "name", ["clean_2021.txt", "000_e5f07f85354855e1.txt", "001_8c7426e6b89ff068.txt"]
)
def test_cells_on_lines_of_their_own_without_tabs_parse_to_the_same_facts_and_defects(
    fixtures_dir, name
):
    from core.check import check_report

    path = fixtures_dir / name
    expected = parse_bytes(path.read_bytes(), name)
    copied = parse_bytes(_one_cell_per_line_without_tabs(path).encode("utf-8"), "copied.txt")
    assert facts(copied) == facts(expected)
    assert [s.key for s in copied.sections] == [s.key for s in expected.sections]
    assert sorted(d.code for d in check_report(copied)) == sorted(
        d.code for d in check_report(expected)
    )


def test_a_row_label_broken_over_two_lines_in_such_a_copy_is_joined(fixtures_dir):
    path = fixtures_dir / "clean_2021.txt"
    expected = parse_bytes(path.read_bytes(), "clean_2021.txt")
    text = _one_cell_per_line_without_tabs(path)
    # a narrow label cell saved as text: its lines stand apart
    broken = text.replace(
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1.申请人无正当理由逾期不补正、行政机关\n不再处理其政府信息公开申请\u00a0 \u00a0",
        1,
    )
    assert broken != text
    copied = parse_bytes(broken.encode("utf-8"), "copied.txt")
    assert facts(copied) == facts(expected)


def test_blank_cells_lost_in_such_a_copy_are_missing_never_zero(fixtures_dir):
    path = fixtures_dir / "002_b813449dc9cc479d.txt"
    copied = parse_bytes(_one_cell_per_line_without_tabs(path).encode("utf-8"), "copied.txt")
    assert not any(k.startswith("t3.") for k in copied.facts)
    assert [copied.facts[k].value for k in load_template().cell_keys("t4")] == [
        5,
        2,
        5,
        0,
        12,
        0,
        0,
        0,
        0,
        0,
        2,
        0,
        0,
        1,
        3,
    ]


def test_table_four_whose_header_and_figures_stand_in_two_tables_is_read(fixtures_dir):
    text = (fixtures_dir / "clean_2021.txt").read_text(encoding="utf-8")
    # a paragraph between table 四's header and its row of figures splits the table in two
    head, sep, tail = text.partition("\n\n\t2\n\t1\n\t0\n\t1\n\t4\n")
    assert sep
    report = parse_bytes(
        (head + "\n\n（续表）\n\n\t2\n\t1\n\t0\n\t1\n\t4\n" + tail).encode("utf-8"), "split.txt"
    )
    assert [report.facts[k].value for k in load_template().cell_keys("t4")] == [
        2,
        1,
        0,
        1,
        4,
        1,
        0,
        0,
        1,
        2,
        1,
        0,
        0,
        0,
        1,
    ]

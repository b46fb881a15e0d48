"""`nianbao check` over a batch of at least 30 reports — as a folder, as a
.zip (names in GBK, as Chinese Windows writes them) and as files named one
by one: the summary worst first, the files that could not be read apart
with why, and the exports reopened and compared with the parsed facts.

The batch is the seeds and every real report of tests/corpus; while those
are fewer than 30, the same files are added again under other names (see
tests/desk/corpus.py)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli.main import main
from core.batch.labels import cell_label
from core.messages import message
from tests.desk.corpus import MIN_BATCH, batch_files, zip_of
from tests.desk.expected import expected, summary_lines, worst_first

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ("损坏的报告.docx", b"this is not a docx at all")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("reports")
    for name, data in batch_files():
        (d / name).write_bytes(data)
    (d / BROKEN[0]).write_bytes(BROKEN[1])
    (d / "说明.xlsx").write_bytes(b"PK")  # not a report type: not taken from a folder
    return d


def expected_rows() -> Counter:
    return Counter(
        (e.unit, str(e.year), e.errors, e.warnings, e.infos)
        for e in (expected(n, d) for n, d in batch_files())
    )


def rows_of(text: str) -> Counter:
    return Counter(
        (r["unit"], r["year"], int(r["errors"]), int(r["warnings"]), int(r["infos"]))
        for r in summary_lines(text)
    )


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_batch_has_at_least_30_reports():
    assert len(batch_files()) >= MIN_BATCH


def test_a_folder_is_summarised_worst_first_with_the_unreadable_file_apart(folder, capsys):
    code, out, _ = run(capsys, str(folder))
    assert code == 2  # one file could not be read
    assert rows_of(out) == expected_rows()
    lines = summary_lines(out)
    assert [int(r["n"]) for r in lines] == list(range(1, len(batch_files()) + 1))
    assert worst_first([(int(r["errors"]), int(r["warnings"]), int(r["infos"])) for r in lines])
    head, _, failed = out.partition("无法读取的文件（1）：")
    assert (
        f"共 {len(batch_files()) + 1} 个文件，已检查 {len(batch_files())} 份，无法读取 1 份" in head
    )
    assert BROKEN[0] in failed and "文件已损坏" in failed
    assert BROKEN[0] not in head


def test_each_report_shows_its_three_most_serious_problems_naming_table_and_cell(folder, capsys):
    _, out, _ = run(capsys, str(folder))
    by_row = {
        (e.unit, str(e.year), e.errors, e.warnings, e.infos): e
        for e in (expected(n, d) for n, d in batch_files())
    }
    blocks = [b for b in out.split("\n\n") if summary_lines(b)]
    assert len(blocks) == len(batch_files())
    for block in blocks:
        (r,) = summary_lines(block)
        e = by_row[(r["unit"], r["year"], int(r["errors"]), int(r["warnings"]), int(r["infos"]))]
        shown = [
            line.split("]")[0].split("[")[1] for line in block.splitlines()[1:] if "· [" in line
        ]
        assert shown == list(e.problem_codes[:3]), r["unit"]
    seed_002 = out[out.index("正宁县司法局 · 2022年") :].split("\n\n")[0]
    assert "[C1] 表二：表二有 10 个单元格没有填写数字" in seed_002
    assert "[T3-IDENTITY] 表三 · 商业企业：" in out  # a problem in one column of table 3


def test_a_zip_with_gbk_names_gives_the_same_summary(folder, tmp_path, capsys):
    archive = tmp_path / "一月报送.zip"
    archive.write_bytes(zip_of([*batch_files(), BROKEN], gbk_names=True))
    code, out, _ = run(capsys, str(archive))
    assert code == 2
    assert rows_of(out) == expected_rows()
    assert f"一月报送.zip/年报/{BROKEN[0]}：" in out  # the name decoded from GBK


def test_files_named_one_by_one_are_one_batch(folder, capsys):
    names = [str(folder / n) for n, _ in batch_files()]
    code, out, _ = run(capsys, *names)
    assert rows_of(out) == expected_rows()
    assert code == 1  # reports with errors, none unreadable
    assert "无法读取的文件" not in out


def test_the_workbook_has_the_summary_every_defect_and_every_figure(folder, tmp_path, capsys):
    book = tmp_path / "结果.xlsx"
    code, _, err = run(capsys, str(folder), "--format", "xlsx", "--output", str(book))
    assert code == 2 and str(book) in err
    wb = load_workbook(book)
    assert wb.sheetnames == ["汇总", "问题", "数据", "无法读取"]
    summary, defects, figures, failed = (wb[n] for n in wb.sheetnames)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in ws[1])
    assert [c.value for c in summary[1]] == [
        "排名", "单位", "年度", "错误", "警告", "提示", "最严重的问题",
        "报告格式", "文件格式", "文件", "保存情况", "报告编号",
    ]  # fmt: skip
    assert [c.value for c in defects[1]] == [
        "单位", "年度", "规则", "严重程度", "类别", "表格", "行", "列",
        "问题", "修改建议", "位置", "文件",
    ]  # fmt: skip
    assert [c.value for c in figures[1]] == [
        "单位", "年度", "键", "项目", "数值", "原文", "单元格", "文件",
    ]  # fmt: skip
    rows = list(summary.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(batch_files())
    assert worst_first([(r[3], r[4], r[5]) for r in rows])
    assert Counter(
        (r[1] or r[9].rsplit("/", 1)[-1], str(r[2]), r[3], r[4], r[5]) for r in rows
    ) == (expected_rows())
    # every defect, one row each, with its table named
    by_file = Counter(r[11] for r in defects.iter_rows(min_row=2, values_only=True))
    for name, data in batch_files():
        e = expected(name, data)
        assert by_file[str(folder / name)] == len(e.codes), name
    c1 = next(
        r
        for r in defects.iter_rows(min_row=2, values_only=True)
        if r[2] == "C1" and r[0] == "正宁县司法局" and r[5] == "表三"
    )
    assert c1[3] == "错误" and c1[9]
    # every figure of every report, value and raw text as parsed
    cells = {
        (r[7], r[2]): r for r in figures.iter_rows(min_row=2, values_only=True)
    }  # (file, key) -> row
    for name, data in batch_files():
        e = expected(name, data)
        for key, fact in e.report.facts.items():
            row = cells[(str(folder / name), key)]
            assert row[5] == (fact.raw or None), (name, key)
            assert row[4] == (None if fact.value is None else float(fact.value)), (name, key)
            assert row[3] == cell_label(key, "zh")
    assert list(failed.iter_rows(min_row=2, values_only=True)) == [
        (str(folder / BROKEN[0]), message("unreadable.docx_damaged", "zh"))
    ]


def test_csv_goes_to_standard_output_with_a_header(folder, capsys):
    _, out, _ = run(capsys, str(folder), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:6] == ["排名", "单位", "年度", "错误", "警告", "提示"]
    assert len(rows) == len(batch_files()) + 1
    _, out, _ = run(capsys, str(folder), "--format", "csv", "--table", "figures", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Unit", "Year", "Key", "Label", "Value", "Raw text", "Cell", "File"]
    total = sum(len(expected(n, d).report.facts) for n, d in batch_files())
    assert len(rows) == total + 1


def test_csv_written_to_a_file_opens_in_excel_with_chinese_intact(folder, tmp_path, capsys):
    path = tmp_path / "问题.csv"
    run(capsys, str(folder), "--format", "csv", "--table", "defects", "--output", str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("单位,年度,规则,严重程度")


def test_json_has_every_report_worst_first_and_the_unreadable_ones(folder, capsys):
    _, out, _ = run(capsys, str(folder), "--json")
    data = json.loads(out)
    assert data["summary"]["checked"] == len(batch_files())
    assert data["summary"]["unreadable"] == 1
    assert [u["code"] for u in data["unreadable"]] == ["docx_damaged"]
    first = data["reports"][0]
    assert set(first) >= {"file", "unit", "year", "summary", "defects", "figures"}
    for r in data["reports"]:
        e = expected(Path(r["file"]).name, (folder / Path(r["file"]).name).read_bytes())
        assert [d["code"] for d in r["defects"]] == list(e.codes)
        assert set(r["figures"]) == set(e.report.facts)


def test_nianbao_check_of_one_file_does_not_load_the_database_library():
    code = (
        "import sys, io, contextlib\n"
        "from cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', 'tests/fixtures/003_24760dbfdde7e022.txt'])\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'openpyxl', 'matplotlib', 'telegram')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"

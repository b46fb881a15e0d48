"""`nianbao parse` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from tests.conftest import seed_path


def nianbao(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], capture_output=True, text=True, timeout=60
    )


def test_parse_json_prints_one_object_with_the_documented_fields():
    out = nianbao("parse", str(seed_path("001")), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {
        "title",
        "agency",
        "year",
        "closing_date",
        "issuer_kind",
        "format_version",
        "sections",
        "facts",
    } <= set(data)
    assert data["year"] == 2024 and data["closing_date"] == "2025-01-10"
    assert data["format_version"] == "2021"
    assert data["sections"][0] == {
        "key": "s1",
        "heading": "一、总体情况",
        "standard": "总体情况",
        "score": 100.0,
        "line": 5,
        "style": "2021",
    }
    fact = data["facts"]["t3.new_received.total"]
    assert fact["value"] == 0 and fact["raw"] == "0" and fact["location"]["line"] == 92


def test_parse_json_keeps_a_blank_cell_null_with_its_raw_text():
    data = json.loads(nianbao("parse", str(seed_path("002")), "--json").stdout)
    fact = data["facts"]["t3.granted.total"]
    assert fact["value"] is None and fact["raw"] == "\xa0" and fact["status"] == "blank"
    assert data["closing_date"] == "2023-01-13"


def test_parse_prints_a_readable_summary_by_default():
    out = nianbao("parse", str(seed_path("003")))
    assert out.returncode == 0
    assert "许昌市司法局" in out.stdout and "2023" in out.stdout and "s6" in out.stdout


def test_an_unsupported_file_exits_2_with_one_line_and_no_traceback(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 nothing")
    out = nianbao("parse", str(pdf))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert ".pdf" in out.stderr


def test_a_corrupt_docx_exits_2(tmp_path):
    bad = tmp_path / "draft.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    out = nianbao("parse", str(bad), "--lang", "en")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip()


def test_a_zip_without_a_word_document_exits_2(tmp_path):
    bad = tmp_path / "empty.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "hi")
    out = nianbao("parse", str(bad))
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_text_that_is_not_a_report_exits_2(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("会议通知\n请各位准时参加。\n", encoding="utf-8")
    out = nianbao("parse", str(note), "--lang", "en")
    assert out.returncode == 2
    assert "annual report" in out.stderr

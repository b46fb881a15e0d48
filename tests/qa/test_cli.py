"""`nianbao ingest` and `nianbao ask` end to end on a SQLite file."""

from __future__ import annotations

import json
import shutil

from cli.main import main
from tests.conftest import seed_path


def test_ingest_prints_a_line_per_file_goes_on_past_bad_files_and_fails_at_the_end(
    tmp_path, capsys
):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(seed_path("001"), folder / "001.txt")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    shutil.copy(seed_path("003"), folder / "zz_003.txt")
    db = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    assert main(["ingest", str(folder), "--db", db]) == 1
    out = capsys.readouterr().out.splitlines()
    lines = [line for line in out if "\t" in line]  # one per file, then the summary
    assert [line.split("\t")[0] for line in lines] == ["new", "failed", "new"]
    assert "共 3 个文件：新保存 2，替换旧版本 0，未变 0，失败 1。" in out
    assert lines[1].split("\t")[2].endswith("broken.docx")
    assert main(["ingest", str(folder / "001.txt"), "--db", db]) == 0
    assert capsys.readouterr().out.startswith("unchanged\t")


def test_ask_prints_the_answer_and_json_with_the_documented_fields(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    assert main(["ingest", str(seed_path("002")), "--db", db]) == 0
    capsys.readouterr()
    assert main(["ask", "正宁县司法局2022年行政复议总计", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("正宁县司法局2022年行政复议（总计）：12件。")
    assert main(["ask", "正宁县司法局2022年行政复议总计", "--db", db, "--json"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert (j["value"], j["unit"], j["agency"], j["year"], j["metric_key"]) == (
        12,
        "count",
        "正宁县司法局",
        2022,
        "t4.review.total",
    )
    assert (j["sources"][0]["raw"], j["sources"][0]["key"]) == ("12", "t4.review.total")


def test_ask_reads_the_database_url_from_the_environment(tmp_path, capsys, monkeypatch):
    db = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", db)
    assert main(["ingest", str(seed_path("003"))]) == 0
    capsys.readouterr()
    assert main(["ask", "how many applications did 许昌市司法局 receive in 2023", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == 0


def test_ask_exits_1_when_it_did_not_understand(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    assert main(["ask", "今天天气怎么样", "--db", db]) == 1
    assert "可以这样问" in capsys.readouterr().out


def test_ask_explain_shows_each_step_then_the_answer(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    assert main(["ingest", str(seed_path("003")), "--db", db]) == 0
    capsys.readouterr()
    question = "许昌司法局二〇二三年收到了多少只猫"
    assert main(["ask", question, "--db", db, "--explain"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:6] == [
        "问题是这样理解的：",
        f"1. 规范化：“{question}” → “许昌司法局2023年收到了多少只猫”",
        "   年份：2023",
        "2. 机关：“许昌司法局” → 许昌市司法局（简称或别称）",
        "3. 统计项目：“收到” → t3.new_received.total 本年新收政府信息公开申请数量（总计）",
        "   单元格：t3.new_received.total",
    ]
    assert "   没有理解的词：“猫”" in lines
    assert lines[lines.index("6. 回答：") + 1] == "抱歉，没能理解这个问题。没有理解：“猫”。"


def test_ask_explain_in_english_for_an_english_question(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    assert main(["ingest", str(seed_path("003")), "--db", db]) == 0
    capsys.readouterr()
    assert (
        main(["ask", "How many lawsuits did 许昌市司法局 face in 2023?", "--db", db, "--explain"])
        == 0
    )
    out = capsys.readouterr().out
    assert "4. Operation: one figure" in out
    assert "3. Figure: “lawsuits” → t4.litigation.total" in out
    assert "   cells: t4.lit_direct.total, t4.lit_after_review.total" in out
    assert out.rstrip().splitlines()[-1].startswith("Source:")

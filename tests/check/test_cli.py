"""`nianbao check` and `nianbao rules` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from cli.main import main
from tests.conftest import SEEDS
from tests.rules.cases import CLEAN, ROOT


def test_check_exits_0_on_a_report_without_errors(capsys):
    assert main(["check", str(CLEAN)]) == 0
    out = capsys.readouterr().out
    assert "检查结果：0 个错误，0 个警告" in out


def test_check_exits_1_and_lists_errors_first(capsys):
    assert main(["check", str(SEEDS["000"])]) == 1
    out = capsys.readouterr().out
    assert out.index("错误 (1)") < out.index("警告 (3)") < out.index("提示 (3)")
    assert "[S9-BOOKMARK] 文中残留书签标记“[bookmark: _GoBack]”" in out
    assert "位置：第5部分（存在的主要问题及改进情况），第416行" in out


def test_check_speaks_english_when_asked(capsys):
    assert main(["check", "--lang", "en", str(SEEDS["003"])]) == 0  # warnings only
    out = capsys.readouterr().out
    assert "Result: 0 errors, 4 warnings, 1 notes" in out
    assert "[TT10] The text gives a total of 3585 (条) but its parts 750 + 1774 + 861" in out
    assert "Fix: Check the total and its parts in this sentence: “贯彻“应公开尽公开”原则" in out


def test_check_json_has_the_report_and_every_defect(capsys):
    assert main(["check", "--json", str(SEEDS["002"])]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["report"]["agency"] == "正宁县司法局"
    assert data["summary"] == {"error": 5, "warning": 9, "info": 2}
    first = data["defects"][0]
    assert set(first) == {
        "code",
        "category",
        "severity",
        "message",
        "hint",
        "location",
        "basis",
        "evidence",
    }
    assert first["basis"] == "form"
    assert (first["code"], first["category"], first["location"]) == (
        "S1-TITLE",
        "title",
        {"line": 1},
    )
    blank = next(d for d in data["defects"] if d["code"] == "C1" and d["location"]["table"] == "t3")
    assert blank["evidence"]["cells"]["t3.new_received.total"] == "\xa0"  # raw text kept


def test_check_json_messages_follow_the_language(capsys):
    main(["check", "--json", "--lang", "en", str(SEEDS["003"])])
    data = json.loads(capsys.readouterr().out)
    assert data["defects"][0]["message"].startswith("The text gives a total of 3585")


def test_an_unsupported_file_exits_2_with_one_line_in_the_chosen_language(tmp_path, capsys):
    bad = tmp_path / "report.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["check", "--lang", "en", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Unsupported file type" in err


def test_a_missing_file_exits_2_without_a_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "cli.main", "check", str(tmp_path / "nothing.txt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_rules_lists_the_whole_catalog(capsys):
    from core.rules import RULES

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert f"检查规则（共 {len(RULES)} 条）" in out
    assert all(code in out for code in RULES)


def test_rules_shows_one_rule_with_its_documentation(capsys):
    assert main(["rules", "t3-identity", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for label in (
        "What it checks",
        "Why it matters",
        "Bad example",
        "Good example",
        "Known limits",
        "Source",
    ):
        assert label in out


def test_rules_json_gives_every_field(capsys):
    assert main(["rules", "--json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert {
        "code",
        "category",
        "severity",
        "name",
        "checks",
        "why",
        "bad",
        "good",
        "limits",
        "source",
    } <= set(rules[0])


def test_an_unknown_rule_exits_2(capsys):
    assert main(["rules", "NOPE-1"]) == 2
    assert "NOPE-1" in capsys.readouterr().err

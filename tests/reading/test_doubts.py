"""The reading says what the parser could not read, and why."""

from __future__ import annotations

import json
from pathlib import Path

from core.parse import parse_bytes, parse_file
from tests.conftest import SEEDS

CORPUS = Path(__file__).parents[1] / "corpus"


def _doubts(report) -> set[tuple[str, str | None]]:
    return {(d.code, d.table) for d in report.reading.doubts}


def test_figures_torn_from_their_labels_are_a_doubt_and_the_intact_rows_are_read():
    r = parse_file(CORPUS / "shanghai-kewei-2024.md")
    assert _doubts(r) == {("labels_detached", "t3")}
    truth = json.loads((CORPUS / "shanghai-kewei-2024.md.cells.json").read_text(encoding="utf-8"))
    for key in ("t3.new_received.total", "t3.granted.total", "t3.results_total.total"):
        assert r.facts[key].value == truth["facts"][key]


def test_a_long_text_without_one_heading_is_a_doubt():
    text = "本机关认真贯彻落实政府信息公开条例，持续推进政务公开工作。\n" * 40
    r = parse_bytes(("某县水利局2024年政府信息公开工作年度报告\n" + text).encode(), "r.txt")
    assert ("no_headings", None) in _doubts(r)
    assert not r.reading.structure_sure


def test_a_table_whose_marks_stand_but_whose_figures_are_lost_is_a_doubt():
    seed = SEEDS["001"].read_text(encoding="utf-8")
    start = seed.index("一、本年新收政府信息公开申请数量")
    end = seed.index("四、政府信息公开行政复议")
    # the table's labels stay as plain lines, its cells and figures are gone
    lines = [ln.strip() for ln in seed[start:end].split("\n")]
    kept = "\n".join(ln for ln in lines if ln and not ln.isdigit())
    stripped = seed[:start] + kept + "\n" + seed[end:]
    r = parse_bytes(stripped.encode("utf-8"), "r.txt")
    assert not any(f.table == "t3" and f.value is not None for f in r.facts.values())
    assert ("table_unparsed", "t3") in _doubts(r)
    assert not r.reading.table_sure("t3")


def test_a_clean_report_has_no_doubt():
    for path in [*SEEDS.values(), CORPUS / "hongze-2023.pdf", CORPUS / "pingtan-ziran-2023.html"]:
        r = parse_file(path)
        assert r.reading.doubts == [], path.name
        assert r.reading.sure


def test_the_reading_is_in_the_json_output():
    out = parse_file(CORPUS / "shanghai-kewei-2024.md").as_json()["reading"]
    assert out["sure"] is False and out["doubts"][0]["code"] == "labels_detached"
    assert out["sections_found"] >= 4 and out["cells_expected"] == 200


def test_nianbao_parse_says_what_it_could_not_read():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "cli.main", "parse", str(CORPUS / "pingtan-zone-2024.txt")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "读取情况：识别出 6 个部分，表格 3 张，读出数字 197/200 格" in out
    assert "表二的数字粘连在一起（行政规范性文件），无法可靠读取" in out
    assert "Traceback" not in out


PAGE = """<html><head><meta charset="utf-8"><title>某县司法局2024年政府信息公开工作年度报告_年报_某县人民政府</title></head>
<body><div class="TRS_Editor">
<p>一、总体情况</p><p>2024年，我局认真贯彻落实政府信息公开条例，持续推进政务公开工作。</p>
<p>二、主动公开政府信息情况</p><p><img src="/upload/table2.png" /></p>
<p>三、收到和处理政府信息公开申请情况</p><p><img src="/upload/table3.jpg" /></p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度未发生行政复议、行政诉讼。</p>
<p>五、存在的主要问题及改进情况</p><p>一是……二是……</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
</div></body></html>"""


def test_tables_pasted_as_pictures_are_a_doubt_not_a_missing_table():
    r = parse_bytes(PAGE.encode("utf-8"), "page.html")
    assert {("table_image", "t2"), ("table_image", "t3")} <= _doubts(r)
    assert ("table_image", "t4") not in _doubts(r)  # no picture in part 四


def test_a_page_that_only_links_to_its_report_says_so():
    page = """<html><head><meta charset="utf-8"><title>某县司法局2024年政府信息公开工作年度报告</title></head>
    <body><div class="TRS_Editor"><p>某县司法局2024年政府信息公开工作年度报告</p>
    <p>附件：<a href="/files/2025/nb2024.pdf">某县司法局2024年政府信息公开工作年度报告.pdf</a></p>
    </div></body></html>"""
    r = parse_bytes(page.encode("utf-8"), "page.html")
    assert [(d.code, d.detail) for d in r.reading.doubts] == [
        ("in_attachment", "某县司法局2024年政府信息公开工作年度报告.pdf")
    ]
    assert not r.reading.structure_sure and not r.reading.table_sure("t3")

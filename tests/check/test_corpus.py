"""An error is a promise: no report of the real-report corpus (tests/corpus)
gets a false error, judged by benchmarks/accuracy.py against the report's
truth file.

A report whose false errors all come from a misreading by the parser is an
expected failure, strict, naming the parser problem: when the parser's fix
lands it passes, and the mark is taken off.  What the rules themselves get
wrong is never excused: the second test checks that on those reports every
false error is of the kind the parser problem causes."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402

# report → (the codes of the false errors the parser problem causes, the problem)
TITLE_OUTSIDE_ARTICLE = (
    ("S1-NO-TITLE",),
    "the parser does not read the title, which the portal page prints outside the article "
    "body (<div class=article_title>)",
)
PARSER_PROBLEMS: dict[str, tuple[tuple[str, ...], str]] = {
    "hongze-2023.pdf": (
        ("S2-MISSING",),
        "the parser reads no text of the PDF before heading 三 (headings 一、二 and 六 are "
        "missed) and records no doubt about it",
    ),
    "pingtan-jiaojian-2025.html": TITLE_OUTSIDE_ARTICLE,
    "pingtan-shehui-2015.html": TITLE_OUTSIDE_ARTICLE,
    "pingtan-shehui-2023.html": TITLE_OUTSIDE_ARTICLE,
    "pingtan-shenpi-2024.html": TITLE_OUTSIDE_ARTICLE,
    "pingtan-ziran-2023.html": TITLE_OUTSIDE_ARTICLE,
    "pingtan-zone-2024.html": TITLE_OUTSIDE_ARTICLE,
    "pingtan-zone-2024.txt": (
        ("C4", "S2-MISSING"),
        "the crawler's copy runs the whole body into one line; the parser records no "
        "text_run_together doubt, so tables and headings look absent",
    ),
    "shanghai-kewei-2024.md": (
        ("C4", "S1-TITLE"),
        "the conversion put table 三's labels apart from its figures (no labels_detached "
        "doubt recorded) and the page label 正文 is read as part of the title",
    ),
}


@cache
def scores() -> dict[str, accuracy.ReportScore]:
    found, _ = accuracy.score(CORPUS)
    return {s.name: s for s in found}


def false_errors(name: str) -> list[tuple[str, str]]:
    s = scores()[name]
    return [
        (f.code, f.message) for f in s.findings if f.severity == "error" and f.verdict == "false"
    ]


def _cases():
    for path in accuracy.corpus_files(CORPUS):
        if not path.with_name(path.name + ".defects.json").exists():
            continue
        problem = PARSER_PROBLEMS.get(path.name)
        marks = [pytest.mark.xfail(strict=True, reason=problem[1])] if problem else []
        yield pytest.param(path.name, marks=marks, id=path.name)


@pytest.mark.parametrize("name", list(_cases()))
def test_no_corpus_report_gets_a_false_error(name):
    assert false_errors(name) == []


@pytest.mark.parametrize("name", sorted(PARSER_PROBLEMS))
def test_on_a_report_the_parser_misreads_every_false_error_is_of_the_parsers_kind(name):
    codes, _ = PARSER_PROBLEMS[name]
    assert [(c, m) for c, m in false_errors(name) if c not in codes] == []


def test_the_parser_problems_name_reports_of_the_corpus():
    assert sorted(set(PARSER_PROBLEMS) - set(scores())) == []


def test_no_finding_on_the_corpus_shows_a_placeholder():
    shown = [(s.name, f.code, f.message) for s in scores().values() for f in s.findings]
    assert [x for x in shown if "{" in x[2] or "}" in x[2]] == []


def _judged_with(name: str, *doubts) -> list[tuple[str, str]]:
    """The false errors of a corpus report once the parser records `doubts`."""
    import json

    from core.check import check_report
    from core.parse import parse_file
    from core.report import Doubt

    path = CORPUS / name
    report = parse_file(path)
    report.reading.doubts.extend(Doubt(*d) for d in doubts)
    findings = [
        accuracy.Finding(d.code, d.severity, d.message("zh"), d.location.section, d.location.table)
        for d in check_report(report)
    ]
    truth = json.loads(path.with_name(name + ".defects.json").read_text(encoding="utf-8"))
    accuracy.judge(findings, truth)
    return [(f.code, f.message) for f in findings if f.severity == "error" and f.verdict == "false"]


def test_a_page_whose_body_runs_into_one_line_gets_no_false_error_once_the_doubt_is_recorded():
    assert _judged_with("pingtan-zone-2024.txt", ("text_run_together",)) == []


def test_a_conversion_that_detached_table_3s_labels_leaves_only_the_title_misread():
    found = _judged_with("shanghai-kewei-2024.md", ("labels_detached", "t3"))
    assert [c for c, _ in found] == ["S1-TITLE"]  # 正文 read into the title: the parser's

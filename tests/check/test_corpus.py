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

# report → (the codes of the false errors a parser problem causes, the problem).
# Empty: the parser's side of every report is done.  A report added to the
# corpus whose false errors are the parser's goes here until it is fixed.
PARSER_PROBLEMS: dict[str, tuple[tuple[str, ...], str]] = {}


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


def test_on_a_report_the_parser_misreads_every_false_error_is_of_the_parsers_kind():
    others = {
        name: [(c, m) for c, m in false_errors(name) if c not in codes]
        for name, (codes, _) in PARSER_PROBLEMS.items()
    }
    assert {name: found for name, found in others.items() if found} == {}


def test_the_parser_problems_name_reports_of_the_corpus():
    assert sorted(set(PARSER_PROBLEMS) - set(scores())) == []


def test_no_finding_on_the_corpus_shows_a_placeholder():
    shown = [(s.name, f.code, f.message) for s in scores().values() for f in s.findings]
    assert [x for x in shown if "{" in x[2] or "}" in x[2]] == []


def _judged_without(name: str, *doubts: str) -> list[tuple[str, str]]:
    """The false errors of a corpus report had the parser not recorded `doubts`."""
    import json

    from core.check import check_report
    from core.parse import parse_file

    path = CORPUS / name
    report = parse_file(path)
    report.reading.doubts = [d for d in report.reading.doubts if d.code not in doubts]
    findings = [
        accuracy.Finding(d.code, d.severity, d.message("zh"), d.location.section, d.location.table)
        for d in check_report(report)
    ]
    truth = json.loads(path.with_name(name + ".defects.json").read_text(encoding="utf-8"))
    accuracy.judge(findings, truth)
    return [(f.code, f.message) for f in findings if f.severity == "error" and f.verdict == "false"]


def test_the_doubts_the_parser_records_are_what_keeps_two_conversions_free_of_false_errors():
    # glued text, labels apart from figures: with the doubt the rules stay silent …
    assert false_errors("pingtan-zone-2024.txt") == []
    assert false_errors("shanghai-kewei-2024.md") == []
    # … and without it they would blame the report for the conversion
    assert _judged_without("shanghai-kewei-2024.md", "labels_detached") != []

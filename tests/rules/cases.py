"""Table-driven rule cases (data/rule_cases/*.toml), sqlfluff style.

A case is a report text — the clean 2021 fixture by default, a seed
(`seed = "002"`) or a small report written in the case (`text`) — patched
by `replace` (pairs of old/new text) and `set` (cell key → new raw text),
parsed by the real parser and checked.  `doubts` (code and table) set what
the parser would record as unsure in the report's Reading, so the checker's
side of a doubt is tested on its own.  `parent` builds the same year's report
of the agency's government the same way.  `previous` builds last year's
report the same way (`year_shift = -1` then moves every year back).  A "fail"
case must yield a defect of `rule` (whose location has the fields of
`location`, and whose severity is `severity` when given); a "pass" case
must yield none.
"""

from __future__ import annotations

import io
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from core.check import check_report
from core.defect import Defect
from core.parse import parse_bytes
from core.report import Doubt, Report

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CASES_DIR = ROOT / "data" / "rule_cases"
CLEAN = FIXTURES / "clean_2021.txt"


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            for case in tomllib.load(fh)["cases"]:
                case["file"] = path.name
                cases.append(case)
    return cases


def base_text(spec: dict[str, Any]) -> str:
    if "text" in spec:
        return spec["text"]
    if "seed" in spec:
        return next(FIXTURES.glob(f"{spec['seed']}_*.txt")).read_text(encoding="utf-8")
    return CLEAN.read_text(encoding="utf-8")


@cache
def _parsed(text: str) -> Report:
    return parse_bytes(text.encode("utf-8"), "case.txt")


def set_cells(text: str, cells: dict[str, str]) -> str:
    """Write `raw` into the cells named by key, where the parser read them."""
    report = _parsed(text)
    lines = text.split("\n")
    for key, raw in cells.items():
        loc = report.facts[key].location
        line = lines[loc.line - 1]
        if line.count("\t") == 1 and line.startswith("\t"):
            lines[loc.line - 1] = "\t" + raw
        else:
            fields = line.split("\t")
            fields[loc.cell] = raw
            lines[loc.line - 1] = "\t".join(fields)
    return "\n".join(lines)


def shift_years(text: str, delta: int) -> str:
    return re.sub(r"(?<!\d)(20\d{2})(?!\d)", lambda m: str(int(m.group(1)) + delta), text)


def build(spec: dict[str, Any]) -> str:
    text = base_text(spec)
    for old, new in spec.get("replace", ()):
        assert old in text, f"case text has no {old!r}"
        text = text.replace(old, new)
    if spec.get("set"):
        text = set_cells(text, spec["set"])
    if spec.get("year_shift"):
        text = shift_years(text, spec["year_shift"])
    return text


def as_docx(text: str, insertion: str | None = None) -> bytes:
    """The report text as a Word file shaped like the official template;
    `insertion` marks the run holding that text as a tracked insertion."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from core.template import load_template
    from tests.support.render import render_docx

    report = _parsed(text)
    data = render_docx(report, load_template("2019" if report.format_version == "2019" else "2021"))
    if insertion is None:
        return data
    document = docx.Document(io.BytesIO(data))
    paragraph = next(p for p in document.paragraphs if insertion in p.text)
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "901")
    ins.set(qn("w:author"), "审核人")
    ins.set(qn("w:date"), "2025-01-05T09:00:00Z")
    run = paragraph.runs[-1]._r
    run.addprevious(ins)
    ins.append(run)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def run(case: dict[str, Any]) -> list[Defect]:
    text = build(case)
    if case.get("format") == "docx":
        report = parse_bytes(as_docx(text, case.get("tracked_insert")), "case.docx")
    else:
        report = parse_bytes(text.encode("utf-8"), "case.txt")
    for d in case.get("doubts", ()):
        report.reading.doubts.append(Doubt(d["code"], d.get("table"), d.get("detail", "")))
    previous = parent = None
    if "previous" in case:
        previous = parse_bytes(build(case["previous"]).encode("utf-8"), "previous.txt")
    if "parent" in case:
        parent = parse_bytes(build(case["parent"]).encode("utf-8"), "parent.txt")
    return check_report(report, previous, parent=parent)


def matches(defect: Defect, case: dict[str, Any]) -> bool:
    if defect.code != case["rule"]:
        return False
    if "severity" in case and defect.severity != case["severity"]:
        return False
    if "message_contains" in case and case["message_contains"] not in defect.message("zh"):
        return False
    loc = defect.location.as_dict()
    return all(loc.get(k) == v for k, v in case.get("location", {}).items())

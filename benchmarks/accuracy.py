"""How exactly nianbao reads and judges real reports: the score of a corpus.

    .venv/bin/python benchmarks/accuracy.py CORPUS_DIR [--json] [--verbose]

A corpus is a folder of real reports, each `NAME` (any file the parser takes)
with its truth, written by a person reading the report:

- `NAME.cells.json`: `agency`, `year`, `format` (2021 / 2019 / pre2019), optional
  `title`, and `facts`: stable key → the number in the cell, or null where the
  cell is blank or the row absent.  Optional `declinable: true` says the cells
  cannot all be read safely from this rendition (glued digits, labels torn
  from their figures): a cell not read is then "declined" — counted apart, not
  against the share of cells read exactly — and a cell read must still be right.
- `NAME.defects.json`: `defects` (what a strict reviewer finds, each with
  `code`, `severity`, optional `message` / `what` / `where`, `debatable`) and
  `not_defects` (findings a checker raised although the report is right).

For each report it prints: metadata exact, cells exact / wrong / missing, false
errors, false warnings, missed errors, and findings that blame the report for
what the parser could not read; then per-rule precision; the last line is the
totals.  A finding is true when it matches one of the report's `defects` (same
code, and the same quoted things when the truth quotes any); an error is true
only when the truth calls it an error (a debatable defect is at most a
warning); every other error or warning counts as false.  Info is not scored.

When the corpus holds last year's report of the same agency, it is passed to
the checker as the previous year, as the store would.

Prints figures; asserts nothing (the corpus tests assert on `score()`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.check import check_report  # noqa: E402
from core.document import UnreadableFile  # noqa: E402
from core.extract import SUPPORTED  # noqa: E402
from core.parse import parse_file  # noqa: E402

# Findings that say the report lacks something: false ones blame the report
# for what the parser could not see.
ABSENCE_CODES = frozenset({"C4", "C1", "S1-NO-TITLE", "S2-MISSING", "S4-ASPECTS", "S8-NO-DATE"})
QUOTE = re.compile(r"[“\"「『']([^”\"」』']{2,})[”\"」』']")
CJK = re.compile(r"[\u4e00-\u9fff]")
WHERE = re.compile(r"^(s[1-6]|t[234])\b")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", text)


def agency_matches(parsed: str | None, truth: str | None) -> bool:
    """Exact after normalisation; a truth written "名称（注释）" also accepts the name alone."""
    if truth is None:
        return parsed is None
    if parsed is None:
        return False
    p, t = norm(parsed), norm(truth)
    if p == t:
        return True
    m = re.fullmatch(r"(.+?)\((.+)\)", t)
    return bool(m) and p in (m.group(1), m.group(2))


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    section: str | None
    table: str | None
    verdict: str = ""  # true | false | info
    why: str = ""


@dataclass
class ReportScore:
    name: str
    readable: bool = True
    error: str = ""
    meta_checked: bool = False
    meta_exact: bool = False
    meta_detail: list[str] = field(default_factory=list)
    cells_truth: int = 0
    cells_exact: int = 0
    cells_wrong: int = 0
    cells_missing: int = 0
    cells_declined: int = 0
    wrong_cells: list[str] = field(default_factory=list)
    declinable: bool = False
    findings: list[Finding] = field(default_factory=list)
    missed_errors: list[str] = field(default_factory=list)
    missed_warnings: list[str] = field(default_factory=list)
    defects_labelled: bool = False

    def count(self, severity: str, verdict: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity and f.verdict == verdict)

    @property
    def blamed(self) -> int:
        return sum(1 for f in self.findings if f.verdict == "false" and f.code in ABSENCE_CODES)


def _quotes(text: str) -> list[str]:
    """The Chinese quoted in a truth entry; a quote shortened with "…" or
    "..." stands for its pieces, each of which must be found."""
    out = []
    for q in QUOTE.findall(text or ""):
        for piece in re.split(r"…+|\.{3,}", q):
            if CJK.search(piece) and len(norm(piece)) >= 2:
                out.append(norm(piece))
    return out


def _matches(finding: Finding, entry: dict[str, Any]) -> int:
    """How well `finding` matches a truth entry: 0 not at all, 1 by its code
    (and place) only, 2 by what it quotes or says as well."""
    new = entry.get("code") == "new"  # no rule covered it when it was labelled
    if not new and entry.get("code") != finding.code:
        return 0
    where = WHERE.match(str(entry.get("where", "")).strip())
    if where:
        w = where.group(1)
        place = finding.section if w.startswith("s") else finding.table
        if place is not None and place != w:
            return 0
    message = norm(finding.message)
    if entry.get("message"):
        quotes = _quotes(entry["message"])
        if quotes:
            return 2 if all(q in message for q in quotes) else 0
        from rapidfuzz import fuzz

        return 2 if fuzz.ratio(norm(entry["message"]), message) >= 60 else 0
    # `what` describes the report in the labeller's words: what it quotes is
    # the report's text, which a finding may or may not repeat
    quotes = _quotes(entry.get("what", ""))
    if any(q in message for q in quotes):
        return 2
    return 0 if new else 1


def judge(findings: list[Finding], truth: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Mark each finding true/false against the truth; return the missed errors and warnings."""
    defects = list(truth.get("defects", []))
    not_defects = list(truth.get("not_defects", []))
    used: set[int] = set()
    # strong matches first (an entry's quotes or message found), then by code
    matched: dict[int, int] = {}
    order = sorted(range(len(findings)), key=lambda n: findings[n].severity == "info")
    for strength in (2, 1):
        for n in order:
            f = findings[n]
            if n in matched:
                continue
            for i, d in enumerate(defects):
                if i not in used and _matches(f, d) == strength:
                    matched[n] = i
                    used.add(i)
                    break
    for n, f in enumerate(findings):
        if f.severity == "info":
            f.verdict = "info"
        if n in matched:
            d = defects[matched[n]]
            if f.severity == "info":
                continue
            truth_sev = "warning" if d.get("debatable") else d.get("severity", "warning")
            if f.severity == "error" and truth_sev != "error":
                f.verdict, f.why = "false", f"severity: the truth says {truth_sev}"
            else:
                f.verdict = "true"
            continue
        if f.severity == "info":
            continue
        known = next((d for d in not_defects if _matches(f, d)), None)
        f.verdict = "false"
        f.why = (known or {}).get("why", "not among the report's defects")[:160]
    missed_e, missed_w = [], []
    for i, d in enumerate(defects):
        if i in used or d.get("debatable"):  # a judgement call is never "missed"
            continue
        sev = d.get("severity")
        label = f"{d.get('code')}: {(d.get('message') or d.get('what') or '')[:80]}"
        if sev == "error":
            missed_e.append(label)
        elif sev == "warning":
            missed_w.append(label)
    return missed_e, missed_w


def corpus_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith(("README", "."))
    )


def _load(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def score_report(path: Path, previous_path: Path | None = None) -> ReportScore:
    s = ReportScore(path.name)
    cells = _load(path.with_name(path.name + ".cells.json"))
    defects_truth = _load(path.with_name(path.name + ".defects.json"))
    try:
        report = parse_file(path)
    except UnreadableFile as exc:
        s.readable, s.error = False, exc.code
        if cells:
            s.meta_checked = True
            s.cells_truth = sum(1 for v in cells["facts"].values() if v is not None)
            s.cells_missing = s.cells_truth
        return s
    previous = None
    if previous_path is not None:
        try:
            previous = parse_file(previous_path)
        except UnreadableFile:
            previous = None
    if cells:
        s.meta_checked = True
        ok_agency = agency_matches(report.agency, cells.get("agency"))
        ok_year = report.year == cells.get("year")
        ok_format = cells.get("format") in (None, report.format_version)
        ok_title = "title" not in cells or norm(report.title or "") == norm(cells["title"])
        for ok, what, got, want in (
            (ok_agency, "agency", report.agency, cells.get("agency")),
            (ok_year, "year", report.year, cells.get("year")),
            (ok_format, "format", report.format_version, cells.get("format")),
            (ok_title, "title", report.title, cells.get("title")),
        ):
            if not ok:
                s.meta_detail.append(f"{what}: got {got!r}, truth {want!r}")
        s.meta_exact = not s.meta_detail
        s.declinable = bool(cells.get("declinable"))
        for key, want in cells["facts"].items():
            fact = report.facts.get(key)
            got = fact.value if fact is not None and fact.status != "blank" else None
            if want is None:
                if got is not None:
                    s.cells_wrong += 1
                    s.wrong_cells.append(f"{key}: read {got}, truth blank/absent")
                continue
            s.cells_truth += 1
            if got is None and s.declinable:
                s.cells_declined += 1
            elif got is None:
                s.cells_missing += 1
            elif abs(float(got) - float(want)) < 0.005:
                s.cells_exact += 1
            else:
                s.cells_wrong += 1
                s.wrong_cells.append(f"{key}: read {got}, truth {want}")
    defects = check_report(report, previous)
    s.findings = [
        Finding(d.code, d.severity, d.message("zh"), d.location.section, d.location.table)
        for d in defects
    ]
    if defects_truth is not None:
        s.defects_labelled = True
        s.missed_errors, s.missed_warnings = judge(s.findings, defects_truth)
    return s


def previous_years(files: list[Path]) -> dict[Path, Path]:
    """Each report's previous-year report in the corpus (same agency by the truth)."""
    by_key: dict[tuple[str, int], Path] = {}
    meta: dict[Path, tuple[str, int]] = {}
    for p in files:
        cells = _load(p.with_name(p.name + ".cells.json"))
        if cells and cells.get("agency") and cells.get("year"):
            key = (norm(cells["agency"]), int(cells["year"]))
            meta[p] = key
            # prefer a rendition that can be read (HTML, PDF) over a glued text copy
            if key not in by_key or cells.get("declinable") is not True:
                by_key.setdefault(key, p)
    return {p: by_key[(a, y - 1)] for p, (a, y) in meta.items() if (a, y - 1) in by_key}


@dataclass
class Totals:
    reports: int = 0
    meta_checked: int = 0
    meta_exact: int = 0
    cells_truth: int = 0
    cells_exact: int = 0
    cells_wrong: int = 0
    cells_missing: int = 0
    cells_declined: int = 0
    true_errors: int = 0
    false_errors: int = 0
    true_warnings: int = 0
    false_warnings: int = 0
    missed_errors: int = 0
    missed_warnings: int = 0
    blamed: int = 0
    per_rule: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def add(self, s: ReportScore) -> None:
        self.reports += 1
        self.meta_checked += s.meta_checked
        self.meta_exact += s.meta_exact
        self.cells_truth += s.cells_truth
        self.cells_exact += s.cells_exact
        self.cells_wrong += s.cells_wrong
        self.cells_missing += s.cells_missing
        self.cells_declined += s.cells_declined
        self.true_errors += s.count("error", "true")
        self.false_errors += s.count("error", "false")
        self.true_warnings += s.count("warning", "true")
        self.false_warnings += s.count("warning", "false")
        self.missed_errors += len(s.missed_errors)
        self.missed_warnings += len(s.missed_warnings)
        self.blamed += s.blamed
        for f in s.findings:
            if f.verdict in ("true", "false"):
                self.per_rule[f.code][0 if f.verdict == "true" else 1] += 1

    @property
    def exact_share(self) -> float:
        """Cells read exactly, of the truth cells not declined where declining is right."""
        judged = self.cells_truth - self.cells_declined
        return self.cells_exact / judged if judged else 1.0

    @staticmethod
    def precision(true: int, false: int) -> float:
        return true / (true + false) if true + false else 1.0

    def as_json(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "metadata_exact": self.meta_exact,
            "metadata_checked": self.meta_checked,
            "cells_truth": self.cells_truth,
            "cells_exact": self.cells_exact,
            "cells_exact_share": round(self.exact_share, 5),
            "cells_wrong": self.cells_wrong,
            "cells_missing": self.cells_missing,
            "cells_declined": self.cells_declined,
            "true_errors": self.true_errors,
            "false_errors": self.false_errors,
            "error_precision": round(self.precision(self.true_errors, self.false_errors), 4),
            "true_warnings": self.true_warnings,
            "false_warnings": self.false_warnings,
            "warning_precision": round(self.precision(self.true_warnings, self.false_warnings), 4),
            "missed_errors": self.missed_errors,
            "missed_warnings": self.missed_warnings,
            "blamed_for_reading": self.blamed,
            "per_rule": {
                k: {"true": v[0], "false": v[1]} for k, v in sorted(self.per_rule.items())
            },
        }

    def line(self) -> str:
        return (
            f"TOTAL reports={self.reports} metadata_exact={self.meta_exact}/{self.meta_checked} "
            f"cells_exact={self.cells_exact}/{self.cells_truth - self.cells_declined} "
            f"({100 * self.exact_share:.2f}%) cells_wrong={self.cells_wrong} "
            f"cells_missing={self.cells_missing} cells_declined={self.cells_declined} "
            f"false_errors={self.false_errors} false_warnings={self.false_warnings} "
            f"error_precision={self.precision(self.true_errors, self.false_errors):.3f} "
            f"warning_precision={self.precision(self.true_warnings, self.false_warnings):.3f} "
            f"missed_errors={self.missed_errors} missed_warnings={self.missed_warnings} "
            f"blamed_for_reading={self.blamed}"
        )


def score(folder: Path) -> tuple[list[ReportScore], Totals]:
    files = corpus_files(folder)
    prev = previous_years(files)
    scores = [score_report(p, prev.get(p)) for p in files]
    totals = Totals()
    for s in scores:
        totals.add(s)
    return scores, totals


def report_line(s: ReportScore) -> str:
    if not s.readable:
        return f"{s.name}: UNREADABLE ({s.error}) cells_missing={s.cells_missing}"
    meta = ("exact" if s.meta_exact else "WRONG") if s.meta_checked else "n/a"
    cells = (
        f"cells exact={s.cells_exact}/{s.cells_truth} wrong={s.cells_wrong} "
        f"missing={s.cells_missing}" + (f" declined={s.cells_declined}" if s.declinable else "")
        if s.meta_checked
        else "cells n/a"
    )
    judged = (
        f"false_errors={s.count('error', 'false')} false_warnings={s.count('warning', 'false')} "
        f"missed_errors={len(s.missed_errors)} blamed={s.blamed}"
        if s.defects_labelled
        else "defects n/a"
    )
    return f"{s.name}: metadata {meta}; {cells}; {judged}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--json", action="store_true", help="one JSON object instead of lines")
    ap.add_argument("--verbose", "-v", action="store_true", help="every wrong cell and finding")
    args = ap.parse_args(argv)
    scores, totals = score(args.corpus)
    if args.json:
        out = totals.as_json()
        out["per_report"] = [
            {
                "name": s.name,
                "readable": s.readable,
                "metadata_exact": s.meta_exact if s.meta_checked else None,
                "metadata": s.meta_detail,
                "cells": {
                    "exact": s.cells_exact,
                    "truth": s.cells_truth,
                    "wrong": s.cells_wrong,
                    "missing": s.cells_missing,
                    "declined": s.cells_declined,
                },
                "wrong_cells": s.wrong_cells,
                "findings": [vars(f) for f in s.findings],
                "missed_errors": s.missed_errors,
                "missed_warnings": s.missed_warnings,
            }
            for s in scores
        ]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for s in scores:
        print(report_line(s))
        if args.verbose:
            for d in s.meta_detail:
                print(f"    metadata {d}")
            for w in s.wrong_cells:
                print(f"    wrong cell {w}")
            for f in s.findings:
                if f.verdict == "false":
                    print(f"    FALSE {f.severity} [{f.code}] {f.message[:90]} — {f.why}")
            for m in s.missed_errors:
                print(f"    MISSED error {m}")
            for m in s.missed_warnings:
                print(f"    missed warning {m}")
    print("per-rule precision (true/false among errors and warnings):")
    for code, (t, f) in sorted(totals.per_rule.items()):
        print(f"  {code}: {t}/{t + f} = {Totals.precision(t, f):.2f}")
    print(totals.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

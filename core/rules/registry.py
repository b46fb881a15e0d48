"""The rule registry: each rule module defines its codes and registers the
check that yields their defects.  The catalog is generated from it.

Evidence decides severity: every rule declares the kinds of evidence
(`basis`) its defects rest on, and each kind bounds the severity a defect
resting on it may carry (BASES).  A rule also says which report eras it
applies to and what it reads (table cells, the section structure), so that
the checker keeps it silent on an era it does not belong to and on a part of
the file the parser could not read reliably."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.defect import CATEGORIES, SEVERITIES, Defect, rule_texts

if TYPE_CHECKING:
    from core.rules.context import Context

DOC_FIELDS = ("checks", "why", "bad", "good", "limits", "source")
TEXT_FIELDS = ("name", "message", "hint", *DOC_FIELDS, "basis")

# Each kind of evidence and the highest severity a defect resting on it may carry.
BASES: dict[str, str] = {
    "arithmetic": "error",  # a sum or identity evaluated on cells that were read
    "absence": "error",  # a required element verifiably absent from a sure reading
    "deadline": "error",  # a date against the deadline of the report's own era
    "form": "error",  # an element that was read deviates from the binding form
    "marker": "error",  # editing residue left verbatim in the file (a bookmark, a comment)
    "prose": "warning",  # a pattern read out of prose
    "heuristic": "warning",  # a content heuristic: likely, not certain
    "practice": "warning",  # reviewers' practice, not a clause of the format
    "style": "info",  # wording and typography
    "reading": "info",  # what the parser could not read: not the report's fault
}

# The eras of the report (its year decides): the 2007 regulation without fixed
# tables, the 2019 trial form, the 2021 form.
ERAS = ("pre2019", "2019", "2021")
SINCE_2019 = ("2019", "2021")
SINCE_2021 = ("2021",)

# What a rule reads; a defect built on an unsure reading of it is not shown.
READS = ("cells", "rows", "labels", "structure")
CELLS = ("cells",)  # the figures of a table
ROWS = ("rows",)  # which rows a table has, its figures placed (if worked out)
LABELS = ("labels",)  # the wording of a table's rows and columns (not its figures)
STRUCTURE = ("structure",)

_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # error 0 < warning 1 < info 2


def allowed(severity: str, basis: str) -> bool:
    """May a defect resting on `basis` carry `severity`?"""
    return _RANK[severity] >= _RANK[BASES[basis]]


@dataclass(frozen=True)
class Rule:
    code: str
    category: str
    severity: str  # the usual severity
    severities: tuple[str, ...]  # every severity its defects can carry
    scope: str = "report"  # report | cross_year (runs only with last year's report)
    basis: tuple[str, ...] = ("heuristic",)  # the kinds of evidence its defects rest on
    eras: tuple[str, ...] = ERAS
    reads: tuple[str, ...] = ()

    def _text(self, name: str, lang: str) -> str:
        entry = rule_texts().get(self.code, {}).get(name, {})
        return entry.get(lang) or entry.get("zh", "")

    def name(self, lang: str = "zh") -> str:
        return self._text("name", lang)

    def doc(self, lang: str = "zh") -> dict[str, str]:
        """What it checks / why it matters / bad / good example / known limits / source."""
        return {f: self._text(f, lang) for f in DOC_FIELDS}

    def basis_doc(self, lang: str = "zh") -> str:
        """Why its evidence is of the kind it declares (and so its severity)."""
        return self._text("basis", lang)

    @property
    def params(self) -> dict[str, Any]:
        return rule_texts().get(self.code, {}).get("params", {})

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "severities": list(self.severities),
            "scope": self.scope,
            "basis": list(self.basis),
            "eras": list(self.eras),
            "name": self.name(lang),
            **self.doc(lang),
            "basis_why": self.basis_doc(lang),
        }


CheckFn = Callable[["Context"], Iterable[Defect]]

_RULES: dict[str, Rule] = {}
_CHECKS: list[tuple[tuple[str, ...], CheckFn]] = []


def define(
    code: str,
    category: str,
    severity: str,
    *,
    basis: str | Iterable[str],
    also: Iterable[str] = (),
    scope: str = "report",
    eras: Iterable[str] = ERAS,
    reads: Iterable[str] = (),
) -> Rule:
    """Declare rule `code`; `also` lists the other severities its defects may
    carry, `basis` the kinds of evidence they rest on (the first is the usual)."""
    if code in _RULES:
        raise ValueError(f"rule {code} defined twice")
    if category not in CATEGORIES:
        raise ValueError(f"rule {code}: unknown category {category!r}")
    sev = (severity, *also)
    if any(s not in SEVERITIES for s in sev):
        raise ValueError(f"rule {code}: unknown severity in {sev}")
    bases = (basis,) if isinstance(basis, str) else tuple(basis)
    if not bases or any(b not in BASES for b in bases):
        raise ValueError(f"rule {code}: unknown evidence kind in {bases}")
    for s in sev:
        if not any(allowed(s, b) for b in bases):
            raise ValueError(f"rule {code}: no evidence of {bases} bears the severity {s}")
    eras, reads = tuple(eras), tuple(reads)
    if any(e not in ERAS for e in eras) or any(r not in READS for r in reads):
        raise ValueError(f"rule {code}: unknown era in {eras} or reading in {reads}")
    rule = Rule(code, category, severity, sev, scope, bases, eras, reads)
    _RULES[code] = rule
    return rule


def check(*codes: str) -> Callable[[CheckFn], CheckFn]:
    """Register a function yielding the defects of `codes`."""

    def register(fn: CheckFn) -> CheckFn:
        _CHECKS.append((codes, fn))
        return fn

    return register


def rules() -> dict[str, Rule]:
    return _RULES


def checks() -> list[tuple[tuple[str, ...], CheckFn]]:
    return _CHECKS

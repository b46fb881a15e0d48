"""The rule registry: each rule module defines its codes and registers the
check that yields their defects.  The catalog is generated from it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.defect import CATEGORIES, SEVERITIES, Defect, rule_texts

if TYPE_CHECKING:
    from core.rules.context import Context

DOC_FIELDS = ("checks", "why", "bad", "good", "limits", "source")
TEXT_FIELDS = ("name", "message", "hint", *DOC_FIELDS)


@dataclass(frozen=True)
class Rule:
    code: str
    category: str
    severity: str  # the usual severity
    severities: tuple[str, ...]  # every severity its defects can carry
    scope: str = "report"  # report | cross_year (runs only with last year's report)

    def _text(self, name: str, lang: str) -> str:
        entry = rule_texts().get(self.code, {}).get(name, {})
        return entry.get(lang) or entry.get("zh", "")

    def name(self, lang: str = "zh") -> str:
        return self._text("name", lang)

    def doc(self, lang: str = "zh") -> dict[str, str]:
        """What it checks / why it matters / bad / good example / known limits / source."""
        return {f: self._text(f, lang) for f in DOC_FIELDS}

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
            "name": self.name(lang),
            **self.doc(lang),
        }


CheckFn = Callable[["Context"], Iterable[Defect]]

_RULES: dict[str, Rule] = {}
_CHECKS: list[tuple[tuple[str, ...], CheckFn]] = []


def define(
    code: str, category: str, severity: str, *, also: Iterable[str] = (), scope: str = "report"
) -> Rule:
    """Declare rule `code`; `also` lists the other severities its defects may carry."""
    if code in _RULES:
        raise ValueError(f"rule {code} defined twice")
    if category not in CATEGORIES:
        raise ValueError(f"rule {code}: unknown category {category!r}")
    sev = (severity, *also)
    if any(s not in SEVERITIES for s in sev):
        raise ValueError(f"rule {code}: unknown severity in {sev}")
    rule = Rule(code, category, severity, sev, scope)
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

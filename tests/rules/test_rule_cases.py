"""Every rule passes its passing cases and fails its failing cases (data/rule_cases)."""

from __future__ import annotations

import pytest

from core.rules import RULES
from tests.rules.cases import load_cases, matches, run

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}: {c['name']}" for c in CASES])
def test_rule_case(case):
    defects = run(case)
    found = [d for d in defects if matches(d, case)]
    described = [
        (d.code, d.severity, d.location.as_dict(), d.message())
        for d in defects
        if d.code == case["rule"]
    ]
    if case["expect"] == "fail":
        assert found, f"expected {case['rule']} {case.get('location', '')}, got {described}"
    else:
        assert not [d for d in defects if d.code == case["rule"]], f"unexpected {described}"
    for d in defects:  # every defect says where it is, shows its evidence, fills its slots
        assert d.location.as_dict() and d.evidence, (d.code, d.location, d.evidence)
        for lang in ("zh", "en"):
            text = d.message(lang) + d.hint(lang)
            assert "{" not in text and "}" not in text, (d.code, text)


def test_every_rule_has_a_passing_and_a_failing_case():
    kinds = {(c["rule"], c["expect"]) for c in CASES}
    lacking = [(code, e) for code in RULES for e in ("pass", "fail") if (code, e) not in kinds]
    assert lacking == []


def test_cases_name_only_known_rules():
    assert sorted({c["rule"] for c in CASES} - set(RULES)) == []

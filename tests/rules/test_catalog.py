"""The rule catalog documents every rule in both languages, and its texts
fit the defects the rules produce."""

from __future__ import annotations

import string

import pytest

from core.defect import CATEGORIES, SEVERITIES, rule_texts
from core.rules import RULES, TEXT_FIELDS

LANGS = ("zh", "en")


def _slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_every_text_in_both_languages(code):
    texts = rule_texts()[code]
    missing = [
        (f, lang)
        for f in TEXT_FIELDS
        for lang in LANGS
        if not texts.get(f, {}).get(lang, "").strip()
    ]
    assert missing == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_message_and_hint_use_the_same_slots_in_both_languages(code):
    texts = rule_texts()[code]
    for field in ("message", "hint"):
        assert _slots(texts[field]["zh"]) == _slots(texts[field]["en"]), field


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_known_category_and_severity(code):
    rule = RULES[code]
    assert rule.category in CATEGORIES
    assert rule.severity == rule.severities[0]
    assert set(rule.severities) <= set(SEVERITIES)


def test_rule_texts_describe_only_defined_rules():
    assert sorted(set(rule_texts()) - set(RULES)) == []


def test_the_relations_name_rules_of_the_catalog():
    from core.template import load_template

    codes = {r.rule for v in ("2021", "2019") for r in load_template(v).relations}
    assert codes - set(RULES) == set()


def test_a_rule_documents_itself_in_english():
    doc = RULES["T3-IDENTITY"].doc("en")
    assert list(doc) == ["checks", "why", "bad", "good", "limits", "source"]
    assert "carried forward" in doc["checks"]

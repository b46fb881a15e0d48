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


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_severity_of_a_rule_is_borne_by_the_evidence_it_declares(code):
    from core.rules.registry import BASES, allowed

    rule = RULES[code]
    assert rule.basis and set(rule.basis) <= set(BASES)
    assert [s for s in rule.severities if not any(allowed(s, b) for b in rule.basis)] == []


def test_prose_and_heuristics_are_never_errors():
    from core.rules.registry import allowed

    for kind in ("prose", "heuristic", "practice"):
        assert not allowed("error", kind) and allowed("warning", kind)
    assert not allowed("warning", "style") and not allowed("warning", "reading")


FORBIDDEN = (
    "seed",
    "种子",
    "fixture",
    "测试",
    "test file",
    "KIROGOV",
    "peer",
    "同行项目",
    "format spec",
    "格式规范第",
    ".toml",
    "tests/",
)


def test_texts_a_drafter_reads_never_mention_tests_seeds_or_other_projects():
    from core.template import load_data

    data = load_data("rules.toml")
    texts = [
        (f"{code}.{field}.{lang}", text)
        for code, entry in data["rules"].items()
        for field, value in entry.items()
        if field != "params"
        for lang, text in value.items()
    ] + [(f"ui.{k}.{lang}", t) for k, v in data["ui"].items() for lang, t in v.items()]
    assert [(where, word) for where, t in texts for word in FORBIDDEN if word in t.lower()] == []


def test_a_rule_says_which_kind_of_evidence_it_rests_on_and_why():
    from cli.rules_cmd import describe

    text = describe(RULES["S6-PREV-YEAR"], "zh")
    assert "依据类型：practice（审核的通行做法，不是格式条文，最多是警告）" in text
    assert "这不是条例或格式的明文条款" in text
    assert "{" not in text and "}" not in text
    english = describe(RULES["TT10"], "en")
    assert "Evidence: prose (a pattern read out of prose: at most a warning)" in english

"""`nianbao rules [CODE] [--json] [--lang zh|en]`: the rule catalog, or one
rule's documentation, generated from core.rules and data/rules.toml."""

from __future__ import annotations

import argparse
import sys

from cli.common import add_lang, print_json
from core.defect import CATEGORIES, preview, rule_texts, ui_text
from core.rules import DOC_FIELDS, RULES, Rule


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="列出检查规则 / list the checking rules")
    p.add_argument("code", nargs="?", help="规则代码，如 T3-SUM-ROW / a rule code")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_lang(p)
    p.set_defaults(handler=run)


def catalog(lang: str) -> str:
    lines = [ui_text("catalog", lang).format(count=len(RULES))]
    for category in CATEGORIES:
        rules = [r for r in RULES.values() if r.category == category]
        if not rules:
            continue
        name = ui_text("category." + category, lang)
        lines += ["", name if name == category else f"{name} ({category})"]
        lines += [
            f"  {r.code:18} {_severities(r, lang):14} {_bases(r, lang):10} {r.name(lang)}"
            for r in rules
        ]
    return "\n".join(lines)


def _bases(rule: Rule, lang: str) -> str:
    return "/".join(rule.basis)


def _severities(rule: Rule, lang: str) -> str:
    return "/".join(ui_text("sev." + s, lang) for s in rule.severities)


def describe(rule: Rule, lang: str) -> str:
    colon = "：" if lang == "zh" else ": "
    lines = [
        f"{rule.code}  {rule.name(lang)}",
        f"{ui_text('doc.category', lang)}{colon}{ui_text('category.' + rule.category, lang)} ({rule.category})",
        f"{ui_text('doc.severity', lang)}{colon}{_severities(rule, lang)}",
        f"{ui_text('doc.basis', lang)}{colon}"
        + ("; " if lang == "en" else "；").join(
            f"{b}（{ui_text('basis.' + b, lang)}）"
            if lang == "zh"
            else f"{b} ({ui_text('basis.' + b, lang)})"
            for b in rule.basis
        ),
        f"{' ' * 2}{rule.basis_doc(lang)}",
        f"{ui_text('doc.eras', lang)}{colon}"
        + ("、" if lang == "zh" else ", ").join(ui_text("era." + e, lang) for e in rule.eras),
    ]
    doc = rule.doc(lang)
    for name in DOC_FIELDS:
        lines.append(f"{ui_text('doc.' + name, lang)}{colon}{doc[name]}")
    texts = rule_texts()[rule.code]
    for name in ("message", "hint"):
        template = texts[name].get(lang) or texts[name]["zh"]
        lines.append(f"{ui_text('doc.' + name, lang)}{colon}{preview(template)}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.code:
        rule = RULES.get(args.code.upper())
        if rule is None:
            print(
                f"nianbao: {ui_text('unknown_rule', args.lang).format(code=args.code)}",
                file=sys.stderr,
            )
            return 2
        if args.json:
            print_json(rule.as_json(args.lang))
        else:
            print(describe(rule, args.lang))
        return 0
    if args.json:
        print_json([r.as_json(args.lang) for r in RULES.values()])
    else:
        print(catalog(args.lang))
    return 0

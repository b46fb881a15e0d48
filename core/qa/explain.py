"""`nianbao ask --explain`: every step of understanding, then the answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.qa.render import t, texts

if TYPE_CHECKING:
    from core.qa.answer import Answer


def _join(words: list, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(map(str, words)) or t("explain.none", lang)


def _quoted(words: list[str], lang: str) -> str:
    return _join([f"“{w}”" for w in words], lang)


def _op(name: str, lang: str) -> str:
    ops = texts()["explain"]["operations"]
    return ops[name][lang] if name in ops else name


def explain(a: Answer, lang: str) -> str:
    steps = {s["step"]: s for s in a.trace}
    lines = [t("explain.title", lang)]
    n = steps.get("normalise", {})
    lines.append(
        t("explain.normalise", lang, original=n.get("original", ""), text=n.get("text", ""))
    )
    years = n.get("years") or []
    lines.append(
        t("explain.years", lang, years=_join(years, lang)) if years else t("explain.no_years", lang)
    )
    ag = steps.get("agency", {})
    if ag.get("mentions"):
        how = texts()["explain"]["how"]
        items = [
            t(
                "explain.agency_item",
                lang,
                words=m["words"],
                agencies=_join(m["agencies"], lang),
                how=how[m["how"]][lang],
            )
            for m in ag["mentions"]
        ]
        lines.append(
            t("explain.agency", lang, items="；".join(items) if lang == "zh" else "; ".join(items))
        )
    else:
        lines.append(t("explain.no_agency", lang))
    m = steps.get("metric", {})
    if m.get("metric_key"):
        lines.append(
            t(
                "explain.metric",
                lang,
                words=_quoted(m["words"], lang),
                key=m["metric_key"],
                label=m.get("metric") or "",
            )
        )
        lines.append(t("explain.metric_cells", lang, keys=_join(m.get("keys", []), lang)))
    else:
        lines.append(t("explain.no_metric", lang))
    op = steps.get("operation", {})
    words = op.get("words") or []
    shown = (
        f"（{_quoted(words, lang)}）"
        if words and lang == "zh"
        else (f" ({_quoted(words, lang)})" if words else "")
    )
    lines.append(
        t("explain.operation", lang, operation=_op(op.get("operation", ""), lang), words=shown)
    )
    if op.get("followup"):
        lines.append(t("explain.followup", lang))
    q = steps.get("query", {})
    lines.append(
        t(
            "explain.query",
            lang,
            operation=_op(q.get("operation", ""), lang),
            agencies=_join(q.get("agencies", []), lang),
            years=_join(q.get("years", []), lang),
            metric=q.get("metric_key") or t("explain.none", lang),
        )
    )
    for key in ("ignored", "unknown", "not_stored", "missing"):
        if q.get(key):
            lines.append(t(f"explain.{key}", lang, words=_quoted(q[key], lang)))
    lines.append(t("explain.answer", lang))
    lines.append(a.text(lang))
    return "\n".join(lines)

"""Texts of answers over all agencies (rankings, totals, positions) and
about reports (the list, the defects of one, who has not filed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.qa.render import comma, fmt, metric, t, texts, unit, why

if TYPE_CHECKING:
    from core.qa.answer import Answer

NAMES_SHOWN = 5


def filter_text(a: Answer, lang: str) -> str:
    words = a.detail.get("filter")
    if not words:
        return t("answer.filter_all", lang)
    return t("answer.filter_word", lang, word=t("answer.filter_join", lang).join(words))


def _names(names: list[str], lang: str) -> str:
    return comma(lang).join(names[:NAMES_SHOWN]) + ("…" if len(names) > NAMES_SHOWN else "")


def _coverage(a: Answer, lang: str, blank_key: str) -> list[str]:
    d = a.detail
    lines = []
    if d.get("blank"):
        lines.append(
            t(blank_key, lang, count=d["blank"], names=_names(d.get("blank_names", []), lang))
        )
    if d.get("without"):
        lines.append(t("answer.ranking_without", lang, count=d["without"]))
    return lines


def _ranking(a: Answer, lang: str) -> str:
    d = a.detail
    items = [
        t(
            "answer.ranking_item",
            lang,
            rank=i["rank"],
            agency=i["agency"],
            value=fmt(i["value"]),
            unit=unit(a, lang),
        )
        for i in a.value
    ]
    key = (
        "ranking_every"
        if d.get("every")
        else "ranking_asc"
        if d.get("order") == "asc"
        else "ranking"
    )
    text = t(
        f"answer.{key}",
        lang,
        year=a.year,
        filter=filter_text(a, lang),
        metric=metric(a, lang),
        count=d.get("count", 0),
        items="\n".join(items),
    )
    lines = [text]
    if d.get("count", 0) > d.get("shown", 0):
        lines.append(t("answer.ranking_more", lang, count=d["count"], shown=d["shown"]))
    if a.value and d.get("tied") and not d.get("every"):
        which = "ranking_bottom" if d.get("order") == "asc" else "ranking_top"
        lines.append(
            t(
                f"answer.{which}",
                lang,
                agencies=comma(lang).join(d["tied"]),
                value=fmt(a.value[0]["value"]),
                unit=unit(a, lang),
            )
        )
    if d.get("from_text"):
        lines.append(t("answer.ranking_text", lang))
    return "\n".join(lines + _coverage(a, lang, "answer.ranking_blank"))


def _total(a: Answer, lang: str) -> str:
    key = "average" if a.kind.startswith("average") else "total"
    text = t(
        f"answer.{key}",
        lang,
        year=a.year,
        filter=filter_text(a, lang),
        metric=metric(a, lang),
        value=fmt(a.value),
        unit=unit(a, lang),
        count=a.detail.get("count", 0),
    )
    return "\n".join([text, *_coverage(a, lang, "answer.total_blank")])


def _position(a: Answer, lang: str) -> str:
    d = a.detail
    slots = {"agency": a.agency, "year": a.year, "metric": metric(a, lang)}
    if "position" not in d:
        return t("answer.position_none", lang, why=why(d.get("status", "missing"), lang), **slots)
    return t(
        "answer.position",
        lang,
        value=fmt(a.value),
        unit=unit(a, lang),
        position=d["position"],
        count=d["count"],
        filter=filter_text(a, lang),
        order=t(f"answer.order_{d['order']}", lang),
        **slots,
    )


def _list(a: Answer, lang: str) -> str:
    if not a.value:
        return t("answer.list_empty", lang)
    items = [
        t(
            "answer.list_item",
            lang,
            title=i["title"] or "—",
            agency=i["agency"],
            year=i["year"],
            errors=i.get("errors", 0),
            warnings=i.get("warnings", 0),
        )
        for i in a.value
    ]
    return t("answer.list", lang, count=len(items), items="\n".join(items))


def _defects(a: Answer, lang: str) -> str:
    title = a.detail.get("title") or a.agency
    if not a.value:
        return t("answer.defects_none", lang, title=title)
    sev = texts()["severity"]
    items = [
        t(
            "answer.defect_item",
            lang,
            n=n,
            severity=sev[d["severity"]][lang],
            code=d["code"],
            message=d[f"message_{lang}"] or d["message_zh"],
        )
        for n, d in enumerate(a.value, 1)
    ]
    count = {s: sum(d["severity"] == s for d in a.value) for s in ("error", "warning", "info")}
    return t(
        "answer.defects",
        lang,
        title=title,
        count=len(a.value),
        errors=count["error"],
        warnings=count["warning"],
        infos=count["info"],
        items="\n".join(items),
    )


def _roster(a: Answer, lang: str) -> str:
    if a.detail.get("unavailable"):
        return t("answer.roster_unavailable", lang)
    return a.detail.get("reply", "")


KINDS = {
    "rank": _ranking,
    "sum_all": _total,
    "average_all": _total,
    "position": _position,
    "list": _list,
    "defects": _defects,
    "roster": _roster,
}

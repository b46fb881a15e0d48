"""Answer → text in Chinese or English, from the templates of data/qa.toml."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.document import Location
from core.messages import text_at
from core.qa.vocabulary import qa_data, rows, unit_text

if TYPE_CHECKING:
    from core.qa.answer import Answer

MAX_SOURCES = 3


def t(path: str, lang: str, **slots: Any) -> str:
    return text_at(qa_data(), path, lang, **slots)


def fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def render(a: Answer, lang: str) -> str:
    body = {
        "figure": _figure,
        "compare": _compare,
        "trend": _trend,
        "ranking": _ranking,
        "total": _total,
        "list": _list,
        "defects": _defects,
        "choose": _choose,
        "not_understood": _not_understood,
        "no_data": _no_data,
    }[a.kind](a, lang)
    lines = [body]
    lines += [render_warning(w, lang) for w in a.warnings]
    if a.kind in ("figure", "compare", "trend", "ranking", "total"):
        lines += [render_source(src, lang) for src in a.sources[:MAX_SOURCES]]
        more = len(a.sources) - MAX_SOURCES + a.detail.get("more_sources", 0)
        if more > 0:
            lines.append(t("answer.sources_more", lang, count=more))
    return "\n".join(line for line in lines if line)


def _unit(a: Answer, lang: str) -> str:
    return unit_text(a.unit or "count", lang)


def _metric(a: Answer, lang: str) -> str:
    return a.metric.label(lang) if a.metric else ""


def _figure(a: Answer, lang: str) -> str:
    why = a.detail.get("why", "")
    slots = {"agency": a.agency, "year": a.year, "metric": _metric(a, lang)}
    if why == "":
        return t("answer.figure", lang, value=fmt(a.value), unit=_unit(a, lang), **slots)
    if why == "text":
        return t("answer.text_cell", lang, raw=a.sources[0]["raw"] if a.sources else "", **slots)
    if why == "partial":
        bad = sum(1 for src in a.sources if src["value"] is None)
        return t("answer.partial_sum", lang, count=bad, **slots)
    return t("answer.blank", lang, **slots)


def _item_value(item: dict[str, Any], a: Answer, lang: str) -> str:
    if item["value"] is None:
        return t("answer.compare_item", lang, year=item["year"], value="", unit="").rstrip() + t(
            "answer.not_filled", lang
        )
    return t(
        "answer.compare_item",
        lang,
        year=item["year"],
        value=fmt(item["value"]),
        unit=_unit(a, lang),
    )


def _join(items: list[str], lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(items)


def _compare(a: Answer, lang: str) -> str:
    items = [_item_value(i, a, lang) for i in a.value]
    change = ""
    known = [i for i in a.value if i["value"] is not None]
    if len(a.value) >= 2 and len(known) == len(a.value):
        first, last = a.value[0], a.value[-1]
        delta = last["value"] - first["value"]
        key = (
            "answer.change_up"
            if delta > 0
            else "answer.change_down"
            if delta < 0
            else "answer.change_same"
        )
        change = t(
            key,
            lang,
            first=first["year"],
            last=last["year"],
            delta=fmt(abs(delta)),
            unit=_unit(a, lang),
        )
    return t(
        "answer.compare",
        lang,
        agency=a.agency,
        metric=_metric(a, lang),
        items=_join(items, lang),
        change=change,
    ).strip()


def _trend(a: Answer, lang: str) -> str:
    items = [_item_value(i, a, lang) for i in a.value]
    return t(
        "answer.trend", lang, agency=a.agency, metric=_metric(a, lang), items=_join(items, lang)
    )


def _filter(a: Answer, lang: str) -> str:
    words = a.detail.get("filter")
    if not words:
        return t("answer.filter_all", lang)
    return t("answer.filter_word", lang, word=t("answer.filter_join", lang).join(words))


def _ranking(a: Answer, lang: str) -> str:
    items = [
        t(
            "answer.ranking_item",
            lang,
            rank=i["rank"],
            agency=i["agency"],
            value=fmt(i["value"]),
            unit=_unit(a, lang),
        )
        for i in a.value
    ]
    text = t(
        "answer.ranking",
        lang,
        year=a.year,
        filter=_filter(a, lang),
        metric=_metric(a, lang),
        count=a.detail.get("count", 0),
        items="\n".join(items),
    )
    if a.detail.get("blank"):
        text += "\n" + t("answer.ranking_blank", lang, count=a.detail["blank"])
    return text


def _total(a: Answer, lang: str) -> str:
    text = t(
        "answer.total",
        lang,
        year=a.year,
        filter=_filter(a, lang),
        metric=_metric(a, lang),
        value=fmt(a.value),
        unit=_unit(a, lang),
        count=a.detail.get("count", 0),
    )
    if a.detail.get("blank"):
        text += "\n" + t("answer.total_blank", lang, count=a.detail["blank"])
    return text


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
    sev = qa_data()["severity"]
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


def _choose(a: Answer, lang: str) -> str:
    return t("answer.choose", lang, items="\n".join(f"· {c}" for c in a.choices))


def _no_data(a: Answer, lang: str) -> str:
    reason = a.detail.get("reason")
    if reason == "no_agency_report":
        return t("answer.no_agency_report", lang, agency=a.agency)
    if reason == "no_report":
        sep = "、" if lang == "zh" else ", "
        years = sep.join(str(y) for y in a.detail.get("years", []))
        return t("answer.no_report", lang, agency=a.agency, year=a.year, years=years)
    return t("answer.no_data", lang, year=a.year or "", filter=_filter(a, lang).strip())


def _not_understood(a: Answer, lang: str) -> str:
    u = a.understood
    parts = []
    if u.get("agency"):
        parts.append(t("answer.part_agency", lang, value=u["agency"]))
    if u.get("years"):
        parts.append(t("answer.part_year", lang, value=", ".join(map(str, u["years"]))))
    if u.get("metric"):
        parts.append(t("answer.part_metric", lang, value=u["metric"]))
    missing = [t(f"answer.missing_{m}", lang) for m in u.get("missing", [])]
    sep = "，" if lang == "zh" else ", "
    if parts:
        understood = t(
            "answer.understood_some", lang, parts=sep.join(parts), missing=sep.join(missing)
        )
    else:
        understood = t("answer.understood_none", lang)
    ex = qa_data()["examples"][lang]
    return t("answer.not_understood", lang, understood=understood, example1=ex[0], example2=ex[1])


def render_source(src: dict[str, Any], lang: str) -> str:
    tables = qa_data()["tables"]
    row = rows().get(src["row"])
    column = next((c for c in row.columns if c.key == src["column"]), None) if row else None
    location = Location(
        **{
            k: v
            for k, v in (src.get("location") or {}).items()
            if k in Location.__dataclass_fields__
        }
    )
    return t(
        "answer.source",
        lang,
        title=src.get("title") or src.get("agency") or "",
        table=tables.get(src["table"], {}).get(lang, src["table"]),
        row=(row.label if lang == "zh" else row.en) if row else src["row"],
        column=(column.label if lang == "zh" else column.en) if column else src["column"],
        raw=src["raw"],
        location=location.describe(lang),
    )


def render_warning(w: dict[str, Any], lang: str) -> str:
    kind = w["kind"]
    if kind == "defect":
        msg = w.get(f"message_{lang}") or w.get("message_zh", "")
        prefix = (
            f"{w['agency']}："
            if lang == "zh" and w.get("agency")
            else f"{w['agency']}: "
            if w.get("agency")
            else ""
        )
        return prefix + t("answer.warning_defect", lang, code=w["code"], message=msg)
    if kind == "default_year":
        return t("answer.warning_default_year", lang, year=w["year"])
    if kind == "fuzzy_agency":
        return t("answer.warning_fuzzy_agency", lang, agency=w["agency"])
    if kind == "missing_years":
        sep = "、" if lang == "zh" else ", "
        return t("answer.warning_missing_years", lang, years=sep.join(map(str, w["years"])))
    return ""

"""Answer → text in Chinese or English, from the templates of
data/qa_answers.toml: the figure, its sources and warnings; declines that
say what is missing, not understood or not stored."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from core.document import Location
from core.messages import text_at
from core.qa.vocabulary import rows, unit_text
from core.template import load_data

if TYPE_CHECKING:
    from core.qa.answer import Answer

MAX_SOURCES = 3
NUMERALS = "一二三四五六"


@cache
def texts() -> dict:
    return load_data("qa_answers.toml")


def t(path: str, lang: str, **slots: Any) -> str:
    return text_at(texts(), path, lang, **slots)


def fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def sep(lang: str) -> str:
    return "；" if lang == "zh" else "; "


def comma(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def unit(a: Answer, lang: str) -> str:
    return unit_text(a.unit or "count", lang)


def metric(a: Answer, lang: str) -> str:
    return a.metric.label(lang) if a.metric else ""


def why(status: str, lang: str) -> str:
    return t(f"answer.why.{status}", lang) if status in texts()["answer"]["why"] else status


def render(a: Answer, lang: str) -> str:
    from core.qa import render_lists, render_series

    if a.kind == "multi":
        body = "\n\n".join(p.text(lang) for p in a.parts)
        if a.value is not None:
            body += "\n" + t("answer.years_total", lang, value=fmt(a.value), unit=unit(a, lang))
        return body
    kinds = {
        "figure": _figure,
        "choose": _choose,
        "not_understood": _not_understood,
        "not_stored": _not_stored,
        "no_data": _no_data,
        **render_series.KINDS,
        **render_lists.KINDS,
    }
    lines = [kinds[a.kind](a, lang)]
    lines += [render_warning(w, lang) for w in a.warnings]
    if a.kind not in ("list", "defects", "choose", "not_understood", "not_stored", "roster"):
        shown = a.sources[:MAX_SOURCES]
        lines += [render_source(src, lang) for src in shown]
        more = len(a.sources) - len(shown) + a.detail.get("more_sources", 0)
        if more > 0:
            lines.append(t("answer.sources_more", lang, count=more))
    return "\n".join(line for line in lines if line)


def figure_text(a: Answer, lang: str, value: Any, status: str, stated: list[dict]) -> str:
    slots = {"agency": a.agency, "year": a.year, "metric": metric(a, lang)}
    approx = t("answer.approximate", lang) if a.detail.get("approximate") else ""
    if status == "number":
        text = t("answer.figure", lang, value=fmt(value), unit=unit(a, lang), **slots)
        return text + derived_note(a, lang)
    if status == "stated":
        return t("answer.stated", lang, value=approx + fmt(value), unit=unit(a, lang), **slots)
    if status == "conflict":
        lines = [t("answer.conflict", lang, count=len(stated), **slots)]
        lines += [
            t(
                "answer.conflict_item",
                lang,
                value=fmt(s["value"]),
                unit=unit(a, lang),
                sentence=s["sentence"],
            )
            for s in stated
        ]
        return "\n".join(lines)
    if status == "text":
        raw = a.sources[0]["raw"] if a.sources else ""
        return t("answer.text_cell", lang, raw=raw, **slots)
    if status == "partial":
        bad = sum(1 for src in a.sources if src.get("value") is None)
        return t("answer.partial_sum", lang, count=bad, **slots)
    if status == "blank":
        text = t("answer.blank", lang, **slots)
        for s in stated[:1]:
            text += "\n" + t(
                "answer.blank_stated",
                lang,
                value=fmt(s["value"]),
                unit=unit(a, lang),
                section=section_name(s, lang),
                sentence=s["sentence"],
            )
        return text
    if status == "not_stated":
        return t("answer.not_stated", lang, **slots)
    return t("answer.missing", lang, **slots)


def derived_note(a: Answer, lang: str) -> str:
    if not a.metric:
        return ""
    keys = {src.get("key") for src in a.sources}
    if a.metric.alternative and any(k and k.startswith(a.metric.alternative) for k in keys):
        row = rows().get(a.metric.alternative)
        label = (row.label if lang == "zh" else row.en) if row else a.metric.alternative
        return t("answer.alternative", lang, row=label)
    if not a.metric.derived:
        return ""
    parts = []
    for r in a.metric.sum_rows:
        row = rows().get(r)
        parts.append((row.label if lang == "zh" else row.en) if row else r)
    return t("answer.derived", lang, count=len(parts), parts=comma(lang).join(parts))


def _figure(a: Answer, lang: str) -> str:
    return figure_text(a, lang, a.value, a.detail.get("status", ""), a.detail.get("stated", []))


def _choose(a: Answer, lang: str) -> str:
    items = "\n".join(f"· {c.label(lang)}" for c in a.choice_options)
    if a.choice_options and a.choice_options[0].kind == "metric":
        words = [s["words"] for s in a.trace if s.get("step") == "metric"]
        word = "、".join(words[0]) if words and words[0] else ""
        q = a.query
        if q is not None and not word:
            word = q.question
        return t("answer.choose_metric", lang, word=word, items=items)
    written = a.query.written if a.query is not None else ""
    if len(a.choice_options) == 1 and written:
        return t("answer.choose_one", lang, written=written, items=items)
    return t("answer.choose", lang, items=items)


def _stored_lines(a: Answer, lang: str) -> list[str]:
    d = a.detail
    if not d.get("stored_count"):
        return [t("answer.nothing_stored", lang)] if "stored_count" in d else []
    lines = [
        t(
            "answer.stored_agencies",
            lang,
            count=d["stored_count"],
            names=comma(lang).join(d["stored_names"]),
        )
    ]
    if d.get("stored_years"):
        years = comma(lang).join(map(str, d["stored_years"]))
        lines.append(t("answer.stored_years", lang, years=years))
    return lines


def _not_stored(a: Answer, lang: str) -> str:
    names = "”“".join(a.understood.get("not_stored", []))
    return "\n".join([t("answer.not_stored", lang, names=names), *_stored_lines(a, lang)])


def _no_data(a: Answer, lang: str) -> str:
    reason = a.detail.get("reason")
    if reason == "no_agency_report":
        text = t("answer.no_agency_report", lang, agency=a.agency)
    elif reason == "no_report":
        years = comma(lang).join(str(y) for y in a.detail.get("years", []))
        text = t("answer.no_report", lang, agency=a.agency, year=a.year, years=years)
    else:
        from core.qa.render_lists import filter_text

        text = t("answer.no_data", lang, year=a.year or "", filter=filter_text(a, lang).strip())
        return "\n".join([text, *_stored_lines(a, lang)])
    return text


def _not_understood(a: Answer, lang: str) -> str:
    u = a.understood
    parts = []
    if u.get("agencies"):
        parts.append(t("answer.part_agency", lang, value="”“".join(u["agencies"])))
    if u.get("years"):
        parts.append(t("answer.part_year", lang, value=comma(lang).join(map(str, u["years"]))))
    if u.get("metric"):
        parts.append(t("answer.part_metric", lang, value=u["metric"]))
    lines = []
    if u.get("unknown"):
        lines.append(t("answer.unknown_words", lang, words="”“".join(u["unknown"])))
    missing = [t(f"answer.missing_{m}", lang) for m in u.get("missing", [])]
    joined = "，" if lang == "zh" else ", "
    if parts and missing:
        lines.append(
            t(
                "answer.understood_some",
                lang,
                parts=joined.join(parts),
                missing=joined.join(missing),
            )
        )
    elif parts:
        lines.append(t("answer.understood_only", lang, parts=joined.join(parts)))
    elif not u.get("unknown"):
        lines.append(t("answer.understood_none", lang))
    if "agency" in u.get("missing", []):
        lines += _stored_lines(a, lang)
    ex = texts()["examples"][lang]
    return t(
        "answer.not_understood", lang, understood="\n".join(lines), example1=ex[0], example2=ex[1]
    )


def section_name(src: dict[str, Any], lang: str) -> str:
    key, heading = src.get("section"), src.get("heading")
    if key and key[1:].isdigit() and heading:
        number = int(key[1:])
        n = NUMERALS[number - 1] if lang == "zh" and number <= 6 else str(number)
        return t("answer.section", lang, number=n, heading=_strip_number(heading))
    return t("answer.section_unknown", lang)


def _strip_number(heading: str) -> str:
    import re

    return re.sub(r"^\s*[一二三四五六七八九十\d]+\s*[、.．]\s*", "", heading).strip()


def render_source(src: dict[str, Any], lang: str) -> str:
    if src.get("from_text"):
        return t(
            "answer.stated_source",
            lang,
            title=src.get("title") or src.get("agency") or "",
            section=section_name(src, lang),
            sentence=src.get("sentence", ""),
        )
    tables = texts()["tables"]
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
        agency = w.get("agency")
        prefix = (f"{agency}：" if lang == "zh" else f"{agency}: ") if agency else ""
        return prefix + t("answer.warning_defect", lang, code=w["code"], message=msg)
    if kind == "default_year":
        return t("answer.warning_default_year", lang, year=w["year"])
    if kind == "year_published":
        return t("answer.warning_year_published", lang, year=w["year"], published=w["year"] + 1)
    if kind == "agency_read":
        return t("answer.warning_agency_read", lang, agency=w["agency"], written=w["written"])
    if kind == "missing_years":
        years = comma(lang).join(map(str, w["years"]))
        return t("answer.warning_missing_years", lang, years=years)
    return ""

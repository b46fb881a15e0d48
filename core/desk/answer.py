"""Answer the reviewer's questions: who has not filed (the chat's roster),
two years side by side, a figure over the years with its chart.

`answer_desk_question(store, question, chat_id=…, lang=…, today=…)` returns
None for any other question, which then goes to the general question
answering — the one seam between the two."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.batch.labels import cell_label, table_name
from core.desk import history
from core.desk.questions import DeskQuestion, recognise
from core.desk_text import text
from core.store.db import session

MAX_CHANGES = 60


@dataclass
class DeskAnswer:
    kind: str  # missing | compare | trend
    text: str
    png: bytes | None = None  # the chart of a trend
    caption: str | None = None  # the chart's caption (≤ 1024 characters)
    chart: object | None = None  # the ChartData drawn (core.desk.chart)

    def as_json(self) -> dict:
        return {"kind": self.kind, "text": self.text, "chart": self.png is not None}


def answer_desk_question(
    store, question: str, *, chat_id: int | None, lang: str | None = None, today: date | None = None
) -> DeskAnswer | None:
    """The answer to a reviewer's question, or None when it is not one."""
    q = recognise(question)
    if q is None:
        return None
    lang = lang or q.lang
    today = today or date.today()
    if q.kind == "missing":
        return _missing(store, q, chat_id, lang, today)
    with session(store.engine) as s:
        found = history.resolve(s, q.agency)
        if found.agency is None:
            return DeskAnswer(q.kind, _not_found(q, found, lang))
        if q.kind == "compare":
            return _compare(history.compare(s, found.agency, q.years, chat_id), lang)
        return _trend(history.trend(s, found.agency, q.metric.key, chat_id), q, lang)


def _not_found(q: DeskQuestion, found, lang: str) -> str:
    if found.choices:
        sep = "、" if lang == "zh" else ", "
        return text(
            "desk.choose", lang, agency=q.agency, choices=sep.join(c.name for c in found.choices)
        )
    return text("desk.unknown_agency", lang, agency=q.agency)


def _missing(store, q: DeskQuestion, chat_id: int | None, lang: str, today: date) -> DeskAnswer:
    from core.roster.missing import filing
    from core.roster.render import render_filing

    if chat_id is None:
        return DeskAnswer("missing", text("missing.no_roster", lang))
    region = q.region or None
    f = filing(store.engine, chat_id, q.year, today, region)
    return DeskAnswer("missing", render_filing(f, lang, region))


def _number(v) -> str:
    if v is None:
        return ""
    return f"{v:g}" if isinstance(v, float) else str(v)


def _delta(d) -> str:
    if d is None:
        return ""
    return f"+{_number(d)}" if d > 0 else _number(d)


def _compare(c: history.Comparison, lang: str) -> DeskAnswer:
    y1, y2 = c.years
    if c.missing_years:
        years = (
            "、".join(map(str, c.missing_years))
            if lang == "zh"
            else ", ".join(map(str, c.missing_years))
        )
        return DeskAnswer(
            "compare", text("compare.missing_year", lang, agency=c.agency, years=years)
        )
    lines = [
        text(
            "compare.head", lang, agency=c.agency, y1=y1, y2=y2, changed=len(c.changes), same=c.same
        )
    ]
    blank = text("compare.blank", lang)
    table = None
    for ch in c.changes[:MAX_CHANGES]:
        t = history.table_of(ch.key)
        if t != table:
            table = t
            lines.append(text("compare.table", lang, table=table_name(t, lang)))
        label = cell_label(ch.key, lang)
        if ch.delta is not None:
            lines.append(
                text(
                    "compare.line",
                    lang,
                    label=label,
                    before=_number(ch.before),
                    after=_number(ch.after),
                    delta=_delta(ch.delta),
                )
            )
        else:
            lines.append(
                text(
                    "compare.line_text",
                    lang,
                    label=label,
                    before=_number(ch.before) or ch.raw_before or blank,
                    after=_number(ch.after) or ch.raw_after or blank,
                )
            )
    if len(c.changes) > MAX_CHANGES:
        lines.append(text("compare.more", lang, count=len(c.changes) - MAX_CHANGES))
    if not c.changes:
        lines.append(text("compare.none_changed", lang))
    a, b = (c.refs[y].title or c.agency for y in c.years)
    lines.append(text("compare.source", lang, a=a, b=b))
    return DeskAnswer("compare", "\n".join(lines))


def _trend(tr: history.Trend, q: DeskQuestion, lang: str) -> DeskAnswer:
    from core.desk.chart import ChartData, render_png

    metric = q.metric.label.get(lang) or q.metric.label["zh"]
    if not tr.points:
        return DeskAnswer("trend", text("trend.none", lang, agency=tr.agency))
    sep = "；" if lang == "zh" else "; "
    sources = sep.join(f"{p.year}: {p.ref.title or tr.agency}" for p in tr.points)
    caption = text("trend.caption", lang, sources=sources)
    lines = [text("trend.text", lang, agency=tr.agency, metric=metric)]
    for p in tr.points:
        value = (
            _number(p.value) if p.value is not None else text("trend.blank_point", lang, raw=p.raw)
        )
        lines.append(text("trend.point", lang, year=p.year, value=value))
    lines.append(caption)
    unit = "trend.ylabel_money" if q.metric.key.endswith("wan_yuan") else "trend.ylabel"
    data = ChartData(
        title=text("trend.title", lang, agency=tr.agency, metric=metric),
        xlabel=text("trend.xlabel", lang),
        ylabel=text(unit, lang),
        years=tuple(p.year for p in tr.points),
        values=tuple(p.value for p in tr.points),
        labels=tuple(
            _number(p.value) if p.value is not None else (p.raw or "—") for p in tr.points
        ),
        caption=caption,
    )
    return DeskAnswer("trend", "\n".join(lines), render_png(data), caption[:1024], data)

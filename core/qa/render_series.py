"""Texts of answers over years and over named agencies: changes, growth
rates, trends, A vs B, sums and averages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.qa.render import comma, fmt, metric, sep, t, unit, why

if TYPE_CHECKING:
    from core.qa.answer import Answer


def _value(i: dict[str, Any], a: Answer, lang: str) -> str:
    approx = t("answer.approximate", lang) if i.get("approximate") else ""
    return approx + fmt(i["value"])


def year_item(i: dict[str, Any], a: Answer, lang: str) -> str:
    if i["value"] is None or i["status"] not in ("number", "stated"):
        return t("answer.year_item_missing", lang, year=i["year"], why=why(i["status"], lang))
    return t("answer.year_item", lang, year=i["year"], value=_value(i, a, lang), unit=unit(a, lang))


def agency_item(i: dict[str, Any], a: Answer, lang: str) -> str:
    if i["value"] is None or i["status"] not in ("number", "stated"):
        return t("answer.agency_item_missing", lang, agency=i["agency"], why=why(i["status"], lang))
    return t(
        "answer.agency_item", lang, agency=i["agency"], value=_value(i, a, lang), unit=unit(a, lang)
    )


def change_text(a: Answer, lang: str, first: dict, last: dict) -> str:
    d = a.detail
    if "delta" not in d:
        return t("answer.change_unknown", lang)
    delta = d["delta"]
    key = "change_up" if delta > 0 else "change_down" if delta < 0 else "change_same"
    text = t(
        f"answer.{key}",
        lang,
        first=first["year"],
        last=last["year"],
        delta=fmt(abs(delta)),
        unit=unit(a, lang),
    )
    if "rate" in d:
        return text + t(
            "answer.rate",
            lang,
            rate=_signed(d["rate"]),
            first_value=fmt(first["value"]),
            last_value=fmt(last["value"]),
        )
    if first["value"] == 0 and delta != 0:
        return text + t("answer.rate_none", lang, first=first["year"])
    return text + t("answer.end", lang)


def _signed(rate: float) -> str:
    text = fmt(rate)
    return text if rate <= 0 else "+" + text


def _change(a: Answer, lang: str) -> str:
    items = [year_item(i, a, lang) for i in a.value or []]
    if a.detail.get("single") or len(a.value or []) < 2:
        change = t("answer.change_single", lang)
    else:
        change = change_text(a, lang, a.value[0], a.value[-1])
    return t(
        "answer.change",
        lang,
        agency=a.agency,
        metric=metric(a, lang),
        items=sep(lang).join(items),
        change=change,
    ).strip()


def _trend(a: Answer, lang: str) -> str:
    items = [year_item(i, a, lang) for i in a.value or []]
    change = ""
    if "delta" in a.detail:
        known = [i for i in a.value if i["year"] in (a.detail["from_year"], a.detail["to_year"])]
        change = change_text(a, lang, known[0], known[-1])
    return t(
        "answer.trend",
        lang,
        agency=a.agency,
        metric=metric(a, lang),
        items=sep(lang).join(items),
        change=change,
    ).strip()


def _over_years(a: Answer, lang: str) -> str:
    d = a.detail
    what = "sum" if a.kind.startswith("sum") else "average"
    items = sep(lang).join(year_item(i, a, lang) for i in d["items"])
    years = d.get("years") or [None]
    slots = {"agency": a.agency, "first": years[0], "last": years[-1], "metric": metric(a, lang)}
    if a.value is not None:
        return t(
            "answer.over_years",
            lang,
            what=t(f"answer.{what}_word", lang),
            value=fmt(a.value),
            unit=unit(a, lang),
            items=items,
            **slots,
        )
    reasons = []
    if d.get("missing_years"):
        reasons.append(
            t("answer.no_report_years", lang, years=comma(lang).join(map(str, d["missing_years"])))
        )
    if d.get("lacking"):
        reasons.append(
            t("answer.lacking_years", lang, years=comma(lang).join(map(str, d["lacking"])))
        )
    return t(
        "answer.over_years_missing",
        lang,
        what=t(f"answer.{what}_verb", "zh"),
        what_en=t(f"answer.{what}_verb", "en"),
        why=sep(lang).join(reasons),
        items=items or "—",
        **slots,
    )


def _compare(a: Answer, lang: str) -> str:
    items = a.value or []
    d = a.detail
    change = ""
    known = [i for i in items if i["value"] is not None and i["status"] in ("number", "stated")]
    if len(items) == 2 and "delta" in d:
        first, second = items
        delta = d["delta"]
        key = "compare_more" if delta > 0 else "compare_less" if delta < 0 else "compare_same"
        change = t(
            f"answer.{key}",
            lang,
            first=first["agency"],
            second=second["agency"],
            delta=fmt(abs(delta)),
            unit=unit(a, lang),
        )
    elif len(known) == len(items) and d.get("most"):
        change = t("answer.compare_most", lang, agencies=comma(lang).join(d["most"]))
    elif len(known) < len(items):
        change = t("answer.compare_unknown", lang)
    return t(
        "answer.compare",
        lang,
        year=a.year,
        metric=metric(a, lang),
        items=sep(lang).join(agency_item(i, a, lang) for i in items),
        change=change,
    ).strip()


def _agencies_total(a: Answer, lang: str) -> str:
    what = "sum" if a.kind.startswith("sum") else "average"
    items = a.detail.get("items", [])
    names = comma(lang).join(i["agency"] for i in items)
    listed = sep(lang).join(agency_item(i, a, lang) for i in items)
    slots = {"year": a.year, "agencies": names, "metric": metric(a, lang), "items": listed}
    if a.value is None:
        return t(
            "answer.agencies_total_missing",
            lang,
            what=t(f"answer.{what}_verb", "zh"),
            what_en=t(f"answer.{what}_verb", "en"),
            **slots,
        )
    return t(
        "answer.agencies_total",
        lang,
        what=t(f"answer.{what}_word", lang),
        value=fmt(a.value),
        unit=unit(a, lang),
        **slots,
    )


KINDS = {
    "change": _change,
    "growth": _change,
    "trend": _trend,
    "sum_years": _over_years,
    "average_years": _over_years,
    "compare_agencies": _compare,
    "sum_agencies": _agencies_total,
    "average_agencies": _agencies_total,
}

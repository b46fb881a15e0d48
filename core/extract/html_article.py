"""Pick the article out of a portal page: navigation, sidebars and footers
around it stay out.  Container names and thresholds live in data/html.toml."""

from __future__ import annotations

from functools import cache
from typing import Any

from lxml import etree

from core.template import load_data

HEADINGS = ("h1", "h2", "h3")


@cache
def html_hints() -> dict[str, Any]:
    d = load_data("html.toml")
    return {
        "drop": tuple(d["drop_tags"]),
        "content": {h.lower(): i for i, h in reversed(list(enumerate(d["content_hints"])))},
        "min_text": d.get("min_text", 80),
        "min_table_cells": d.get("min_table_cells", 12),
        "title": tuple(h.lower() for h in d.get("title_hints", ())),
    }


def tag_of(el: Any) -> str | None:
    tag = el.tag
    return tag if tag.__class__ is str else None  # libxml2 gives HTML tags in lower case


def _text_content(el: Any) -> str:
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def table_rows(table: Any) -> list[Any]:
    out = []
    for child in table:
        t = tag_of(child)
        if t == "tr":
            out.append(child)
        elif t in ("thead", "tbody", "tfoot"):
            out.extend(r for r in child if tag_of(r) == "tr")
    return out


def cell_count(table: Any) -> int:
    return sum(1 for r in table_rows(table) for c in r if c.tag in ("td", "th"))


def is_layout(table: Any) -> bool:
    """A frame table holding the content, not a table of the report."""
    return cell_count(table) <= 1 or table.find(".//table") is not None


def _text_len(el: Any) -> int:
    text = _text_content(el)
    links = sum(len(_text_content(a)) for a in el.iter("a"))
    return len(text.strip()) - links


def _contains(outer: Any, inner: Any) -> bool:
    return any(a is outer for a in inner.iterancestors()) or outer is inner


def find_article(body: Any) -> Any:
    """The element holding the article: a known container name, else the
    element most of the page's text is in; widened to take in the report's
    largest table and a title just outside."""
    hints = html_hints()
    order = hints["content"]
    found: dict[int, list[Any]] = {}
    for el in body.xpath(".//*[@id or @class]"):
        names = [el.get("id") or "", *(el.get("class") or "").split()]
        ranks = [order[n.lower()] for n in names if n.lower() in order]
        if ranks:
            found.setdefault(min(ranks), []).append(el)
    best = None
    for rank in sorted(found):
        ok = [
            el
            for el in found[rank]
            if len(_text_content(el).strip()) >= hints["min_text"]
            or el.find(".//table") is not None
        ]
        if ok:
            best = max(ok, key=lambda e: len(_text_content(e)))
            break
    if best is None:
        best = body
        while True:
            children = [c for c in best if tag_of(c) is not None]
            if not children:
                break
            top = max(children, key=_text_len)
            if _text_len(top) < 0.7 * _text_len(best):
                break
            best = top
    tables = [t for t in body.iter("table") if not is_layout(t)]
    tables = [t for t in tables if cell_count(t) >= hints["min_table_cells"]]
    if tables:
        largest = max(tables, key=cell_count)
        while not _contains(best, largest) and best.getparent() is not None:
            best = best.getparent()
    return _with_title(best)


def _has_title(el: Any) -> bool:
    """Does `el` hold a heading, or an element named like a title (class="title")?"""
    if any(True for _ in el.iter(*HEADINGS)):
        return True
    hints = html_hints()["title"]
    for d in el.xpath(".//*[@id or @class]"):
        for name in [d.get("id") or "", *(d.get("class") or "").split()]:
            words = name.lower().replace("-", "_").split("_")  # article-tit, news_title
            if any(w in hints for w in words):
                return True
    return False


def _with_title(el: Any) -> Any:
    """Climb to a close wrapper holding the title when `el` has none."""
    if _has_title(el):
        return el
    own = len(_text_content(el))
    for parent in list(el.iterancestors())[:3]:
        if tag_of(parent) in ("body", "html"):
            break
        if len(_text_content(parent)) - own > 500:
            break
        if _has_title(parent):
            return parent
    return el

"""Titles a portal page carries outside its article: the article-title block
in the page header, <meta name="ArticleTitle">, the <title> minus the site's
name.  The parser prefers a title in the article itself and falls back on
these (core.parse.meta)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lxml import etree

from core.template import load_data

_SPACE = re.compile(r"\s+")
_MAX_LEN = 120  # a title block longer than this is a paragraph


@cache
def _hints() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    d = load_data("html.toml")
    metas = frozenset(m.lower() for m in d.get("title_meta", ()))
    words = frozenset(h.lower() for h in d.get("title_hints", ()))
    sep = re.compile(d.get("title_separators", r"\s*[_|｜]\s*|\s+[-—–]+\s+"))
    return metas, words, sep


def _text(el: Any) -> str:
    return _SPACE.sub(" ", "".join(el.itertext())).strip()


def _titled(el: Any, words: frozenset[str]) -> bool:
    for name in (el.get("id") or "", *(el.get("class") or "").split()):
        parts = name.lower().replace("-", "_").split("_")
        if any(p in words for p in parts):
            return True
    return False


# elements that may hold a title, in page order (selected in C, not in a Python loop)
_CANDIDATES = etree.XPath("//meta | //title | //h1 | //h2 | //*[@class or @id]")


def title_candidates(root: Any) -> list[tuple[str, str]]:
    """(source, text) of every title-like element of the page, in page order:
    `heading` (h1/h2 or a block named like a title), `meta`, `html_title`."""
    metas, words, sep = _hints()
    found: list[tuple[str, str]] = []
    for el in _CANDIDATES(root):
        tag = el.tag
        if tag == "meta":
            name = (el.get("name") or el.get("property") or "").lower()
            content = (el.get("content") or "").strip()
            if name in metas and content:
                found.append(("meta", _SPACE.sub(" ", content)))
        elif tag == "title":
            full = _text(el)
            found.extend(("html_title", part) for part in sep.split(full) if part.strip())
        elif tag in ("h1", "h2") or _named_title(el, words):
            text = _text(el)
            if 4 <= len(text) <= _MAX_LEN:
                found.append(("heading", text))
    return found


def _named_title(el: Any, words: frozenset[str]) -> bool:
    names = ((el.get("class") or "") + " " + (el.get("id") or "")).lower()
    # a cheap test of the whole string first; most elements have no such name
    return len(names) > 1 and any(w in names for w in words) and _titled(el, words)

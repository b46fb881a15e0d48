"""Decode the bytes of a web page: UTF-8, GBK/GB18030 or whatever it is,
declared in a <meta> or not — never a crash on a wrong guess.

Valid UTF-8 wins over a declaration (a page converted to UTF-8 often keeps its
old `charset=gb2312`); a declared GB2312/GBK is read as GB18030, its superset.
"""

from __future__ import annotations

import codecs
from functools import cache

import charset_normalizer
from lxml import etree

from core.extract.encoding import superset
from core.template import load_data


@cache
def _aliases() -> dict[str, str]:
    return {k.lower(): v for k, v in load_data("html.toml").get("charset_aliases", {}).items()}


def _declared(data: bytes) -> str | None:
    """The charset a <meta> announces, read without trusting it."""
    try:
        root = etree.fromstring(data[:16384], etree.HTMLParser(encoding="latin-1"))
    except Exception:
        return None
    if root is None:
        return None
    for meta in root.iter("meta"):
        charset = meta.get("charset")
        if charset:
            return charset.strip()
        if (meta.get("http-equiv") or "").strip().lower() == "content-type":
            for part in (meta.get("content") or "").split(";"):
                key, _, value = part.partition("=")
                if key.strip().lower() == "charset":
                    return value.strip().strip("'\"")
    return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = _aliases().get(name.lower().strip(), name.lower().strip())
    try:
        return superset(name)
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of an HTML page; never raises on a wrong guess."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page claims.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in dict.fromkeys((_codec(_declared(data)), "gb18030")):
        if enc and enc != "utf-8":
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        best = charset_normalizer.from_bytes(data).best()
        if best is not None:
            return str(best), best.encoding
    except Exception:
        pass
    return data.decode("gb18030", errors="replace"), "gb18030"

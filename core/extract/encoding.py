"""Decode the bytes of a text file: UTF-8 (with or without BOM), GB18030/GBK,
UTF-16 with BOM, or whatever charset-normalizer finds — never a crash."""

from __future__ import annotations

import codecs

# GB2312 and GBK are subsets of GB18030: decoding with the superset never loses text.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "euc_cn": "gb18030"}


def superset(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return _SUPERSETS.get(name, name)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    tried = []
    if declared:
        try:
            tried.append(superset(declared))
        except LookupError:
            pass
    tried += ["utf-8", "gb18030"]
    for enc in dict.fromkeys(tried):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes  # only when no encoding is sure

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        enc = superset(best.encoding)
        return data.decode(enc, errors="replace"), enc
    return data.decode("utf-8", errors="replace"), "utf-8"

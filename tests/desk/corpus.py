"""The batch corpus: the five seed reports and every real report of
tests/corpus (more arrive over time; all are picked up).  While there are
fewer than 30 such files, the batch is topped up with the same files under
other names ("副本2-…") so that a batch of at least 30 is checked."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

from core.extract import SUPPORTED
from tests.conftest import SEEDS

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
MIN_BATCH = 30


def real_files() -> list[Path]:
    """The seeds and every report of tests/corpus (not its label files)."""
    corpus = sorted(
        p for p in CORPUS.iterdir() if p.suffix.lower() in SUPPORTED and p.name != "README.md"
    )
    return [*SEEDS.values(), *corpus]


@cache
def batch_files(minimum: int = MIN_BATCH) -> tuple[tuple[str, bytes], ...]:
    """(name, bytes) of at least `minimum` reports, distinct names."""
    files = [(p.name, p.read_bytes()) for p in real_files()]
    out = list(files)
    copy = 2
    while len(out) < minimum:
        out += [(f"副本{copy}-{name}", data) for name, data in files]
        copy += 1
    return tuple(out)


def zip_of(files, *, gbk_names: bool = False) -> bytes:
    """A .zip of `files`; with `gbk_names` the names are stored in GBK
    without the UTF-8 flag, as Windows' built-in zip does on Chinese systems."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo("年报/" + name)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    raw = buf.getvalue()
    return gbk_zip(raw) if gbk_names else raw


def gbk_zip(raw: bytes) -> bytes:
    """The same zip with its names stored in GBK and no UTF-8 flag (written
    by hand: zipfile always writes non-ASCII names as flagged UTF-8)."""
    import struct

    src = zipfile.ZipFile(io.BytesIO(raw))
    entries = [(i, src.read(i)) for i in src.infolist()]
    out = io.BytesIO()
    central = []
    for info, data in entries:
        name = info.filename.encode("gbk")
        compressed = _deflate(data)
        offset = out.tell()
        crc = zipfile.crc32(data)
        local = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(compressed),
            len(data),
            len(name),
            0,
        )
        out.write(local + name + compressed)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(compressed),
                len(data),
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start = out.tell()
    for c in central:
        out.write(c)
    size = out.tell() - start
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, start, 0)
    )
    return out.getvalue()


def _deflate(data: bytes) -> bytes:
    import zlib

    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()

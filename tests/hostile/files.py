"""An attacker's kit of hostile files, each made at run time from a seed
report or from nothing: what is sent to the command line and the bot to try
to crash, stall or fool them, and the answer each must get.

`KIT` maps a case key to a `Hostile`: the file name it is sent under, how to
make its bytes, and what the reader must answer — the `UnreadableFile` code,
or "report" when the file is a report that must be read (its hostile part
harmless).  The bytes of the big cases are made once per process (cached).
"""

from __future__ import annotations

import io
import os
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from tests.bot.seeds import seed_bytes

READ = "report"  # the file is a report and must be read

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Hostile:
    key: str
    name: str
    make: Callable[[], bytes]
    expect: str  # an UnreadableFile code, or READ
    about: str  # what the case is, for the benchmark's table

    def data(self) -> bytes:
        return _made(self.key)


@cache
def _made(key: str) -> bytes:
    return KIT[key].make()


# ---------------------------------------------------------------- helpers
def seed(fmt: str, number: str = "003") -> bytes:
    return seed_bytes(number, fmt)[1]


def seed_txt(number: str = "003") -> str:
    return seed("txt", number).decode("utf-8")


def random_bytes(n: int, salt: str) -> bytes:
    return random.Random(salt).randbytes(n)


def _rezip(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """A copy of the zip `data` with members replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = replace.get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
        for name, body in (add or {}).items():
            dst.writestr(name, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


# ---------------------------------------------------------------- .docx
def zip_bomb(unpacked: int = 3 * 1024**3) -> bytes:
    """A "docx" whose main part inflates to `unpacked` bytes (about 3 GB from
    3 MB): one deflate block of spaces repeated, each block made with a full
    flush so the copies stand alone."""
    chunk = b" " * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    count = unpacked // len(chunk)
    tail = comp.flush(zlib.Z_FINISH)
    stream = block * count + tail
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    return _raw_zip(
        [
            (
                "[Content_Types].xml",
                _deflate(_CONTENT_TYPES),
                len(_CONTENT_TYPES),
                zlib.crc32(_CONTENT_TYPES),
            ),
            ("_rels/.rels", _deflate(_RELS), len(_RELS), zlib.crc32(_RELS)),
            ("word/document.xml", stream, count * len(chunk), crc),
        ]
    )


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _deflate(data: bytes) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush()


def _raw_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already-deflated members: (name, deflated, size, crc32)."""
    out = io.BytesIO()
    central = []
    for name, body, size, crc in members:
        offset = out.tell()
        fname = name.encode()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(body), size, len(fname), 0
            )
        )
        out.write(fname)
        out.write(body)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(body),
                size,
                len(fname),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + fname
        )
    start = out.tell()
    for c in central:
        out.write(c)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0
        )
    )
    return out.getvalue()


def many_members(count: int = 100_000) -> bytes:
    """A seed .docx with `count` extra empty members."""
    out = io.BytesIO(seed("docx"))
    with zipfile.ZipFile(out, "a") as z:
        for i in range(count):
            z.writestr(f"nianbao/extra{i}.xml", b"")
    return out.getvalue()


def truncated_docx() -> bytes:
    data = seed("docx")
    return data[: len(data) // 2]


def encrypted_docx() -> bytes:
    """A seed .docx saved by Office with an open password (ECMA-376 agile
    encryption: an OLE compound file holding the encrypted package)."""
    import msoffcrypto.format.ooxml

    out = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(seed("docx"))).encrypt("secret", out)
    return out.getvalue()


def legacy_doc_as_docx() -> bytes:
    """An old Word .doc (an OLE compound file) renamed .docx."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HH", 0x3E, 3)
    return header + b"\0" * (512 - len(header)) + random_bytes(4096, "doc")


def _with_doctype(xml: bytes, doctype: bytes, body_ref: bytes) -> bytes:
    head, _, rest = xml.partition(b"?>")
    root_end = rest.index(b">") + 1
    xml = head + b"?>" + doctype + rest
    # an entity reference inside the first text run
    return xml.replace(b"<w:t>", b"<w:t>" + body_ref, 1) if root_end else xml


BILLION_LAUGHS = (
    b'<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
XXE = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def docx_entities(doctype: bytes, ref: bytes) -> bytes:
    data = seed("docx")
    xml = _with_doctype(_document_xml(data), doctype, ref)
    return _rezip(data, {"word/document.xml": xml})


def docx_comments(count: int = 10_000) -> bytes:
    """A seed .docx with `count` comments, each referenced from the body
    (one made by python-docx, the rest written into its parts as XML)."""
    import docx

    d = docx.Document(io.BytesIO(seed("docx")))
    first = next(p for p in d.paragraphs if p.runs)
    d.add_comment(first.runs, text="意见", author="审核人")
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        comments = z.read("word/comments.xml")
    one = re.search(rb"<w:comment [^>]*>.*?</w:comment>", comments, re.S).group(0)
    many = b"".join(
        re.sub(rb'w:id="\d+"', b'w:id="%d"' % i, one).replace("意见".encode(), f"意见{i}".encode())
        for i in range(1000, 1000 + count)
    )
    comments = comments.replace(one, one + many, 1)
    refs = b"".join(
        b'<w:r><w:commentReference w:id="%d"/></w:r>' % i for i in range(1000, 1000 + count)
    )
    xml = _document_xml(data).replace(b"</w:p>", refs + b"</w:p>", 1)
    return _rezip(data, {"word/document.xml": xml, "word/comments.xml": comments})


def docx_rows(rows: int = 10_000) -> bytes:
    """A seed .docx with a table of `rows` rows appended (built as XML: fast)."""
    data = seed("docx")
    row = (
        "<w:tr><w:tc><w:p><w:r><w:t>行</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
    ).encode()
    table = b"<w:tbl>" + row * rows + b"</w:tbl>"
    xml = _document_xml(data).replace(b"<w:sectPr", table + b"<w:sectPr", 1)
    return _rezip(data, {"word/document.xml": xml})


# ---------------------------------------------------------------- .pdf
def pdf_ruled_table(rows: int, *, per_page: int | None = None) -> bytes:
    """A ruled table of `rows` rows and four columns; one tall page, or
    `per_page` rows on each page."""
    from reportlab.pdfgen import canvas

    per_page = per_page or rows
    pitch, width = 12.0, 400.0
    cols = [60, 160, 240, 320, 460]
    buf = io.BytesIO()
    height = per_page * pitch + 72
    c = canvas.Canvas(buf, pagesize=(520, height), invariant=True)
    done = 0
    while done < rows:
        n = min(per_page, rows - done)
        top = height - 36
        c.setLineWidth(0.5)
        for i in range(n + 1):
            c.line(cols[0], top - i * pitch, cols[-1], top - i * pitch)
        for x in cols:
            c.line(x, top, x, top - n * pitch)
        c.setFont("Helvetica", 8)
        for i in range(n):
            y = top - (i + 1) * pitch + 3
            r = done + i + 1
            for j, text in enumerate((f"row {r}", str(r), str(r * 2), str(r * 3))):
                c.drawString(cols[j] + 3, y, text)
        c.showPage()
        done += n
    c.save()
    del width
    return buf.getvalue()


def pdf_pages(pages: int = 2000) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=True)
    for n in range(pages):
        c.setFont("Helvetica", 12)
        c.drawString(72, 760, f"Page {n + 1} of an annual report on information disclosure")
        c.showPage()
    c.save()
    return buf.getvalue()


def _pypdf_encrypt(data: bytes, user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def pdf_owner_only() -> bytes:
    """The seed as a PDF that opens without a password but restricts
    copying and printing (AES-256, an owner password only)."""
    return _pypdf_encrypt(seed("pdf"), "", "owner-secret")


def pdf_user_password() -> bytes:
    return _pypdf_encrypt(seed("pdf"), "open-secret", "owner-secret")


def pdf_damaged() -> bytes:
    """A PDF whose cross-reference table and objects are gone."""
    data = seed("pdf")
    return data[:200] + random_bytes(2000, "pdf-damage")


def pdf_truncated() -> bytes:
    data = seed("pdf")
    return data[: len(data) // 3]


# ---------------------------------------------------------------- HTML
def seed_html(encoding: str = "utf-8", declare: bool = True) -> bytes:
    from core.parse import parse_bytes
    from core.template import load_template
    from tests.support.render import render_html

    report = parse_bytes(seed("txt"), "003.txt")
    return render_html(report, load_template("2021"), encoding=encoding, declare=declare)


def html_entities(doctype: bytes) -> bytes:
    page = seed_html()
    page = page.replace(b"<!DOCTYPE html>", doctype.replace(b"w:document", b"html"), 1)
    return page.replace(b'<div class="TRS_Editor">', b'<div class="TRS_Editor">&lol9;&xxe;', 1)


def html_nested(depth: int = 100_000) -> bytes:
    page = seed_html()
    return page.replace(
        b'<div class="TRS_Editor">',
        b'<div class="TRS_Editor">' + b"<div><span>" * depth + b"x" + b"</span></div>" * depth,
        1,
    )


def html_gbk_declared_utf8() -> bytes:
    return seed_html(encoding="gbk").replace(b'charset="gbk"', b'charset="utf-8"', 1)


def html_rows(rows: int = 10_000) -> bytes:
    table = b"<table>" + b"<tr><td>\xe8\xa1\x8c</td><td>1</td></tr>" * rows + b"</table>"
    return seed_html().replace(b"</body>", table + b"</body>", 1)


# ---------------------------------------------------------------- text
def txt_rows(rows: int = 10_000) -> bytes:
    return (seed_txt() + "\n" + "行\t1\t2\t3\n" * rows).encode()


def md_rows(rows: int = 10_000) -> bytes:
    text = seed_txt() + "\n\n| 项目 | 数量 |\n|---|---|\n" + "| 行 | 1 |\n" * rows
    return text.encode()


def txt_with(title_insert: str) -> bytes:
    """The seed .txt with `title_insert` put inside its title line."""
    lines = seed_txt().split("\n")
    i = next(i for i, line in enumerate(lines) if "年度报告" in line)
    lines[i] = lines[i][:4] + title_insert + lines[i][4:]
    return "\n".join(lines).encode()


def txt_nul_bytes() -> bytes:
    return txt_with("\0\0").replace(b"\n", b"\n\0", 20)


def txt_doctype_leftover() -> bytes:
    return b'<!DOCTYPE x [<!ENTITY a "b">]>\n' + seed("txt")


def big_text(size: int) -> bytes:
    line = "本机关认真贯彻落实政府信息公开条例，持续推进政务公开工作。\n".encode()
    return line * (size // len(line) + 1)


# ---------------------------------------------------------------- the kit
def _kit() -> dict[str, Hostile]:
    cases = [
        Hostile(
            "pdf_table_1000_rows",
            "table-1000.pdf",
            lambda: pdf_ruled_table(1000),
            "not_a_report",
            "one-page PDF, ruled table of 1,000 rows",
        ),
        Hostile(
            "pdf_table_10000_rows",
            "table-10000.pdf",
            lambda: pdf_ruled_table(10_000, per_page=1000),
            "too_many_rows",
            "PDF, ruled table of 10,000 rows over 10 pages",
        ),
        Hostile(
            "pdf_2000_pages", "pages-2000.pdf", pdf_pages, "too_many_pages", "PDF of 2,000 pages"
        ),
        Hostile(
            "pdf_owner_password",
            "owner-only.pdf",
            pdf_owner_only,
            READ,
            "seed PDF with an owner password only (AES-256)",
        ),
        Hostile(
            "pdf_user_password",
            "locked.pdf",
            pdf_user_password,
            "encrypted",
            "seed PDF with an open password",
        ),
        Hostile(
            "pdf_damaged",
            "damaged.pdf",
            pdf_damaged,
            "pdf_damaged",
            "PDF with its body replaced by noise",
        ),
        Hostile(
            "pdf_truncated",
            "truncated.pdf",
            pdf_truncated,
            "pdf_damaged",
            "seed PDF cut to a third",
        ),
        Hostile(
            "docx_zip_bomb",
            "bomb.docx",
            zip_bomb,
            "too_large_unpacked",
            "3 MB .docx inflating to 3 GB",
        ),
        Hostile(
            "docx_many_members",
            "members.docx",
            many_members,
            "too_many_members",
            ".docx with 100,000 zip members",
        ),
        Hostile(
            "docx_truncated",
            "truncated.docx",
            truncated_docx,
            "docx_truncated",
            "seed .docx cut in half",
        ),
        Hostile(
            "docx_encrypted",
            "encrypted.docx",
            encrypted_docx,
            "docx_encrypted",
            "seed .docx with an open password (Office encryption)",
        ),
        Hostile(
            "docx_is_doc", "old.docx", legacy_doc_as_docx, "legacy_doc", "an old .doc renamed .docx"
        ),
        Hostile(
            "docx_billion_laughs",
            "laughs.docx",
            lambda: docx_entities(BILLION_LAUGHS, b"&lol9;"),
            "unsafe_xml",
            ".docx with nested entities (billion laughs)",
        ),
        Hostile(
            "docx_external_entity",
            "xxe.docx",
            lambda: docx_entities(XXE, b"&xxe;"),
            "unsafe_xml",
            ".docx with an external entity (file:///etc/passwd)",
        ),
        Hostile(
            "docx_10000_comments",
            "comments.docx",
            docx_comments,
            READ,
            "seed .docx with 10,000 comments",
        ),
        Hostile(
            "docx_10000_rows",
            "rows.docx",
            docx_rows,
            "too_many_rows",
            "seed .docx plus a 10,000-row table",
        ),
        Hostile(
            "html_billion_laughs",
            "laughs.html",
            lambda: html_entities(BILLION_LAUGHS),
            READ,
            "seed page with nested entities in its DOCTYPE",
        ),
        Hostile(
            "html_external_entity",
            "xxe.html",
            lambda: html_entities(XXE),
            READ,
            "seed page with an external entity in its DOCTYPE",
        ),
        Hostile(
            "html_nested",
            "nested.html",
            html_nested,
            "too_complex",
            "seed page with 100,000 nested elements",
        ),
        Hostile(
            "html_gbk_as_utf8",
            "gbk.html",
            html_gbk_declared_utf8,
            READ,
            "seed page in GBK declaring UTF-8",
        ),
        Hostile(
            "html_10000_rows",
            "rows.html",
            html_rows,
            "too_many_rows",
            "seed page plus a 10,000-row table",
        ),
        Hostile(
            "txt_10000_rows",
            "rows.txt",
            txt_rows,
            "too_many_rows",
            "seed .txt plus a 10,000-row table",
        ),
        Hostile(
            "md_10000_rows", "rows.md", md_rows, "too_many_rows", "seed .md plus a 10,000-row table"
        ),
        Hostile(
            "txt_nul_bytes", "nul.txt", txt_nul_bytes, READ, "seed .txt with NUL bytes in its title"
        ),
        Hostile(
            "txt_escape_codes",
            "escape.txt",
            lambda: txt_with("\x1b[2J\x1b]0;pwned\x07\x1b[31m"),
            READ,
            "seed .txt with terminal escape codes in its title",
        ),
        Hostile(
            "txt_doctype",
            "doctype.txt",
            txt_doctype_leftover,
            READ,
            "seed .txt after a DOCTYPE line",
        ),
        Hostile(
            "txt_50mb", "big.txt", lambda: big_text(50 * 1024 * 1024), "too_large", "50 MB .txt"
        ),
        Hostile(
            "txt_long",
            "long.txt",
            lambda: big_text(12 * 1024 * 1024),
            "too_long",
            "12 MB .txt (4 million characters)",
        ),
        Hostile(
            "shell_name",
            "$(touch pwned); rm -rf ~ `id` | x.txt",
            lambda: seed("txt"),
            READ,
            "seed .txt named with shell metacharacters",
        ),
        Hostile(
            "txt_random",
            "random.txt",
            lambda: random_bytes(64 * 1024, "txt"),
            "not_a_report",
            "64 KB of random bytes named .txt",
        ),
    ]
    for ext in ("docx", "pdf", "html", "md"):
        cases.append(
            Hostile(
                f"{ext}_random",
                f"random.{ext}",
                lambda ext=ext: random_bytes(64 * 1024, ext),
                {"docx": "docx_damaged", "pdf": "pdf_damaged"}.get(ext, "not_a_report"),
                f"64 KB of random bytes named .{ext}",
            )
        )
    for ext in ("txt", "docx", "pdf", "html", "htm", "md"):
        cases.append(
            Hostile(f"{ext}_empty", f"empty.{ext}", lambda: b"", "empty", f"0-byte .{ext}")
        )
    return {c.key: c for c in cases}


KIT = _kit()


def write_kit(folder: os.PathLike, keys: list[str] | None = None) -> dict[str, str]:
    """Write the kit's files into `folder`; key -> path."""
    from pathlib import Path

    folder = Path(folder)
    out = {}
    for key in keys or list(KIT):
        case = KIT[key]
        path = folder / key / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.data())
        out[key] = str(path)
    return out

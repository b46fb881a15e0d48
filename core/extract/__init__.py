"""Turn file bytes into a Document: one small module per file type, same output.

Every file passes the same gate first and last: the limits of the work it
may cause (core.limits: size; pages, zip size and members inside the PDF and
.docx readers; rows and text after reading), a look at what the bytes are
(a PDF, a zip or an old Word file named otherwise is told so), and text
cleaned of control characters, terminal escapes and markup declarations
before it can reach a title, a terminal or the database."""

from __future__ import annotations

from importlib import import_module
from pathlib import PurePath

from core.document import Document, Paragraph, Table, UnreadableFile
from core.extract import legacy
from core.limits import DEFAULT, Limits
from core.normalize import printable, without_declarations

# extension -> module under core.extract exposing extract(data, name) -> Document
EXTRACTORS = {
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
}
SUPPORTED = tuple(sorted((*EXTRACTORS, *legacy.LEGACY)))
# Readers that take the limits themselves (pages, zip members).
_LIMITED = {"docx", "pdf"}
# What a file's first bytes say it is.
_MAGIC = {b"%PDF": "pdf", b"PK\x03\x04": "zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "ole"}
# A text type's bytes per character at most (UTF-8 Chinese: 3; GB18030: 4).
_BYTES_PER_CHAR = 4


def sniff(data: bytes) -> str | None:
    """ "pdf", "zip" or "ole" (an old Office file) by the file's first bytes."""
    head = data[:1024].lstrip()
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    return None


def extract(data: bytes, filename: str, limits: Limits = DEFAULT) -> Document:
    """Read `data` (the bytes of a file called `filename`) into a Document,
    within `limits`; UnreadableFile when it cannot be."""
    ext = PurePath(filename).suffix.lower()
    if ext in legacy.LEGACY:  # old Word and WPS files: converted by LibreOffice
        if len(data) > limits.file_bytes:
            raise UnreadableFile("too_large", filename, size=len(data), limit=limits.file_bytes)
        if not data or not data.strip():
            raise UnreadableFile("empty", filename)
        timeout = min(legacy.DEFAULT_TIMEOUT, 0.8 * limits.seconds)
        data, ext = legacy.to_docx(data, filename, timeout=timeout), ".docx"
    module = EXTRACTORS.get(ext)
    if module is None:
        raise UnreadableFile("unsupported_type", ext or filename, ext=printable(ext or filename))
    if len(data) > limits.file_bytes:
        raise UnreadableFile("too_large", filename, size=len(data), limit=limits.file_bytes)
    if not data or not data.strip():
        raise UnreadableFile("empty", filename)
    _check_kind(module, sniff(data), ext, filename, data)
    if module not in _LIMITED and len(data) > limits.text_chars * _BYTES_PER_CHAR:
        raise UnreadableFile("too_long", filename, limit=limits.text_chars)
    reader = import_module(f"core.extract.{module}")
    if module in _LIMITED:
        doc = reader.extract(data, filename, limits)
    else:
        doc = reader.extract(data, filename)
    doc.name = filename
    within(doc, limits)
    clean(doc)
    return doc


def _check_kind(module: str, kind: str | None, ext: str, filename: str, data: bytes) -> None:
    """A PDF, a zip or an old Word file under the name of another type."""
    if kind == "ole":
        from core.extract.docx import is_encrypted

        code = "docx_encrypted" if module == "docx" and is_encrypted(data) else "legacy_doc"
        raise UnreadableFile(code, filename)
    expected = {"pdf": "pdf", "docx": "zip"}.get(module)
    if kind is not None and kind != expected:
        actual = {"pdf": "PDF", "zip": "ZIP/.docx"}[kind]
        raise UnreadableFile("wrong_type", filename, ext=ext, actual=actual)


def within(doc: Document, limits: Limits) -> None:
    """The Document's tables and text are within `limits`."""
    chars = 0
    for block in doc.blocks:
        if isinstance(block, Table):
            if len(block.rows) > limits.table_rows:
                raise UnreadableFile(
                    "too_many_rows", doc.name or "", count=len(block.rows), limit=limits.table_rows
                )
            chars += sum(len(c.text) for row in block.rows for c in row)
        else:
            chars += len(block.text)
        if chars > limits.text_chars:
            raise UnreadableFile("too_long", doc.name or "", limit=limits.text_chars)


def clean(doc: Document) -> None:
    """Control characters, terminal escapes and markup declarations out of
    every text of the Document; paragraphs left empty are dropped."""
    kept: list[Paragraph | Table] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    if not cell.text.isprintable():
                        cell.text = printable(cell.text)
            kept.append(block)
            continue
        text = without_declarations(printable(block.text)).strip()
        if text:
            block.text = text
            kept.append(block)
    doc.blocks = kept
    for residue in doc.residues:
        residue.text = printable(residue.text)
        if residue.author:
            residue.author = printable(residue.author)

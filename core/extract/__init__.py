"""Turn file bytes into a Document: one small module per file type, same output."""

from __future__ import annotations

from importlib import import_module
from pathlib import PurePath

from core.document import Document, UnreadableFile
from core.extract import legacy

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


def extract(data: bytes, filename: str) -> Document:
    """Read `data` (the bytes of a file called `filename`) into a Document."""
    ext = PurePath(filename).suffix.lower()
    if ext in legacy.LEGACY:  # old Word and WPS files: converted by LibreOffice
        if not data or not data.strip():
            raise UnreadableFile("empty", filename)
        data, ext = legacy.to_docx(data, filename), ".docx"
    module = EXTRACTORS.get(ext)
    if module is None:
        raise UnreadableFile("unsupported_type", ext or filename)
    if not data or not data.strip():
        raise UnreadableFile("empty", filename)
    doc = import_module(f"core.extract.{module}").extract(data, filename)
    doc.name = filename
    return doc

"""Old Word (.doc) files are converted by LibreOffice and read like .docx;
without LibreOffice the user is asked to save them as .docx."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from core.document import UnreadableFile
from core.extract import legacy
from core.parse import parse_bytes, parse_file
from core.template import load_template
from tests.conftest import SEEDS
from tests.support.render import render_docx

needs_soffice = pytest.mark.skipif(
    legacy.soffice() is None, reason="LibreOffice (soffice) is not installed on this machine"
)


def _as_doc(docx: bytes) -> bytes:
    """A real .doc: the .docx saved as Word 97 by LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "r.docx"
        src.write_bytes(docx)
        subprocess.run(
            [
                legacy.soffice(),
                "--headless",
                f"-env:UserInstallation={(Path(tmp) / 'p').as_uri()}",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return (Path(tmp) / "r.doc").read_bytes()


@needs_soffice
def test_a_doc_file_is_read_with_every_cell_of_its_report():
    seed = parse_file(SEEDS["001"])
    doc = _as_doc(render_docx(seed, load_template("2021")))
    assert doc[:4] == b"\xd0\xcf\x11\xe0"  # an OLE compound file, as Word 97 writes
    r = parse_bytes(doc, "硚口区司法局2024年报.doc")
    assert (r.agency, r.year) == (seed.agency, seed.year)
    assert {k: f.value for k, f in r.facts.items()} == {k: f.value for k, f in seed.facts.items()}
    assert [s.key for s in r.sections] == [s.key for s in seed.sections]


def test_a_doc_that_is_not_a_word_file_at_all_is_called_damaged():
    with pytest.raises(UnreadableFile) as exc:
        parse_bytes(b"\xd0\xcf\x11\xe0 this is not a document", "report.doc")
    assert exc.value.code == "corrupt"


@needs_soffice
def test_a_word_file_libreoffice_cannot_convert_asks_for_docx():
    broken = legacy.OLE_MAGIC + b"\0" * 600  # a compound-file header and nothing in it
    with pytest.raises(UnreadableFile) as exc:
        parse_bytes(broken, "report.doc")
    assert exc.value.code == "legacy_doc"


def test_without_libreoffice_an_old_word_file_asks_for_docx(monkeypatch):
    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    with pytest.raises(UnreadableFile) as exc:
        parse_bytes(legacy.OLE_MAGIC + b"\0" * 100, "report.wps")
    assert exc.value.code == "legacy_doc"


def test_a_conversion_that_overruns_its_time_is_killed(monkeypatch, tmp_path):
    slow = tmp_path / "soffice"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    monkeypatch.setattr(legacy, "soffice", lambda: str(slow))
    with pytest.raises(UnreadableFile) as exc:
        legacy.to_docx(legacy.OLE_MAGIC + b"\0" * 100, "r.doc", timeout=0.5)
    assert exc.value.code == "timeout"

"""Old Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice
running headless, when it is installed, then read as .docx.

The conversion runs in a throwaway profile and folder, in a process group of
its own that is killed whole when it overruns its time limit.  Without
LibreOffice, or when it cannot convert the file, the user is asked to save
the file as .docx (unreadable.legacy_doc)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path, PurePath

from core.document import UnreadableFile

LEGACY = (".doc", ".wps")
# Word 97–2003 and WPS files are OLE compound files, which start so
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DEFAULT_TIMEOUT = 60.0  # seconds one conversion may take


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, name: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The bytes of `data` (a .doc or .wps file called `name`) as a .docx."""
    if not data.startswith(OLE_MAGIC):  # LibreOffice would read any bytes as plain text
        raise UnreadableFile("corrupt", name)
    program = soffice()
    if program is None:
        raise UnreadableFile("legacy_doc", name)
    ext = PurePath(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="nianbao-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"report{ext}"
        source.write_bytes(data)
        cmd = [
            program,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(source),
        ]
        _run(cmd, timeout, name)
        out = folder / "report.docx"
        if not out.is_file() or out.stat().st_size == 0:
            raise UnreadableFile("legacy_doc", name)
        return out.read_bytes()


def _run(cmd: list[str], timeout: float, name: str) -> None:
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: killed whole on overrun
    )
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise UnreadableFile("timeout", name, seconds=f"{timeout:g}") from exc

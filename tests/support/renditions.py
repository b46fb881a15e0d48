"""The corpus's real portal pages in the other forms they reach users in: a
page printed to PDF (its navigation above the article, its tables cut by
page breaks), a page opened in a word processor and saved as .docx, and
saved as plain text (every cell on a line of its own, no tabs).
LibreOffice (`soffice --headless`) makes both, with the Chinese font that
nianbao installs (Noto Sans SC) so that the PDF's text layer is real text.

Each rendition is written next to a copy of its page's truth files (the
same report, so the same cells and defects), for benchmarks/accuracy.py."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from core.extract import legacy

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FILTERS = {"pdf": "pdf", "docx": "docx:MS Word 2007 XML", "txt": "txt:Text (encoded):UTF8"}


def _fonts_conf(folder: Path) -> Path:
    """A fontconfig file that adds nianbao's CJK fonts to the machine's."""
    import pylopdf_fonts_zh_cn

    fonts = Path(pylopdf_fonts_zh_cn.__file__).parent
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>'
        f"<cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


_BORDER_ATTR = re.compile(r"""\s(?:border|frame|rules)\s*=\s*("[^"]*"|'[^']*'|\S+)""", re.I)
_BORDER_STYLE = re.compile(r"border[-a-z]*\s*:[^;\"']*;?", re.I)
_NO_BORDERS = "<style>table,tr,td,th{border:none !important}</style>"


def unruled(html: str) -> str:
    """The page with its tables drawn without rules, as a page styled that way
    prints: a PDF whose tables are words on lines, no lines around them."""
    html = _BORDER_STYLE.sub("", _BORDER_ATTR.sub("", html))
    head = re.search(r"<head[^>]*>", html, re.I)
    at = head.end() if head else 0
    return html[:at] + _NO_BORDERS + html[at:]


def render(
    pages: list[Path], kind: str, out: Path, timeout: float = 600, *, rules: bool = True
) -> list[Path]:
    """`pages` (corpus .html files) converted to `kind` ("pdf", "docx" or
    "txt") in `out`, each with its truth files; the renditions' paths.
    `rules=False` draws the tables without rules first (see `unruled`)."""
    exe = legacy.soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for page in pages:
            if rules:
                shutil.copy(page, work / page.name)
            else:
                raw = page.read_bytes()
                charset = re.search(rb"charset\s*=\s*[\"']?([-\w]+)", raw[:4096])
                encoding = charset.group(1).decode("ascii") if charset else "utf-8"
                text = raw.decode(encoding, errors="replace")
                (work / page.name).write_bytes(unruled(text).encode(encoding, errors="replace"))
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(work),
            "FONTCONFIG_FILE": str(_fonts_conf(work)),
        }
        subprocess.run(
            [
                exe,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--convert-to",
                FILTERS[kind],
                "--outdir",
                str(out),
                *[str(work / p.name) for p in pages],
            ],
            env=env,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    made = []
    for page in pages:
        target = out / f"{page.stem}.{kind}"
        if not target.exists():
            continue
        for truth in ("cells", "defects"):
            source = page.with_name(f"{page.name}.{truth}.json")
            if source.exists():
                shutil.copy(source, out / f"{target.name}.{truth}.json")
        made.append(target)
    return made


def portal_pages() -> list[Path]:
    return sorted(CORPUS.glob("*.html"))

"""The corpus's real portal pages in the other forms they reach users in: a
page printed to PDF (its navigation above the article, its tables cut by
page breaks), a page opened in a word processor and saved as .docx, and
saved as plain text (every cell on a line of its own, no tabs).
LibreOffice (`soffice --headless`) makes both, with the Chinese font that
nianbao installs (Noto Sans SC) so that the PDF's text layer is real text.

Each rendition is written next to a copy of its page's truth files (the
same report, so the same cells and defects), for benchmarks/accuracy.py."""

from __future__ import annotations

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


def render(pages: list[Path], kind: str, out: Path, timeout: float = 600) -> list[Path]:
    """`pages` (corpus .html files) converted to `kind` ("pdf" or "docx") in
    `out` ("pdf", "docx" or "txt"), each with its truth files; the renditions' paths."""
    exe = legacy.soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for page in pages:
            shutil.copy(page, work / page.name)
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

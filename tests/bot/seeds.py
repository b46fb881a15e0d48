"""The seed reports as the bot's users send them: .txt as is, .docx built
with python-docx from the parsed seed (tests/support/render.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.parse import parse_bytes
from core.template import load_template
from tests.conftest import FIXTURES, SEEDS
from tests.support.render import render_docx

CLEAN = FIXTURES / "clean_2021.txt"


@cache
def seed_bytes(number: str, fmt: str) -> tuple[str, bytes]:
    """(filename, bytes) of seed `number` as a .txt, .docx or .pdf upload."""
    path: Path = SEEDS[number]
    data = path.read_bytes()
    if fmt == "txt":
        return path.name, data
    report = parse_bytes(data, path.name)
    version = report.format_version if report.format_version in ("2021", "2019") else "2021"
    if fmt == "pdf":
        from tests.support.render_pdf import render_pdf

        return path.stem + ".pdf", render_pdf(report, load_template(version))
    return path.stem + ".docx", render_docx(report, load_template(version))


@cache
def checker_codes(filename: str, data: bytes) -> list[str]:
    """What the checker itself finds in the file, for comparison."""
    from core.check import check_bytes

    _, defects = check_bytes(data, filename)
    return sorted(d.code for d in defects)

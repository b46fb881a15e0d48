"""The files a batch is made of: FILE, DIR (searched recursively) and .zip
arguments expanded into report files; what cannot be taken becomes a
Failure saying why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.archive import Limits, is_archive, unpack
from core.batch.record import Failure
from core.document import UnreadableFile
from core.extract import SUPPORTED

ZIP = ".zip"


@dataclass(frozen=True)
class Source:
    """One report file: on disk (`path`) or already in memory (`data`, from an archive)."""

    name: str
    path: str  # a file path, or "archive.zip/inner/path"
    data: bytes | None = None

    def read(self) -> bytes:
        return self.data if self.data is not None else Path(self.path).read_bytes()


def expand(paths: list[str], limits: Limits | None = None) -> tuple[list[Source], list[Failure]]:
    """The report files named by `paths`, in order, and what could not be used."""
    sources: list[Source] = []
    failures: list[Failure] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                suffix = f.suffix.lower()
                if suffix == ZIP:
                    _add_archive(f, sources, failures, limits)
                elif suffix in SUPPORTED:
                    sources.append(Source(f.name, str(f)))
        elif p.suffix.lower() == ZIP:
            _add_archive(p, sources, failures, limits)
        elif is_archive(p.name):
            failures.append(
                Failure(p.name, "unsupported_archive", p.suffix, str(p), {"ext": p.suffix})
            )
        else:
            sources.append(Source(p.name, str(p)))
    return sources, failures


def archive_sources(
    data: bytes, archive_name: str, limits: Limits | None = None
) -> tuple[list[Source], list[Failure]]:
    """The report files inside the zip `data`; raises UnreadableFile when
    the archive itself cannot be used."""
    unpacked = unpack(data, SUPPORTED, limits)
    sources = [Source(m.name, f"{archive_name}/{m.path}", m.data) for m in unpacked.members]
    failures = [
        Failure(Path(s.path).name or s.path, f"archive.{s.reason}", "", f"{archive_name}/{s.path}")
        for s in unpacked.skipped
    ]
    return sources, failures


def _add_archive(
    path: Path, sources: list[Source], failures: list[Failure], limits: Limits | None
) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        failures.append(Failure(path.name, "unreadable", exc.strerror or "", str(path)))
        return
    try:
        inner, skipped = archive_sources(data, str(path), limits)
    except UnreadableFile as exc:
        failures.append(Failure(path.name, exc.code, exc.detail, str(path), exc.slots))
        return
    if not inner and not skipped:
        failures.append(Failure(path.name, "archive_empty", "", str(path)))
    sources.extend(inner)
    failures.extend(skipped)

"""Unpack a .zip of reports safely, in memory: nothing is written to disk.

Refused or skipped, each with a reason the user is told: names that climb
out of the archive or are absolute (`unsafe_path`), archives inside the
archive (`nested_archive`), encrypted members (`encrypted`), links
(`link`), file types that are not reports (`unsupported_type`), members
beyond the count or size limits (`too_many`, `too_large`) and members whose
declared size does not match what they unpack to (`corrupt`).  The whole
archive is refused (UnreadableFile) when it is not a zip, or when the sum of
what it declares exceeds the total limit — a zip bomb is refused before it
is unpacked.

Member names: a zip made on Chinese Windows stores names in GBK (CP936)
without the UTF-8 flag; Python's zipfile reads those as CP437.  Names are
decoded again here: the Info-ZIP Unicode path field when present, else
UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK).
"""

from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from core.document import UnreadableFile
from core.template import load_data

UTF8_FLAG = 0x800
ENCRYPTED_FLAG = 0x1
UNICODE_PATH_EXTRA = 0x7075
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much one archive may hold."""

    max_members: int = 500  # report files taken from one archive
    max_member_bytes: int = 20 * 1024 * 1024  # one unpacked file
    max_total_bytes: int = 200 * 1024 * 1024  # everything unpacked
    max_ratio: int = 200  # unpacked / packed size of one member


@dataclass(frozen=True)
class Member:
    """One report file taken out of an archive."""

    name: str  # the file name, decoded, without folders
    path: str  # the path inside the archive, decoded
    data: bytes


@dataclass(frozen=True)
class Skipped:
    """A member that was not taken, and why (a key of archive.reason in data/desk.toml)."""

    path: str
    reason: str


@dataclass
class Unpacked:
    members: list[Member] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _config() -> dict:
    return load_data("desk.toml")["archive"]


def is_archive(name: str) -> bool:
    """Whether a file name is one of the archive types (.zip, .rar, .7z …)."""
    return PurePosixPath(name.lower()).suffix in set(_config()["archive_suffixes"])


def decode_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker meant it."""
    if info.flag_bits & UTF8_FLAG:
        return info.filename
    unicode_path = _unicode_path_field(info.extra)
    if unicode_path is not None:
        return unicode_path
    try:
        raw = info.orig_filename.encode("cp437")
    except UnicodeEncodeError:  # not a CP437 reading: leave it as zipfile decoded it
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding).replace("\\", "/")
        except UnicodeDecodeError:
            continue
    return info.filename


def _unicode_path_field(extra: bytes) -> str | None:
    """The Info-ZIP Unicode Path extra field (0x7075): version, CRC32, UTF-8 name."""
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        body = extra[i + 4 : i + 4 + size]
        if tag == UNICODE_PATH_EXTRA and len(body) > 5 and body[0] == 1:
            try:
                return body[5:].decode("utf-8").replace("\\", "/")
            except UnicodeDecodeError:
                return None
        i += 4 + size
    return None


def _unsafe(path: str) -> bool:
    if path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":"):
        return True
    return any(part == ".." for part in path.replace("\\", "/").split("/"))


def _ignored(path: str) -> bool:
    """Files an archiver adds that nobody means to send: __MACOSX/, ._x, ~$x, Thumbs.db."""
    cfg = _config()
    parts = path.split("/")
    if any(p in cfg["ignored_folders"] for p in parts[:-1]):
        return True
    name = parts[-1]
    return name in cfg["ignored_names"] or name.startswith(tuple(cfg["ignored_prefixes"]))


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def unpack(data: bytes, accepted: tuple[str, ...], limits: Limits | None = None) -> Unpacked:
    """The report files (by suffix in `accepted`) in the zip `data`, in
    archive order, and what was skipped.  Raises UnreadableFile when the
    archive itself cannot be used."""
    limits = limits or Limits()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise UnreadableFile("corrupt_archive", type(exc).__name__) from exc  # name: for the log
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_total_bytes:
            raise UnreadableFile("archive_too_large", "", limit=_mb(limits.max_total_bytes))
        out = Unpacked()
        total = 0
        for info in infos:
            path = decode_name(info)
            reason = _refusal(info, path, accepted, limits)
            if reason is None and len(out.members) >= limits.max_members:
                reason = "too_many"
            if reason == "ignored":
                continue
            if reason is not None:
                out.skipped.append(Skipped(path, reason))
                continue
            try:
                body = _read(archive, info, limits.max_member_bytes)
            except _TooLarge:
                out.skipped.append(Skipped(path, "too_large"))
                continue
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
                out.skipped.append(Skipped(path, "corrupt"))
                continue
            total += len(body)
            if total > limits.max_total_bytes:
                raise UnreadableFile("archive_too_large", "", limit=_mb(limits.max_total_bytes))
            name = PurePosixPath(path).name
            out.members.append(Member(name=name, path=path, data=body))
        return out


def _refusal(
    info: zipfile.ZipInfo, path: str, accepted: tuple[str, ...], limits: Limits
) -> str | None:
    if _ignored(path):
        return "ignored"
    if _unsafe(path):
        return "unsafe_path"
    if _is_link(info):
        return "link"
    if info.flag_bits & ENCRYPTED_FLAG:
        return "encrypted"
    if is_archive(path):
        return "nested_archive"
    if PurePosixPath(path.lower()).suffix not in accepted:
        return "unsupported_type"
    if info.file_size > limits.max_member_bytes:
        return "too_large"
    packed = max(info.compress_size, 1)
    if info.file_size > CHUNK and info.file_size / packed > limits.max_ratio:
        return "too_large"
    return None


class _TooLarge(Exception):
    pass


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, never more than `limit` whatever its header claims."""
    buf = bytearray()
    with archive.open(info) as fh:
        while chunk := fh.read(CHUNK):
            buf += chunk
            if len(buf) > limit:
                raise _TooLarge
    return bytes(buf)


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"

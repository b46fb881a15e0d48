"""Reading a report file from disk without trusting it: only a regular file
(a symlink is followed, but a device, a pipe or a folder is refused — a link
to /dev/zero would be read for ever), never more than the size limit, and
every OS error a typed UnreadableFile whose message names the file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from core.document import UnreadableFile
from core.limits import DEFAULT, Limits
from core.normalize import printable


def read_file(path: str | os.PathLike, limits: Limits = DEFAULT) -> bytes:
    """The bytes of the regular file at `path`, at most limits.file_bytes."""
    path = Path(path)
    name = printable(str(path))
    try:
        with open(path, "rb", buffering=0) as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFile("not_a_file", name, name=name)
            if info.st_size > limits.file_bytes:
                raise UnreadableFile(
                    "too_large", name, size=info.st_size, limit=limits.file_bytes, name=name
                )
            data = f.read(limits.file_bytes + 1)  # the file may grow while read
    except IsADirectoryError:
        raise UnreadableFile("not_a_file", name, name=name) from None
    except FileNotFoundError:
        raise UnreadableFile("not_found", name, name=name) from None
    except PermissionError:
        raise UnreadableFile("no_permission", name, name=name) from None
    except OSError as exc:
        code = "not_a_file" if exc.errno in (errno.ENXIO, errno.ENODEV) else "unreadable"
        raise UnreadableFile(code, f"{name}: {exc.strerror}", name=name) from None
    if len(data) > limits.file_bytes:
        raise UnreadableFile("too_large", name, size=len(data), limit=limits.file_bytes, name=name)
    return data

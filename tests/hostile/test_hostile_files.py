"""The attacker's kit (tests/hostile/files.py) against the reader, the
command line and the bot: each file gets its clear, specific answer in the
user's language — never an exception name or an English OS error in a
Chinese reply — the command line exits 2 for what it cannot read, and the
bot goes on serving everyone else."""

from __future__ import annotations

import os
import re

import pytest

from cli.main import main
from core.document import UnreadableFile
from core.jobs import Pool, PooledReader
from core.limits import DEFAULT
from core.unreadable import explain
from tests.hostile.files import KIT, READ, write_kit

# What a reply must never show: exception names, OS errors, library words.
LEAKS = re.compile(
    r"[A-Z][a-z]+(Error|Exception|File)\b|Errno|No such file|Traceback|PSEOF|/Root|lxml|zipfile"
)
BAD_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]|<!DOCTYPE|<!ENTITY")


@pytest.fixture(scope="module")
def reader():
    # as the bot starts it: workers forked from a small server process, not
    # from a test process grown large (its size would count against RLIMIT_AS)
    pool = Pool(DEFAULT, 2, start="forkserver")
    yield PooledReader(pool)
    pool.close(wait=False)


@pytest.mark.parametrize("key", sorted(KIT))
def test_every_hostile_file_gets_its_answer_from_the_reader(reader, key):
    case = KIT[key]
    try:
        report, _ = reader.read(case.data(), case.name)
    except UnreadableFile as exc:
        assert exc.code == case.expect, key
        for lang in ("zh", "en"):
            text = explain(exc, lang)
            assert text and not LEAKS.search(text), text
            assert "{" not in text
        return
    assert case.expect == READ, f"{key} was read; expected {case.expect}"
    assert report.title and "年度报告" in report.title
    assert not BAD_TEXT.search(report.title)
    for block in report.document.blocks:
        assert not BAD_TEXT.search(getattr(block, "text", "")), key


@pytest.fixture(scope="module")
def kit_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kit")
    paths = write_kit(folder)
    (folder / "links").mkdir()
    os.symlink("/dev/zero", folder / "links" / "zero.txt")
    os.symlink(folder / "nowhere.txt", folder / "links" / "dangling.txt")
    (folder / "links" / "folder.txt").mkdir()
    os.symlink(paths["txt_escape_codes"], folder / "links" / "link-to-report.txt")
    return folder, paths


@pytest.mark.parametrize("key", sorted(KIT))
def test_the_command_line_answers_every_hostile_file_and_exits_2_when_unreadable(
    kit_dir, key, capsys
):
    _, paths = kit_dir
    code = main(["check", paths[key]])
    out, err = capsys.readouterr()
    if KIT[key].expect == READ:
        assert code in (0, 1), err
        assert not BAD_TEXT.search(out)
    else:
        assert code == 2
        assert err.startswith("nianbao: ") and not LEAKS.search(err.split(": ", 2)[-1]), err


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("zero.txt", "不是普通文件"),
        ("dangling.txt", "找不到文件"),
        ("folder.txt", "不是普通文件"),
        ("missing.txt", "找不到文件"),
    ],
)
def test_symlinks_devices_folders_and_missing_files_are_refused_clearly(
    kit_dir, link, expected, capsys
):
    folder, _ = kit_dir
    assert main(["check", str(folder / "links" / link)]) == 2
    err = capsys.readouterr().err
    assert expected in err and not LEAKS.search(err.split(": ", 2)[-1])


def test_a_symlink_to_a_real_report_is_read(kit_dir, capsys):
    folder, _ = kit_dir
    assert main(["parse", str(folder / "links" / "link-to-report.txt")]) == 0
    out = capsys.readouterr().out
    assert "许昌市司法局2023年政府信息公开工作年度报告" in out and "\x1b" not in out


def test_ingest_goes_on_past_hostile_files_and_stores_the_reports(kit_dir, tmp_path, capsys):
    folder, _ = kit_dir
    code = main(["ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'kit.sqlite3'}"])
    out = capsys.readouterr().out
    assert code == 1  # some files failed
    lines = out.strip().split("\n")
    assert sum(line.startswith(("new", "unchanged", "superseded")) for line in lines) >= 1
    assert all(not LEAKS.search(line.split("\t", 3)[-1]) for line in lines)
    assert not BAD_TEXT.search(out)

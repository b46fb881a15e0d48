"""Unpacking a .zip of reports: hostile archives are refused or skipped
with a reason; names written on Chinese Windows (GBK) come out right."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from core.archive import Limits, decode_name, unpack
from core.document import UnreadableFile
from core.extract import SUPPORTED
from tests.desk.corpus import gbk_zip, zip_of

REPORT = "东风区司法局2023年政府信息公开工作年度报告.txt"


def make_zip(entries: list[tuple[str, bytes]], **kw) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, **kw) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


def outcome(data: bytes, limits: Limits | None = None):
    u = unpack(data, SUPPORTED, limits)
    return [m.path for m in u.members], [(s.path, s.reason) for s in u.skipped]


def test_report_files_come_out_with_their_names_and_bytes():
    data = make_zip([(f"一月/{REPORT}", b"report text"), ("b.docx", b"PK docx")])
    u = unpack(data, SUPPORTED)
    assert [(m.name, m.path, m.data) for m in u.members] == [
        (REPORT, f"一月/{REPORT}", b"report text"),
        ("b.docx", "b.docx", b"PK docx"),
    ]


def test_gbk_names_without_the_utf8_flag_are_decoded_as_chinese():
    data = zip_of([(REPORT, b"x"), ("硚口区司法局.pdf", b"y")], gbk_names=True)
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert all(i.flag_bits & 0x800 == 0 for i in infos)  # really unflagged
    assert infos[0].filename != f"年报/{REPORT}"  # and zipfile alone gets it wrong
    assert [decode_name(i) for i in infos] == [f"年报/{REPORT}", "年报/硚口区司法局.pdf"]
    assert outcome(data)[0] == [f"年报/{REPORT}", "年报/硚口区司法局.pdf"]


def test_utf8_names_with_the_flag_are_kept():
    data = make_zip([(REPORT, b"x")])
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[0].flag_bits & 0x800
    assert outcome(data)[0] == [REPORT]


def test_names_that_climb_out_or_are_absolute_are_skipped_as_unsafe():
    data = make_zip([("../../etc/evil.txt", b"x"), ("/abs/evil.txt", b"y"), ("ok.txt", b"z")])
    members, skipped = outcome(data)
    assert members == ["ok.txt"]
    assert skipped == [("../../etc/evil.txt", "unsafe_path"), ("/abs/evil.txt", "unsafe_path")]


def test_an_archive_inside_the_archive_is_refused():
    inner = make_zip([("a.txt", b"x")])
    members, skipped = outcome(
        make_zip([("inner.zip", inner), ("more.rar", b"Rar!"), ("a.txt", b"x")])
    )
    assert members == ["a.txt"]
    assert skipped == [("inner.zip", "nested_archive"), ("more.rar", "nested_archive")]


def test_files_that_are_not_reports_are_skipped_and_system_litter_is_ignored():
    data = make_zip(
        [
            ("photo.jpg", b"\xff\xd8"),
            ("__MACOSX/._a.txt", b"junk"),
            ("._b.docx", b"junk"),
            ("~$c.docx", b"lock"),
            ("Thumbs.db", b"x"),
            ("a.txt", b"x"),
        ]
    )
    assert outcome(data) == (["a.txt"], [("photo.jpg", "unsupported_type")])


def test_more_members_than_the_limit_are_skipped_not_unpacked():
    data = make_zip([(f"{i}.txt", b"x") for i in range(5)])
    members, skipped = outcome(data, Limits(max_members=3))
    assert members == ["0.txt", "1.txt", "2.txt"]
    assert skipped == [("3.txt", "too_many"), ("4.txt", "too_many")]


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = make_zip([(f"{i}.txt", b"\0" * (3 * 1024 * 1024)) for i in range(4)])
    assert len(bomb) < 200_000
    with pytest.raises(UnreadableFile) as caught:
        unpack(bomb, SUPPORTED, Limits(max_total_bytes=10 * 1024 * 1024))
    assert caught.value.code == "archive_too_large"


def test_a_member_that_packs_too_tightly_is_skipped_as_too_large():
    data = make_zip([("zeros.txt", b"\0" * (5 * 1024 * 1024)), ("a.txt", b"x")])
    assert outcome(data) == (["a.txt"], [("zeros.txt", "too_large")])


def test_a_member_larger_than_the_per_file_limit_is_skipped():
    data = make_zip([("big.txt", bytes(range(256)) * 8192), ("a.txt", b"x")])
    assert outcome(data, Limits(max_member_bytes=1024 * 1024)) == (
        ["a.txt"],
        [("big.txt", "too_large")],
    )


def test_encrypted_members_and_links_are_skipped():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("secret.txt", b"x")
        link = zipfile.ZipInfo("link.txt")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(link, b"/etc/passwd")
        z.writestr("a.txt", b"x")
    data = bytearray(buf.getvalue())
    central = data.index(b"PK\x01\x02")  # the first entry's central header: secret.txt
    data[central + 8] |= 0x1  # its "encrypted" flag (zipfile cannot write one)
    assert outcome(bytes(data)) == (
        ["a.txt"],
        [("secret.txt", "encrypted"), ("link.txt", "link")],
    )


def test_a_damaged_member_is_skipped_and_the_others_come_out():
    data = bytearray(make_zip([("bad.txt", b"hello world " * 200), ("good.txt", b"x")]))
    start = data.index(b"bad.txt") + len(b"bad.txt") + 10  # inside its deflated body
    data[start : start + 20] = b"\xff" * 20
    members, skipped = outcome(bytes(data))
    assert members == ["good.txt"]
    assert skipped == [("bad.txt", "corrupt")]


def test_bytes_that_are_not_a_zip_are_refused_as_a_whole():
    with pytest.raises(UnreadableFile) as caught:
        unpack(b"this is not a zip", SUPPORTED)
    assert caught.value.code == "corrupt_archive"


def test_a_gbk_zip_made_by_hand_opens_in_python_zipfile_too():
    data = gbk_zip(make_zip([(REPORT, b"abc")]))
    assert (
        zipfile.ZipFile(io.BytesIO(data)).read(zipfile.ZipFile(io.BytesIO(data)).infolist()[0])
        == b"abc"
    )

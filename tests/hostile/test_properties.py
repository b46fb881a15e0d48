"""Properties (hypothesis): any bytes under any supported name give a Report
or a typed UnreadableFile — never another exception — and whatever text a
report's title holds survives a round trip through the store, cleaned."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.document import UnreadableFile
from core.extract import SUPPORTED
from core.limits import DEFAULT
from core.normalize import printable
from core.parse import parse_bytes
from core.report import Report
from core.store.repository import Store
from tests.hostile.files import seed, seed_txt

LIMITS = DEFAULT.but(text_chars=200_000)
PREFIXES = st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ext=st.sampled_from(SUPPORTED), head=PREFIXES, body=st.binary(max_size=4096))
def test_any_bytes_of_any_type_give_a_report_or_a_typed_unreadable_file(ext, head, body):
    try:
        assert isinstance(parse_bytes(head + body, "x" + ext, LIMITS), Report)
    except UnreadableFile as exc:
        assert exc.code


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=40_000), noise=st.binary(min_size=1, max_size=64))
def test_damaged_real_files_give_a_report_or_a_typed_unreadable_file(cut, noise):
    for fmt in ("docx", "pdf"):
        data = seed(fmt)
        data = data[: cut % len(data)] + noise + data[cut % len(data) + len(noise) :]
        try:
            parse_bytes(data, "x." + fmt, LIMITS)
        except UnreadableFile as exc:
            assert exc.code


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extra=st.text(max_size=30))
def test_any_text_in_a_title_survives_the_store_cleaned(tmp_path_factory, extra):
    text = seed_txt()
    line = next(x for x in text.split("\n") if "年度报告" in x)
    data = text.replace(line, line[:4] + extra.replace("\n", "") + line[4:], 1).encode()
    try:
        report = parse_bytes(data, "t.txt", LIMITS)
    except UnreadableFile:
        return
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('p') / 's.sqlite3'}")
    try:
        res = store.ingest_bytes(data, "t.txt", chat_id=1)
        stored = store.report_summary(res.report_id)
        assert stored.title == report.title
        assert stored.title is None or printable(stored.title) == stored.title
    finally:
        store.close()

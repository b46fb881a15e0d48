"""The store on SQLite and on a real PostgreSQL: files, agencies, cells,
defects, versions, visibility and cross-year checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from core.parse import parse_bytes
from core.qa import ask
from core.store.db import session
from core.store.models import Agency, DefectRecord, Fact, Report, StoredFile
from tests.conftest import seed_path

QA = Path(__file__).parents[1] / "fixtures" / "qa"
TELEGRAM_GROUP = -1001234567890  # Telegram group ids do not fit in 32 bits


def ingest(store, path: Path, **kw):
    return store.ingest_bytes(path.read_bytes(), path.name, **kw)


def count(store, model) -> int:
    with session(store.engine) as s:
        return s.execute(select(func.count()).select_from(model)).scalar()


def test_a_seed_is_stored_with_its_agency_year_title_and_every_cell(store):
    path = seed_path("001")
    res = ingest(store, path, published=True)
    assert (res.status, res.report.agency, res.report.year) == ("new", "硚口区司法局", 2024)
    with session(store.engine) as s:
        row = s.get(Report, res.report_id)
        agency = s.get(Agency, row.agency_id)
        facts = {f.key: f for (f,) in s.execute(select(Fact).where(Fact.report_id == row.id))}
        stored = s.get(StoredFile, row.sha256)
    assert (agency.name, agency.norm, agency.issuer_kind) == (
        "硚口区司法局",
        "硚口区司法局",
        "department",
    )
    assert "硚口司法局" in agency.aliases
    assert (row.year, row.title, row.closing_date) == (
        2024,
        "硚口区司法局2024年政府信息公开工作年度报告",
        date(2025, 1, 10),
    )
    cells = {k for k, f in facts.items() if f.status != "derived"}
    assert cells == set(parse_bytes(path.read_bytes(), path.name).facts)
    derived = {k: (f.value, f.raw) for k, f in facts.items() if f.status == "derived"}
    assert derived == {
        "t3.denied.total": (0, ""),
        "t3.unable.total": (0, ""),
        "t3.not_processed.total": (0, ""),
        "t3.other.total": (0, ""),
        "t4.litigation.total": (0, ""),
    }
    assert (facts["t3.new_received.total"].value, facts["t3.new_received.total"].raw) == (0, "0")
    assert stored.data == path.read_bytes() and stored.size == len(stored.data)


def test_a_blank_cell_is_stored_as_blank_not_as_zero(store):
    res = ingest(store, seed_path("002"), published=True)
    with session(store.engine) as s:
        f = s.get(Fact, ("t3.new_received.total", 2022, res.report_id))
    assert (f.value, f.status) == (None, "blank")


def test_the_same_file_again_changes_nothing(store):
    first = ingest(store, seed_path("000"), published=True)
    before = (
        count(store, Report),
        count(store, Fact),
        count(store, DefectRecord),
        count(store, StoredFile),
    )
    again = ingest(store, seed_path("000"), published=True)
    assert (again.status, again.report_id) == ("unchanged", first.report_id)
    assert (
        count(store, Report),
        count(store, Fact),
        count(store, DefectRecord),
        count(store, StoredFile),
    ) == before
    assert [d.code for d in again.defects] == [d.code for d in first.defects]


def test_a_new_version_supersedes_the_old_one_and_keeps_it_as_history(store):
    old = ingest(store, QA / "variants" / "hongshan_2023_v1.txt", published=True)
    new = ingest(store, QA / "hongshan_2023.txt", published=True)
    assert (old.status, new.status, new.superseded_id) == ("new", "superseded", old.report_id)
    with session(store.engine) as s:
        old_row, new_row = s.get(Report, old.report_id), s.get(Report, new.report_id)
        assert (old_row.current, old_row.superseded_by, new_row.current) == (
            False,
            new.report_id,
            True,
        )
        assert s.get(Fact, ("t3.new_received.total", 2023, old.report_id)).value == 11
    assert ask(store, "洪山区司法局2023年收到多少申请").value == 12


def test_an_unreadable_file_fails_with_a_reason_and_stores_nothing(store):
    res = store.ingest_bytes(b"\x00\x01 not a report", "draft.xyz")
    assert (res.status, res.report_id, res.error_code) == ("failed", None, "unsupported_type")
    assert ".xyz" in res.message("zh") and ".xyz" in res.message("en")
    assert count(store, Report) == count(store, StoredFile) == 0


def test_a_report_uploaded_in_a_chat_is_private_until_published(store):
    res = ingest(store, QA / "jiangan_2023.txt", chat_id=TELEGRAM_GROUP, user_id=7_000_000_001)
    question = "江岸区司法局2023年收到多少申请"
    assert ask(store, question, chat_id=TELEGRAM_GROUP).value == 25
    assert ask(store, question, chat_id=42).kind == "no_data"
    assert ask(store, question).kind == "no_data"
    store.publish(res.report_id)
    assert ask(store, question, chat_id=42).value == 25
    assert store.report_summary(res.report_id).published is True


def test_reports_of_a_chat_are_listed_newest_first_with_their_defect_counts(store):
    a = ingest(store, QA / "qiaokou_2022.txt", chat_id=5)
    b = ingest(store, QA / "qiaokou_2023.txt", chat_id=5)
    ingest(store, QA / "jiangan_2023.txt", chat_id=6)
    listed = store.reports_for_chat(5)
    assert [(r.id, r.agency, r.year) for r in listed] == [
        (b.report_id, "硚口区司法局", 2023),
        (a.report_id, "硚口区司法局", 2022),
    ]
    assert (listed[0].errors, listed[0].warnings) == (b.count("error"), b.count("warning"))
    assert store.latest_report_for_chat(5, 2023).id == b.report_id
    assert store.latest_report_for_chat(5, 2021) is None


def test_the_same_file_in_another_chat_is_stored_for_that_chat(store):
    first = ingest(store, QA / "qiaokou_2022.txt", chat_id=5)
    other = ingest(store, QA / "qiaokou_2022.txt", chat_id=6)
    assert (other.status, other.report_id != first.report_id) == ("new", True)
    assert count(store, StoredFile) == 1


def test_cross_year_defects_appear_in_the_newer_report_when_last_year_is_stored(store):
    ingest(store, QA / "variants" / "qiaokou_2023_forward2.txt", published=True)
    res = ingest(store, seed_path("001"), published=True)
    x1 = [d for d in res.defects if d.code == "X1-CARRY"]
    assert [(d.category, d.location.column) for d in x1][:1] == [("cross_year", "total")]
    assert x1[0].evidence["cells"] == {
        "t3.carried_over.total": 0,
        "prev:t3.carried_forward.total": 2,
    }
    with session(store.engine) as s:
        codes = [
            c
            for (c,) in s.execute(
                select(DefectRecord.code).where(DefectRecord.report_id == res.report_id)
            )
        ]
    assert "X1-CARRY" in codes


def test_cross_year_defects_are_added_when_last_year_arrives_after_this_year(store):
    res = ingest(store, seed_path("001"), published=True)
    assert not any(d.category == "cross_year" for d in res.defects)
    ingest(store, QA / "variants" / "qiaokou_2023_forward2.txt", published=True)
    with session(store.engine) as s:
        codes = [
            c
            for (c,) in s.execute(
                select(DefectRecord.code).where(DefectRecord.report_id == res.report_id)
            )
        ]
    assert "X1-CARRY" in codes
    assert store.report_summary(res.report_id).errors >= 1


def test_consistent_years_give_no_cross_year_defect(store):
    ingest(store, QA / "qiaokou_2023.txt", published=True)
    res = ingest(store, seed_path("001"), published=True)
    assert [d.code for d in res.defects if d.category == "cross_year" and d.code != "X4-COPY"] == []


def test_defects_are_stored_with_messages_in_both_languages(store):
    res = ingest(store, seed_path("002"), published=True)
    with session(store.engine) as s:
        rows = [
            d
            for (d,) in s.execute(
                select(DefectRecord).where(DefectRecord.report_id == res.report_id)
            )
        ]
    assert len(rows) == len(res.defects) > 0
    assert all(r.message_zh and r.message_en for r in rows)
    assert store.report_summary(res.report_id).errors == res.count("error") > 0


def test_a_chat_sees_its_own_draft_before_the_published_version_and_counts_it_once(store):
    ingest(store, QA / "variants" / "hongshan_2023_v1.txt", published=True)  # 11 applications
    ingest(store, QA / "hongshan_2023.txt", chat_id=9)  # 12, private to chat 9
    ingest(store, QA / "jiangan_2023.txt", published=True)  # 25
    figure = "洪山区司法局2023年收到多少申请"
    assert (ask(store, figure, chat_id=9).value, ask(store, figure, chat_id=8).value) == (12, 11)
    total = "2023年各司法局合计收到多少申请"
    assert [
        (a.value, a.detail["count"])
        for a in (ask(store, total, chat_id=9), ask(store, total, chat_id=8))
    ] == [
        (37, 2),
        (36, 2),
    ]
    ranking = ask(store, "2023年哪些司法局收到的申请最多", chat_id=9)
    assert [(i["agency"], i["value"]) for i in ranking.value] == [
        ("江岸区司法局", 25),
        ("洪山区司法局", 12),
    ]


def test_publishing_a_new_version_replaces_the_published_one_for_everyone(store):
    old = ingest(store, QA / "variants" / "hongshan_2023_v1.txt", published=True)
    new = ingest(store, QA / "hongshan_2023.txt", chat_id=9)
    store.publish(new.report_id)
    assert ask(store, "洪山区司法局2023年收到多少申请", chat_id=8).value == 12
    assert ask(store, "洪山区司法局2023年收到多少申请").value == 12
    assert store.report_summary(old.report_id).current is False
    total = ask(store, "2023年各司法局合计收到多少申请", chat_id=8)
    assert (total.value, total.detail["count"]) == (12, 1)


def test_many_parsed_reports_are_stored_in_one_go_with_the_same_rules(store):
    paths = [
        QA / "qiaokou_2022.txt",
        QA / "qiaokou_2023.txt",
        QA / "variants" / "hongshan_2023_v1.txt",
    ]
    reports = [parse_bytes(p.read_bytes(), p.name) for p in paths]
    first = store.ingest_parsed(reports)
    assert (first.new, first.unchanged, first.superseded, first.facts) == (3, 0, 0, 3 * (200 + 5))
    again = store.ingest_parsed(reports[:1])
    assert (again.new, again.unchanged) == (0, 1)
    newer = parse_bytes((QA / "hongshan_2023.txt").read_bytes(), "hongshan_2023.txt")
    assert store.ingest_parsed([newer]).superseded == 1
    assert ask(store, "硚口区司法局2023年收到多少申请").value == 7
    ranking = ask(store, "2023年哪些司法局收到的申请最多")
    assert [(i["agency"], i["value"]) for i in ranking.value] == [
        ("洪山区司法局", 12),
        ("硚口区司法局", 7),
    ]


def test_a_report_is_visible_to_its_own_chat_and_to_nobody_else_until_published(store):
    res = ingest(store, seed_path("001"), chat_id=TELEGRAM_GROUP, user_id=7)
    rid = res.report_id
    assert store.visible_report(rid, TELEGRAM_GROUP).id == rid
    assert store.visible_report(rid, 42) is None
    assert store.visible_report(rid, None) is None
    for forged in (rid + 1000, 0, -1, str(rid), True, None):
        assert store.visible_report(forged, TELEGRAM_GROUP) is None
    store.publish(rid)
    assert store.visible_report(rid, 42).id == rid

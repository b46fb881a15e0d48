"""The store: what the bot and the command line call.  All methods are
synchronous (the bot calls them in a thread) and use short-lived sessions.

Visibility: a report uploaded in a chat is private to that chat until
published (`publish`); `nianbao ingest` publishes what it stores unless
told `--private`.  Questions are answered by core.qa (`core.qa.ask(store,
…)`), which reads through core.store.queries: with a chat it sees published
reports and that chat's own (its own version first); without a chat (the
command line) published reports and those ingested without a chat.

Versions: the same bytes again change nothing ("unchanged"); a new version
of the same agency and year supersedes the older one of the same chat (or
of the command line) and, once published, the older published one — the
old rows stay as history (see core.store.versions).

Cross-year checks: a report is checked against last year's stored report
of the same agency (its stored bytes parsed again), and when last year's
report arrives after this year's, this year's defects are checked again."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.defect import Defect
from core.document import UnreadableFile
from core.jobs import Reader
from core.report import Report
from core.store import ingest as ing
from core.store import versions
from core.store.db import init_db, make_engine, session
from core.store.ingest import IngestResult
from core.store.models import Agency, StoredFile
from core.store.models import Report as ReportRow

log = logging.getLogger(__name__)

__all__ = ["Store", "IngestResult", "ReportSummary"]


@dataclass(frozen=True)
class ReportSummary:
    id: int
    agency: str | None
    year: int | None
    title: str | None
    errors: int
    warnings: int
    infos: int
    published: bool
    created_at: datetime
    current: bool = True
    chat_id: int | None = None
    filename: str = ""


class Store:
    """`reader` reads and checks the files (core.jobs): in this process by
    default, in worker processes with time and memory limits when the
    caller (bot, command line) passes a PooledReader."""

    def __init__(
        self, url: str | None = None, *, parsed_cache: int = 64, reader: Reader | None = None
    ) -> None:
        self.url = url
        self.reader = reader or Reader()
        self.engine = make_engine(url)
        init_db(self.engine)
        self._parsed: OrderedDict[str, Report] = OrderedDict()
        self._parsed_max = parsed_cache
        self._lock = threading.Lock()

    def close(self) -> None:
        self.engine.dispose()
        self.reader.close()

    # ------------------------------------------------------------ ingesting
    def ingest_bytes(
        self,
        data: bytes,
        filename: str,
        *,
        user_id: int | None = None,
        chat_id: int | None = None,
        published: bool = False,
    ) -> IngestResult:
        """Parse, check and store one file; never raises on a bad file."""
        sha = hashlib.sha256(data).hexdigest()
        try:
            report, first = self._read(sha, data, filename)
        except UnreadableFile as exc:
            return _failed(exc, filename)
        except Exception as exc:  # a parser bug must not take the caller down
            log.exception("parsing %s failed", filename)
            return IngestResult(
                None,
                "failed",
                error_code="internal",
                error_detail=type(exc).__name__,
                filename=filename,
            )
        for attempt in range(3):
            try:
                return self._store(report, first, sha, data, filename, user_id, chat_id, published)
            except IntegrityError:  # another process added the same agency or file
                if attempt == 2:
                    raise
            except UnreadableFile as exc:  # last year's check ran over a limit
                return _failed(exc, filename)
        raise AssertionError("unreachable")

    def _store(
        self, report, first, sha, data, filename, user_id, chat_id, published
    ) -> IngestResult:
        with session(self.engine) as s:
            agency = ing.agency_for(s, report.agency, report.issuer_kind)
            same = ing.find_same_file(s, sha, chat_id)
            previous = self._previous(s, agency, report.year, chat_id)
            defects = first if previous is None else self.reader.check(report, previous)
            if same is not None:
                s.rollback()
                return IngestResult(same.id, "unchanged", report, defects, filename=filename)
            ing.store_file(s, sha, data, filename)
            row = ing.add_report(
                s,
                report,
                defects,
                sha=sha,
                filename=filename,
                agency=agency,
                user_id=user_id,
                chat_id=chat_id,
                published=published,
            )
            old = versions.supersede(s, row)
            self._recheck_next_year(s, row, report)
            s.commit()
        status = "superseded" if old else "new"
        return IngestResult(row.id, status, report, defects, filename=filename, superseded_id=old)

    def _read(self, sha: str, data: bytes, filename: str) -> tuple[Report, list[Defect]]:
        """The file parsed and checked without last year's report (one job)."""
        cached = self._cached(sha)
        if cached is not None:
            return cached, self.reader.check(cached, None)
        report, defects = self.reader.read(data, filename)
        self._keep(sha, report)
        return report, defects

    def _parse(self, sha: str, data: bytes, filename: str) -> Report:
        cached = self._cached(sha)
        if cached is not None:
            return cached
        report = self.reader.parse(data, filename)
        self._keep(sha, report)
        return report

    def _cached(self, sha: str) -> Report | None:
        with self._lock:
            if sha in self._parsed:
                self._parsed.move_to_end(sha)
                return self._parsed[sha]
        return None

    def _keep(self, sha: str, report: Report) -> None:
        with self._lock:
            self._parsed[sha] = report
            while len(self._parsed) > self._parsed_max:
                self._parsed.popitem(last=False)

    def _parsed_row(self, s, row: ReportRow) -> Report | None:
        f = s.get(StoredFile, row.sha256)
        if f is None or f.data is None:
            return None
        try:
            return self._parse(row.sha256, f.data, f.filename)
        except UnreadableFile as exc:  # a stored file read again over a limit
            log.warning("re-reading stored report %s: %s", row.id, exc.code)
            return None
        except Exception:  # a stored file the current parser cannot read
            log.exception("re-reading stored report %s failed", row.id)
            return None

    def _previous(
        self, s, agency: Agency | None, year: int | None, chat_id: int | None
    ) -> Report | None:
        """Last year's stored report of the same agency that this chat can see."""
        if agency is None or agency.id is None or year is None:
            return None
        from core.store import queries

        ref = queries.reports_of_agency(s, agency.id, chat_id).get(year - 1)
        return self._parsed_row(s, s.get(ReportRow, ref.id)) if ref else None

    def _recheck_next_year(self, s, row: ReportRow, report: Report) -> None:
        """Next year's stored reports gain their cross-year defects now."""
        if row.agency_id is None or row.year is None:
            return
        stmt = select(ReportRow).where(
            ReportRow.agency_id == row.agency_id, ReportRow.year == row.year + 1, ReportRow.current
        )
        for (nxt,) in s.execute(stmt):
            if not (nxt.chat_id == row.chat_id or row.published):
                continue
            parsed = self._parsed_row(s, nxt)
            if parsed is not None:
                ing.replace_defects(s, nxt, self.reader.check(parsed, report))

    def recheck(self, report_ids: list[int]) -> int:
        """Check stored reports again against last year's stored report of
        their agency (after a batch whose reports were stored side by side);
        the number of reports checked again."""
        done = 0
        with session(self.engine) as s:
            for report_id in report_ids:
                row = s.get(ReportRow, report_id)
                if row is None or row.agency_id is None or row.year is None:
                    continue
                previous = self._previous(s, s.get(Agency, row.agency_id), row.year, row.chat_id)
                parsed = self._parsed_row(s, row) if previous is not None else None
                if parsed is not None:
                    ing.replace_defects(s, row, self.reader.check(parsed, previous))
                    done += 1
            s.commit()
        return done

    def ingest_parsed(
        self,
        reports: list[Report],
        defects: list[list[Defect]] | None = None,
        *,
        chat_id: int | None = None,
        published: bool = True,
    ):
        """Store already-parsed reports in one transaction (imports, benchmarks);
        no file bytes are kept, so no cross-year re-check happens."""
        from core.store.bulk import ingest_many

        return ingest_many(self.engine, reports, defects, chat_id=chat_id, published=published)

    def analyze(self) -> None:
        """Refresh the query planner's statistics after a large import
        (PostgreSQL; SQLite plans well on its indexes alone)."""
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()

    # ------------------------------------------------------------ reports
    def reports_for_chat(self, chat_id: int) -> list[ReportSummary]:
        """The current reports uploaded in `chat_id`, newest first."""
        with session(self.engine) as s:
            stmt = _summary_select().where(ReportRow.chat_id == chat_id, ReportRow.current)
            return [_summary(r) for r in s.execute(stmt.order_by(ReportRow.id.desc()))]

    def report_summary(self, report_id: int) -> ReportSummary | None:
        with session(self.engine) as s:
            row = s.execute(_summary_select().where(ReportRow.id == report_id)).first()
            return _summary(row) if row else None

    def visible_report(self, report_id: object, chat_id: int | None) -> ReportSummary | None:
        """The report `report_id` if chat `chat_id` may see it — its own upload,
        or a published one — else None: the same None for an id that does not
        exist, so a foreign id tells nothing.  `report_id` may come from a
        client and is checked here, never trusted."""
        if not isinstance(report_id, int) or isinstance(report_id, bool) or report_id < 1:
            return None
        summary = self.report_summary(report_id)
        if summary is None:
            return None
        if summary.published or (chat_id is not None and summary.chat_id == chat_id):
            return summary
        return None

    def latest_report_for_chat(self, chat_id: int, year: int) -> ReportSummary | None:
        with session(self.engine) as s:
            stmt = _summary_select().where(
                ReportRow.chat_id == chat_id, ReportRow.year == year, ReportRow.current
            )
            row = s.execute(stmt.order_by(ReportRow.id.desc()).limit(1)).first()
            return _summary(row) if row else None

    def publish(self, report_id: int) -> None:
        """Make a report visible to every chat."""
        with session(self.engine) as s:
            versions.publish(s, report_id)
            s.commit()

    def delete_draft(self, report_id: object, chat_id: int) -> bool:
        """Delete an unpublished report of `chat_id` with its cells, defects
        and file (see core.store.removal); False when it is not one."""
        from core.store.removal import delete_draft

        if not isinstance(report_id, int) or isinstance(report_id, bool):
            return False
        with session(self.engine) as s:
            sha = delete_draft(s, report_id, chat_id)
            s.commit()
        if sha:
            with self._lock:
                self._parsed.pop(sha, None)
        return sha is not None

    def defects_of(self, report_id: int) -> list:
        from core.store import queries

        with session(self.engine) as s:
            return queries.defects(s, report_id)


def _failed(exc: UnreadableFile, filename: str) -> IngestResult:
    return IngestResult(
        None,
        "failed",
        error_code=exc.code,
        error_detail=exc.detail,
        filename=filename,
        error_slots=dict(exc.slots),
    )


def _summary_select():
    return select(
        ReportRow.id,
        Agency.name,
        ReportRow.year,
        ReportRow.title,
        ReportRow.errors,
        ReportRow.warnings,
        ReportRow.infos,
        ReportRow.published,
        ReportRow.created_at,
        ReportRow.current,
        ReportRow.chat_id,
        ReportRow.filename,
        ReportRow.agency_written,
    ).outerjoin(Agency, Agency.id == ReportRow.agency_id)


def _summary(row) -> ReportSummary:
    *fields, written = row
    fields[1] = fields[1] or written
    return ReportSummary(*fields)

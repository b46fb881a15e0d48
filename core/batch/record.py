"""What a batch keeps of each report: its metadata, defects and figures as
plain records (small, picklable, the same whether they come from the checker
in a worker process or from the database), and the files that could not be
read, with why."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.defect import SEVERITIES, Defect, DefectLocation
from core.messages import LANGS

SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
NOT_THE_REPORTS_FAULT = frozenset({"reading"})  # what we could not read is not a defect


@dataclass(frozen=True)
class DefectRow:
    code: str
    category: str
    severity: str
    table: str | None
    row: str | None
    column: str | None
    message: dict[str, str]  # by language
    hint: dict[str, str]
    where: dict[str, str]  # the full location in words, by language

    @classmethod
    def of_defect(cls, d: Defect) -> DefectRow:
        loc = d.location
        return cls(
            d.code,
            d.category,
            d.severity,
            loc.table,
            loc.row,
            loc.column,
            {lang: d.message(lang) for lang in LANGS},
            {lang: d.hint(lang) for lang in LANGS},
            {lang: loc.describe(lang) for lang in LANGS},
        )

    @classmethod
    def of_record(cls, rec: Any) -> DefectRow:
        """From a stored defect (core.store.models.DefectRecord)."""
        fields = DefectLocation.__dataclass_fields__
        loc = DefectLocation(**{k: v for k, v in (rec.location or {}).items() if k in fields})
        return cls(
            rec.code,
            rec.category,
            rec.severity,
            rec.table_key or loc.table,
            rec.row_key or loc.row,
            rec.column_key or loc.column,
            {"zh": rec.message_zh, "en": rec.message_en or rec.message_zh},
            {"zh": rec.hint_zh, "en": rec.hint_en or rec.hint_zh},
            {lang: loc.describe(lang) for lang in LANGS},
        )

    def text(self, part: str, lang: str) -> str:
        texts = getattr(self, part)
        return texts.get(lang) or texts.get("zh", "")


@dataclass(frozen=True)
class FigureRow:
    key: str  # t3.new_received.total
    value: float | int | None
    raw: str
    status: str  # number | blank | text | invalid


def figure_value(value: Any) -> float | int | None:
    """A cell's number as int when whole (counts), else float."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass
class Checked:
    """One report that was read and checked."""

    name: str  # the file name as sent
    unit: str | None
    year: int | None
    title: str | None
    format_version: str  # 2021 | 2019 | pre2019 | unknown
    issuer_kind: str
    source: str  # txt | docx | html | md | pdf
    defects: list[DefectRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)
    report_id: int | None = None  # when stored
    status: str = "checked"  # checked | new | superseded | unchanged
    path: str = ""  # where it came from: a path, or a path inside an archive

    def count(self, severity: str) -> int:
        return sum(1 for d in self.defects if d.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    @property
    def infos(self) -> int:
        return self.count("info")

    def problems(self) -> list[DefectRow]:
        """The report's own defects, most serious first (what could not be
        read is not the report's fault and is left out)."""
        own = [d for d in self.defects if d.category not in NOT_THE_REPORTS_FAULT]
        return sorted(own, key=lambda d: SEVERITY_RANK.get(d.severity, 9))

    @property
    def unsure(self) -> bool:
        """Some part of the file could not be read reliably."""
        return any(d.category in NOT_THE_REPORTS_FAULT for d in self.defects)


@dataclass(frozen=True)
class Failure:
    """A file that could not be checked: an unreadable code of
    data/messages.toml (unreadable.*), or "archive." and an archive reason of
    data/desk.toml (archive.reason.*) for a member skipped in an archive."""

    name: str
    code: str
    detail: str = ""  # for the log only: never shown to a user
    path: str = ""
    slots: dict = field(default_factory=dict, compare=False, hash=False)  # the message's


@dataclass
class Batch:
    checked: list[Checked] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.checked) + len(self.failures)


def checked_of(report: Any, defects: list[Defect], name: str, path: str = "") -> Checked:
    """A Checked from the parser's Report and the checker's defects."""
    return Checked(
        name=name,
        unit=report.agency,
        year=report.year,
        title=report.title,
        format_version=report.format_version,
        issuer_kind=report.issuer_kind,
        source=report.document.source,
        defects=[DefectRow.of_defect(d) for d in defects],
        figures=[
            FigureRow(k, figure_value(f.value), f.raw or "", f.status)
            for k, f in report.facts.items()
        ],
        path=path or name,
    )

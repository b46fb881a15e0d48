"""What the reports of the question set hold, as read by a person — never by
the parser: the five seeds (their cells as tests/parse/test_seed_cells.py and
the format spec §6 state them) and every real report of tests/corpus with a
NAME.cells.json.  A report added to tests/corpus brings its questions along.

A cell is a number, or None: blank in the seeds ("not filled in"), absent
from the report in the corpus files (a row the report does not have)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from core.derived import derived_rows
from core.qa.vocabulary import other_form_row
from core.template import load_template
from tests.conftest import SEEDS

CORPUS = Path(__file__).parents[1] / "corpus"

# Reports whose agency the parser cannot read yet: questions about them are
# expected to fail until it can (strict: a pass is reported, to be removed here).
READING_GAPS: dict[str, str] = {}

# The five columns under the form's heading "法人或其他组织".
LEGAL_PERSONS = [
    "commercial_enterprise",
    "research_institution",
    "public_welfare_org",
    "legal_service_org",
    "other_org",
]

# Rows of one report the parser cannot read yet (report, row) → why.
READING_GAP_ROWS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Truth:
    name: str  # the file name
    path: Path
    agency: str  # as the question set names it (the report's own name)
    year: int
    facts: dict[str, float | None]
    blank_means: str  # "blank" (seeds: not filled in) or "missing" (corpus: not in the report)
    stated: dict[str, float] = field(default_factory=dict)  # figures its text states
    also: tuple[str, ...] = ()  # other names the truth accepts ("沭阳县人民政府（沐阳县人民政府）")
    # a report of 2018 or before: its truth gives only the figures its text or
    # old table states plainly, so a figure absent from it may still be there
    partial: bool = False

    @property
    def gap(self) -> str | None:
        return READING_GAPS.get(self.name)

    def value(self, row: str, column: str) -> float | None:
        """The figure of `row`.`column`: a cell, or the sum of a derived row's
        cells (None when one is not a number), or the row of another form
        holding it; figures the text states count where no cell holds one."""
        d = derived_rows().get(row)
        columns = LEGAL_PERSONS if column == "legal_persons" else [column]
        keys = [f"{r}.{c}" for r in (d.rows if d else [row]) for c in columns]
        if all(k in self.facts for k in keys) and all(self.facts[k] is not None for k in keys):
            return sum(self.facts[k] for k in keys)
        if d and d.alternative and self.facts.get(f"{d.alternative}.{column}") is not None:
            return self.facts[f"{d.alternative}.{column}"]
        if any(self.facts.get(k) is not None for k in keys):
            return None  # a sum with a part that is no number
        key = f"{row}.{column}"
        other = other_form_row(row, column)  # the 2019 form's row of the same figure
        if not any(k in self.facts for k in keys) and other and f"{other}.{column}" in self.facts:
            return self.facts[f"{other}.{column}"]
        if not any(k in self.facts for k in keys) or self.blank_means == "missing":
            return self.stated.get(key, self.facts.get(key))
        return None


def _keys(version: str, *tables: str) -> list[str]:
    t = load_template(version)
    return [k for tab in tables for k in t.cell_keys(tab)]


def _seed(number: str, agency: str, year: int, facts: dict, stated: dict) -> Truth:
    path = SEEDS[number]
    return Truth(path.name, path, agency, year, facts, "blank", stated)


@cache
def seeds() -> list[Truth]:
    every = _keys("2021", "t2", "t3", "t4")
    t4_002 = [5, 2, 5, 0, 12, 0, 0, 0, 0, 0, 2, 0, 0, 1, 3]
    seed_002 = dict.fromkeys(_keys("2021", "t2", "t3"))
    seed_002.update(zip(_keys("2021", "t4"), t4_002, strict=True))
    seed_003 = dict.fromkeys(every, 0)
    seed_003["t2.normative_docs.in_force"] = 1
    seed_004 = dict.fromkeys(_keys("2019", "t3", "t4"))
    # its table 二 (2019 form), read off the seed: 行政许可 0 0 0, 其他对外管理服务事项
    # 40 0 40, 行政处罚 0 0 0, 行政强制 0 0 0 (上一年项目数量 / 本年增减 / 处理决定数量)
    for row, values in {
        "t2v19.admin_license": (0, 0, 0),
        "t2v19.other_services": (40, 0, 40),
        "t2v19.admin_penalty": (0, 0, 0),
        "t2v19.admin_coercion": (0, 0, 0),
    }.items():
        seed_004.update(
            zip(
                (f"{row}.{c}" for c in ("prev_year_items", "delta", "decisions")),
                values,
                strict=True,
            )
        )
    for k in (
        "t3.new_received.total",
        "t3.carried_over.total",
        "t3.results_total.total",
        "t3.carried_forward.total",
        "t4.review.total",
        "t4.lit_direct.total",
        "t4.lit_after_review.total",
    ):
        seed_004[k] = 0
    return [
        _seed("000", "东风区司法局", 2023, dict.fromkeys(every, 0), {"text.processing_fee": 0}),
        _seed("001", "硚口区司法局", 2024, dict.fromkeys(every, 0), {"text.processing_fee": 0}),
        _seed("002", "正宁县司法局", 2022, seed_002, {"t3.new_received.total": 0}),
        _seed(
            "003",
            "许昌市司法局",
            2023,
            seed_003,
            {
                "text.proactive": 3585,
                "text.website_posts": 750,
                "text.wechat_posts": 1774,
                "text.weibo_posts": 861,
                "text.processing_fee": 0,
            },
        ),
        _seed("004", "区司法局", 2019, seed_004, {}),
    ]


# Figures the corpus reports' text states, from their NAME.cells.json notes
# (read by the person who labelled them).
STATED = {
    "hongze-2023.pdf": {"text.proactive": 1136, "text.processing_fee": 0},
    "pingtan-ziran-2023.html": {"text.proactive": 52},
    "pingtan-shehui-2015.html": {
        "text.proactive": 30,
        "text.proactive_cumulative": 41,
        "text.press_conferences": 3,
    },
}


@cache
def corpus() -> list[Truth]:
    out = []
    for cells in sorted(CORPUS.glob("*.cells.json")):
        data = json.loads(cells.read_text(encoding="utf-8"))
        path = cells.with_name(cells.name[: -len(".cells.json")])
        if data.get("declinable"):
            continue  # a rendition whose cells cannot all be read: no figure questions
        agency = re.sub(r"（.*?）|\(.*?\)", "", data["agency"]).strip()
        also = tuple(re.findall(r"[（(](.*?)[）)]", data["agency"]))
        facts = {k: (None if v is None else float(v)) for k, v in data["facts"].items()}
        stated = dict(STATED.get(path.name, {}))
        if data.get("format") == "pre2019":  # no tables: its totals are stated in the text
            stated.update({k: v for k, v in facts.items() if v is not None})
            suits = [facts.get(k) for k in ("t4.lit_direct.total", "t4.lit_after_review.total")]
            if all(v is not None for v in suits):
                stated["t4.litigation.total"] = sum(suits)
        partial = data.get("format") == "pre2019"
        out.append(
            Truth(path.name, path, agency, data["year"], facts, "missing", stated, also, partial)
        )
    return out


def reports() -> list[Truth]:
    return seeds() + corpus()


def names(agency: str) -> set[str]:
    """Every name the truth accepts for the agency it calls `agency`."""
    for t in reports():
        if t.agency == agency:
            return {agency, *t.also}
    return {agency}


def by_agency(agency: str, year: int | None = None) -> Truth:
    return next(t for t in reports() if t.agency == agency and year in (None, t.year))

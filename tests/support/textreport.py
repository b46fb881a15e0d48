"""Write a report as Word's "save as .txt" does (cell per line, as seeds 000–002).

Used to build test fixtures: the clean 2021 report and its variants.  Cell
values are given by fact key; a key that is missing is written as a blank cell.
"""

from __future__ import annotations

from core.template import load_template

T3_HEADER = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["", "自然人", "法人或其他组织", "总计"],
    ["", "", "商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他", ""],
]
T4_HEADER = [
    ["行政复议", "行政诉讼"],
    [
        "结果维持",
        "结果\n纠正",
        "其他\n结果",
        "尚未\n审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ],
    ["", "", "", "", ""] + ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"] * 2,
]


def _row(cells: list[str]) -> list[str]:
    return ["\t" + c for c in cells] + [""]


def table_lines(values: dict[str, object], version: str = "2021") -> dict[str, list[str]]:
    """The lines of tables 二, 三 and 四 (cell per line)."""
    t = load_template(version)

    def cell(key: str) -> str:
        v = values.get(key)
        return "" if v is None else str(v)

    t2: list[str] = []
    for block in t.tables["t2"].blocks:
        t2 += _row([block.title])
        t2 += _row(["信息内容", *[c.label for c in block.columns]])
        for row in block.rows:
            t2 += _row([row.label, *[cell(k) for k in row.cell_keys()]])
    t3: list[str] = []
    for header in T3_HEADER:
        t3 += _row(header)
    seen_group: set[str] = set()
    for row in t.tables["t3"].rows:
        labels = [row.label]
        if row.parents:
            group = row.parents[-1]
            first = group not in seen_group
            seen_group.add(group)
            if len(row.parents) == 1:
                labels = [group if first and group != row.label else "", row.label]
            else:
                labels = ["", group if first else "", row.label]
        t3 += _row([*labels, *[cell(k) for k in row.cell_keys()]])
    t4: list[str] = []
    for header in T4_HEADER:
        t4 += _row(header)
    t4 += _row([cell(k) for r in t.tables["t4"].rows for k in r.cell_keys()])
    return {"t2": t2, "t3": t3, "t4": t4}


def render_report_txt(
    *,
    title: str,
    sections: dict[str, list[str]],
    values: dict[str, object],
    closing: list[str] | None = None,
    preamble: list[str] | None = None,
    version: str = "2021",
) -> str:
    """A whole report: title, preamble, six sections (headings are the keys of
    `sections`, in order; the tables follow the body of s2, s3 and s4)."""
    tables = table_lines(values, version)
    lines = [title, ""] + list(preamble or [])
    for n, (heading, body) in enumerate(sections.items(), start=1):
        lines.append(heading)
        lines += body
        table = {2: "t2", 3: "t3", 4: "t4"}.get(n)
        if table:
            lines += tables[table] + [""]
    lines += [""] + list(closing or [])
    return "\n".join(lines) + "\n"

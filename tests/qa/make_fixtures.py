"""Write tests/fixtures/qa/*.txt: consistent 2021-form reports of more
agencies and years for the question tests (run: python -m tests.qa.make_fixtures).

Each report's tables satisfy every arithmetic relation and its text states
the same figures; last year's 结转下年度 feeds this year's 上年结转, and the
seeds' own figures are respected (硚口区司法局 2023 carries 0 into 2024, whose
seed shows 0 carried over; 许昌市司法局 2022 has 1 normative document in force,
as its 2023 seed needs).  `variants/` holds deliberately different versions.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.textreport import render_report_txt

OUT = Path(__file__).parents[1] / "fixtures" / "qa"
COLS = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_welfare_org",
    "legal_service_org",
    "other_org",
]
T3_ROWS = [
    "t3.granted", "t3.partial",
    "t3.denied.state_secret", "t3.denied.law_prohibited", "t3.denied.security_stability", "t3.denied.third_party",
    "t3.denied.internal_affairs", "t3.denied.process_info", "t3.denied.enforcement_file", "t3.denied.admin_query",
    "t3.unable.not_held", "t3.unable.needs_creation", "t3.unable.unclear",
    "t3.not_processed.petition", "t3.not_processed.duplicate", "t3.not_processed.publication",
    "t3.not_processed.mass_repeat", "t3.not_processed.confirm_reissue",
    "t3.other.no_correction", "t3.other.fee_unpaid", "t3.other.other",
]  # fmt: skip
ZERO = [0] * 6


def values(
    new: list[int],
    over: list[int] = ZERO,
    forward: list[int] = ZERO,
    *,
    refused: list[int] = ZERO,
    not_held: list[int] = ZERO,
    docs: tuple[int, int, int] = (0, 0, 0),
    penalty: int = 0,
    fees: str = "0",
    review: tuple[int, int, int, int] = (0, 0, 0, 0),
    direct: tuple[int, int, int, int] = (0, 0, 0, 0),
    after: tuple[int, int, int, int] = (0, 0, 0, 0),
    blank_rows: tuple[str, ...] = (),
) -> dict[str, object]:
    """Cell values of a consistent report: results = new + over − forward,
    split into granted, refused (third party) and not held."""
    rows = dict.fromkeys(T3_ROWS, ZERO)
    results = [n + o - f for n, o, f in zip(new, over, forward, strict=True)]
    granted = [r - d - u for r, d, u in zip(results, refused, not_held, strict=True)]
    assert min(granted) >= 0, granted
    rows.update(
        {"t3.granted": granted, "t3.denied.third_party": refused, "t3.unable.not_held": not_held}
    )
    rows.update(
        {
            "t3.new_received": new,
            "t3.carried_over": over,
            "t3.results_total": results,
            "t3.carried_forward": forward,
        }
    )
    out: dict[str, object] = {}
    for row, vs in rows.items():
        if row in blank_rows:
            continue
        out.update({f"{row}.{c}": v for c, v in zip(COLS, vs, strict=True)})
        out[f"{row}.total"] = sum(vs)
    for key, v in zip(["issued", "repealed", "in_force"], docs, strict=True):
        out[f"t2.normative_docs.{key}"] = v
        out[f"t2.rules.{key}"] = 0
    out.update(
        {
            "t2.admin_license.decisions": 0,
            "t2.admin_penalty.decisions": penalty,
            "t2.admin_coercion.decisions": 0,
        }
    )
    out["t2.admin_fees.amount_wan_yuan"] = fees
    for row, vs in (
        ("t4.review", review),
        ("t4.lit_direct", direct),
        ("t4.lit_after_review", after),
    ):
        out.update(
            {
                f"{row}.{c}": v
                for c, v in zip(["upheld", "corrected", "other", "pending"], vs, strict=True)
            }
        )
        out[f"{row}.total"] = sum(vs)
    return out


def report(agency: str, year: int, v: dict[str, object]) -> str:
    def total(row: str) -> object:
        return v.get(f"{row}.total", "")

    new, over, res, fwd = (
        total(f"t3.{k}")
        for k in ("new_received", "carried_over", "results_total", "carried_forward")
    )
    docs = [v[f"t2.normative_docs.{k}"] for k in ("issued", "repealed", "in_force")]
    review = total("t4.review")
    lit = v["t4.lit_direct.total"] + v["t4.lit_after_review.total"]
    on_request = (
        f"全年本年新收政府信息公开申请{new}件，上年结转政府信息公开申请{over}件，办理结果总计{res}件，结转下年度继续办理{fwd}件。"
        if new != ""
        else f"全年办理结果总计{res}件，结转下年度继续办理{fwd}件。"
    )
    return render_report_txt(
        title=f"{agency}{year}年政府信息公开工作年度报告",
        preamble=[
            f"本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制。所列统计数据时间范围为{year}年1月1日至{year}年12月31日。"
        ],
        sections={
            "一、总体情况": [
                f"{year}年，{agency}认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。",
                "（一）主动公开",
                f"全年在门户网站主动公开政府信息{100 + year % 100}条。",
                "（二）依申请公开",
                on_request,
                "（三）政府信息管理",
                "严格执行信息发布审核制度，动态调整主动公开基本目录。",
                "（四）政府信息公开平台建设",
                "优化门户网站政府信息公开专栏，做到信息发布及时准确。",
                "（五）监督保障",
                "将政府信息公开工作纳入年度考核，全年未发生因政府信息公开工作被责任追究的情况。",
            ],
            "二、主动公开政府信息情况": [
                f"{year}年，本局制发行政规范性文件{docs[0]}件，废止{docs[1]}件，现行有效{docs[2]}件。"
            ],
            "三、收到和处理政府信息公开申请情况": [on_request],
            "四、政府信息公开行政复议、行政诉讼情况": [
                f"{year}年，本局因政府信息公开工作被申请行政复议{review}件，被提起行政诉讼{lit}件。"
            ],
            "五、存在的主要问题及改进情况": [
                "（一）上年度存在的问题及改进情况",
                f"{year - 1}年度报告指出的问题主要是答复文书不够规范。{year}年，本局制定答复文书范本并组织集中评查，问题已整改到位。",
                "（二）本年度存在的问题及下年度改进举措",
                f"{year}年，本局政府信息公开工作仍存在栏目更新不够及时的问题。{year + 1}年，本局将明确各栏目更新责任人和时限，每季度开展一次自查。",
            ],
            "六、其他需要报告的事项": [
                "（一）政府信息处理费收取情况",
                f"{year}年，本局未收取政府信息公开信息处理费。",
            ],
        },
        values=v,
        closing=[agency, f"{year + 1}年1月20日"],
    )


FIXTURES = {
    "qiaokou_2022": ("硚口区司法局", 2022, values([3, 0, 0, 0, 0, 0])),
    "qiaokou_2023": (
        "硚口区司法局",
        2023,
        values([5, 1, 0, 0, 1, 0], not_held=[1, 0, 0, 0, 0, 0], review=(1, 0, 0, 0)),
    ),
    "dongfeng_2021": ("东风区司法局", 2021, values([3, 0, 0, 0, 0, 0], forward=[1, 0, 0, 0, 0, 0])),
    "dongfeng_2022": ("东风区司法局", 2022, values([4, 1, 0, 0, 0, 0], over=[1, 0, 0, 0, 0, 0])),
    "jiangan_2023": (
        "江岸区司法局",
        2023,
        values(
            [20, 3, 0, 1, 1, 0],
            over=[2, 0, 0, 0, 0, 0],
            forward=[1, 0, 0, 0, 0, 0],
            refused=[2, 0, 0, 0, 0, 0],
            not_held=[3, 1, 0, 0, 0, 0],
            docs=(2, 0, 5),
            penalty=48,
            fees="12.5",
            review=(1, 1, 0, 0),
            direct=(1, 0, 0, 1),
            after=(0, 1, 0, 0),
        ),
    ),
    "hongshan_2023": (
        "洪山区司法局",
        2023,
        values([10, 2, 0, 0, 0, 0], forward=[2, 0, 0, 0, 0, 0], direct=(1, 0, 0, 0)),
    ),
    "qingshan_2023": (
        "青山区司法局",
        2023,
        values([4, 0, 0, 0, 0, 0], blank_rows=("t3.new_received",)),
    ),
    "jiangan_edu_2023": ("江岸区教育局", 2023, values([30, 10, 0, 0, 0, 0])),
    "dongfeng_county_2023": ("东丰县司法局", 2023, values([4, 0, 0, 0, 0, 0])),
    "xuchang_2022": ("许昌市司法局", 2022, values([9, 0, 0, 0, 0, 0], docs=(1, 0, 1))),
}
VARIANTS = {
    # 2 carried into 2024, but the 2024 seed shows 0 carried over (rule X1).
    "qiaokou_2023_forward2": (
        "硚口区司法局",
        2023,
        values([5, 1, 0, 0, 1, 0], forward=[2, 0, 0, 0, 0, 0]),
    ),
    # An earlier version of 洪山区司法局 2023, superseded by hongshan_2023.
    "hongshan_2023_v1": (
        "洪山区司法局",
        2023,
        values([9, 2, 0, 0, 0, 0], forward=[2, 0, 0, 0, 0, 0]),
    ),
}


def main() -> None:
    (OUT / "variants").mkdir(parents=True, exist_ok=True)
    for folder, items in ((OUT, FIXTURES), (OUT / "variants", VARIANTS)):
        for name, (agency, year, v) in items.items():
            folder.joinpath(f"{name}.txt").write_text(report(agency, year, v), encoding="utf-8")


if __name__ == "__main__":
    main()

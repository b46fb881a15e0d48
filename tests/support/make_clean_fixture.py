"""Write tests/fixtures/clean_2021.txt: a 2021-form report with non-zero,
mutually consistent figures in every table (run: python -m tests.support.make_clean_fixture)."""

from pathlib import Path

from core.template import load_template
from tests.support.textreport import render_report_txt

t = load_template("2021")
cols = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_welfare_org",
    "legal_service_org",
    "other_org",
]
t3 = {
    "t3.new_received": [32, 6, 1, 1, 2, 1],
    "t3.carried_over": [3, 1, 0, 0, 0, 1],
    "t3.granted": [14, 3, 1, 0, 1, 1],
    "t3.partial": [3, 1, 0, 0, 0, 0],
    "t3.denied.state_secret": [1, 0, 0, 0, 0, 0],
    "t3.denied.law_prohibited": [1, 0, 0, 0, 0, 0],
    "t3.denied.security_stability": [0, 1, 0, 0, 0, 0],
    "t3.denied.third_party": [1, 0, 0, 0, 0, 0],
    "t3.denied.internal_affairs": [1, 0, 0, 0, 0, 0],
    "t3.denied.process_info": [1, 1, 0, 0, 0, 0],
    "t3.denied.enforcement_file": [1, 0, 0, 0, 0, 0],
    "t3.denied.admin_query": [1, 0, 0, 0, 0, 0],
    "t3.unable.not_held": [3, 1, 0, 0, 1, 0],
    "t3.unable.needs_creation": [1, 0, 0, 0, 0, 0],
    "t3.unable.unclear": [1, 0, 0, 0, 0, 0],
    "t3.not_processed.petition": [1, 0, 0, 0, 0, 0],
    "t3.not_processed.duplicate": [1, 0, 0, 0, 0, 0],
    "t3.not_processed.publication": [0, 0, 0, 1, 0, 0],
    "t3.not_processed.mass_repeat": [1, 0, 0, 0, 0, 0],
    "t3.not_processed.confirm_reissue": [1, 0, 0, 0, 0, 0],
    "t3.other.no_correction": [1, 0, 0, 0, 0, 0],
    "t3.other.fee_unpaid": [0, 0, 0, 0, 0, 0],
    "t3.other.other": [0, 0, 0, 0, 0, 1],
}
results = [
    sum(t3[k][i] for k in t3 if k not in ("t3.new_received", "t3.carried_over")) for i in range(6)
]
t3["t3.results_total"] = results
t3["t3.carried_forward"] = [
    t3["t3.new_received"][i] + t3["t3.carried_over"][i] - results[i] for i in range(6)
]
assert all(v >= 0 for v in t3["t3.carried_forward"]), t3["t3.carried_forward"]
values = {}
for row, vs in t3.items():
    for c, v in zip(cols, vs, strict=True):
        values[f"{row}.{c}"] = v
    values[f"{row}.total"] = sum(vs)
t2 = {
    "t2.rules": [0, 0, 0],
    "t2.normative_docs": [3, 1, 12],
    "t2.admin_license": [156],
    "t2.admin_penalty": [48],
    "t2.admin_coercion": [5],
    "t2.admin_fees": ["12.5"],
}
for row, vs in t2.items():
    r = t.row(row)
    for c, v in zip(r.columns, vs, strict=True):
        values[f"{row}.{c.key}"] = v
t4 = {"t4.review": [2, 1, 0, 1], "t4.lit_direct": [1, 0, 0, 1], "t4.lit_after_review": [1, 0, 0, 0]}
for row, vs in t4.items():
    for c, v in zip(["upheld", "corrected", "other", "pending"], vs, strict=True):
        values[f"{row}.{c}"] = v
    values[f"{row}.total"] = sum(vs)
nr, co, rt, cf = (
    values[f"t3.{k}.total"]
    for k in ("new_received", "carried_over", "results_total", "carried_forward")
)
text = render_report_txt(
    title="清河市生态环境局2024年政府信息公开工作年度报告",
    preamble=[
        "本报告依据《中华人民共和国政府信息公开条例》第五十条和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。所列统计数据时间范围为2024年1月1日至2024年12月31日。如对本报告有疑问，请与清河市生态环境局办公室联系（电话：0000-12345678）。"
    ],
    sections={
        "一、总体情况": [
            "2024年，清河市生态环境局认真贯彻《中华人民共和国政府信息公开条例》，围绕生态环境保护重点工作推进政府信息公开。",
            "（一）主动公开",
            "全年在局门户网站主动公开政府信息1260条，其中环境质量信息420条、行政执法信息530条、政策文件及解读310条。",
            "（二）依申请公开",
            f"全年本年新收政府信息公开申请{nr}件，上年结转政府信息公开申请{co}件，办理结果总计{rt}件，结转下年度继续办理{cf}件。",
            "（三）政府信息管理",
            "严格执行信息发布“三审”制度，对现行有效的行政规范性文件开展清理，动态调整主动公开基本目录。",
            "（四）政府信息公开平台建设",
            "优化门户网站政府信息公开专栏，完善政务新媒体管理，做到信息发布及时准确。",
            "（五）监督保障",
            "将政府信息公开工作纳入年度考核，组织业务培训2次，全年未发生因政府信息公开工作被责任追究的情况。",
        ],
        "二、主动公开政府信息情况": ["2024年，本局制发行政规范性文件3件，废止1件，现行有效12件。"],
        "三、收到和处理政府信息公开申请情况": [
            f"2024年，本局新收政府信息公开申请{nr}件，上年结转{co}件，结转下年度继续办理{cf}件。"
        ],
        "四、政府信息公开行政复议、行政诉讼情况": [
            "2024年，本局因政府信息公开工作被申请行政复议4件，被提起行政诉讼3件。"
        ],
        "五、存在的主要问题及改进情况": [
            "（一）上年度存在的问题及改进情况",
            "2023年度报告指出的问题主要是依申请公开答复文书不够规范、政策解读形式较为单一。2024年，本局制定依申请公开答复文书范本，组织答复文书集中评查；采用图解、问答等形式解读政策文件12件，上述问题已整改到位。",
            "（二）本年度存在的问题及下年度改进举措",
            "2024年，本局政府信息公开工作仍存在基层执法信息公开不够及时、部分栏目更新频率不高等问题。2025年，本局将建立执法信息公开周调度机制，明确各栏目更新责任人和时限，每季度开展一次栏目自查并通报结果。",
        ],
        "六、其他需要报告的事项": [
            "（一）政府信息处理费收取情况",
            "2024年，本局未收取政府信息公开信息处理费。",
            "（二）人大代表建议和政协提案办理结果公开情况",
            "2024年，本局承办人大代表建议8件、政协提案5件，办理结果已全部依法公开。",
        ],
    },
    values=values,
    closing=["清河市生态环境局", "2025年1月20日"],
)
Path(__file__).parents[1].joinpath("fixtures", "clean_2021.txt").write_text(text, encoding="utf-8")

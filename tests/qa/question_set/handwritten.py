"""Hand-written questions as a citizen, a journalist, a reviewer and a drafter
ask them — formal, colloquial, English — with the figure they ask for named
by agency, year and key; the expected value still comes from the truth.
Then the questions that must be declined, and how."""

from __future__ import annotations

from tests.qa.question_set.cases import Case, _lang
from tests.qa.truth import by_agency

# question, agency, year, row, column
FIGURES = [
    # a citizen
    ("许昌司法局二〇二三年收到了多少个政府信息公开申请？", "许昌市司法局", 2023, "t3.new_received", "total"),
    ("我想知道硚口区司法局去年一共收到几件信息公开申请", "硚口区司法局", 2024, "t3.new_received", "total"),
    ("洪泽区政府23年受理了多少申请啊", "洪泽区人民政府", 2023, "t3.new_received", "total"),
    ("平潭交建局2025年度收到的依申请公开有多少件？", "平潭综合实验区交通与建设局", 2025, "t3.new_received", "total"),
    ("请问平潭社会事业局２０２３年老百姓提了多少申请", "平潭综合实验区社会事业局", 2023, "t3.new_received", "natural_person"),
    ("东风区司法局2023年有没有人申请公开信息，有几件", "东风区司法局", 2023, "t3.new_received", "total"),
    ("正宁县司法局2022年被申请行政复议了几次", "正宁县司法局", 2022, "t4.review", "total"),
    # a journalist
    ("淮安市洪泽区人民政府2023年度行政诉讼一共多少件？", "洪泽区人民政府", 2023, "t4.litigation", "total"),
    ("平潭自然资源与生态环境局2023年被告了几次", "平潭综合实验区自然资源与生态环境局", 2023, "t4.litigation", "total"),
    ("洪泽区2023年不予公开的申请有多少", "洪泽区人民政府", 2023, "t3.denied", "total"),
    ("How many FOI requests did 洪泽区人民政府 get in 2023?", "洪泽区人民政府", 2023, "t3.new_received", "total"),
    ("How many requests did 平潭综合实验区自然资源与生态环境局 grant in part in 2023?", "平潭综合实验区自然资源与生态环境局", 2023, "t3.partial", "total"),
    ("In 2023, how many lawsuits without reconsideration did 平潭自然资源与生态环境局 face?", "平潭综合实验区自然资源与生态环境局", 2023, "t4.lit_direct", "total"),
    ("what was the administrative fee income of 洪泽区人民政府 in 2023", "洪泽区人民政府", 2023, "t2.admin_fees", "amount_wan_yuan"),
    # a reviewer
    ("正宁县司法局2022年复议纠错多少件？", "正宁县司法局", 2022, "t4.review", "corrected"),
    ("洪泽区人民政府2023年表三其他处理是多少", "洪泽区人民政府", 2023, "t3.other", "total"),
    ("平潭交通与建设局2025年结转下年度的有几件", "平潭综合实验区交通与建设局", 2025, "t3.carried_forward", "total"),
    ("许昌市司法局2023年现行有效的行政规范性文件几件", "许昌市司法局", 2023, "t2.normative_docs", "in_force"),
    ("平潭社会事业局2023年废止了多少件规范性文件", "平潭综合实验区社会事业局", 2023, "t2.normative_docs", "repealed"),
    ("平潭综合实验区社会事业局2023年行政诉讼尚未审结的有几件", "平潭综合实验区社会事业局", 2023, "t4.litigation", "pending"),
    ("洪泽区人民政府2023年行政复议总计", "洪泽区人民政府", 2023, "t4.review", "total"),
    ("How many cases were upheld on reconsideration for 洪泽区人民政府 in 2023?", "洪泽区人民政府", 2023, "t4.review", "upheld"),
    # a drafter checking their own figures
    ("我们局（硚口区司法局）2024年上年结转是多少", "硚口区司法局", 2024, "t3.carried_over", "total"),
    ("区司法局2019年本年新收政府信息公开申请数量", "区司法局", 2019, "t3.new_received", "total"),
    ("区司法局2019年予以公开多少件", "区司法局", 2019, "t3.granted", "total"),
    ("正宁县司法局2022年收到多少申请", "正宁县司法局", 2022, "t3.new_received", "total"),
    ("平潭社会事业局2015年收到多少政府信息公开申请", "平潭综合实验区社会事业局", 2015, "t3.new_received", "total"),
    ("平潭社会事业局2015年行政复议多少件", "平潭综合实验区社会事业局", 2015, "t4.review", "total"),
    ("平潭综合实验区行政审批局2024年收到多少申请", "平潭综合实验区行政审批局", 2024, "t3.new_received", "total"),
    ("平潭综合实验区2024年全年收到多少政府信息公开申请", "平潭综合实验区", 2024, "t3.new_received", "total"),
    ("平潭自然资源与生态环境局2023年法人或其他组织提出了几件申请", "平潭综合实验区自然资源与生态环境局", 2023, "t3.new_received", "legal_persons"),
    ("How many requests did organisations file with 洪泽区人民政府 in 2023?", "洪泽区人民政府", 2023, "t3.new_received", "legal_persons"),
    ("我是记者，想问一下平潭交建局2025年一共收到多少依申请公开", "平潭综合实验区交通与建设局", 2025, "t3.new_received", "total"),
    ("平潭交建局2025年的申请中有多少被拒绝了", "平潭综合实验区交通与建设局", 2025, "t3.denied", "total"),
    ("How many reconsideration cases did 平潭综合实验区交通与建设局 lose in 2025?", "平潭综合实验区交通与建设局", 2025, "t4.review", "corrected"),
]  # fmt: skip

# question, expected kind, what the answer must name (unknown words, names not stored …)
DECLINES = [
    ("许昌市司法局2023年收到多少只猫", "not_understood", {"unknown": ["猫"]}),
    ("X2024年收到多少只猫", "not_understood", {"unknown": ["x", "猫"]}),
    ("许昌市司法局2023年未予答复多少件", "not_understood", {"unknown": ["未予"]}),
    ("How many cats did 许昌市司法局 adopt in 2023?", "not_understood", {"unknown": ["cats", "adopt"]}),
    ("今天天气怎么样", "not_understood", {"unknown": ["今天天气"]}),
    ("2023年收到多少申请", "not_understood", {"missing": ["agency"]}),
    ("许昌市司法局2023年的情况", "not_understood", {"missing": ["metric"]}),
    ("北京市教育委员会2023年收到多少申请？", "not_stored", {"not_stored": ["北京市教育委员会"]}),
    ("洪泽区司法局2023年收到多少申请", "not_stored", {"not_stored": ["洪泽区司法局"]}),
    ("How many requests did 上海市教育委员会 receive in 2023?", "not_stored", {"not_stored": ["上海市教育委员会"]}),
    ("许昌市司法局2030年收到多少申请", "no_data", {"years": [2023]}),
    ("硚口区司法局2021年行政复议多少件", "no_data", {"years": [2024]}),
    ("许昌市司法局2023年收费多少", "choose", {"choices": ["t2.admin_fees", "text.processing_fee"]}),
    ("许昌市司法局2023年结转多少件", "choose", {"choices": ["t3.carried_over", "t3.carried_forward"]}),
    ("东风县司法局2023年收到多少申请", "choose", {"agencies": ["东风区司法局"]}),
    ("正宁县司法局2022年自然人提起行政复议多少件", "not_understood", {"unknown": ["自然人"]}),
    ("平潭自然资源局2023年行政处罚多少件", "choose", {"agencies": ["平潭综合实验区自然资源与生态环境局"]}),
    ("2025年哪些单位还没有提交年报", "roster", {}),
    ("who has not filed their 2024 report yet?", "roster", {}),
]  # fmt: skip


def handwritten_cases() -> list[Case]:
    out = []
    for question, agency, year, row, column in FIGURES:
        t = by_agency(agency, year)
        expect = {
            "kind": "figure",
            "agency": agency,
            "year": year,
            "key": f"{row}.{column}",
            "value": t.value(row, column),
        }
        out.append(Case("figure_handwritten", question, expect, (t.name,), _lang(question)))
    for question, kind, detail in DECLINES:
        out.append(Case("must_decline", question, {"kind": kind, **detail}, (), _lang(question)))
    return out

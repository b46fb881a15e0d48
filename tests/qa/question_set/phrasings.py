"""How people ask for one figure: several phrasings per figure, in Chinese
(formal and colloquial) and English, with the agency ({a}) and the year
({y} Chinese notation, {Y} digits) left open.  Each entry: the figure's row
and column, then its phrasings."""

from __future__ import annotations

FIGURES: list[tuple[str, str, list[str]]] = [
    ("t3.new_received", "total", [
        "{a}{y}收到多少政府信息公开申请？",
        "{a}{y}一共受理了几件依申请公开？",
        "请问{a}{y}新收的信息公开申请数量是多少",
        "How many information disclosure requests did {a} receive in {Y}?",
    ]),
    ("t3.carried_over", "total", [
        "{a}{y}上年结转的申请有多少件",
        "How many requests did {a} carry over from the previous year into {Y}?",
    ]),
    ("t3.carried_forward", "total", [
        "{a}{y}结转下年度继续办理的有几件",
        "How many requests were carried forward to next year by {a} in {Y}?",
    ]),
    ("t3.results_total", "total", [
        "{a}{y}办结了多少件申请",
        "How many requests did {a} answer in {Y}?",
    ]),
    ("t3.granted", "total", [
        "{a}{y}予以公开的有多少件",
        "How many requests were granted in full by {a} in {Y}?",
    ]),
    ("t3.partial", "total", ["{a}{y}部分公开多少件"]),
    ("t3.denied", "total", [
        "{a}{y}不予公开一共几件？",
        "How many requests did {a} refuse in {Y}?",
    ]),
    ("t3.unable", "total", ["{a}{y}无法提供的申请有几件"]),
    ("t3.unable.not_held", "total", ["{a}{y}因本机关不掌握相关政府信息而无法提供的有多少"]),
    ("t3.not_processed", "total", ["帮我查一下{a}{y}不予处理的申请数"]),
    ("t3.other", "total", ["{a}{y}其他处理的有多少件"]),
    ("t3.new_received", "natural_person", [
        "{a}{y}自然人提出了多少申请",
        "How many applications from individuals did {a} get in {Y}?",
    ]),
    ("t3.new_received", "commercial_enterprise", ["{a}{y}企业申请了几件"]),
    ("t4.review", "total", [
        "{a}{y}因政府信息公开被申请行政复议多少件",
        "How many administrative reconsiderations did {a} face in {Y}?",
    ]),
    ("t4.review", "corrected", ["{a}{y}行政复议被纠错多少件"]),
    ("t4.review", "upheld", ["{a}{y}复议结果维持的有几件"]),
    ("t4.litigation", "total", [
        "{a}{y}行政诉讼总计多少件",
        "How many lawsuits did {a} face in {Y}?",
    ]),
    ("t4.lit_direct", "total", ["{a}{y}未经复议直接起诉的有几件"]),
    ("t2.normative_docs", "issued", [
        "{a}{y}制发了多少件规范性文件",
        "How many normative documents did {a} issue in {Y}?",
    ]),
    ("t2.normative_docs", "in_force", ["{a}{y}现行有效的规范性文件有几件"]),
    ("t2.normative_docs", "repealed", ["How many normative documents did {a} repeal in {Y}?"]),
    ("t2.admin_license", "decisions", ["{a}{y}作出了多少行政许可决定"]),
    ("t2.admin_penalty", "decisions", [
        "{a}{y}行政处罚多少件",
        "How many administrative penalties did {a} impose in {Y}?",
    ]),
    ("t2.admin_coercion", "decisions", ["{a}{y}行政强制有多少"]),
    ("t2.admin_fees", "amount_wan_yuan", ["{a}{y}行政事业性收费金额是多少万元"]),
]  # fmt: skip

# Figures the text states (no table cell holds them).
TEXT_FIGURES: list[tuple[str, list[str]]] = [
    ("text.proactive", [
        "{a}{y}主动公开了多少条政府信息",
        "How many items of information did {a} publish proactively in {Y}?",
    ]),
    ("text.processing_fee", ["{a}{y}收取信息处理费多少元"]),
    ("text.website_posts", ["{a}{y}网站发布了多少条"]),
    ("text.wechat_posts", ["{a}{y}微信公众号发布了多少条信息"]),
    ("text.weibo_posts", ["{a}{y}微博发了多少条"]),
    ("text.press_conferences", ["{a}{y}召开了几次新闻发布会"]),
    ("text.proactive_cumulative", ["{a}{y}历年累计主动公开多少条"]),
]  # fmt: skip

# The year as people write it, cycled through the questions.
CN_DIGITS = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def year_forms(year: int) -> list[str]:
    return [
        f"{year}年",
        f"{year}年度",
        "".join(CN_DIGITS[int(d)] for d in str(year)) + "年",
        f"{year % 100:02d}年",
        f"{year}年".translate(FULL_WIDTH),
    ]


# How people write each agency: shortened, with its region, its kind short.
AGENCY_FORMS = {
    "东风区司法局": ["东风区司法局", "东风司法局"],
    "硚口区司法局": ["硚口区司法局", "硚口司法局", "武汉市硚口区司法局"],
    "正宁县司法局": ["正宁县司法局", "正宁司法局", "甘肃省正宁县司法局"],
    "许昌市司法局": ["许昌市司法局", "许昌司法局", "河南省许昌市司法局"],
    "区司法局": ["区司法局"],
    "洪泽区人民政府": ["洪泽区人民政府", "洪泽区政府", "淮安市洪泽区人民政府", "洪泽区"],
    "平潭综合实验区交通与建设局": ["平潭综合实验区交通与建设局", "平潭交通与建设局", "平潭交建局", "平潭实验区交通与建设局"],
    "平潭综合实验区社会事业局": ["平潭综合实验区社会事业局", "平潭社会事业局", "平潭综合实验区社事局"],
    "平潭综合实验区行政审批局": ["平潭综合实验区行政审批局", "平潭行政审批局", "平潭审批局"],
    "平潭综合实验区自然资源与生态环境局": ["平潭综合实验区自然资源与生态环境局", "平潭自然资源与生态环境局", "平潭综合实验区自然资源和生态环境局"],
    "平潭综合实验区": ["平潭综合实验区", "平潭综合实验区管委会"],
}  # fmt: skip


def agency_forms(agency: str) -> list[str]:
    return AGENCY_FORMS.get(agency, [agency])

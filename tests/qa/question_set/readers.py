"""Questions written the way readers, journalists and reviewers type them —
none of them a phrasing of the generated set — over every figure of the three
tables, with abbreviations, typos, years as 24年/二〇二四年/去年/前年, rankings,
comparisons, changes, sums and the questions that must be declined.  The
figure each one asks for is named (agency, year, row, column); the expected
value comes from the truth files (tests/qa/truth.py), never from nianbao."""

from __future__ import annotations

from tests.qa.question_set.cases import Case, _lang, _same_year
from tests.qa.truth import by_agency

HZ, ZONE, SY, FG = "洪泽区人民政府", "平潭综合实验区", "沭阳县人民政府", "沭阳县发展和改革局"
JJ, SP, SH = "平潭综合实验区交通与建设局", "平潭综合实验区行政审批局", "平潭综合实验区社会事业局"
ZR, GA = "平潭综合实验区自然资源与生态环境局", "平潭综合实验区公安局"
XC, ZN, QK, DF = "许昌市司法局", "正宁县司法局", "硚口区司法局", "东风区司法局"

# question, agency, year, row, column
FIGURES = [
    # 洪泽区 2023: every ground of table 三, table 二, table 四
    ("洪泽区政府2023年部分公开了几件", HZ, 2023, "t3.partial", "total"),
    ("洪泽2023年不予公开的申请中属于国家秘密的有几件", HZ, 2023, "t3.denied.state_secret", "total"),
    ("洪泽区人民政府23年因过程性信息不予公开多少件", HZ, 2023, "t3.denied.process_info", "total"),
    ("洪泽区政府2023年行政执法案卷不予公开的有几件", HZ, 2023, "t3.denied.enforcement_file", "total"),
    ("淮安市洪泽区2023年度无法提供的有多少", HZ, 2023, "t3.unable", "total"),
    ("洪泽区2023年本机关不掌握的有几件", HZ, 2023, "t3.unable.not_held", "total"),
    ("洪泽区政府2023年需要另行制作的申请几件", HZ, 2023, "t3.unable.needs_creation", "total"),
    ("洪泽区2023年信访举报投诉类申请不予处理几件", HZ, 2023, "t3.not_processed.petition", "total"),
    ("洪泽区人民政府二〇二三年行政许可多少件", HZ, 2023, "t2.admin_license", "decisions"),
    ("洪泽区人民政府2023年度行政处罚决定数量", HZ, 2023, "t2.admin_penalty", "decisions"),
    ("洪泽区政府2023年行政强制多少件?", HZ, 2023, "t2.admin_coercion", "decisions"),
    ("洪泽区2023年行政事业性收费多少万元", HZ, 2023, "t2.admin_fees", "amount_wan_yuan"),
    ("洪泽区2023年废止规范性文件几件", HZ, 2023, "t2.normative_docs", "repealed"),
    ("洪泽区2023年现行有效规范性文件数", HZ, 2023, "t2.normative_docs", "in_force"),
    ("洪泽区2023年复议维持了几件", HZ, 2023, "t4.review", "upheld"),
    ("洪泽区2023年复议纠正几件", HZ, 2023, "t4.review", "corrected"),
    ("洪泽区政府2023年复议后起诉多少件", HZ, 2023, "t4.lit_after_review", "total"),
    ("洪泽区2023年自然人申请多少", HZ, 2023, "t3.new_received", "natural_person"),
    ("洪泽区2023年主动公开信息多少条", HZ, 2023, "text.proactive", "total"),
    ("洪泽区政府2023年信息处理费收了多少", HZ, 2023, "text.processing_fee", "total"),
    ("洪泽区二零二三年收到多少申请", HZ, 2023, "t3.new_received", "total"),
    ("洪泽区2023年规章制发了几件", HZ, 2023, "t2.rules", "issued"),
    # 平潭综合实验区 2023, 2024
    ("平潭实验区去年受理的信息公开申请数量", ZONE, 2024, "t3.new_received", "total"),
    ("平潭综合实验区管委会2023年予以公开多少件", ZONE, 2023, "t3.granted", "total"),
    ("平潭综合实验区24年部分公开几件", ZONE, 2024, "t3.partial", "total"),
    ("平潭综合实验区2024年不予公开合计多少", ZONE, 2024, "t3.denied", "total"),
    ("平潭综合实验区2024年因第三方权益不予公开几件", ZONE, 2024, "t3.denied.third_party", "total"),
    ("平潭综合实验区2024年度无法提供多少件", ZONE, 2024, "t3.unable", "total"),
    ("平潭综合实验区2024年不予处理几件", ZONE, 2024, "t3.not_processed", "total"),
    ("平潭综合实验区2024年其他处理多少", ZONE, 2024, "t3.other", "total"),
    ("平潭综合实验区2024年结转下年度继续办理的申请", ZONE, 2024, "t3.carried_forward", "total"),
    ("平潭综合实验区2024年法人或其他组织申请几件", ZONE, 2024, "t3.new_received", "legal_persons"),
    ("平潭综合实验区2024年被申请行政复议几起", ZONE, 2024, "t4.review", "total"),
    ("平潭综合实验区2024年行政诉讼多少件", ZONE, 2024, "t4.litigation", "total"),
    ("平潭综合实验区2024年制发规范性文件多少件", ZONE, 2024, "t2.normative_docs", "issued"),
    ("平潭综合实验区2024年行政许可决定数", ZONE, 2024, "t2.admin_license", "decisions"),
    ("平潭综合实验区2024年行政处罚数量", ZONE, 2024, "t2.admin_penalty", "decisions"),
    ("平潭综合实验区2024年行政事业性收费金额", ZONE, 2024, "t2.admin_fees", "amount_wan_yuan"),
    ("平潭综合实验区前年行政强制多少", ZONE, 2023, "t2.admin_coercion", "decisions"),
    ("平潭综合实验区2023年现行有效的规范性文件", ZONE, 2023, "t2.normative_docs", "in_force"),
    ("平潭综合实验区2023年复议维持几件", ZONE, 2023, "t4.review", "upheld"),
    ("平潭综合实验区2023年诉讼案件几件", ZONE, 2023, "t4.litigation", "total"),
    ("平潭综合实验区 2024 年 收到 多少 申请", ZONE, 2024, "t3.new_received", "total"),
    ("平潭综合实验区2024年受理申请数？？", ZONE, 2024, "t3.new_received", "total"),
    ("平潭综合实验区二零二四年度予以公开几件", ZONE, 2024, "t3.granted", "total"),
    # 沭阳县 2025: every column of table 三 and table 四
    ("沭阳县2025年收到多少政府信息公开申请", SY, 2025, "t3.new_received", "total"),
    ("沭阳县人民政府2025年予以公开几件", SY, 2025, "t3.granted", "total"),
    ("沭阳县政府2025年部分公开", SY, 2025, "t3.partial", "total"),
    ("沭阳2025年不予公开多少", SY, 2025, "t3.denied", "total"),
    ("沭阳县2025年无法提供", SY, 2025, "t3.unable", "total"),
    ("沭阳县2025年不予处理几件", SY, 2025, "t3.not_processed", "total"),
    ("沭阳县2025年其他处理多少件", SY, 2025, "t3.other", "total"),
    ("沭阳县人民政府2025年结转下年度多少件", SY, 2025, "t3.carried_forward", "total"),
    ("沭阳县2025年上年结转多少", SY, 2025, "t3.carried_over", "total"),
    ("沭阳县2025年行政复议多少件", SY, 2025, "t4.review", "total"),
    ("沭阳县2025年复议结果维持几件", SY, 2025, "t4.review", "upheld"),
    ("沭阳县2025年复议纠错", SY, 2025, "t4.review", "corrected"),
    ("沭阳县2025年复议尚未审结几件", SY, 2025, "t4.review", "pending"),
    ("沭阳县2025年复议其他结果", SY, 2025, "t4.review", "other"),
    ("沭阳县政府2025年行政诉讼几件", SY, 2025, "t4.litigation", "total"),
    ("沭阳县2025年行政许可多少", SY, 2025, "t2.admin_license", "decisions"),
    ("沭阳县2025年行政处罚多少件", SY, 2025, "t2.admin_penalty", "decisions"),
    ("沭阳县2025年行政强制", SY, 2025, "t2.admin_coercion", "decisions"),
    ("沭阳县2025年收费金额多少万元", SY, 2025, "t2.admin_fees", "amount_wan_yuan"),
    ("沭阳县2025年企业申请多少件", SY, 2025, "t3.new_received", "commercial_enterprise"),
    ("沭阳县2025年律师事务所申请了几件", SY, 2025, "t3.new_received", "legal_service_org"),
    ("沭阳县2025年科研机构申请", SY, 2025, "t3.new_received", "research_institution"),
    ("沭阳县2025年社会公益组织提出申请多少", SY, 2025, "t3.new_received", "public_welfare_org"),
    ("沭阳县2025年其他组织申请几件", SY, 2025, "t3.new_received", "other_org"),
    ("沭阳县2025年因重复申请不予处理的", SY, 2025, "t3.not_processed.duplicate", "total"),
    ("沭阳县2025年要求提供公开出版物的有几件", SY, 2025, "t3.not_processed.publication", "total"),
    ("沭阳县2025年无正当理由大量反复申请几件", SY, 2025, "t3.not_processed.mass_repeat", "total"),
    ("沭阳县2025年要求确认或重新出具已获取信息的申请", SY, 2025, "t3.not_processed.confirm_reissue", "total"),
    ("沭阳县2025年逾期不补正的有几件", SY, 2025, "t3.other.no_correction", "total"),
    ("沭阳县2025年逾期未缴费的申请", SY, 2025, "t3.other.fee_unpaid", "total"),
    ("沭阳县2025年属于三类内部事务信息不予公开的", SY, 2025, "t3.denied.internal_affairs", "total"),
    ("沭阳县2025年危及三安全一稳定的有几件", SY, 2025, "t3.denied.security_stability", "total"),
    ("沭阳县2025年法律行政法规禁止公开的", SY, 2025, "t3.denied.law_prohibited", "total"),
    ("沭阳县2025年属于行政查询事项的有几件", SY, 2025, "t3.denied.admin_query", "total"),
    ("沭阳县2025年补正后申请内容仍不明确的", SY, 2025, "t3.unable.unclear", "total"),
    ("沭阳县2025年规范性文件废止几件", SY, 2025, "t2.normative_docs", "repealed"),
    ("沭阳县2025年直接起诉的行政诉讼有几件", SY, 2025, "t4.lit_direct", "total"),
    ("沭阳县2025年行政诉讼结果维持的有几件", SY, 2025, "t4.litigation", "upheld"),
    ("沭阳县2025年复议后起诉被纠正的", SY, 2025, "t4.lit_after_review", "corrected"),
    ("沭阳县2025年自然人不予公开几件", SY, 2025, "t3.denied", "natural_person"),
    ("沭阳县2025年部份公开多少件", SY, 2025, "t3.partial", "total"),
    ("沐阳县2025年收到多少申请", SY, 2025, "t3.new_received", "total"),
    # misspelt words of the form
    ("洪泽区2023年行政处法多少件", HZ, 2023, "t2.admin_penalty", "decisions"),
    ("沭阳县2025年复义多少件", SY, 2025, "t4.review", "total"),
    ("平潭综合实验区2024年不与公开多少件", ZONE, 2024, "t3.denied", "total"),
    ("平潭综合实验区2024年其它处理几件", ZONE, 2024, "t3.other", "total"),
    # colloquial: words of everyday speech for the form's rows
    ("洪泽区两年前收到多少申请", HZ, 2023, "t3.new_received", "total"),
    ("平潭综合实验区2024年一共有多少人申请信息公开", ZONE, 2024, "t3.new_received", "total"),
    ("平潭综合实验区2024年申请的办理结果总计", ZONE, 2024, "t3.results_total", "total"),
    ("洪泽区2023年依申请公开的受理量", HZ, 2023, "t3.new_received", "total"),
    ("洪泽区2023年第二部分规范性文件现行有效件数", HZ, 2023, "t2.normative_docs", "in_force"),
    ("洪泽区2023年行政处罚的处理决定数量", HZ, 2023, "t2.admin_penalty", "decisions"),
    ("洪泽区2023年打了几场官司", HZ, 2023, "t4.litigation", "total"),
    ("洪泽区2023年被告上法庭几次", HZ, 2023, "t4.litigation", "total"),
    ("洪泽区2023年三类内部事务不予公开几件", HZ, 2023, "t3.denied.internal_affairs", "total"),
    ("洪泽区2023年收到的申请有多少没有办完", HZ, 2023, "t3.carried_forward", "total"),
    ("洪泽区2023年有多少申请转到下一年", HZ, 2023, "t3.carried_forward", "total"),
    ("洪泽区2023年从上年转过来的申请", HZ, 2023, "t3.carried_over", "total"),
    ("洪泽区2023年行政事业性收费总额", HZ, 2023, "t2.admin_fees", "amount_wan_yuan"),
    ("平潭综合实验区2024年废了几个规范性文件", ZONE, 2024, "t2.normative_docs", "repealed"),
    ("平潭综合实验区24年复议后又起诉的", ZONE, 2024, "t4.lit_after_review", "total"),
    ("洪泽区23年复议被撤销多少", HZ, 2023, "t4.review", "corrected"),
    ("洪泽区2023年因为是过程性信息不公开几件", HZ, 2023, "t3.denied.process_info", "total"),
    ("洪泽区2023年信息不存在的几件", HZ, 2023, "t3.unable.not_held", "total"),
    ("洪泽区2023年逾期不补正多少", HZ, 2023, "t3.other.no_correction", "total"),
    ("平潭综合实验区24年复议还在审理中的", ZONE, 2024, "t4.review", "pending"),
    ("平潭综合实验区2024年诉讼结果纠正几件", ZONE, 2024, "t4.litigation", "corrected"),
    ("洪泽区2023年现行有效规章多少", HZ, 2023, "t2.rules", "in_force"),
    # agency names with regions added, kinds short, a letter wrong
    ("江苏省淮安市洪泽区人民政府2023年收到多少申请", HZ, 2023, "t3.new_received", "total"),
    ("福建省平潭综合实验区2024年收到多少申请", ZONE, 2024, "t3.new_received", "total"),
    ("平潭综合实验区管理委员会2024年行政复议几件", ZONE, 2024, "t4.review", "total"),
    ("平潭行政审批服务局2024年收到多少申请", SP, 2024, "t3.new_received", "total"),
    ("沭阳县发改委2023年收到多少申请", FG, 2023, "t3.new_received", "total"),
    ("宿迁市沭阳县发展和改革局2023年行政诉讼几件", FG, 2023, "t4.litigation", "total"),
    ("乔口区司法局2024年收到多少申请", QK, 2024, "t3.new_received", "total"),
    ("平潭财金局2019年收到多少申请", "平潭综合实验区财政金融局", 2019, "t3.new_received", "total"),
    # politeness around the question
    ("请帮我查询一下平潭综合实验区管委会二〇二四年度政府信息公开申请受理数量，谢谢！", ZONE, 2024, "t3.new_received", "total"),
    ("老师好，想问下平潭综合实验区24年依申请公开收了多少件呀", ZONE, 2024, "t3.new_received", "total"),
    ("Hi, how many requests did 平潭综合实验区 receive in 2024? Thanks!", ZONE, 2024, "t3.new_received", "total"),
    ("沭阳县2025年法人或者其他组织申请多少", SY, 2025, "t3.new_received", "legal_persons"),
    ("沭阳县2025年律所申请几件", SY, 2025, "t3.new_received", "legal_service_org"),
    ("沭阳县2025年诉讼直接起诉维持几件", SY, 2025, "t4.lit_direct", "upheld"),
    ("沭阳县2025年复议后起诉其他结果", SY, 2025, "t4.lit_after_review", "other"),
    ("沭阳县人民政府2025年度接收政府信息公开申请共计多少件？", SY, 2025, "t3.new_received", "total"),
    ("洪泽区2023年采取行政强制措施多少", HZ, 2023, "t2.admin_coercion", "decisions"),
    ("洪泽区2023年行政复议结果为纠正的", HZ, 2023, "t4.review", "corrected"),
    ("洪泽区2023年申请公开被拒的有多少", HZ, 2023, "t3.denied", "total"),
    # a year of publication: the report of the year before
    ("2024年发布的平潭综合实验区年报中收到多少申请", ZONE, 2023, "t3.new_received", "total"),
    ("平潭综合实验区2025年公布的年度报告里行政复议几件", ZONE, 2024, "t4.review", "total"),
    ("How many requests were in the report 平潭综合实验区 published in 2024?", ZONE, 2023, "t3.new_received", "total"),
    ("平潭综合实验区2024年发布的规范性文件有多少", ZONE, 2024, "t2.normative_docs", "issued"),
    # words of one table's figure beside another table's (尚未办结, still pending)
    ("沭阳县2025年复议尚未办结的有几件", SY, 2025, "t4.review", "pending"),
    ("How many reconsiderations are still pending at 平潭综合实验区 for 2024?", ZONE, 2024, "t4.review", "pending"),
    ("沭阳县2025年尚未办结的申请", SY, 2025, "t3.carried_forward", "total"),
    ("How many requests were still pending at the end of 2024 at 平潭综合实验区?", ZONE, 2024, "t3.carried_forward", "total"),
    ("In 2024, how many FOI applications were lodged with 平潭综合实验区?", ZONE, 2024, "t3.new_received", "total"),
    ("How many requests did 平潭综合实验区 turn down in 2024?", ZONE, 2024, "t3.denied", "total"),
    ("How many lawsuits were filed directly against 平潭综合实验区 in 2024?", ZONE, 2024, "t4.lit_direct", "total"),
    ("How many lawsuits followed reconsideration at 平潭综合实验区 in 2024?", ZONE, 2024, "t4.lit_after_review", "total"),
    ("How many new normative documents were adopted by 平潭综合实验区 in 2024?", ZONE, 2024, "t2.normative_docs", "issued"),
    ("How many requests involved third-party rights at 平潭综合实验区 in 2024?", ZONE, 2024, "t3.denied.third_party", "total"),
    ("许昌市司法局2023年被诉几次", XC, 2023, "t4.litigation", "total"),
    # every ground of table 三, as readers say them
    ("平潭综合实验区2024年涉密不公开的", ZONE, 2024, "t3.denied.state_secret", "total"),
    ("平潭综合实验区2024年因为法律法规禁止而不公开的", ZONE, 2024, "t3.denied.law_prohibited", "total"),
    ("平潭综合实验区2024年危及国家安全的", ZONE, 2024, "t3.denied.security_stability", "total"),
    ("平潭综合实验区2024年内部事务信息不公开的", ZONE, 2024, "t3.denied.internal_affairs", "total"),
    ("平潭综合实验区2024年属于行政执法案卷的", ZONE, 2024, "t3.denied.enforcement_file", "total"),
    ("平潭综合实验区2024年没有现成信息需要另行制作的", ZONE, 2024, "t3.unable.needs_creation", "total"),
    ("平潭综合实验区2024年本机关不掌握的信息", ZONE, 2024, "t3.unable.not_held", "total"),
    ("平潭综合实验区2024年补正后仍不明确的", ZONE, 2024, "t3.unable.unclear", "total"),
    ("平潭综合实验区2024年不予处理里的信访类", ZONE, 2024, "t3.not_processed.petition", "total"),
    ("平潭综合实验区2024年其他处理里逾期不补正的", ZONE, 2024, "t3.other.no_correction", "total"),
    ("平潭综合实验区2024年自然人部分公开多少", ZONE, 2024, "t3.partial", "natural_person"),
    ("平潭综合实验区2024年律师申请被拒几件", ZONE, 2024, "t3.denied", "legal_service_org"),
    ("平潭综合实验区2024年科研机构无法提供", ZONE, 2024, "t3.unable", "research_institution"),
    # 沭阳县发展和改革局 2023
    ("沭阳县发改局2023年收到几件申请", FG, 2023, "t3.new_received", "total"),
    ("沭阳发改委2023年予以公开多少", FG, 2023, "t3.granted", "total"),
    ("沭阳县发展改革局2023年制发规范性文件数量", FG, 2023, "t2.normative_docs", "issued"),
    ("沭阳县发展和改革局2023年行政复议", FG, 2023, "t4.review", "total"),
    ("沭阳县发改局23年现行有效规范性文件", FG, 2023, "t2.normative_docs", "in_force"),
    # 平潭's bureaus
    ("平潭交建局2025年予以公开几件", JJ, 2025, "t3.granted", "total"),
    ("平潭交通与建设局2025年无法提供的有多少", JJ, 2025, "t3.unable", "total"),
    ("平潭交建局2025年行政复议几件", JJ, 2025, "t4.review", "total"),
    ("平潭交建局2025年复议被维持几件", JJ, 2025, "t4.review", "upheld"),
    ("平潭交建局2025年现行有效的规范性文件数", JJ, 2025, "t2.normative_docs", "in_force"),
    ("平潭审批局去年予以公开", SP, 2024, "t3.granted", "total"),
    ("平潭行政审批局2024年部分公开几件", SP, 2024, "t3.partial", "total"),
    ("平潭审批局前年不予公开几件", SP, 2023, "t3.denied", "total"),
    ("平潭行政审批局2024年废止了几件规范性文件", SP, 2024, "t2.normative_docs", "repealed"),
    ("平潭行政审批局2024年行政许可多少件", SP, 2024, "t2.admin_license", "decisions"),
    ("平潭社会事业局2023年行政处罚几件", SH, 2023, "t2.admin_penalty", "decisions"),
    ("平潭社事局23年行政诉讼多少", SH, 2023, "t4.litigation", "total"),
    ("平潭自然资源和生态环境局2023年行政处罚多少", ZR, 2023, "t2.admin_penalty", "decisions"),
    ("平潭综合实验区自然资源与生态环境局2020年收到多少申请", ZR, 2020, "t3.new_received", "total"),
    ("平潭资源环境局2023年行政许可", ZR, 2023, "t2.admin_license", "decisions"),
    ("平潭公安局2022年行政处罚多少件", GA, 2022, "t2.admin_penalty", "decisions"),
    ("平潭综合实验区公安局2022年部分公开几件", GA, 2022, "t3.partial", "total"),
    ("平潭财政金融局2019年收到多少申请", "平潭综合实验区财政金融局", 2019, "t3.new_received", "total"),
    ("平潭国资局2020年收到多少申请", "平潭综合实验区国有资产管理局", 2020, "t3.new_received", "total"),
    ("平潭农业农村局2019年行政处罚多少", "平潭综合实验区农业农村局", 2019, "t2.admin_penalty", "decisions"),
    ("平潭市场监管局2018年收到多少申请", "平潭综合实验区市场监督管理局", 2018, "t3.new_received", "total"),
    ("平潭县政府2012年收到多少申请", "平潭县人民政府", 2012, "t3.new_received", "total"),
    ("平潭社事局2015年召开新闻发布会几次", SH, 2015, "text.press_conferences", "total"),
    # the seeds
    ("许昌市司法局23年主动公开信息多少条", XC, 2023, "text.proactive", "total"),
    ("许昌司法局2023年微博发布多少条", XC, 2023, "text.weibo_posts", "total"),
    ("许昌市司法局2023年微信公众号发布信息数", XC, 2023, "text.wechat_posts", "total"),
    ("许昌市司法局2023年网站发布信息多少条", XC, 2023, "text.website_posts", "total"),
    ("正宁县司法局2022年行政复议维持几件", ZN, 2022, "t4.review", "upheld"),
    ("正宁县司法局2022年复议其他结果几件", ZN, 2022, "t4.review", "other"),
    ("正宁司法局2022年行政诉讼多少件", ZN, 2022, "t4.litigation", "total"),
    ("正宁县司法局2022年复议后起诉的有几件", ZN, 2022, "t4.lit_after_review", "total"),
    ("正宁县司法局2022年予以公开几件", ZN, 2022, "t3.granted", "total"),
    ("东风区司法局2023年复议多少件", DF, 2023, "t4.review", "total"),
    ("硚口区司法局去年不予公开多少件", QK, 2024, "t3.denied", "total"),
    ("硚口区司法局2024年度行政处罚", QK, 2024, "t2.admin_penalty", "decisions"),
    # English
    ("How many information requests did 沭阳县人民政府 receive in 2025?", SY, 2025, "t3.new_received", "total"),
    ("How many requests did 沭阳县人民政府 grant in full in 2025?", SY, 2025, "t3.granted", "total"),
    ("How many requests were partially disclosed by 沭阳县人民政府 in 2025?", SY, 2025, "t3.partial", "total"),
    ("How many requests did 平潭综合实验区 refuse last year?", ZONE, 2024, "t3.denied", "total"),
    ("number of administrative reconsiderations of 沭阳县人民政府 in 2025", SY, 2025, "t4.review", "total"),
    ("how many reconsiderations were upheld for 沭阳县人民政府 in 2025", SY, 2025, "t4.review", "upheld"),
    ("How many reconsideration cases were pending for 沭阳县人民政府 in 2025?", SY, 2025, "t4.review", "pending"),
    ("lawsuits against 平潭综合实验区 in 2024, how many?", ZONE, 2024, "t4.litigation", "total"),
    ("How many administrative licences did 洪泽区人民政府 grant in 2023?", HZ, 2023, "t2.admin_license", "decisions"),
    ("How many penalties did 平潭综合实验区 impose in 2023?", ZONE, 2023, "t2.admin_penalty", "decisions"),
    ("administrative coercion by 洪泽区人民政府 in 2023", HZ, 2023, "t2.admin_coercion", "decisions"),
    ("What were the administrative fees of 平潭综合实验区 in 2024?", ZONE, 2024, "t2.admin_fees", "amount_wan_yuan"),
    ("How many normative documents were in force at 平潭综合实验区 in 2023?", ZONE, 2023, "t2.normative_docs", "in_force"),
    ("how many normative docs were repealed by 平潭综合实验区 in 2024", ZONE, 2024, "t2.normative_docs", "repealed"),
    ("How many requests did companies file with 沭阳县人民政府 in 2025?", SY, 2025, "t3.new_received", "commercial_enterprise"),
    ("How many requests were carried forward by 沭阳县人民政府 in 2025?", SY, 2025, "t3.carried_forward", "total"),
    ("how many requests could not be provided by 洪泽区人民政府 in 2023", HZ, 2023, "t3.unable", "total"),
    ("How many requests were not processed by 沭阳县人民政府 in 2025?", SY, 2025, "t3.not_processed", "total"),
    ("How many requests were refused as state secrets by 洪泽区人民政府 in 2023?", HZ, 2023, "t3.denied.state_secret", "total"),
    ("How many items did 洪泽区人民政府 publish proactively in 2023?", HZ, 2023, "text.proactive", "total"),
    ("How many requests did lawyers file with 沭阳县人民政府 in 2025?", SY, 2025, "t3.new_received", "legal_service_org"),
    ("How many requests did 平潭综合实验区 receive in FY2024?", ZONE, 2024, "t3.new_received", "total"),
    ("How many requests came from individuals at 平潭综合实验区 in 2024?", ZONE, 2024, "t3.new_received", "natural_person"),
    ("How many coercive measures did 平潭综合实验区 take in 2024?", ZONE, 2024, "t2.admin_coercion", "decisions"),
    ("What was the total of penalties at 平潭综合实验区 in 2024?", ZONE, 2024, "t2.admin_penalty", "decisions"),
    ("Did 洪泽区人民政府 face any lawsuits in 2023?", HZ, 2023, "t4.litigation", "total"),
    ("how many FOI requests were there at 沭阳县人民政府 in 2025", SY, 2025, "t3.new_received", "total"),
    ("How many licensing decisions did 平潭综合实验区 make in 2024?", ZONE, 2024, "t2.admin_license", "decisions"),
]  # fmt: skip


def _v(agency: str, year: int, key: str):
    row, column = key.rsplit(".", 1)
    return by_agency(agency, year).value(row, column)


# Several figures asked at once: question, agency, year, keys
MULTI = [
    ("平潭综合实验区2024年规范性文件制发和废止分别是多少", ZONE, 2024, ("t2.normative_docs.issued", "t2.normative_docs.repealed")),
    ("沭阳县2025年复议维持和纠正各几件", SY, 2025, ("t4.review.upheld", "t4.review.corrected")),
    ("沭阳县2025年自然人和法人申请分别多少件", SY, 2025, ("t3.new_received.natural_person", "t3.new_received.legal_persons")),
    ("洪泽区2023年行政处罚和行政强制分别多少", HZ, 2023, ("t2.admin_penalty.decisions", "t2.admin_coercion.decisions")),
    ("正宁县司法局2022年收到多少申请？予以公开多少？", ZN, 2022, ("t3.new_received.total", "t3.granted.total")),
    ("东风区司法局2023年收到多少申请，行政复议多少", DF, 2023, ("t3.new_received.total", "t4.review.total")),
    ("洪泽区2023年收到多少申请，行政处罚多少", HZ, 2023, ("t3.new_received.total", "t2.admin_penalty.decisions")),
    ("平潭综合实验区2024年收到申请多少件，其中自然人多少", ZONE, 2024, ("t3.new_received.total", "t3.new_received.natural_person")),
    ("平潭综合实验区2024年行政复议多少，维持几件", ZONE, 2024, ("t4.review.total", "t4.review.upheld")),
    ("沭阳县2025年上年结转和结转下年度各多少", SY, 2025, ("t3.carried_over.total", "t3.carried_forward.total")),
    ("许昌市司法局2023年收到多少件申请？另外行政诉讼呢", XC, 2023, ("t3.new_received.total", "t4.litigation.total")),
    ("许昌市司法局2023年被复议的和被诉的分别多少", XC, 2023, ("t4.review.total", "t4.litigation.total")),
    ("平潭综合实验区2024年企业申请了多少，个人申请了多少", ZONE, 2024, ("t3.new_received.commercial_enterprise", "t3.new_received.natural_person")),
    ("平潭综合实验区2024年收到申请和办结申请分别多少", ZONE, 2024, ("t3.new_received.total", "t3.results_total.total")),
    ("洪泽区2023年收到的申请和行政复议", HZ, 2023, ("t3.new_received.total", "t4.review.total")),
]  # fmt: skip

# question, agency A, agency B, year, key (compare_agencies)
COMPARE = [
    ("洪泽区和沭阳县发改局2023年收到的申请哪个多", HZ, FG, 2023, "t3.new_received.total"),
    ("洪泽区和平潭综合实验区2023年行政处罚哪个多", HZ, ZONE, 2023, "t2.admin_penalty.decisions"),
    ("洪泽区比平潭审批局2023年收到申请多多少", HZ, SP, 2023, "t3.new_received.total"),
    ("许昌和东风区司法局2023年收到的申请谁多", XC, DF, 2023, "t3.new_received.total"),
    ("洪泽区与平潭综合实验区23年复议数量比较", HZ, ZONE, 2023, "t4.review.total"),
    ("洪泽区和平潭综合实验区2023年哪个不予公开多", HZ, ZONE, 2023, "t3.denied.total"),
    ("平潭综合实验区与平潭审批局2024年行政处罚对比", ZONE, SP, 2024, "t2.admin_penalty.decisions"),
    ("2025年沭阳县和平潭交建局的行政复议案件哪个多", SY, JJ, 2025, "t4.review.total"),
    ("Compare the requests received by 平潭综合实验区 and 平潭综合实验区行政审批局 in 2024", ZONE, SP, 2024, "t3.new_received.total"),
    ("洪泽区政府比平潭综合实验区2023年行政许可多多少", HZ, ZONE, 2023, "t2.admin_license.decisions"),
    ("平潭社会事业局和平潭自然资源与生态环境局23年予以公开相比", SH, ZR, 2023, "t3.granted.total"),
]  # fmt: skip

# question, agency, key, years, kind (change/growth), "two" (X比Y: the two years) or "all"
CHANGES = [
    ("平潭综合实验区2024年比2023年收到的申请多了多少", ZONE, "t3.new_received.total", (2023, 2024), "change"),
    ("平潭综合实验区2023年到2024年不予公开的变化", ZONE, "t3.denied.total", (2023, 2024), "change"),
    ("平潭综合实验区去年的行政复议比前年增加了几件", ZONE, "t4.review.total", (2023, 2024), "change"),
    ("平潭行政审批局2024年收到申请比上年增长百分之几", SP, "t3.new_received.total", (2023, 2024), "growth"),
    ("How did the lawsuits of 平潭综合实验区 change from 2023 to 2024?", ZONE, "t4.litigation.total", (2023, 2024), "change"),
    ("平潭综合实验区2023到2024年申请增长了百分之多少", ZONE, "t3.new_received.total", (2023, 2024), "growth"),
    ("平潭综合实验区去年比前年行政处罚减少了多少", ZONE, "t2.admin_penalty.decisions", (2023, 2024), "change"),
    ("平潭审批局这两年收到的申请", SP, "t3.new_received.total", (2023, 2024), "change"),
    ("Did 平潭综合实验区 receive more requests in 2024 than in 2023?", ZONE, "t3.new_received.total", (2023, 2024), "change"),
    ("平潭审批局24年予以公开比23年增加多少", SP, "t3.granted.total", (2023, 2024), "change"),
]  # fmt: skip

# question, key, year, order, limit
RANKS = [
    ("2023年哪个单位行政处罚最多", "t2.admin_penalty.decisions", 2023, "desc", None),
    ("2024年予以公开最少的单位", "t3.granted.total", 2024, "asc", None),
    ("2023年各单位行政许可数量排名前三", "t2.admin_license.decisions", 2023, "desc", 3),
    ("2025年哪个单位的行政复议多", "t4.review.total", 2025, "desc", None),
    ("Which agency had the most lawsuits in 2023?", "t4.litigation.total", 2023, "desc", None),
    ("2023年不予公开最多的是哪个单位", "t3.denied.total", 2023, "desc", None),
    ("23年现行有效规范性文件最多的单位", "t2.normative_docs.in_force", 2023, "desc", None),
    ("2024年各单位收到申请排行", "t3.new_received.total", 2024, "desc", None),
    ("which agency refused the most requests in 2024", "t3.denied.total", 2024, "desc", None),
    ("2023年无法提供最多的单位是哪家", "t3.unable.total", 2023, "desc", None),
    ("去年部分公开最多的是谁", "t3.partial.total", 2024, "desc", None),
    ("2023年哪三个单位收到的申请最多", "t3.new_received.total", 2023, "desc", 3),
    ("2023年行政处罚排名第一的是谁", "t2.admin_penalty.decisions", 2023, "desc", None),
    ("前年行政许可最多的是哪个单位", "t2.admin_license.decisions", 2023, "desc", None),
    ("2023年各单位的行政事业性收费排名", "t2.admin_fees.amount_wan_yuan", 2023, "desc", None),
    ("Which agency had the fewest penalties in 2024?", "t2.admin_penalty.decisions", 2024, "asc", None),
]  # fmt: skip

# question, key, year, kind (sum_all / average_all)
SUMS = [
    ("2023年所有单位行政处罚加起来多少", "t2.admin_penalty.decisions", 2023, "sum_all"),
    ("2024年各单位一共予以公开多少件", "t3.granted.total", 2024, "sum_all"),
    ("2025年全部单位行政复议总共多少件", "t4.review.total", 2025, "sum_all"),
    ("2023年各单位平均行政处罚多少件", "t2.admin_penalty.decisions", 2023, "average_all"),
    ("What was the total number of penalties of all agencies in 2024?", "t2.admin_penalty.decisions", 2024, "sum_all"),
    ("Total requests received by all agencies in 2025", "t3.new_received.total", 2025, "sum_all"),
    ("2023年所有单位的申请总数", "t3.new_received.total", 2023, "sum_all"),
    ("2023年平均每家单位收到多少件申请", "t3.new_received.total", 2023, "average_all"),
    ("2024年各单位行政诉讼总共多少件", "t4.litigation.total", 2024, "sum_all"),
]  # fmt: skip

# The agencies of one place (平潭各单位): question, key, year, kind (sum_all / rank), place
PLACE = [
    ("2023年平潭各单位收到的申请合计", "t3.new_received.total", 2023, "sum_all", "平潭"),
    ("平潭综合实验区各部门2023年行政处罚一共多少", "t2.admin_penalty.decisions", 2023, "sum_all", "平潭综合实验区"),
    ("平潭各单位2023年行政处罚排名", "t2.admin_penalty.decisions", 2023, "rank", "平潭"),
    ("2023年平潭各单位收到申请排名", "t3.new_received.total", 2023, "rank", "平潭"),
]  # fmt: skip

# question, agencies, year, key
SUM_AGENCIES = [
    ("平潭综合实验区和平潭审批局2024年一共收到多少申请", (ZONE, SP), 2024, "t3.new_received.total"),
    ("沭阳县和平潭交建局2025年行政诉讼合计", (SY, JJ), 2025, "t4.litigation.total"),
]  # fmt: skip

# question, expected kind, what the answer must name
DECLINES = [
    ("平潭综合实验区2024年收到多少只狗", "not_understood", {"unknown": ["狗"]}),
    ("杭州市西湖区人民政府2023年收到多少申请", "not_stored", {"not_stored": ["杭州市西湖区人民政府"]}),
    ("沭阳县公安局2025年收到多少申请", "not_stored", {"not_stored": ["沭阳县公安局"]}),
    ("洪泽区人民政府2020年收到多少申请", "no_data", {"years": [2023]}),
    ("沭阳县人民政府二〇二二年行政复议多少件", "no_data", {"years": [2025]}),
    ("洪泽区2023年的地区生产总值是多少", "not_understood", {"unknown": ["生产", "值"]}),
    ("How many employees did 洪泽区人民政府 have in 2023?", "not_understood", {"unknown": ["employees"]}),
    ("洪泽区2023年信息公开申请的平均办理天数", "not_understood", {"unknown": ["天"]}),
    ("许昌市司法局2023年行政复议中自然人多少", "not_understood", {"unknown": ["自然人"]}),
    ("去年行政复议有几件", "not_understood", {"missing": ["agency"]}),
    ("硚口区司法局2023年收到多少申请", "no_data", {"years": [2024]}),
    ("北京市海淀区司法局去年行政诉讼多少件", "not_stored", {"not_stored": ["北京市海淀区司法局"]}),
    ("许昌市司法局2023年行政复议驳回多少件", "not_understood", {"unknown": ["驳回"]}),
    ("洪泽区2023年政府信息公开的满意度", "not_understood", {"unknown": ["满意度"]}),
    ("沭阳县2025年收费", "choose", {"choices": ["t2.admin_fees", "text.processing_fee"]}),
    ("沭阳县2025年结转几件", "choose", {"choices": ["t3.carried_over", "t3.carried_forward"]}),
    ("How many requests did 洪泽区人民政府 receive in 2019?", "no_data", {"years": [2023]}),
    ("洪泽区2023年收到多少封信", "not_understood", {"unknown": ["封信"]}),
    ("沭阳县2025年行政处罚罚款金额", "not_understood", {"unknown": ["罚款"]}),
    ("平潭综合实验区2024年复议被驳回几件", "not_understood", {"unknown": ["驳回"]}),
    ("2030年哪个单位收到的申请最多", "no_data", {}),
    ("What share of requests did 平潭综合实验区 grant in 2024?", "not_understood", {"unknown": ["what share"]}),
    ("洪泽区2023年行政复议维持率", "not_understood", {"unknown": ["率"]}),
    ("平潭综合实验区2024年收到的申请比2023年多了几倍", "not_understood", {"unknown": ["几倍"]}),
    ("2023年收到申请超过10件的单位有哪些", "not_understood", {"unknown": ["超过10"]}),
    ("洪泽区司法局去年行政复议几件", "not_stored", {"not_stored": ["洪泽区司法局"]}),
    ("许昌市人民政府2023年收到多少申请", "not_stored", {"not_stored": ["许昌市人民政府"]}),
    ("洪泽县人民政府2023年收到多少申请", "choose", {"agencies": ["洪泽区人民政府"]}),
    ("平谭综合实验区2024年收到多少申请", "choose", {"agencies": ["平潭综合实验区"]}),
    ("东阳县2025年行政复议多少件", "choose", {"agencies": ["沐阳县人民政府"]}),
    ("平潭综合实验区2024年收到的申请中予以公开的比例", "not_understood", {"unknown": ["比例"]}),
    ("平潭综合实验区2024年予以公开占比", "not_understood", {"unknown": ["占比"]}),
    ("What percentage of requests did 平潭综合实验区 grant in 2024?", "not_understood", {"unknown": ["percentage of"]}),
    ("平潭综合实验区2024年收到的申请是平潭审批局的几倍", "not_understood", {"unknown": ["几倍"]}),
    ("平潭综合实验区2024年上半年收到多少申请", "not_understood", {"unknown": ["半"]}),
    ("平潭综合实验区2024年12月收到多少申请", "not_understood", {"unknown": ["12月"]}),
    ("How many lawsuits were unfinished at 平潭综合实验区 in 2024?", "not_understood", {"unknown": ["unfinished"]}),
    ("沭阳县2025年复议还有多少没办完", "not_understood", {"unknown": ["没办完"]}),
    ("这个单位去年收到多少申请", "not_understood", {"missing": ["agency"]}),
    ("平潭综合实验区2030年行政复议多少件", "no_data", {"years": [2023, 2024]}),
]  # fmt: skip


def reader_cases() -> list[Case]:
    out = []
    for question, agency, year, row, column in FIGURES:
        t = by_agency(agency, year)
        key = f"{row}.{column}"
        expect = {"kind": "figure", "agency": agency, "year": year, "key": key,
                  "value": t.value(row, column)}  # fmt: skip
        if row.startswith("text."):
            expect.update(key=row, value=t.stated.get(row), from_text=True)
        out.append(Case("figure_reader", question, expect, (t.name,), _lang(question)))
    for question, agency, year, keys in MULTI:
        t = by_agency(agency, year)
        parts = [{"kind": "figure", "agency": agency, "year": year, "key": k,
                  "value": _v(agency, year, k)} for k in keys]  # fmt: skip
        out.append(Case("multi_reader", question, {"kind": "multi", "parts": parts}, (t.name,)))
    for question, a, b, year, key in COMPARE:
        va, vb = _v(a, year, key), _v(b, year, key)
        expect = {"kind": "compare_agencies", "key": key, "year": year,
                  "items": [(a, va), (b, vb)],
                  "delta": None if va is None or vb is None else va - vb}  # fmt: skip
        names = (by_agency(a, year).name, by_agency(b, year).name)
        out.append(Case("comparison_reader", question, expect, names, _lang(question)))
    for question, agency, key, years, kind in CHANGES:
        items = [(y, _v(agency, y, key)) for y in years]
        v1, v2 = items[0][1], items[-1][1]
        expect = {"kind": kind, "key": key, "items": items, "delta": v2 - v1,
                  "rate": None if not v1 else round((v2 - v1) / v1 * 100, 1)}  # fmt: skip
        names = tuple(by_agency(agency, y).name for y in years)
        out.append(Case("comparison_reader", question, expect, names, _lang(question)))
    same = _same_year()
    ranks = [(q, k, y, "desc", None, p) for q, k, y, kind, p in PLACE if kind == "rank"]
    for question, key, year, order, limit, place in [(*r, None) for r in RANKS] + ranks:
        row, column = key.rsplit(".", 1)
        ts = [t for t in same[year] if place is None or place in t.agency]
        values = [(t.agency, t.value(row, column)) for t in ts]
        known = sorted(((a, v) for a, v in values if v is not None),
                       key=lambda av: av[1], reverse=order == "desc")  # fmt: skip
        top = known[0][1] if known else None
        expect = {"kind": "rank", "key": key, "year": year,
                  "values": [v for _, v in known[: limit or 5]],
                  "first": sorted(a for a, v in known if v == top),
                  "count": len(known), "blank": len(values) - len(known)}  # fmt: skip
        out.append(
            Case("ranking_reader", question, expect, tuple(t.name for t in ts), _lang(question))
        )
    sums = [(q, k, y, kind, place) for q, k, y, kind, place in PLACE if kind == "sum_all"]
    for question, key, year, kind, place in [(*x, None) for x in SUMS] + sums:
        row, column = key.rsplit(".", 1)
        ts = [t for t in same[year] if place is None or place in t.agency]
        known = [v for v in (t.value(row, column) for t in ts) if v is not None]
        total = sum(known) if known else None
        value = total if kind == "sum_all" or not known else round(total / len(known), 2)
        expect = {"kind": kind, "key": key, "year": year, "value": value, "count": len(known)}
        out.append(Case("sum_reader", question, expect, tuple(t.name for t in ts), _lang(question)))
    for question, agencies, year, key in SUM_AGENCIES:
        values = [_v(a, year, key) for a in agencies]
        value = None if None in values else sum(values)
        expect = {"kind": "sum_agencies", "key": key, "year": year, "value": value}
        names = tuple(by_agency(a, year).name for a in agencies)
        out.append(Case("sum_reader", question, expect, names, _lang(question)))
    for question, kind, detail in DECLINES:
        out.append(
            Case("must_decline_reader", question, {"kind": kind, **detail}, (), _lang(question))
        )
    return out

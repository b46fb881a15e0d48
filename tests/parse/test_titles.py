"""Titles as agencies really write them, and who the issuer is."""

from __future__ import annotations

import pytest

from core.parse.meta import issuer_kind, split_title


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("东风区司法局2023年政府信息公开工作年度报告", "东风区司法局", 2023),
        ("东风区司法局2023年度政府信息公开工作年度报告", "东风区司法局", 2023),
        ("东风区司法局二〇二三年政府信息公开工作年度报告", "东风区司法局", 2023),
        ("2023年东风区司法局政府信息公开工作年度报告", "东风区司法局", 2023),
        ("东风区司法局政府信息公开工作2023年度报告", "东风区司法局", 2023),
        ("正宁县司法局关于2022年度政府信息公开工作的报告", "正宁县司法局", 2022),
        ("区司法局2019年政府信息公开年度报告", "区司法局", 2019),
        (
            "某市人民政府办公室（市政务服务数据管理局）2024年政府信息公开工作年度报告",
            "某市人民政府办公室（市政务服务数据管理局）",
            2024,
        ),
    ],
)
def test_agency_and_year_come_out_of_the_title(title, agency, year):
    assert split_title(title) == (agency, year)


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("硚口区司法局", "department"),
        ("某县人民政府办公室", "department"),
        ("某市发展和改革委员会", "department"),
        ("某市人民政府办公室（市政务服务数据管理局）", "department"),
        ("清河县人民政府", "government"),
        ("某镇人民政府", "township"),
        ("某街道办事处", "township"),
        (None, "unknown"),
    ],
)
def test_the_issuer_kind_follows_the_agency_name(agency, kind):
    assert issuer_kind(agency) == kind

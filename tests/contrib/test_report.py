"""`salesbook stale` and `salesbook report coverage` on a fixture whose answers are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import build_file_tree, salesbook

STALE = [
    "超过审核周期的内容（今天：2026-09-01；各类内容的审核周期见 site_config/review.yaml）",
    "",
    "王磊（2 项）",
    "  content/faqs/cloud-faq.yaml  常见问题「设备云常见问题」  上次审核 2026-03-01，已超期 94 天（周期 90 天）",
    "  content/products/cloud.yaml  产品「设备云」  上次审核 2026-01-10，已超期 54 天（周期 180 天）",
    "",
    "销售运营（1 项）",
    "  content/sops/lead-intake.yaml  SOP「线索接收」  上次审核 2026-02-01，已超期 32 天（周期 180 天）",
    "",
    "没有负责人的内容（1 项）",
    "  content/products/gateway.yaml  产品「边缘网关」  上次审核 2026-06-01，未超期",
    "",
    "共 3 项超期，1 项没有负责人。",
]


def test_stale_groups_overdue_items_by_owner(team: Path) -> None:
    run = salesbook("stale", "--today", "2026-09-01", cwd=team)
    assert (run.code, run.lines) == (0, STALE)


def test_today_can_come_from_the_environment(team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESBOOK_TODAY", "2026-09-01")
    run = salesbook("stale", cwd=team)
    assert run.lines == STALE


def test_stale_as_json(team: Path) -> None:
    run = salesbook("stale", "--today", "2026-09-01", "--format", "json", cwd=team)
    data = json.loads(run.out)
    assert data["today"] == "2026-09-01"
    assert [(group["owner"], [item["id"] for item in group["items"]]) for group in data["stale"]] == [("王磊", ["cloud-faq", "cloud"]), ("销售运营", ["lead-intake"])]
    assert data["stale"][0]["items"][0] == {
        "kind": "faq", "id": "cloud-faq", "title": "设备云常见问题", "owner": "王磊", "path": "content/faqs/cloud-faq.yaml",
        "reviewed": "2026-03-01", "interval_days": 90, "due": "2026-05-30", "overdue_days": 94,
    }
    assert [item["id"] for item in data["no_owner"]] == ["gateway"]


def test_without_a_review_file_every_type_is_reviewed_every_180_days(team: Path) -> None:
    (team / "site_config/review.yaml").unlink()
    run = salesbook("stale", "--today", "2026-09-01", cwd=team)
    assert "  content/faqs/cloud-faq.yaml  常见问题「设备云常见问题」  上次审核 2026-03-01，已超期 4 天（周期 180 天）" in run.lines
    assert run.lines[-1] == "共 4 项超期，1 项没有负责人。"  # "待定" means nobody, unless the file says otherwise


def test_a_mistake_in_the_review_file_is_located(team: Path) -> None:
    build_file_tree(team, {"site_config/review.yaml": "default_days: 180\ndays:\n  faqs: 90\n"})
    run = salesbook("stale", "--today", "2026-09-01", cwd=team)
    assert run.code == 1
    assert run.lines == ["site_config/review.yaml:3:9: days.faqs: `faqs` 不是内容类型，是不是 `faq`？（可用：product、faq、case-study、sop、playbook、plan）"]


def test_a_bad_date_is_a_usage_error(team: Path) -> None:
    run = salesbook("stale", "--today", "2026-9-1", cwd=team)
    assert (run.code, run.err.strip()) == (2, "salesbook: 日期格式应为 YYYY-MM-DD：2026-9-1")


def test_coverage_shows_where_the_knowledge_base_is_thin(team: Path) -> None:
    run = salesbook("report", "coverage", cwd=team)
    assert (run.code, run.lines) == (0, [
        "客户案例或常见问题少于 2 个的产品：",
        "  gateway（边缘网关 EG-1）：客户案例 1 个，常见问题 0 条",
        "",
        "客户案例少于 2 个的行业：",
        "  汽车及零部件：客户案例 1 个",
        "  食品饮料：客户案例 1 个",
        "  医药：客户案例 0 个",
        "",
        "没有任何 SOP 覆盖的销售阶段：",
        "  签约",
        "  回款",
    ])


def test_coverage_as_json_with_another_minimum(team: Path) -> None:
    run = salesbook("report", "coverage", "--min", "1", "--format", "json", cwd=team)
    assert json.loads(run.out) == {
        "minimum": 1,
        "products": [{"id": "gateway", "name": "边缘网关 EG-1", "case_studies": 1, "faq_questions": 0}],
        "industries": [{"industry": "医药", "case_studies": 0}],
        "stages_without_sop": ["签约", "回款"],
    }

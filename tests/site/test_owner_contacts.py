"""Owners are reachable: the contact declared once in site_config/contacts.yaml shows beside the
owner on every page, and “内容有误？” opens the source file when a repository is configured."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.site.generate import generate_pages
from generator.validate import check_repository
from tests.helpers import build_file_tree

TODAY = date(2026, 11, 1)
CONTACTS = """people:
  - name: 李娜
    title: 华东区大客户经理
    wecom: lina
    email: li.na@example.com
    phone: 021-5555 0101
"""


def _case_page(root: Path, docs: Path) -> str:
    generate_pages(check_repository(root).require_clean(), docs, set(), TODAY)
    return (docs / "case-studies" / "demo-customer.md").read_text(encoding="utf-8")


def test_the_owner_contact_and_the_edit_link_show_when_configured(minimal: Path, tmp_path: Path) -> None:
    build_file_tree(minimal, {
        "site_config/contacts.yaml": CONTACTS,
        "site_config/site.yaml": "repo_url: https://git.example.com/sales/kb\nedit_uri: -/edit/main/\n",
    })
    page = _case_page(minimal, tmp_path / "docs")
    assert (
        '<p class="sb-meta"><span class="sb-meta__item">负责人：李娜</span>'
        '<span class="sb-meta__item sb-contact">企业微信：lina</span>'
        '<span class="sb-meta__item sb-contact">邮箱：<a href="mailto:li.na@example.com">li.na@example.com</a></span>'
        '<span class="sb-meta__item sb-contact">电话：<a href="tel:021-55550101">021-5555 0101</a></span>'
        '<span class="sb-meta__item">最近审核：2026-09-15</span>'
        '<a class="sb-meta__item sb-edit" href="https://git.example.com/sales/kb/-/edit/main/content/case-studies/demo-customer.yaml">内容有误？</a></p>'
    ) in page


def test_no_edit_link_without_a_repository(minimal: Path, tmp_path: Path) -> None:
    page = _case_page(minimal, tmp_path / "docs")
    assert "内容有误" not in page and "sb-contact" not in page


def test_a_person_declared_twice_is_a_located_error(minimal: Path, tmp_path: Path) -> None:
    build_file_tree(minimal, {"site_config/contacts.yaml": CONTACTS + "  - name: 李娜\n    phone: 021-5555 0102\n"})
    with pytest.raises(ContentError) as raised:
        _case_page(minimal, tmp_path / "docs")
    assert [p.format() for p in raised.value.problems] == ["site_config/contacts.yaml:7:11: people[1].name: 联系人“李娜”已在第 2 行写过，每人只写一次"]


def test_a_wrong_repository_address_is_a_located_error(minimal: Path, tmp_path: Path) -> None:
    build_file_tree(minimal, {"site_config/site.yaml": "repo_url: git.example.com/sales/kb\n"})
    with pytest.raises(ContentError) as raised:
        _case_page(minimal, tmp_path / "docs")
    assert [p.format() for p in raised.value.problems] == [
        "site_config/site.yaml:1:11: repo_url: 格式不对：应为以 http:// 或 https:// 开头的网址，如 `https://git.example.com/sales/kb`"
    ]

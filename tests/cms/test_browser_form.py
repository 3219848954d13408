"""A team lead and a supervisor use the form on a checkout (`salesbook serve --cms`, real Chromium).

The form saves through the local backend into the working copy; what it writes
must pass `salesbook check` as it is, and an edit must change only what was edited.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.cms.conftest import LocalForm
from tests.contrib.gitrepo import git
from tests.cms.form import open_editor
from tests.helpers import salesbook

SAVE_SECONDS = 90  # a loaded CI machine: Decap saves through decap-server, then salesbook tidies
ACTION_SECONDS = 60
"""Generous: on a busy machine Decap's 5 MB bundle takes a while to start."""


@pytest.fixture(scope="module")
def page(browser: Browser, local_form: LocalForm) -> Iterator[Page]:
    """A logged-in tab on /admin/ that records every request it makes (one for the module: Decap loads once)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(ACTION_SECONDS * 1000)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(local_form.url + "admin/")
    tab.get_by_role("button", name="登录").click()
    tab.get_by_text("客户案例").first.wait_for()
    tab.requests = requests  # type: ignore[attr-defined]
    yield tab
    context.close()


def local_api(page: Page) -> str:
    """Return the local backend's address, as the form's configuration gives it."""
    config = page.evaluate("fetch('config.yml').then(r => r.text())")
    return config.split("local_backend:\n  url: ")[1].split("\n")[0]


def wait_for_tidied(path: Path) -> str:
    """Return the file once the form wrote it and salesbook tidied it (it starts with the schema line)."""
    deadline = time.monotonic() + SAVE_SECONDS
    while time.monotonic() < deadline:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text.startswith("# yaml-language-server:"):
            time.sleep(1)  # the watcher may still be writing
            return path.read_text(encoding="utf-8")
        time.sleep(0.3)
    raise AssertionError(f"{path} was not written and tidied: {path.read_text(encoding='utf-8') if path.is_file() else 'missing'}")


def test_the_form_loads_from_the_site_alone_in_chinese(page: Page, local_form: LocalForm) -> None:
    api = local_api(page)
    outside = [url for url in page.requests if not url.startswith((local_form.url, api, "data:", "blob:"))]  # type: ignore[attr-defined]
    assert outside == []
    assert api in page.requests  # type: ignore[attr-defined]
    for collection in ("产品", "常见问题", "客户案例", "计划：数据驱动、KPI导向型"):
        assert page.get_by_role("link", name=collection, exact=True).count() == 1, collection


def test_the_backend_writes_only_in_the_content_folders(page: Page, local_form: LocalForm) -> None:
    """Even the preview's own page cannot make the backend write a git hook; another origin cannot call it at all."""
    api = local_api(page)
    hook = {"action": "persistEntry", "params": {"entry": {"path": ".git/hooks/pre-commit", "raw": "#!/bin/sh\n"}, "assets": []}}
    script = "([api, body]) => fetch(api, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)}).then(r => r.status)"
    assert page.evaluate(script, [api, hook]) == 403
    assert not (local_form.root / ".git" / "hooks" / "pre-commit").exists()
    outsider = urllib.request.Request(api, data=json.dumps({"action": "info", "params": {}}).encode(), headers={"Content-Type": "application/json", "Origin": "https://evil.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(outsider, timeout=10)
    refused.value.close()
    assert refused.value.code == 403


def test_a_case_study_from_the_form_passes_check(page: Page, local_form: LocalForm) -> None:
    form = open_editor(page, local_form.url + "admin/#/collections/case-study/new")
    form.item("wuxi-bearing-oee", "无锡某轴承厂：设备综合效率提升 12 个百分点", "周敏（华东区大客户经理）", "2026-11-30")
    form.fill([
        ("type", "客户名称", "无锡某轴承企业"),
        ("choose", "客户所在行业", "机械", "机械装备"),
        ("choose", "所属销售区域", "华东", "华东区"),
        ("choose", "企业规模", "中", "中型"),
        ("choose", "使用的产品 id", "lt-edge", "澜拓 EG-500 工业边缘网关（lt-edge-gateway）"),
        ("type", "一句话概要", "用边缘网关采集 60 台磨床数据，三个月内 OEE 从 61% 提到 73%。"),
        ("write", "背景", "客户有 60 台磨床，设备数据靠人工抄表。"),
        ("write", "挑战", "停机原因说不清，排产经常被打乱。"),
        ("write", "方案", "先接入 20 台关键磨床，再推广到全厂。\n\n每周与设备部复盘一次停机原因。"),
        ("add", "新增量化结果"),
        ("type", "指标名称", "设备综合效率（OEE）"),
        ("type", "实施前的数值", "61"),
        ("type", "实施后的数值", "73"),
        ("type", "单位", "%"),
        ("choose", "数值越高越好", "越高", "越高越好"),
    ])
    form.publish()

    written = wait_for_tidied(local_form.root / "content" / "case-studies" / "wuxi-bearing-oee.yaml")
    assert "products:\n  - lt-edge-gateway\n" in written
    assert "results:\n  - name: 设备综合效率（OEE）\n" in written
    run = salesbook("check", cwd=local_form.root)
    assert run.code == 0, written + run.out + run.err


def test_editing_a_faq_answer_changes_only_that_answer(page: Page, local_form: LocalForm) -> None:
    faq = local_form.root / "content" / "faqs" / "lt-device-cloud-faq.yaml"
    before = faq.read_text(encoding="utf-8")
    form = open_editor(page, local_form.url + "admin/#/collections/faq/entries/lt-device-cloud-faq")
    form.unfold("问题列表", 0)
    editor = form.controls("回答").first.locator("[contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.insert_text("试用到期前一周，售前工程师会约客户复盘试用数据。")
    form.publish()

    deadline = time.monotonic() + SAVE_SECONDS
    while faq.read_text(encoding="utf-8") == before and time.monotonic() < deadline:
        time.sleep(0.3)
    after = wait_for_tidied(faq)
    diff = git(local_form.root, "diff", "--unified=0", "--", str(faq.relative_to(local_form.root)))
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    answer_lines = [line for line in changed if line[1:].startswith("      ") or not line[1:].strip()]  # inside `answer: |`
    assert changed and answer_lines == changed and diff.count("@@ ") == 2, diff  # one hunk, in the answer
    assert "试用到期前一周" in after and after.splitlines()[0] == before.splitlines()[0]
    assert salesbook("check", cwd=local_form.root).code == 0


def test_a_kpi_plan_from_the_form_passes_check(page: Page, local_form: LocalForm) -> None:
    form = open_editor(page, local_form.url + "admin/#/collections/plan-kpi/new")
    form.item("2027-q2-east-kpi", "华东区 2027 年第二季度 KPI 计划", "王磊（华东区销售总监）", "2026-11-30")
    form.fill([
        ("type", "团队", "华东区销售部"),
        ("type", "公司名称", "澜拓智能"),
        ("type", "计划期", "2027-Q2"),
        ("date", "编制日期", "2026-11-28", 0),  # the plan's own, not the sign-off block's
        ("write", "前言", "本季度以签约额和回款为主线，过程指标每周复盘。"),
        ("add", "新增财务目标"),
        ("type", "目标名称", "签约合同额"),
        ("type", "目标值", "1200"),
        ("type", "单位", "万元"),
        ("add", "新增目标分解表"),
    ])
    form.within("目标分解表").fill([
        ("type", "表格标题", "按月分解"),
        ("choose", "分解维度", "month", "month"),
        ("type", "被分解的总额", "1200"),
        ("type", "金额单位", "万元"),
        *[step for month, amount in (("4 月", "300"), ("5 月", "400"), ("6 月", "500")) for step in (("add", "新增分解行"), ("type", "分解项", month), ("type", "金额", amount))],
    ])
    form.fill([
        ("add", "新增KPI 及权重"),
        ("type", "指标组名称", "销售代表绩效卡"),
        *[step for name, weight in (("签约额达成率", "60"), ("有效拜访数", "40")) for step in (("add", "新增指标及权重"), ("type", "考核指标", name), ("type", "权重", weight))],
        ("add", "新增管理例会与数据复盘机制"),
        ("type", "名称", "周一数据例会"),
        ("type", "说明", "看上周漏斗转化和拜访量，确定本周重点客户。"),
        ("add", "新增激励方案"),
        ("type", "奖项名称", "季度冠军"),
        ("type", "奖励内容", "¥5,000"),
        ("type", "达标条件", "签约额达成率第一且不低于 110%"),
        ("add", "新增预算明细"),
        ("type", "费用科目", "客户活动"),
        ("type", "金额", "20"),
        ("add", "新增风险与应对"),
        ("type", "风险描述", "大客户招标推迟到下半年"),
        ("type", "应对措施", "提前锁定两家备选客户的小批量订单"),
    ])
    form.publish()

    written = wait_for_tidied(local_form.root / "content" / "plans" / "2027-q2-east-kpi.yaml")
    assert "archetype: kpi\n" in written
    run = salesbook("check", cwd=local_form.root)
    assert run.code == 0, written + run.out + run.err
    docx = salesbook("docx", "--output", local_form.root / "build" / "docx", cwd=local_form.root)
    assert docx.code == 0 and (local_form.root / "build" / "docx" / "2027-q2-east-kpi.docx").is_file(), docx.err

"""Pages cut into answer units: questions and steps with their anchors, cross-references left out."""

from __future__ import annotations

from generator.search.units import ANSWER_BOOST, page_units, units_of_page

FAQ_PAGE = """
<h1 id="x">设备云常见问题</h1>
<p class="sb-meta"><span>负责人：许文博</span></p>
<p class="sb-internal-page"><span class="sb-internal__tag">内部</span>本页只供同事参考，不要发给客户。</p>
<p class="sb-send"><a class="md-button sb-send__docx" href="x.docx">Word 版</a> <span class="sb-send__hint">只含可以给客户看的内容</span></p>
<div class="admonition warning sb-stale"><p class="admonition-title">审核已过期</p><p>本页最近一次审核是 2026-04-09。</p></div>
<p class="sb-lead">产品：<a href="../../products/cloud/">设备云</a>。共 2 个问题。</p>
<h2 class="sb-answer" id="free-trial">能免费试用吗？<a class="headerlink" href="#free-trial">¶</a></h2>
<p class="sb-badges"><span class="sb-badge">初步接洽</span><span class="sb-badge">试用</span></p>
<p><strong>可以，</strong>试用 30 天。</p>
<table><tr><td>版本</td><td>标准版</td></tr></table>
<h2 id="客户案例">客户案例</h2>
<ul><li><a href="../../case-studies/a/">某冷链企业</a>：冷库温度下降九成</li></ul>
<h2 id="相关内容">相关内容</h2>
<ul><li>产品：<a href="../../products/gateway/">澜拓 EG-500 工业边缘网关</a></li></ul>
"""


def test_a_page_is_cut_into_its_own_unit_and_one_per_answer() -> None:
    units = units_of_page(FAQ_PAGE, "faqs/cloud-faq/", "设备云常见问题", "常见问题", ["SaaS"])
    assert [(u.url, u.title) for u in units] == [("faqs/cloud-faq/", "设备云常见问题"), ("faqs/cloud-faq/#free-trial", "能免费试用吗？")]
    top, trial = units
    assert top.text == "产品：设备云。共 2 个问题。" and top.context == "常见问题 SaaS"  # no Word download, no overdue notice
    assert trial.text == "可以，试用 30 天。 · 版本 · 标准版"  # cells apart, labels not in the excerpt text
    assert "试用" in trial.context and trial.title_words == "能免费试用吗？ 设备云常见问题"


def test_sections_that_only_list_other_items_are_left_out() -> None:
    units = units_of_page(FAQ_PAGE, "faqs/cloud-faq/", "设备云常见问题", "常见问题", [])
    assert all("冷库" not in u.text and "EG-500" not in u.text for u in units)


def test_the_front_matter_says_whether_and_how_much_a_page_counts() -> None:
    """`search: {exclude: true}` keeps a page out; `search: {boost: 0.9}` (a plan) weighs every unit of it less,
    and a question or step (`.sb-answer`) counts ANSWER_BOOST times more than the rest of its page."""
    meta = {"sb_section": "常见问题", "tags": ["SaaS"], "search": {"boost": 0.9}}
    units = page_units(FAQ_PAGE, "faqs/cloud-faq/", "设备云常见问题", meta)
    assert [u.boost for u in units] == [0.9, 0.9 * ANSWER_BOOST] and units[0].context == "常见问题 SaaS"  # a question counts more
    assert page_units(FAQ_PAGE, "faqs/cloud-faq/", "设备云常见问题", {"search": {"exclude": True}}) == []


def test_the_units_of_a_page_only_colleagues_may_see_are_marked_internal() -> None:
    """The 内部 banner marks every unit of its page (the result shows 内部); a page without it is for customers too."""
    assert [u.internal for u in units_of_page(FAQ_PAGE, "faqs/cloud-faq/", "设备云常见问题", "常见问题", [])] == [True, True]
    public = FAQ_PAGE.replace('class="sb-internal-page"', 'class="sb-lead"')
    assert [u.internal for u in units_of_page(public, "faqs/cloud-faq/", "设备云常见问题", "常见问题", [])] == [False, False]

"""The generated Markdown: golden pages for the minimal repository, escaping.

Golden files live in tests/site/golden/minimal/; the tests only compare. After an
intended change to the templates, rewrite them with `python -m tests.update_golden`.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.site.generate import generate_pages
from generator.site.markup import markdown, plain
from generator.validate import check_repository
from tests.helpers import REPO_ROOT, edit, salesbook
from tests.site.conftest import build
from tests.site.golden_pages import GOLDEN_PAGES, TODAY, generated_pages
from tests.site.pages_html import by_class, parse

def test_pages_of_the_minimal_repository_match_the_golden_files(minimal: Path, tmp_path: Path) -> None:
    pages = generated_pages(minimal, tmp_path / "docs")
    golden = {p.relative_to(GOLDEN_PAGES).as_posix(): p.read_text(encoding="utf-8") for p in sorted(GOLDEN_PAGES.rglob("*.md"))}
    assert list(pages) == list(golden)
    for relative, text in pages.items():
        assert text == golden[relative], relative


def test_regenerating_unchanged_content_rewrites_nothing(minimal: Path, tmp_path: Path) -> None:
    repository = check_repository(minimal).require_clean()
    first = generate_pages(repository, tmp_path, set(), TODAY)
    assert generate_pages(repository, tmp_path, set(), TODAY).changed == []
    edit(minimal / "content/sops/demo-intake.yaml", "reviewed: 2026-08-01", "reviewed: 2026-11-01")
    changed = generate_pages(check_repository(minimal).require_clean(), tmp_path, set(), TODAY).changed
    assert changed == ["sops/index.md", "sops/demo-intake.md"]
    assert len(first.changed) == len(list(tmp_path.rglob("*.md")))


def test_a_repository_without_site_configuration_is_refused(minimal: Path) -> None:
    run = salesbook("build", cwd=minimal)
    assert (run.code, run.err.strip()) == (2, f"salesbook: 找不到网站配置 {minimal.resolve() / 'mkdocs.yml'}")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a*b_c", "a&#42;b&#95;c"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("{: onclick=x}", "&#123;: onclick=x&#125;"),
        ("第一行\n第二行\nthird", "第一行第二行 third"),
        ('说"好"', '说"好"'),
    ],
)
def test_plain_text_shows_exactly_as_written(text: str, shown: str) -> None:
    assert plain(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("**粗体**和 `<b>` 代码", "**粗体**和 `<b>` 代码"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),  # judged after rendering, by the sanitiser
        ("中文第一行\n第二行\n\n- 列表", "中文第一行第二行\n\n- 列表"),
        ("```\n<kept>\n```", "```\n<kept>\n```"),
    ],
)
def test_author_markdown_reaches_the_page_as_written(text: str, shown: str) -> None:
    assert markdown(text) == shown


def test_hostile_and_stale_content_renders_as_text_with_a_notice(demo_copy: Path) -> None:
    faq = demo_copy / "content/faqs/lt-edge-gateway-faq.yaml"
    edit(faq, "reviewed: 2026-10-20", "reviewed: 2020-01-02")
    edit(faq, "title: EG-500 工业边缘网关常见问题", "title: EG-500 常见问题</title><script>alert(3)</script>")
    edit(faq, "question: 客户想先借样机试用，可以吗？", "question: 客户想先借样机试用，<b>可以</b>吗？")
    edit(faq, "    answer: |\n      **能，而且", "    answer: |\n      <script>alert(1)</script>{: onclick=\"alert(2)\" }\n      **能，而且")
    built = build(demo_copy, demo_copy / "site")
    elements = parse(built.site / "faqs" / "lt-edge-gateway-faq" / "index.html")
    assert not any(e.tag in ("script", "b") and "alert" in e.text + str(e.attrs) for e in elements)
    assert not any("onclick" in e.attrs for e in elements)
    assert [e.text for e in elements if e.tag == "title"] == ["EG-500 常见问题</title><script>alert(3)</script> - 澜拓销售知识库"]
    assert any(e.tag == "h2" and e.text.startswith("客户想先借样机试用，<b>可以</b>吗？") for e in elements)
    assert not any("alert(1)" in e.text for e in elements)  # a script in Markdown is removed, content and all
    notice = "".join(by_class(elements, "admonition")[0].text.split())
    days = (date.today() - date(2020, 1, 2)).days
    assert notice == (
        f"审核已过期本页最近一次审核是2020-01-02，距今{days}天，超过了90天的审核周期。"
        "引用前请向负责人（陈思远（售前工程师））确认内容是否仍然准确。"
    )


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("{% if item.customer %}", "页面模板出错：templates/site/case-study.md.j2:83: Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."),
        ("{{ item.customr }}", "页面模板出错：templates/site/case-study.md.j2:83: 'generator.models.case_study.CaseStudy object' has no attribute 'customr'"),
    ],
)
def test_a_broken_page_template_is_reported_at_its_line(minimal: Path, tmp_path: Path, broken: str, message: str) -> None:
    shutil.copytree(REPO_ROOT / "templates" / "site", minimal / "templates" / "site")
    template = minimal / "templates" / "site" / "case-study.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + broken + "\n", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        generate_pages(check_repository(minimal).require_clean(), tmp_path, set(), TODAY)
    assert raised.value.message("zh") == message

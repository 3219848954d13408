"""`salesbook build`: the demo content becomes a site, or the old site stays."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urljoin

from generator.atomic import OUTPUT_MARKER
from generator.models import FaqSet
from generator.site.engine import DOCS_DIR
from generator.present import amount as number
from generator.site.sections import SECTIONS
from tests.helpers import build_file_tree, edit, salesbook
from tests.site.conftest import Built, copy_second_company
from generator.config.contacts import load_contacts
from tests.site.pages_html import by_class, parse, resources


def page(built: Built, path: str) -> Path:
    """Return the HTML file of the page at URL path `path` ("" is the home page)."""
    return built.site / path / "index.html"


def test_build_reports_what_it_made(demo_site: Built) -> None:
    docs = demo_site.root / DOCS_DIR
    pages = len(list(docs.rglob("*.md")))
    items = sum(len(demo_site.repository.items(s.kind)) for s in SECTIONS)
    downloads = len(list((docs / "downloads").rglob("*.docx")))
    assert demo_site.run.err.splitlines()[-1] == f"网站已生成：site（{pages} 个页面，{items} 个可搜索，{downloads} 个 Word 下载）"
    sendable = len(demo_site.repository.items("case-study")) + len(demo_site.repository.items("product"))
    assert downloads == len(demo_site.repository.items("plan")) + 5 + sendable  # plans, blank drafts, one-pagers
    assert len(list((docs / "downloads" / "onepagers").rglob("*.pdf"))) == sendable


def test_navigation_lists_only_the_section_indexes(demo_site: Built) -> None:
    any_item = demo_site.repository.items("case-study")[0]
    expected = ["/", *(f"/{s.folder}/" for s in SECTIONS), "/tags/"]
    for path in ("", f"case-studies/{any_item.id}/"):
        tabs = [e.attrs["href"] for e in by_class(parse(page(demo_site, path)), "md-tabs__link")]
        assert [urljoin(f"/{path}", href) for href in tabs] == expected


def test_item_pages_stay_small(demo_site: Built) -> None:
    sizes = {p: p.stat().st_size for s in SECTIONS for p in (demo_site.site / s.folder).glob("*/index.html")}
    assert max(sizes.values()) < 150_000, max(sizes.items(), key=lambda kv: kv[1])


def test_every_item_page_shows_owner_contact_and_review_date(demo_site: Built) -> None:
    contacts = load_contacts(demo_site.root)
    reached = 0
    for section in SECTIONS:
        for item in demo_site.repository.items(section.kind):
            meta = by_class(parse(page(demo_site, f"{section.folder}/{item.id}")), "sb-meta")
            contact = contacts.for_owner(item.owner)
            ways = f"企业微信：{contact.wecom}邮箱：{contact.email}电话：{contact.phone}" if contact else ""
            assert meta and meta[0].text == f"负责人：{item.owner}{ways}最近审核：{item.reviewed.isoformat()}", item.id
            reached += contact is not None
    sendable = demo_site.repository.items("case-study") + demo_site.repository.items("product") + demo_site.repository.items("faq")
    assert all(contacts.for_owner(item.owner) for item in sendable)  # whoever owns customer content can be reached
    assert reached > len(sendable)


def test_each_faq_answer_has_its_own_anchor(demo_site: Built) -> None:
    for faq in demo_site.repository.items("faq"):
        assert isinstance(faq, FaqSet)
        headings = {e.attrs.get("id"): e.text.strip().rstrip("¶") for e in parse(page(demo_site, f"faqs/{faq.id}")) if e.tag == "h2"}
        for question in faq.questions:
            assert headings[question.id] == question.question


def test_product_pages_gather_their_faqs_cases_and_playbooks(demo_site: Built) -> None:
    repository = demo_site.repository
    for product in repository.items("product"):
        hrefs = {e.attrs.get("href") for e in parse(page(demo_site, f"products/{product.id}")) if e.tag == "a"}
        expected = {f"../../faqs/{f.id}/#{q.id}" for f in repository.faqs_for(product.id) for q in f.questions}
        expected |= {f"../../case-studies/{c.id}/" for c in repository.case_studies_for(product.id)}
        expected |= {f"../../playbooks/{p.id}/" for p in repository.playbooks_for(product.id)}
        assert expected <= hrefs, product.id


def test_case_studies_show_each_result_as_a_before_after_card(demo_site: Built) -> None:
    for case in demo_site.repository.items("case-study"):
        cards = by_class(parse(page(demo_site, f"case-studies/{case.id}")), "sb-metric")
        assert ["".join(c.text.split("→")[0].split()) for c in cards] == [f"{m.name}{number(m.before)}".replace(" ", "") for m in case.results]


def test_sop_steps_are_numbered_with_owner_and_time_limit(demo_site: Built) -> None:
    for sop in demo_site.repository.items("sop"):
        elements = parse(page(demo_site, f"sops/{sop.id}"))
        steps = [e for e in elements if e.tag == "h3" and e.attrs.get("id", "").startswith("step-")]
        assert [s.text.rstrip("¶").strip() for s in steps] == [f"{n}. {step.title}" for n, step in enumerate(sop.steps, 1)]
        badges = [b.text for b in by_class(elements, "sb-badges")]
        assert badges == [f"负责：{step.owner}时限：{step.time_limit}" for step in sop.steps]


def test_plan_pages_link_their_word_draft(demo_site: Built) -> None:
    for plan in demo_site.repository.items("plan"):
        button = by_class(parse(page(demo_site, f"plans/{plan.id}")), "sb-download")
        assert button[0].attrs["href"] == f"../../downloads/plans/{plan.id}.docx"
        assert (demo_site.site / "downloads" / "plans" / f"{plan.id}.docx").is_file()


def test_tag_listings_group_pages_by_industry(demo_site: Built) -> None:
    listing = parse(page(demo_site, "tags/industries"))
    for case in demo_site.repository.items("case-study"):
        assert any(e.tag == "a" and e.attrs.get("href") == f"../../case-studies/{case.id}/" for e in listing), case.id


def test_no_page_loads_anything_from_outside_the_site(demo_site: Built) -> None:
    for html in demo_site.site.rglob("*.html"):
        outside = [url for url in resources(parse(html)) if re.match(r"^(https?:)?//", url)]
        assert outside == [], html


def test_content_errors_stop_the_build_before_anything_is_written(demo_copy: Path) -> None:
    edit(demo_copy / "content/sops/payment-collection.yaml", "reviewed: ", "reviewed: 上周 #")
    build_file_tree(demo_copy, {"site/index.html": "old", f"site/{OUTPUT_MARKER}": ""})
    run = salesbook("build", cwd=demo_copy)
    assert run.code == 1
    assert run.lines[0].startswith("content/sops/payment-collection.yaml:")
    assert (demo_copy / "site/index.html").read_text(encoding="utf-8") == "old"


def test_a_broken_link_fails_the_build_and_keeps_the_old_site(demo_copy: Path) -> None:
    source = demo_copy / "content/case-studies/yangtze-auto-parts-predictive-maintenance.yaml"
    edit(source, "background: |\n", "background: |\n  见[旧版说明](old-notes.md)。\n")
    build_file_tree(demo_copy, {"site/index.html": "old", f"site/{OUTPUT_MARKER}": ""})
    run = salesbook("build", cwd=demo_copy)
    assert run.code == 1
    assert run.err.splitlines() == [
        "salesbook: 网站生成失败（MkDocs 严格模式，警告也算失败），原有网站未改动：",
        "  content/case-studies/yangtze-auto-parts-predictive-maintenance.yaml: Doc file "
        "'case-studies/yangtze-auto-parts-predictive-maintenance.md' contains a link 'old-notes.md', "
        "but the target 'case-studies/old-notes.md' is not found among documentation files.",
    ]
    assert (demo_copy / "site/index.html").read_text(encoding="utf-8") == "old"
    assert [p.name for p in demo_copy.iterdir() if p.name.startswith(".site")] == []


def test_playbook_stages_read_as_a_timeline_of_actions(demo_site: Built) -> None:
    for playbook in demo_site.repository.items("playbook"):
        elements = parse(page(demo_site, f"playbooks/{playbook.id}"))
        stages = by_class(elements, "sb-timeline__stage")
        titles = [t.text for t in by_class(elements, "sb-timeline__title")]
        assert titles == [f"{stage.name}{stage.timeframe}" for stage in playbook.stages]
        for element, stage in zip(stages, playbook.stages, strict=True):
            assert "\n- " not in element.text, "actions left as raw Markdown"
            assert all(action.split()[0] in element.text for action in stage.actions)


def test_a_libreoffice_crash_still_builds_the_site_with_word_downloads(tmp_path: Path) -> None:
    root = copy_second_company(tmp_path / "repo")
    broken = tmp_path / "bin" / "soffice"  # a LibreOffice that crashes on every document
    broken.parent.mkdir()
    broken.write_text("#!/bin/sh\nexit 134\n")
    broken.chmod(0o755)
    environment = {"PATH": f"{broken.parent}:{os.environ['PATH']}", "SALESBOOK_CACHE_DIR": str(tmp_path / "cache")}
    run = salesbook("build", cwd=root, env=environment)
    assert run.code == 0, run.err
    assert "警告：LibreOffice 未能把" in run.err and "本次下载只有 Word 版" in run.err
    downloads = root / "site" / "downloads"
    assert list(downloads.rglob("*.docx")) and not list(downloads.rglob("*.pdf"))
    assert ".pdf" not in "".join(page.read_text(encoding="utf-8") for page in (root / "site").rglob("*.html"))

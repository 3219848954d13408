"""Sharing on a phone (390×844, real Chromium): copy a talk track with one tap, send a
case study's one-pager, and see internal parts labelled 内部 (and left out of print)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from playwright.sync_api import Browser

from generator.models import CaseStudy, FaqSet, Playbook
from tests.site.browser import open_tab
from tests.site.conftest import Built

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).parent.parent.parent / "build" / "screenshots"


def _phone(browser: Browser, served: str, **options: object):
    visit = open_tab(browser, PHONE["width"], PHONE["height"], is_mobile=True, has_touch=True, **options)
    return visit


def _first_playbook_with_talk_tracks(built: Built) -> Playbook:
    return next(p for p in built.repository.items("playbook") if isinstance(p, Playbook) and p.talk_tracks)


def test_one_tap_copies_a_talk_track_without_the_button_text(browser: Browser, served: str, demo_site: Built) -> None:
    playbook = _first_playbook_with_talk_tracks(demo_site)
    visit = _phone(browser, served, permissions=["clipboard-read", "clipboard-write"])
    visit.page.goto(f"{served}playbooks/{playbook.id}/")
    button = visit.page.locator(".sb-copy").first
    button.scroll_into_view_if_needed()
    button.tap()
    assert button.inner_text() == "已复制"
    assert visit.page.evaluate("navigator.clipboard.readText()") == playbook.talk_tracks[0].script
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(SCREENSHOTS / "share-copied-talk-track.png"))
    assert visit.outside(served) == []


def test_copy_works_where_the_clipboard_api_is_missing(browser: Browser, served: str, demo_site: Built) -> None:
    """Plain http on the office network has no navigator.clipboard: the textarea fallback copies."""
    faq = next(f for f in demo_site.repository.items("faq") if isinstance(f, FaqSet))
    visit = _phone(browser, served, permissions=["clipboard-read", "clipboard-write"])
    visit.page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});")
    visit.page.goto(f"{served}faqs/{faq.id}/")
    button = visit.page.locator(".sb-copy").first
    button.scroll_into_view_if_needed()
    button.tap()
    assert button.inner_text() == "已复制"
    reader = visit.page.context.new_page()  # a page of the same browser that still has the API
    reader.goto(served)
    copied = reader.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(faq.questions[0].answer.split("**")[1])  # the bold conclusion, without the asterisks
    assert "复制" not in copied


def test_send_to_customer_downloads_the_one_page_pdf(browser: Browser, served: str, demo_site: Built, tmp_path: Path) -> None:
    case = next(c for c in demo_site.repository.items("case-study") if isinstance(c, CaseStudy) and c.deal_size is not None)
    visit = _phone(browser, served, accept_downloads=True)
    visit.page.goto(f"{served}case-studies/{case.id}/")
    link = visit.page.locator(".sb-send__pdf")
    assert link.inner_text() == "发给客户（PDF 一页纸）"
    with visit.page.expect_download() as download_info:
        link.tap()
    saved = tmp_path / "onepager.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(saved)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info


def test_internal_parts_carry_the_internal_label_and_stay_out_of_print(browser: Browser, served: str, demo_site: Built) -> None:
    case = next(c for c in demo_site.repository.items("case-study") if isinstance(c, CaseStudy) and c.deal_size is not None)
    visit = _phone(browser, served)
    visit.page.goto(f"{served}case-studies/{case.id}/")
    internal = visit.page.locator(".sb-internal")
    assert internal.count() == 2  # the deal facts and the internal note
    for index in range(internal.count()):
        block = internal.nth(index)
        assert block.locator(".sb-internal__tag").inner_text() == "内部"
        assert block.evaluate("e => getComputedStyle(e).borderLeftColor") == "rgb(198, 40, 40)"
    assert "合同金额" in internal.first.inner_text()
    block = internal.first
    block.scroll_into_view_if_needed()
    visit.page.screenshot(path=str(SCREENSHOTS / "share-internal-label.png"))
    visit.page.emulate_media(media="print")
    assert not internal.first.is_visible()
    assert visit.page.locator("h2#_3").is_visible() or visit.page.locator(".sb-metrics").is_visible()


def test_an_internal_page_prints_only_its_title(browser: Browser, served: str, demo_site: Built) -> None:
    playbook = _first_playbook_with_talk_tracks(demo_site)
    visit = _phone(browser, served)
    visit.page.goto(f"{served}playbooks/{playbook.id}/")
    assert visit.page.locator(".sb-internal-page").inner_text().startswith("内部")
    visit.page.emulate_media(media="print")
    assert visit.page.locator("article h1").is_visible()
    assert not visit.page.locator(".sb-copy").first.is_visible()
    assert not visit.page.locator(".md-typeset table").first.is_visible()

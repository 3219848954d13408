"""Fill Decap's form as a person does: by the Chinese labels on the screen."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect


def open_editor(page: Page, url: str) -> Form:
    """Load `url` afresh and return its form once Decap has loaded the media library.

    Decap resets a new entry's fields when its media library has loaded; text typed
    before that (easy on a busy machine) is silently lost, and after a mere hash change
    the previous entry's state is still around. So: a full load, then wait for the
    backend's answer to `getMedia` and for the editor's publish button.
    """
    page.goto(url)
    with page.expect_response(lambda response: '"getMedia"' in (response.request.post_data or "")):
        page.reload()
    page.get_by_role("button", name="发布").first.wait_for()
    return Form(page)


@dataclass
class Form:
    """One open editor page of the form."""

    page: Page
    scope: Locator | None = None
    """Look for labels only inside this control (such as one list), else on the whole page."""

    def within(self, label: str) -> Form:
        """Return the same form, looking only inside the control labelled `label`."""
        return Form(self.page, self.control(label))

    def controls(self, label: str) -> Locator:
        """Return every control whose label reads `label`, in page order."""
        path = f"//label[normalize-space(text())='{label}']/ancestor::div[contains(@aria-label, ' field')][1]"
        return (self.scope or self.page).locator(f"xpath=.{path}" if self.scope else f"xpath={path}")

    def control(self, label: str) -> Locator:
        """Return the last control labelled `label`: in a list, the item just added."""
        return self.controls(label).last

    def type(self, label: str, text: str) -> None:
        """Fill a text or number box, typing as an input method commits text."""
        box = self.control(label).locator("input").first
        box.click()
        self.page.keyboard.insert_text(text)

    def fill(self, steps: list[tuple[str, ...]]) -> None:
        """Do each step in order: ("type", label, text), ("choose", label, typed, option), ("add", button)…"""
        for action, *arguments in steps:
            getattr(self, action)(*arguments)

    def item(self, item_id: str, title: str, owner: str, reviewed: str) -> None:
        """Fill the fields every item starts with."""
        self.type("唯一标识", item_id)
        self.type("标题", title)
        self.type("负责保持内容准确的人或角色", owner)
        self.date("最近一次审核日期", reviewed)

    def date(self, label: str, value: str, which: int = -1) -> None:
        """Pick a date; `which` chooses among controls with the same label (default: the last)."""
        self.controls(label).nth(which).locator("input[type=date]").fill(value)

    def choose(self, label: str, typed: str, option: str) -> None:
        """Pick `option` in a select or relation box after typing `typed` into it."""
        box = self.control(label)
        box.locator("input").first.click()
        self.page.keyboard.insert_text(typed)
        box.get_by_text(option, exact=True).last.click()

    def write(self, label: str, text: str) -> None:
        """Write Markdown text into a rich-text box, paragraph by paragraph."""
        editor = self.control(label).locator("[contenteditable=true]")
        editor.click()
        for number, paragraph in enumerate(text.split("\n\n")):
            if number:
                self.page.keyboard.press("Enter")
            self.page.keyboard.insert_text(paragraph)

    def unfold(self, label: str, index: int) -> None:
        """Unfold item `index` of the list labelled `label` with the arrow on its top bar."""
        self.control(label).locator("[class*=listControlItem]").nth(index).locator("button").first.click()

    def add(self, button: str) -> None:
        """Press a list's "add" button (such as 新增量化结果)."""
        (self.scope or self.page).get_by_role("button", name=button).last.click()

    def publish(self) -> None:
        """Save the entry into the working copy (the local backend publishes at once)."""
        self.page.get_by_role("button", name="发布").first.click()
        self.page.get_by_text("立即发布", exact=True).click()
        expect(self.page.get_by_text("含未保存的修改")).to_have_count(0, timeout=30_000)

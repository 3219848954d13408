"""The site's sections: one per content type, each a folder of pages with an index."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A content type as the site shows it."""

    kind: str
    folder: str
    """The folder of its pages under the docs folder (and of its URLs)."""
    title: str
    """The section's name in the navigation and on the home page."""
    blurb: str
    """One line on the home page: what a reader finds here."""

    def index_path(self) -> str:
        return f"{self.folder}/index.md"

    def page_path(self, item_id: str) -> str:
        return f"{self.folder}/{item_id}.md"


SECTIONS: tuple[Section, ...] = (
    Section("product", "products", "产品", "卖点、参数、竞品对比和报价口径"),
    Section("faq", "faqs", "常见问题", "客户常问的问题和标准回答，每个问题可单独引用"),
    Section("case-study", "case-studies", "客户案例", "背景、挑战、方案和量化成果"),
    Section("sop", "sops", "标准流程（SOP）", "每一步谁来做、做什么、多长时间内完成"),
    Section("playbook", "playbooks", "销售打法", "针对特定场景的分阶段作战方法和话术"),
    Section("plan", "plans", "工作计划", "主管的年度、季度和月度计划，可下载 Word 初稿"),
)
BY_KIND: dict[str, Section] = {s.kind: s for s in SECTIONS}

TAGS_FOLDER = "tags"

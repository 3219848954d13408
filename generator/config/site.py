"""Settings of the website that content authors may change (site_config/site.yaml).

The site's name, description, company, logo and search examples live here and
nowhere else: `salesbook build` writes them into the MkDocs configuration it runs.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from generator.config import read_config
from generator.errors import Problem
from generator.load import Document
from generator.models.common import Model, Text

SETTINGS_FILE = "site_config/site.yaml"


class SiteSettings(Model):
    """Who the site belongs to and how the generated pages present the content (review intervals live in site_config/review.yaml)."""

    salesbook: Text | None = Field(default=None, description="这个知识库需要的 salesbook 版本范围，如 >=0.2,<0.3（salesbook init 写入；升级时再改）")
    site_name: Text = Field(default="销售知识库", description="网站名称：每页顶部和浏览器标签上显示")
    description: Text | None = Field(default=None, description="一句话介绍这个网站（可选）")
    company: Text | None = Field(default=None, description="公司名称；新建工作计划时默认写入（可选）")
    logo: Text | None = Field(default=None, description="网站标志图片，写相对仓库根目录的路径，如 site_config/logo.svg（可选，不写则用默认图标）")
    search_hints: list[Text] = Field(default_factory=list, description="首页搜索框上方举例的搜索词，如 回款、投诉")
    newest_case_studies: int = Field(default=5, ge=0, description="首页展示最新客户案例的数量")


def load_settings(root: Path) -> SiteSettings:
    """Read site_config/site.yaml (defaults when absent); raise `ContentError` if it is wrong."""
    return read_config(root, SETTINGS_FILE, SiteSettings, lambda document: _missing_logo(document, root))


def _missing_logo(document: Document, root: Path) -> list[Problem]:
    """Point at `logo` when it names no file of the repository."""
    logo = document.plain.get("logo")
    if not isinstance(logo, str) or not logo.strip():
        return []
    path = (root / logo.strip()).resolve()
    if path.is_file() and path.is_relative_to(root.resolve()):
        return []
    return [document.problem(("logo",), "site.logo_missing", path=logo.strip())]

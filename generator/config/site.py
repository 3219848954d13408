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
from generator.models.common import NO_MARKUP_PATTERN, URL_PATTERN, Model, RepoPath, Text

SETTINGS_FILE = "site_config/site.yaml"


class OnePagerBrand(Model):
    """How a customer one-pager presents the company (its name is `company`, else the site's name)."""

    logo: RepoPath | None = Field(default=None, description="标志图片（PNG 或 JPG），相对仓库根目录，如 site_config/brand/logo.png")
    tagline: Text | None = Field(default=None, description="一句话介绍，印在一页纸页眉")
    website: Text | None = Field(default=None, description="官网")
    hotline: Text | None = Field(default=None, description="客服热线")


class SiteSettings(Model):
    """Who the site belongs to and how the generated pages present the content (review intervals live in site_config/review.yaml)."""

    salesbook: Text | None = Field(default=None, description="这个知识库需要的 salesbook 版本范围，如 >=0.2,<0.3（salesbook init 写入；升级时再改）")
    site_name: Text = Field(default="销售知识库", pattern=NO_MARKUP_PATTERN, description="网站名称：每页顶部和浏览器标签上显示")
    description: Text | None = Field(default=None, pattern=NO_MARKUP_PATTERN, description="一句话介绍这个网站（可选）")
    company: Text | None = Field(default=None, description="公司名称；新建工作计划时默认写入（可选）")
    logo: Text | None = Field(default=None, description="网站标志图片，写相对仓库根目录的路径，如 site_config/logo.svg（可选，不写则用默认图标）")
    search_hints: list[Text] = Field(default_factory=list, description="首页搜索框上方举例的搜索词，如 回款、投诉")
    newest_case_studies: int = Field(default=5, ge=0, description="首页展示最新客户案例的数量")
    repo_url: Text | None = Field(default=None, pattern=URL_PATTERN, description="内容仓库的网址；填写后每页显示“内容有误？”链接，直接打开源文件编辑")
    edit_uri: Text = Field(default="edit/main/", pattern=NO_MARKUP_PATTERN, description="仓库网址之后、文件路径之前的部分（GitHub、Gitea：edit/main/；GitLab：-/edit/main/）")
    onepager: OnePagerBrand = Field(default_factory=OnePagerBrand, description="对客一页纸的页眉和联系栏：标志、一句话介绍、官网、热线")

    def edit_url(self, source: str) -> str | None:
        """Return where the file `source` (relative to the repository) is edited, or None when no repository is set."""
        if self.repo_url is None:
            return None
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{source}"


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

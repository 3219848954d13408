"""Settings of the website that content authors may change (site_config/site.yaml)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from generator.config import read_config
from generator.models.common import URL_PATTERN, Model, RepoPath, Text

SETTINGS_FILE = "site_config/site.yaml"


class Company(Model):
    """Who we are, as a customer one-pager shows it."""

    name: Text = Field(default="我们公司", description="公司名称")
    logo: RepoPath | None = Field(default=None, description="标志图片（PNG 或 JPG），相对仓库根目录，如 site_config/brand/logo.png")
    tagline: Text | None = Field(default=None, description="一句话介绍，印在一页纸页眉")
    website: Text | None = Field(default=None, description="官网")
    hotline: Text | None = Field(default=None, description="客服热线")


class SiteSettings(Model):
    """How the generated pages present the content (review intervals live in site_config/review.yaml)."""

    newest_case_studies: int = Field(default=5, ge=0, description="首页展示最新客户案例的数量")
    repo_url: Text | None = Field(default=None, pattern=URL_PATTERN, description="内容仓库的网址；填写后每页显示“内容有误？”链接，直接打开源文件编辑")
    edit_uri: Text = Field(default="edit/main/", description="仓库网址之后、文件路径之前的部分（GitHub、Gitea：edit/main/；GitLab：-/edit/main/）")
    company: Company = Field(default_factory=Company, description="公司信息，印在对客一页纸上")

    def edit_url(self, source: str) -> str | None:
        """Return where the file `source` (relative to the repository) is edited, or None when no repository is set."""
        if self.repo_url is None:
            return None
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{source}"


def load_settings(root: Path) -> SiteSettings:
    """Read site_config/site.yaml (defaults when absent); raise `ContentError` if it is wrong."""
    return read_config(root, SETTINGS_FILE, SiteSettings)

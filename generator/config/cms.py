"""Whether the site offers the browser form, and which repository host it saves to (site_config/cms.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from generator.config import read_config
from generator.models.common import Model, Text

CMS_FILE = "site_config/cms.yaml"


class RepositoryHost(Model):
    """The git host the form opens pull requests on (Decap's `backend:` section)."""

    name: Literal["github", "gitlab", "gitea"] = Field(description="代码托管平台：github、gitlab 或 gitea")
    repo: Text = Field(description="仓库路径，如 my-company/sales-kb")
    branch: Text = Field(default="main", description="内容合入的分支")
    base_url: Text | None = Field(default=None, description="OAuth 服务地址（GitHub 用 OAuth 应用时需要）")
    api_root: Text | None = Field(default=None, description="自建 GitLab、Gitea 或 GitHub Enterprise 的 API 地址")
    auth_type: Literal["pkce", "implicit"] | None = Field(default=None, description="GitLab 的登录方式，推荐 pkce")
    auth_endpoint: Text | None = Field(default=None, description="Gitea 的授权地址，如 https://git.example.com/login/oauth/authorize")
    app_id: Text | None = Field(default=None, description="在托管平台上登记的 OAuth 应用 ID（client id）")

    def decap(self) -> dict[str, Any]:
        """Return the section as Decap reads it (unset options left out)."""
        return self.model_dump(exclude_none=True)


class CmsSettings(Model):
    """The browser form at /admin/ of the built site."""

    enabled: bool = Field(default=False, description="是否在网站上提供 /admin/ 表单编辑")
    backend: RepositoryHost | None = Field(default=None, description="保存到哪个仓库；不写则只能配合本地的 salesbook serve --cms 使用")
    editorial_workflow: bool = Field(default=True, description="保存时开拉取请求（PR/MR）等待审核，而不是直接提交到主分支")


def load_cms_settings(root: Path) -> CmsSettings:
    """Read site_config/cms.yaml (form disabled when absent); raise `ContentError` if it is wrong."""
    return read_config(root, CMS_FILE, CmsSettings)

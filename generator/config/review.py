"""How often content must be reviewed (site_config/review.yaml), read by `salesbook stale` and the site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import Field

from generator.config import read_config
from generator.errors import Problem
from generator.load import Document
from generator.messages import Msg
from generator.models import BY_KIND
from generator.models.common import Model, Text, closest

REVIEW_FILE = "site_config/review.yaml"
Days = Annotated[int, Field(ge=1)]


class ReviewPolicy(Model):
    """How often each type of content must be reviewed (site_config/review.yaml)."""

    default_days: Days = Field(default=180, description="没有单独配置的内容类型使用的审核周期（天）")
    days: dict[str, Days] = Field(default_factory=dict, description="各内容类型的审核周期（天），如 faq: 90")
    no_owner: list[Text] = Field(default=["待定", "暂无", "无", "未指定", "TBD"], description="负责人写成这些词时视为“没有负责人”")

    def interval(self, kind: str) -> int:
        return self.days.get(kind, self.default_days)


def load_policy(root: Path) -> ReviewPolicy:
    """Read the review intervals; a missing file means 180 days for everything."""
    return read_config(root, REVIEW_FILE, ReviewPolicy, _unknown_kinds)


def _unknown_kinds(document: Document) -> list[Problem]:
    """Point at each key of `days` that names no content type."""
    days: Any = document.plain.get("days")
    if not isinstance(days, dict):
        return []
    problems = []
    for kind in (k for k in days if k not in BY_KIND):
        suggestion = closest(kind, set(BY_KIND))
        hint: Msg | str = Msg("did_you_mean", {"suggestion": suggestion}) if suggestion else ""
        problems.append(document.problem(("days", kind), "review.unknown_kind", kind=kind, hint=hint, kinds="、".join(BY_KIND)))
    return problems

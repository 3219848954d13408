"""A sales play: a repeatable campaign for one situation."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import Visibility, Item, Markdown, Model, Risk, Text, reference, vocabulary


class Kpi(Model):
    """A measure of success and its target."""

    name: Text = Field(description="指标名称")
    target: Text = Field(description="目标值，如“≥ 90%”")


class Stage(Model):
    """One stage of a play, in order."""

    name: Text = Field(description="阶段名称")
    timeframe: Text = Field(description="时间范围，如“第 1–2 周”")
    actions: list[Text] = Field(min_length=1, description="关键动作")
    kpis: list[Kpi] = Field(default_factory=list, description="本阶段的衡量指标")


class TalkTrack(Model):
    """What to say in a given situation."""

    situation: Text = Field(description="场景或客户的说法")
    script: Text = Field(description="建议话术")


class Playbook(Item):
    """A play for one sales situation, from goal to risks."""

    visibility: Visibility = Field(default="internal", description="可见范围：默认 internal（内部流程，只供同事参考）；改为 customer 表示可以给客户看")
    goal: Markdown = Field(description="目标：打完这套打法要达成什么")
    when_to_use: Markdown = Field(description="适用时机：什么信号出现时启用")
    audience: list[vocabulary("roles")] = Field(min_length=1, description="使用这套打法的角色（取自分类表 roles）")
    stages: list[Stage] = Field(min_length=1, description="按顺序推进的阶段")
    kpis: list[Kpi] = Field(default_factory=list, description="整体衡量指标")
    talk_tracks: list[TalkTrack] = Field(default_factory=list, description="常用话术")
    risks: list[Risk] = Field(default_factory=list, description="风险与应对")
    related_products: list[reference("product")] = Field(default_factory=list, description="相关产品的 id")
    related_sops: list[reference("sop")] = Field(default_factory=list, description="相关 SOP 的 id")
    related_case_studies: list[reference("case-study")] = Field(default_factory=list, description="相关客户案例的 id")

"""A standard operating procedure."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import Visibility, Item, Markdown, Model, Text, reference, vocabulary


class Step(Model):
    """One numbered step: who does what, producing what, by when."""

    title: Text = Field(description="步骤名称", examples=["登记线索"])
    owner: vocabulary("roles") = Field(description="负责角色（取自分类表 roles）")
    actions: list[Text] = Field(min_length=1, description="具体动作，每条一句", examples=[["在 CRM 中新建线索"]])
    output: Text | None = Field(default=None, description="本步骤的产出物（有明确产出物时填写）")
    time_limit: Text = Field(description="时限，如“24 小时内”")


class Sop(Item):
    """A procedure every rep follows the same way."""

    visibility: Visibility = Field(default="internal", description="可见范围：默认 internal（内部流程，只供同事参考）；改为 customer 表示可以给客户看")
    purpose: Markdown = Field(description="目的：为什么有这个流程", examples=["让每条线索 24 小时内有人跟进"])
    scope: Text = Field(description="适用范围", examples=["所有区域的新线索"])
    stages: list[vocabulary("funnel_stages")] = Field(min_length=1, description="覆盖的销售阶段（取自分类表 funnel_stages）")
    roles: list[vocabulary("roles")] = Field(min_length=1, description="涉及的角色（取自分类表 roles）")
    trigger: Text = Field(description="触发条件：什么情况下启动本流程", examples=["市场部转来新线索"])
    steps: list[Step] = Field(min_length=1, description="按顺序执行的步骤")
    crm_records: list[Text] = Field(default_factory=list, description="需要在 CRM 中留存的记录")
    related_sops: list[reference("sop")] = Field(default_factory=list, description="相关 SOP 的 id")

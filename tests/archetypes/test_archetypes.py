"""The five archetypes are data: they load, every plan block has one place, mistakes are located."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.archetypes import ARCHETYPE_FOLDER, ARCHETYPE_IDS, BLOCKS, load_archetypes
from generator.models.plan import Plan
from generator.resources import bundled_root
from tests.helpers import edit, salesbook

NAMES = ["综合性、战略导向型", "数据驱动、KPI导向型", "团队赋能、人才发展导向型", "市场开拓、新业务增长导向型", "客户关系、存量深耕导向型"]


def test_five_archetypes_in_order(minimal: Path) -> None:
    archetypes = load_archetypes(minimal)
    assert [a.id for a in archetypes] == list(ARCHETYPE_IDS)
    assert [a.name for a in archetypes] == NAMES
    assert all(a.purpose and a.sections and a.requires for a in archetypes)


@pytest.mark.parametrize("archetype", load_archetypes(Path(".")), ids=ARCHETYPE_IDS)
def test_every_plan_block_has_exactly_one_section(archetype) -> None:
    placed = [ref.block for section in archetype.sections for ref in section.blocks]
    assert sorted(placed) == sorted(BLOCKS)
    assert set(BLOCKS) <= set(Plan.model_fields)


def test_the_archetypes_own_emphases() -> None:
    by_id = {a.id: a for a in load_archetypes(Path("."))}
    assert {"swot", "budget", "risks"} <= set(by_id["strategic"].requires)
    assert {"kpis", "breakdowns", "incentives", "routines"} <= set(by_id["kpi"].requires)
    assert {"phases", "strategies"} <= set(by_id["enablement"].requires)
    assert {"okrs", "phases", "support", "budget"} <= set(by_id["expansion"].requires)
    assert {"tiers", "kpis"} <= set(by_id["account"].requires)


def test_a_repository_can_override_an_archetype_and_mistakes_are_located(minimal: Path) -> None:
    folder = minimal / "templates" / "archetypes"
    folder.mkdir(parents=True)
    bundled = bundled_root() / ARCHETYPE_FOLDER / "kpi.yaml"  # only this one: the other four stay salesbook's
    (folder / "kpi.yaml").write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    edit(folder / "kpi.yaml", "    guidance: 列出奖项、奖励内容和达标条件；条件要能用系统里的数据直接核算。\n", "")
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["templates/archetypes/kpi.yaml:40:5: sections[5].guidance: 缺少必填字段"]
    assert run.code == 1

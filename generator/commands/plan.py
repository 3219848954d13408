"""`salesbook plan new`: start a plan file from one of the five archetypes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click

from generator.archetypes import ARCHETYPE_IDS, load_archetypes
from generator.commands.support import LANG_OPTION, repository_root
from generator.errors import UsageError, display_path
from generator.messages import render
from generator.models.common import KEBAB_PATTERN, PERIOD_PATTERN
from generator.models.plan import Plan
from generator.validate import check_repository

PLANS_FOLDER = Path("content/plans")


@click.group()
def plan() -> None:
    """Work plans: start one from an archetype."""


@plan.command("new")
@click.option("--archetype", "archetype_id", type=click.Choice(ARCHETYPE_IDS), required=True, help="计划范式。")
@click.option("--team", required=True, help="团队，如“华东区”。")
@click.option("--period", required=True, help="计划期：2027、2027-Q1 或 2027-03。")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="新文件（默认 content/plans/<计划期>-<范式>.yaml）；文件名即计划 id。")
@click.option("--company", help="公司名称（默认沿用已有计划中的公司）。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
@LANG_OPTION
@click.pass_context
def new(ctx: click.Context, archetype_id: str, team: str, period: str, output: Path | None, company: str | None, force: bool, lang: str) -> None:
    """Write a commented plan scaffold: every block the archetype needs, XX where figures go."""
    from generator.scaffold.plan import company_of, write_plan_scaffold

    root = repository_root(ctx)
    output = output or root / PLANS_FOLDER / f"{period.lower()}-{archetype_id}.yaml"
    _refuse_bad_arguments(period, output, force)
    archetype = next(a for a in load_archetypes(root) if a.id == archetype_id)
    if company is None:
        repository = check_repository(root).repository
        company = company_of([p for p in repository.items("plan") if isinstance(p, Plan)] if repository else [])
    written = write_plan_scaffold(archetype, output, root, team.strip(), period, company, date.today())
    click.echo(render("plan.created", lang, {"path": display_path(written, root), "name": archetype.name}))


def _refuse_bad_arguments(period: str, output: Path, force: bool) -> None:
    if not re.fullmatch(PERIOD_PATTERN, period):
        raise UsageError("plan.bad_period", period=period)
    if not re.fullmatch(KEBAB_PATTERN, output.stem):
        raise UsageError("plan.bad_name", stem=output.stem)
    if output.exists() and not force:
        raise UsageError("plan.exists", path=str(output))

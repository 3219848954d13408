"""`salesbook plan new`: start a plan file from one of the five archetypes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click

from generator.archetypes import ARCHETYPE_IDS, load_archetypes
from generator.commands.language import LANGUAGE
from generator.commands.support import LANG_OPTION, repository_root, text
from generator.config.site import load_settings
from generator.errors import UsageError, display_path
from generator.messages import render
from generator.models.common import KEBAB_PATTERN, PERIOD_PATTERN
from generator.models.plan import Plan
from generator.validate import check_repository

PLANS_FOLDER = Path("content/plans")


@click.group(help=text("help.plan"))
def plan() -> None:
    """Work plans: start one from an archetype."""


@plan.command("new", help=render("help.plan.new", LANGUAGE, {"archetypes": "\n".join(text(f"help.archetype.{a}") for a in ARCHETYPE_IDS)}))
@click.option("--archetype", "archetype_id", type=click.Choice(ARCHETYPE_IDS), required=True, help=text("help.plan.archetype"))
@click.option("--team", required=True, help=text("help.plan.team"))
@click.option("--period", required=True, help=text("help.plan.period"))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=text("help.plan.output"))
@click.option("--company", help=text("help.plan.company"))
@click.option("--force", is_flag=True, help=text("help.plan.force"))
@LANG_OPTION
@click.pass_context
def new(ctx: click.Context, archetype_id: str, team: str, period: str, output: Path | None, company: str | None, force: bool, lang: str) -> None:
    """Write a commented plan scaffold: every block the archetype needs, XX where figures go."""
    from generator.scaffold.plan import write_plan_scaffold

    root = repository_root(ctx)
    output = output or root / PLANS_FOLDER / f"{period.lower()}-{team_slug(team)}-{archetype_id}.yaml"
    _refuse_bad_arguments(period, output, force)
    archetype = next(a for a in load_archetypes(root) if a.id == archetype_id)
    if company is None:
        company = load_settings(root).company or _company_of_plans(root)
    written = write_plan_scaffold(archetype, output, root, team.strip(), period, company, date.today())
    click.echo(render("plan.created", lang, {"path": display_path(written, root), "name": archetype.name}))


def team_slug(team: str) -> str:
    """Return the team as a file-name part: its pinyin, lowercase, words joined by hyphens (华东区 -> huadongqu)."""
    from pypinyin import lazy_pinyin

    words = re.findall(r"[a-z0-9]+", "".join(lazy_pinyin(team.strip())).lower())
    return "-".join(words) or "team"


def _company_of_plans(root: Path) -> str:
    """Return the company most existing plans name (XX when there are none)."""
    from generator.scaffold.plan import company_of

    repository = check_repository(root).repository
    return company_of([p for p in repository.items("plan") if isinstance(p, Plan)] if repository else [])


def _refuse_bad_arguments(period: str, output: Path, force: bool) -> None:
    if not re.fullmatch(PERIOD_PATTERN, period):
        raise UsageError("plan.bad_period", period=period)
    if not re.fullmatch(KEBAB_PATTERN, output.stem):
        raise UsageError("plan.bad_name", stem=output.stem)
    if output.exists() and not force:
        raise UsageError("plan.exists", path=str(output))

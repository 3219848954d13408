"""`salesbook init`: a new knowledge-base repository that passes `check` and builds at once.

The files come from generator/starter/ (Jinja templates where the answers go in;
a leading `dot-` in a name stands for `.`), the engine settings from salesbook's
mkdocs.yml, one example plan from an archetype's scaffold, and the JSON Schemas
from the models. Page templates, archetypes, the Word reference document and the
theme stay salesbook's until the company copies one in to change it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

import yaml
from jinja2 import Environment, StrictUndefined

from generator.archetypes import load_archetypes
from generator.config.version import compatible_range, installed_version
from generator.errors import UsageError
from generator.resources import bundled_root
from generator.scaffold.plan import write_plan_scaffold
from generator.schema import write_schemas

STARTER = "starter"
"""The folder of generator/ holding the new repository's files."""
EXAMPLE_PLAN_ARCHETYPE = "kpi"
DEFAULT_RANGE = ">=0.2,<0.3"
"""Pinned when salesbook runs from a source tree that was never installed."""
LIST_SEPARATORS = re.compile(r"[,，、;；\s]+")


@dataclass(frozen=True)
class Answers:
    """What `salesbook init` asks."""

    company: str
    site_name: str
    product_line: str
    regions: list[str]


def split_list(text: str) -> list[str]:
    """Split a typed list such as `华东区、华南区` or `华东区, 华南区` into its names."""
    return [name for name in LIST_SEPARATORS.split(text.strip()) if name]


def refuse_unusable_folder(target: Path) -> None:
    """Raise a usage error unless `target` is missing or an empty folder: init never overwrites anything."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError("init.not_empty", path=str(target))


def create_repository(target: Path, answers: Answers, today: date) -> list[Path]:
    """Write a new knowledge-base repository into `target` and return the files written."""
    refuse_unusable_folder(target)
    _refuse_bad_answers(answers)
    target.mkdir(parents=True, exist_ok=True)
    current = installed_version()
    context = {
        "company": answers.company,
        "site_name": answers.site_name,
        "product_line": answers.product_line,
        "regions": answers.regions,
        "today": today.isoformat(),
        "version_spec": compatible_range(current) if current else DEFAULT_RANGE,
    }
    written = [_write_new(target / "mkdocs.yml", (bundled_root() / "mkdocs.yml").read_text(encoding="utf-8"))]
    written += [_write_new(target / path, text) for path, text in _starter_files(context)]
    (target / ".ci" / "run").chmod(0o755)
    written.append(_example_plan(target, answers, today))
    written += write_schemas(target, target / "schemas")
    return written


def _refuse_bad_answers(answers: Answers) -> None:
    for value in (answers.company, answers.site_name, answers.product_line, *answers.regions):
        if not value.strip() or "\n" in value:
            raise UsageError("init.bad_answer", value=value)
    if not answers.regions:
        raise UsageError("init.no_regions")


def _starter_files(context: dict[str, object]) -> list[tuple[str, str]]:
    """Return (path in the new repository, text) for every file of the starter folder."""
    environment = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)  # noqa: S701 - YAML and Markdown, not HTML
    environment.filters["yaml"] = yaml_scalar
    folder = Path(str(files("generator") / STARTER))
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = "/".join(f".{part[4:]}" if part.startswith("dot-") else part for part in path.relative_to(folder).parts)
        text = path.read_text(encoding="utf-8")
        if relative.endswith(".j2"):
            relative, text = relative[:-3], environment.from_string(text).render(context)
        found.append((relative, text))
    return found


def yaml_scalar(value: str) -> str:
    """Return `value` as it can stand in YAML, block or flow: plain when it reads back the same, else quoted."""
    for probe in (f"k: {value}", f"k: [{value}]"):
        try:
            loaded = yaml.safe_load(probe)["k"]
        except yaml.YAMLError:
            return json.dumps(value, ensure_ascii=False)
        if loaded not in (value, [value]):
            return json.dumps(value, ensure_ascii=False)
    return value


def _example_plan(target: Path, answers: Answers, today: date) -> Path:
    """Write one work plan from the KPI archetype, for the next year once the last quarter has begun."""
    archetype = next(a for a in load_archetypes(target) if a.id == EXAMPLE_PLAN_ARCHETYPE)
    period = str(today.year + 1 if today.month >= 10 else today.year)
    output = target / "content" / "plans" / f"{period}-{archetype.id}.yaml"
    return write_plan_scaffold(archetype, output, target, answers.regions[0], period, answers.company, today)


def _write_new(path: Path, text: str) -> Path:
    """Write a file that must not exist yet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path

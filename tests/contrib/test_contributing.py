"""CONTRIBUTING.md, the pre-commit hooks and the CI workflow say only what works."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
import yaml

from generator.cli import cli
from tests.helpers import REPO_ROOT, salesbook

GUIDE = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def worked_example() -> tuple[str, str]:
    """Return the path and text of the finished case study the guide shows."""
    found = re.search(r"<!-- worked-example: (\S+) -->\n```yaml\n(.*?)```", GUIDE, re.S)
    assert found, "CONTRIBUTING.md has no worked example"
    return found.group(1), found.group(2)


def test_the_worked_example_passes_every_check(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for folder in ("content", "playbooks", "site_config", "schemas", "templates"):
        if (REPO_ROOT / folder).is_dir():
            shutil.copytree(REPO_ROOT / folder, root / folder)
    path, text = worked_example()
    (root / path).write_text(text, encoding="utf-8")
    run = salesbook("check", cwd=root)
    assert (run.code, run.out.count(": 警告: "), len(run.lines)) == (0, len(run.lines), len(run.lines)), run.out
    assert salesbook("fmt", "--check", path, cwd=root).code == 0


def test_the_guide_shows_the_scaffold_the_example_starts_from(tmp_path: Path) -> None:
    """The example keeps every hint `salesbook new` writes, so it reads as the scaffold filled in."""
    root = tmp_path / "repo"
    for folder in ("content", "playbooks", "site_config"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    path, text = worked_example()
    salesbook("new", "case-study", "--id", "acme-line-upgrade", cwd=root, stdin="")
    hints = [line for line in (root / path).read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")]
    skipped = {"# 附件：仓库内文件（如 assets/ 下的 PDF、图片），网站上提供下载；可选，用不上就删掉这一项", "  # 附件名称", "    # 相对仓库根目录的路径，如 assets/case-studies/x.pdf",
               "# 可见范围：customer（可以给客户看）或 internal（整篇只供同事参考，网站上标“内部”，不生成对客资料）；可选，用不上就删掉这一项",
               "# 只供同事参考的部分（如 solution）：网站上标“内部”，对客一页纸里不出现；可选值：background、challenge、solution、quote；可选，用不上就删掉这一项"}
    assert [h for h in hints if h not in skipped] == [line for line in text.splitlines() if line.lstrip().startswith("#")]


def commands() -> list[list[str]]:
    """Return every salesbook command the guide, the hooks and the workflow run (without placeholders)."""
    lines = re.findall(r"^salesbook [^\n#]*", GUIDE, re.M) + re.findall(r"`(salesbook [^`<…]*)`", GUIDE)
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    lines += [hook["entry"] for repo in hooks["repos"] for hook in repo["hooks"]]
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/content.yml").read_text(encoding="utf-8"))
    lines += [step["run"].replace(".venv/bin/", "") for step in workflow["jobs"]["content"]["steps"] if "salesbook" in step.get("run", "")]
    return [shlex.split(line)[1:] for line in sorted(set(lines)) if "<" not in line]


@pytest.mark.parametrize("args", commands(), ids=" ".join)
def test_every_command_mentioned_exists_with_its_options(args: list[str]) -> None:
    command: click.Command | None = cli
    context = click.Context(cli, info_name="salesbook")
    name, rest = "salesbook", list(args)
    while isinstance(command, click.Group):
        name, *rest = rest
        command = command.get_command(context, name)
        assert command is not None, f"salesbook has no command {name!r}"
        context = click.Context(command, info_name=name, parent=context)
    command.make_context(name, rest, parent=context.parent)  # raises on an unknown option or a bad value

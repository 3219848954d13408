"""A Chinese command line: help, usage errors and bad choices in Chinese, English when asked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from generator.commands.language import LOCALE_DIR, chosen_language
from tests.helpers import salesbook


@pytest.mark.parametrize(("argv", "environ", "lang"), [
    pytest.param([], {}, "zh", id="default"),
    pytest.param([], {"LANG": "C.UTF-8"}, "zh", id="c-locale"),
    pytest.param([], {"LANG": "en_US.UTF-8"}, "en", id="english-locale"),
    pytest.param([], {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh", id="lc-all-first"),
    pytest.param(["check", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}, "en", id="option-wins"),
    pytest.param(["--lang=zh", "check"], {"SALESBOOK_LANG": "en"}, "zh", id="option-with-equals"),
    pytest.param([], {"SALESBOOK_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en", id="salesbook-lang"),
])
def test_the_language_is_chosen_before_parsing(argv: list[str], environ: dict[str, str], lang: str) -> None:
    assert chosen_language(argv, environ) == lang


def test_help_is_chinese_by_default() -> None:
    run = salesbook("--help")
    assert run.lines[0] == "用法: salesbook [OPTIONS] COMMAND [ARGS]..."
    assert "选项:" in run.lines and "命令:" in run.lines
    assert "  check     检查全部内容文件，每个问题按 文件:行:列 报告。" in run.lines
    assert "  -h, --help            显示本帮助并退出。" in run.lines


def test_help_is_english_with_an_english_locale() -> None:
    run = salesbook("--help", env={"SALESBOOK_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_US.UTF-8"})
    assert run.lines[0] == "Usage: salesbook [OPTIONS] COMMAND [ARGS]..."
    assert "  check     Validate every content file; report every problem as..." in run.lines


def test_plan_new_help_explains_the_archetypes() -> None:
    run = salesbook("plan", "new", "-h")
    assert "  kpi         数据驱动、KPI 导向型：结果与过程指标及权重落到每个人，数据例会闭环" in run.lines
    assert sum(line.startswith(("  strategic ", "  kpi ", "  enablement ", "  expansion ", "  account ")) for line in run.lines) == 5


@pytest.mark.parametrize(("args", "err"), [
    pytest.param(
        ["plan", "new", "--archetype", "kpix", "--team", "华东区", "--period", "2027"],
        ["用法: salesbook plan new [OPTIONS]", "运行 'salesbook plan new --help' 查看用法。", "",
         "错误：'--archetype' 的值不对：'kpix' 不是可选值，只能是 'strategic', 'kpi', 'enablement', 'expansion', 'account' 之一。"],
        id="bad-choice"),
    pytest.param(
        ["chek"],
        ["用法: salesbook [OPTIONS] COMMAND [ARGS]...", "运行 'salesbook --help' 查看用法。", "", "错误：没有命令 'chek'。 是不是 'check', 'schema'？"],
        id="unknown-command"),
    pytest.param(
        ["fmt", "--chek"],
        ["用法: salesbook fmt [OPTIONS] [PATHS]...", "运行 'salesbook fmt --help' 查看用法。", "", "错误：没有选项 '--chek'。 是不是 '--changed', '--check', '--help'？"],
        id="unknown-option"),
    pytest.param(
        ["check", "--lang", "en", "--format", "xml"],
        ["Usage: salesbook check [OPTIONS]", "Try 'salesbook check --help' for help.", "",
         "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'github'."],
        id="english-when-asked"),
])
def test_usage_errors_speak_the_chosen_language(args: list[str], err: list[str]) -> None:
    run = salesbook(*args)
    assert (run.code, run.err.splitlines()) == (2, err)


def test_default_plan_file_names_hold_team_and_period(minimal: Path) -> None:
    for team in ("华东区", "华南区"):
        run = salesbook("plan", "new", "--archetype", "kpi", "--team", team, "--period", "2027-Q1", cwd=minimal)
        assert run.code == 0, run.err
    assert sorted(p.name for p in (minimal / "content/plans").glob("2027-q1-*")) == ["2027-q1-huadongqu-kpi.yaml", "2027-q1-huananqu-kpi.yaml"]


def test_the_compiled_catalogue_is_current() -> None:
    po = LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as source, po.with_suffix(".mo").open("rb") as binary:
        written, compiled = read_po(source), read_mo(binary)
    assert _entries(written) == _entries(compiled), "run scripts/compile_messages.py"


def _entries(catalog: object) -> dict[object, object]:
    def key(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {key(m.id): key(m.string) for m in catalog if m.id}  # type: ignore[attr-defined]


HELP_OF_EVERY_COMMAND = """
import click
from generator.cli import cli

def helps(command, path):
    with click.Context(command, info_name=" ".join(path)) as ctx:
        yield " ".join(path), command.get_help(ctx)
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from helps(sub, [*path, name])

for name, text in helps(cli, ["salesbook"]):
    print("=====", name)
    print(text)
"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_commands_help_speaks_one_language(lang: str) -> None:
    run = subprocess.run([sys.executable, "-c", HELP_OF_EVERY_COMMAND, "--lang", lang], capture_output=True, text=True, check=True)
    helps = dict(part.split("\n", 1) for part in run.stdout.split("===== ")[1:])
    assert len(helps) > 12 and "salesbook onepager" in helps and "salesbook plan new" in helps
    for name, text in helps.items():
        described = text.split("\n\n", 2)[1]  # the line after "Usage:" is the command's own text
        if lang == "zh":
            assert re.search(r"[\u4e00-\u9fff]", described), f"{name}: {described}"
        else:
            assert not re.search(r"[\u4e00-\u9fff]", text), f"{name}: {text}"

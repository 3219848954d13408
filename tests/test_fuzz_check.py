"""Fuzzing `check`: random damage to valid files gives located errors, never a crash.

CI runs 60 examples per test (about a minute); SALESBOOK_FUZZ_EXAMPLES=2000 runs a longer campaign.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import new_yaml
from generator.validate import check_repository
from tests.helpers import FIXTURES, salesbook

FILES = sorted(p.relative_to(FIXTURES / "minimal").as_posix() for p in (FIXTURES / "minimal").rglob("*.yaml") if "site_config" not in p.parts)
JUNK_LINES = ["\tjunk: 1", "]", "}", "@at: 1", "`tick", "key: [unclosed", 'key: "unclosed', "key: !!python/object:os.system x", "a: &x [*x]"]
FUZZ = settings(max_examples=int(os.environ.get("SALESBOOK_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fresh_copy(workspace: Path) -> Path:
    root = workspace / "repo"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def located_errors(root: Path) -> list[str]:
    """Run the real check in-process; return its error lines, asserting each is located."""
    result = check_repository(root)
    for problem in result.problems:
        assert problem.line >= 1 and problem.col >= 1 and problem.path
        assert problem.format().startswith(f"{problem.path}:{problem.line}:{problem.col}: ")
    return [p.format() for p in result.errors]


def rewrite(path: Path, change) -> None:
    yaml = new_yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def scalar_paths(node, loc=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from scalar_paths(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from scalar_paths(value, (*loc, index))
    else:
        yield loc


@FUZZ
@given(file=st.sampled_from(FILES), key=st.sampled_from(["id", "title", "owner", "reviewed"]))
def test_deleting_a_required_key_is_reported(workspace: Path, file: str, key: str) -> None:
    root = fresh_copy(workspace)
    rewrite(root / file, lambda data: data.pop(key))
    errors = located_errors(root)
    assert any(line.startswith(file) for line in errors)


@FUZZ
@given(file=st.sampled_from(FILES), choice=st.integers(min_value=0, max_value=10_000))
def test_a_scalar_turned_into_a_mapping_is_reported(workspace: Path, file: str, choice: int) -> None:
    root = fresh_copy(workspace)

    def change(data) -> None:
        paths = list(scalar_paths(data))
        *parents, last = paths[choice % len(paths)]
        target = data
        for part in parents:
            target = target[part]
        target[last] = {"unexpected": 1}

    rewrite(root / file, change)
    assert any(line.startswith(file) for line in located_errors(root))


@FUZZ
@given(file=st.sampled_from(FILES), junk=st.sampled_from(JUNK_LINES), at=st.integers(min_value=0, max_value=10_000))
def test_a_junk_line_is_reported(workspace: Path, file: str, junk: str, at: int) -> None:
    root = fresh_copy(workspace)
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    lines.insert(at % (len(lines) + 1), junk)
    (root / file).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert any(line.startswith(file) for line in located_errors(root))


@FUZZ
@given(file=st.sampled_from(FILES), noise=st.binary(min_size=1, max_size=40), at=st.integers(min_value=0, max_value=10_000))
def test_random_bytes_never_crash_the_check(workspace: Path, file: str, noise: bytes, at: int) -> None:
    root = fresh_copy(workspace)
    raw = (root / file).read_bytes()
    position = at % (len(raw) + 1)
    (root / file).write_bytes(raw[:position] + noise + raw[position:])
    located_errors(root)


@FUZZ
@given(file=st.sampled_from(FILES), noise=st.text(min_size=1, max_size=40), at=st.integers(min_value=0, max_value=10_000))
def test_random_text_never_crashes_the_check(workspace: Path, file: str, noise: str, at: int) -> None:
    root = fresh_copy(workspace)
    text = (root / file).read_text(encoding="utf-8")
    position = at % (len(text) + 1)
    (root / file).write_text(text[:position] + noise + text[position:], encoding="utf-8")
    located_errors(root)


@pytest.mark.parametrize("junk", JUNK_LINES[:4])
def test_the_command_exits_one_without_a_traceback(minimal: Path, junk: str) -> None:
    path = minimal / FILES[0]
    path.write_text(path.read_text(encoding="utf-8") + junk + "\n", encoding="utf-8")
    run = salesbook("check", cwd=minimal)
    assert run.code == 1
    assert run.lines and run.lines[0].startswith(f"{FILES[0]}:")
    assert "Traceback" not in run.err

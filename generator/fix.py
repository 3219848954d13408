"""Text edits `salesbook fmt` makes before laying a file out.

`--fix` repairs the syntax slips whose fix is unambiguous; every run writes the
generated id into each FAQ question that has none, so the id stays put when the
question is later reworded.

For `--fix` only two slips qualify, and only where the parser refuses the line: a full-width
colon after a key (`summary：…`) and a missing space after a key's colon
(`summary:…`). Each repair is reported, so the writer sees what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from generator.atomic import write_atomically
from generator.load import new_yaml
from generator.models.faq import question_id
from generator.rewrite import layout_of
from generator.syntax import FULLWIDTH_COLON, NO_SPACE_COLON, diagnose

REPAIRABLE = {"yaml.fullwidth_colon": FULLWIDTH_COLON, "yaml.no_space_after_colon": NO_SPACE_COLON}
MAX_REPAIRS = 200
"""A file is repaired at most this many times (each repair is one line)."""


@dataclass(frozen=True)
class Repair:
    """One line changed by `--fix`: where, which slip, and the line as it now reads."""

    path: Path
    line: int
    code: str
    fixed: str


def repair_text(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Return `text` with every repairable slip fixed, and (1-based line, code, new line) per repair."""
    lines = text.split("\n")
    repairs: list[tuple[int, str, str]] = []
    for _ in range(MAX_REPAIRS):
        try:
            new_yaml().compose("\n".join(lines))
            break
        except MarkedYAMLError as error:
            found = diagnose("\n".join(lines), error)
        if found is None or found.code not in REPAIRABLE:
            break
        match = REPAIRABLE[found.code].match(lines[found.line])
        if match is None:
            break
        lead, key, value = match.groups()
        lines[found.line] = f"{lead}{key}: {value.strip()}".rstrip()
        repairs.append((found.line + 1, found.code, lines[found.line].strip()))
    return "\n".join(lines), repairs


def repair_files(paths: list[Path], write: bool) -> list[Repair]:
    """Repair every file in `paths`; write the repaired text back when asked."""
    done: list[Repair] = []
    for path in paths:
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8").replace("\r\n", "\n")
        except (UnicodeDecodeError, OSError):
            continue  # the formatter reports unreadable files
        repaired, repairs = repair_text(text)
        if repairs and write:  # atomically, in the file's own line endings
            write_atomically(path, repaired.replace("\n", layout_of(raw).newline).encode("utf-8"))
        done.extend(Repair(path, line, code, fixed) for line, code, fixed in repairs)
    return done


def with_question_ids(text: str) -> str:
    """Return FAQ `text` with the generated id written above every question that has none."""
    data = new_yaml().load(text)
    questions = data.get("questions") if isinstance(data, CommentedMap) else None
    if not isinstance(questions, CommentedSeq) or questions.fa.flow_style():
        return text
    lines = text.split("\n")
    for index in reversed(range(len(questions))):
        question = questions[index]
        if isinstance(question, CommentedMap) and not question.fa.flow_style() and "id" not in question and isinstance(question.get("question"), str):
            line, col = questions.lc.item(index)
            lines[line] = f"{lines[line][:col]}id: {question_id(question['question'])}\n{' ' * col}{lines[line][col:]}"
    return "\n".join(lines)

"""Validate a whole content repository: every file, every reference, every sum.

`check_repository` is the single entry point every command uses. It reads each
file once, reports every problem it finds (never stopping at the first), and
returns the valid items as a `Repository` alongside the sorted problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.archetypes import Archetype, read_archetypes
from generator.errors import ContentError, Problem, Severity, display_path
from generator.load import Document, read_document
from generator.modelcheck import validate_item
from generator.models import ContentType, Plan, Taxonomy
from generator.models.common import ValidationContext
from generator.project import TAXONOMY_FILE, content_files
from generator.recover import Reading, read_past_errors
from generator.repository import Entry, Repository
from generator.validate.boundary import AudienceRules, boundary_problems, load_audience_rules
from generator.search.rules import check_rules
from generator.validate.content import identity_problems, magnitude_problems, misplaced_problem, question_id_problems, text_problems
from generator.validate.plans import plan_problems
from generator.validate.settings import settings_problems, unreadable_by_this_salesbook


@dataclass
class CheckResult:
    """What a check found: the valid content, every problem, and how many files were read."""

    repository: Repository | None
    problems: list[Problem]
    files: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def require_clean(self) -> Repository:
        """Return the repository, or raise `ContentError` if any error was found."""
        if self.errors or self.repository is None:
            raise ContentError(self.errors)
        return self.repository


def check_repository(root: Path) -> CheckResult:
    """Load, validate and cross-check every content file under `root`."""
    if wrong_version := unreadable_by_this_salesbook(root):
        return CheckResult(None, wrong_version, 1)
    taxonomy, problems = load_taxonomy(root)
    problems.extend(check_rules(root))
    problems.extend(settings_problems(root))
    files = content_files(root)
    if taxonomy is None:
        return CheckResult(None, sorted(problems), len(files) + 1)
    documents: list[tuple[Document, ContentType]] = []
    unreadable: dict[str, set[str]] = {}
    partial: dict[str, Reading] = {}
    for path, content_type in files:
        display = display_path(path, root)
        if content_type is None:
            problems.append(misplaced_problem(path, display))
            continue
        reading = _read_inside(path, display, root)
        problems.extend(reading.problems)
        if reading.problems:
            unreadable.setdefault(content_type.kind, set()).add(path.stem)
        if reading.document is not None:
            documents.append((reading.document, content_type))
            if reading.problems:
                partial[display] = reading
    documents.sort(key=lambda pair: (pair[0].plain.get("id") != pair[0].path.stem, pair[0].display))
    problems.extend(_identity_problems(documents))
    context = ValidationContext(taxonomy.vocabularies(), _known_ids(documents, unreadable), root)
    repository = Repository(root, taxonomy)
    archetypes, archetype_problems = read_archetypes(root)
    rules, rule_problems = load_audience_rules(root)
    problems.extend(archetype_problems + rule_problems)
    for document, content_type in documents:
        reading = partial.get(document.display)
        try:
            found = _check_document(document, content_type, context, repository if reading is None else None, archetypes, rules)
        except Exception:  # noqa: BLE001 - one file's bug must not hide every other file's problems
            found = [Problem(document.display, 1, 1, "", "internal_file_error")]
        problems.extend(found if reading is None else filter(reading.keep, found))
    return CheckResult(repository, sorted(problems), len(files) + 1)


def _read_inside(path: Path, display: str, root: Path) -> Reading:
    """Read a content file that lies inside the repository; anything else becomes a located problem."""
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        return Reading(None, [Problem(display, 1, 1, "", "outside_repository", {"target": str(real)})])
    try:
        return read_past_errors(path, display)
    except Exception:  # noqa: BLE001 - one file's bug must not hide every other file's problems
        return Reading(None, [Problem(display, 1, 1, "", "internal_file_error")])


def load_taxonomy(root: Path) -> tuple[Taxonomy | None, list[Problem]]:
    """Read site_config/taxonomy.yaml, the controlled vocabularies."""
    path = root / TAXONOMY_FILE
    document = read_document(path, display_path(path, root))
    if isinstance(document, list):
        return None, document
    item, problems = validate_item(document, Taxonomy, ValidationContext({}))
    return item, problems  # type: ignore[return-value]


def _identity_problems(documents: list[tuple[Document, ContentType]]) -> list[Problem]:
    taken: dict[str, dict[str, Document]] = {}
    problems = []
    for document, content_type in documents:
        problems.extend(identity_problems(document, taken.setdefault(content_type.kind, {})))
    return problems


def _known_ids(documents: list[tuple[Document, ContentType]], unreadable: dict[str, set[str]]) -> dict[str, set[str]]:
    """Collect the ids each type offers; a file that could not be read offers its stem,
    so one syntax error does not also break every reference to it."""
    ids = {kind: set(stems) for kind, stems in unreadable.items()}
    for document, content_type in documents:
        item_id = document.plain.get("id")
        ids.setdefault(content_type.kind, set()).add(item_id if isinstance(item_id, str) else document.path.stem)
    return ids


def _check_document(
    document: Document,
    content_type: ContentType,
    context: ValidationContext,
    repository: Repository | None,
    archetypes: dict[str, Archetype],
    rules: AudienceRules,
) -> list[Problem]:
    """Validate one document; add it to `repository` (if given) when it has no error."""
    is_plan = content_type.model is Plan
    problems = text_problems(document, allow_placeholder=is_plan)
    if content_type.kind == "faq":
        problems.extend(question_id_problems(document))
    item, item_problems = validate_item(document, content_type.model, context)
    problems.extend(_without_placeholder_echoes(item_problems, problems))
    if item is not None:
        problems.extend(magnitude_problems(item, document))
    if item is not None and isinstance(item, Plan):
        problems.extend(plan_problems(item, document, archetypes.get(item.archetype)))
    if item is not None:
        problems.extend(boundary_problems(item, document, rules))
    if problems and (refusal := document.refusal()) is not None:
        return [refusal]  # libyaml read what ruamel.yaml refuses: the syntax error is the real problem
    if repository is not None and item is not None and not any(p.severity is Severity.ERROR for p in problems):
        if repository.get(content_type.kind, item.id) is None:
            repository.add(Entry(content_type.kind, item, document))
    return problems


def _without_placeholder_echoes(item_problems: list[Problem], earlier: list[Problem]) -> list[Problem]:
    """Drop schema errors about a value already reported as an unfilled `XX`."""
    placeholders = {(p.line, p.col) for p in earlier if p.code == "placeholder_outside_plan"}
    return [p for p in item_problems if (p.line, p.col) not in placeholders]

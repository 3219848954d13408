"""`salesbook new`: a commented scaffold for one content item, made from its model.

Every field of the model appears in model order (the order `salesbook fmt` keeps),
each with its one-line description above it as a comment; a list gets one example
item. What the writer still has to supply is `XX`, which `salesbook check` refuses
outside plans, so a scaffold fails the check until every blank is filled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.errors import ContentError, UsageError, display_path
from generator.fmt import Comments, YamlPath, lay_out, resolve
from generator.load import read_document
from generator.messages import render
from generator.models import ContentType
from generator.models.common import KEBAB_PATTERN, PLACEHOLDER
from generator.project import YAML_SUFFIXES
from generator.scaffold import schema_comment
from generator.validate import check_repository

MAX_LISTED_IDS = 12
"""A hint lists at most this many existing ids to choose from."""


@dataclass(frozen=True)
class Blanks:
    """What the writer told us up front; anything left None becomes `XX`."""

    id: str
    title: str | None = None
    owner: str | None = None


def scaffold_path(root: Path, content_type: ContentType, item_id: str) -> Path:
    return root / content_type.folder / f"{item_id}.yaml"


def refuse_unusable_id(root: Path, content_type: ContentType, item_id: str) -> None:
    """Raise a usage error if `item_id` is malformed, has a file already, or is another file's id."""
    if not re.fullmatch(KEBAB_PATTERN, item_id):
        raise UsageError("usage.bad_id", id=item_id)
    target = scaffold_path(root, content_type, item_id)
    folder = target.parent
    for suffix in YAML_SUFFIXES:
        if target.with_suffix(suffix).exists():
            raise UsageError("usage.file_exists", path=display_path(target.with_suffix(suffix), root))
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix not in YAML_SUFFIXES:
            continue
        document = read_document(path, display_path(path, root))
        if not isinstance(document, list) and document.plain.get("id") == item_id:
            raise UsageError("usage.id_taken", id=item_id, path=document.display)


def write_item_scaffold(root: Path, content_type: ContentType, blanks: Blanks, today: date, lang: str) -> Path:
    """Write the scaffold for a new item of `content_type`; never overwrite anything."""
    refuse_unusable_id(root, content_type, blanks.id)
    result = check_repository(root)
    if result.repository is None:
        raise ContentError(result.errors)
    vocabularies = result.repository.taxonomy.vocabularies()
    ids = {kind: sorted(entries) for kind, entries in result.repository.entries.items()}
    builder = _Builder(content_type.model.model_json_schema(), vocabularies, ids, lang)
    data, comments = builder.document(blanks, today)
    path = scaffold_path(root, content_type, blanks.id)
    comments.header = _header(path, root, content_type, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": fail rather than overwrite
        handle.write(lay_out(data, comments))
    return path


def _header(path: Path, root: Path, content_type: ContentType, lang: str) -> list[str]:
    kind = render(f"kind.{content_type.kind}", lang, {})
    return [
        schema_comment(path, root, content_type.kind),
        f"# {render('new.header_fill', lang, {'kind': kind})}",
        f"# {render('new.header_check', lang, {})}",
        "",
    ]


class _Builder:
    """Turns a model's JSON Schema into placeholder values and the hint above each."""

    def __init__(self, schema: dict[str, Any], vocabularies: dict[str, list[str]], ids: dict[str, list[str]], lang: str):
        self.schema = schema
        self.vocabularies = vocabularies
        self.ids = ids
        self.lang = lang
        self.comments = Comments()

    def document(self, blanks: Blanks, today: date) -> tuple[CommentedMap, Comments]:
        known: dict[str, Any] = {"id": blanks.id, "title": blanks.title, "owner": blanks.owner, "reviewed": today}
        data = CommentedMap()
        for name, node in self.schema["properties"].items():
            required = name in self.schema.get("required", [])
            given = known.get(name)
            data[name] = given if given is not None else self.value(node, (name,))
            self.comments.leading[(name,)] = [self.hint(node, required)]
        return data, self.comments

    def value(self, node: dict[str, Any], path: YamlPath) -> Any:
        """Return the placeholder for `node`; objects and lists are filled one level down."""
        target = resolve(self.schema, node)
        kind = target.get("type")
        if kind == "boolean":
            return node.get("default", False)
        if "enum" in target and "default" in node:
            return node["default"]  # a choice with a default (such as visibility) starts at it
        if kind == "array":
            return CommentedSeq([self.value(target.get("items", {}), (*path, 0))])
        if kind == "object":
            return self.mapping(target, path)
        if target.get("contentMediaType") == "text/markdown":
            return LiteralScalarString(PLACEHOLDER + "\n")
        return PLACEHOLDER

    def mapping(self, target: dict[str, Any], path: YamlPath) -> CommentedMap:
        """Return an example object with its required fields, each with its hint."""
        data = CommentedMap()
        required = target.get("required", [])
        for position, (name, node) in enumerate((n, p) for n, p in target["properties"].items() if n in required):
            data[name] = self.value(node, (*path, name))
            first_in_list_item = position == 0 and isinstance(path[-1], int)
            self.comments.leading[path if first_in_list_item else (*path, name)] = [self.hint(node, True)]
        return data

    def hint(self, node: dict[str, Any], required: bool) -> str:
        """Return the comment line above a field: its description, its choices, whether optional."""
        target = resolve(self.schema, node)
        items = resolve(self.schema, target.get("items", {})) if target.get("type") == "array" else target
        parts = [node.get("description") or target.get("description", "")]
        vocabulary, reference = items.get("x-vocabulary"), items.get("x-reference")
        if vocabulary:
            parts.append(render("new.choices", self.lang, {"values": "、".join(self.vocabularies.get(vocabulary, []))}))
        elif reference:
            parts.append(render("new.existing", self.lang, {"values": self._listed(self.ids.get(reference, []))}))
        elif "enum" in items and not all(str(choice) in parts[0] for choice in items["enum"]):
            parts.append(render("new.choices", self.lang, {"values": "、".join(map(str, items["enum"]))}))
        if not required:
            parts.append(render("new.optional", self.lang, {}))
        return "# " + "；".join(part for part in parts if part)

    def _listed(self, ids: list[str]) -> str:
        if not ids:
            return render("new.none_yet", self.lang, {})
        shown = "、".join(ids[:MAX_LISTED_IDS])
        return shown if len(ids) <= MAX_LISTED_IDS else shown + render("new.more", self.lang, {"count": len(ids)})

"""JSON Schema files for editors: the pydantic models, with the repository's own values as enums.

With the YAML language server, a team lead typing a case study gets field names
completed, descriptions on hover, and a red underline under a misspelt industry
or a product id that does not exist. The taxonomy and the settings files under
site_config/ get a schema too. Because the enums come from the content, the
committed schemas go stale when content changes; `salesbook schema --check` says so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.config.review import ReviewPolicy
from generator.config.site import SiteSettings
from generator.errors import ContentError, display_path
from generator.load import read_document
from generator.models import CONTENT_TYPES, Taxonomy
from generator.project import content_files
from generator.validate import load_taxonomy

SETTINGS_MODELS: dict[str, type[BaseModel]] = {"site": SiteSettings, "review": ReviewPolicy}
"""Settings files under site_config/ (by stem) and the models that read them."""


def content_schema(model: type[BaseModel], vocabularies: dict[str, list[str]], ids: dict[str, list[str]]) -> dict[str, Any]:
    """Return the JSON Schema of a model with taxonomy values and existing ids as enums."""
    schema = model.model_json_schema()
    _fill_enums(schema, vocabularies, ids)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _fill_enums(node: Any, vocabularies: dict[str, list[str]], ids: dict[str, list[str]]) -> None:
    if isinstance(node, dict):
        if node.get("x-vocabulary") in vocabularies:
            node["enum"] = list(vocabularies[node["x-vocabulary"]])
        if node.get("x-reference") in ids:
            node["enum"] = list(ids[node["x-reference"]])
        for value in node.values():
            _fill_enums(value, vocabularies, ids)
    elif isinstance(node, list):
        for value in node:
            _fill_enums(value, vocabularies, ids)


def repository_ids(root: Path) -> dict[str, list[str]]:
    """Return the ids each content type offers, sorted (files that cannot be read offer none)."""
    ids: dict[str, set[str]] = {}
    for path, content_type in content_files(root):
        document = read_document(path, display_path(path, root)) if content_type else []
        if content_type and not isinstance(document, list) and isinstance(document.plain.get("id"), str):
            ids.setdefault(content_type.kind, set()).add(document.plain["id"])
    return {kind: sorted(found) for kind, found in ids.items()}


def schema_texts(root: Path) -> dict[str, str]:
    """Return {file name: JSON text} for every schema: content types, the taxonomy, the settings."""
    taxonomy, problems = load_taxonomy(root)
    if taxonomy is None:
        raise ContentError(problems)
    vocabularies, ids = taxonomy.vocabularies(), repository_ids(root)
    schemas = {t.kind: content_schema(t.model, vocabularies, ids) for t in CONTENT_TYPES}
    schemas["taxonomy"] = content_schema(Taxonomy, vocabularies, ids)
    for stem, model in SETTINGS_MODELS.items():
        schemas[stem] = content_schema(model, vocabularies, ids)
    schemas["review"]["properties"]["days"]["propertyNames"] = {"enum": [t.kind for t in CONTENT_TYPES]}
    return {f"{kind}.schema.json": json.dumps(schema, ensure_ascii=False, indent=2) + "\n" for kind, schema in schemas.items()}


def write_schemas(root: Path, folder: Path) -> list[Path]:
    """Write every schema into `folder`; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts(root).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path, folder: Path) -> list[Path]:
    """Return the schema files in `folder` that are missing or differ from what would be written."""
    return [folder / name for name, text in schema_texts(root).items() if not _holds(folder / name, text)]


def _holds(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == text

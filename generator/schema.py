"""JSON Schema files for editors: the pydantic models, with the taxonomy's values as enums.

With the YAML language server, a team lead typing a case study gets field names
completed, descriptions on hover and a red underline under a misspelt industry.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.errors import ContentError
from generator.models import CONTENT_TYPES, Taxonomy
from generator.validate import load_taxonomy


def content_schema(model: type, taxonomy: Taxonomy) -> dict[str, Any]:
    """Return the JSON Schema of a content model with taxonomy values filled in."""
    schema = model.model_json_schema()
    _fill_vocabularies(schema, taxonomy.vocabularies())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _fill_vocabularies(node: Any, vocabularies: dict[str, list[str]]) -> None:
    if isinstance(node, dict):
        name = node.get("x-vocabulary")
        if name in vocabularies:
            node["enum"] = list(vocabularies[name])
        for value in node.values():
            _fill_vocabularies(value, vocabularies)
    elif isinstance(node, list):
        for value in node:
            _fill_vocabularies(value, vocabularies)


def write_schemas(root: Path, folder: Path) -> list[Path]:
    """Write one `<kind>.schema.json` per content type (and the taxonomy's) into `folder`."""
    taxonomy, problems = load_taxonomy(root)
    if taxonomy is None:
        raise ContentError(problems)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    schemas = {t.kind: content_schema(t.model, taxonomy) for t in CONTENT_TYPES}
    schemas["taxonomy"] = content_schema(Taxonomy, taxonomy)
    for kind, schema in schemas.items():
        path = folder / f"{kind}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written

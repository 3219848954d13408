"""The Decap CMS configuration (`admin/config.yml`), written from the models and the taxonomy.

One collection per content type, in the folder `salesbook` reads, one file per item
named after its id; plans get one collection per archetype, so a supervisor starts
a plan by choosing the kind of plan and sees that archetype's blocks, its required
ones marked as such. The file is generated on every build and never edited by hand:
a model change reaches the form without anyone touching it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from generator.archetypes import BLOCKS, Archetype, load_archetypes
from generator.cms.fields import Vocabularies, form_fields
from generator.errors import ContentError
from generator.messages import render
from generator.models import BY_KIND, CONTENT_TYPES, ContentType, Plan
from generator.validate import load_taxonomy

LOCALE = "zh_Hans"
MEDIA_FOLDER = "assets"
"""Attachments (`attachments[].path`) are repository files under assets/."""
PLAN_KIND = "plan"
OPTION_LABELS = {"higher": "越高越好", "lower": "越低越好"}
"""Chinese display text for fixed choices written in English in the files."""


@dataclass(frozen=True)
class Backend:
    """Where the form saves: a local `decap-server` or a repository host."""

    local_url: str | None = None
    """The local backend's API (e.g. http://127.0.0.1:8081/api/v1); None on a published site."""
    remote: dict[str, Any] | None = None
    """The `backend:` section for GitHub, GitLab or Gitea (site_config/cms.yaml)."""
    editorial_workflow: bool = False


def cms_config(root: Path, backend: Backend) -> dict[str, Any]:
    """Return the whole Decap configuration for the repository at `root`."""
    taxonomy, problems = load_taxonomy(root)
    if taxonomy is None:
        raise ContentError(problems)
    vocabularies = Vocabularies(taxonomy.vocabularies(), collection_name, OPTION_LABELS)
    collections = [_collection(t, vocabularies) for t in CONTENT_TYPES if t.kind != PLAN_KIND]
    collections += [_plan_collection(a, vocabularies) for a in load_archetypes(root)]
    config: dict[str, Any] = {
        "locale": LOCALE,
        "backend": backend.remote or {"name": "proxy", "proxy_url": backend.local_url or "http://localhost:8081/api/v1", "branch": "main"},
        "media_folder": MEDIA_FOLDER,
        "public_folder": MEDIA_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections,
    }
    if backend.local_url:
        config["local_backend"] = {"url": backend.local_url}
    if backend.editorial_workflow and not backend.local_url:
        config["publish_mode"] = "editorial_workflow"
    return config


def collection_name(kind: str) -> str:
    """Return the collection holding items of content type `kind` (a relation widget's target)."""
    return kind


def _collection(content_type: ContentType, vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        **_folder_collection(content_type, render(f"kind.{content_type.kind}", "zh", {})),
        "name": collection_name(content_type.kind),
        "fields": form_fields(content_type.model.model_json_schema(), vocabularies),
    }


def _plan_collection(archetype: Archetype, vocabularies: Vocabularies) -> dict[str, Any]:
    """Return the collection of plans of one archetype: its blocks, its required ones required."""
    fields = form_fields(Plan.model_json_schema(), vocabularies, frozenset(archetype.requires))
    for field in fields:
        if field["name"] == "archetype":
            field.update({"widget": "hidden", "default": archetype.id})
            field.pop("options", None)
        if field["name"] in BLOCKS:
            section = archetype.section_of(field["name"])
            field["hint"] = f"{field['hint']}（{section.heading}：{section.guidance}）"
    return {
        **_folder_collection(BY_KIND[PLAN_KIND], f"{render('kind.plan', 'zh', {})}：{archetype.name}"),
        "name": f"{PLAN_KIND}-{archetype.id}",
        "description": archetype.purpose,
        "filter": {"field": "archetype", "value": archetype.id},
        "fields": fields,
    }


def _folder_collection(content_type: ContentType, label: str) -> dict[str, Any]:
    return {
        "label": label,
        "label_singular": label,
        "folder": content_type.folder,
        "create": True,
        "delete": False,
        "extension": "yaml",
        "format": "yaml",
        "identifier_field": "id",
        "slug": "{{fields.id}}",
        "summary": "{{title}}（{{id}}）",
    }


def write_config(root: Path, target: Path, backend: Backend) -> Path:
    """Write the configuration as YAML to `target` (admin/config.yml of the site)."""
    yaml = YAML(typ="safe")  # libyaml's emitter: the configuration has thousands of nodes
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[attr-defined]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        handle.write("# Generated by salesbook from generator/models and site_config/taxonomy.yaml; do not edit.\n")
        yaml.dump(cms_config(root, backend), handle)
    return target



"""A synthetic content repository of N items, seeded and deterministic, for the benchmarks.

Each item starts as a copy of a random demo item of its type. Its text fields are
refilled to about the original length, with demo sentences, shuffled (`--text copied`, the
default), or with new text drawn character by character from the demo's character pairs
(`--text novel`: the demo's vocabulary and pair frequencies, none of its sentences, so that a
demo question's answer is not quoted word for word on a hundred other pages). Its
references are redirected to other generated items. Taxonomy values and
question ids stay as they are. With `--with-demo` the demo's own items are kept
too and count towards N, so that the search questions of the development set
(tests/search/keywords.yaml) still have their answers among N pages. The
result passes `salesbook check`.

    python bench/corpus.py 1000 /tmp/corpus-1000 [--with-demo] [--text novel]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.models import CONTENT_TYPES  # noqa: E402
from generator.schema import content_schema  # noqa: E402
from generator.validate import check_repository  # noqa: E402

SHARES = {"product": 0.05, "faq": 0.05, "case-study": 0.45, "sop": 0.25, "playbook": 0.20}
"""How a knowledge base of N items divides between the types (plans stay the demo's)."""

SKELETON = ("site_config", "templates", "mkdocs.yml")
DEMO_ITEMS = ("content", "playbooks")
SENTENCE_END = re.compile(r"(?<=[。！？；])")
CJK = re.compile(r"[\u4e00-\u9fff]")
TEXTS = ("copied", "novel")
"""What refills a synthetic item's text: the demo's sentences, or new text of its character pairs (`--text`)."""
REUSED = ("owner", "tags")
"""Fields whose values come from the demo's own values of that field: people and tags recur in a real knowledge base."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of items")
    parser.add_argument("out", type=Path, help="folder to create (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--with-demo", action="store_true", help="keep the demo's own items among the N")
    parser.add_argument("--text", choices=TEXTS, default=TEXTS[0], help="refill text with the demo's sentences or with new text of its character pairs")
    args = parser.parse_args()
    write_corpus(args.n, args.out, args.seed, args.with_demo, args.text)
    print(f"wrote {args.n} items to {args.out}")


def write_corpus(n: int, out: Path, seed: int = 20261123, with_demo: bool = False, text: str = "copied") -> Path:
    """Create a content repository of about `n` items at `out` and return it."""
    demo = check_repository(REPO).require_clean()
    rng = random.Random(seed)
    copy_demo(out, with_items=with_demo)
    sentences = _sentence_pool(demo)
    pools = Pools(sentences, _novel_sentences(sentences, rng, len(sentences) * 20) if text == "novel" else sentences)
    reused = {field: _field_values(demo, field) for field in REUSED}
    kept = sum(len(entries) for kind, entries in demo.entries.items() if kind != "plan") if with_demo else 0
    counts = _counts(max(n - kept, len(SHARES)))
    ids = {kind: [f"{kind}-{i:05d}" for i in range(count)] for kind, count in counts.items()}
    for content_type in CONTENT_TYPES:
        if content_type.kind == "plan":
            _copy_demo_plans(out)
            continue
        templates = [e.document.plain for _, e in sorted(demo.entries[content_type.kind].items())]
        schema = content_schema(content_type.model, demo.taxonomy.vocabularies(), {})
        for index, item_id in enumerate(ids[content_type.kind]):
            data = _synthesise(rng.choice(templates), schema, schema, rng, pools, ids)
            data["id"] = item_id
            data["owner"] = rng.choice(reused["owner"])
            data["tags"] = rng.sample(reused["tags"], min(len(data.get("tags", [])), len(reused["tags"])))
            if content_type.kind == "faq":
                data["product"] = ids["product"][index % len(ids["product"])]
            _write(out, content_type.folder, f"{item_id}.yaml", content_type.kind, data)
    return out


def copy_demo(out: Path, with_items: bool = True) -> Path:
    """Replace `out` with a copy of this repository's site configuration and templates, and its content items."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in SKELETON + (DEMO_ITEMS if with_items else ()):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, out / name, dirs_exist_ok=True)
        elif source.is_file():
            shutil.copy2(source, out / name)
    return out


def _counts(n: int) -> dict[str, int]:
    counts = {kind: max(1, round(n * share)) for kind, share in SHARES.items()}
    counts["faq"] = counts["product"]
    return counts


DEMO_FORMS = frozenset({"customer", "unit", "target"})
"""Fields whose text the checks hold to the demo's forms (an anonymous customer's 某, a unit, a target):
always cut from the demo's sentences."""


@dataclass(frozen=True)
class Pools:
    """Where synthetic text comes from: the fields of DEMO_FORMS from the demo's sentences, the rest from `text`."""

    demo: list[str]
    text: list[str]


def _sentence_pool(demo: Any) -> list[str]:
    """Return the demo's Chinese sentences (ids and codes left out), bold marks kept only when paired."""
    pool: list[str] = []
    for entries in demo.entries.values():
        for entry in entries.values():
            for text in _strings(entry.document.plain):
                sentences = (s.strip() for s in SENTENCE_END.split(text))
                pool.extend(s if s.count("**") % 2 == 0 else s.replace("**", "") for s in sentences if len(s) > 6 and CJK.search(s))
    return sorted(set(pool))


def _novel_sentences(pool: list[str], rng: random.Random, count: int) -> list[str]:
    """Return `count` sentences drawn character by character from the pairs of `pool`'s sentences
    (each next character as often as it follows the last one there), each as long as a random
    sentence of the pool; those that happen to repeat a sentence of the pool are left out."""
    following: dict[str, list[str]] = {}
    for sentence in pool:
        for first, second in zip(sentence, sentence[1:]):
            following.setdefault(first, []).append(second)
    starts = [sentence[0] for sentence in pool]
    known = set(pool)
    novel = []
    for _ in range(count):
        sentence = rng.choice(starts)
        for _ in range(len(rng.choice(pool)) - 1):
            sentence += rng.choice(following.get(sentence[-1]) or starts)
        if sentence not in known:
            novel.append(sentence.replace("**", ""))
    return novel


def _field_values(demo: Any, field: str) -> list[str]:
    """Return every value the demo's items give `field` (a string or a list of strings)."""
    values: set[str] = set()
    for entries in demo.entries.values():
        for entry in entries.values():
            value = entry.document.plain.get(field)
            values.update(value if isinstance(value, list) else [value] if isinstance(value, str) else [])
    return sorted(values)


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) else []


def _synthesise(node: Any, schema: dict, root: dict, rng: random.Random, pools: Pools, ids: dict[str, list[str]], key: str = "") -> Any:
    """Return `node` (the value of field `key`) with its free text replaced and its references redirected."""
    schema = _resolve(schema, root)
    if isinstance(node, dict):
        properties = schema.get("properties", {})
        return {k: _synthesise(v, properties.get(k, {}), root, rng, pools, ids, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_synthesise(v, schema.get("items", {}), root, rng, pools, ids, key) for v in node]
    if not isinstance(node, str) or "x-vocabulary" in schema or "enum" in schema or "pattern" in schema or "format" in schema:
        if "x-reference" in schema:
            return rng.choice(ids[schema["x-reference"]])
        return node
    return _text_like(node, rng, pools.demo if key in DEMO_FORMS else pools.text)


def _resolve(schema: dict, root: dict) -> dict:
    if "$ref" in schema:
        return root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    for option in schema.get("anyOf", []):
        if option.get("type") != "null":
            return _resolve(option, root)
    return schema


def _text_like(original: str, rng: random.Random, pool: list[str]) -> str:
    """Return sentences of `pool` about as long as `original` (the start of one for a short field)."""
    if len(original) < 20:
        return rng.choice(pool)[: max(4, len(original))].strip().rstrip("，、；：") or rng.choice(pool)[:4]
    text = ""
    while len(text) < len(original) * 0.8:
        text += rng.choice(pool)
    return text


def _copy_demo_plans(out: Path) -> None:
    shutil.copytree(REPO / "content/plans", out / "content/plans", dirs_exist_ok=True)


def _write(out: Path, folder: str, name: str, kind: str, data: dict) -> None:
    """Write one item as the demo's files are written: the schema comment first, then the YAML.

    libyaml's emitter, not ruamel.yaml's: the text is the same YAML and writing
    10,000 items takes seconds instead of minutes.
    """
    (out / folder).mkdir(parents=True, exist_ok=True)
    schema = os.path.relpath(f"schemas/{kind}.schema.json", folder)
    text = yaml.dump(json.loads(json.dumps(data, default=str)), Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=4096)
    (out / folder / name).write_text(f"# yaml-language-server: $schema={schema}\n{text}", encoding="utf-8")


if __name__ == "__main__":
    main()

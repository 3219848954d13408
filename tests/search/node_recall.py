"""Recall of the search module run in node over a built site (quick; the browser test is the judge).

Usage: python -m tests.search.node_recall SITE_DIR SET.yaml [...]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.site.recall import ASKED_ON, Outcome, Question, load_questions, report

RUNNER = Path(__file__).with_name("node_search.js")


def node_search(site: Path, queries: list[str]) -> list[dict[str, Any]]:
    """Return what the search module finds for each query, run in node: {partial, results}."""
    done = subprocess.run(["node", str(RUNNER), str(site), ASKED_ON], input=json.dumps(queries), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def outcomes(site: Path, questions: list[Question]) -> list[Outcome]:
    found = node_search(site, [q.q for q in questions])
    results = [f["results"] for f in found]
    return [Outcome(q, [str(r["url"]) for r in rs], [str(r["title"]) for r in rs], [str(r["page"]) for r in rs]) for q, rs in zip(questions, results, strict=True)]


if __name__ == "__main__":
    site = Path(sys.argv[1])
    for name in sys.argv[2:]:
        print(report(name, outcomes(site, load_questions(name))))

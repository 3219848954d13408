"""Recall of the search module run in node over a built site (quick; the browser test is the judge).

Usage: python -m tests.search.node_recall SITE_DIR SET.yaml [...]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.site.recall import Outcome, Question, load_questions, report

RUNNER = Path(__file__).with_name("node_search.js")


def node_search(site: Path, queries: list[str]) -> list[list[dict[str, object]]]:
    """Return the results of each query as the search module ranks them, run in node."""
    done = subprocess.run(["node", str(RUNNER), str(site)], input=json.dumps(queries), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def outcomes(site: Path, questions: list[Question]) -> list[Outcome]:
    found = node_search(site, [q.q for q in questions])
    return [Outcome(q, [str(r["url"]) for r in rs], [str(r["title"]) for r in rs], [str(r["page"]) for r in rs]) for q, rs in zip(questions, found, strict=True)]


if __name__ == "__main__":
    site = Path(sys.argv[1])
    for name in sys.argv[2:]:
        print(report(name, outcomes(site, load_questions(name))))

"""Run `mkdocs build --strict` through MkDocs' Python API; print every warning and error as one JSON object per line.

`python -m generator.site.mkdocs_run CONFIG SITE_DIR` is what `salesbook build` runs
in a subprocess: the records MkDocs logs reach salesbook as data (level, logger,
message), not as text to pick apart.
"""

from __future__ import annotations

import json
import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException


class JsonLines(logging.Handler):
    """Write each log record as a JSON object on one line of standard output."""

    def emit(self, record: logging.LogRecord) -> None:
        print_record(record.levelname, record.name, record.getMessage())


def print_record(level: str, logger: str, message: str) -> None:
    """Write one record for salesbook to read."""
    sys.stdout.write(json.dumps({"level": level, "logger": logger, "message": message}, ensure_ascii=False) + "\n")


def main(config_file: str, site_dir: str) -> int:
    """Build the site; return 0 when MkDocs had nothing to say above INFO, else 1."""
    handler = JsonLines(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        build(load_config(config_file, site_dir=site_dir, strict=True))
    except Abort:  # "aborted with N warnings in strict mode": the warnings are out already
        return 1
    except MkDocsException as error:
        print_record("ERROR", "mkdocs", error.format_message())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

"""Run the real `salesbook build` once, timing each of its stages (a child process of bench/run.py).

The stage functions that `generator.site.build.build_site` calls are wrapped with
timers, then `build_site` itself runs, so the bench follows the build as it is,
whatever its order. MkDocs (with the search plugin) runs in a forked child, so that its
peak memory is measured apart; the in-process stages' peak is this process's own.
Prints one line of JSON.

    python bench/stages.py REPOSITORY SITE_DIR
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from measure import in_fork, self_peak_mb  # noqa: E402

from generator.errors import ContentError, MessageError  # noqa: E402
from generator.site import build  # noqa: E402

STAGES = {
    "check_repository": "check",
    "write_downloads": "downloads",
    "generate_pages": "generate",
    "run_mkdocs": "mkdocs",
}
"""build.py's stage functions -> the names the bench reports them under."""
SUBPROCESS_STAGES = {"mkdocs"}


def instrument(seconds: dict[str, float], peaks: dict[str, float]) -> None:
    """Replace build.py's stage functions with timed ones."""
    for function, stage in STAGES.items():
        original = getattr(build, function)  # an AttributeError here means build.py changed: update STAGES
        setattr(build, function, _timed(original, stage, seconds, peaks))


def _timed(original: Callable[..., Any], stage: str, seconds: dict[str, float], peaks: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        if stage in SUBPROCESS_STAGES:
            result, peaks[stage] = in_fork(lambda: original(*args, **kwargs))
        else:
            result = original(*args, **kwargs)
            peaks[stage] = self_peak_mb()
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start
        return result

    return timed


def main() -> None:
    root, site = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    seconds: dict[str, float] = {}
    peaks: dict[str, float] = {}
    instrument(seconds, peaks)
    start = time.perf_counter()
    try:
        report = build.build_site(root, site)
    except ContentError as error:  # say which file, as `salesbook build` would
        sys.exit("\n".join(str(problem.as_dict("en")) for problem in error.problems))
    except MessageError as error:
        sys.exit(error.message("en"))
    total = time.perf_counter() - start
    seconds["other"] = total - sum(seconds.values())
    print(json.dumps({"seconds": seconds, "build_site": total, "peak_mb": peaks, "pages": report.pages, "searchable": report.searchable}))


if __name__ == "__main__":
    main()

"""Measuring tools: wall time and peak memory of a command, medians, a process tree's memory.

Peak memory of a subprocess is `getrusage(RUSAGE_CHILDREN).ru_maxrss`, read in a
process that has no other children: either the wrapper below, which runs one
command (`python bench/measure.py -- COMMAND...`, prints JSON), or a forked
child that runs one stage of the build (`in_fork`).
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Measured:
    """One run of a command."""

    seconds: float
    peak_mb: float
    """The largest resident set of the command or any process it waited for."""
    cpu_seconds: float
    """User and system time of the command and its children."""
    tree_peak_mb: float = 0.0
    """The largest sum of the resident sets of the command and its descendants at one moment (sampled)."""
    tree_peak_pss_mb: float = 0.0
    """The same with each page shared between processes counted once (proportional set size): a forked
    worker's resident set counts all it shares with its parent again, this does not."""

    @property
    def cores_busy(self) -> float:
        return self.cpu_seconds / self.seconds if self.seconds else 0.0


def run_measured(command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Measured:
    """Run `command` under the wrapper and return its wall time, peak memory and CPU time."""
    wrapper = [sys.executable, str(Path(__file__).resolve()), "--", *command]
    with subprocess.Popen(wrapper, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        with TreeMemory(process.pid) as tree:
            out, err = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return Measured(**(load_json(out) | {"tree_peak_mb": tree.peak_mb, "tree_peak_pss_mb": tree.peak_pss_mb}))


def _wrap(command: list[str]) -> None:
    """Run `command`, then print its Measured as JSON (the wrapper's only child)."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.buffer.write(done.stderr)
        sys.exit(done.returncode)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps(asdict(Measured(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime))))


def in_fork(stage: Callable[[], T]) -> tuple[T, float]:
    """Run `stage` in a forked child; return its result and the peak memory (MB) of the processes it ran.

    The child's own memory is not counted: it is a copy of this process, measured
    apart with RUSAGE_SELF.
    """
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the stage, send back (ok, value, peak)
        os.close(reader)
        try:
            payload = (True, stage(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        except BaseException:  # noqa: BLE001 - every failure goes back to the parent
            payload = (False, traceback.format_exc(), 0.0)
        with os.fdopen(writer, "wb") as stream:
            pickle.dump(payload, stream)
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        ok, value, peak = pickle.load(stream)
    os.waitpid(pid, 0)
    if not ok:
        raise RuntimeError(value)
    return value, peak


def self_peak_mb() -> float:
    """Return this process's own peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeMemory:
    """Sample the summed resident memory of a process's descendants, for work spread over processes."""

    def __init__(self, root: int, interval: float = 0.1) -> None:
        self.root = root
        self.interval = interval
        self.peak_mb = 0.0
        self.peak_pss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            pids = _tree(self.root)[1:]
            self.peak_mb = max(self.peak_mb, sum(_memory_kb(pid, "/status", "VmRSS:") for pid in pids) / 1024)
            self.peak_pss_mb = max(self.peak_pss_mb, sum(_memory_kb(pid, "/smaps_rollup", "Pss:") for pid in pids) / 1024)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _memory_kb(pid: int, file: str, field: str) -> int:
    """Return one figure (kB) of a process's memory from /proc/PID/`file` (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}{file}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def load_json(text: str) -> Any:
    """Return the JSON on the last line of a child's output (earlier lines are its chatter)."""
    return json.loads(text.strip().splitlines()[-1])


if __name__ == "__main__":
    if sys.argv[1:2] != ["--"] or len(sys.argv) < 3:
        sys.exit("usage: measure.py -- COMMAND [ARG...]")
    _wrap(sys.argv[2:])

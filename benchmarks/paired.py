"""Paired timing: a command and its reference run alternately, and the median of their ratios.

Why: on a shared machine two figures taken at different moments differ by 40 % on the same
commit. Timing the reference L(N) and the command back to back inside every repeat, in
alternating order, and keeping the median of the per-repeat ratios, cancels most of the drift.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One fresh process: its wall time and peak resident memory."""

    seconds: float
    peak_mib: float


def run(args: Sequence[str], env: dict[str, str] | None = None, cwd: str | None = None) -> Run:
    """Run `args` in a fresh process, output discarded; wall time and peak RSS of that child."""
    start = time.perf_counter()
    child = subprocess.Popen(
        list(args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    seconds = time.perf_counter() - start
    return Run(seconds, usage.ru_maxrss / 1024)  # Linux reports KiB


Job = Callable[[], Run]


def ratios(reference: Job, jobs: Sequence[Job], repeat: int) -> tuple[Run, list[tuple[float, Run]]]:
    """For each job, the median over `repeat` of job time / reference time, and its last run;
    first, the reference's last run.

    The reference runs once per repeat; the jobs run right after it, in an order that rotates
    from repeat to repeat, so no job always runs on a warmer (or colder) machine.
    """
    found: list[list[float]] = [[] for _ in jobs]
    last: list[Run] = [Run(0.0, 0.0) for _ in jobs]
    ref = Run(0.0, 0.0)
    for i in range(repeat):
        ref = reference()
        base = ref.seconds
        order = list(range(len(jobs)))
        order = order[i % len(order) :] + order[: i % len(order)]
        for k in order:
            last[k] = jobs[k]()
            found[k].append(last[k].seconds / base)
    return ref, [(statistics.median(r), last[k]) for k, r in enumerate(found)]


Rows = list[tuple[float, Run]]


@dataclass(frozen=True)
class Version:
    """One wgctl source tree, run as `python -m wgctl` with it first on the path."""

    name: str
    tree: Path

    def job(self, *args: str, env: dict[str, str] | None = None) -> Job:
        """A fresh `wgctl ARGS` process of this version."""
        extra = {"PYTHONPATH": str(self.tree), **(env or {})}
        # From the tree itself: `python -m` puts the current folder first on the path.
        return lambda: run([sys.executable, "-m", "wgctl", *args], extra, cwd=str(self.tree))


def show(label: str, goal: str, values: Rows, unit: str = "x L") -> None:
    """One table row: the ratio of each version, then the goal."""
    cells = "  ".join(f"{ratio:6.2f} {unit}" for ratio, _ in values)
    print(f"{label:<46} {cells}   goal {goal}", flush=True)


def paired_options(
    description: str, repeat: int, records: str | None = None
) -> argparse.ArgumentParser:
    """The options every paired benchmark takes: sizes (when it builds repositories), repeats
    and another source tree to time alongside (`versions`)."""
    parser = argparse.ArgumentParser(description=description)
    if records is not None:
        parser.add_argument("--records", default=records, help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=repeat, help="paired runs per row (median)")
    parser.add_argument("--baseline", type=Path, help="another source tree to time alongside")
    return parser


def versions(baseline: Path | None, here: Path) -> list[Version]:
    """The trees to time: `--baseline` (if given) as "before", then this one as "now"."""
    return [*([Version("before", baseline.resolve())] if baseline else []), Version("now", here)]

"""Every row of the performance table in one run: each command as a ratio to L(N), paired.

Usage: python benchmarks/bench_validate.py [--records 10000,50000] [--repeat 3] [--baseline DIR]

L(N) = read + PyYAML CSafeLoader + pydantic of the same files, holding the records, in a fresh
process. Within every repeat L(N) and the commands run back to back (order rotating), and each
row is the median of the paired ratios (see paired.py). `--baseline DIR` (a source tree holding
another wgctl/, e.g. `git archive main wgctl templates | tar -x -C DIR`) adds a "before" column
measured in the same run, on an identical copy of each repository. Not a test: numbers drift with
the machine; ratios within one run are what to compare.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import paired  # the benchmark's own helpers, beside it
import synthetic
from paired import Job, Rows, Run, Version, show
from startup import bench_errors, bench_startup

HERE = Path(__file__).resolve().parent.parent
REVISIONS = 200  # commits to one record on top of the first one: `log` reads 201 revisions
LOG_RECORD = "records/meetings/meeting-0.yaml"
HOLD = """\
import sys, yaml
from pathlib import Path
from wgctl.models import KINDS
kept = [
    KINDS[p.parent.name].model_validate(yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader))
    for p in Path(sys.argv[1]).glob("records/*/*.yaml")
]
"""


def add_history(root: Path, rel: str, revisions: int) -> None:
    """`revisions` commits that each change one field of `rel` (git fast-import: one process)."""
    text = (root / rel).read_text()
    stream = []
    for k in range(revisions):
        data = text.replace("long title", f"long title, revision {k + 1}").encode()
        message = f"revise {rel} ({k + 1})".encode()
        stamp = str(1_500_000_000 + k * 3600).encode()
        stream.append(
            b"commit refs/heads/main\ncommitter Bench <bench@example.org> %s +0000\n" % stamp
            + b"data %d\n%s\n" % (len(message), message)
            + (b"from refs/heads/main^0\n" if k == 0 else b"")
            + b"M 100644 inline %s\ndata %d\n%s\n" % (rel.encode(), len(data), data)
        )
    env = {**os.environ, **synthetic.GIT_ENV}
    git = ["git", "-C", str(root)]
    subprocess.run([*git, "fast-import", "--quiet"], input=b"".join(stream), check=True, env=env)
    subprocess.run([*git, "reset", "-q", "--hard"], check=True, env=env)


def log_reference(root: Path) -> Run:
    """What `log` cannot avoid: `git log --follow` and reading the record's blobs in one stream."""
    start = time.perf_counter()
    git = ["git", "-C", str(root)]
    shas = subprocess.run(
        [*git, "log", "--follow", "--format=%H", "--", LOG_RECORD], capture_output=True, check=True
    ).stdout.split()
    wanted = b"".join(sha + b":" + LOG_RECORD.encode() + b"\n" for sha in shas)
    subprocess.run([*git, "cat-file", "--batch"], input=wanted, capture_output=True, check=True)
    return Run(time.perf_counter() - start, 0.0)


def edit(path: Path, text: str) -> Callable[[], None]:
    """Each call leaves `path` with different content (a new comment), as an editor would."""
    count = [0]

    def change() -> None:
        count[0] += 1
        path.write_text(text + f"# edit {count[0]}\n")

    return change


def then(before: Callable[[], None], job: Job) -> Job:
    """`job`, with untimed preparation."""

    def prepared() -> Run:
        before()
        return job()

    return prepared


class Bench:
    """One size: the repository, a copy per version, and L(N) as the paired reference."""

    def __init__(self, n: int, versions: list[Version], repeat: int, tmp: Path) -> None:
        self.versions, self.repeat, self.tmp = versions, repeat, tmp
        self.root = tmp / f"repo-{n}"
        synthetic.build(self.root, n)
        add_history(self.root, LOG_RECORD, REVISIONS)
        self.roots = []
        for v in versions:
            copy = tmp / f"repo-{n}-{v.name}"
            shutil.copytree(self.root, copy, symlinks=True)
            self.roots.append(copy)
        hold = tmp / "hold.py"
        hold.write_text(HOLD)
        ours = {"PYTHONPATH": str(versions[-1].tree)}
        self.L = lambda: paired.run([sys.executable, str(hold), str(self.root)], ours)

    def row(self, label: str, goal: str, make: Callable[[Version, Path], Job]) -> Rows:
        """Warm each version's cache once, then the paired ratios to L(N)."""
        jobs = [make(v, r) for v, r in zip(self.versions, self.roots, strict=True)]
        for job in jobs:
            job()
        _, found = paired.ratios(self.L, jobs, self.repeat)
        show(label, goal, found)
        return found


def bench_size(n: int, versions: list[Version], repeat: int, tmp: Path, log: bool) -> None:
    """Every repository row of the table for one size."""
    start = time.perf_counter()
    b = Bench(n, versions, repeat, tmp)
    names = ", ".join(v.name for v in versions)
    print(f"\n== {n:,} records (built in {time.perf_counter() - start:.1f} s); columns: {names}")
    ref = b.L()
    print(f"L(N) = {ref.seconds:.2f} s in a fresh process, peak RSS {ref.peak_mib:.0f} MiB")
    validate = ("validate", "--format", "json", "--repo")
    cold = {"WGCTL_NO_CACHE": "1"}
    b.row("validate, cold", "<= 1.0", lambda v, r: v.job(*validate, str(r), env=cold))
    b.row("validate, warm, nothing changed", "<= 0.05", lambda v, r: v.job(*validate, str(r)))
    record = "records/actions/action-1.yaml"
    text = (b.root / record).read_text()
    found = b.row(
        "validate, warm, one file edited",
        "<= 0.15",
        lambda v, r: then(edit(r / record, text), v.job(*validate, str(r))),
    )
    for r in b.roots:
        (r / record).write_text(text)
    peaks = [(run.peak_mib / ref.peak_mib, run) for _, run in found]
    show("peak RSS, warm, one file edited (x L's RSS)", "<= 1.2", peaks, "x  ")
    since = ("--changed-since", "HEAD~1")
    b.row(
        "validate --changed-since HEAD~1, warm",
        "<= 0.1",
        lambda v, r: v.job(*validate, str(r), *since),
    )
    b.row(
        "diff HEAD~1 (one file changed)",
        "<= 0.15",
        lambda v, r: v.job("diff", "HEAD~1", "--repo", str(r)),
    )
    report = ("report", "progress", "--since", "2016-01-01", "--until", "2017-10-31")
    b.row(
        "report progress (md), warm",
        "<= 0.25",
        lambda v, r: v.job(*report, "-o", str(tmp / f"p-{v.name}.md"), "--repo", str(r)),
    )
    if log:
        bench_log(b)


def bench_log(b: Bench) -> None:
    """`log` of a record with 201 revisions against git's own cost of reading them."""
    jobs = [
        v.job("log", LOG_RECORD, "--repo", str(r)) for v, r in zip(b.versions, b.roots, strict=True)
    ]
    base, found = paired.ratios(lambda: log_reference(b.root), jobs, b.repeat)
    show(f"log RECORD, {REVISIONS + 1} revisions (x git log + blobs)", "<= 2", found, "x  ")
    print(f"   (git log --follow + one cat-file stream: {base.seconds:.2f} s)")


def main() -> None:
    """Parse options and print every row in one run."""
    parser = paired.paired_options((__doc__ or "").splitlines()[0], 3, records="10000")
    args = parser.parse_args()
    versions = paired.versions(args.baseline, HERE)
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, libyaml {yaml.__with_libyaml__}"
    )
    with tempfile.TemporaryDirectory(prefix="wgctl-bench-") as tmp:
        for i, n in enumerate(int(x) for x in args.records.split(",")):
            bench_size(n, versions, args.repeat, Path(tmp), log=i == 0)
        bench_errors(Path(tmp))
        bench_startup(versions, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()

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

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import paired  # the benchmark's own helpers, beside it
import synthetic

HERE = Path(__file__).resolve().parent.parent
HEAVY = ("pydantic", "ruamel", "jinja2", "git", "rich", "yaml", "docx")
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
BARE_TYPER = """\
import typer
app = typer.Typer()
@app.command()
def validate(repo: str = ".") -> None:
    "Validate."
@app.command()
def rules() -> None:
    "Rules."
app()
"""
Rows = list[tuple[float, paired.Run]]


@dataclass(frozen=True)
class Version:
    """One wgctl source tree, run as `python -m wgctl` with it first on the path."""

    name: str
    tree: Path

    def job(self, *args: str, env: dict[str, str] | None = None) -> paired.Job:
        """A fresh `wgctl ARGS` process of this version."""
        extra = {"PYTHONPATH": str(self.tree), **(env or {})}
        return lambda: paired.run([sys.executable, "-m", "wgctl", *args], extra)


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


def log_reference(root: Path) -> paired.Run:
    """What `log` cannot avoid: `git log --follow` and reading the record's blobs in one stream."""
    start = time.perf_counter()
    git = ["git", "-C", str(root)]
    shas = subprocess.run(
        [*git, "log", "--follow", "--format=%H", "--", LOG_RECORD], capture_output=True, check=True
    ).stdout.split()
    wanted = b"".join(sha + b":" + LOG_RECORD.encode() + b"\n" for sha in shas)
    subprocess.run([*git, "cat-file", "--batch"], input=wanted, capture_output=True, check=True)
    return paired.Run(time.perf_counter() - start, 0.0)


def edit(path: Path, text: str) -> Callable[[], None]:
    """Each call leaves `path` with different content (a new comment), as an editor would."""
    count = [0]

    def change() -> None:
        count[0] += 1
        path.write_text(text + f"# edit {count[0]}\n")

    return change


def then(before: Callable[[], None], job: paired.Job) -> paired.Job:
    """`job`, with untimed preparation."""

    def prepared() -> paired.Run:
        before()
        return job()

    return prepared


def show(label: str, goal: str, values: Rows, unit: str = "x L") -> None:
    """One table row: the ratio of each version, then the goal."""
    cells = "  ".join(f"{ratio:6.2f} {unit}" for ratio, _ in values)
    print(f"{label:<46} {cells}   goal {goal}", flush=True)


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

    def row(self, label: str, goal: str, make: Callable[[Version, Path], paired.Job]) -> Rows:
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
        jobs = [
            v.job("log", LOG_RECORD, "--repo", str(r))
            for v, r in zip(versions, b.roots, strict=True)
        ]
        base, found = paired.ratios(lambda: log_reference(b.root), jobs, repeat)
        show(f"log RECORD, {REVISIONS + 1} revisions (x git log + blobs)", "<= 2", found, "x  ")
        print(f"   (git log --follow + one cat-file stream: {base.seconds:.2f} s)")


BROKEN = {
    "syntax": ("title: Workshop", "title: [Workshop"),
    "schema": ("- Close\n", "- Close\n- 5\n"),
    "unknown": ("location:", "locatoin:"),
    "date": ("start: 20", "start: 2O"),
}


def bench_errors(tmp: Path, per_kind: int = 50) -> None:
    """Time to turn a failing file into located problems (read, parse, validate, locate)."""
    from wgctl.files.discover import Found
    from wgctl.files.load import load_file

    meetings = {rel: text for rel, text in synthetic.records(600).items() if "/meetings/" in rel}
    worst, total, files = 0.0, 0.0, 0
    for name, (old, new) in BROKEN.items():
        for rel, text in list(meetings.items())[:per_kind]:
            path = tmp / "broken" / name / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.replace(old, new, 1))
            start = time.perf_counter()
            record, problems = load_file(Found(str(path), rel))
            spent = time.perf_counter() - start
            assert record is None and problems and problems[0].line > 1, (name, problems)
            worst, total, files = max(worst, spent), total + spent, files + 1
    print(
        f"\n== errors: {files} failing files, {total / files * 1e3:.2f} ms mean,"
        f" {worst * 1e3:.2f} ms worst per file (target <= 3 ms)"
    )


def bundled_repo(tmp: Path) -> Path:
    """The bundled records in a git repository of their own (the cache stays out of ours)."""
    repo = tmp / "bundled"
    shutil.copytree(HERE / "records", repo / "records")
    env = {**os.environ, **synthetic.GIT_ENV}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "records"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)
    return repo


def bench_startup(versions: list[Version], repeat: int, tmp: Path) -> None:
    """Commands on the bundled records against a bare Typer app, and `--help` against its own."""
    bare = tmp / "bare_typer.py"
    bare.write_text(BARE_TYPER)
    repo = str(bundled_repo(tmp))
    print(f"\n== startup, the bundled records; columns: {', '.join(v.name for v in versions)}")
    n = max(repeat, 10)
    commands = {
        "validate": ("validate", "--repo", repo),
        "roster next dwg": ("roster", "next", "dwg", "--as-of", "2016-06-01", "--repo", repo),
        "report progress (md)": (
            *("report", "progress", "--until", "2017-10-31", "--format", "md"),
            *("-o", str(tmp / "p.md"), "--repo", repo),
        ),
    }
    do_nothing = lambda: paired.run([sys.executable, str(bare), "rules"])  # noqa: E731
    for label, args in commands.items():
        _, found = paired.ratios(do_nothing, [v.job(*args) for v in versions], n)
        show(f"{label} (x a bare typer command)", "<= 1.3", found, "x  ")
    pydantic = lambda: paired.run([sys.executable, "-c", "import pydantic"])  # noqa: E731
    _, found = paired.ratios(pydantic, [v.job(*commands["validate"]) for v in versions], n)
    show("validate (x `import pydantic`)", "(for scale)", found, "x  ")
    bare_help = lambda: paired.run([sys.executable, str(bare), "--help"])  # noqa: E731
    _, found = paired.ratios(bare_help, [v.job("--help") for v in versions], max(repeat, 40))
    show("--help (x a bare typer --help, 40 pairs)", "<= 1.2", found, "x  ")
    for v in versions:
        print(f"   {v.name}: heavy modules imported by `wgctl --help`: {heavy_on_help(v)}")


def heavy_on_help(v: Version) -> str:
    """Which heavy libraries `wgctl --help` imports."""
    probe = (
        "import sys\nsys.argv = ['wgctl', '--help']\nfrom wgctl.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(v.tree)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env
    )
    lines = done.stdout.strip().splitlines()
    return (lines[-1] if lines else "") or "none"


def main() -> None:
    """Parse options and print every row in one run."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", default="10000", help="comma-separated sizes: 10000,50000")
    parser.add_argument("--repeat", type=int, default=3, help="paired runs per row (median kept)")
    parser.add_argument("--baseline", type=Path, help="another source tree to time alongside")
    args = parser.parse_args()
    versions = [Version("before", args.baseline.resolve())] if args.baseline else []
    versions.append(Version("now", HERE))
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

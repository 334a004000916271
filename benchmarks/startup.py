"""Benchmarks of fixed costs: placing errors in failing files, and starting a command.

Startup rows compare wgctl on the bundled records with a bare Typer app, paired (see paired.py).
Alone: python benchmarks/startup.py [--repeat 10] [--baseline DIR] (only the startup rows).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import paired
import synthetic
from paired import Version, show

HERE = Path(__file__).resolve().parent.parent
LOG_RECORD = "records/organisations/iom.yaml"
HEAVY = ("pydantic", "ruamel", "jinja2", "git", "rich", "yaml", "docx")
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
    # The models build their validators on first use (once per process): time that apart.
    rel, text = next(iter(meetings.items()))
    (tmp / "good" / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp / "good" / rel).write_text(text)
    start = time.perf_counter()
    load_file(Found(str(tmp / "good" / rel), rel))
    first = time.perf_counter() - start
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
    print(f"   (before them, once per process: the first valid file, {first * 1e3:.1f} ms)")


def bundled_repo(tmp: Path) -> Path:
    """The bundled records in a git repository of their own (the cache stays out of ours),
    with a second commit that edits one record, for `diff HEAD~1` and `log`."""
    repo = tmp / "bundled"
    shutil.copytree(HERE / "records", repo / "records")
    env = {**os.environ, **synthetic.GIT_ENV}
    steps = [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "records"]]
    for args in steps:
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)
    edited = repo / LOG_RECORD
    edited.write_text(edited.read_text() + "# edited\n")
    for args in (["add", "-A"], ["commit", "-q", "-m", "edit one record"]):
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
        "due": ("due", "--as-of", "2018-01-01", "--repo", repo),
        "diff HEAD~1": ("diff", "HEAD~1", "--repo", repo),
        "log RECORD": ("log", LOG_RECORD, "--repo", repo),
    }
    for v in versions:  # warm each version's caches, as a second run would find them
        for args in commands.values():
            v.job(*args)()
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
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=str(v.tree),
    )
    lines = done.stdout.strip().splitlines()
    return (lines[-1] if lines else "") or "none"


def main() -> None:
    """Only the startup rows."""
    parser = paired.paired_options("wgctl startup against a bare Typer app", 10)
    args = parser.parse_args()
    versions = paired.versions(args.baseline, HERE)
    with tempfile.TemporaryDirectory(prefix="wgctl-startup-") as tmp:
        bench_startup(versions, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()

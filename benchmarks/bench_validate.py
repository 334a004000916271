"""Benchmark `wgctl validate` against the bare parse-and-model time L(N) of the same files.

Usage: python benchmarks/bench_validate.py [--records 10000,50000] [--repeat 3]
Prints, for each N, in one run: bytes read, L(N) = read + PyYAML CSafeLoader + pydantic, and
validate (in process and as a cold subprocess) as ratios to L(N), against PERFORMANCE.md's
targets; then the cost of locating errors per failing file and the cold `--help` ratio.
Not a test: numbers drift with the machine, ratios are what to compare.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # the benchmark's own helper, beside it

WGCTL = Path(sys.executable).with_name("wgctl")
HEAVY = ("pydantic", "ruamel", "jinja2", "git", "rich", "yaml")


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def read_all(paths: list[Path]) -> int:
    """Read every file; returns the bytes read."""
    return sum(len(p.read_bytes()) for p in paths)


def bare_load(paths: list[Path]) -> None:
    """L(N): read, fastest safe parse (CSafeLoader), pydantic validation; nothing else."""
    from wgctl.models import KINDS

    for path in paths:
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        KINDS[path.parent.name].model_validate(data)


def run_cold(args: list[str], *, cache: bool = False) -> None:
    """Run a command in a fresh interpreter, output discarded (cache off unless asked)."""
    env = {**os.environ, **({} if cache else {"WGCTL_NO_CACHE": "1"})}
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def bench_size(n: int, repeat: int, tmp: Path) -> None:
    """All the validate figures for one repository size."""
    from wgctl.files.load import load_repo
    from wgctl.validate import validate_repo

    root = tmp / f"repo-{n}"
    start = time.perf_counter()
    paths = synthetic.build(root, n)
    print(f"\n== {n:,} records (generated in {time.perf_counter() - start:.1f} s)")
    size = read_all(paths)
    t_read = best(lambda: read_all(paths), repeat)
    bare_load(paths[:50])  # build the models once, as validate does on import
    t_bare = best(lambda: bare_load(paths), repeat)
    os.environ["WGCTL_NO_CACHE"] = "1"  # cold: every file parsed and validated
    result = validate_repo(root)
    assert not result.errors, result.errors[:3]
    t_validate = best(lambda: validate_repo(root, loaded=load_repo(root)), repeat)
    del os.environ["WGCTL_NO_CACHE"]
    cmd = [str(WGCTL), "validate", "--repo", str(root), "--format", "json"]
    t_cold = best(lambda: run_cold(cmd), repeat)
    target = 1.5 * t_bare + 0.35
    print(f"read {size / 1e6:.1f} MB in {t_read:.3f} s ({t_read / n * 1e6:.0f} us/record)")
    print(
        f"L(N) = read + CSafeLoader + pydantic: {t_bare:.3f} s ({t_bare / n * 1e6:.0f} us/record)"
    )
    for label, value in (
        ("validate_repo (in process)", t_validate),
        ("wgctl validate (cold)", t_cold),
    ):
        verdict = "ok" if value <= target else "MISSES"
        print(
            f"{label:<28} {value:.3f} s = {value / t_bare:.2f} x L(N)   target <= {target:.2f} s: {verdict}"
        )
    bench_warm(root, t_bare, repeat)


def bench_warm(root: Path, t_bare: float, repeat: int) -> None:
    """Runs with the cache in .git/: nothing changed, then one file edited."""
    cmd = [str(WGCTL), "validate", "--repo", str(root), "--format", "json"]
    run_cold(cmd, cache=True)
    t_warm = best(lambda: run_cold(cmd, cache=True), repeat)
    probe = "import wgctl.cli, wgctl.validate, wgctl.models"
    t_imports = best(lambda: run_cold([sys.executable, "-c", probe]), repeat)
    target = 0.25 * t_bare + t_imports
    verdict = "ok" if t_warm <= target else "MISSES"
    print(
        f"warm, nothing changed (new process) {t_warm:.3f} s = {t_warm / t_bare:.2f} x L(N)"
        f"   target <= {target:.2f} s (imports {t_imports:.3f} s): {verdict}"
    )
    edited = next((root / "records/actions").iterdir())
    text = edited.read_text()

    def edit_and_run() -> None:
        edited.write_text(text + f"# {time.perf_counter()}\n")
        run_cold(cmd, cache=True)

    t_one = best(edit_and_run, repeat)
    edited.write_text(text)
    print(f"warm, one file edited (new process)  {t_one:.3f} s = {t_one / t_bare:.2f} x L(N)")


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
        f"\n== errors: {files} failing files, {total / files * 1e3:.2f} ms mean, {worst * 1e3:.2f} ms worst per file (target <= 3 ms)"
    )


def bench_help(tmp: Path, repeat: int) -> None:
    """Cold `wgctl --help` against a bare Typer app's, and which heavy modules it imports."""
    bare = tmp / "bare_typer.py"
    bare.write_text(
        textwrap.dedent("""\
            import typer
            app = typer.Typer()
            @app.command()
            def validate(repo: str = ".") -> None:
                '''Validate.'''
            @app.command()
            def rules() -> None:
                '''Rules.'''
            app()
        """)
    )
    t_bare = best(lambda: run_cold([sys.executable, str(bare), "--help"]), repeat)
    t_help = best(lambda: run_cold([str(WGCTL), "--help"]), repeat)
    probe = (
        "import sys\nsys.argv = ['wgctl', '--help']\nfrom wgctl.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    loaded = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    verdict = "ok" if t_help <= 1.2 * t_bare else "MISSES"
    print(
        f"\n== --help: wgctl {t_help * 1e3:.0f} ms, bare typer {t_bare * 1e3:.0f} ms = {t_help / t_bare:.2f} x (target <= 1.2): {verdict}"
    )
    print(f"heavy modules imported by `wgctl --help`: {loaded or 'none'}")


def main() -> None:
    """Parse options and run every benchmark in one process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--records", default="10000", help="comma-separated sizes, e.g. 10000,50000"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best is kept)")
    args = parser.parse_args()
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, libyaml {yaml.__with_libyaml__}"
    )
    with tempfile.TemporaryDirectory(prefix="wgctl-bench-") as tmp:
        for n in (int(x) for x in args.records.split(",")):
            bench_size(n, args.repeat, Path(tmp))
            gc.collect()
        bench_errors(Path(tmp))
        bench_help(Path(tmp), max(args.repeat, 5))


if __name__ == "__main__":
    main()

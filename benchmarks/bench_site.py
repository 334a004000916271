"""Benchmark `wgctl site` against L(N), paired, in fresh processes (issue 14: at most 1.0 x L).

Usage: python benchmarks/bench_site.py [--records 1000,10000] [--repeat 3] [--baseline DIR]
       [--stages]

L(N) = read + PyYAML CSafeLoader + pydantic of the same files, in a fresh process (see
bench_validate.py, whose repository and pairing this reuses: N records, one of them with 201
revisions). Rows: a cold build (empty folder, caches off), a rebuild with nothing changed, a
rebuild after a comment in one record changed (no page changes) and after its title changed
(its page, the boards and the search index change); the members audience (every record shown). `--baseline
DIR` adds a column for another source tree (`git archive main wgctl templates | tar -x -C DIR`).
`--stages` also times the build's parts in this process (validate and filter, git history,
render in memory, search index). Not a test: ratios within one run are what to compare.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
import paired
from bench_validate import HERE, Bench, edit, then
from paired import Job, Version

AS_OF = "2017-10-31"
EDITED = "records/initiatives/initiative-1.yaml"
TITLE = "title: Carry out activity 1\n"
T = TypeVar("T")


def retitle(path: Path, text: str) -> Callable[[], None]:
    """Each call gives the record another title: its page, boards and search index change."""
    count = [0]

    def change() -> None:
        count[0] += 1
        path.write_text(text.replace(TITLE, TITLE.replace("1\n", f"1 (edit {count[0]})\n")))

    return change


def emptied(folder: Path) -> Callable[[], None]:
    """Untimed preparation: the output folder removed, so the build starts from nothing."""
    return lambda: shutil.rmtree(folder, ignore_errors=True)


def bench_size(n: int, versions: list[Version], repeat: int, tmp: Path) -> Bench:
    """The three build rows for one repository size."""
    start = time.perf_counter()
    b = Bench(n, versions, repeat, tmp)
    names = ", ".join(v.name for v in versions)
    print(f"\n== {n:,} records (built in {time.perf_counter() - start:.1f} s); columns: {names}")
    ref = b.L()
    print(f"L(N) = {ref.seconds:.2f} s in a fresh process, peak RSS {ref.peak_mib:.0f} MiB")

    def site(v: Version, root: Path, **env: str) -> Job:
        out = tmp / f"site-{n}-{v.name}"
        args = ("site", "--audience", "members", "--as-of", AS_OF)
        return v.job(*args, "--out", str(out), "--repo", str(root), env=env)

    def cold(v: Version, root: Path) -> Job:
        return then(emptied(tmp / f"site-{n}-{v.name}"), site(v, root, WGCTL_NO_CACHE="1"))

    b.row("site, cold (empty folder, caches off)", "<= 1.0", cold)
    b.row("site, rebuild, nothing changed", "<= 1.0", site)
    text = (b.root / EDITED).read_text()
    b.row(
        "site, rebuild, a comment edited",
        "<= 1.0",
        lambda v, r: then(edit(r / EDITED, text), site(v, r)),
    )
    b.row(
        "site, rebuild, a title edited",
        "<= 1.0",
        lambda v, r: then(retitle(r / EDITED, text), site(v, r)),
    )
    for root in b.roots:
        (root / EDITED).write_text(text)
    return b


def stages(root: Path, out: Path) -> None:
    """The build's parts, timed once each in this process (caches off)."""
    os.environ["WGCTL_NO_CACHE"] = "1"
    from wgctl.export.stamps import record_stamps
    from wgctl.models import Sensitivity
    from wgctl.report.produce import load_view
    from wgctl.site import manifest, render

    day = date.fromisoformat(AS_OF)

    def timed(label: str, work: Callable[[], T]) -> T:
        begin = time.perf_counter()
        found = work()
        print(f"  {label:<34} {time.perf_counter() - begin:6.2f} s", flush=True)
        return found

    view = load_view(root, Sensitivity.MEMBERS)
    timed("validate and filter (load_view)", lambda: load_view(root, Sensitivity.MEMBERS))
    stamps = record_stamps(root)
    changes = timed("git history", lambda: render.changes_for(root, view, day, stamps))
    files = timed("render in memory", lambda: render.render_site(root, view, day, changes))
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    timed("write every file", lambda: manifest.write_changed(out, files, manifest.Manifest()))
    timed("search index (pagefind)", lambda: render.index(out))
    del os.environ["WGCTL_NO_CACHE"]


def main() -> None:
    """Parse options and print every row in one run."""
    parser = paired.paired_options((__doc__ or "").splitlines()[0], 3, records="1000,10000")
    parser.add_argument("--stages", action="store_true", help="also time the build's parts")
    args = parser.parse_args()
    versions = paired.versions(args.baseline, HERE)
    with tempfile.TemporaryDirectory(prefix="wgctl-bench-") as tmp:
        for n in (int(x) for x in args.records.split(",")):
            b = bench_size(n, versions, args.repeat, Path(tmp))
            if args.stages:
                stages(b.roots[-1], Path(tmp) / f"stages-{n}")


if __name__ == "__main__":
    main()

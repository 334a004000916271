"""Benchmark `wgctl site` against the bare parse-and-model time L(N) of the same files.

Usage: python benchmarks/bench_site.py [--records 1000,10000] [--repeat 3]
Prints, for each N, in one run: L(N) (read + PyYAML CSafeLoader + pydantic), then as ratios to
L(N): the full build (validate, audience filter, git history, render, write, search index), then
its parts: validation with the filter, the git changes, the render alone (pages in memory), the
search index alone; and a rebuild with nothing changed
(every file compared, none written). Target (issue 14): a build at most 1.0 x L(N).
Not a test: numbers drift with the machine, ratios are what to compare.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # the benchmark's own helper, beside it
from bench_validate import bare_load, best

AS_OF = date(2017, 10, 31)


def bench_size(n: int, repeat: int, tmp: Path) -> None:
    """All the site figures for one repository size (members audience: every record shown)."""
    from wgctl.export.stamps import record_stamps
    from wgctl.models import Sensitivity
    from wgctl.report.produce import load_view
    from wgctl.site import build

    root = tmp / f"repo-{n}"
    paths = synthetic.build(root, n)
    bare_load(paths[:50])
    t_bare = best(lambda: bare_load(paths), repeat)
    print(f"\n== {n:,} records: L(N) = {t_bare:.3f} s ({t_bare / n * 1e6:.0f} us/record)")
    os.environ["WGCTL_NO_CACHE"] = "1"
    audience = Sensitivity.MEMBERS
    out = tmp / f"site-{n}"

    def full() -> None:
        if out.exists():
            for path in sorted(out.rglob("*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
        build.build_site(root, audience, out, AS_OF)

    t_full = best(full, repeat)
    view = load_view(root, audience)
    t_view = best(lambda: load_view(root, audience), repeat)
    changes = build.changes_for(root, view, AS_OF, record_stamps(root))
    t_changes = best(lambda: build.changes_for(root, view, AS_OF, record_stamps(root)), repeat)
    t_render = best(lambda: build.render_site(root, view, AS_OF, changes), repeat)
    t_index = best(lambda: build._index(out), repeat)
    del os.environ["WGCTL_NO_CACHE"]  # a rebuild as a user runs it: validation memo on
    build.build_site(root, audience, out, AS_OF)
    t_again = best(lambda: build.build_site(root, audience, out, AS_OF), repeat)
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"pages: {pages:,}")
    for label, value in (
        ("full build (cold, empty folder)", t_full),
        ("  validate and filter (load_view)", t_view),
        ("  git changes since the last SOM", t_changes),
        ("render only (in memory)", t_render),
        ("search index only (pagefind)", t_index),
        ("rebuild, nothing changed (warm)", t_again),
    ):
        verdict = "ok" if value <= t_bare else "over"
        print(
            f"{label:<34} {value:7.3f} s = {value / t_bare:5.2f} x L(N)  (target <= 1.0: {verdict})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.records.split(",")):
            bench_size(n, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()

"""Only the history rows of the table: `diff` and `log`, paired, in a few minutes.

Usage: python benchmarks/bench_history.py [--records 10000] [--repeat 5] [--baseline DIR]

The same repositories, references and pairing as bench_validate.py (whose rows these are):
`diff HEAD~1` as a ratio to L(N), and `log` of a record with 201 revisions as a ratio to
`git log --follow` plus one `git cat-file --batch` stream of its blobs. Also `diff` between two
commits (`HEAD~1..HEAD`, nothing read from the working tree) and with the marks cache off, so
a change in what a diff lists or reads shows without the cache hiding it. The floor rows time
`wgctl --help` against the same references: what any command pays before its own work.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import paired
from bench_validate import HERE, Bench, bench_log, log_reference
from paired import Version, show


def bench_history(n: int, versions: list[Version], repeat: int, tmp: Path) -> None:
    """The diff rows for one size, then the log row."""
    b = Bench(n, versions, repeat, tmp)
    print(f"\n== {n:,} records; columns: {', '.join(v.name for v in versions)}")
    print(f"L(N) = {b.L().seconds:.2f} s in a fresh process")
    b.row(
        "diff HEAD~1 (one file changed)",
        "<= 0.15",
        lambda v, r: v.job("diff", "HEAD~1", "--repo", str(r)),
    )
    b.row(
        "diff HEAD~1..HEAD (two commits)",
        "<= 0.15",
        lambda v, r: v.job("diff", "HEAD~1..HEAD", "--repo", str(r)),
    )
    b.row(
        "diff HEAD~1, marks cache off",
        "",
        lambda v, r: v.job("diff", "HEAD~1", "--repo", str(r), env={"WGCTL_NO_CACHE": "1"}),
    )
    b.row("floor: wgctl --help (startup alone)", "", lambda v, _r: v.job("--help"))
    bench_log(b)
    jobs = [v.job("--help") for v in versions]
    _, found = paired.ratios(lambda: log_reference(b.root), jobs, repeat)
    show("floor: wgctl --help (x git log + blobs)", "", found, "x  ")


def main() -> None:
    """Parse options and print the rows."""
    parser = paired.paired_options((__doc__ or "").splitlines()[0], 5, records="10000")
    args = parser.parse_args()
    versions = paired.versions(args.baseline, HERE)
    with tempfile.TemporaryDirectory(prefix="wgctl-bench-") as tmp:
        for n in (int(x) for x in args.records.split(",")):
            bench_history(n, versions, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()

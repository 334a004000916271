"""Does parsing in two worker processes pay? One process against a pool of two, paired.

Usage: python benchmarks/bench_workers.py [--records 10000,50000] [--repeat 5]

Each run is a fresh process that discovers the files of a `synthetic.py` repository and turns
every file into a record (read, PyYAML C parse, pydantic: `wgctl.files.load.load_file`, GC
paused as the loader does), holding them all as `load_repo` would:
- one: in that process;
- two: the file list split in two halves, each parsed and validated in a worker of a
  `concurrent.futures.ProcessPoolExecutor(2)` (forked before any record exists), the records
  and problems pickled back to the parent.
Runs alternate within every repeat; the row is the median of the paired ratios two / one
(below 1: the workers pay). Not a test: numbers drift with the machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import paired
import synthetic

HERE = Path(__file__).resolve().parent.parent
JOB = """\
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from wgctl.files.discover import Found, discover
from wgctl.files.heap import gc_paused
from wgctl.files.load import load_file


def load(items):
    with gc_paused():
        return [(item.rel, *load_file(item)) for item in items]


if __name__ == "__main__":
    found, _ = discover(Path(sys.argv[1]))
    if sys.argv[2] == "one":
        kept = load(found)
    else:
        half = len(found) // 2
        with ProcessPoolExecutor(2) as pool:
            parts = list(pool.map(load, [found[:half], found[half:]]))
        with gc_paused():
            kept = [row for part in parts for row in part]
    assert len(kept) == len(found) and all(record is not None for _, record, _ in kept)
"""


def main() -> None:
    """Print, per size, one process's time and the paired ratio of two workers to it."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", default="10000,50000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=5, help="paired runs per size")
    args = parser.parse_args()
    env = {"PYTHONPATH": str(HERE)}
    with tempfile.TemporaryDirectory(prefix="wgctl-workers-") as tmp_name:
        tmp = Path(tmp_name)
        job = tmp / "job.py"
        job.write_text(JOB)
        print(f"\n== parse + validate: one process vs two workers (median of {args.repeat} pairs)")
        for n in (int(x) for x in args.records.split(",")):
            root = tmp / f"repo-{n}"
            synthetic.build(root, n, git=False)
            one = lambda r=root: paired.run([sys.executable, str(job), str(r), "one"], env)  # noqa: E731
            two = lambda r=root: paired.run([sys.executable, str(job), str(r), "two"], env)  # noqa: E731
            base, [(ratio, last)] = paired.ratios(one, [two], args.repeat)
            print(
                f"{n:>7,} records: one process {base.seconds:6.2f} s ({base.peak_mib:.0f} MiB),"
                f" two workers {ratio:5.2f} x that ({last.peak_mib:.0f} MiB in the parent)"
            )


if __name__ == "__main__":
    main()

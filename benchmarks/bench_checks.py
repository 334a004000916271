"""Each cross-record rule's time at two sizes, and how it grows: a linear rule grows as N does.

Usage: python benchmarks/bench_checks.py [--records 10000,50000] [--repeat 3] [--copies 20,100]

Records are loaded once per size from a `synthetic.py` repository (in this process, GC frozen
as `validate` does); each rule module of `wgctl.checks.REGISTRY` then runs alone, best of
`--repeat`. The synthetic records have no groups, people, nominations or hidden parties, so
most governance and confidentiality rules have nothing to do there: `--copies A,B` also times
A and B renamed copies of the bundled records/ (every id gets a `-cK` suffix, theme and
initiative numbers a per-copy prefix), where every rule has work that grows with the copies. The last column is the growth divided by the growth of N: about 1 is linear,
clearly above is super-linear. Also times L(N) (read + PyYAML C + pydantic, in a fresh
process) with the garbage collector on, as bench_validate.py's L runs, and paused, as the
loader runs. Not a test: absolute times drift with the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import paired
import synthetic
from bench_validate import HOLD

from wgctl.checks import REGISTRY
from wgctl.checks.base import CheckContext
from wgctl.files.heap import gc_frozen
from wgctl.files.load import load_repo

HERE = Path(__file__).resolve().parent.parent
PAUSED = "import gc\ngc.disable()\n" + HOLD
# L's loop with the time spent in GC passes counted (gc.callbacks), printed as one line.
GC_SHARE = (
    """\
import gc, sys, time
spent, full, mark = [0.0], [0], [0.0]
def count(phase, info):
    if phase == "start":
        mark[0] = time.perf_counter()
    else:
        spent[0] += time.perf_counter() - mark[0]
        full[0] += info["generation"] == 2
gc.callbacks.append(count)
start = time.perf_counter()
"""
    + HOLD
    + """\
total = time.perf_counter() - start
print(f"{total:.2f} s, {spent[0]:.2f} s of it in {full[0]} full and the other GC passes")
"""
)
TODAY = date(2018, 1, 1)


def bundled_copies(root: Path, copies: int) -> None:
    """`copies` renamed copies of the bundled records under `root/records/`."""
    source = {p: p.read_text(encoding="utf-8") for p in (HERE / "records").glob("*/*.yaml")}
    ids = sorted({p.stem for p in source}, key=len, reverse=True)
    named = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    number = re.compile(r"^number: '(\d+)", re.MULTILINE)
    for k in range(copies):
        for path, text in source.items():
            lines = text.splitlines(keepends=True)
            renamed = "".join(
                line if line.lstrip(" -").startswith("type:") else named.sub(rf"\1-c{k}", line)
                for line in lines
            )
            if path.parent.name in ("themes", "initiatives"):
                renamed = number.sub(lambda m, k=k: f"number: '{k + 1}{int(m[1]):03d}", renamed)
            out = root / "records" / path.parent.name / f"{path.stem}-c{k}.yaml"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(renamed, encoding="utf-8")
    owners = root / ".github" / "CODEOWNERS"  # stale on purpose: WG601 compares it in full
    owners.parent.mkdir(parents=True, exist_ok=True)
    owners.write_text("/records/ @nobody\n", encoding="utf-8")


def rule_times(root: Path, repeat: int) -> tuple[dict[str, float], dict[str, int]]:
    """Best time of each rule (seconds) and its number of problems over the records of `root`."""
    loaded = load_repo(root)
    context = CheckContext(TODAY, root)
    times: dict[str, float] = {}
    found: dict[str, int] = {}
    with gc_frozen():
        for module in REGISTRY:
            name = module.__name__.rsplit(".", 1)[-1]
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                problems = list(module.check(loaded.records, context))
                best = min(best, time.perf_counter() - start)
            times[name], found[name] = best, len(problems)
    return times, found


def gc_share(root: Path, tmp: Path) -> str:
    """How much of L(N), GC on, is spent in GC passes (one fresh process)."""
    script = tmp / "gc_share.py"
    script.write_text(GC_SHARE)
    env = {**os.environ, "PYTHONPATH": str(HERE)}
    done = subprocess.run(
        [sys.executable, str(script), str(root)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout.strip()


def hold_times(root: Path, repeat: int, tmp: Path) -> tuple[float, float]:
    """L(N) in a fresh process, GC on and GC paused: medians of `repeat` alternating runs."""
    on, off = tmp / "hold.py", tmp / "hold_paused.py"
    on.write_text(HOLD)
    off.write_text(PAUSED)
    env = {"PYTHONPATH": str(HERE)}
    runs_on, runs_off = [], []
    for _ in range(repeat):
        runs_on.append(paired.run([sys.executable, str(on), str(root)], env).seconds)
        runs_off.append(paired.run([sys.executable, str(off), str(root)], env).seconds)
    return sorted(runs_on)[len(runs_on) // 2], sorted(runs_off)[len(runs_off) // 2]


def show(title: str, sizes: dict[int, tuple[dict[str, float], dict[str, int]]]) -> None:
    """Each rule's time at both sizes, its growth against the sizes', and its problems."""
    (small, (t_small, f_small)), (large, (t_large, f_large)) = sizes.items()
    ratio = large / small
    print(f"\n== cross-record rules, {title}")
    print(f"{'rule':<22} {small:>9,} {large:>9,}   growth / {ratio:.0f}   problems")
    for name in t_small:
        growth = t_large[name] / t_small[name] / ratio if t_small[name] else 0.0
        flag = "  <- super-linear" if growth > 1.5 else ""
        print(
            f"{name:<22} {t_small[name] * 1e3:7.1f}ms {t_large[name] * 1e3:7.1f}ms"
            f"   {growth:6.2f}      {f_small[name]}/{f_large[name]}{flag}"
        )
    total_s, total_l = sum(t_small.values()), sum(t_large.values())
    print(
        f"{'all rules':<22} {total_s * 1e3:7.1f}ms {total_l * 1e3:7.1f}ms"
        f"   {total_l / total_s / ratio:6.2f}"
    )


def main() -> None:
    """Print each rule at both sizes with its growth, then L(N) with and without the GC."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", default="10000,50000", help="two sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per rule (best kept)")
    parser.add_argument("--copies", default="", help="two counts of bundled copies: 20,100")
    parser.add_argument("--no-hold", action="store_true", help="skip timing L(N)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wgctl-checks-") as tmp_name:
        tmp = Path(tmp_name)
        if args.copies:
            copies = {}
            for k in (int(x) for x in args.copies.split(",")):
                root = tmp / f"copies-{k}"
                bundled_copies(root, k)
                copies[len(list(root.glob("records/*/*.yaml")))] = rule_times(root, args.repeat)
            show(f"bundled records copied, best of {args.repeat}", copies)
        sizes, holds, shares = {}, {}, {}
        for n in (int(x) for x in args.records.split(",")):
            root = tmp / f"repo-{n}"
            synthetic.build(root, n, git=False)
            sizes[n] = rule_times(root, args.repeat)
            if not args.no_hold:
                holds[n] = hold_times(root, args.repeat, tmp)
                shares[n] = gc_share(root, tmp)
        show(f"synthetic records, best of {args.repeat}", sizes)
    if holds:
        (small, l_small), (large, l_large) = holds.items()
        print(f"\n== L(N) in a fresh process (median of {args.repeat}), GC on vs paused")
        for label, i in (("GC on (bench_validate's L)", 0), ("GC paused (as the loader)", 1)):
            a, b = l_small[i], l_large[i]
            print(
                f"{label:<28} {a:6.2f} s {b:6.2f} s   growth / {large / small:.0f}: "
                f"{b / a / (large / small):.2f}"
            )
        for n, share in shares.items():
            print(f"L({n:,}), GC on: {share}")


if __name__ == "__main__":
    main()

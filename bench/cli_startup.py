"""Whole-process time of `trustdesk --help` and `trustdesk fairness audit` on 1,000,000 rows.

Run: .venv/bin/python bench/cli_startup.py [--rows 1000000] [--repeats 7] [--base REF]

Each command runs as its own process (what a user waits for), now and at a baseline in the
same run: the source tree of `--base` (default: the commit before `src/trustdesk/cli/lazy.py`
was added, i.e. the CLI that imported every tool at start-up), unpacked with `git archive` and
put first on PYTHONPATH, so both use the same interpreter and packages. Runs alternate between
the two so that load from other jobs falls on both alike. Prints medians, min and max.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))
from fairness import make_decisions  # the same decisions as bench/fairness.py

ROOT = Path(__file__).resolve().parents[1]


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()


def default_base() -> str:
    added = _git("log", "--diff-filter=A", "--format=%H", "--", "src/trustdesk/cli/lazy.py")
    if not added:
        raise SystemExit("src/trustdesk/cli/lazy.py is not committed yet: pass --base REF")
    return f"{added.splitlines()[-1]}^"


def unpack(ref: str, into: Path) -> Path:
    archive = into / "base.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "archive", ref, "src"], cwd=ROOT, check=True, stdout=fh)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def timed(argv: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--base", default=None, help="git ref of the baseline CLI")
    args = parser.parse_args()

    exe = str(Path(sys.executable).with_name("trustdesk"))
    base_ref = args.base or default_base()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base_src = unpack(base_ref, tmp)
        table = make_decisions(args.rows)
        pacsv.write_csv(table, tmp / "decisions.csv")
        pq.write_table(table, tmp / "decisions.parquet")
        audit = [exe, "fairness", "audit", "--outcome", "auto_answered", "--label", "approved",
                 "--group", "language", "--group", "channel", "--out", str(tmp / "report.json")]
        cases = {
            "trustdesk --help": [exe, "--help"],
            "python -c 'import trustdesk.cli.main'": [sys.executable, "-c",
                                                      "import trustdesk.cli.main"],
            f"trustdesk fairness audit, {args.rows:,}-row CSV":
                [*audit, "--data", str(tmp / "decisions.csv")],
            f"trustdesk fairness audit, {args.rows:,}-row Parquet":
                [*audit, "--data", str(tmp / "decisions.parquet")],
        }
        now_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        base_env = {**now_env, "PYTHONPATH": str(base_src)}
        print(f"baseline: {base_ref} ({_git('rev-parse', '--short', base_ref)}); "
              f"{args.repeats} runs each, alternating; load average "
              f"{os.getloadavg()[0]:.1f} at the start")
        for label, argv in cases.items():
            now: list[float] = []
            before: list[float] = []
            for _ in range(args.repeats):
                before.append(timed(argv, base_env))
                now.append(timed(argv, now_env))
            print(f"{label}: median {statistics.median(now):.2f} s "
                  f"(min {min(now):.2f}, max {max(now):.2f}); baseline median "
                  f"{statistics.median(before):.2f} s (min {min(before):.2f}, "
                  f"max {max(before):.2f})")
        print(f"load average {os.getloadavg()[0]:.1f} at the end; target for the audit: <= 3 s")


if __name__ == "__main__":
    main()

"""Benchmark the fairness audit: 1,000,000 decisions, two attributes and their intersection.

Run: .venv/bin/python bench/fairness.py                      (fairlearn on all rows: ~1 minute)
     .venv/bin/python bench/fairness.py --fairlearn-rows 200000   (fairlearn on fewer rows,
                                                                    its time scaled, and said so)
     .venv/bin/python bench/fairness.py --cli                  (also time `trustdesk fairness
                                                                    audit` on a 1M-row CSV)

Ours: FairnessReport.compute on Arrow columns (what the audit command reads from CSV or
Parquet): selection rate, true and false positive rates per group for language, channel and
language x channel, Wilson intervals, 1,000 bootstrap replicates for every difference and ratio,
chi-squared tests with Holm. Baseline, same run, same data: fairlearn's MetricFrame with
selection_rate, true_positive_rate and false_positive_rate for each of the three groupings
(no bootstrap: fairlearn's own n_boot would only make it slower). The values are compared.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import fairlearn
import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from trustdesk.fairness import AuditOptions, FairnessReport

LANGUAGES = np.array(["en", "de", "fr", "es", "it", "nl"])
CHANNELS = np.array(["chat", "email", "phone", "widget"])


def make_decisions(n: int, seed: int = 0) -> pa.Table:
    rng = np.random.default_rng(seed)
    lang = rng.choice(LANGUAGES, n, p=[0.45, 0.2, 0.15, 0.1, 0.06, 0.04])
    channel = rng.choice(CHANNELS, n)
    approved = rng.random(n) < 0.7
    base = 0.55 + np.where(lang == "de", -0.08, 0.0) + np.where(channel == "email", 0.05, 0.0)
    auto = rng.random(n) < np.where(approved, base + 0.15, base - 0.25)
    return pa.table({
        "language": lang.astype(object),
        "channel": channel.astype(object),
        "auto_answered": auto.astype(np.int8),
        "approved": approved.astype(np.int8),
    })


def ours(table: pa.Table, options: AuditOptions) -> FairnessReport:
    return FairnessReport.compute(
        y_pred=table["auto_answered"].to_numpy(),
        y_true=table["approved"].to_numpy(),
        groups={"language": table["language"], "channel": table["channel"]},
        options=options,
    )


def fairlearn_frames(table: pa.Table) -> dict[tuple[str, ...], object]:
    from fairlearn.metrics import (
        MetricFrame,
        false_positive_rate,
        selection_rate,
        true_positive_rate,
    )

    df = table.to_pandas()
    metrics = {"selection_rate": selection_rate, "true_positive_rate": true_positive_rate,
               "false_positive_rate": false_positive_rate}
    out: dict[tuple[str, ...], object] = {}
    for attrs in (("language",), ("channel",), ("language", "channel")):
        out[attrs] = MetricFrame(
            metrics=metrics, y_true=df["approved"], y_pred=df["auto_answered"],
            sensitive_features=df[list(attrs)],
        )
    return out


def compare(report: FairnessReport, frames: dict[tuple[str, ...], object]) -> float:
    """The largest absolute difference between our values and fairlearn's."""
    worst = 0.0
    for attrs, mf in frames.items():
        frame = report[attrs]
        for metric in frame.metrics:
            by_group = mf.by_group[metric]  # type: ignore[attr-defined]
            for key, value in by_group.items():
                cell = key if isinstance(key, tuple) else (key,)
                worst = max(worst, abs(frame.by_group[metric][cell] - value))
            worst = max(worst, abs(frame.difference()[metric]
                                   - mf.difference()[metric]))  # type: ignore[attr-defined]
            worst = max(worst, abs(frame.ratio()[metric]
                                   - mf.ratio()[metric]))  # type: ignore[attr-defined]
    return worst


def time_cli(table: pa.Table, repeats: int) -> tuple[list[float], list[float], float]:
    """Whole `trustdesk fairness audit` processes; the same audit in process; bare start-up."""
    import orjson

    from trustdesk.fairness.audit import AuditRequest, audit_file

    exe = Path(sys.executable).with_name("trustdesk")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "decisions.csv"
        pacsv.write_csv(table, path)
        whole, inside = [], []
        request = AuditRequest(outcome="auto_answered", groups=("language", "channel"),
                               label="approved")
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run(
                [str(exe), "fairness", "audit", "--data", str(path), "--outcome",
                 "auto_answered", "--label", "approved", "--group", "language", "--group",
                 "channel", "--out", str(Path(tmp) / "report.json")],
                check=True,
            )
            whole.append(time.perf_counter() - start)
            start = time.perf_counter()
            orjson.dumps(audit_file(path, request, AuditOptions()))
            inside.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run([str(exe), "fairness", "--help"], check=True, capture_output=True)
        startup = time.perf_counter() - start
    return whole, inside, startup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--fairlearn-rows", type=int, default=None,
                        help="time fairlearn on this many rows and scale (default: all)")
    parser.add_argument("--cli", action="store_true", help="also time the audit command")
    args = parser.parse_args()

    table = make_decisions(args.rows)
    options = AuditOptions(n_bootstrap=1000, seed=0)
    times = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        report = ours(table, options)
        times.append(time.perf_counter() - start)
    ours_s = statistics.median(times)
    print(f"trustdesk FairnessReport, {args.rows:,} decisions, 3 groupings x 3 rates, "
          f"{options.n_bootstrap} bootstrap replicates: median {ours_s:.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f}, {args.repeats} runs; target <= 0.25 s)")

    fl_rows = min(args.fairlearn_rows or args.rows, args.rows)
    sub = table.slice(0, fl_rows)
    start = time.perf_counter()
    frames = fairlearn_frames(sub)
    fl_s = time.perf_counter() - start
    scaled = fl_s * args.rows / fl_rows
    note = "" if fl_rows == args.rows else (
        f" on {fl_rows:,} rows, scaled linearly to {args.rows:,}: {scaled:.1f} s")
    print(f"fairlearn {fairlearn.__version__} MetricFrame, same groupings and rates (one run): "
          f"{fl_s:.2f} s{note}")
    check = report if fl_rows == args.rows else ours(sub, options)
    worst = compare(check, frames)
    print(f"speed-up: {scaled / ours_s:.0f}x (target >= 100x); "
          f"largest difference from fairlearn's values: {worst:.2e}")
    if worst > 1e-12:
        raise SystemExit("values differ from fairlearn's")

    if args.cli:
        whole, inside, startup = time_cli(table, 3)
        print(f"`trustdesk fairness audit` on a {args.rows:,}-row CSV: whole process median "
              f"{statistics.median(whole):.2f} s over 3 runs (target <= 3 s); of which the "
              f"audit itself (read CSV, compute, JSON) median {statistics.median(inside):.2f} s "
              f"in process, and `trustdesk fairness --help` (start-up alone) {startup:.2f} s")

if __name__ == "__main__":
    main()

"""Reweighing: group and label independent in the weighted data; `model train --reweight`."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from trustdesk.ai.intent.training import load_labelled
from trustdesk.bootstrap import DEMO_DIR
from trustdesk.cli.main import app
from trustdesk.fairness.reweighing import reweighing_weights

runner = CliRunner()


def test_weighted_labels_are_independent_of_the_group_and_groups_keep_their_weight() -> None:
    rng = np.random.default_rng(0)
    g = rng.choice(np.array(["chat", "email"]), 3000, p=[0.7, 0.3])
    y = np.where(g == "email", rng.choice(np.array(["a", "b", "c"]), 3000, p=[0.6, 0.3, 0.1]),
                 rng.choice(np.array(["a", "b", "c"]), 3000, p=[0.2, 0.3, 0.5]))
    w = reweighing_weights(g, y)
    assert w.shape == (3000,)
    assert w.mean() == pytest.approx(1.0)
    overall = {label: (y == label).mean() for label in ("a", "b", "c")}
    for group in ("chat", "email"):
        inside = g == group
        assert w[inside].sum() == pytest.approx(inside.sum())
        for label in ("a", "b", "c"):  # P_w(y | g) = P(y)
            share = w[inside & (y == label)].sum() / w[inside].sum()
            assert share == pytest.approx(overall[label])


def test_hand_computed_weights() -> None:
    # n=4; g: x x x z; y: 1 1 0 0 -> w(x,1) = (3*2)/(4*2) = 0.75, w(x,0) = (3*2)/(4*1) = 1.5,
    # w(z,0) = (1*2)/(4*1) = 0.5
    assert reweighing_weights(["x", "x", "x", "z"], ["1", "1", "0", "0"]).tolist() == [
        0.75, 0.75, 1.5, 0.5]
    with pytest.raises(ValueError, match="one value per row"):
        reweighing_weights(["x"], ["1", "0"])


def _with_groups(path: Path) -> Path:
    """The demo data with a channel column that goes with the intent (as a biased sample
    would): most billing and refund rows came by email, the rest mostly by chat."""
    texts, labels = load_labelled(DEMO_DIR / "intents.csv")
    seen: dict[str, int] = defaultdict(int)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["text", "label", "channel"])
        for text, label in zip(texts, labels, strict=True):
            seen[label] += 1
            email = seen[label] % 5 != 0 if label in ("billing_dispute", "refund") else \
                seen[label] % 5 == 0
            out.writerow([text, label, "email" if email else "chat"])
    return path


def test_model_train_reweight_reports_before_and_after(tmp_path: Path) -> None:
    data = _with_groups(tmp_path / "train.csv")
    result = runner.invoke(app, ["model", "train", "--data", str(data), "--out",
                                 str(tmp_path / "m"), "--reweight", "channel"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    rw = summary["reweighting"]
    assert rw["group_column"] == "channel"
    for side in ("before", "after"):
        assert set(rw[side]["by_group"]) == {"chat", "email"}
        assert 0.0 <= rw[side]["accuracy"] <= 1.0
    assert summary["validation"]["in_scope_accuracy"] > 0.8
    meta = json.loads((tmp_path / "m" / "model.json").read_text(encoding="utf-8"))["metadata"]
    assert meta["params"]["sample_weighted"] is True


@pytest.mark.parametrize(
    ("extra", "message"),
    [(["--reweight", "region"], "column 'region' not found"),
     (["--reweight", "channel", "--backend", "embeddings"], "tfidf backend"),
     (["--reweight", "channel", "--with-conversations"], "cannot be combined")],
)
def test_reweight_errors_name_the_problem(tmp_path: Path, extra: list[str],
                                          message: str) -> None:
    data = _with_groups(tmp_path / "train.csv")
    result = runner.invoke(app, ["model", "train", "--data", str(data), "--out",
                                 str(tmp_path / "m"), *extra])
    assert result.exit_code == 2, result.output
    assert message in result.output

"""Counterfactual probes: the rewrites, the flip counting, and the command on the demo path."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import orjson
import pytest
from scipy import stats as sps
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.fairness.probes import BASE_MESSAGES, FAMILIES, name_variants, run_probes
from trustdesk.settings import Settings


@pytest.mark.parametrize("family", list(FAMILIES))
def test_every_family_rewrites_and_is_deterministic(family: str) -> None:
    made = [v for m in BASE_MESSAGES for v in FAMILIES[family](m, random.Random("0:" + family))]
    again = [v for m in BASE_MESSAGES for v in FAMILIES[family](m, random.Random("0:" + family))]
    assert made == again
    assert made, family
    originals = set(BASE_MESSAGES)
    assert all(text not in originals for _, text in made)


def test_names_cover_origins_and_genders() -> None:
    variants = name_variants("Where is my order?", random.Random(1))
    groups = {label for label, _ in variants}
    assert len(groups) == 12  # six origins x two genders
    assert {g.split("/")[1] for g in groups} == {"female", "male"}


def _keyword_path(text: str) -> tuple[str, str, str | None]:
    """A stand-in path: intent by keyword, kind by whether a keyword was found."""
    low = text.lower()
    for word in ("refund", "order", "shipping", "invoice"):
        if word in low:
            return ("reply", word, f"article-{word}")
    return ("handoff", "unknown", None)


def test_flips_are_counted_per_field_with_a_wilson_interval() -> None:
    [typos] = run_probes(_keyword_path, families=["typos"], messages=BASE_MESSAGES[:8],
                         seed=3, worst=2)
    # the rng is shared by the messages of a family: recompute in the same order
    rng = random.Random("3:typos")
    expected = sum(_keyword_path(t) != _keyword_path(m)
                   for m in BASE_MESSAGES[:8] for _, t in FAMILIES["typos"](m, rng))
    assert typos.flips == expected and typos.variants == 8 * 3
    assert typos.rate == expected / 24
    ci = sps.binomtest(expected, 24).proportion_ci(0.95, method="wilson")
    assert (typos.lower, typos.upper) == pytest.approx((ci.low, ci.high))
    assert len(typos.worst) == min(2, expected)
    assert typos.fields["kind"] <= typos.flips
    [plain] = run_probes(_keyword_path, families=["no_caps_punct"])
    assert plain.flips == 0 and plain.rate == 0.0
    assert np.isclose(plain.upper, sps.binomtest(0, 20).proportion_ci(method="wilson").high)


def test_unknown_family_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="families: unknown family 'accent'"):
        run_probes(_keyword_path, families=["accent"])


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_probe_command_runs_the_demo_path(settings: Settings) -> None:
    env = {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
           "TRUSTDESK_DATA_DIR": str(settings.data_dir),
           "TRUSTDESK_MODEL_DIR": str(settings.model_dir),
           "TRUSTDESK_KB_DIR": str(settings.kb_dir)}
    result = CliRunner().invoke(app, ["fairness", "probe", "--families", "name", "--families",
                                      "no_caps_punct", "--limit", "2", "--worst", "1"], env=env)
    assert result.exit_code == 0, result.stderr
    doc = orjson.loads(result.stdout)
    assert doc["messages"] == 2
    by_family = {f["family"]: f for f in doc["families"]}
    assert by_family["name"]["variants"] == 2 * 24 and by_family["no_caps_punct"]["variants"] == 2
    for f in doc["families"]:
        assert 0 <= f["lower"] <= f["flip_rate"] <= f["upper"] <= 1
        assert f["flips"] == round(f["flip_rate"] * f["variants"])
    bad = CliRunner().invoke(app, ["fairness", "probe", "--families", "accent"], env=env)
    assert bad.exit_code == 2 and "unknown family 'accent'" in bad.stderr


def test_issue_13_families_add_only_who_the_writer_is() -> None:
    from trustdesk.fairness.probes import KIN, OCCUPATIONS, aside_variants, family_variants

    rng = random.Random(0)
    family = family_variants("Where is my order?", rng)
    assert any(text.startswith("Where is my ") and "'s order?" in text for _, text in family)
    assert all(any(k in text for k in KIN) for _, text in family)
    asides = dict(aside_variants("Where is my order?", rng))
    assert asides["bracketed age"].startswith("Where is my order (I'm ")
    assert asides["bracketed age"].endswith(")?")
    # a statement is not turned into something one wonders about
    assert not any("wondering" in t for _, t in aside_variants("I need a refund.", rng))
    made = FAMILIES["occupation"]("How do returns work?", rng)
    assert all(any(o in text.lower() for o in OCCUPATIONS) for _, text in made)


@pytest.mark.parametrize("command", [["fairness", "probe", "--limit", "1"],
                                     ["fairness", "monitor"]])
def test_fairness_commands_without_a_model_say_what_to_do(tmp_path: Path,
                                                          command: list[str]) -> None:
    # a data directory with no active model: one line saying what to run, never a traceback
    result = CliRunner().invoke(app, command, env={"TRUSTDESK_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 1
    assert "no active model" in result.stderr and "trustdesk model activate" in result.stderr
    assert isinstance(result.exception, SystemExit)

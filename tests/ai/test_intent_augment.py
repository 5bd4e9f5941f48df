"""Counterfactual copies: only who is named changes, every label alike, never validation rows."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from trustdesk.ai.intent.augment import (
    counterfactual_copies,
    family_mention,
)
from trustdesk.ai.intent.model import IntentModel
from trustdesk.ai.intent.training import normalise


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("My husband passed away and the account was in his name",
         "my partner passed away and the account was in their name"),
        ("my daughter died last month and her orders keep arriving",
         "my child died last month and their orders keep arriving"),
        ("Mrs <PERSON_1> said she would call her brother",
         "mx __person__ said they would call their sibling"),
        ("Do you sell women's slippers? Where is my order?",
         "do you sell women's slippers? where is my order?"),
    ],
)
def test_the_model_reads_gendered_words_for_people_neutrally(text: str, read_as: str) -> None:
    assert normalise(text) == read_as
    swap = {"husband": "wife", "his": "her", "her": "his", "daughter": "son", "Mrs": "Mr",
            "she": "he", "brother": "sister"}
    swapped = re.sub(r"\b\w+\b", lambda m: swap.get(m.group(), m.group()), text)
    assert swapped != text or "slippers" in text
    assert normalise(swapped) == normalise(text)


def test_family_mention_names_someone_only_where_no_one_is_named() -> None:
    made = family_mention("Where is my order?")
    assert made is not None and made.startswith("Where is my ") and made.endswith("'s order?")
    assert family_mention("my wife is in hospital") is None
    assert family_mention("how long does shipping take") is None


def test_copies_keep_labels_and_are_deterministic() -> None:
    texts = ["Where is my order?", "I want my money back", "my son died and his orders come",
             "Where is my parcel?", "Can I change my address", "how long is shipping"]
    labels = ["order_status", "refund", "bereavement_vulnerable", "order_status",
              "change_address", "shipping_options"]
    source, copies = counterfactual_copies(texts, labels)
    assert (source, copies) == counterfactual_copies(texts, labels)
    assert copies and all(c != texts[i] for i, c in zip(source, copies, strict=True))
    # every label whose rows say "my ..." and name no one gets copies, not only one label; the
    # row that names a son gets none (gender needs no copy: `normalise` reads it neutrally)
    assert set(Counter(labels[i] for i in source)) == \
        set(labels) - {"shipping_options", "bereavement_vulnerable"}


def test_training_copies_only_training_rows() -> None:
    texts = [f"where is my order number {i}" for i in range(12)] + [
        f"my husband died and the account {i} is his" for i in range(12)]
    labels = ["order_status"] * 12 + ["bereavement_vulnerable"] * 12
    val = (["where is my parcel", "my wife died"], ["order_status", "bereavement_vulnerable"])
    plain = IntentModel.train(texts, labels, oos_label=None, validation=val)
    copied = IntentModel.train(texts, labels, oos_label=None, validation=val, counterfactual=True)
    assert copied.metadata["params"]["counterfactual"] is True
    assert copied.metadata["provenance"]["validation_rows"] == 2
    assert copied.train_digests == plain.train_digests  # copies are not training rows to check
    # the shortcut "husband -> bereavement" is weaker once order rows name husbands too
    asked = "where is my husband's order"
    assert (copied.predict(asked).label, plain.predict(asked).label)[0] == "order_status"
    refit = copied.refit(texts, labels)
    assert refit.predict(asked).label == "order_status"


def test_model_train_makes_copies_by_default_and_can_leave_them_out() -> None:
    from trustdesk.ai.intent.training_run import train_from_file
    from trustdesk.bootstrap import DEMO_DIR

    made = train_from_file(DEMO_DIR / "intents.csv")
    plain = train_from_file(DEMO_DIR / "intents.csv", counterfactual=False)
    assert made.model.metadata["params"]["counterfactual"] is True
    assert plain.model.metadata["params"]["counterfactual"] is False
    # the refit keeps the choice, and the copies take the demo's family shortcut apart: without
    # them a partner named beside a shipping question still pulls towards bereavement (0.39),
    # with them hardly at all (the demo's own rows now name parents beside plain requests too,
    # so the label no longer changes either way)
    asked = "My husband and I want to know if you ship to Canada."

    def bereavement(model: object) -> float:
        p = model.predict(asked)  # type: ignore[attr-defined]
        return float(dict([(p.label, p.confidence), *p.alternatives]).get(
            "bereavement_vulnerable", 0.0))

    assert bereavement(plain.model) > 0.3
    assert bereavement(made.model) < bereavement(plain.model) / 3
    assert made.model.predict(asked).label != "bereavement_vulnerable"
    assert made.model.predict("My husband passed away and the account was in his name.").label \
        == "bereavement_vulnerable"

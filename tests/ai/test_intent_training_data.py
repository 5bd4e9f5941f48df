"""Loading labelled files, their error cases, duplicate reports and leak-free splits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustdesk.ai.intent.training import (
    TrainingDataError,
    describe,
    find_overlap,
    load_labelled,
    normalise,
    stratified_split,
)


def test_loads_csv_and_jsonl(tmp_path: Path) -> None:
    csv_path = tmp_path / "d.csv"
    csv_path.write_text('msg,intent\n"hi, there",greeting\nrefund me,refund\n ,refund\n')
    assert load_labelled(csv_path, "msg", "intent") == (["hi, there", "refund me"],
                                                        ["greeting", "refund"])
    jsonl = tmp_path / "d.data"  # no telling extension: sniffed from content
    jsonl.write_text(json.dumps({"t": "hi", "l": "greeting"}) + "\n\n"
                     + json.dumps({"t": "refund", "l": "refund"}) + "\n")
    assert load_labelled(jsonl, "t", "l") == (["hi", "refund"], ["greeting", "refund"])


def test_strips_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufefftext,label\nhi,greeting\nbye,thanks\n".encode())
    assert load_labelled(path)[1] == ["greeting", "thanks"]


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("missing.csv", None, "not found"),
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"  \n\n", "empty"),
        ("latin1.csv", "text,label\ncafé,x\nb,y\n".encode("latin-1"), "UTF-8"),
        ("nocol.csv", b"message,label\nhi,greeting\n", "'text' not found"),
        ("nolabel.csv", b"text,label\nhi,greeting\nbye,\n", "empty label"),
        ("header.csv", b"text,label\n", "no labelled rows"),
        ("single.csv", b"text,label\nhi,greeting\nhello,greeting\n", "only one label"),
        ("bad.jsonl", b'{"text": "hi", "label": "a"}\n{oops\n', "not valid JSON"),
        ("list.jsonl", b'["hi", "a"]\n', "JSON object"),
    ],
)
def test_malformed_files_raise_clear_errors(
    tmp_path: Path, name: str, content: bytes | None, match: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TrainingDataError, match=match):
        load_labelled(path)


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(TrainingDataError, match="not a file"):
        load_labelled(tmp_path)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Where IS   my\tORDER? ", "where is my order?"),
        ("Order <ORDER_12> please", "order __order__ please"),
        ("<PERSON_1> and <EMAIL_ADDRESS_2>", "__person__ and __email_address__"),
        ("ﬁne", "fine"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_describe_counts_duplicates_and_conflicts() -> None:
    report = describe(["Hi", "hi ", "HI", "refund", "refund"], ["g", "g", "g", "refund", "thanks"])
    assert report.rows == 5
    assert report.duplicate_rows == 3
    assert report.conflicting_texts == 1
    assert report.label_counts == {"g": 3, "refund": 1, "thanks": 1}
    assert describe(["a"], ["b"]).data_hash != describe(["a"], ["c"]).data_hash


def test_find_overlap_after_normalisation() -> None:
    found = find_overlap(["Where is my order?", "hi"], ["where  is my ORDER?", "bye", "HI"])
    assert found == [0, 2]
    assert find_overlap(["hello"], ["goodbye"]) == []


def test_demo_split_is_disjoint_and_stratified(demo_data: tuple[list[str], list[str]]) -> None:
    texts, labels = demo_data
    train, val, test = stratified_split(labels, [0.15, 0.15], texts=texts, seed=3)
    assert set(train).isdisjoint(val) and set(train).isdisjoint(test) and set(val).isdisjoint(test)
    assert sorted(train + val + test) == list(range(len(texts)))
    assert find_overlap([texts[i] for i in train], [texts[i] for i in val + test]) == []
    assert {labels[i] for i in test} == set(labels)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["hi", "Hi", "bye", "order", "refund", "x y"]),
                       st.sampled_from(["a", "b", "c"])), min_size=1, max_size=40),
    st.integers(0, 5),
)
def test_split_never_leaks_duplicates(rows: list[tuple[str, str]], seed: int) -> None:
    texts = [t for t, _ in rows]
    labels = [lab for _, lab in rows]
    parts = stratified_split(labels, [0.2, 0.2], texts=texts, seed=seed)
    assert sorted(i for p in parts for i in p) == list(range(len(rows)))
    seen = [{normalise(texts[i]) for i in p} for p in parts]
    assert seen[0].isdisjoint(seen[1]) and seen[0].isdisjoint(seen[2])
    assert seen[1].isdisjoint(seen[2])


def test_split_rejects_bad_fractions() -> None:
    with pytest.raises(ValueError, match="fractions"):
        stratified_split(["a"], [0.6, 0.5], texts=["x"])


def test_normalise_drops_words_that_only_name_a_redacted_value() -> None:
    from trustdesk.ai.intent.training import normalise

    assert normalise("Where is my parcel? My phone number is <PHONE_1>.") == normalise(
        "Where is my parcel? My <PHONE_2>."
    )
    assert normalise("my phone number: <phone_1>") == "my __phone__"  # lower-case ones too
    assert "order" in normalise("where is order <ORDER_1>")  # there it is the topic
    assert "card" in normalise("my card was charged <EMAIL_1>")  # not the e-mail's name

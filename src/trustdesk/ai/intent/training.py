"""Labelled data for the intent model: loading, normalisation, leak-free splits, overlap checks."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trustdesk.ai.gendered import neutral_words
from trustdesk.ai.placeholders import drop_value_names
from trustdesk.domain.placeholder import PLACEHOLDER_ANY_CASE

_SPACES = re.compile(r"\s+")


class TrainingDataError(ValueError):
    """Labelled data cannot be used for training or evaluation; the message says how to fix it."""


def normalise(text: str) -> str:
    """Canonical form used for features and duplicate checks.

    NFKC, lower case, collapsed whitespace, and redaction placeholders such as <ORDER_1> turned
    into a single token (__order__) so the numbering does not matter and the word "order" in
    free text is not confused with a redacted order number. Words that only name a redacted
    value ("my phone number is <PHONE_1>") go, as for the knowledge base. Gendered words for
    people are read gender-neutrally ("my wife" and "my husband" as "my partner").
    """
    text = drop_value_names(unicodedata.normalize("NFKC", text))
    text = PLACEHOLDER_ANY_CASE.sub(lambda m: f" __{m.group(1).lower()}__ ", text)
    return neutral_words(_SPACES.sub(" ", text).strip().lower())


def text_digest(text: str) -> str:
    """Short stable digest of the normalised text, used to detect train/eval overlap."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def _read_text(path: Path) -> str:
    if not path.exists():
        raise TrainingDataError(f"{path}: file not found; pass a CSV or JSON lines file")
    if not path.is_file():
        raise TrainingDataError(f"{path}: not a file; pass the path of a CSV or JSON lines file")
    raw = path.read_bytes()
    if not raw.strip():
        raise TrainingDataError(f"{path}: file is empty; it needs a header and labelled rows")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TrainingDataError(
            f"{path}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8"
        ) from exc


def _looks_like_jsonl(path: Path, content: str) -> bool:
    if path.suffix.lower() in {".jsonl", ".ndjson", ".json"}:
        return True
    if path.suffix.lower() in {".csv", ".tsv"}:
        return False
    return content.lstrip().startswith("{")


def _records_jsonl(path: Path, content: str) -> Iterable[tuple[int, dict[str, object]]]:
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TrainingDataError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise TrainingDataError(f"{path}:{lineno}: expected a JSON object per line")
        yield lineno, record


def _records_csv(path: Path, content: str) -> Iterable[tuple[int, dict[str, object]]]:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)
    for record in reader:
        yield reader.line_num, dict(record)


def load_labelled(
    path: Path, text_column: str = "text", label_column: str = "label"
) -> tuple[list[str], list[str]]:
    """Read (texts, labels) from a CSV/TSV or JSON lines file, chosen by extension or content.

    Rows with an empty text are skipped; an empty label, a missing column, a file with no rows
    or a single class raise TrainingDataError.
    """
    path = Path(path)
    content = _read_text(path)
    is_jsonl = _looks_like_jsonl(path, content)
    records = _records_jsonl(path, content) if is_jsonl else _records_csv(path, content)
    texts: list[str] = []
    labels: list[str] = []
    for lineno, record in records:
        for column in (text_column, label_column):
            if column not in record:
                found = ", ".join(sorted(str(k) for k in record)) or "none"
                raise TrainingDataError(
                    f"{path}:{lineno}: column {column!r} not found (columns: {found}); "
                    "name the right one with --text-column / --label-column"
                )
        text = record[text_column]
        label = record[label_column]
        text = "" if text is None else str(text)
        label = "" if label is None else str(label).strip()
        if not label:
            raise TrainingDataError(f"{path}:{lineno}: empty label; label every row or remove it")
        if not text.strip():
            continue
        texts.append(text)
        labels.append(label)
    if not texts:
        raise TrainingDataError(f"{path}: no labelled rows found; add rows below the header")
    if len(set(labels)) < 2:
        raise TrainingDataError(
            f"{path}: only one label ({labels[0]!r}); training needs at least two classes"
        )
    return texts, labels


def read_records(path: Path) -> Iterable[tuple[int, dict[str, object]]]:
    """(line number, row) of a CSV/TSV or JSON lines file, chosen by extension or content."""
    path = Path(path)
    content = _read_text(path)
    if _looks_like_jsonl(path, content):
        return _records_jsonl(path, content)
    return _records_csv(path, content)


def load_column(path: Path, column: str, text_column: str = "text") -> list[str]:
    """One more column of the rows load_labelled keeps (same order: empty texts skipped),
    e.g. the group column of `model train --reweight`; it never becomes a feature."""
    values: list[str] = []
    for lineno, record in read_records(path):
        if column not in record:
            raise TrainingDataError(f"{path}:{lineno}: column {column!r} not found; name the "
                                    "group column with --reweight")
        text = record.get(text_column)
        if text is None or not str(text).strip():
            continue
        value = record[column]
        if value is None or not str(value).strip():
            raise TrainingDataError(f"{path}:{lineno}: column {column!r} is empty")
        values.append(str(value).strip())
    return values


@dataclass(frozen=True)
class DataReport:
    """What was found in a labelled data set before training: counts, duplicates, conflicts."""

    rows: int
    label_counts: dict[str, int]
    duplicate_rows: int
    conflicting_texts: int
    data_hash: str
    excluded: dict[str, int] = field(default_factory=dict)


def describe(texts: Sequence[str], labels: Sequence[str]) -> DataReport:
    """Count rows per label, exact duplicates and texts labelled differently (after normalise)."""
    by_text: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for text, label in zip(texts, labels, strict=True):
        by_text[normalise(text)].add(label)
        counts[normalise(text)] += 1
    digest = hashlib.sha256()
    for text, label in zip(texts, labels, strict=True):
        digest.update(json.dumps([text, label], ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return DataReport(
        rows=len(texts),
        label_counts=dict(sorted(Counter(labels).items())),
        duplicate_rows=sum(n - 1 for n in counts.values()),
        conflicting_texts=sum(1 for ls in by_text.values() if len(ls) > 1),
        data_hash=digest.hexdigest(),
    )


def find_overlap(train_texts: Iterable[str], eval_texts: Sequence[str]) -> list[int]:
    """Indices of eval texts that exactly duplicate a training text after normalisation."""
    seen = {text_digest(t) for t in train_texts}
    return [i for i, t in enumerate(eval_texts) if text_digest(t) in seen]


def overlap_with_digests(digests: Iterable[str], eval_texts: Sequence[str]) -> list[int]:
    """Like find_overlap, against digests stored in a model instead of the training texts."""
    seen = set(digests)
    return [i for i, t in enumerate(eval_texts) if text_digest(t) in seen]


def stratified_split(
    labels: Sequence[str], fractions: Sequence[float], *, texts: Sequence[str], seed: int = 0
) -> list[list[int]]:
    """Split row indices into len(fractions)+1 disjoint parts, stratified by label.

    The first part gets what the fractions leave. Rows whose normalised text is identical are
    kept in the same part, so no text can appear on both sides of a split. Each label with
    enough rows gets at least one row in every held-out part.
    """
    if any(f < 0 for f in fractions) or sum(fractions) >= 1:
        raise ValueError("split fractions must be non-negative and sum to less than 1")
    groups: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        groups[normalise(text)].append(i)
    by_label: dict[str, list[list[int]]] = defaultdict(list)
    for members in groups.values():
        by_label[labels[members[0]]].append(members)
    rng = random.Random(seed)
    parts: list[list[int]] = [[] for _ in range(len(fractions) + 1)]
    for label in sorted(by_label):
        label_groups = by_label[label]
        rng.shuffle(label_groups)
        n = len(label_groups)
        start = 0
        for k, fraction in enumerate(fractions, start=1):
            take = round(n * fraction)
            if fraction > 0 and take == 0 and n - start > 1:
                take = 1
            for members in label_groups[start : start + take]:
                parts[k].extend(members)
            start += take
        for members in label_groups[start:]:
            parts[0].extend(members)
    return [sorted(p) for p in parts]

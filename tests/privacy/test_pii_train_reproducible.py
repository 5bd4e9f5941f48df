"""`trustdesk privacy train` is reproducible: the same seed gives a byte-identical artefact.

Trained twice on a small corpus in two fresh interpreters with different hash seeds (set and
dict order must not leak into the corpus or the features), the two artefact directories must
match byte for byte; a different seed must give different weights.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trustdesk.privacy.pii.learned.model import META_FILE, MODEL_FILE, LearnedRecognizer

pytest.importorskip("pycrfsuite")
pytest.importorskip("faker")

TRAIN = """
import sys
from pathlib import Path
from trustdesk.privacy.pii.learned.training import train_tagger
train_tagger(Path(sys.argv[1]), seed=int(sys.argv[2]), messages=100, evaluate=20,
             params={"max_iterations": 12})
"""


def _train(out: Path, seed: int, hash_seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, "-c", TRAIN, str(out), str(seed)], check=True, env=env,
                   capture_output=True, timeout=120)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


CORPUS = """
import hashlib
from trustdesk.privacy.pii.learned.corpus import CorpusGenerator
digest = hashlib.sha256()
for text, spans in CorpusGenerator(20261201).messages(600):
    digest.update(repr((text, spans)).encode())
print(digest.hexdigest())
"""


def test_the_corpus_does_not_depend_on_the_hash_seed() -> None:
    """Faker builds some word lists from sets (it_IT's cities): their order must not leak."""
    digests = {
        subprocess.run([sys.executable, "-c", CORPUS], check=True, capture_output=True,
                       text=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": seed}
                       ).stdout.strip()
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_same_seed_gives_a_byte_identical_artefact(tmp_path: Path) -> None:
    first = _train(tmp_path / "a", 5, "1")
    second = _train(tmp_path / "b", 5, "2")
    assert sorted(first) == [META_FILE, MODEL_FILE]
    assert first == second
    other = _train(tmp_path / "c", 6, "1")
    assert other[MODEL_FILE] != first[MODEL_FILE]
    meta = json.loads(first[META_FILE])
    assert meta["seed"] == 5 and meta["generated"] == 100 and meta["evaluated"] == 20
    assert meta["params"]["max_iterations"] == 12
    LearnedRecognizer.load(tmp_path / "a")  # the hash in meta matches the weights

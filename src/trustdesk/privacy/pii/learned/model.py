"""Train, save, load and run the CRF name/address tagger (python-crfsuite).

The artefact is a directory: `tagger.crfsuite` (the CRF) and `meta.json` (version, seed,
corpus size, held-out locales and scores, sha256 of the model file). Loading checks the hash,
so a truncated or swapped file is refused rather than silently mis-tagging.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.learned.fast import (
    TokenArrays,
    WordTable,
    batched_viterbi,
    fast_tokens,
    pair_index,
)
from trustdesk.privacy.pii.learned.lexicon import Lexicon
from trustdesk.privacy.pii.learned.tokens import Featurizer, Token, tokenize
from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.recognizers.address import extend_address

MODEL_FILE = "weights.json"
META_FILE = "meta.json"
FORMAT = 1
LABELS = {"PER": "PERSON", "ADDR": "ADDRESS"}
PRUNE_MARGIN = 6.0
# Training examples are cut to this many tokens.
HEAD_TOKENS = 1_000
# Viterbi runs over chunks of at most CHUNK_TOKENS tokens that overlap by CHUNK_OVERLAP on
# each side; a chunk keeps the spans that start in its core (the part no other chunk owns).
# Every token is tagged, and one call's work is bounded whatever the text.
CHUNK_TOKENS = 900
CHUNK_OVERLAP = 50
# Texts up to this long are tokenized by `fast_tokens`; longer ones by `tokenize`.
FAST_CHARS = 30_000
_OF_ENTITY = {v: k for k, v in LABELS.items()}


# Words that open or close a tagged span without being part of it.
_EDGE_WORDS = frozenset(
    [
        "hi", "hello", "hey", "dear", "hej", "hei", "moi", "tere", "hallo", "salve", "ciao",
        "hola", "bonjour", "olá", "ola", "hoi", "hiya", "thanks", "thank", "thx", "ty", "regards",
        "mvh", "cheers", "best", "kind", "venlig", "hilsen", "tack", "takk", "kiitos", "aitäh",
        "aitah", "grazie", "mille", "dziękuję", "dziekuje", "obrigado", "obrigada", "saludos",
        "saludo", "un", "cordialement", "cordiali", "saluti", "groet", "groetjes", "pozdrawiam",
        "cumprimentos", "terveisin", "lugupidamisega", "hälsningar", "halsningar", "med",
        "vänliga", "vanliga", "mit", "freundlichen", "grüßen", "grussen", "gruss", "gruß",
        "guten", "tag", "gentili", "signori", "sir", "madam", "mr", "mrs", "ms", "miss", "dr",
        "prof", "herr", "frau", "mme", "sra", "sr", "and", "or", "und", "et", "e", "y", "och",
        "og", "ja", "ile", "with", "from", "to", "for", "by", "the", "a", "an", "my", "our",
        "your", "his", "her", "their", "is", "was", "am", "are", "i", "jag", "heter", "jeg",
        "hedder", "min", "mitt", "mia", "mio", "mi", "ma", "mon", "mein", "meine", "soy", "sono",
        "olen", "ik", "ben", "nazywam", "się", "sie", "je", "suis", "name", "namn", "navn",
        "nimi", "naam", "nome", "nombre", "on", "at", "in", "of", "via", "c", "o", "attn", "cc",
        "re", "fwd", "fw", "wrote", "says", "said", "su", "nieta", "nieto", "kontoinhaber",
        "kontoinhaberin", "vater", "mutter", "sohn", "tochter", "beste", "best", "name", "ssg",
        "sgt", "cpl", "pvt", "lt", "capt", "maj", "col", "gen", "titular", "holder", "cardholder",
        "customer", "passenger", "guest", "tenant", "agent",
    ]
)
# A span with one of these is an organisation, not a person ("Helix Labs Ltd").
_ORGANISATION_WORDS = frozenset(
    [
        "ltd", "limited", "llc", "inc", "corp", "gmbh", "ag", "oy", "ab", "as", "asa", "aps",
        "bv", "nv", "sa", "sarl", "srl", "spa", "plc", "co", "company", "support", "team",
        "service", "services", "insurance", "logistics", "labs", "airport", "branch", "bank",
        "airlines", "air", "wings", "mobile", "telecom", "energy", "group", "shop", "store",
        "clinic", "hospital", "university", "school",
    ]
)
# Words that end an address when the tagger runs on into the sentence after it.
_ADDRESS_STOPS = frozenset(
    [
        "by", "until", "before", "exp", "issued", "amount", "but", "keeps", "flight", "vol",
        "booking", "reference", "réservation", "reservation", "zamówienie", "kwota", "invoice",
        "order", "since", "from", "born", "dob", "phone", "tel", "email", "e-mail", "mobile",
    ]
)
_NOT_ADDRESS_WORDS = frozenset(
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "week", "weeks", "day", "days", "month", "months",
        "year", "years", "hour", "hours", "am", "pm", "st", "nd", "rd", "th", "eur", "usd", "gbp",
        "sek", "nok", "dkk", "pln",
    ]
)


_COUNTRY_WORDS = frozenset(
    [
        "estonia", "eesti", "finland", "suomi", "sweden", "sverige", "norway", "norge", "denmark",
        "danmark", "poland", "polska", "germany", "deutschland", "france", "spain", "españa",
        "espana", "italy", "italia", "portugal", "netherlands", "nederland", "belgium",
        "belgique", "belgie", "ireland", "eire", "uk", "england", "scotland", "wales", "usa",
        "canada", "australia", "austria", "österreich", "osterreich", "switzerland", "schweiz",
        "suisse", "latvia", "lithuania", "iceland", "hungary", "czechia", "greece", "turkey",
    ]
)
_IBAN_START = re.compile(r"[A-Z]{2}\d{2}")
# UK, Irish, Canadian, Dutch postcode shapes and 4-5 digit codes as single tokens.
_POSTCODE_TOKEN = re.compile(r"[A-Za-z]{1,2}\d[A-Za-z\d]?|\d[A-Za-z]{2}|\d{4,5}")


class TaggerArtefactError(ValueError):
    """The tagger artefact is missing, corrupt or of an unknown format."""


def bio(tokens: Sequence[Token], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO labels for tokens from character spans (a token inside a span takes its label)."""
    labels = ["O"] * len(tokens)
    for start, end, entity in spans:
        tag = _OF_ENTITY.get(entity)
        if tag is None:
            continue
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + tag
    return labels


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True, slots=True)
class TrainReport:
    version: str
    messages: int
    seconds: float
    meta: dict[str, Any]


def train(
    out: Path,
    examples: Iterable[tuple[str, list[tuple[int, int, str]]]],
    *,
    version: str,
    params: dict[str, Any] | None = None,
    meta: dict[str, Any] | None = None,
    lexicon: Lexicon | None = None,
    keep_crfsuite: bool = False,
) -> TrainReport:
    """Train on (text, spans) examples and write the artefact directory `out`."""
    import pycrfsuite  # training only: the run-time tagger reads the exported weights

    from trustdesk.privacy.pii.normalise import normalise

    featurizer = Featurizer(lexicon or Lexicon.bundled())
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    started = time.perf_counter()
    for text, spans in examples:
        norm = normalise(text)
        if norm.changed:  # keep training and run time on the same canonical text
            continue
        tokens = tokenize(text, limit=HEAD_TOKENS)
        if not tokens:
            continue
        trainer.append(featurizer.features(tokens), bio(tokens, spans))
        count += 1
    settings = {"c1": 0.05, "c2": 0.01, "max_iterations": 120,
                "feature.possible_transitions": True, **(params or {})}
    trainer.set_params(settings)
    out.mkdir(parents=True, exist_ok=True)
    model = out / MODEL_FILE
    crf_file = out / "tagger.crfsuite.tmp"
    trainer.train(str(crf_file))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_file))
    info = tagger.info()
    labels = sorted(info.labels, key=lambda label: int(info.labels[label]))
    index = {label: i for i, label in enumerate(labels)}
    features: dict[str, list[float]] = {}
    for (attr, label), weight in sorted(info.state_features.items()):
        features.setdefault(attr, [0.0] * len(labels))[index[label]] = round(weight, 5)
    transitions = [[0.0] * len(labels) for _ in labels]
    for (a, b), weight in info.transitions.items():
        transitions[index[a]][index[b]] = round(weight, 5)
    tagger.close()
    if keep_crfsuite:  # for checking the exported decoder against crfsuite's own
        crf_file.replace(out / "tagger.crfsuite")
    else:
        crf_file.unlink()
    model.write_text(
        json.dumps({"labels": labels, "transitions": transitions, "features": features},
                   sort_keys=True, separators=(",", ":")),
        encoding="utf-8",
    )
    seconds = time.perf_counter() - started
    # No wall-clock field: the same corpus and parameters give a byte-identical artefact.
    full_meta = {
        "format": FORMAT, "version": version, "messages": count, "sha256": _sha256(model),
        "params": settings, **(meta or {}),
    }
    (out / META_FILE).write_text(json.dumps(full_meta, indent=2, sort_keys=True) + "\n",
                                 encoding="utf-8")
    return TrainReport(version, count, seconds, full_meta)


class CrfWeights:
    """A linear-chain CRF's weights and its Viterbi decoder, in plain Python.

    Score of a label path y for tokens x: sum_t sum_{a in feats(x, t)} W[a][y_t] +
    sum_t T[y_{t-1}][y_t]. Viterbi finds the best path in O(n * L^2) for L labels (5 here);
    the confidence of a tagged token is its local conditional probability
    softmax_y(E_t[y] + T[y_{t-1}][y]) at the decoded y, averaged over a span.
    """

    def __init__(self, labels: list[str], transitions: list[list[float]],
                 features: dict[str, list[float]]) -> None:
        self.labels = labels
        self.transitions = transitions
        self.features = features
        self._zero = [0.0] * len(labels)
        self._trans = np.array(transitions, dtype=np.float64)
        # transitions from each label, and (last row, index -1) from no label at all
        self._trans_from = np.vstack([self._trans, np.zeros(len(labels))])
        # For each label y != O, the least that swapping a token from y to O can gain through
        # the two transitions around it (0 stands for a missing neighbour at either end).
        n = len(labels)
        self._o_bound = np.array([
            min(0.0, *(transitions[a][0] - transitions[a][y] for a in range(n)))
            + min(0.0, *(transitions[0][b] - transitions[y][b] for b in range(n)))
            for y in range(1, n)
        ])

    def vector(self, attrs: Iterable[str]) -> list[float]:
        """Sum of the weight vectors of the attributes the model knows."""
        out = list(self._zero)
        get = self.features.get
        for attr in attrs:
            w = get(attr)
            if w is not None:
                for k in range(len(out)):
                    out[k] += w[k]
        return out

    def decode(self, emissions: np.ndarray) -> tuple[list[int], list[float], int]:
        """Best label path, each token's local probability of its label, and the tokens decoded.

        A token whose emission favours "O" by more than any pair of transitions could make up
        for is "O" on the best path (swapping it to "O" can only raise a path's score), and it
        cuts the chain in two: Viterbi runs only on the stretches between such tokens. Tokens
        whose emission favours "O" by PRUNE_MARGIN (e^6, 400 to 1) are cut too: that one is an
        approximation, checked against crfsuite's own decoder in the tests.
        """
        n = len(emissions)
        margin = emissions[:, :1] - emissions[:, 1:]
        certain = np.all(margin + self._o_bound > 0, axis=1) | np.all(margin > PRUNE_MARGIN, axis=1)
        path = [0] * n
        probs = [1.0] * n
        decoded = 0
        t = 0
        while t < n:
            if certain[t]:
                t += 1
                continue
            end = t
            while end < n and not certain[end]:
                end += 1
            rows = emissions[t:end].tolist()
            seg_path = self._viterbi(rows, after_o=t > 0, before_o=end < n)
            decoded += end - t
            trans = self.transitions
            for k, y in enumerate(seg_path):
                path[t + k] = y
                if y:
                    prev = seg_path[k - 1] if k else (0 if t > 0 else -1)
                    local = [rows[k][c] + (trans[prev][c] if prev >= 0 else 0.0)
                             for c in range(len(self.labels))]
                    top = max(local)
                    exps = [math.exp(v - top) for v in local]
                    probs[t + k] = exps[y] / sum(exps)
            t = end
        return path, probs, decoded

    def decode_fast(self, emissions: np.ndarray) -> tuple[list[int], list[float], int]:
        """`decode`'s result, with every uncertain stretch decoded in one batched Viterbi."""
        n = len(emissions)
        margin = emissions[:, :1] - emissions[:, 1:]
        certain = np.all(margin + self._o_bound > 0, axis=1) | np.all(margin > PRUNE_MARGIN, axis=1)
        path = [0] * n
        probs = [1.0] * n
        if certain.all():
            return path, probs, 0
        edges = np.diff(np.concatenate(([0], (~certain).view(np.int8), [0])))
        starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        paths = batched_viterbi(emissions, starts, stops, self._trans, n)
        tagged: list[int] = []
        before: list[int] = []  # the label before each tagged token, -1 at the text's start
        for t, seg_path in zip(starts.tolist(), paths, strict=True):
            for k, y in enumerate(seg_path):
                if y:
                    path[t + k] = y
                    tagged.append(t + k)
                    before.append(seg_path[k - 1] if k else (0 if t > 0 else -1))
        if tagged:
            # decode's local softmax: the same sums and differences, exp by math.exp
            local = emissions[tagged] + self._trans_from[before]
            shifted = (local - local.max(axis=1, keepdims=True)).tolist()
            exp = math.exp
            for t, row in zip(tagged, shifted, strict=True):
                exps = [exp(v) for v in row]
                probs[t] = exps[path[t]] / sum(exps)
        return path, probs, int((stops - starts).sum())

    def _viterbi(self, rows: list[list[float]], *, after_o: bool, before_o: bool) -> list[int]:
        n_labels = len(self.labels)
        trans = self.transitions
        score = [rows[0][y] + (trans[0][y] if after_o else 0.0) for y in range(n_labels)]
        back: list[list[int]] = []
        for em in rows[1:]:
            new, ptr = [], []
            for y in range(n_labels):
                best, arg = -1e18, 0
                for prev in range(n_labels):
                    value = score[prev] + trans[prev][y]
                    if value > best:
                        best, arg = value, prev
                new.append(best + em[y])
                ptr.append(arg)
            score = new
            back.append(ptr)
        if before_o:
            score = [score[y] + trans[y][0] for y in range(n_labels)]
        path = [max(range(n_labels), key=score.__getitem__)]
        for ptr in reversed(back):
            path.append(ptr[path[-1]])
        path.reverse()
        return path


class LearnedRecognizer(Recognizer):
    """Person names and addresses tagged by the CRF; score = mean marginal of the span."""

    ENTITY = "PERSON"

    def __init__(self, weights: CrfWeights, meta: dict[str, Any], lexicon: Lexicon | None = None,
                 *, min_probability: float = 0.5) -> None:
        self._weights = weights
        self.meta = meta
        self._featurizer = Featurizer(lexicon or Lexicon.bundled())
        self._min = min_probability
        self._word = lru_cache(maxsize=65_536)(self._word_vectors)
        get = weights.features.get
        zero = weights._zero
        self._flags = {name: np.array(get(name, zero))
                       for name in ("b", "q", "eol", "-1:none", "+1:none")}
        self._has_pairs = any(k.startswith("w-1w=") for k in weights.features)
        left, right, self._pair_keys, self._pair_vectors = pair_index(
            weights.features, len(weights.labels))
        self._pair_width = max(len(right), 1)
        self._table = WordTable(self._word_vectors, lambda w: self._featurizer.static(w).low,
                                (left, right), len(weights.labels))
        self.work = 0
        self.longest_chunk = 0  # the most tokens one Viterbi call has seen

    def _word_vectors(self, word: str) -> tuple[list[float], ...]:
        f = self._featurizer.static(word)
        w = self._weights
        own = w.vector(["b", *f.own])
        return (own, w.vector(f.prev), w.vector(f.next), w.vector([f.prev2]),
                w.vector([f.next2]), w.vector([f.bol]))

    @property
    def name(self) -> str:
        return f"LearnedTagger[{self.meta.get('version', '?')}]"

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(LABELS.values())

    @classmethod
    def load(cls, directory: Path | None = None, **kwargs: Any) -> LearnedRecognizer:
        """Load an artefact directory, or the one shipped with the package."""
        if directory is None:
            directory = Path(str(resources.files("trustdesk.privacy.pii.data").joinpath("tagger")))
        meta_path, model_path = directory / META_FILE, directory / MODEL_FILE
        if not meta_path.is_file() or not model_path.is_file():
            raise TaggerArtefactError(
                f"{directory} holds no tagger; run `trustdesk privacy train --out {directory}`"
            )
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise TaggerArtefactError(f"{meta_path}: unknown format {meta.get('format')!r}")
        if meta.get("sha256") != _sha256(model_path):
            raise TaggerArtefactError(f"{model_path} does not match the hash in {meta_path}")
        raw = json.loads(model_path.read_text(encoding="utf-8"))
        if raw.get("labels", [None])[0] != "O":
            raise TaggerArtefactError(f"{model_path}: the first label must be 'O'")
        return cls(CrfWeights(raw["labels"], raw["transitions"], raw["features"]), meta, **kwargs)

    def analyze(self, text: str) -> list[Finding]:
        """What `analyze_reference` finds, by the numpy path of fast.py."""
        tokens = (fast_tokens(text) if len(text) <= FAST_CHARS
                  else TokenArrays.of(tokenize(text)))
        findings: list[Finding] = []
        for lo, hi, core_lo, core_hi in chunks(len(tokens)):
            window = tokens.window(lo, hi)
            self.work += len(window)
            self.longest_chunk = max(self.longest_chunk, len(window))
            found = self._tag_fast(window, text)
            findings.extend(_in_core(found, tokens.starts, core_lo, core_hi))
        return findings

    def _tag_fast(self, tokens: TokenArrays, text: str) -> list[Finding]:
        if not any(w[:1].isalpha() for w in tokens.texts):
            return []
        ids = self._table.ids(tokens.texts)
        path, probs, decoded = self._weights.decode_fast(self._emissions_fast(tokens, ids))
        self.work += decoded
        return self._spans(tokens, text, path, probs)

    def _emissions_fast(self, tokens: TokenArrays, ids: np.ndarray) -> np.ndarray:
        """`emissions(tokens)`: the same additions in the same order, on table rows."""
        rows = self._table.table[ids]
        em = rows[:, 0]
        em[1:] += rows[:-1, 1]
        em[2:] += rows[:-2, 3]
        em[:-1] += rows[1:, 2]
        em[:-2] += rows[2:, 4]
        flags = self._flags
        em[0] += flags["-1:none"]
        em[-1] += flags["+1:none"]
        line_start = tokens.line_start
        em[line_start] += rows[line_start, 5]
        em[tokens.quoted] += flags["q"]
        eol = np.append(line_start[1:], True)
        em[eol] += flags["eol"]
        if self._has_pairs and len(ids) > 1:
            left = self._table.left[ids[:-1]]
            right = self._table.right[ids[1:]]
            known = (left >= 0) & (right >= 0)
            if known.any():
                keys = left * self._pair_width + right
                at = np.minimum(np.searchsorted(self._pair_keys, keys), len(self._pair_keys) - 1)
                hit = known & (self._pair_keys[at] == keys)
                em[np.flatnonzero(hit) + 1] += self._pair_vectors[at[hit]]
        return np.ascontiguousarray(em)

    def analyze_reference(self, text: str) -> list[Finding]:
        """Tag the text in chunks of at most CHUNK_TOKENS tokens (see `chunks`).

        The plain-Python path: the one `analyze` is checked against (`analyze` tags the same
        chunks with the numpy decoder).
        """
        tokens = tokenize(text)
        starts = [t.start for t in tokens]
        findings: list[Finding] = []
        for lo, hi, core_lo, core_hi in chunks(len(tokens)):
            window = tokens[lo:hi]
            self.work += len(window)  # featurised; _tag adds the tokens Viterbi decoded
            findings.extend(_in_core(self._tag(window, text), starts, core_lo, core_hi))
        return findings

    def _trimmed(self, tokens: TokenArrays, i: int, j: int, kind: str
                 ) -> tuple[int, int] | None:
        """Cut greetings and punctuation off a tagged span, then keep it only if it is plausible.

        A person span has letters only, and at least one capitalised or known-name token; an
        address span has a digit and a word that is not a common word.
        """
        lex = self._featurizer.lexicon
        static = self._featurizer.static
        texts = tokens.texts
        first, last = i, j - 1
        while first <= last and (
            not texts[first][:1].isalnum() or static(texts[first]).low in _EDGE_WORDS
        ):
            first += 1
        while last >= first and (
            not texts[last][:1].isalnum() or static(texts[last]).low in _EDGE_WORDS
        ):
            last -= 1
        if first > last:
            return None
        if kind == "ADDR":
            seen_digit = False
            for k in range(first, last + 1):
                low = static(texts[k]).low
                if seen_digit and low in _ADDRESS_STOPS:
                    last = k - 1
                    while last > first and not texts[last][:1].isalnum():
                        last -= 1
                    break
                seen_digit = seen_digit or any(c.isdigit() for c in texts[k])
        words = [w for w in texts[first : last + 1] if w[:1].isalnum()]
        if kind == "PER":
            if any(static(w).low in _ORGANISATION_WORDS for w in words):
                return None
            if any(not w.replace("'", "").replace("’", "").replace("-", "").isalpha()
                   for w in words):
                return None
            known = [w for w in words if static(w).low in lex.first or static(w).low in lex.last]
            capitalised = [w for w in words if w[:1].isupper()]
            if not capitalised and (len(known) < len(words) or len(words) < 2):
                return None
            if not capitalised and not self._cue_before(tokens, first):
                return None  # lower-case names only after an introduction or a sign-off
            if all(static(w).low in _COUNTRY_WORDS for w in words):
                return None
            single_common = len(words) == 1 and static(words[0]).low in lex.common
            if single_common or (len(words) == 1 and not known and not capitalised):
                return None
            return first, last
        if not any(c.isdigit() for w in words for c in w):
            return None
        if any(_IBAN_START.fullmatch(w) for w in words):
            return None
        def town_after(k: int) -> bool:  # "50968 Köln": a code with a town name after it
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return nxt[:1].isupper() and static(nxt).low not in lex.common
        if not any(
            static(w).low in lex.street or static(w).low in lex.unit or static(w).low in lex.place
            or static(w).low.endswith(lex.street_endings)
            or (_POSTCODE_TOKEN.fullmatch(w) and (not w.isdigit() or town_after(k)))
            for k, w in enumerate(words)
        ):
            return None
        if not any(
            w.isalpha() and len(w) >= 3 and static(w).low not in _NOT_ADDRESS_WORDS
            and (static(w).low not in lex.common or static(w).low in lex.street)
            for w in words
        ):
            return None
        return first, last

    def _cue_before(self, tokens: TokenArrays, first: int) -> bool:
        """An introduction, greeting or sign-off in the three tokens before, or a line start."""
        if tokens.line_start[first]:
            return True
        static = self._featurizer.static
        lex = self._featurizer.lexicon
        for k in range(max(0, first - 3), first):
            low = static(tokens.texts[k]).low
            if low in _EDGE_WORDS or low in lex.cue or low in lex.title:
                return True
        return False

    def emissions(self, tokens: list[Token]) -> np.ndarray:
        """Per-token label scores (n x labels): cached per-word sums, shifted onto neighbours."""
        vecs = [self._word(t.text) for t in tokens]
        own, prev, nxt, prev2, nxt2, bol = (np.array([v[k] for v in vecs]) for k in range(6))
        flags = self._flags
        em = own
        em[1:] += prev[:-1]
        em[2:] += prev2[:-2]
        em[:-1] += nxt[1:]
        em[:-2] += nxt2[2:]
        em[0] += flags["-1:none"]
        em[-1] += flags["+1:none"]
        line_start = np.array([t.line_start for t in tokens])
        em[line_start] += bol[line_start]
        em[np.array([t.quoted for t in tokens])] += flags["q"]
        eol = np.append(line_start[1:], True)
        em[eol] += flags["eol"]
        pairs = self._weights.features
        if self._has_pairs:
            lows = [self._featurizer.static(t.text).low for t in tokens]
            for i in range(1, len(tokens)):
                pair = pairs.get("w-1w=" + lows[i - 1] + "|" + lows[i])
                if pair is not None:
                    em[i] += pair
        return em

    def _tag(self, tokens: list[Token], text: str) -> list[Finding]:
        if not any(t.text[:1].isalpha() for t in tokens):
            return []
        path, probs, decoded = self._weights.decode(self.emissions(tokens))
        self.work += decoded
        return self._spans(TokenArrays.of(tokens), text, path, probs)

    def _spans(self, tokens: TokenArrays, text: str, path: list[int], probs: list[float]
               ) -> list[Finding]:
        """Findings from a decoded label path (shared by both paths)."""
        tagged = [t for t, y in enumerate(path) if y]
        if not tagged:
            return []
        names = self._weights.labels
        labels = [names[y] for y in path]
        n = len(labels)
        # "Tuuli K. Rantanen", "Hinterhaus 3. OG": one punctuation mark between two parts of
        # the same name or address belongs to it. Only an "O" right after a tagged token can
        # be one (and what one join changes cannot make or unmake another).
        joined = []
        for t in [p + 1 for p in tagged if p + 2 < n]:
            kind = labels[t - 1][1:]
            if (labels[t] == "O" and labels[t + 1] != "O" and kind
                    and labels[t + 1][1:] == kind and tokens.texts[t] in ".,-/"
                    and tokens.starts[t] == tokens.ends[t - 1]):
                labels[t] = labels[t + 1] = "I" + kind
                probs[t] = probs[t + 1]
                joined.append(t)
        if joined:
            tagged = sorted(set(tagged) | set(joined))
        findings = []
        j = 0
        for i in tagged:
            if i < j:
                continue
            kind = labels[i][2:]
            j = i + 1
            while j < n and labels[j] == "I-" + kind:
                j += 1
            span = self._trimmed(tokens, i, j, kind)
            if span is not None:
                first, last = span
                probability = sum(probs[first : last + 1]) / (last + 1 - first)
                if probability >= self._min and kind in LABELS:
                    end = tokens.ends[last]
                    if kind == "ADDR":  # the postcode, town and country lines the tagger left
                        end = extend_address(text, end)
                    if kind == "PER" and tokens.texts[last][-2:] in ("'s", "’s"):
                        end -= 2
                    findings.append(
                        Finding(tokens.starts[first], end, LABELS[kind],
                                round(0.35 + 0.6 * probability, 4), self.name, "crf",
                                None, None, f"tagged by the learned model (p={probability:.2f})")
                    )
        return findings


def chunks(n: int) -> list[tuple[int, int, int, int]]:
    """(lo, hi, core_lo, core_hi) token ranges: cores tile 0..n, each chunk is its core plus
    up to CHUNK_OVERLAP tokens on either side, and no chunk is longer than CHUNK_TOKENS."""
    if n <= CHUNK_TOKENS:
        return [(0, n, 0, n)] if n else []
    step = CHUNK_TOKENS - 2 * CHUNK_OVERLAP
    out = []
    for core_lo in range(0, n, step):
        core_hi = min(n, core_lo + step)
        out.append((max(0, core_lo - CHUNK_OVERLAP), min(n, core_hi + CHUNK_OVERLAP),
                    core_lo, core_hi))
    return out


def _in_core(findings: list[Finding], starts: Sequence[int], core_lo: int, core_hi: int
             ) -> list[Finding]:
    """The findings that start in the core token range (a chunk owns those)."""
    low = starts[core_lo] if core_lo < len(starts) else 0
    high = starts[core_hi] if core_hi < len(starts) else None
    return [f for f in findings if f.start >= low and (high is None or f.start < high)]

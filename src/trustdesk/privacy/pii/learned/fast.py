"""The tagger's hot path in numpy: token arrays, a per-word emission table, batched Viterbi.

Same results as the reference path in model.py (`LearnedRecognizer.analyze_reference`), bit
for bit; the tests compare both on thousands of texts. What changes is where the work is:

- tokens come from one `findall` of (whitespace, token) pairs; offsets are a cumulative sum
  of their lengths, the layout flags are read off the gaps (no per-token object unless a
  tagged span needs one);
- each distinct word's six emission contributions (its own features and what its neighbours
  see of it, as `CrfWeights.vector` sums them) are computed once and kept as one row of a
  float64 table: a message's emissions are one fancy index plus shifted adds, in the same
  order as the reference, so the sums are identical;
- "w-1w=a|b" pair features are looked up by integer keys (left word id, right word id) with
  one `searchsorted`;
- the stretches between tokens that are certainly "O" are decoded together: one numpy step per
  position advances every stretch that long (max-plus with first-argmax, as the reference's
  strict `>` picks the first best predecessor).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import overload

import numpy as np

from trustdesk.privacy.pii.learned.tokens import Token

# The reference tokenizer's token regex with the whitespace before each token captured: the
# gaps are whitespace only (every other character starts a token), so the pairs tile the text.
_GAPPED = re.compile(r"(\s*+)(\w+(?:['’\-]\w+)*|[^\w\s])")


class TokenArrays(Sequence[Token]):
    """Tokens as parallel arrays; indexing builds the `Token` the reference code would see."""

    __slots__ = ("ends", "line_start", "quoted", "starts", "texts")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int],
                 line_start: np.ndarray, quoted: np.ndarray) -> None:
        self.texts = texts
        self.starts = starts
        self.ends = ends
        self.line_start = line_start
        self.quoted = quoted

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> TokenArrays:
        return cls([t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens],
                   np.array([t.line_start for t in tokens], dtype=bool),
                   np.array([t.quoted for t in tokens], dtype=bool))

    def window(self, lo: int, hi: int, shift: int = 0) -> TokenArrays:
        """Tokens lo..hi-1, their offsets moved by `shift`."""
        return TokenArrays(self.texts[lo:hi], [x + shift for x in self.starts[lo:hi]],
                           [x + shift for x in self.ends[lo:hi]], self.line_start[lo:hi],
                           self.quoted[lo:hi])

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return Token(self.starts[i], self.ends[i], self.texts[i], bool(self.line_start[i]),
                     bool(self.quoted[i]))

    def __iter__(self) -> Iterator[Token]:
        for k in range(len(self.texts)):
            yield self[k]


def fast_tokens(text: str) -> TokenArrays:
    """`tokenize(text)` (no limit) as arrays: the same tokens, offsets and layout flags."""
    stop = len(text.rstrip())  # trailing whitespace would make findall retry at every space
    pairs = _GAPPED.findall(text, 0, stop)
    if not pairs:
        empty = np.zeros(0, dtype=bool)
        return TokenArrays([], [], [], empty, empty)
    gaps, texts = (list(part) for part in zip(*pairs, strict=True))
    ends_arr = np.cumsum([len(g) + len(t) for g, t in pairs])
    ends = ends_arr.tolist()
    starts = (ends_arr - [len(t) for t in texts]).tolist()
    line_start = np.fromiter(("\n" in g for g in gaps), dtype=bool, count=len(gaps))
    line_start[0] = True
    if ">" in text:
        return _with_quotes(texts, starts, ends, line_start)
    return TokenArrays(texts, starts, ends, line_start, np.zeros(len(texts), dtype=bool))


def _with_quotes(texts: list[str], starts: list[int], ends: list[int], line_start: np.ndarray
                 ) -> TokenArrays:
    """The reference loop's rules for ">": one at a line start (and the ones right after it)
    is dropped and marks the rest of its line quoted; the next token starts the line.

    `line_start` marks the first token and every token with a newline before it.
    """
    n = len(texts)
    dropped = np.zeros(n, dtype=bool)
    for k in [k for k, t in enumerate(texts) if t == ">"]:
        dropped[k] = line_start[k] or (k > 0 and dropped[k - 1])
    if not dropped.any():
        return TokenArrays(texts, starts, ends, line_start, np.zeros(n, dtype=bool))
    after_drop = np.zeros(n, dtype=bool)
    after_drop[1:] = dropped[:-1]
    first = line_start | after_drop
    quoted_first = after_drop & ~line_start  # a newline before the token resets the line
    keep = np.flatnonzero(~dropped)
    first, quoted_first = first[keep], quoted_first[keep]
    # every token takes the quoted flag of its line's first token (the first kept token is
    # always one)
    owner = np.maximum.accumulate(np.where(first, np.arange(len(keep)), 0))
    kept = keep.tolist()
    return TokenArrays([texts[k] for k in kept], [starts[k] for k in kept],
                       [ends[k] for k in kept], first, quoted_first[owner])


class WordTable:
    """Per-word emission rows (own, prev, next, prev2, next2, bol), filled on first sight.

    Bounded: after `capacity` distinct words it starts afresh (a reset costs only the
    recomputation of the words seen again).
    """

    def __init__(self, compute: Callable[[str], tuple[list[float], ...]],
                 low: Callable[[str], str], pair_ids: tuple[dict[str, int], dict[str, int]],
                 n_labels: int, capacity: int = 65_536) -> None:
        self._compute = compute
        self._low = low
        self._left, self._right = pair_ids
        self.capacity = capacity
        self.rows: dict[str, int] = {}
        self.table = np.zeros((capacity, 6, n_labels))
        self.left = np.full(capacity, -1, dtype=np.int64)
        self.right = np.full(capacity, -1, dtype=np.int64)

    def ids(self, words: list[str]) -> np.ndarray:
        """Row numbers of the words, computing the rows of words not seen before."""
        if len(self.rows) + len(words) > self.capacity:
            self.rows.clear()
        get = self.rows.get
        out = [get(w, -1) for w in words]
        if -1 in out:
            for k, row in enumerate(out):
                if row == -1:
                    out[k] = self._add(words[k])
        return np.array(out, dtype=np.int64)

    def _add(self, word: str) -> int:
        row = self.rows.get(word)
        if row is not None:  # a word seen twice in one message
            return row
        row = len(self.rows)
        self.table[row] = self._compute(word)
        low = self._low(word)
        self.left[row] = self._left.get(low, -1)
        self.right[row] = self._right.get(low, -1)
        self.rows[word] = row
        return row


def pair_index(features: dict[str, list[float]], n_labels: int
               ) -> tuple[dict[str, int], dict[str, int], np.ndarray, np.ndarray]:
    """Integer keys for the "w-1w=a|b" features.

    A key splits at any "|" ("|" is a token too), so every split is entered: a look-up of
    (a, b) finds exactly the feature whose name is "w-1w=" + a + "|" + b.
    """
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    entries: dict[tuple[int, int], list[float]] = {}
    for name, weights in features.items():
        if not name.startswith("w-1w="):
            continue
        pair = name[5:]
        for at in [k for k, c in enumerate(pair) if c == "|"]:
            a, b = pair[:at], pair[at + 1 :]
            la = left.setdefault(a, len(left))
            rb = right.setdefault(b, len(right))
            entries[(la, rb)] = weights
    width = max(len(right), 1)
    keys = np.array(sorted(la * width + rb for la, rb in entries), dtype=np.int64)
    vectors = np.array([entries[(int(k) // width, int(k) % width)] for k in keys],
                       dtype=np.float64).reshape(len(keys), n_labels)
    return left, right, keys, vectors


def batched_viterbi(em: np.ndarray, starts: np.ndarray, stops: np.ndarray,
                    trans: np.ndarray, n: int) -> list[list[int]]:
    """Best label path of each stretch em[starts[i]:stops[i]], as the reference decodes it.

    A stretch after a token starts with trans[O][y], one before a token ends with trans[y][O].
    Stretches are sorted longest first, so the ones still running at step k are a prefix.
    """
    count = len(starts)
    lens = stops - starts
    order = np.argsort(-lens, kind="stable")
    lens_sorted = lens[order].tolist()
    longest = lens_sorted[0]
    n_labels = em.shape[1]
    index = starts[order][:, None] + np.arange(longest)[None, :]
    # (position, stretch, label): each step reads one contiguous block
    rows = np.ascontiguousarray(em[np.minimum(index, n - 1)].transpose(1, 0, 2))
    after_o = starts[order] > 0
    score = rows[0] + np.where(after_o[:, None], trans[0][None, :], 0.0)
    back = np.empty((longest, count, n_labels), dtype=np.int64)
    cand = np.empty((count, n_labels, n_labels))
    best = np.empty((count, n_labels))
    running = [0] * longest  # how many stretches are longer than k
    active = count
    for k in range(longest):
        while active and lens_sorted[active - 1] <= k:
            active -= 1
        running[k] = active
    for k in range(1, longest):
        a = running[k]
        c, s = cand[:a], score[:a]
        np.add(s[:, :, None], trans, out=c)
        c.argmax(axis=1, out=back[k, :a])
        c.max(axis=1, out=best[:a])
        np.add(best[:a], rows[k, :a], out=s)
    before_o = stops[order] < n
    score = score + np.where(before_o[:, None], trans[:, 0][None, :], 0.0)
    last = score.argmax(axis=1).tolist()
    back_list = back.tolist()
    paths: list[list[int]] = [[] for _ in range(count)]
    for rank, i in enumerate(order.tolist()):
        y = last[rank]
        path = [y]
        for k in range(lens_sorted[rank] - 1, 0, -1):
            y = back_list[k][rank][y]
            path.append(y)
        path.reverse()
        paths[i] = path
    return paths

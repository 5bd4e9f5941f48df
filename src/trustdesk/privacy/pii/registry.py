"""The set of recognisers a detector runs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from trustdesk.privacy.pii.recognizer import Recognizer


class UnknownRecognizerError(KeyError):
    """No recogniser with that name is registered."""


class RecognizerRegistry:
    """Holds recognisers by name; order is the order they were added."""

    def __init__(self, recognizers: Iterable[Recognizer] = ()) -> None:
        self._recognizers: list[Recognizer] = []
        for recognizer in recognizers:
            self.add(recognizer)

    def add(self, recognizer: Recognizer) -> None:
        self._recognizers.append(recognizer)

    def remove(self, name: str) -> None:
        """Drop every recogniser called `name`."""
        kept = [r for r in self._recognizers if r.name != name]
        if len(kept) == len(self._recognizers):
            raise UnknownRecognizerError(f"no recogniser named {name!r}; see .names()")
        self._recognizers = kept

    def names(self) -> list[str]:
        return [r.name for r in self._recognizers]

    def entities(self) -> set[str]:
        return {e for r in self._recognizers for e in r.entities}

    def __iter__(self) -> Iterator[Recognizer]:
        return iter(self._recognizers)

    def __len__(self) -> int:
        return len(self._recognizers)

"""A stand-in for time.sleep that records backoff waits, so retry tests stay fast."""

from __future__ import annotations


class SleepLog:
    """Callable like ``time.sleep``; remembers each requested wait instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)

"""Run CPU-bound request work on the event loop, one job at a time, in arrival order."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class InlineQueue:
    """A FIFO of synchronous jobs, run inline on the loop by one consumer task.

    Called directly from handlers, inline work runs in whatever order the loop starts tasks,
    and a request could be overtaken by a whole round of others. Here each handler queues
    its job; the consumer runs one job and yields, so the loop reads newly arrived requests
    and queues them behind the older ones before the next job starts.
    """

    def __init__(self) -> None:
        self._jobs: deque[tuple[Callable[[], Any], asyncio.Future[Any]]] = deque()
        self._consumer: asyncio.Task[None] | None = None

    async def run(self, job: Callable[[], T]) -> T:
        """Queue `job`, wait for its turn and return its result (or raise its exception)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.append((job, future))
        consumer = self._consumer
        # a test client may run each request in a new loop: a consumer serves one loop
        if consumer is None or consumer.done() or consumer.get_loop() is not loop:
            self._consumer = loop.create_task(self._consume())
        return await future

    async def _consume(self) -> None:
        while self._jobs:
            job, future = self._jobs.popleft()
            if future.done():  # cancelled: the client went away while it waited
                continue
            try:
                result = job()
            except Exception as exc:  # handed to the request that queued the job
                future.set_exception(exc)
            else:
                future.set_result(result)
            await asyncio.sleep(0)  # let the loop read and queue newly arrived requests

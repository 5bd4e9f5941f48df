"""The inline queue runs jobs one at a time, in the order requests queued them."""

from __future__ import annotations

import asyncio

import pytest

from trustdesk.api.inline import InlineQueue


def test_jobs_run_one_at_a_time_in_arrival_order_and_newcomers_queue_behind() -> None:
    queue = InlineQueue()
    ran: list[str] = []

    async def request(name: str) -> str:
        return await queue.run(lambda: ran.append(name) or name.upper())

    async def scenario() -> list[str]:
        first = [asyncio.create_task(request(n)) for n in ("a", "b", "c")]
        await asyncio.sleep(0)  # a, b, c are queued; the consumer has run "a" at most
        late = asyncio.create_task(request("late"))  # arrives while b and c still wait
        return await asyncio.gather(*first, late)

    assert asyncio.run(scenario()) == ["A", "B", "C", "LATE"]
    assert ran == ["a", "b", "c", "late"]


def test_the_loop_serves_other_work_between_two_jobs() -> None:
    queue = InlineQueue()
    order: list[str] = []

    async def scenario() -> None:
        async def other() -> None:
            order.append("other")  # e.g. reading a newly arrived request

        jobs = [asyncio.create_task(queue.run(lambda n=n: order.append(n))) for n in "xyz"]
        await asyncio.sleep(0)
        reader = asyncio.create_task(other())
        await asyncio.gather(*jobs, reader)

    asyncio.run(scenario())
    assert order.index("other") < order.index("z")  # not starved by the queued jobs


def test_a_failing_job_fails_its_own_request_only() -> None:
    queue = InlineQueue()

    def boom() -> None:
        raise ValueError("bad message")

    async def scenario() -> tuple[BaseException | int, ...]:
        return tuple(
            await asyncio.gather(queue.run(boom), queue.run(lambda: 2), return_exceptions=True)
        )

    failed, ok = asyncio.run(scenario())
    assert isinstance(failed, ValueError) and str(failed) == "bad message"
    assert ok == 2


def test_a_request_that_went_away_is_skipped() -> None:
    queue = InlineQueue()
    ran: list[int] = []

    async def scenario() -> None:
        slow = asyncio.create_task(queue.run(lambda: ran.append(1)))
        gone = asyncio.create_task(queue.run(lambda: ran.append(2)))
        last = asyncio.create_task(queue.run(lambda: ran.append(3)))
        await asyncio.sleep(0)
        gone.cancel()
        await asyncio.gather(slow, last)
        with pytest.raises(asyncio.CancelledError):
            await gone

    asyncio.run(scenario())
    assert ran == [1, 3]


def test_one_queue_serves_successive_event_loops() -> None:
    queue = InlineQueue()  # as under a test client that runs each request in a new loop
    assert asyncio.run(queue.run(lambda: 1)) == 1
    assert asyncio.run(queue.run(lambda: 2)) == 2

"""The API: one module per resource, holding its routes and its wire schemas.

Routes that do a few statements on the local database are `async def` and run inline on the
event loop, like the message path. Left to FastAPI's thread pool, a short route waits for the
GIL behind the loop's CPU-bound work: under load, starting a conversation took 375 ms (p50)
while messages took 40. A route that can run for seconds (`GET /v1/audit/verify` walks the
whole chain; completing a data-subject request exports or erases everything of a customer)
stays a plain `def`, in the thread pool, so it does not stall everyone else.
"""

from fastapi import APIRouter

from trustdesk.api.routes import (
    access_log,
    ai,
    appeals,
    audit,
    consents,
    conversations,
    decisions,
    fairness,
    handoffs,
    lifecycle,
    notice,
    originals,
    oversight,
    reviews,
    subject_requests,
    transparency,
)

ROUTERS: tuple[APIRouter, ...] = tuple(m.router for m in (
    conversations, decisions, reviews, notice, consents, originals, access_log, subject_requests,
    audit, ai, handoffs, lifecycle, oversight, fairness, transparency,
    appeals,
))

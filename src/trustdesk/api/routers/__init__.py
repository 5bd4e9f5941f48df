"""The API's routers.

Routes that do a few statements on the local database are `async def` and run inline on the
event loop, like the message path. Left to FastAPI's thread pool, a short route waits for the
GIL behind the loop's CPU-bound work: under load, starting a conversation took 375 ms (p50)
while messages took 40. A route that can run for seconds (`GET /v1/audit/verify` walks the
whole chain; completing a data-subject request exports or erases everything of a customer)
stays a plain `def`, in the thread pool, so it does not stall everyone else.
"""

"""The message path as stages: guard, understand, decide, respond, explain, record.

`MessagePath.analyse` composes understand -> decide -> respond -> explain on redacted text;
the guard (`pipeline.guard`) runs before it and the record stage (`service.messages`, one
write transaction) after it.
"""

from trustdesk.pipeline.path import Analysis, MessagePath

__all__ = ["Analysis", "MessagePath"]

"""Errors a user of TrustDesk can meet; the API maps them to status codes in one place."""


class ServiceError(Exception):
    """Base class; the message is safe to show to the caller."""


class NotFound(ServiceError):
    """The thing does not exist, or this caller may not see it."""


class Forbidden(ServiceError):
    """The caller's role may not do this."""


class Conflict(ServiceError):
    """The request clashes with the current state (e.g. a review already resolved)."""


class InvalidInput(ServiceError):
    """The input is well-formed but not acceptable; the message says why."""

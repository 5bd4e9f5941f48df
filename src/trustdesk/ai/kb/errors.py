"""Errors a knowledge-base user can meet; each message says what is wrong and what to do."""

from __future__ import annotations


class KnowledgeBaseError(Exception):
    """Base class for knowledge-base errors."""


class UnsupportedFormatError(KnowledgeBaseError):
    """A file is not one of the formats the knowledge base can ingest."""


class UnreadableDocumentError(KnowledgeBaseError):
    """A file could not be read or parsed."""


class DuplicateDocumentError(KnowledgeBaseError):
    """Two files declare the same article id."""


class EmptyKnowledgeBaseError(KnowledgeBaseError):
    """Ingest found no article with any text."""


class KnowledgeBaseNotFoundError(KnowledgeBaseError):
    """No ingested knowledge base exists under the given directory."""


class CorruptKnowledgeBaseError(KnowledgeBaseError):
    """The stored knowledge base exists but cannot be loaded."""


class UnknownAudienceError(KnowledgeBaseError, ValueError):
    """A search named an audience other than customer or agent."""

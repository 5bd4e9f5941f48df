"""Knowledge base: ingest help-centre articles, retrieve passages with BM25, answer with quotes.

Public API::

    report = ingest([Path("articles/")], kb_dir)
    kb = KnowledgeBase.load(kb_dir)
    kb.search("where is my parcel", k=3, audience="customer")
    kb.answer("how long do refunds take?")
"""

from trustdesk.ai.kb.answers import Answer, Passage
from trustdesk.ai.kb.demo import demo_kb_path
from trustdesk.ai.kb.documents import Chunk, Document
from trustdesk.ai.kb.errors import (
    CorruptKnowledgeBaseError,
    DuplicateDocumentError,
    EmptyKnowledgeBaseError,
    KnowledgeBaseError,
    KnowledgeBaseNotFoundError,
    UnknownAudienceError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)
from trustdesk.ai.kb.knowledge_base import AUDIENCES, KnowledgeBase
from trustdesk.ai.kb.readers import read_paths
from trustdesk.ai.kb.storage import IngestReport, ingest

__all__ = [
    "AUDIENCES",
    "Answer",
    "Chunk",
    "CorruptKnowledgeBaseError",
    "Document",
    "DuplicateDocumentError",
    "EmptyKnowledgeBaseError",
    "IngestReport",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "KnowledgeBaseNotFoundError",
    "Passage",
    "UnknownAudienceError",
    "UnreadableDocumentError",
    "UnsupportedFormatError",
    "demo_kb_path",
    "ingest",
    "read_paths",
]

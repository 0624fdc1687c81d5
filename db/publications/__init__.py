"""The publications registry: every printed public notice (公示) kept as a numbered version
of its kind, with its objection period, and the objections (异议) raised against it and
how each was resolved."""

from db.publications.notices import (
    DISMISSED,
    NOTICE_KINDS,
    OPEN,
    OUTCOMES,
    UPHELD,
    Objection,
    PublishedNotice,
    list_objections,
    list_publications,
    next_version,
    pending_answers,
    publication_key,
    record_objection,
    register_publication,
    resolve_objection,
    stored_snapshots,
)
from db.publications.verify import RegisteredFile, registered_file

__all__ = [
    "RegisteredFile",
    "registered_file",
    "DISMISSED",
    "NOTICE_KINDS",
    "OPEN",
    "OUTCOMES",
    "Objection",
    "PublishedNotice",
    "UPHELD",
    "list_objections",
    "list_publications",
    "next_version",
    "pending_answers",
    "publication_key",
    "record_objection",
    "register_publication",
    "resolve_objection",
    "stored_snapshots",
]

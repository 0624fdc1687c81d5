"""db.publications: TODO face docstring."""

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

__all__ = [
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

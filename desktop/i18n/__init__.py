"""Interface words: the Chinese catalogue (ours and Qt's) and the wording of every coded error."""

from desktop.i18n.catalogue import (
    CATALOGUE,
    CHINESE,
    ENGLISH,
    I18N_DIR,
    catalogue_path,
    init_translations,
    remove_translations,
    resolve_language,
    trace_language,
)
from desktop.i18n.messages import (
    ROLE_NAMES,
    SESSION_STATUS_NAMES,
    describe,
    describe_error,
    describe_import,
    describe_policy_problem,
    describe_problem,
    field_name,
    show_error,
    tr,
)
from desktop.i18n.record_words import (
    check_finding,
    event_action,
    event_entity,
    has_field_words,
    record_field,
)

__all__ = [
    "CATALOGUE",
    "CHINESE",
    "ENGLISH",
    "I18N_DIR",
    "ROLE_NAMES",
    "SESSION_STATUS_NAMES",
    "catalogue_path",
    "check_finding",
    "describe",
    "describe_error",
    "describe_import",
    "describe_policy_problem",
    "describe_problem",
    "event_action",
    "event_entity",
    "field_name",
    "has_field_words",
    "init_translations",
    "record_field",
    "remove_translations",
    "resolve_language",
    "show_error",
    "tr",
    "trace_language",
]

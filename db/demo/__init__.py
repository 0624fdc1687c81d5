"""The demo project stored through the office's own operations: 199 households, 638
people, 220 flats, frozen rules and a casework history, every step in the audit log like
real data, so a new office can try every page before entering its own; and its twin
"demo-value", the same estate under a value-based policy (价值互换, 货币补偿)."""

from db.demo.project import (
    DEMO_NAME,
    DEMO_TITLE,
    VALUE_DEMO_NAME,
    VALUE_DEMO_TITLE,
    create_demo_project,
    create_value_demo_project,
)

__all__ = [
    "DEMO_NAME",
    "DEMO_TITLE",
    "VALUE_DEMO_NAME",
    "VALUE_DEMO_TITLE",
    "create_demo_project",
    "create_value_demo_project",
]

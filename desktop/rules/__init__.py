"""The Rules page: the policy edited through forms (items, conditions, groups), checked on
every edit, previewed on the project's households, frozen, and its version history."""

from desktop.rules.rules_page import RulesPage

__all__ = [
    "RulesPage",
]

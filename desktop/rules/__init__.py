"""desktop.rules: TODO face docstring."""

from desktop.rules.rules_page import RulesPage

__all__ = [
    "RulesPage",
]

"""db.demo: TODO face docstring."""

from db.demo.project import DEMO_NAME, create_demo_project

__all__ = [
    "DEMO_NAME",
    "create_demo_project",
]

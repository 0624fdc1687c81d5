"""desktop.shell: TODO face docstring."""

from desktop.shell.app import create_application, main

__all__ = [


    "create_application",
    "main",
]

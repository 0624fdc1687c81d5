"""desktop.cli: TODO face docstring."""

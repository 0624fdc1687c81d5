"""desktop.cli: the `anju` command line (the ``anju`` console script and ``python -m desktop.cli``).

``main(argv)`` parses the arguments, runs one command and returns its exit
code; desktop/cli/main.py describes the commands. The command modules
(projects, registry, lottery, rules, audit, printing, casework, users,
display) are used through ``main``; tests may call them directly.

Hazard: after this package is imported, its attribute ``main`` is the
function, not the module desktop/cli/main.py; reach the module's other names
with ``from desktop.cli.main import build_parser`` (which finds the module),
not ``import desktop.cli.main as cli``.
"""

from desktop.cli.main import main

__all__ = ["main"]

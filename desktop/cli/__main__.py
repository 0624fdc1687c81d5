"""``python -m desktop.cli``: the ``anju`` command line."""

from desktop.cli import main

raise SystemExit(main())

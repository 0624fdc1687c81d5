"""``python -m desktop.cli``: the ``anju`` command line."""

from desktop.cli.main import main

raise SystemExit(main())

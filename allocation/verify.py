"""``python3 -S -m allocation.verify DRAW.json``: re-run a sealed draw record on a bare Python.

The verifier itself is :mod:`allocation.lottery.verifier`; this module only
keeps the command the notices print. It needs nothing but the standard
library and a copy of the ``allocation/`` folder.
"""

from allocation.lottery.verifier import main

if __name__ == "__main__":
    raise SystemExit(main())

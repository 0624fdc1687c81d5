# The two commands of the README; each does its own set-up on a fresh machine.
.PHONY: run test testfast lint translations bench

run:
	scripts/run.sh

test:
	scripts/test.sh

testfast:
	scripts/test.sh -m "not slow"

lint:
	scripts/setup.sh test && .venv/bin/lint-imports --no-cache && .venv/bin/ruff check .

translations:
	.venv/bin/python scripts/i18n.py update

bench:
	scripts/setup.sh test && .venv/bin/python bench/run_all.py

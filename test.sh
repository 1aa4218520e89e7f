#!/usr/bin/env bash
# Run every check: lint, unit tests, the gold-corpus score, doctests and the notebooks (nbval).
# Sets up .venv on first use. Extra arguments go to pytest (e.g. ./test.sh -k numbers).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure_venv.sh
.venv/bin/ruff check analysis tests scripts benchmarks
.venv/bin/python -m pytest "$@"

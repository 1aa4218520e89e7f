#!/usr/bin/env bash
# Re-execute the notebooks in place, so that their committed outputs (which nbval checks) match
# the library. Run after a change that moves the numbers they print; then read their prose again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure_venv.sh
log=$(mktemp)
for nb in notebooks/*.ipynb; do
    if ! (cd notebooks && ../.venv/bin/jupyter nbconvert --to notebook --execute --inplace "$(basename "$nb")") \
            >"$log" 2>&1; then
        cat "$log" >&2
        exit 1
    fi
    echo "refreshed $nb"
done

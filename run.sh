#!/usr/bin/env bash
# The main job: extract every bundled article and write the figures table to reports/,
# then execute the notebooks headless (they write their figures to reports/ too).
# Sets up .venv on first use.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure_venv.sh
mkdir -p reports
.venv/bin/python -m analysis extract data/articles -o reports/figures.parquet -o reports/figures.csv \
    --errors reports/errors.csv
if compgen -G "notebooks/*.ipynb" >/dev/null; then
    for nb in notebooks/*.ipynb; do
        .venv/bin/jupyter nbconvert --to notebook --execute --output-dir reports/notebooks "$nb" >/dev/null
        echo "executed $nb -> reports/notebooks/$(basename "$nb")"
    done
fi

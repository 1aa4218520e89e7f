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
.venv/bin/python -c "import pandas as pd; from analysis.views.explore import write_map; \
print('interactive map:', write_map(pd.read_parquet('reports/figures.parquet'), 'reports/map.html'))"
mkdir -p reports/notebooks
for nb in notebooks/*.ipynb; do
    log="reports/notebooks/$(basename "$nb" .ipynb).log"
    if ! .venv/bin/jupyter nbconvert --to notebook --execute --output-dir reports/notebooks "$nb" >"$log" 2>&1; then
        cat "$log" >&2
        echo "run.sh: executing $nb failed (log above)" >&2
        exit 1
    fi
    echo "executed $nb -> reports/notebooks/$(basename "$nb")"
done
echo "figures: reports/figures/*.png; map: reports/map.html; table: reports/figures.parquet, reports/figures.csv"

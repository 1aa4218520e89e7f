"""``python -m analysis``: the batch command (see :mod:`analysis.io.cli`)."""
import sys

from analysis.io.cli import main

sys.exit(main(prog="python -m analysis"))

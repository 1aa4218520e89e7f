"""README's Python examples run as written (from the repository root)."""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest

from .conftest import ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("code", [b for b in BLOCKS if "Client(" not in b], ids=lambda b: b.splitlines()[0][:50])
def test_readme_example_runs(code, monkeypatch):
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    for earlier in BLOCKS[:BLOCKS.index(code)]:  # later examples use the tables the first one builds
        if "Client(" not in earlier:
            exec(compile(earlier, "README.md", "exec"), namespace)
    exec(compile(code, "README.md", "exec"), namespace)
    plt.close("all")


def test_readme_has_the_two_commands_and_credits():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash run.sh" in text and "bash test.sh" in text
    assert "GeoNames" in text and "Natural Earth" in text and "CC BY 4.0" in text
    assert "bash test.sh" in (ROOT / ".ci" / "run").read_text()

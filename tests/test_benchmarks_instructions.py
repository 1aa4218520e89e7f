"""benchmarks/instructions.py: instructions per article under valgrind (its argument checks and its
arithmetic; running valgrind itself takes minutes, so the tests stand in for it)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import load_benchmark

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "instructions.py"


@pytest.fixture()
def instructions():
    return load_benchmark("instructions")


def test_without_valgrind_it_says_so_and_exits_2(instructions, monkeypatch, capsys):
    monkeypatch.setattr(instructions.shutil, "which", lambda name: None)
    assert instructions.main([]) == 2
    assert "needs valgrind" in capsys.readouterr().err


def test_a_folder_that_is_no_checkout_is_refused(instructions, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(instructions.shutil, "which", lambda name: "/usr/bin/valgrind")
    with pytest.raises(SystemExit) as stop:
        instructions.main(["--repo", str(tmp_path)])
    assert stop.value.code == 2 and "no analysis/ package" in capsys.readouterr().err


def fake_valgrind(instructions, monkeypatch, *, rounds: int, base: int, per_round: int) -> list[str]:
    """Stand in for valgrind: the program's count is ``base`` plus ``per_round`` for each of its
    ``rounds`` extractions; returns the programs it was given."""
    monkeypatch.setattr(instructions.shutil, "which", lambda name: "/usr/bin/valgrind")
    programs = []

    def valgrind(command, **kwargs):
        program = Path(command[-1]).read_text()
        programs.append(program)
        extracts = rounds if f"range({rounds})" in program else 0
        total = base + extracts * per_round
        out = next(arg for arg in command if arg.startswith("--cachegrind-out-file=")).split("=", 1)[1]
        Path(out).write_text(f"events: Ir\nfl=Modules/_sre/sre_lib.h\nfn=sre_ucs1_match\n1 {total // 4}\n"
                             f"fl=Python/ceval.c\nfn=_PyEval_EvalFrameDefault\n1 {total - total // 4}\n")
        return subprocess.CompletedProcess(command, 0, "", f"==1== I   refs:      {total:,}\n")

    monkeypatch.setattr(instructions.subprocess, "run", valgrind)
    return programs


def test_the_count_is_the_extraction_alone_per_article(instructions, monkeypatch, capsys):
    programs = fake_valgrind(instructions, monkeypatch, rounds=1, base=5_000_000, per_round=2_000_000)
    assert instructions.main(["--articles", "4", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"instructions_per_article": 500000' in out and '"outside_regex_per_article": 375000' in out
    assert len(programs) == 2 and all("generate_articles(4, seed=3)" in p for p in programs)


def test_a_failed_valgrind_run_raises_with_its_output(instructions, monkeypatch):
    monkeypatch.setattr(instructions.subprocess, "run",
                        lambda command, **kw: subprocess.CompletedProcess(command, 1, "", "boom"))
    with pytest.raises(RuntimeError, match="boom"):
        instructions.count_instructions(SCRIPT.parents[1], 1, 0, 1)


def test_per_call_counts_one_extract_figures_call_per_bundled_article(instructions, monkeypatch, capsys):
    programs = fake_valgrind(instructions, monkeypatch, rounds=5, base=1_000_000, per_round=300_000)
    assert instructions.main(["--per-call", "--articles", "3", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"instructions_per_article": 100000' in out and '"per_call": true' in out
    assert all("extract_figures(text" in p and ".head(3)" in p and "generate_articles" not in p for p in programs)


def test_the_regex_engine_is_told_by_its_source_files(instructions):
    out = ("events: Ir\nfl=/build/Modules/_sre/sre_lib.h\nfn=sre_ucs1_match\n10 400\n12 100\n"
           "fl=/build/Python/ceval.c\nfn=_PyEval_EvalFrameDefault\n3 50\nfl=/build/Modules/_sre/sre.c\nfn=x\n1 7\n")
    assert instructions.regex_instructions(out) == 507

"""benchmarks/ab.py: two checkouts timed in turns (the turns and the ratios; timing real processes
takes minutes, so a stand-in timer plays them)."""
from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_benchmark

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def ab():
    return load_benchmark("ab")


def test_the_checkouts_take_turns_going_first_and_the_ratio_is_taken_within_each_round(ab):
    calls = []
    rates = {"new": iter([300.0, 330.0, 240.0]), "old": iter([200.0, 300.0, 300.0])}

    def timer(repo, **kwargs):
        calls.append(repo.name)
        return next(rates[repo.name])

    report = ab.compare(Path("new"), Path("old"), rounds=3, articles=10, timer=timer)
    assert calls == ["new", "old", "old", "new", "new", "old"]
    assert report["ratio_median"] == pytest.approx(1.1)  # the rounds' ratios: 1.5, 1.1, 0.8
    assert (report["ratio_min"], report["ratio_max"]) == pytest.approx((0.8, 1.5))
    assert "this / other: 1.100 (rounds ranged 0.800-1.500)" in ab.format_report(report)


def test_a_folder_that_is_no_checkout_is_refused(ab, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        ab.main([str(tmp_path)])
    assert stop.value.code == 2 and "no analysis/ package" in capsys.readouterr().err


def test_fewer_articles_than_slices_is_refused(ab, capsys):
    with pytest.raises(SystemExit):
        ab.main([str(ROOT), "--articles", "2", "--slices", "5"])
    assert "--articles at least --slices" in capsys.readouterr().err


def test_a_failed_timing_run_raises_with_its_output(ab, tmp_path):
    with pytest.raises(RuntimeError, match="timing .* failed"):
        ab.time_checkout(tmp_path, articles=1, seed=0, slices=1, per_call=False)

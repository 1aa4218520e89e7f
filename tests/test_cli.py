"""The batch command: formats in and out, nothing lost, exit codes, workers."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.io.cli import main
from analysis.schema import FIGURE_COLUMNS

from .conftest import ROOT


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("source: AP\npublished: 2024-11-05\n\nSix people were killed in Kharkiv.", "utf-8")
    (folder / "b.txt").write_text("The weather was mild and nothing happened.", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"")
    rows = [{"article_id": "j1", "text": "=HYPERLINK(1) Russia lost 5 tanks.", "source": "X"},
            {"article_id": "j2", "text": "Up to 12,000 North Korean troops were sent.", "source": "Y"}]
    (folder / "d.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken", encoding="utf-8")
    return folder


def test_every_article_is_in_the_output_or_the_errors_file(corpus, tmp_path):
    code = main(["extract", str(corpus), "-o", str(tmp_path / "f.parquet"), "--errors", str(tmp_path / "e.csv"),
                 "--no-progress", "--batch-size", "2"])
    figures = pd.read_parquet(tmp_path / "f.parquet")
    errors = pd.read_csv(tmp_path / "e.csv")
    assert code == 1  # the empty file and the broken line are errors
    assert set(figures.article_id) == {"a", "j1", "j2"}
    assert dict(zip(errors.article_id, errors.stage, strict=True)) == {"b": "none", "c": "read", "d-3": "read"}
    assert list(figures.columns) == list(FIGURE_COLUMNS)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl", ".geojson"])
def test_output_format_follows_the_extension(corpus, tmp_path, suffix):
    out = tmp_path / f"figures{suffix}"
    main(["extract", str(corpus / "a.txt"), str(corpus / "d.jsonl"), "-o", str(out), "--no-progress"])
    if suffix == ".parquet":
        assert len(pd.read_parquet(out)) == 3
    elif suffix == ".csv":
        assert len(pd.read_csv(out)) == 3
    elif suffix == ".jsonl":
        assert len(pd.read_json(out, lines=True)) == 3
    else:
        features = json.loads(out.read_text())["features"]
        assert [f["properties"]["location"] for f in features] == ["Kharkiv"]
        assert features[0]["geometry"]["coordinates"][0] == pytest.approx(36.25, abs=0.1)


def test_csv_output_cannot_inject_spreadsheet_formulas(corpus, tmp_path):
    main(["extract", str(corpus / "d.jsonl"), "-o", str(tmp_path / "f.csv"), "--no-progress"])
    sentences = pd.read_csv(tmp_path / "f.csv").sentence
    assert sentences.str.startswith("'=HYPERLINK").any() and not sentences.str.startswith("=").any()


def test_two_workers_give_the_same_table_as_one(tmp_path):
    args = ["extract", str(ROOT / "data/articles"), "--no-progress", "--batch-size", "4"]
    main([*args, "-o", str(tmp_path / "one.parquet")])
    main([*args, "-o", str(tmp_path / "two.parquet"), "--workers", "2"])
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "one.parquet"), pd.read_parquet(tmp_path / "two.parquet"))


def test_a_folder_without_articles_exits_1_with_a_message_and_a_valid_empty_table(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty"), "-o", str(tmp_path / "f.parquet"), "--no-progress"]) == 1
    assert "folder holds no article file" in capsys.readouterr().err
    assert list(pd.read_parquet(tmp_path / "f.parquet").columns) == list(FIGURE_COLUMNS)


@pytest.mark.parametrize("args", [["extract", "x", "-o", "out.xlsx"], ["extract", "x"], ["nope"],
                                  ["extract", "x", "-o", "o.csv", "--workers", "0"]])
def test_bad_arguments_exit_2_with_a_message(args, capsys):
    assert exit_code(args) == 2 and capsys.readouterr().err


def exit_code(args: list[str]) -> int:
    """main's exit code, whether argparse stops it (SystemExit) or it returns the code."""
    try:
        return main(args)
    except SystemExit as stop:
        return stop.code


def test_module_entry_point_prints_help_and_summary(corpus, tmp_path):
    run = subprocess.run([sys.executable, "-m", "analysis", "extract", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "--workers" in run.stdout and ".geojson" in run.stdout
    run = subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus / "a.txt"), "-o",
                          str(tmp_path / "f.csv"), "--no-progress"], capture_output=True, text=True)
    assert run.returncode == 0 and "articles read: 1, figures: 1, errors: 0" in run.stdout

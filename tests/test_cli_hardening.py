"""The batch command under pressure: bad outputs refused before work, atomic outputs, streams, signals."""
from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.io import cli
from analysis.io.cli import main
from analysis.io.writers import TableWriter

from .conftest import ROOT

S = "Officials said at least 12 civilians were killed and 30 injured in Kharkiv on Tuesday. "
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, env=ENV,
                          timeout=120, **kw)


def code_of(args: list[str]) -> int:
    try:
        return main(args)
    except SystemExit as stop:
        return stop.code


@pytest.fixture
def one(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(S)
    return path


@pytest.mark.parametrize("extra", [["--workers", "0"], ["--workers", str(10**20)], ["--batch-size", str(10**20)],
                                   ["--workers", "abc"], ["--batch-size", "0"]])
def test_workers_and_batch_size_beyond_bounds_are_refused(one, tmp_path, extra, capsys):
    assert code_of(["extract", str(one), "-o", str(tmp_path / "x.csv"), *extra]) == 2
    err = capsys.readouterr().err
    assert "must be between" in err or "whole number" in err


@pytest.mark.parametrize(("make", "says"), [
    (lambda d: d / "adir.csv", "is a directory"),
    (lambda d: d / "missing" / "f.csv", "does not exist"),
    (lambda d: d / "ro" / "f.csv", "cannot write"),
])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2_before_any_work(one, tmp_path, make, says,
                                                                                  capsys, monkeypatch):
    (tmp_path / "adir.csv").mkdir()
    (tmp_path / "ro").mkdir()
    real = TableWriter.__init__

    def read_only(self, path, **kw):
        if path is not None and "ro" in Path(path).parts:
            raise PermissionError(13, "Permission denied")
        real(self, path, **kw)

    monkeypatch.setattr(TableWriter, "__init__", read_only)
    monkeypatch.setattr(cli, "extract_batch", lambda batch: pytest.fail("work started"))
    target = make(tmp_path)
    assert main(["extract", str(one), "-o", str(tmp_path / "fine.csv"), "-o", str(target), "--no-progress"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(target) in err[0] and says in err[0]
    assert not (tmp_path / "fine.csv").exists() and not list(tmp_path.glob(".fine.csv.*"))


def test_a_read_only_place_is_refused_for_real(one, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: every folder is writable")
        assert main(["extract", str(one), "-o", str(locked / "f.csv"), "--no-progress"]) == 2
        assert "Permission denied" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)


def test_output_equal_to_an_input_or_to_errors_is_refused(tmp_path, capsys):
    table = tmp_path / "in.parquet"
    pd.DataFrame({"article_id": list("abc"), "text": [S] * 3}).to_parquet(table)
    assert main(["extract", str(table), "-o", str(table), "--no-progress"]) == 2
    assert "also an input" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "*.parquet"), "-o", str(table), "--no-progress"]) == 2
    assert len(pd.read_parquet(table)) == 3
    assert main(["extract", str(table), "-o", str(tmp_path / "s.csv"), "--errors", str(tmp_path / "s.csv"),
                 "--no-progress"]) == 2
    assert "both name" in capsys.readouterr().err and not (tmp_path / "s.csv").exists()


def test_an_earlier_output_survives_a_failed_start_and_an_output_in_the_input_folder_is_not_read(tmp_path, one):
    out = tmp_path / "f.parquet"
    assert main(["extract", str(one), "-o", str(out), "--no-progress"]) == 0
    before = pd.read_parquet(out)
    assert main(["extract", str(one), "-o", str(out), "-o", str(tmp_path / "nope" / "g.csv"), "--no-progress"]) == 2
    pd.testing.assert_frame_equal(pd.read_parquet(out), before)
    assert main(["extract", str(tmp_path), "-o", str(out), "--no-progress"]) == 0  # f.parquet is in tmp_path
    assert set(pd.read_parquet(out).article_id) == {"one"}


def test_the_same_output_twice_is_written_once(one, tmp_path):
    out = tmp_path / "twice.csv"
    assert main(["extract", str(one), "-o", str(out), "-o", str(out), "--no-progress"]) == 0
    assert len(pd.read_csv(out)) == 2


def test_an_interrupted_run_writes_the_articles_done_as_whole_files(one, tmp_path, monkeypatch, capsys):
    out = tmp_path / "f.parquet"
    out.write_bytes(b"earlier run")

    def interrupt(batch):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "extract_batch", interrupt)
    assert main(["extract", str(one), "-o", str(out), "-o", str(tmp_path / "g.csv"), "--no-progress"]) == 130
    assert len(pd.read_parquet(out)) == 0 and len(pd.read_csv(tmp_path / "g.csv")) == 0  # valid, empty
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.parquet", "g.csv", "one.txt"]  # no temporary file
    assert "interrupted after 0 articles (0 figures)" in capsys.readouterr().err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_mid_run_stops_cleanly_and_writes_whole_outputs(tmp_path, sig):
    body = json.dumps({"text": S * 4, "published": "2024-11-05"})
    with (tmp_path / "long.jsonl").open("w") as handle:
        for i in range(20_000):
            handle.write(body.replace('"text"', f'"article_id": "n{i}", "text"') + "\n")
    outs = [tmp_path / f"out.{ext}" for ext in ("parquet", "csv", "jsonl", "geojson")]
    args = [sys.executable, "-m", "analysis", "extract", str(tmp_path / "long.jsonl"),
            *sum((["-o", str(p)] for p in outs), []), "--batch-size", "50", "--no-progress"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                            start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.endswith(".part") and p.stat().st_size > 20_000
                                             for p in tmp_path.iterdir()):
        time.sleep(0.05)
    os.killpg(proc.pid, sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == (130 if sig == signal.SIGINT else 143), err
    assert "Traceback" not in err and "hold those articles only" in err
    done = int(re.search(r"after (\d+) articles", err).group(1))
    assert 0 < done < 20_000
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["long.jsonl", *(p.name for p in outs)])
    assert pd.read_parquet(outs[0])["article_id"].nunique() == pd.read_csv(outs[1])["article_id"].nunique()
    assert len(json.loads(outs[3].read_text())["features"]) == len(pd.read_parquet(outs[0]))


def test_standard_input_and_output(tmp_path):
    lines = "\n".join(json.dumps({"article_id": f"s{i}", "text": S}) for i in range(3))
    got = run(["extract", "-", "-o", "-", "--no-progress"], input=lines)
    assert got.returncode == 0, got.stderr
    rows = [json.loads(line) for line in got.stdout.splitlines()]
    assert len(rows) == 6 and {r["article_id"] for r in rows} == {"s0", "s1", "s2"}
    assert "articles read: 3" in got.stderr  # the summary stays out of the data
    got = run(["extract", "-", "-o", "-", "--format", "csv", "--no-progress"], input="source: AP\n\n" + S)
    table = pd.read_csv(io.StringIO(got.stdout))
    assert got.returncode == 0 and table.article_id.tolist() == ["stdin", "stdin"] and table.source.iloc[0] == "AP"


def test_format_without_standard_output_and_two_stdouts_are_refused(one, tmp_path, capsys):
    assert main(["extract", str(one), "-o", str(tmp_path / "f.csv"), "--format", "csv"]) == 2
    assert main(["extract", str(one), "-o", "-", "--errors", "-"]) == 2
    assert main(["extract", "-", "-", "-o", "-"]) == 2
    assert main(["extract", "", "-o", str(tmp_path / "f.csv")]) == 2
    assert capsys.readouterr().err.count("error:") == 4


def test_errors_as_geojson_keep_the_errors(one, tmp_path):
    assert main(["extract", str(tmp_path / "missing.txt"), str(one), "-o", str(tmp_path / "f.csv"),
                 "--errors", str(tmp_path / "e.geojson"), "--no-progress"]) == 1
    features = json.loads((tmp_path / "e.geojson").read_text())["features"]
    assert [(f["geometry"], f["properties"]["article_id"]) for f in features] == [(None, "missing")]


def test_a_glob_matching_nothing_exits_non_zero_with_a_message(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nomatch-*.txt"), "-o", str(tmp_path / "f.csv"), "--no-progress"]) == 1
    assert "no file matches this glob" in capsys.readouterr().err


def test_duplicate_ids_are_all_counted(tmp_path, capsys):
    for year, text in (("2024", "Russia lost 5 tanks near Bakhmut."), ("2025", "Nothing with a figure here.")):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(text)
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "f.csv"), "--errors", str(tmp_path / "e.csv"),
                 "--no-progress"]) == 0
    assert pd.read_csv(tmp_path / "e.csv")[["article_id", "stage"]].values.tolist() == [["report-2", "none"]]


def test_a_lone_surrogate_mid_run_loses_nothing(tmp_path):
    with (tmp_path / "mid.jsonl").open("w") as handle:
        for i in range(30):
            handle.write(json.dumps({"article_id": f"m{i}", "text": S}) + "\n")
            if i == 14:
                handle.write('{"article_id": "bad", "text": "12 soldiers were killed \\ud83d."}\n')
    code = main(["extract", str(tmp_path / "mid.jsonl"), "-o", str(tmp_path / "f.parquet"), "--batch-size", "7",
                 "--no-progress"])
    assert code == 0 and pd.read_parquet(tmp_path / "f.parquet").article_id.nunique() == 31


def test_undated_articles_are_listed_but_do_not_fail_the_run(tmp_path, capsys):
    (tmp_path / "far.txt").write_text(f"published: 3000-01-01\n\n{S}")
    with pytest.warns(analysis.PublishedDateWarning):
        code = main(["extract", str(tmp_path / "far.txt"), "-o", str(tmp_path / "f.csv"), "--errors",
                     str(tmp_path / "e.csv"), "--no-progress"])
    assert code == 0 and "undated (published not a date): 1" in capsys.readouterr().out
    assert pd.read_csv(tmp_path / "e.csv").stage.tolist() == ["published"] and len(pd.read_csv(tmp_path / "f.csv"))


def test_progress_knows_its_total_and_is_off_without_a_terminal(tmp_path, monkeypatch):
    for name in "ab":
        (tmp_path / f"{name}.txt").write_text(S)
    pd.DataFrame({"text": [S] * 3}).to_parquet(tmp_path / "c.parquet")
    listing = cli.list_inputs(tmp_path)
    assert cli._total(listing) == 5
    assert cli._total([*listing, *cli.list_inputs(str(tmp_path / "*.txt")), sys.stdin]) is None
    bars = []
    monkeypatch.setattr(cli, "_progress_bar", lambda total: bars.append(total) or None)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    main(["extract", str(tmp_path), "-o", str(tmp_path / "f.csv")])
    assert bars == []
    main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "f.csv"), "--progress"])
    assert bars == [2]


def test_help_is_plain_text_and_version_has_one_source(capsys):
    for args in (["--help"], ["extract", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        text = capsys.readouterr().out
        assert "``" not in text and "war-figures" in text
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.strip() == f"war-figures {analysis.__version__}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "analysis.__version__"}
    got = run(["--version"])
    assert got.stdout.strip() == f"python -m analysis {analysis.__version__}"


def test_war_figures_console_script_and_packaging_metadata():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    module, _, name = project["scripts"]["war-figures"].partition(":")
    assert getattr(__import__(module, fromlist=[name]), name) is main
    assert project["readme"] == "README.md" and project["license"] and len(project["classifiers"]) >= 5
    assert any(d.startswith("ipywidgets") for d in project["optional-dependencies"]["notebooks"])
    assert "ipywidgets" in (ROOT / "environment.yml").read_text()
    for url in project.get("urls", {}).values():
        assert "example" not in url and "your" not in url.lower()

"""Bad input at the reading boundary: each case is a clear error, an errors-table row, or right output."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import analysis
from analysis.extract.articles import PublishedDateWarning, parse_published, replace_surrogates

S = "Officials said 12 soldiers were killed in Kharkiv. "


def test_a_lone_surrogate_is_replaced_and_the_article_kept(tmp_path):
    (tmp_path / "s.jsonl").write_text('{"text": "Officials said 12 soldiers were killed \\ud83d.", "id": "s"}\n'
                                      '{"text": "Officials said 30 soldiers were killed.", "id": "ok"}\n')
    articles = analysis.read_articles(tmp_path / "s.jsonl")
    assert articles.article_id.tolist() == ["s", "ok"] and articles.error.isna().all()
    assert "\ufffd" in articles.text.iloc[0]
    figures = analysis.extract(articles)
    assert sorted(figures.value) == [12.0, 30.0]


def test_a_lone_surrogate_in_a_frame_given_to_extract_does_not_crash():
    frame = pd.DataFrame({"article_id": ["s"], "text": ["12 soldiers were killed \ud83d."], "error": [None]},
                         dtype=object)
    figures, errors = analysis.extract_with_errors(frame)
    assert figures.value.tolist() == [12.0] and errors.empty
    assert replace_surrogates("ok \udc00") == "ok \ufffd" and replace_surrogates("plain") == "plain"


def test_two_report_txt_in_two_folders_are_both_kept_with_unique_ids(tmp_path):
    for year, text in (("2024", "Russia lost 5 tanks."), ("2025", "Nothing here.")):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(text)
    articles = analysis.read_articles(tmp_path)
    assert articles.article_id.tolist() == ["report", "report-2"]
    assert articles.path.str.contains("2025").tolist() == [False, True]


def test_a_repeated_jsonl_id_is_suffixed_and_a_taken_suffix_skipped(tmp_path):
    lines = [{"article_id": "x", "text": "Six died."}, {"article_id": "x-2", "text": "Two died."},
             {"article_id": "x", "text": "Nine died."}, {"article_id": "x", "text": "Four died."}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in lines))
    assert analysis.read_articles(tmp_path / "a.jsonl").article_id.tolist() == ["x", "x-2", "x-3", "x-4"]


def test_jsonl_rows_without_an_id_count_lines_from_one(tmp_path):
    (tmp_path / "ids.jsonl").write_text('null\n{"text": 5}\n{"text": ""}\n{bad\n')
    assert analysis.read_articles(tmp_path / "ids.jsonl").article_id.tolist() == ["ids-1", "ids-2", "ids-3", "ids-4"]


def test_one_malformed_csv_row_is_an_error_row_and_the_rows_after_it_are_read(tmp_path):
    rows = [f'r{i},"Officials said {i + 1} soldiers were killed."' for i in range(300)]
    rows[150] += ",extra"
    (tmp_path / "t.csv").write_text("article_id,text\n" + "\n".join(rows) + "\n")
    articles = analysis.read_articles(tmp_path / "t.csv")
    assert len(articles) == 300 and articles.text.notna().sum() == 299
    bad = articles[articles.error.notna()].iloc[0]
    assert bad.article_id == "t-151" and "3 fields, the header has 2" in bad.error
    assert articles.article_id.iloc[-1] == "r299"
    figures, errors = analysis.extract_with_errors(tmp_path / "t.csv")
    assert errors.article_id.tolist() == ["t-151"] and figures.article_id.nunique() == 299


def test_csv_keeps_quoted_newlines_and_long_texts(tmp_path):
    long = "Six died. " * 20_000  # longer than the csv module's default field limit
    pd.DataFrame({"text": ['He said "12 soldiers\nwere killed."', long]}).to_csv(tmp_path / "q.csv", index=False)
    articles = analysis.read_articles(tmp_path / "q.csv")
    assert articles.text.tolist() == ['He said "12 soldiers\nwere killed."', long] and articles.error.isna().all()


def test_a_json_table_larger_than_one_article_may_be_is_read(tmp_path, monkeypatch):
    from analysis.extract import articles as module

    monkeypatch.setattr(module, "MAX_BYTES", 1_000)  # the 50 MB limit, scaled down
    records = [{"article_id": f"j{i}", "text": S * 5} for i in range(20)]
    records.append({"article_id": "huge", "text": S * 40})
    (tmp_path / "big.json").write_text(json.dumps(records))
    articles = analysis.read_articles(tmp_path / "big.json").set_index("article_id")
    assert len(articles) == 21 and articles.drop("huge").error.isna().all()
    assert "more than the 1,000 one article may have" in articles.loc["huge", "error"]


@pytest.mark.parametrize("value", ["3000-01-01", "1500-06-01", "9999-12-31"])
def test_dates_outside_the_table_are_nat_with_a_warning_and_an_errors_row(tmp_path, value):
    (tmp_path / "ok.txt").write_text(S)
    (tmp_path / "far.txt").write_text(f"published: {value}\n\n{S}")
    with pytest.warns(PublishedDateWarning, match=f"far: published='{value}' is outside"):
        articles = analysis.read_articles(tmp_path).set_index("article_id")
    assert pd.isna(articles.loc["far", "published"]) and articles.loc["far", "text"] == S
    with pytest.warns(PublishedDateWarning, match="far"):
        figures, errors = analysis.extract_with_errors(tmp_path)
    assert errors[["article_id", "stage"]].values.tolist() == [["far", "published"]]
    assert set(figures.article_id) == {"ok", "far"}  # the undated article keeps its figures
    with pytest.raises(ValueError, match="outside the dates a table can hold"):
        analysis.extract_figures(S, published=value)


def test_a_frame_with_a_far_date_is_extracted_undated():
    with pytest.warns(PublishedDateWarning):
        figures, errors = analysis.extract_with_errors(pd.DataFrame({"text": [S], "published": ["3000-01-01"]}))
    assert len(figures) == 1 and figures.published.isna().all() and errors.stage.tolist() == ["published"]


@pytest.mark.parametrize("value", ["yesterday", "today", "3 days ago", "last Tuesday-ish"])
def test_relative_or_unparsed_published_is_not_a_date(tmp_path, value):
    (tmp_path / "rel.txt").write_text(f"published: {value}\n\n{S}")
    with pytest.warns(PublishedDateWarning, match="rel: published="):
        assert analysis.read_articles(tmp_path).published.isna().all()
    with pytest.raises(ValueError, match="published="):
        parse_published(value)


def test_published_errors_reach_the_errors_table_of_a_frame_with_error_column():
    frame = pd.DataFrame({"article_id": ["a"], "text": [S], "published": ["not a date"], "error": [None]})
    with pytest.warns(PublishedDateWarning, match="a: published='not a date' is not a date"):
        figures, errors = analysis.extract_with_errors(frame)
    assert len(figures) == 1 and errors.stage.tolist() == ["published"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # extract() does not call an undated article unreadable
        warnings.simplefilter("ignore", PublishedDateWarning)
        analysis.extract(frame)


def test_a_published_time_with_a_zone_keeps_its_local_day():
    assert parse_published("2024-11-05T08:00:00+09:00") == pd.Timestamp("2024-11-05")
    assert parse_published("2024-11-05T23:30:00-05:00") == pd.Timestamp("2024-11-05")
    figures = analysis.extract_figures("An attack on Tuesday killed 6 people in Kharkiv.",
                                       published="2024-11-05T08:00:00+09:00")
    assert figures.published.iloc[0] == pd.Timestamp("2024-11-05")


def test_fifos_sockets_and_devices_in_a_folder_are_skipped_with_an_error(tmp_path):
    (tmp_path / "ok.txt").write_text(S)
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "socket.txt"))
    sock.close()
    code = (f"import analysis; a = analysis.read_articles([{str(tmp_path)!r}, '/dev/zero'])"
            ".set_index('article_id'); print(a.error.to_dict())")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    errors = eval(run.stdout)  # noqa: S307 - our own printed dict
    assert pd.isna(errors["ok"]) and "not followed" in errors["zero"]  # a link out of the folder
    assert all("not a regular file" in errors[k] for k in ("pipe", "socket", "zero-2")), errors


def test_symlinks_out_of_the_input_folder_are_not_followed(tmp_path):
    outside, tree = tmp_path / "outside", tmp_path / "tree"
    (outside / "nested").mkdir(parents=True)
    tree.mkdir()
    (outside / "secret.txt").write_text("SECRET 500 soldiers were killed.")
    (outside / "nested" / "secret2.txt").write_text("SECRET 7 tanks were lost.")
    (tmp_path / "sibling.txt").write_text("SECRET 9 soldiers were killed.")
    (tree / "own.txt").write_text(S)
    (tree / "inner").mkdir()
    (tree / "inner" / "deep.txt").write_text(S)
    os.symlink(outside / "secret.txt", tree / "link.txt")
    os.symlink(outside / "nested", tree / "linkdir")
    os.symlink("..", tree / "up")
    os.symlink(tree / "inner" / "deep.txt", tree / "alias.txt")  # inside the tree: followed
    articles = analysis.read_articles(tree)
    assert not articles.text.dropna().str.contains("SECRET").any()
    assert set(articles.dropna(subset=["text"]).article_id) == {"own", "deep", "alias"}
    assert articles.error.dropna().str.contains("not followed").sum() == 3


def test_a_folder_deeper_than_path_max_keeps_its_readable_files(tmp_path):
    (tmp_path / "top.txt").write_text(S)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for i in range(18):  # 18 names of 251 characters: past PATH_MAX (4096)
            name = f"{i:02d}" + "d" * 249
            os.mkdir(name, dir_fd=fd)
            new = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = new
    finally:
        os.close(fd)
    articles = analysis.read_articles(tmp_path)
    assert "top" in articles.article_id.tolist()
    assert articles.error.dropna().str.contains("cannot list folder").any()


def test_an_empty_name_is_an_error_not_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stray.txt").write_text(S)
    for src in ("", [""], "  "):
        with pytest.raises(ValueError, match="empty name"):
            analysis.read_articles(src)


def test_a_bytes_path_is_read_like_a_str(tmp_path):
    (tmp_path / "b.txt").write_text(S)
    assert analysis.read_articles(os.fsencode(tmp_path / "b.txt")).article_id.tolist() == ["b"]


def test_a_glob_or_folder_matching_nothing_gets_an_error_row(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.docx").write_text("x")
    rows = analysis.read_articles([str(tmp_path / "nomatch-*.txt"), tmp_path / "empty"])
    assert rows.text.isna().all()
    assert rows.error.tolist() == ["no file matches this glob",
                                   "folder holds no article file (.txt, .md, .html, .htm, .json, .jsonl, .ndjson, "
                                   ".csv, .parquet)"]


def test_an_article_over_the_extraction_limit_is_an_error_row_not_a_long_wait(monkeypatch):
    from analysis.io import runner

    monkeypatch.setattr(runner, "MAX_TEXT_CHARS", 100)
    figures, errors = analysis.extract_with_errors(pd.DataFrame({"text": [S * 3], "article_id": ["long"]}))
    assert figures.empty and "more than the 100 one article may have" in errors.error.iloc[0]

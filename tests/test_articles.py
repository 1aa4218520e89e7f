"""Reading articles: every format, and every bad input gets a row with a clear error, never a traceback."""
from __future__ import annotations

import json
import os

import pandas as pd
import pytest

import analysis
from analysis.schema import ARTICLE_COLUMNS

from .conftest import ROOT


def test_reads_the_bundled_folder_with_headers():
    articles = analysis.read_articles(ROOT / "data/articles")
    assert list(articles.columns) == list(ARTICLE_COLUMNS)
    seed = articles.set_index("article_id").loc["s01"]
    assert (seed.source, seed.published) == ("ABC News", pd.Timestamp("2024-11-05"))
    assert seed.text.startswith("Ukraine’s Defense Minister") and articles.error.isna().all()


def test_accepts_folder_glob_file_list_and_frame(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"source: AP\n\nFive died in {name}.", encoding="utf-8")
    by_folder = analysis.read_articles(tmp_path)
    by_glob = analysis.read_articles(str(tmp_path / "*.txt"))
    by_list = analysis.read_articles([tmp_path / "a.txt", tmp_path / "b.txt"])
    by_file = analysis.read_articles(tmp_path / "a.txt")
    assert by_folder.article_id.tolist() == by_glob.article_id.tolist() == by_list.article_id.tolist() == ["a", "b"]
    assert by_file.article_id.tolist() == ["a"]
    frame = analysis.read_articles(pd.DataFrame({"text": ["Five died."]}))
    assert frame.article_id.iloc[0].startswith("a") and frame.error.isna().all()


def test_text_without_header_is_all_text(tmp_path):
    (tmp_path / "x.txt").write_text("KYIV: Five died.\n\nMore text.", encoding="utf-8")
    row = analysis.read_articles(tmp_path).iloc[0]
    assert row.text == "KYIV: Five died.\n\nMore text." and pd.isna(row.source)


def test_json_jsonl_csv_parquet_tables(tmp_path):
    records = [{"article_id": "x1", "text": "Six died.", "source": "AP", "published": "2024-11-05"},
               {"article_id": "x2", "text": "Two died.", "source": "BBC", "published": "2024-11-06"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(records), encoding="utf-8")
    pd.DataFrame(records).to_csv(tmp_path / "c.csv", index=False)
    pd.DataFrame(records).to_parquet(tmp_path / "d.parquet")
    for name in ("a.jsonl", "b.json", "c.csv", "d.parquet"):
        got = analysis.read_articles(tmp_path / name)
        assert got.article_id.tolist() == ["x1", "x2"], name
        assert got.published.tolist() == [pd.Timestamp("2024-11-05"), pd.Timestamp("2024-11-06")], name


def test_a_jsonl_line_without_text_is_its_own_error_and_the_lines_after_it_are_read(tmp_path):
    lines = [{"article_id": "x1", "text": "Six died."}, {"article_id": "x2", "body": "Two died."},
             {"title": "no id, no text"}, {"article_id": "x4", "text": "Nine died.", "published": "2024-11-05"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    got = analysis.read_articles(tmp_path / "a.jsonl").set_index("article_id")
    assert got.index.tolist() == ["x1", "x2", "a-3", "x4"]
    assert got.loc["x2", "error"].startswith("line 2: no 'text' field; fields are ['article_id', 'body']")
    assert got.loc["a-3", "error"].startswith("line 3: no 'text' field")
    assert got.loc["x4", "text"] == "Nine died." and pd.isna(got.loc["x4", "error"])
    assert got.loc["x4", "published"] == pd.Timestamp("2024-11-05")


def test_html_with_trafilatura_before_2_which_returns_a_dict(tmp_path, monkeypatch):
    import trafilatura

    old_style = {"text": "Five died in Sumy.", "title": "Strike", "sitename": "Example News", "date": "2025-04-13",
                 "url": None, "language": None}
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda html, **options: dict(old_style))
    (tmp_path / "p.html").write_text("<html><body><p>Five died in Sumy.</p></body></html>", encoding="utf-8")
    row = analysis.read_articles(tmp_path).iloc[0]
    assert pd.isna(row.error), row.error
    assert (row.text, row.title, row.source, row.published) == (
        "Five died in Sumy.", "Strike", "Example News", pd.Timestamp("2025-04-13"))


def test_html_main_text_and_metadata(tmp_path):
    page = """<html><head><title>Strike on Sumy</title>
    <meta property="og:site_name" content="Example News"><meta name="date" content="2025-04-13">
    <script>document.write('never run')</script></head><body><nav>Home | World</nav><article><h1>Strike on Sumy</h1>
    <p>A Russian missile strike on the centre of Sumy killed at least 34 people on Sunday, officials said.</p>
    <p>More than 117 people were injured, according to the regional administration, in the attack.</p>
    <p>Rescue work continued through the night as relatives waited near the cordon for news of the missing.</p>
    </article><footer>Copyright</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    row = analysis.read_articles(tmp_path).iloc[0]
    assert pd.isna(row.error), row.error
    assert "killed at least 34 people" in row.text and "Copyright" not in row.text and "never run" not in row.text
    assert row.title == "Strike on Sumy"


@pytest.mark.parametrize(("name", "content", "error"), [
    ("empty.txt", b"", "empty text"),
    ("blank.txt", b"   \n\t\n", "empty text"),
    ("binary.txt", bytes(range(256)) * 10, "binary data"),
    ("broken.jsonl", b'{"text": "ok"}\n{not json', "JSONDecodeError"),
    ("notext.csv", b"title,body\nA,B\n", "no 'text' column"),
    ("bad.html", b"<html><body><div><p></div></span>", "no article text"),
])
def test_bad_file_keeps_its_row_with_the_error(tmp_path, name, content, error):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("Six people died.", encoding="utf-8")
    articles = analysis.read_articles(tmp_path)
    bad = articles[articles.path.str.endswith(name)]
    assert bad.error.str.contains(error, regex=False).any(), bad.error.tolist()
    assert pd.isna(articles.set_index("article_id").loc["good", "error"])


def test_non_utf8_files_are_decoded(tmp_path):
    (tmp_path / "cp1251.txt").write_bytes("Київ: загинули шість людей. Six people were killed.".encode("cp1251"))
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners said six people were killed.".encode("latin-1"))
    articles = analysis.read_articles(tmp_path).set_index("article_id")
    assert articles.error.isna().all()
    assert "Київ" in articles.loc["cp1251", "text"] and "Café" in articles.loc["latin1", "text"]


def test_unreadable_file_in_a_folder_is_reported_and_the_others_parse(tmp_path):
    (tmp_path / "ok.txt").write_text("Six people died.", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("Five died.", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything: make it unreadable another way
            locked.chmod(0o644)
            locked.unlink()
            locked.mkdir()
            (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
        articles = analysis.read_articles(tmp_path).set_index("article_id")
    finally:
        if locked.is_file():
            locked.chmod(0o644)
    assert pd.isna(articles.loc["ok", "error"])
    assert articles.error.notna().sum() >= 1


def test_missing_path_gets_a_row_not_an_exception(tmp_path):
    row = analysis.read_articles(tmp_path / "nope.txt").iloc[0]
    assert row.error == "no such file"


def test_symlink_loop_does_not_hang(tmp_path):
    (tmp_path / "a.txt").write_text("Six died.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert analysis.read_articles(tmp_path).article_id.tolist() == ["a"]


def test_wrong_argument_type_is_a_clear_type_error():
    with pytest.raises(TypeError, match="read_articles"):
        analysis.read_articles(42)


@pytest.mark.parametrize("text", ["", "   \n ", "\x00\x01\x02", "🙂" * 50, "Ω≈ç√∫˜µ≤≥÷ 12 ‮ 34"])
def test_odd_text_gives_a_table_not_a_crash(text):
    figures = analysis.extract_figures(text)
    assert list(figures.columns) == list(analysis.FIGURE_COLUMNS)


def test_bytes_instead_of_text_is_a_clear_type_error():
    with pytest.raises(TypeError, match="decode bytes first"):
        analysis.extract_figures(b"Six people died.")


def test_a_5_mb_article_is_extracted(tmp_path):
    paragraph = "Russian strikes killed 12 civilians in Kharkiv on Monday, the governor said. " * 3 + "\n"
    text = paragraph * (5_000_000 // len(paragraph))
    figures = analysis.extract_figures(text, published="2024-11-05")
    assert len(figures) == 3 * (5_000_000 // len(paragraph))


def test_extract_lists_unreadable_articles_as_errors_and_warns(tmp_path):
    (tmp_path / "ok.txt").write_text("Six people were killed.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    figures, errors = analysis.extract_with_errors(tmp_path)
    assert figures.article_id.unique().tolist() == ["ok"]
    assert errors[["article_id", "stage", "error"]].values.tolist() == [["empty", "read", "empty text"]]
    with pytest.warns(UserWarning, match="1 of the articles"):
        analysis.extract(tmp_path)

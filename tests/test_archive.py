"""Archive input: a JSON Lines, CSV or Parquet file of articles builds the same package as a
folder of the same articles; every row gets a status like a file would."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from builder.archive import compose, read_archive
from builder.build import build
from builder.reading import SeedsError

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "tests" / "fixtures" / "dev_articles"
ROWS = [{"url": f"https://news.example.invalid/an-ninh/{p.stem}.html", "published": "", "title": "",
         "text": p.read_text(encoding="utf-8")} for p in sorted(DEV.glob("d*.txt"))]


def write_archive(path: Path, rows: list[dict]) -> Path:
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["url", "published", "title", "text"])
            w.writeheader()
            w.writerows(rows)
    else:
        pd.DataFrame(rows).to_parquet(path)
    return path


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted(out.glob("*.csv"))}


@pytest.fixture(scope="module")
def folder_package(tmp_path_factory) -> dict[str, pd.DataFrame]:
    root = tmp_path_factory.mktemp("folder")
    build(DEV, root / "pkg", None, timeline=False, stream=io.StringIO(), jobs=1)
    return tables(root / "pkg")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_an_archive_and_a_folder_of_the_same_articles_give_the_same_package(suffix, folder_package, tmp_path):
    archive = write_archive(tmp_path / f"articles{suffix}", ROWS)
    build(archive, tmp_path / "pkg", None, timeline=False, stream=io.StringIO(), jobs=1)
    got = tables(tmp_path / "pkg")
    assert got.keys() == folder_package.keys()
    # only the path and the url differ: a row of the archive, which gives the article's url
    assert got["articles"]["path"].tolist() == [f"articles{suffix}#row={i}" for i in range(1, len(ROWS) + 1)]
    assert got["articles"]["url"].tolist() == [r["url"] for r in ROWS]
    assert set(folder_package["articles"]["url"]) == {""}
    for name, frame in folder_package.items():
        pd.testing.assert_frame_equal(got[name].drop(columns=["path", "url"], errors="ignore"),
                                      frame.drop(columns=["path", "url"], errors="ignore"), obj=name)


def test_an_archive_rows_url_and_title_reach_the_articles_table(tmp_path):
    rows = [{**ROWS[0], "title": "  Hội đàm   giữa hai bộ "}, {**ROWS[1], "url": "", "title": None}]
    archive = write_archive(tmp_path / "two.jsonl", rows)
    build(archive, tmp_path / "pkg", None, timeline=False, stream=io.StringIO(), jobs=1)
    articles = pd.read_csv(tmp_path / "pkg" / "articles.csv", dtype=str, keep_default_na=False)
    assert articles["url"].tolist() == [ROWS[0]["url"], ""]
    assert articles["headline"].tolist() == ["Hội đàm giữa hai bộ", ""]


def test_title_and_date_columns_are_composed_as_a_saved_article_would_hold_them():
    assert compose("Tiêu đề  bài", "2036-03-14T08:00:00+07:00", "Nội dung.") == "Tiêu đề bài\n14/03/2036\nNội dung."
    assert compose("", "2036-03", "Nội dung.") == " date 2036-03\nNội dung."
    assert compose(None, "không rõ", "Nội dung.") == "Nội dung."


def test_every_row_gets_a_status_like_a_file(tmp_path):
    good = ROWS[0]
    archive = tmp_path / "mixed.jsonl"
    archive.write_text("\n".join([
        json.dumps(good, ensure_ascii=False),
        json.dumps({**good, "url": "https://x.invalid/repost.html"}, ensure_ascii=False),
        json.dumps({"url": "https://x.invalid/blank.html", "text": "   "}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://x.invalid/no-text.html", "text": None}),
    ]) + "\n", encoding="utf-8")
    files = read_archive(archive, root=tmp_path)
    got = [(f.article_id, f.status) for f in files]
    assert got == [("d01", "ok"), ("repost", "duplicate"), ("blank", "empty"), ("row-000004", "unreadable"),
                   ("row-000005", "unreadable"), ("no-text", "empty")]
    assert files[1].duplicate_of == "d01"
    assert "not valid JSON" in files[3].reason and "line 4" in files[3].reason
    assert [f.path for f in files][:2] == ["mixed.jsonl#row=1", "mixed.jsonl#row=2"]
    report = build(archive, tmp_path / "pkg", None, timeline=False, stream=io.StringIO(), jobs=1)
    assert {a["article_id"]: a["status"] for a in report["inputs"]} == dict(got)


def test_an_archive_without_a_text_column_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("url,body\nhttps://x.invalid/a,abc\n", encoding="utf-8")
    with pytest.raises(SeedsError, match="no 'text' column"):
        read_archive(path)


def test_the_built_package_validates_its_evidence_against_the_archive(tmp_path):
    from builder.validate import integrity_errors
    archive = write_archive(tmp_path / "articles.jsonl", ROWS)
    build(archive, tmp_path / "pkg", None, timeline=False, stream=io.StringIO(), jobs=1)
    assert integrity_errors(tmp_path / "pkg", tmp_path) == []

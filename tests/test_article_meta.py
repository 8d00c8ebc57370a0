"""The articles table's URL, headline, publisher and `published_source`, from the text, a sidecar
file or a saved HTML page's head."""
from __future__ import annotations

import csv
import shutil

import pytest

from builder.article_meta import published_source
from builder.dates import article_date
from builder.reading import SeedsError
from builder.schema import ARTICLES
from builder.timeline import COLUMNS
from builder.schema import TABLES

from .conftest import SEEDS, build_quietly


@pytest.mark.parametrize("text,expected", [
    (" date 2023-12 Chiều 1/12, tại Hà Nội, Thượng tướng Trần Quốc Tỏ đã tiếp đoàn.", "header"),
    ("Bộ Công an 10/01/2024 21:00\nChiều 10.1.2024, tại Hà Nội, hai Bộ tổ chức Hội nghị.", "date_line"),
    ("Chiều nay tại Hà Nội, Bộ trưởng tiếp đoàn đại biểu.", "none"),
])
def test_published_source_names_where_article_date_was_read(text, expected):
    assert published_source(text, article_date(text)) == expected


def read_articles(package):
    with (package / "articles.csv").open(encoding="utf-8") as f:
        return {r["article_id"]: r for r in csv.DictReader(f)}


def test_seed_articles_say_where_their_date_comes_from(seed_package):
    rows = read_articles(seed_package)
    assert {r["published_source"] for r in rows.values()} <= {"header", "date_line", "body", "none", "sidecar"}
    assert rows["000_7525bd6585515489"]["published_source"] == "header"
    assert rows["004_46b391e76224ec4a"]["published_source"] == "date_line"
    assert rows["003_e7ea5bc0c1cb96e5"]["published_source"] == "none"
    assert rows["003_e7ea5bc0c1cb96e5"]["published"] == ""


def test_sidecar_and_html_head_fill_url_and_headline(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("001_319e9fbe4659c530.txt", "003_e7ea5bc0c1cb96e5.txt"):
        shutil.copy(SEEDS / name, seeds / name)
    body = (SEEDS / "002_45ffcc36dc739fa5.txt").read_text(encoding="utf-8")
    (seeds / "page.html").write_text(
        '<html><head><title>Hội nghị Bộ trưởng lần thứ 7 | Báo Test</title>'
        '<link rel="canonical" href="https://news.test/hoi-nghi-7.html"></head><body>'
        + "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip()) + "</body></html>", encoding="utf-8")
    (seeds / "articles.csv").write_text(
        "article_id,url,headline,publisher,published\n"
        "001_319e9fbe4659c530,https://news.test/a1,Thứ trưởng Trần Quốc Tỏ tiếp đoàn,Báo Test,\n"
        "003_e7ea5bc0c1cb96e5,,,,2016-05-20\n", encoding="utf-8")
    out = tmp_path / "pkg"
    build_quietly(seeds, out)
    rows = read_articles(out)
    assert set(rows) == {"001_319e9fbe4659c530", "003_e7ea5bc0c1cb96e5", "page"}     # the sidecar is no article
    a = rows["001_319e9fbe4659c530"]
    assert (a["url"], a["headline"], a["publisher"]) == ("https://news.test/a1", "Thứ trưởng Trần Quốc Tỏ tiếp đoàn",
                                                         "Báo Test")
    assert a["published_source"] == "header"               # the text's own date is kept
    b = rows["003_e7ea5bc0c1cb96e5"]
    assert (b["published"], b["published_precision"], b["published_source"]) == ("2016-05-20", "day", "sidecar")
    page = rows["page"]
    assert page["url"] == "https://news.test/hoi-nghi-7.html"
    assert page["headline"] == "Hội nghị Bộ trưởng lần thứ 7 | Báo Test"


def test_a_malformed_sidecar_stops_the_build_with_its_line(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "001_319e9fbe4659c530.txt", seeds)
    (seeds / "articles.csv").write_text("article_id,published\n001_319e9fbe4659c530,20/5/2016\n", encoding="utf-8")
    with pytest.raises(SeedsError, match="articles.csv line 2: published '20/5/2016'"):
        build_quietly(seeds, tmp_path / "pkg")


def test_the_timeline_takes_its_columns_from_the_schema():
    assert "published_source" in ARTICLES.columns
    for name, columns in COLUMNS.items():
        assert list(columns) == next(t for t in TABLES if t.name == name).columns

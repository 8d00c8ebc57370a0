"""Per-article metadata for the `articles` table: URL, headline, publisher, and where the article's
date was read (`published_source`). Read from the optional sidecar `seeds/articles.csv`
(article_id,url,headline,publisher,published) and, for saved HTML pages, from the page head.
The release ships these fields instead of the article texts."""
from __future__ import annotations

import csv
import datetime as dt
import html
import re
from pathlib import Path

from .records import DateValue

SIDECAR_NAME = "articles.csv"
SIDECAR_COLUMNS = ("article_id", "url", "headline", "publisher", "published")
_HEADER_LINE = re.compile(r"^\s*date\s", re.IGNORECASE)
_DATELINE_MAX = 80       # a publication line is short; a date inside a long line is running text
_META = {
    "url": (r'<link[^>]+rel=["\']canonical["\'][^>]*href=["\']([^"\']+)',
            r'<meta[^>]+property=["\']og:url["\'][^>]*content=["\']([^"\']+)'),
    "headline": (r'<meta[^>]+property=["\']og:title["\'][^>]*content=["\']([^"\']+)',
                 r"<title[^>]*>(.*?)</title>"),
}


class SidecarError(ValueError):
    pass


def published_source(text: str | None, published: DateValue | None) -> str:
    """header | date_line | body | none, from the span that builder.dates.article_date matched."""
    if not text or published is None or not published.known or published.char_start is None:
        return "none"
    line_start = text.rfind("\n", 0, published.char_start) + 1
    line_end = text.find("\n", published.char_start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if _HEADER_LINE.match(line):
        return "header"
    return "date_line" if len(line.strip()) <= _DATELINE_MAX else "body"


def read_sidecar(seeds_dir: Path) -> dict[str, dict[str, str]]:
    path = Path(seeds_dir) / SIDECAR_NAME
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        unknown = set(reader.fieldnames or ()) - set(SIDECAR_COLUMNS)
        if "article_id" not in (reader.fieldnames or ()) or unknown:
            raise SidecarError(f"{path}: expected the columns {', '.join(SIDECAR_COLUMNS)}"
                               + (f"; unknown: {', '.join(sorted(unknown))}" if unknown else ""))
        out = {}
        for i, row in enumerate(reader, 2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            if row.get("published"):
                try:
                    dt.date.fromisoformat(row["published"])
                except ValueError as e:
                    raise SidecarError(f"{path} line {i}: published {row['published']!r} is not YYYY-MM-DD") from e
            out[row["article_id"]] = row
    return out


def html_head(path: Path) -> dict[str, str]:
    """URL and headline from a saved HTML page's head (canonical link, og: tags, <title>)."""
    if path.suffix.lower() not in (".html", ".htm") or not path.exists():
        return {}
    raw = path.read_bytes()[:200_000].decode("utf-8", errors="replace")
    found = {}
    for key, patterns in _META.items():
        for pattern in patterns:
            m = re.search(pattern, raw, re.IGNORECASE | re.DOTALL)
            if m and m.group(1).strip():
                found[key] = " ".join(html.unescape(m.group(1)).split())
                break
    return found


def enrich(articles: list[dict], texts: dict[str, str | None], dates: dict[str, DateValue],
           seeds_dir: Path, given: dict[str, dict[str, str | None]] | None = None) -> None:
    """Fill url, headline, publisher (when the text names none) and published/published_source.
    `given`: url and headline that came with each article (an archive row's url and title); the
    sidecar file wins over them, they win over a saved page's head."""
    sidecar = read_sidecar(seeds_dir)
    root = Path(seeds_dir).parent
    given = given or {}
    for row in articles:
        aid = row["article_id"]
        side = sidecar.get(aid, {})
        own = given.get(aid, {})
        # a saved page's head only (a path made for every text file was half of this stage)
        head = html_head(root / row["path"]) if row["path"].lower().endswith((".html", ".htm")) else {}
        row["url"] = side.get("url") or own.get("url") or head.get("url") or None
        row["headline"] = side.get("headline") or own.get("headline") or head.get("headline") or None
        row["publisher"] = side.get("publisher") or row.get("publisher") or None
        source = published_source(texts.get(aid), dates.get(aid))
        if source == "none" and side.get("published"):
            day = dt.date.fromisoformat(side["published"])
            row["published"], row["published_precision"], source = day, "day", "sidecar"
        row["published_source"] = source

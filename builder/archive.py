"""Archive input: one JSON Lines, CSV or Parquet file of articles, the shape news crawlers and
archives produce, with columns `url`, `published`, `title` and `text` (only `text` is required;
an `id` column, when present, names the article).

Each row becomes an `InputFile`, as a file in a seeds folder would, with the same statuses
(`empty`, `unreadable`, `duplicate`) and reasons. The row's text is composed as a saved article
would hold it — a ` date YYYY-MM` header when only the month is known, the title, a publication
line `DD/MM/YYYY`, then the text — so that a folder of those files builds the same package.
Its path is `<archive>#row=N` (N counts rows from 1, or lines of a JSON Lines file).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import sys
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Iterator
from urllib.parse import unquote, urlsplit

from .reading import (DEFAULT_MAX_BYTES, SeedsError, _make_ids_unique, _mark_duplicates, _relative, text_key,
                      article_id, decode)
from .records import InputFile

ARCHIVE_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
COLUMNS = ("url", "published", "title", "text")
ROW_MARK = "#row="


def is_archive(path: Path) -> bool:
    return Path(path).suffix.lower() in ARCHIVE_FORMATS


# ------------------------------------------------------------------------------- composing

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})$")


def compose(title: str | None, published: str | None, text: str) -> str:
    """The article as a saved file holds it (see the module docstring)."""
    head, dateline = [], None
    published = (published or "").strip()
    day, month = _DAY.match(published), _MONTH.match(published)
    if day:
        y, m, d = (int(g) for g in day.groups())
        try:
            dateline = dt.date(y, m, d).strftime("%d/%m/%Y")
        except ValueError:
            dateline = None
    elif month:
        head.append(f" date {month.group(1)}-{month.group(2)}")
    if title and title.strip():
        head.append(" ".join(title.split()))
    if dateline:
        head.append(dateline)
    return "\n".join(head + [text]) if head else text


def _as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:     # NaN from a CSV or Parquet null
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)


def _given(value) -> str | None:
    """A metadata cell as one line of text, or None when blank."""
    text = " ".join((_as_text(value) or "").split())
    return text or None


def _id_from(row: dict, number: int) -> str:
    given = _as_text(row.get("id"))
    if given and given.strip():
        return article_id(given.strip())
    url = _as_text(row.get("url"))
    if url:
        name = PurePosixPath(unquote(urlsplit(url.strip()).path)).name
        stem = name.rsplit(".", 1)[0] if "." in name else name
        if stem:
            return article_id(stem)
    return f"row-{number:06d}"


# ---------------------------------------------------------------------------------- reading

def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                yield number, f"line {number} is not valid JSON ({e.msg} at column {e.colno})"
                continue
            yield number, row if isinstance(row, dict) else f"line {number} is not a JSON object"


def _csv_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        if "text" not in (reader.fieldnames or []):
            raise SeedsError(f"archive {path} has no 'text' column (columns: {reader.fieldnames})")
        for number, row in enumerate(reader, 1):
            if None in row:       # more cells than the header names
                yield number, f"row {number} has {len(row) - 1 + len(row[None])} cells for {len(row) - 1} columns"
                continue
            yield number, row


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    import pyarrow.parquet as pq
    try:
        parquet = pq.ParquetFile(path)
    except Exception as e:
        raise SeedsError(f"archive {path} is not a readable Parquet file: {e}") from e
    names = parquet.schema_arrow.names
    if "text" not in names:
        raise SeedsError(f"archive {path} has no 'text' column (columns: {names})")
    wanted = [c for c in ("id",) + COLUMNS if c in names]
    number = 0
    for batch in parquet.iter_batches(columns=wanted, batch_size=2048):
        for row in batch.to_pylist():
            number += 1
            yield number, row


def _rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    kind = ARCHIVE_FORMATS[path.suffix.lower()]
    return {"jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}[kind](path)


def _input(row: dict | str, number: int, path: str, max_bytes: int) -> InputFile:
    if isinstance(row, str):       # the row itself could not be parsed
        return InputFile(path=path, article_id=f"row-{number:06d}", n_bytes=0, sha256="",
                         status="unreadable", reason=row)
    rec = InputFile(path=path, article_id=_id_from(row, number), n_bytes=0, sha256="", status="unreadable",
                    url=_given(row.get("url")), headline=_given(row.get("title")))
    body = _as_text(row.get("text"))
    if body is None or not body.strip():
        rec.status, rec.reason, rec.text = "empty", "row has no text", ""
        return rec
    data = compose(_as_text(row.get("title")), _as_text(row.get("published")), body).encode("utf-8")
    rec.n_bytes, rec.sha256 = len(data), hashlib.sha256(data).hexdigest()
    if len(data) > max_bytes:
        rec.reason = f"row is {len(data):,} bytes, over the {max_bytes:,}-byte limit for one article"
        return rec
    rec.status, rec.reason, rec.encoding, rec.text = decode(data)
    return rec


def read_archive(archive: Path, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[InputFile]:
    """Every row of the archive as an InputFile, ids made unique and duplicates marked."""
    archive = Path(archive)
    if not archive.is_file():
        raise SeedsError(f"archive {archive} is not a file")
    prefix = _relative(archive, root)
    try:
        files = [_input(row, n, f"{prefix}{ROW_MARK}{n}", max_bytes) for n, row in _rows(archive)]
    except (OSError, UnicodeError) as e:
        raise SeedsError(f"cannot read archive {archive}: {e}") from e
    if not files:
        raise SeedsError(f"archive {archive} holds no rows")
    # ids and duplicates are settled in row order: the first row keeps its id and its text
    _make_ids_unique([(Path(f"{f.article_id}{ROW_MARK}{i}"), f) for i, f in enumerate(files)])
    _mark_duplicates(files, [text_key(f) for f in files])
    return files


@lru_cache(maxsize=4)
def _texts(archive: Path) -> dict[str, str]:
    return {f.path.rsplit(ROW_MARK, 1)[1]: f.text or "" for f in read_archive(archive)}


def text_at(path: Path) -> str:
    """The text of the row that `<archive>#row=N` names ('' if there is none)."""
    archive, _, number = str(path).rpartition(ROW_MARK)
    return _texts(Path(archive)).get(number, "")

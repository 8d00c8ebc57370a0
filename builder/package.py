"""Write the data package: CSV and Parquet side by side, the descriptor, the build report and the
timeline, built in a temporary folder and swapped into place only when complete."""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from . import metadata
from .atomic import atomic_directory, atomic_write_text
from .jsontext import dumps_indented
from .schema import TABLES, Table
from .tables import Row, cell

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# "" is how CSV writes a null; frictionless reads Parquet through pandas, where a null integer
# surfaces as NaN (frictionless-py issue 1599), so that spelling is listed too.
MISSING_VALUES = ["", "nan", "NaN"]


def columns_of(table: Table, rows: list[Row]) -> dict[str, list]:
    """The table's values column by column (both formats are written from columns)."""
    return {c: [r.get(c) for r in rows] for c in table.columns}


def csv_bytes(table: Table, rows: list[Row], columns: dict[str, list] | None = None) -> bytes:
    """What `csv.writer(lineterminator="\\n")` writes, made column by column: a row-by-row writer
    took a third of the package stage on 10,000 articles (tests/test_package.py compares the two)."""
    return (csv_header(table) + "".join(csv_lines(table, rows, columns))).encode("utf-8")


def csv_header(table: Table) -> str:
    return ",".join(csv_fields(list(table.columns))) + "\n"


def csv_lines(table: Table, rows: list[Row], columns: dict[str, list] | None = None) -> list[str]:
    """Each row's line of the CSV, its newline included."""
    data = columns if columns is not None else columns_of(table, rows)
    columns = [csv_fields(data[c]) for c in table.columns]
    return [",".join(fields) + "\n" for fields in zip(*columns)]


def csv_fields(values: list) -> list[str]:
    """Each value as a CSV field: `cell`, then quoted as the csv module's minimal quoting does."""
    texts = [v if v.__class__ is str else str(v) if v.__class__ is int else cell(v) for v in values]
    every = "".join(texts)
    if "," not in every and '"' not in every and "\n" not in every and "\r" not in every:
        return texts                # no field needs quotes (most columns): nothing more to do
    return [_quoted(t) if ("," in t or '"' in t or "\n" in t or "\r" in t) else t for t in texts]


def _quoted(text: str) -> str:
    if "\r" in text:               # whether a bare CR is quoted depends on the Python version: ask csv
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow([text])
        return buf.getvalue()[:-1]
    return '"' + text.replace('"', '""') + '"'


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema([pa.field(f.name, f.arrow(), nullable=not f.required) for f in table.fields])


def arrow_table(table: Table, rows: list[Row], columns: dict[str, list] | None = None) -> pa.Table:
    data = columns if columns is not None else columns_of(table, rows)
    return pa.Table.from_arrays([arrow_array(data[f.name], f.arrow()) for f in table.fields],
                                schema=arrow_schema(table))


def parquet_bytes(table: Table, rows: list[Row], columns: dict[str, list] | None = None) -> bytes:
    return parquet_of(arrow_table(table, rows, columns))


def parquet_of(arrow: pa.Table) -> bytes:
    sink = io.BytesIO()
    # no statistics timestamps exist in Parquet; fixed writer options keep the bytes reproducible
    pq.write_table(arrow, sink, compression="zstd", use_dictionary=True, write_statistics=True)
    return sink.getvalue()


_EPOCH = dt.date(1970, 1, 1).toordinal()


def arrow_array(values: list, kind: pa.DataType) -> pa.Array:
    """The values as an Arrow array of the column's type. pyarrow's own conversion of Python lists
    imports pandas (half a second) to ask whether they are pandas'; without pandas loaded the
    array is made from buffers instead (the same array: tests/test_package.py)."""
    if "pandas" in sys.modules:
        return pa.array(values, type=kind)
    return _array_from_buffers(values, kind)


def _array_from_buffers(values: list, kind: pa.DataType) -> pa.Array:
    n = len(values)
    present = [v is not None for v in values]
    nulls = n - sum(present)
    valid = pa.py_buffer(np.packbits(np.array(present, dtype=bool), bitorder="little")) if nulls else None
    if kind == pa.string():
        encoded = [b"" if v is None else v.encode("utf-8") for v in values]
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        if offsets[-1] >= 2 ** 31:
            raise ValueError("a string column over 2 GiB")
        return pa.Array.from_buffers(kind, n, [valid, pa.py_buffer(offsets.astype(np.int32)),
                                               pa.py_buffer(b"".join(encoded))], null_count=nulls)
    if kind == pa.int64():
        data = np.array([0 if v is None else v for v in values], dtype=np.int64)
    elif kind == pa.date32():
        data = np.array([0 if v is None else v.toordinal() - _EPOCH for v in values], dtype=np.int32)
    elif kind == pa.bool_():
        data = np.packbits(np.array([bool(v) for v in values], dtype=bool), bitorder="little")
    else:
        raise TypeError(f"no conversion to {kind}")
    return pa.Array.from_buffers(kind, n, [valid, pa.py_buffer(data)], null_count=nulls)


def _schema_descriptor(table: Table, suffix: str) -> dict:
    d: dict = {"fields": [f.descriptor() for f in table.fields], "missingValues": MISSING_VALUES}
    if table.primary_key:
        d["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        d["foreignKeys"] = [{"fields": list(fields), "reference": {"resource": ref + suffix, "fields": list(rf)}}
                            for fields, ref, rf in table.foreign_keys]
    return d


def descriptor(files: dict[str, bytes], prefix: str, n_articles: int) -> dict:
    resources = []
    for fmt, suffix, media in (("csv", "", "text/csv"), ("parquet", "_parquet", "application/vnd.apache.parquet")):
        for t in TABLES:
            name = f"{t.name}.{fmt}"
            data = files[name]
            res = {"name": t.name + suffix, "type": "table", "path": prefix + name, "format": fmt,
                   "mediatype": media, "title": t.title + (" (Parquet)" if fmt == "parquet" else ""),
                   "description": t.description, "schema": _schema_descriptor(t, suffix)}
            digest = "sha256:" + hashlib.sha256(data).hexdigest()
            if fmt == "csv":
                res["bytes"], res["hash"] = len(data), digest
            else:
                # frictionless cannot count Parquet bytes (it reads through pandas) and would report a
                # byte-count error; the size and hash are kept under names it does not check
                res["x_bytes"], res["x_hash"] = len(data), digest
            if fmt == "csv":
                res["encoding"] = "utf-8"
                res["dialect"] = {"header": True, "delimiter": ","}
            resources.append(res)
    meta = metadata.load()
    # `version` and `created` are absent on purpose: a working build is not a release; `publish`
    # decides both from the data diff and writes them into the released descriptor
    return {
        "$schema": PROFILE,
        "name": meta.name,
        "title": meta.title,
        "description": f"{meta.description} Built from {n_articles} articles. See CODEBOOK.md for the coding rules.",
        "homepage": meta.homepage,
        "keywords": list(meta.keywords),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0 (the extracted data). The source articles "
                               "remain their publishers' and are not relicensed."}],
        "sources": [{"title": "Vietnamese news articles (see the articles table for each file's URL, headline, "
                              "publisher and hash)"}],
        "contributors": [{"title": c.full_name, "roles": ["creator"],
                          **({"path": f"https://orcid.org/{c.orcid}"} if c.orcid else {}),
                          **({"organization": c.affiliation} if c.affiliation else {})} for c in meta.creators],
        "resources": resources,
    }


def write_package(out_dir: Path, rows: dict[str, list[Row]], report: dict, root_descriptor: Path | None,
                  extra=None, check=None, made: dict[str, tuple[bytes, Callable[[], bytes]]] | None = None) -> dict:
    """Write everything into a temporary folder, run `check` on it, then swap it into `out_dir`.

    `extra(tmp_dir)`, called once the CSVs are written, writes more files (the timeline); it may
    return a function that writes them, called after the Parquet files and the descriptor are
    written and checked (the timeline is drawn in another process meanwhile). `check(tmp_dir)` raises to abort the swap; it looks at
    the tables, not at what `extra` writes.
    `made`: a table's CSV bytes already made (by builder/rebuild.py), and a function that gives its
    Parquet bytes (called once the timeline has been started); its rows are not read.
    Returns the root descriptor (paths relative to the repository) when one is written.
    """
    made = made or {}
    n_articles = len(rows["articles"])
    columns = {t.name: columns_of(t, rows[t.name]) for t in TABLES if t.name not in made}
    files: dict[str, bytes] = {}
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with atomic_directory(out_dir) as tmp:
        for t in TABLES:
            files[f"{t.name}.csv"] = made[t.name][0] if t.name in made else csv_bytes(t, rows[t.name], columns[t.name])
            (tmp / f"{t.name}.csv").write_bytes(files[f"{t.name}.csv"])
        wait = extra(tmp) if extra else None
        try:
            for t in TABLES:
                files[f"{t.name}.parquet"] = made[t.name][1]() if t.name in made else parquet_bytes(
                    t, rows[t.name], columns[t.name])
                (tmp / f"{t.name}.parquet").write_bytes(files[f"{t.name}.parquet"])
            inner = descriptor(files, "", n_articles)
            (tmp / "datapackage.json").write_text(json.dumps(inner, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
            (tmp / "build_report.json").write_text(dumps_indented(report) + "\n",
                                                   encoding="utf-8")
            if check:
                check(tmp)
        except BaseException:
            if callable(wait):
                with contextlib.suppress(Exception):   # the first error is the one to report
                    wait()
            raise
        if callable(wait):
            wait()
    outer = None
    if root_descriptor is not None:
        prefix = Path(out_dir).resolve().relative_to(root_descriptor.parent.resolve()).as_posix() + "/"
        outer = descriptor(files, prefix, n_articles)
        atomic_write_text(root_descriptor, json.dumps(outer, ensure_ascii=False, indent=2) + "\n")
    return outer or inner


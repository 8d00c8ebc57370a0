"""The release's DuckDB database: every table loaded by DuckDB from the package's Parquet files,
with primary and foreign keys and the schema's descriptions as comments, and the views a reader
wants first. Tables, keys and comments all come from builder/schema.py."""
from __future__ import annotations

from pathlib import Path

from .schema import TABLES, Table

SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "boolean": "BOOLEAN", "date": "DATE"}
# Storage format 1.0 (readable by every DuckDB since 1.0) also writes no random database
# identifier, so the same data gives the same bytes and a release is reproducible.
STORAGE_VERSION = "v1.0.0"

VIEWS: dict[str, tuple[str, str]] = {
    "event_persons": (
        "One row per event × person (participants has one per article): the most senior role any "
        "article gives, the first title written, and how many articles name the person there.",
        """
        SELECT p.event_id, p.person_id, any_value(s.name_vi) AS name_vi,
               coalesce(any_value(p.country), any_value(s.country)) AS country,
               arg_min(p.role, CASE p.role WHEN 'co_chair' THEN 0 WHEN 'head_of_delegation' THEN 1
                                           WHEN 'host' THEN 2 ELSE 3 END) AS role,
               arg_min(p.title_vi, p.article_id) FILTER (WHERE p.title_vi IS NOT NULL) AS title_vi,
               count(DISTINCT p.article_id) AS n_articles,
               string_agg(DISTINCT p.article_id, '|' ORDER BY p.article_id) AS article_ids
        FROM participants p JOIN persons s USING (person_id)
        GROUP BY p.event_id, p.person_id
        """),
    "event_topics": (
        "One row per event × topic, with how many articles name the topic for the event.",
        """
        SELECT event_id, topic, count(DISTINCT article_id) AS n_articles
        FROM topics GROUP BY event_id, topic
        """),
    "meetings": (
        "Who met whom and when: one row per event × Vietnamese participant × Chinese participant.",
        """
        SELECT e.event_id, e.date_start, e.date_end, e.date_precision, e.event_type, e.status,
               e.title_en, e.location_city, e.host_country,
               vn.person_id AS vn_person_id, vn.name_vi AS vn_name, vn.role AS vn_role, vn.title_vi AS vn_title,
               cn.person_id AS cn_person_id, cn.name_vi AS cn_name, s.name_en AS cn_name_en,
               cn.role AS cn_role, cn.title_vi AS cn_title
        FROM events e
        JOIN event_persons vn ON vn.event_id = e.event_id AND vn.country = 'VN'
        JOIN event_persons cn ON cn.event_id = e.event_id AND cn.country = 'CN'
        LEFT JOIN persons s ON s.person_id = cn.person_id
        """),
    "document_signatories": (
        "Documents with their event and the names of their signatories.",
        """
        SELECT d.document_id, d.doc_type, d.title_vi, d.title_en, d.date_signed, d.date_precision, d.count,
               d.event_id, e.title_en AS event_title_en, e.date_start AS event_date,
               d.signatory_vn, vn.name_vi AS signatory_vn_name,
               d.signatory_cn, cn.name_vi AS signatory_cn_name, cn.name_en AS signatory_cn_name_en,
               d.article_id, d.evidence
        FROM documents d
        JOIN events e ON e.event_id = d.event_id
        LEFT JOIN persons vn ON vn.person_id = d.signatory_vn
        LEFT JOIN persons cn ON cn.person_id = d.signatory_cn
        """),
}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(table: Table) -> str:
    cols = [f'"{f.name}" {SQL_TYPES[f.type]}' + (" NOT NULL" if f.required else "") for f in table.fields]
    if table.primary_key:
        cols.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for fields, ref, ref_fields in table.foreign_keys:
        cols.append(f"FOREIGN KEY ({', '.join(fields)}) REFERENCES {ref} ({', '.join(ref_fields)})")
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(cols) + "\n)"


def write_database(parquet_dir: Path, out: Path) -> None:
    """Build `out` from `<parquet_dir>/<table>.parquet`; referenced tables are loaded first."""
    import duckdb

    out = Path(out)
    if out.exists():
        out.unlink()
    con = duckdb.connect()
    try:
        con.execute("SET threads = 1")          # one writer thread: blocks land in one order
        # DuckDB's dictionary/FSST compressors gave different bytes for the same data from run to
        # run (measured: 3 different files in 6 runs); uncompressed columns are identical every
        # time, and the zip around the release compresses them anyway
        con.execute("SET force_compression = 'uncompressed'")
        con.execute(f"ATTACH {_quote(str(out))} AS release (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute("USE release")
        for table in TABLES:
            con.execute(create_table_sql(table))
            columns = ", ".join(f'"{c}"' for c in table.columns)
            source = _quote(str(Path(parquet_dir) / f"{table.name}.parquet"))
            con.execute(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM read_parquet({source})")
            con.execute(f"COMMENT ON TABLE {table.name} IS {_quote(table.description)}")
            for f in table.fields:
                con.execute(f'COMMENT ON COLUMN {table.name}."{f.name}" IS {_quote(f.description)}')
        for name, (description, sql) in VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
            con.execute(f"COMMENT ON VIEW {name} IS {_quote(description)}")
        con.execute("CHECKPOINT release")
        con.execute("USE memory")
        con.execute("DETACH release")
    finally:
        con.close()

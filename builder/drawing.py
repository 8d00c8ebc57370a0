"""The timeline of a build: kept from a build before, or drawn in a second process from the
figure's tables in memory, started as soon as they are known (while this one writes the
articles table, the Parquet files and the descriptor), or drawn in place with one process.

    drawing = Drawing.start(rows, arrows, made, cache_dir, jobs)   once the tables are made
    drawing.place(package_dir / "timeline.html", while_waiting)     when the package is written

The page is the same bytes whichever way it was made (tests/test_incremental.py): the figure is a
pure function of the figure tables' CSV text (timeline_memo.key_of_tables).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from . import timeline_memo
from .package import csv_bytes
from .schema import FIGURE_TABLES, TABLES
from .tables import cell
from .workers import in_background

_TABLE = {t.name: t for t in TABLES}


class Drawing:
    def __init__(self, page: bytes | None, columns: Callable, cache_dir: Path | None, key: str | None,
                 waiting: Callable | None):
        self.page, self.columns, self.cache_dir, self.key, self.waiting = page, columns, cache_dir, key, waiting

    @classmethod
    def start(cls, rows: dict[str, list[dict]], arrows: dict, made: dict | None, cache_dir: Path | None,
              jobs: int) -> "Drawing":
        """`rows`: tables by name (those not in `made`); `arrows`, `made`: the event tables a
        rebuild made (their Arrow tables; their CSV bytes first in each pair)."""
        def columns():
            return figure_columns(rows, arrows)
        key = page = waiting = None
        if cache_dir is not None:
            csvs = {name: made[name][0] if made and name in made else csv_bytes(_TABLE[name], rows[name])
                    for name in FIGURE_TABLES}
            key = timeline_memo.key_of_tables(csvs)
            page = timeline_memo.kept_page(cache_dir, key)   # the same figure tables as a build before
        if page is None and jobs > 1:
            waiting = in_background(draw, columns, cache_dir, what="drawing the timeline")
        return cls(page, columns, cache_dir, key, waiting)

    def place(self, dest: Path, while_waiting: Callable[[], None] | None = None) -> None:
        """Write the page to `dest`, drawing it or waiting for it first; `while_waiting()` runs
        meanwhile. A page drawn is kept in the cache folder for the next build."""
        drawn = self.page is None
        if while_waiting:
            while_waiting()
        if self.waiting is not None:
            self.page = self.waiting()
        elif self.page is None:
            self.page, leftover = draw(self.columns, self.cache_dir)
            if leftover:
                leftover()
        Path(dest).write_bytes(self.page)
        if drawn and self.key is not None:
            timeline_memo.keep(self.cache_dir, self.key, self.page)


def draw(columns: Callable, cache_dir: Path | None) -> tuple[bytes, Callable | None]:
    """The page, and what is left to do once it is drawn (keeping the events' memo), or None."""
    from .timeline import to_html
    memo = timeline_memo.load_events(cache_dir) if cache_dir is not None else None
    page = to_html(columns(), memo).encode("utf-8")
    if cache_dir is None:
        return page, None
    return page, lambda: timeline_memo.keep_events(cache_dir, memo)


def figure_columns(rows: dict[str, list[dict]], arrows: dict) -> dict[str, dict[str, list[str]]]:
    """The figure's tables as their CSVs hold them, taken from memory (parsing the CSVs again
    took 0.15 s of a 10,000-article rebuild): the event tables a rebuild made from their Arrow
    tables, the others from their rows; every value as `tables.cell` writes it."""
    import pyarrow as pa

    from .timeline import used_columns

    def text(column) -> list[str]:     # (pyarrow.compute would do it, but takes 0.1 s to import)
        values = column.to_pylist()
        if column.type == pa.string():
            return ["" if v is None else v for v in values]
        return [cell(v) for v in values]

    found = {}
    for name in FIGURE_TABLES:
        if name in arrows:
            found[name] = {c: text(arrows[name].column(c)) for c in used_columns(name)}
        else:
            found[name] = {c: [cell(r.get(c)) for r in rows[name]] for c in used_columns(name)}
    return found

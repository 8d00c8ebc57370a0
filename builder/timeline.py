"""Interactive timeline of the events: one self-contained, offline, reproducible HTML page.

Lanes (the y axis) are the kinds of meeting; time runs along x. Each dated event gets exactly one
marker point (so a reader, and a test, can count events); multi-day events also get a bar from
start to end, and events whose date is only known to the month or year, or is inferred, get a
translucent span over the whole interval the text allows and a hollow marker in its middle: the
figure never shows a day the sources do not give. Events without any date cannot be placed on a
time axis; they are counted and listed in a box above the plot.

    build_figure(tables) -> plotly Figure      tables: {"events": df, "participants": df, ...}
    write_timeline(tables, path)               offline HTML, byte-identical across runs
    load_tables(package_dir)                   the CSVs of a built package, typed (pandas)
    read_columns(package_dir)                  the same CSVs as columns of text, without pandas

A table may be a pandas DataFrame or a mapping of column name to list of values; both give the
same figure. The build draws from text columns (builder/drawing.py) and a plain-dict figure, so
that a rebuild whose events changed neither imports pandas nor runs Plotly's validation (together
1.5 s on 10,000 articles); `build_figure` validates that same dict with Plotly, and the tests hold
the two equal. A memo of hover texts spares a rebuild formatting the events that did not change.

Colour is the host country (legend entries toggle a whole host group); a diamond marks a planned
event (and its bar or span is dashed). Series events carry their ordinal ("8th") on the marker.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import math
import sys
import textwrap
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Union

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

    Table = Union[pd.DataFrame, Mapping[str, list]]

from builder.schema import TABLES
from builder.vocabulary import (
    COUNTRIES,
    DATE_BASES,
    DATE_PRECISIONS,
    DOCUMENT_TYPES,
    EVENT_TYPES,
    MENTIONS,
    PARTICIPANT_ROLES,
    SERIES,
    STATUSES,
    Code,
)

DIV_ID = "vn-cn-security-timeline"
TITLE = "Viet Nam – China public-security cooperation: meetings over time"
NOTE = ("Data: CC BY 4.0; source articles remain their publishers'. "
        "Extracted from Vietnamese news; each row traces to a sentence.")
TABLE_NAMES = ("events", "event_sources", "participants", "persons", "documents", "articles")

# Columns and types of each table come from the schema module, the one source of truth; a missing
# table is read as an empty frame with those columns.
COLUMNS: dict[str, tuple[str, ...]] = {t.name: tuple(t.columns) for t in TABLES if t.name in TABLE_NAMES}
_TYPES = {f.name: f.type for t in TABLES for f in t.fields}
_INT_COLUMNS = {name for name, kind in _TYPES.items() if kind == "integer"}
_BOOL_COLUMNS = {name for name, kind in _TYPES.items() if kind == "boolean"}
_DATE_COLUMNS = {name for name, kind in _TYPES.items() if kind == "date"}


def _label(vocabulary: tuple[Code, ...], code: str, default: str = "") -> str:
    for c in vocabulary:
        if c.code == code:
            return c.label
    return default or code


# --------------------------------------------------------------------------------------------
# Lanes, hosts, styles

def _lanes() -> list[tuple[str, str]]:
    """(key, label) top to bottom: the two series, then the other kinds of meeting."""
    lanes = [(f"series:{s.code}", s.label) for s in SERIES]
    for t in EVENT_TYPES:
        label = f"{t.label} (other)" if t.code == "conference" else t.label
        lanes.append((f"type:{t.code}", label))
    return lanes


LANES = _lanes()
_LANE_INDEX = {key: i for i, (key, _) in enumerate(LANES)}

HOSTS: tuple[tuple[str, str, str], ...] = tuple(
    [(c.code, c.label, colour) for c, colour in zip(COUNTRIES, ("#c62828", "#1565c0"))]
    + [("", "unknown", "#6d6d6d")]
)
_HOST_COLOUR = {code: colour for code, _, colour in HOSTS}
_STATUS_ORDER = [s.code for s in STATUSES]            # held, planned


def _host_name(host: str, status: str) -> str:
    """Legend name: the host country's label, e.g. "Viet Nam", "China, planned", "unknown"."""
    name = dict((c, l) for c, l, _ in HOSTS).get(host, "unknown")
    return f"{name}, planned" if status == "planned" else name


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


# --------------------------------------------------------------------------------------------
# Small value helpers (tables may come from the builder, typed, or from CSV, all strings)

def _missing(value: Any) -> bool:
    """None, NaN, or pandas' NA / NaT (which only exist when pandas is loaded)."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    pd = sys.modules.get("pandas")
    if pd is None:
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _s(value: Any) -> str:
    if isinstance(value, str):          # most cells: no need to ask pandas whether text is missing
        return value.strip()
    if _missing(value):
        return ""
    return str(value).strip()


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) and _missing(value):
        return None
    if isinstance(value, dt.datetime):      # also a pandas Timestamp
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _s(value)
    if not text:
        return None
    try:
        if len(text) == 4:
            return dt.date(int(text), 1, 1)
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    text = _s(value)
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if math.isfinite(number) else None


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return _s(value).lower() in ("true", "1", "yes", "t")


# The columns the figure reads from each table; the long evidence columns of participants and
# sources are left out, they made up most of the cells.
_USED_COLUMNS = {
    "events": ("event_id", "event_type", "title_en", "title_vi", "series", "series_number",
               "series_number_inferred", "date_start", "date_end", "date_precision", "date_basis",
               "date_text", "location_city", "location_country", "host_country", "status"),
    "participants": ("event_id", "person_id", "name_vi", "rank_vi", "title_vi", "organization_vi", "role",
                     "country"),
    "documents": ("event_id", "document_id", "title_vi", "title_en", "doc_type", "count"),
    "event_sources": ("event_id", "article_id", "mention"),
    "persons": ("person_id", "name_vi", "name_en", "country"),
}


_JOINED = ("participants", "documents", "event_sources")
# Separators of the text an event's memo digest is taken of: cells, rows, tables.
_CELL, _ROW, _TABLE = "\x1f", "\x1e", "\x1d"


class _Columns:
    """The columns a table gives the figure; rows are made on demand, as `to_dict("records")`
    would give them (a missing nullable value becomes None)."""

    def __init__(self, tables: Mapping[str, Table], name: str):
        self.names, self.columns = _columns(tables, name)
        self.n = len(self.columns[0]) if self.columns else 0

    def column(self, name: str) -> list:
        """The column's values; None for each row when the table lacks it."""
        return self.columns[self.names.index(name)] if name in self.names else [None] * self.n

    def row(self, i: int) -> dict[str, Any]:
        return dict(zip(self.names, [c[i] for c in self.columns]))

    def texts(self) -> list[str] | None:
        """Each row's cells joined by _CELL; None unless every cell is text without a separator."""
        try:
            joined = [_CELL.join(values) for values in zip(*self.columns)] if self.columns else []
        except TypeError:                   # a cell that is not text (a DataFrame's)
            return None
        whole = "".join(joined)
        if whole.count(_CELL) != self.n * (len(self.names) - 1) or _ROW in whole or _TABLE in whole:
            return None
        return joined


def _columns(tables: Mapping[str, Table], name: str) -> tuple[list[str], list[list]]:
    frame = tables.get(name)
    if frame is None:
        return [], []
    if hasattr(frame, "columns"):       # a DataFrame
        if len(frame) == 0:
            return [], []
        pd = sys.modules["pandas"]
        names = [c for c in frame.columns if c in _USED_COLUMNS.get(name, frame.columns)]
        # what DataFrame.to_dict("records") gives (a missing nullable value becomes None), column by
        # column instead of cell by cell: that call took half the timeline's time on 10,000 articles
        columns = [[None if v is pd.NA else v for v in frame[c].tolist()] for c in names]
    else:                               # column name -> values
        names = [c for c in frame if c in _USED_COLUMNS.get(name, frame)]
        columns = [list(frame[c]) for c in names]
    return names, columns


def ordinal(n: int) -> str:
    """English ordinal: 1st 2nd 3rd 4th … 11th 12th 13th … 21st 22nd 23rd … 111th 112th."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------------------------
# Dates as precise as they really are

def _day(d: dt.date) -> str:
    return f"{d.day} {d:%b} {d.year}"


def _is_year_span(a: dt.date, b: dt.date) -> bool:
    return a.month == 1 and a.day == 1 and b.month == 12 and b.day == 31


def _is_month_span(a: dt.date, b: dt.date) -> bool:
    return a.day == 1 and (b + dt.timedelta(days=1)).day == 1


def _bound(d: dt.date, kind: str) -> str:
    if kind == "year":
        return str(d.year)
    if kind == "month":
        return f"{d:%b} {d.year}"
    return _day(d)


def _bounds(start: Any, end: Any) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day as dates, in order; a missing one is the other (both None: undated)."""
    a, b = _date(start), _date(end)
    if a is None:
        a = b
    if b is None:
        b = a
    if a is not None and b < a:
        a, b = b, a
    return a, b


def format_date(start: Any, end: Any, precision: str, basis: str = "", status: str = "") -> str:
    """The date as precise as the source makes it, e.g. "11–15 Apr 2023", "Sep 2023",
    "2033 (planned)", "between 2014 and 2018 (inferred)", "undated"."""
    a, b = _bounds(start, end)
    flags: list[str] = []
    if a is None or b is None:
        text = "undated"
    elif precision == "day":
        if a == b:
            text = _day(a)
        elif (a.year, a.month) == (b.year, b.month):
            text = f"{a.day}–{b.day} {b:%b} {b.year}"
        elif a.year == b.year:
            text = f"{a.day} {a:%b} – {_day(b)}"
        else:
            text = f"{_day(a)} – {_day(b)}"
    elif precision == "month":
        if (a.year, a.month) == (b.year, b.month):
            text = f"{a:%b} {a.year}"
        elif a.year == b.year:
            text = f"{a:%b}–{b:%b} {b.year}"
        else:
            text = f"{a:%b} {a.year} – {b:%b} {b.year}"
    elif precision == "year":
        text = str(a.year) if a.year == b.year else f"{a.year}–{b.year}"
    else:  # unknown precision that still carries bounds
        kind = "year" if _is_year_span(a, b) else "month" if _is_month_span(a, b) else "day"
        lo, hi = _bound(a, kind), _bound(b, kind)
        text = f"some time in {lo}" if lo == hi else f"between {lo} and {hi}"
    if basis == "inferred":
        flags.append("inferred")
    if status == "planned":
        flags.append("planned")
    if flags:
        text += f" ({', '.join(flags)})"
    return text


# --------------------------------------------------------------------------------------------
# Events, joined to their participants, documents and sources

def _lane_of(event_type: str, series: str) -> int:
    if series and f"series:{series}" in _LANE_INDEX:
        return _LANE_INDEX[f"series:{series}"]
    return _LANE_INDEX.get(f"type:{event_type}", _LANE_INDEX["type:other"])


_ROLE_ORDER = {c.code: i for i, c in enumerate(PARTICIPANT_ROLES)}
_COUNTRY_ORDER = {c.code: i for i, c in enumerate(COUNTRIES)}
_MAX_PARTICIPANTS, _MAX_DOCUMENTS, _MAX_SOURCES, _MAX_UNDATED = 10, 6, 8, 6
_WRAP = 52           # hover lines, characters: a hover label must fit a 390 px phone


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


_INDENT = "   "


def wrap_lines(text: str) -> list[str]:
    """`textwrap.wrap(text, width=_WRAP, subsequent_indent=_INDENT) or [""]`. Plain text (single
    spaces, no hyphen textwrap could break at, no word wider than a line) is packed greedily
    here, which is what textwrap does with it at a tenth of the cost; anything else goes to textwrap."""
    if text.strip() == text and text.isprintable() and "-" not in text and "  " not in text:
        words = text.split(" ")
        if max(map(len, words)) <= _WRAP - len(_INDENT):
            lines, line, width = [], words[0], _WRAP
            for word in words[1:]:
                if len(line) + 1 + len(word) <= width:
                    line += " " + word
                else:
                    lines.append(line)
                    line, width = _INDENT + word, _WRAP
            lines.append(line)
            return lines
    return textwrap.wrap(text, width=_WRAP, subsequent_indent=_INDENT) or [""]


@lru_cache(maxsize=1 << 16)    # place, host and people lines recur across thousands of events
def _wrapped(text: str, indent: str = "") -> str:
    lines = wrap_lines(text)
    return "<br>".join(indent + _esc(line) if i == 0 else _esc(line) for i, line in enumerate(lines))


def _field(heading: str, value: str) -> str:
    """"Heading: value", wrapped to the hover width, the heading in bold."""
    text = _wrapped(f"{heading}: {value}")
    return f"<b>{_esc(heading)}:</b>" + text[len(_esc(heading)) + 1:]


def _participant_lines(participants: list[dict], persons: dict[str, dict]) -> list[str]:
    seen: dict[str, tuple] = {}
    for p in participants:
        person = persons.get(_s(p.get("person_id")), {})
        name_vi = _s(person.get("name_vi")) or _s(p.get("name_vi"))
        key = _s(p.get("person_id")) or name_vi
        if not key:
            continue
        name_en = _s(person.get("name_en"))
        name = name_vi if not name_en or name_en == name_vi else f"{name_vi} ({name_en})"
        title = ", ".join(x for x in (_s(p.get("rank_vi")), _s(p.get("title_vi"))) if x)
        if not title:
            title = _s(p.get("organization_vi"))
        role = _s(p.get("role"))
        country = _s(p.get("country")) or _s(person.get("country"))
        rank = (_ROLE_ORDER.get(role, 99), _COUNTRY_ORDER.get(country, 9), name, title)
        if key not in seen or rank < seen[key][0]:
            seen[key] = (rank, name, title, role, country)
    lines = []
    for _, name, title, role, country in sorted(seen.values()):
        text = name + (f" — {title}" if title else "")
        extra = [x for x in (country, _label(PARTICIPANT_ROLES, role).lower() if role else "") if x]
        if extra:
            text += f" [{', '.join(extra)}]"
        lines.append(text)
    return lines


def _document_lines(documents: list[dict]) -> list[str]:
    rows = sorted(documents, key=lambda d: (_s(d.get("document_id")), _s(d.get("title_vi"))))
    lines = []
    for d in rows:
        title = _s(d.get("title_en")) or _s(d.get("title_vi")) or _label(DOCUMENT_TYPES, _s(d.get("doc_type")))
        kind = _label(DOCUMENT_TYPES, _s(d.get("doc_type"))) if _s(d.get("doc_type")) else ""
        count = _int(d.get("count"))
        text = (f"{count} × " if count and count > 1 else "") + title
        if kind and kind.lower() not in title.lower():
            text += f" ({kind.lower()})"
        lines.append(text)
    return lines


def _source_lines(sources: list[dict]) -> list[str]:
    mention_order = {c.code: i for i, c in enumerate(MENTIONS)}
    pairs = sorted({(_s(s.get("article_id")), _s(s.get("mention"))) for s in sources
                    if _s(s.get("article_id"))},
                   key=lambda p: (mention_order.get(p[1], 9), p[0]))
    return [f"{a} ({_label(MENTIONS, m).lower()})" if m else a for a, m in pairs]


def _capped(lines: list[str], cap: int) -> list[str]:
    if len(lines) <= cap:
        return lines
    return lines[:cap] + [f"… and {len(lines) - cap} more"]


def prepare_events(tables: Mapping[str, Table], memo: dict[bytes, str] | None = None) -> list[dict[str, Any]]:
    """One dict per event, sorted by date then event_id, with everything the figure shows.

    `memo`, when given, maps a digest of an event's inputs (its row, its participants',
    documents' and sources' rows, and the persons they name) to the hover text made from them
    before; it is not made again (hover texts took most of a redrawing). It is
    updated in place to hold this drawing's events only. Tables whose cells are not all text
    (`load_tables` types them) are drawn without it.
    """
    table = {name: _Columns(tables, name) for name in ("events", *_JOINED, "persons")}
    by_event: dict[str, dict[str, list[int]]] = {}
    for name in _JOINED:
        for i, event_id in enumerate(table[name].column("event_id")):
            event_id = event_id.strip() if isinstance(event_id, str) else _s(event_id)
            by_event.setdefault(event_id, {}).setdefault(name, []).append(i)
    person_index = {_s(p): i for i, p in enumerate(table["persons"].column("person_id")) if _s(p)}
    participant_ids = table["participants"].column("person_id")
    texts = {name: t.texts() for name, t in table.items()} if memo is not None else {}
    if any(t is None for t in texts.values()):
        memo = None
    person_rows: dict[str, dict] = {}

    def person(i: str) -> dict:
        if i not in person_rows:
            person_rows[i] = table["persons"].row(person_index[i])
        return person_rows[i]

    events, made = [], {}
    for i, event_id in enumerate(table["events"].column("event_id")):
        joined = by_event.get(_s(event_id), {})
        named = sorted({_s(participant_ids[j]) for j in joined.get("participants", ())})
        key = None
        if memo is not None:
            # everything the hover text is made of, as text; no cell holds a separator (_Columns.texts)
            parts = [texts["events"][i]]
            parts += [_ROW.join([texts[name][j] for j in joined.get(name, ())]) for name in _JOINED]
            parts.append(_ROW.join([texts["persons"][person_index[n]] if n in person_index else n
                                    for n in named]))
            key = hashlib.blake2b(_TABLE.join(parts).encode("utf-8"), digest_size=16).digest()
        e = _prepare_event(table["events"].row(i))
        hover = memo.get(key) if memo is not None else None
        if hover is None:
            hover = _hover(e, {name: [table[name].row(j) for j in joined.get(name, ())] for name in _JOINED},
                           {n: person(n) for n in named if n in person_index})
        e["hover"] = hover
        if key is not None:
            made[key] = hover
        events.append(e)
    if memo is not None:
        memo.clear()
        memo.update(made)
    events.sort(key=lambda e: (e["start"] or dt.date.max, e["end"] or dt.date.max, e["event_id"]))
    return events


def _prepare_event(row: dict[str, Any]) -> dict[str, Any]:
    """The figure's dict for one event row, but for its hover text."""
    event_id = _s(row.get("event_id"))
    start, end = _bounds(row.get("date_start"), row.get("date_end"))
    precision = _s(row.get("date_precision")) or ("unknown" if start is None else "day")
    basis, status = _s(row.get("date_basis")), _s(row.get("status")) or "held"
    event_type, series = _s(row.get("event_type")), _s(row.get("series"))
    number = _int(row.get("series_number"))
    host = _s(row.get("host_country"))
    host = host if host in _HOST_COLOUR else ""
    e = {
        "event_id": event_id, "event_type": event_type, "series": series,
        "series_number": number, "series_number_inferred": _bool(row.get("series_number_inferred")),
        "title_en": _s(row.get("title_en")), "title_vi": _s(row.get("title_vi")),
        "start": start, "end": end, "precision": precision, "basis": basis, "status": status,
        "date_text": _s(row.get("date_text")),
        "city": _s(row.get("location_city")), "country": _s(row.get("location_country")),
        "host": host, "lane": _lane_of(event_type, series),
        "label": ordinal(number) if series and number is not None else "",
        "dated": start is not None,
        "uncertain": start is not None and (precision != "day" or basis == "inferred"),
        "multi_day": start is not None and precision == "day" and basis != "inferred" and end > start,
    }
    return e


def _hover(e: dict[str, Any], joined: dict[str, list[dict]], persons: dict[str, dict]) -> str:
    """The event's hover text, from its dict, its joined rows and the persons they name."""
    title = e["title_en"] or e["title_vi"] or e["event_id"]
    parts = [f"<b>{_wrapped(title)}</b>"]
    if e["title_vi"] and e["title_vi"] != title:
        parts.append(f"<i>{_wrapped(e['title_vi'])}</i>")
    kind = _label(SERIES, e["series"]) if e["series"] else _label(EVENT_TYPES, e["event_type"], "Other")
    if e["label"]:
        kind += f", {e['label']}" + (" (number inferred)" if e["series_number_inferred"] else "")
    parts.append(_esc(kind))
    parts.append(_field("Date", format_date(e["start"], e["end"], e["precision"], e["basis"], e["status"])))
    if e["dated"]:
        about = _label(DATE_PRECISIONS, e["precision"]).lower()
        if e["basis"] and e["basis"] != "inferred":
            about += f"; {_label(DATE_BASES, e['basis']).lower()}"
        parts.append(_field("Precision", about))
    if e["date_text"]:
        parts.append(_field("As written", e["date_text"]))
    country = _label(COUNTRIES, e["country"]) if e["country"] else ""
    parts.append(_field("Place", ", ".join(x for x in (e["city"], country) if x) or "not stated"))
    host = _label(COUNTRIES, e["host"]) if e["host"] else "unknown"
    parts.append(_field("Host", f"{host} · Status: {_label(STATUSES, e['status']).lower()}"))
    for heading, lines, cap in (
            ("Participants", _participant_lines(joined.get("participants", []), persons), _MAX_PARTICIPANTS),
            ("Documents signed", _document_lines(joined.get("documents", [])), _MAX_DOCUMENTS),
            ("Sources", _source_lines(joined.get("event_sources", [])), _MAX_SOURCES)):
        if not lines:
            continue
        if heading == "Sources":
            parts.append(_field(heading, ", ".join(_capped(lines, cap))))
        else:
            parts.append(f"<b>{heading}:</b><br>" + "<br>".join(
                _wrapped(line, " • ") for line in _capped(lines, cap)))
    parts.append(f"<span style='color:#777'>{_esc(e['event_id'])}</span>")
    return "<br>".join(parts)


# --------------------------------------------------------------------------------------------
# Layout of points within a lane: overlapping events go to separate sub-rows

# Sub-rows of a lane (lanes are 1 apart): one row sits on the lane's centre line; several rows
# spread from _ROW_TOP to _ROW_BOTTOM, leaving the top of the lane free for its label on phones.
_ROW_TOP, _ROW_BOTTOM = -0.12, 0.3
_MAX_ROWS = 4


def _x_interval(e: dict[str, Any]) -> tuple[dt.datetime, dt.datetime]:
    """From the start of the first day to the end of the last (asked for 20,000 times)."""
    if "interval" not in e:
        e["interval"] = (dt.datetime.combine(e["start"], dt.time()),
                         dt.datetime.combine(e["end"], dt.time()) + dt.timedelta(days=1))
    return e["interval"]


def _assign_rows(events: list[dict[str, Any]]) -> None:
    dated = [e for e in events if e["dated"]]
    if not dated:
        return
    lo = min(_x_interval(e)[0] for e in dated)
    hi = max(_x_interval(e)[1] for e in dated)
    pad = max(hi - lo, dt.timedelta(days=30)) * 0.035     # about a marker and its label at ~1000 px
    for lane in range(len(LANES)):
        members = [e for e in dated if e["lane"] == lane]
        row_end: list[dt.datetime] = []
        for e in members:                                  # already sorted by date, event_id
            start, end = _x_interval(e)
            mid = start + (end - start) / 2
            left, right = (start, end) if e["uncertain"] or e["multi_day"] else (mid - pad, mid + pad)
            left, right = min(left, mid - pad), max(right, mid + pad)
            free = [i for i, last in enumerate(row_end) if last <= left]
            if free:
                row = free[0]
            elif len(row_end) < _MAX_ROWS:
                row = len(row_end)
                row_end.append(right)
            else:
                row = min(range(len(row_end)), key=lambda i: (row_end[i], i))
            row_end[row] = max(row_end[row], right)
            e["row"] = row
        n_rows = len(row_end)
        for e in members:
            if n_rows <= 1:
                e["y"] = float(lane)
            else:
                step = (_ROW_BOTTOM - _ROW_TOP) / (n_rows - 1)
                e["y"] = round(lane + _ROW_TOP + e["row"] * step, 4)


# --------------------------------------------------------------------------------------------
# The figure

def _iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t.hour or t.minute else t.strftime("%Y-%m-%d")


def _segments(events: list[dict[str, Any]]) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for e in events:
        start, end = _x_interval(e)
        xs += [_iso(start), _iso(end), None]
        ys += [e["y"], e["y"], None]
    return xs, ys


def _wrap_label(text: str, width: int = 24) -> str:
    return "<br>".join(textwrap.wrap(text, width=width)) or text


def undated_text(events: list[dict[str, Any]], width: int = 110, cap: int = _MAX_UNDATED) -> str:
    """The box listing the events that have no date at all (count, then up to `cap` of them)."""
    undated = [e for e in events if not e["dated"]]
    if not undated:
        return ""
    items = []
    for e in undated[:cap]:
        title = e["title_en"] or e["title_vi"] or e["event_id"]
        if len(title) > 90:
            title = title[:89].rstrip() + "…"
        kind = _label(SERIES, e["series"]) if e["series"] else _label(EVENT_TYPES, e["event_type"], "Other")
        host = _label(COUNTRIES, e["host"]) if e["host"] else "host unknown"
        status = ", planned" if e["status"] == "planned" else ""
        items.append(f"{title} ({kind.lower()}, {host}{status})")
    if len(undated) > cap:
        items.append(f"… and {len(undated) - cap} more (see events.csv)")
    lines = []
    for item in items:
        wrapped = textwrap.wrap(item, width=width, subsequent_indent="   ")
        lines.append("• " + "<br>".join(_esc(w) for w in wrapped))
    return (f"<b>Undated ({len(undated)}):</b> not placed on the time axis<br>" + "<br>".join(lines))


KEY = ("● day known   ━ multi-day   ○ on a shaded span: only the month or year is known, or the "
       "date is inferred; the span is the interval the sources allow   ◆ planned")

_RS_THICKNESS = 0.08       # range slider height, a fraction of the plot height


def _layout_variant(events: list[dict[str, Any]], compact: bool) -> dict[str, Any]:
    """Layout properties that differ between a wide screen and a phone.

    The figure is built with the wide variant; a small script in the page relayouts to the compact
    one when the plot is narrower than 700 px (and back). Everything is placed in pixels from the
    plot area's edges, so nothing depends on the window height.
    """
    line_px = 14 if compact else 15
    undated = undated_text(events, width=54 if compact else 150, cap=4 if compact else _MAX_UNDATED)
    undated_px = (undated.count("<br>") + 1) * line_px + 10 if undated else 0
    key_lines = textwrap.wrap(KEY, width=62 if compact else 220)
    note_lines = textwrap.wrap(NOTE, width=64 if compact else 220)
    title_lines = textwrap.wrap(TITLE, width=44 if compact else 200)
    title_px = (19 if compact else 23) * len(title_lines) + 4
    key_px = line_px * len(key_lines)
    undated_gap = undated_px + 8 if undated else 0
    top = (34 if compact else 10) + title_px + 8 + key_px + 6 + undated_gap + 4
    legend_rows = 3 if compact else 1
    note_px = line_px * len(note_lines)
    # below the plot: tick labels, range slider (proportional), axis title, note, legend
    below_slider = 34 + 38          # tick labels and axis title, in px beyond the slider itself
    slider_px = 45 if compact else 42
    bottom = below_slider + slider_px + note_px + 10 + 22 * legend_rows + 4
    return {
        "margin.t": top, "margin.b": bottom,
        "margin.l": 10 if compact else 200, "margin.r": 10 if compact else 24,
        "title.text": "<b>" + "<br>".join(_esc(x) for x in title_lines) + "</b>",
        # a multi-line title is anchored on its first line: lift it by the lines below that
        "title.pad.b": 8 + key_px + 6 + undated_gap + (len(title_lines) - 1) * (19 if compact else 23),
        "title.font.size": 15 if compact else 19,
        "yaxis.showticklabels": not compact,
        "yaxis.title.text": "" if compact else "Kind of meeting",
        "font.size": 11 if compact else 12,
        "legend.font.size": 11 if compact else 12,
        "hoverlabel.font.size": 11 if compact else 12,
        "legend.title.text": "Host:" if compact else "Host country (click to hide/show):",
        "legend.entrywidth": 0.45 if compact else 0,
        "legend.entrywidthmode": "fraction" if compact else "pixels",
        # 0: key, 1: note, 2: undated box, 3…: lane labels (shown on phones instead of tick labels)
        "annotations[0].text": "<br>".join(_esc(x) for x in key_lines),
        "annotations[0].yshift": 6 + undated_gap,
        "annotations[1].text": "<br>".join(_esc(x) for x in note_lines),
        "annotations[1].yshift": -below_slider,
        "annotations[2].text": undated or " ",
        "annotations[2].font.size": 10 if compact else 11,
        **{f"annotations[{3 + i}].visible": compact for i in range(len(LANES))},
    }


def build_figure(tables: Mapping[str, Table]) -> go.Figure:
    """The timeline figure (wide layout) for the tables keyed by name (events, participants, …),
    validated by Plotly."""
    import plotly.graph_objects as go

    return go.Figure(figure_dict(tables))


def figure_dict(tables: Mapping[str, Table]) -> dict[str, Any]:
    """The figure as the plain dict Plotly serialises ({"data": [...], "layout": {...}})."""
    return _build(tables)[0]


def _scatter(**properties: Any) -> dict[str, Any]:
    """A scatter trace as a validated `go.Scatter(...).to_plotly_json()` gives it: the keys in
    alphabetical order at every level, then its type. Building the dict directly spares
    validating arrays of thousands of points (tests/test_timeline.py holds the two equal)."""
    def ordered(value: Any) -> Any:
        return {k: ordered(value[k]) for k in sorted(value)} if isinstance(value, dict) else value
    return {**ordered(_pruned(properties)), "type": "scatter"}


def _build(tables: Mapping[str, Table], memo: dict[bytes, str] | None = None
           ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    events = prepare_events(tables, memo)
    _assign_rows(events)
    dated = [e for e in events if e["dated"]]
    n_undated = len(events) - len(dated)

    traces: list[dict[str, Any]] = []
    # 1. translucent spans over uncertain intervals; 2. bars for multi-day events; 3. one marker
    # per dated event. Spans and bars take no hover and draw no `.point`; only markers do.
    for kind in ("span", "bar"):
        for host, _, colour in HOSTS:
            for status in _STATUS_ORDER:
                members = [e for e in dated if e["host"] == host and e["status"] == status
                           and (e["uncertain"] if kind == "span" else e["multi_day"])]
                if not members:
                    continue
                xs, ys = _segments(members)
                traces.append(_scatter(
                    x=xs, y=ys, mode="lines", name=f"{_host_name(host, status)} — "
                    + ("uncertain date span" if kind == "span" else "multi-day"),
                    legendgroup=host or "unknown", showlegend=False, hoverinfo="skip",
                    line=dict(color=_rgba(colour, 0.2 if kind == "span" else 0.85),
                              width=15 if kind == "span" else 7,
                              dash="10px,6px" if status == "planned" else "solid"),
                    meta={"role": kind},
                ))
    for host, _, colour in HOSTS:
        for status in _STATUS_ORDER:
            members = [e for e in dated if e["host"] == host and e["status"] == status]
            if not members:
                continue
            xs, symbols = [], []
            for e in members:
                start, end = _x_interval(e)
                xs.append(_iso(start + (end - start) / 2))
                shape = "diamond" if status == "planned" else "circle"
                symbols.append(shape + ("-open" if e["uncertain"] else ""))
            traces.append(_scatter(
                x=xs, y=[e["y"] for e in members], mode="markers+text",
                name=_host_name(host, status), legendgroup=host or "unknown", showlegend=False,
                marker=dict(color=colour, symbol=symbols, size=13 if status == "planned" else 12,
                            line=dict(color="white", width=1.5)),
                text=[e["label"] for e in members], textposition="middle right",
                textfont=dict(size=11, color="#222"),
                hovertext=[e["hover"] for e in members], hoverinfo="text",
                hoverlabel=dict(bordercolor=colour),
                customdata=[e["event_id"] for e in members],
                cliponaxis=False, meta={"role": "marker"},
            ))

    # Legend entries: one per host and status, drawn from no data (so they add no `.point`);
    # clicking one shows or hides the host's whole group.
    for host, _, colour in HOSTS:
        for status in _STATUS_ORDER:
            if any(e["host"] == host and e["status"] == status for e in dated):
                traces.append(_scatter(
                    x=[None], y=[None], mode="markers", name=_host_name(host, status),
                    legendgroup=host or "unknown", showlegend=True, hoverinfo="skip",
                    marker=dict(color=colour, size=11, symbol="diamond" if status == "planned" else "circle"),
                    meta={"role": "legend"},
                ))

    n_lanes = len(LANES)
    annotations = [
        dict(name="key", xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom",
             showarrow=False, align="left", font=dict(size=11, color="#444")),
        dict(name="note", xref="paper", yref="paper", x=0, y=-_RS_THICKNESS, xanchor="left",
             yanchor="top", showarrow=False, align="left", font=dict(size=11, color="#555")),
        dict(name="undated", xref="paper", yref="paper", x=0, y=1, yshift=6, xanchor="left",
             yanchor="bottom", showarrow=False, align="left", visible=bool(n_undated),
             bgcolor="#fff8e1", bordercolor="#c9a227", borderwidth=1, borderpad=4,
             font=dict(color="#333")),
    ]
    for i, (_, label) in enumerate(LANES):
        annotations.append(dict(name=f"lane-{i}", text=_esc(label), xref="paper", yref="y", x=0,
                                y=i - 0.5, xanchor="left", yanchor="top", showarrow=False,
                                font=dict(size=9, color="#555"), bgcolor="rgba(255,255,255,0.75)"))
    shapes = [dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=i - 0.5, y1=i + 0.5,
                   fillcolor="#f2f4f7" if i % 2 == 0 else "rgba(0,0,0,0)", line=dict(width=0),
                   layer="below") for i in range(n_lanes)]

    x_range = None
    if dated:
        lo = min(_x_interval(e)[0] for e in dated)
        hi = max(_x_interval(e)[1] for e in dated)
        pad = max((hi - lo) * 0.04, dt.timedelta(days=45))
        x_range = [_iso(lo - pad), _iso(hi + pad)]

    layout = _pruned(dict(
        template=_template(),
        title=dict(x=0, xref="paper", xanchor="left", y=1, yref="paper", yanchor="bottom"),
        font=dict(family="Arial, 'Noto Sans', 'DejaVu Sans', sans-serif", color="#222"),
        autosize=True, paper_bgcolor="white", plot_bgcolor="white",
        margin=dict(autoexpand=False),
        xaxis=dict(type="date", title=dict(text="Date of the meeting (as precise as the sources allow)",
                                          standoff=4),
                   range=x_range, autorange=x_range is None, showgrid=True, gridcolor="#e3e6ea",
                   rangeslider=dict(visible=True, thickness=_RS_THICKNESS, bgcolor="#fafafa",
                                    bordercolor="#ccc", borderwidth=1, range=x_range),
                   ticks="outside", automargin=False),
        yaxis=dict(title=dict(font=dict(size=13, color="#444"), standoff=10), tickmode="array", tickvals=list(range(n_lanes)),
                   ticktext=[_wrap_label(label) for _, label in LANES], range=[n_lanes - 0.5, -0.5],
                   autorange=False, fixedrange=True, showgrid=False, zeroline=False,
                   ticklabelstandoff=6, automargin=False),
        legend=dict(orientation="h", xanchor="left", x=0, yref="container", yanchor="bottom", y=0,
                    traceorder="normal",
                    itemclick="toggle", itemdoubleclick="toggleothers", groupclick="togglegroup"),
        hovermode="closest", hoverdistance=30,
        hoverlabel=dict(bgcolor="white", align="left", font=dict(size=12, color="#222"), namelength=0),
        annotations=annotations, shapes=shapes, dragmode="zoom",
        meta={"n_events": len(events), "n_dated": len(dated), "n_undated": n_undated},
    ))
    for path, value in _layout_variant(events, compact=False).items():
        _set_path(layout, path, value)
    return {"data": traces, "layout": layout}, events


@lru_cache(maxsize=1)
def _template() -> dict[str, Any]:
    """Plotly's "plotly_white" template as the figure JSON holds it. Read from Plotly's own file:
    naming it in a layout made Plotly validate it, which imported some 280 modules (0.35 s)."""
    import plotly

    return json.loads((Path(plotly.__file__).parent / "package_data" / "templates" / "plotly_white.json")
                      .read_text(encoding="utf-8"))


def _pruned(tree: dict[str, Any]) -> dict[str, Any]:
    """The properties that are set: a None value means "not set" to Plotly, as to go.Figure."""
    return {k: _pruned(v) if isinstance(v, dict) else v for k, v in tree.items() if v is not None}


def _set_path(tree: dict[str, Any], path: str, value: Any) -> None:
    """`fig.layout[path] = value` on a plain dict: "margin.t", "annotations[2].font.size"."""
    *parents, last = path.split(".")
    for part in parents:
        name, _, index = part.partition("[")
        tree = tree[name][int(index[:-1])] if index else tree.setdefault(name, {})
    tree[last] = value


# --------------------------------------------------------------------------------------------
# The page

_CONFIG = {
    "responsive": True, "displaylogo": False, "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"filename": "vn-cn-security-timeline", "format": "png", "scale": 2},
}

_COMPACT_SCRIPT = """
var gd = document.getElementById('{plot_id}');
var wide = %s, compact = %s, state = false;  // the figure is drawn wide
function fit() {
  var narrow = gd.offsetWidth < 700;
  if (narrow === state) { return Promise.resolve(); }
  state = narrow;
  return Plotly.relayout(gd, narrow ? compact : wide);
}
fit().then(function () { gd.setAttribute('data-timeline-ready', '1'); });
window.addEventListener('resize', function () { fit(); });
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>
html, body { margin: 0; padding: 0; background: #fff; }
.timeline { height: 100vh; min-height: 540px; width: 100%%; }
noscript { display: block; padding: 1em; font-family: sans-serif; }
</style>
</head>
<body>
<noscript>This timeline needs JavaScript; the same data are in events.csv.</noscript>
<div class="timeline">
%s
</div>
</body>
</html>
"""


def to_html(tables: Mapping[str, Table], memo: dict[bytes, str] | None = None) -> str:
    """The page; `memo` as for `prepare_events`."""
    import plotly.io as pio

    fig, events = _build(tables, memo)
    wide, compact = _layout_variant(events, False), _layout_variant(events, True)
    script = _COMPACT_SCRIPT % (json.dumps(wide, sort_keys=True, ensure_ascii=False),
                                json.dumps(compact, sort_keys=True, ensure_ascii=False))
    div = pio.to_html(fig, full_html=False, include_plotlyjs=True, include_mathjax=False, div_id=DIV_ID,
                      config=_CONFIG, default_width="100%", default_height="100%",
                      post_script=script, validate=False)
    return _PAGE % (_esc(TITLE), div)


def write_timeline(tables: Mapping[str, Table], path: Path, memo: dict[bytes, str] | None = None) -> None:
    """Write the timeline as one self-contained offline HTML file (same bytes for the same data)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_html(tables, memo).encode("utf-8"))


# --------------------------------------------------------------------------------------------
# Reading a built package

def _package_folder(package_dir: Path) -> Path:
    package_dir = Path(package_dir)
    if not (package_dir / "events.csv").exists() and (package_dir / "datapackage" / "events.csv").exists():
        return package_dir / "datapackage"
    return package_dir


def used_columns(name: str) -> list[str]:
    """The columns of a table the figure reads, in the table's order."""
    return [c for c in COLUMNS[name] if c in _USED_COLUMNS.get(name, COLUMNS[name])]


def read_columns(package_dir: Path, names: Iterable[str] = TABLE_NAMES) -> dict[str, dict[str, list[str]]]:
    """The CSVs of a built package as {table: {column: [text, ...]}}, every cell text ("" for
    missing), only the columns the figure reads. pyarrow's multithreaded CSV reader: the
    participants' evidence column alone is most of 15 MB on 10,000 articles."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    package_dir = _package_folder(package_dir)
    tables: dict[str, dict[str, list[str]]] = {}
    for name in names:
        wanted = used_columns(name)
        path = package_dir / f"{name}.csv"
        if not path.exists():
            tables[name] = {c: [] for c in wanted}
            continue
        table = pa_csv.read_csv(
            path, parse_options=pa_csv.ParseOptions(newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                include_columns=wanted, include_missing_columns=True, strings_can_be_null=False,
                column_types={c: pa.string() for c in wanted}))
        tables[name] = {c: table.column(c).to_pylist() for c in wanted}
    return tables


def load_tables(package_dir: Path, names: Iterable[str] = TABLE_NAMES) -> dict[str, pd.DataFrame]:
    """Read the CSVs of a built package (the `datapackage/` directory, or the directory holding it).

    Every cell is read as text (`""` for missing), then integers become nullable Int64, booleans
    nullable booleans and dates pandas datetimes (NaT when empty). A table whose CSV is missing
    comes back empty with the contract's columns.
    """
    import pandas as pd

    package_dir = _package_folder(package_dir)
    tables: dict[str, pd.DataFrame] = {}
    for name in names:
        path = package_dir / f"{name}.csv"
        if path.exists():
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        else:
            frame = pd.DataFrame({c: pd.Series(dtype=str) for c in COLUMNS[name]})
        for column in frame.columns:
            if column in _INT_COLUMNS:
                frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("Int64")
            elif column in _BOOL_COLUMNS:
                frame[column] = frame[column].map(
                    lambda v: pd.NA if v == "" else v.strip().lower() in ("true", "1")).astype("boolean")
            elif column in _DATE_COLUMNS:
                frame[column] = pd.to_datetime(frame[column].map(_pad_date), errors="coerce", format="%Y-%m-%d")
        tables[name] = frame
    return tables


@lru_cache(maxsize=1 << 14)     # a few thousand distinct dates in tens of thousands of cells
def _pad_date(value: str) -> str:
    d = _date(value)
    return d.isoformat() if d else ""


def main(argv: Iterable[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write the interactive timeline of a built package.")
    parser.add_argument("package_dir", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(list(argv) if argv is not None else None)
    write_timeline(load_tables(args.package_dir), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

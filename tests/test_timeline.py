"""The interactive timeline, without a browser: the figure's content, dates, hover text, ordering,
reproducible HTML and reading a built package's CSVs."""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from builder import timeline
from builder.timeline import (
    DIV_ID, LANES, NOTE, build_figure, format_date, load_tables, ordinal, prepare_events,
    write_timeline,
)
from builder.vocabulary import COUNTRIES, DATE_PRECISIONS, EVENT_TYPES, SERIES
from .timeline_fixture import dated_event_ids, synthetic_tables, timeline_tables, undated_titles

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tables():
    return timeline_tables()


@pytest.fixture(scope="module")
def fig(tables):
    return build_figure(tables)


def role(trace) -> str:
    return (trace.meta or {}).get("role", "")


def markers(fig: go.Figure) -> list:
    return [t for t in fig.data if role(t) == "marker"]


def marker_points(fig: go.Figure) -> dict[str, dict]:
    """event_id -> {x, y, symbol, text, hover, trace} for every marker point."""
    points = {}
    for t in markers(fig):
        for i, event_id in enumerate(t.customdata):
            assert event_id not in points, f"{event_id} drawn twice"
            symbol = t.marker.symbol[i] if isinstance(t.marker.symbol, (list, tuple)) else t.marker.symbol
            points[event_id] = dict(x=t.x[i], y=t.y[i], symbol=symbol, text=t.text[i],
                                    hover=t.hovertext[i], trace=t)
    return points


def segments(fig: go.Figure, kind: str) -> list[tuple[str, str, float, str]]:
    out = []
    for t in fig.data:
        if role(t) != kind:
            continue
        for i in range(0, len(t.x), 3):
            out.append((t.x[i], t.x[i + 1], t.y[i], t.name))
    return out


def flat(hover: str) -> str:
    """Hover text as read: lines joined, wrapped lines rejoined, markup dropped."""
    return re.sub(r"<[^>]+>", "", hover.replace("<br>   ", " ").replace("<br>", " "))


def annotation(fig: go.Figure, name: str):
    return next(a for a in fig.layout.annotations if a.name == name)


# ---------------------------------------------------------------------------------------------
# Ordinals and dates

@pytest.mark.parametrize("n, expected", [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (5, "5th"), (8, "8th"), (10, "10th"),
    (11, "11th"), (12, "12th"), (13, "13th"), (14, "14th"), (20, "20th"), (21, "21st"),
    (22, "22nd"), (23, "23rd"), (24, "24th"), (101, "101st"), (111, "111th"), (112, "112th"),
    (113, "113th"), (122, "122nd"),
])
def test_ordinal(n, expected):
    assert ordinal(n) == expected


@pytest.mark.parametrize("start, end, precision, basis, status, expected", [
    ("2032-07-12", "2032-07-12", "day", "stated", "held", "12 Jul 2032"),
    ("2023-09-01", "2023-09-30", "month", "stated", "held", "Sep 2023"),
    ("2023-04-11", "2023-04-15", "day", "stated", "held", "11–15 Apr 2023"),
    ("2031-12-28", "2032-01-02", "day", "stated", "held", "28 Dec 2031 – 2 Jan 2032"),
    ("2023-04-28", "2023-05-02", "day", "stated", "held", "28 Apr – 2 May 2023"),
    ("2033-01-01", "2033-12-31", "year", "stated", "planned", "2033 (planned)"),
    ("2014-01-01", "2018-12-31", "unknown", "inferred", "held", "between 2014 and 2018 (inferred)"),
    ("2014-03-01", "2014-05-31", "unknown", "inferred", "held", "between Mar 2014 and May 2014 (inferred)"),
    ("2023-12-01", "2024-01-31", "month", "stated", "held", "Dec 2023 – Jan 2024"),
    ("2023-09-01", "2023-10-31", "month", "article_date", "held", "Sep–Oct 2023"),
    ("2016-01-01", "2017-12-31", "year", "stated", "held", "2016–2017"),
    ("", "", "unknown", "", "held", "undated"),
    ("", "", "unknown", "", "planned", "undated (planned)"),
    ("2032-07-12", "", "day", "stated", "planned", "12 Jul 2032 (planned)"),
])
def test_format_date(start, end, precision, basis, status, expected):
    assert format_date(start, end, precision, basis, status) == expected


def test_format_date_accepts_typed_values():
    assert format_date(pd.Timestamp("2023-04-11"), pd.Timestamp("2023-04-15"), "day") == "11–15 Apr 2023"
    assert format_date(pd.NaT, None, "unknown") == "undated"


# ---------------------------------------------------------------------------------------------
# What the figure shows

def test_one_lane_per_kind_of_meeting(fig):
    series_labels = [s.label for s in SERIES]
    type_labels = [t.label for t in EVENT_TYPES]
    labels = [label for _, label in LANES]
    assert labels[:2] == series_labels
    assert len(labels) == len(SERIES) + len(EVENT_TYPES)
    for t in EVENT_TYPES:       # every event type has its lane, labelled from the vocabulary
        assert any(label.startswith(t.label) for label in labels[2:])
    assert [l.replace("<br>", " ") for l in fig.layout.yaxis.ticktext] == labels
    assert list(fig.layout.yaxis.tickvals) == list(range(len(LANES)))
    assert all(label in labels for label in type_labels if label != "Conference")


def test_events_sit_in_their_lanes(fig):
    points = marker_points(fig)
    lane = {key: i for i, (key, _) in enumerate(LANES)}
    expect = {
        "evt-2023-09-crime-prevention-conference-8": lane["series:crime_prevention_conference"],
        "evt-2024-01-10-political-security-dialogue-1": lane["series:political_security_dialogue"],
        "evt-2023-04-11-visit-deputy-minister-china": lane["type:visit"],
        "evt-2023-12-01-reception-politics-law-commission": lane["type:reception"],
        "evt-2025-06-19-talks-lao-cai-yunnan": lane["type:talks"],
        "evt-2023-12-leaders-visit": lane["type:leaders_visit"],
    }
    for event_id, i in expect.items():
        assert abs(points[event_id]["y"] - i) < 0.5, event_id


def test_one_marker_per_dated_event_and_undated_listed(fig, tables):
    points = marker_points(fig)
    assert sorted(points) == dated_event_ids(tables)
    assert sum(len(t.x) for t in markers(fig)) == len(dated_event_ids(tables))
    box = annotation(fig, "undated")
    assert box.visible is not False
    titles = undated_titles(tables)
    assert f"Undated ({len(titles)})" in box.text
    for title in titles:
        assert title in box.text
    # legend-only traces carry no points
    for t in fig.data:
        if role(t) == "legend":
            assert list(t.x) == [None]
    assert fig.layout.meta["n_undated"] == len(titles)
    assert fig.layout.meta["n_dated"] + fig.layout.meta["n_undated"] == len(tables["events"])


def test_uncertain_dates_are_spans_with_hollow_markers(fig):
    points = marker_points(fig)
    spans = {(a, b) for a, b, _, _ in segments(fig, "span")}
    # month precision: the whole month, marker hollow, mid-month; never a false exact day in hover
    eighth = points["evt-2023-09-crime-prevention-conference-8"]
    assert eighth["symbol"] == "circle-open"
    assert ("2023-09-01", "2023-10-01") in spans
    assert eighth["x"].startswith("2023-09-1")
    assert "Sep 2023" in eighth["hover"] and "1 Sep" not in eighth["hover"]
    # inferred interval 2014–2018
    fifth = points["evt-2014-crime-prevention-conference-5"]
    assert fifth["symbol"] == "circle-open"
    assert ("2014-01-01", "2019-01-01") in spans
    assert "between 2014 and 2018 (inferred)" in fifth["hover"]
    # year precision, planned: hollow diamond, dashed span
    ninth = points["evt-2026-crime-prevention-conference-9"]
    assert ninth["symbol"] == "diamond-open"
    assert ("2026-01-01", "2027-01-01") in spans
    assert "2026 (planned)" in ninth["hover"]
    planned_spans = [t for t in fig.data if role(t) == "span" and t.name.endswith("uncertain date span")
                     and "planned" in t.name]
    assert planned_spans and all(t.line.dash != "solid" for t in planned_spans)
    # day precision: solid marker
    assert points["evt-2024-01-10-political-security-dialogue-1"]["symbol"] == "circle"
    assert points["evt-2023-12-leaders-visit"]["symbol"] == "circle-open"


def test_multi_day_events_are_bars(fig):
    bars = {(a, b) for a, b, _, _ in segments(fig, "bar")}
    assert ("2023-04-11", "2023-04-16") in bars                        # 11–15 Apr, to the end of the 15th
    assert ("2024-12-28", "2025-01-03") in bars                        # crossing a year
    assert ("2022-10-30", "2022-11-02") in bars
    points = marker_points(fig)
    assert points["evt-2023-04-11-visit-deputy-minister-china"]["symbol"] == "circle"
    assert "11–15 Apr 2023" in points["evt-2023-04-11-visit-deputy-minister-china"]["hover"]
    assert "28 Dec 2024 – 2 Jan 2025" in points["evt-2024-12-28-visit-border-police-lang-son"]["hover"]
    # one-day events get no bar, only a marker
    assert not any(a.startswith("2024-01-10") for a, _ in bars)
    # bars and spans take no hover, so only markers answer the mouse
    for t in fig.data:
        if role(t) in ("bar", "span"):
            assert t.hoverinfo == "skip" and t.mode == "lines"


def test_planned_events_are_distinct(fig):
    points = marker_points(fig)
    planned = points["evt-2026-crime-prevention-conference-9"]
    assert planned["symbol"].startswith("diamond")
    assert planned["trace"].name.endswith("planned")
    legend = [t.name for t in fig.data if role(t) == "legend"]
    assert "China, planned" in legend
    held = [p for e, p in points.items() if "2026" not in e]
    assert all(p["symbol"].startswith("circle") for p in held)


def test_colour_by_host_with_toggling_legend(fig):
    points = marker_points(fig)
    colours = {code: colour for code, _, colour in timeline.HOSTS}
    assert len(set(colours.values())) == 3
    assert points["evt-2024-01-10-political-security-dialogue-1"]["trace"].marker.color == colours["VN"]
    assert points["evt-2023-04-11-visit-deputy-minister-china"]["trace"].marker.color == colours["CN"]
    assert points["evt-2023-09-crime-prevention-conference-8"]["trace"].marker.color == colours[""]
    legend = [t for t in fig.data if role(t) == "legend"]
    assert [t.name for t in legend] == ["Viet Nam", "China", "China, planned", "unknown"]
    assert {t.legendgroup for t in legend} == {"VN", "CN", "unknown"}
    # every drawn trace belongs to a host group, and only the legend traces show in the legend
    for t in fig.data:
        assert t.legendgroup in {"VN", "CN", "unknown"}
        assert bool(t.showlegend) == (role(t) == "legend")
    assert fig.layout.legend.orientation == "h"
    assert fig.layout.legend.groupclick == "togglegroup"
    assert [c.label for c in COUNTRIES][:2] == ["Viet Nam", "China"]


def test_series_ordinals_on_markers(fig):
    points = marker_points(fig)
    assert points["evt-2014-crime-prevention-conference-5"]["text"] == "5th"
    assert points["evt-2018-10-crime-prevention-conference-6"]["text"] == "6th"
    assert points["evt-2021-02-19-crime-prevention-conference-7"]["text"] == "7th"
    assert points["evt-2023-09-crime-prevention-conference-8"]["text"] == "8th"
    assert points["evt-2026-crime-prevention-conference-9"]["text"] == "9th"
    assert points["evt-2024-01-10-political-security-dialogue-1"]["text"] == "1st"
    assert points["evt-2023-04-11-visit-deputy-minister-china"]["text"] == ""


def test_hover_tells_the_whole_event(fig):
    text = flat(marker_points(fig)["evt-2023-09-crime-prevention-conference-8"]["hover"])
    assert "8th ministerial conference on crime prevention" in text
    assert "Hội nghị cấp Bộ trưởng về hợp tác phòng, chống tội phạm lần thứ 8" in text
    assert "Vương Tiểu Hồng (Wang Xiaohong) — Bộ trưởng Bộ Công an Trung Quốc" in text
    assert "Tô Lâm (To Lam) — Đại tướng, Bộ trưởng Bộ Công an Việt Nam" in text
    assert "Minutes of the 8th ministerial conference on crime prevention" in text
    assert "art-001 (reference), art-004 (reference)" in text
    assert f"Precision: {DATE_PRECISIONS[1].label.lower()}; stated" in text
    text = flat(marker_points(fig)["evt-2023-04-11-visit-deputy-minister-china"]["hover"])
    assert "Nguyễn Duy Ngọc (Nguyen Duy Ngoc) — Trung tướng, Thứ trưởng Bộ Công an [VN, head of delegation]" in text
    assert "Từ Đại Đồng (Xu Datong) — Thứ trưởng Bộ Công an Trung Quốc [CN, host]" in text
    assert "Place: not stated" not in text and "China" in text
    assert "art-000 (primary)" in text
    text = flat(marker_points(fig)["evt-2024-01-10-political-security-dialogue-1"]["hover"])
    assert "Date: 10 Jan 2024" in text and "Place: Hanoi, Viet Nam" in text
    assert "Memorandum on political-security cooperation (memorandum of understanding)" in text
    assert "As written: ngày 10/1/2024" in text


def test_hover_lines_fit_a_phone():
    tables = timeline_tables()
    for e in prepare_events(tables):
        for line in e["hover"].split("<br>"):
            text = re.sub(r"<[^>]+>", "", line)
            assert len(text) <= timeline._WRAP + 3, text


def test_wrap_lines_is_textwrap():
    """The greedy shortcut gives exactly what textwrap gives, on texts it takes and texts it hands on."""
    import random
    import textwrap
    rng = random.Random(7)
    words = ["Bộ", "Công an", "Việt Nam", "Trung Quốc", "an-ninh", "—", "Thứ trưởng", "x" * 49, "y" * 50,
             "Nguyễn Văn A", "(MPS)", "", " ", "\t", "ủy", "Quảng Tây,", "2024", "a" * 20, "--", "e.g."]
    texts = ["", "a", "x" * 52, "x" * 53, " lead", "trail ", "two  spaces"]
    for _ in range(3000):
        texts.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))))
    for text in texts:
        expected = textwrap.wrap(text, width=timeline._WRAP, subsequent_indent="   ") or [""]
        assert timeline.wrap_lines(text) == expected, text


def test_hover_escapes_markup():
    tables = timeline_tables()
    events = tables["events"].copy()
    events.loc[0, "title_en"] = "A <script>alert(1)</script> & co"
    tables = dict(tables, events=events)
    hover = marker_points(build_figure(tables))[events.loc[0, "event_id"]]["hover"]
    assert "<script>" not in hover and "&lt;script&gt;" in hover and "&amp; co" in hover


def test_title_axes_note_and_responsive_layout(fig):
    layout = fig.layout
    assert "Viet Nam – China" in layout.title.text
    assert layout.xaxis.title.text and layout.xaxis.type == "date"
    assert layout.xaxis.rangeslider.visible is True
    assert layout.autosize is True
    note = annotation(fig, "note").text.replace("<br>", " ")
    assert note == NOTE
    assert NOTE == ("Data: CC BY 4.0; source articles remain their publishers'. Extracted from "
                    "Vietnamese news; each row traces to a sentence.")
    assert "planned" in annotation(fig, "key").text


def test_deterministic_order(tables):
    shuffled = {name: frame.sample(frac=1, random_state=7).reset_index(drop=True)
                for name, frame in tables.items()}
    assert build_figure(shuffled).to_json() == build_figure(tables).to_json()
    for t in markers(build_figure(tables)):
        xs = list(t.x)
        assert xs == sorted(xs)


def test_empty_and_partial_tables():
    fig = build_figure({"events": timeline_tables()["events"]})         # no joins at all
    assert len(marker_points(fig)) == len(dated_event_ids(timeline_tables()))
    empty = build_figure({"events": pd.DataFrame(columns=timeline.COLUMNS["events"])})
    assert not markers(empty)
    only_undated = timeline_tables()["events"].query("date_start == ''")
    fig = build_figure({"events": only_undated})
    assert not markers(fig) and "Undated (2)" in annotation(fig, "undated").text


def test_many_undated_are_counted_not_dropped():
    tables = synthetic_tables(300, seed=3)
    events = tables["events"]
    n = int((events["date_start"] == "").sum())
    assert n > timeline._MAX_UNDATED
    text = annotation(build_figure(tables), "undated").text
    assert f"Undated ({n})" in text
    assert f"and {n - timeline._MAX_UNDATED} more" in text


def test_thousand_events():
    tables = synthetic_tables(1000)
    fig = build_figure(tables)
    assert len(marker_points(fig)) == len(dated_event_ids(tables))
    ys = [y for t in markers(fig) for y in t.y]
    assert min(ys) >= -0.5 and max(ys) <= len(LANES) - 0.5


# ---------------------------------------------------------------------------------------------
# The HTML page

def test_write_is_offline_and_byte_identical(tables, tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "sub" / "b.html"
    write_timeline(tables, a)
    write_timeline(tables, b)
    assert a.read_bytes() == b.read_bytes()
    html = a.read_text(encoding="utf-8")
    assert f'id="{DIV_ID}"' in html
    assert "plotly.js v" in html                                          # embedded, not fetched
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert '"responsive": true' in html
    assert 'name="viewport"' in html
    assert "CC BY 4.0" in html
    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    page_without_library = html.split("plotly.js v", 1)[0] + html.rsplit("</script>", 2)[-2]
    assert not uuid.search(page_without_library)


def test_write_is_identical_across_processes(tables, tmp_path):
    """Hash seeds and fresh interpreters change nothing."""
    script = (
        "import sys; from pathlib import Path;"
        "from builder.timeline import write_timeline; from tests.timeline_fixture import timeline_tables;"
        "write_timeline(timeline_tables(), Path(sys.argv[1]))"
    )
    digests = []
    for seed in ("1", "4242"):
        out = tmp_path / f"t{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(out)], cwd=ROOT, env=env, check=True)
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    local = tmp_path / "local.html"
    write_timeline(tables, local)
    digests.append(hashlib.sha256(local.read_bytes()).hexdigest())
    assert len(set(digests)) == 1


def test_compact_variant_for_phones(tables):
    events = prepare_events(tables)
    wide = timeline._layout_variant(events, compact=False)
    compact = timeline._layout_variant(events, compact=True)
    assert set(wide) == set(compact)
    assert compact["yaxis.showticklabels"] is False
    assert all(compact[f"annotations[{3 + i}].visible"] for i in range(len(LANES)))
    for key in ("annotations[0].text", "annotations[1].text", "annotations[2].text"):
        longest = max(len(re.sub(r"<[^>]+>", "", line)) for line in compact[key].split("<br>"))
        assert longest <= 64, key


# ---------------------------------------------------------------------------------------------
# Reading a built package

def write_package(tables: dict[str, pd.DataFrame], directory: Path) -> Path:
    package = directory / "datapackage"
    package.mkdir(parents=True)
    for name, frame in tables.items():
        frame.to_csv(package / f"{name}.csv", index=False, encoding="utf-8")
    return package


def test_load_tables_round_trip(tables, tmp_path):
    package = write_package(tables, tmp_path)
    loaded = load_tables(package)
    assert set(loaded) == set(timeline.TABLE_NAMES)
    events = loaded["events"]
    assert str(events["series_number"].dtype) == "Int64"
    assert str(events["series_number_inferred"].dtype) == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(events["date_start"])
    assert events["date_start"].isna().sum() == len(undated_titles(tables))
    assert events.loc[events["event_id"] == "evt-2023-09-crime-prevention-conference-8", "series_number"].item() == 8
    assert (events["title_vi"] == tables["events"]["title_vi"]).all()    # UTF-8 intact
    # the directory holding datapackage/ works too, and the figure is the same as from the fixture
    assert build_figure(load_tables(tmp_path)).to_json() == build_figure(tables).to_json()


def test_load_tables_missing_csv(tables, tmp_path):
    package = write_package({"events": tables["events"]}, tmp_path)
    loaded = load_tables(package)
    assert list(loaded["documents"].columns) == list(timeline.COLUMNS["documents"])
    assert len(loaded["documents"]) == 0
    assert len(marker_points(build_figure(loaded))) == len(dated_event_ids(tables))


def test_command_line(tables, tmp_path):
    package = write_package(tables, tmp_path)
    out = tmp_path / "timeline.html"
    assert timeline.main([str(package), str(out)]) == 0
    direct = tmp_path / "direct.html"
    write_timeline(tables, direct)
    assert out.read_bytes() == direct.read_bytes()
    assert json.loads(json.dumps(build_figure(tables).layout.meta))["n_undated"] == 2


# ---------------------------------------------------------------------------------------------
# The build's way: text columns, a plain-dict figure, and the memo of prepared events

def text_columns(tables: dict[str, pd.DataFrame]) -> dict[str, dict[str, list[str]]]:
    return {name: {c: [str(v) for v in frame[c]] for c in frame.columns} for name, frame in tables.items()}


@pytest.mark.parametrize("make", [timeline_tables, lambda: synthetic_tables(300, seed=5)])
def test_the_plain_figure_is_what_plotly_validates(make):
    plain = timeline.figure_dict(make())
    validated = go.Figure(plain)            # raises on any property Plotly does not know
    assert json.loads(validated.to_json()) == json.loads(json.dumps(plain))


def test_read_columns_draws_what_load_tables_draws(tables, tmp_path):
    package = write_package(tables, tmp_path)
    columns = timeline.read_columns(package)
    assert columns["events"]["title_vi"] == list(tables["events"]["title_vi"])
    assert timeline.to_html(columns) == timeline.to_html(load_tables(package))
    # and it draws without importing pandas, which took 0.45 s of a rebuild
    script = ("import sys; from pathlib import Path; from builder import timeline as t;"
              "t.to_html(t.read_columns(Path(sys.argv[1]))); assert 'pandas' not in sys.modules, 'pandas loaded'")
    subprocess.run([sys.executable, "-c", script, str(package)], check=True, cwd=ROOT)


def _edits() -> dict[str, callable]:
    def set_cell(name, column, row, value):
        def edit(columns):
            columns[name][column][row] = value
        return edit
    return {
        "a person's English name": set_cell("persons", "name_en", 0, "Someone Else"),
        "a participant's title": set_cell("participants", "title_vi", 0, "Thứ trưởng"),
        "a document's title": set_cell("documents", "title_en", 0, "Another memorandum"),
        "a source's mention": set_cell("event_sources", "mention", 0, "reference"),
        "an event's date as written": set_cell("events", "date_text", 0, "đầu năm"),
    }


@pytest.mark.parametrize("what", list(_edits()))
def test_the_memo_formats_again_exactly_the_events_whose_inputs_changed(tables, monkeypatch, what):
    before = text_columns(tables)
    memo: dict = {}
    first = prepare_events(before, memo)
    assert len(memo) == len(first)
    after = text_columns(tables)
    _edits()[what](after)
    formatted = []
    real = timeline._hover
    monkeypatch.setattr(timeline, "_hover", lambda e, *rest: formatted.append(e["event_id"]) or real(e, *rest))
    assert prepare_events(before, dict(memo)) == first and formatted == []
    again = prepare_events(after, memo)
    fresh = prepare_events(after)
    assert again == fresh != first
    changed = {e["event_id"] for e, old in zip(fresh, first) if e != old}
    assert changed and set(formatted[:len(formatted) - len(fresh)]) == changed


def test_a_cell_holding_a_separator_or_not_text_turns_the_memo_off(tables, tmp_path):
    columns = text_columns(tables)
    columns["events"]["title_en"][0] += timeline._CELL
    memo: dict = {}
    assert prepare_events(columns, memo) == prepare_events(columns) and memo == {}
    typed = load_tables(write_package(tables, tmp_path))          # integers, booleans, timestamps
    assert prepare_events(typed, memo) == prepare_events(typed) and memo == {}

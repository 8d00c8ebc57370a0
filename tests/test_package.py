"""The data package: valid, reproducible, equal to what is committed, typed for pandas."""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.jsontext import dumps_indented
from builder.schema import TABLES
from builder.validate import frictionless_errors, integrity_errors

from .conftest import REPO, SEEDS, build_quietly


def test_frictionless_validates_both_formats(seed_package):
    assert frictionless_errors(seed_package / "datapackage.json") == []


def test_descriptor_is_complete(seed_package):
    d = json.loads((seed_package / "datapackage.json").read_text())
    assert d["$schema"].endswith("/2.0/datapackage.json")
    for key in ("name", "title", "description", "licenses", "sources", "contributors",
                "keywords"):
        assert d[key], key
    assert "version" not in d and "created" not in d     # a working build is not a release
    names = {r["name"] for r in d["resources"]}
    for t in TABLES:
        assert {t.name, t.name + "_parquet"} <= names
    for r in d["resources"]:
        assert r["path"] and r["format"] in ("csv", "parquet") and r["mediatype"]
        assert all(f.get("description") for f in r["schema"]["fields"])
        if r["format"] == "csv":
            assert r["bytes"] > 0 and r["hash"].startswith("sha256:")


def test_broken_foreign_key_fails_validation(seed_package, tmp_path):
    pkg = tmp_path / "pkg"
    shutil.copytree(seed_package, pkg)
    path = pkg / "participants.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[1][rows[0].index("person_id")] = "nobody-at-all-xx"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    d = json.loads((pkg / "datapackage.json").read_text())
    for r in d["resources"]:  # the edit changes the file: drop its size/hash so only the key fails
        if r["path"] == "participants.csv":
            r.pop("bytes"), r.pop("hash")
    (pkg / "datapackage.json").write_text(json.dumps(d))
    errors = frictionless_errors(pkg / "datapackage.json")
    assert any("foreign-key" in e and e.startswith("participants:") for e in errors), errors


def test_evidence_equals_text_at_offsets(seed_package):
    assert integrity_errors(seed_package, REPO) == []


def test_two_builds_are_byte_identical(seed_package, tmp_path):
    again = tmp_path / "again"
    build_quietly(SEEDS, again, timeline=True)
    for f in sorted(seed_package.iterdir()):
        assert (again / f.name).read_bytes() == f.read_bytes(), f.name


def test_committed_outputs_equal_a_rebuild(seed_package):
    committed = REPO / "datapackage"
    for f in sorted(seed_package.iterdir()):
        assert (committed / f.name).read_bytes() == f.read_bytes(), f"datapackage/{f.name} is stale: rebuild"
    root = json.loads((REPO / "datapackage.json").read_text())
    inner = json.loads((seed_package / "datapackage.json").read_text())
    assert [r["path"] for r in root["resources"]] == ["datapackage/" + r["path"] for r in inner["resources"]]
    assert [r.get("hash") for r in root["resources"]] == [r.get("hash") for r in inner["resources"]]


def test_parquet_gives_real_dtypes(seed_package):
    events = pd.read_parquet(seed_package / "events.parquet", dtype_backend="numpy_nullable")
    assert str(events["series_number"].dtype) == "Int64"
    assert events["series_number"].isna().any() and events["series_number"].notna().any()
    assert str(events["series_number_inferred"].dtype) == "boolean"
    raw = pd.read_parquet(seed_package / "events.parquet")
    first = raw["date_start"].dropna().iloc[0]
    assert type(first).__name__ == "date"
    assert pd.api.types.is_integer_dtype(pd.read_parquet(seed_package / "documents.parquet")["count"])


def test_csv_and_parquet_hold_the_same_rows(seed_package):
    for t in TABLES:
        c = pd.read_csv(seed_package / f"{t.name}.csv", dtype=str, keep_default_na=False)
        p = pd.read_parquet(seed_package / f"{t.name}.parquet")
        assert len(c) == len(p), t.name
        assert list(c.columns) == list(p.columns) == t.columns


def test_every_input_is_in_the_report(seed_package):
    report = json.loads((seed_package / "build_report.json").read_text())
    assert sorted(a["path"] for a in report["inputs"]) == sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
    assert all(a["status"] for a in report["inputs"])


def test_event_ids_do_not_change_when_unrelated_articles_are_added(seed_package, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "zz_weather.txt").write_text(" date 2024-05 Hà Nội hôm nay có mưa rào và dông.\n", encoding="utf-8")
    shutil.copy(REPO / "tests/fixtures/dev_articles/d05.txt", seeds / "zz_dev05.txt")
    out = tmp_path / "pkg"
    build_quietly(seeds, out)
    before = set(pd.read_csv(seed_package / "events.csv")["event_id"])
    after = set(pd.read_csv(out / "events.csv")["event_id"])
    assert before <= after and len(after) > len(before)


def test_csv_writer_equals_the_csv_module():
    """The column-wise CSV writer gives exactly the csv module's bytes, quoting included."""
    import datetime as dt
    import io
    import random

    from builder.package import csv_bytes
    from builder.tables import cell

    table = next(t for t in TABLES if t.name == "documents")
    rng = random.Random(3)
    values = [None, "", "plain", "a,b", 'say "hi"', "line\nbreak", "cr\ronly", "crlf\r\n", ",", '"', " lead",
              "Bộ Công an, Việt Nam", True, False, 0, 17, dt.date(2024, 1, 2), "tab\there", "\u2028"]
    rows = [{c: rng.choice(values) for c in table.columns} for _ in range(400)]
    for chosen in (rows, rows[:1], []):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([cell(r.get(c)) for c in table.columns] for r in chosen)
        assert csv_bytes(table, chosen) == buf.getvalue().encode("utf-8")


def test_integrity_check_finds_wrong_evidence_and_unknown_articles(seed_package, tmp_path):
    pkg = tmp_path / "pkg"
    shutil.copytree(seed_package, pkg)
    with (pkg / "participants.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    evidence, article = rows[0].index("evidence"), rows[0].index("article_id")
    rows[1][evidence] = rows[1][evidence] + " (edited)"
    rows[2][article] = "no-such-article"
    with (pkg / "participants.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    errors = integrity_errors(pkg, REPO)
    assert len(errors) == 2
    assert errors[0].startswith("participants.csv line 2: evidence differs from ")
    assert errors[1] == "participants.csv line 3: unknown article no-such-article"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_timeline_fails_the_build_and_keeps_the_previous_package(seed_package, tmp_path, monkeypatch,
                                                                             jobs):
    """With two processes the timeline is drawn in the second one; its failure still stops the build."""
    import io

    from builder import build as build_module
    from builder import drawing

    out = tmp_path / "pkg"
    shutil.copytree(seed_package, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args):
        raise ValueError("no figure today")

    monkeypatch.setattr(drawing, "draw", broken)
    with pytest.raises((RuntimeError, ValueError), match="no figure today"):
        build_module.build(SEEDS, out, None, timeline=True, stream=io.StringIO(), jobs=jobs)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]      # no temporary folder left behind


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.text(max_size=5) | st.integers() | st.booleans() | st.none(), inner, max_size=4),
                    max_leaves=30))
def test_the_fast_indented_json_is_json_dumps(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_the_build_report_is_written_as_json_dumps_would(tmp_path):
    report = {"inputs": [{"article_id": "a\u00e9\"\\\n\u2028", "event_mentions": 3, "reason": ""}] * 3,
              "counts": {"events": 0}, "statuses": {}, "empty": [], "nested": [[], {}, [1, [2.5, None, True]]]}
    assert dumps_indented(report) == json.dumps(report, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("kind, values", [
    ("string", ["a", None, "", "Đỗ Thị Hằng", "x" * 300]), ("int64", [0, None, -5, 2 ** 40]),
    ("bool", [True, None, False, True] * 5), ("date32", [dt.date(2019, 3, 5), None, dt.date(1969, 12, 31)]),
    ("string", []), ("string", [None, None])])
def test_arrays_made_from_buffers_are_pyarrows_own(kind, values):
    from builder.package import _array_from_buffers
    import pyarrow as pa
    arrow_type = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_(), "date32": pa.date32()}[kind]
    made = _array_from_buffers(values, arrow_type)
    made.validate(full=True)
    assert made.equals(pa.array(values, type=arrow_type)) and made.null_count == values.count(None)

"""The data diff decides the version bump: schema change → major, rows → minor, else patch."""
from __future__ import annotations

import copy
import json
import shutil

from builder.changelog import entry
from builder.datadiff import diff_packages, read_package
from builder.release import next_version


def test_next_version_follows_semver():
    assert next_version(None, "minor") == "1.0.0"
    assert next_version("1.4.2", "major") == "2.0.0"
    assert next_version("1.4.2", "minor") == "1.5.0"
    assert next_version("1.4.2", "patch") == "1.4.3"


def test_same_package_is_a_patch(seed_package):
    pkg = read_package(seed_package)
    diff = diff_packages(pkg, pkg)
    assert diff.bump() == "patch" and not diff.rows_changed
    assert "Patch release: the data is unchanged" in entry("1.0.1", "2026-12-03T00:00:00Z", diff, {})


def test_removed_and_added_rows_are_a_minor_release(seed_package, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(seed_package, old)
    lines = (old / "persons.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    removed_id = lines[1].split(",")[0]
    lines[1] = lines[1].replace(removed_id, "someone-else-vn", 1)       # old had someone the new lacks
    (old / "persons.csv").write_text("".join(lines), encoding="utf-8")
    diff = diff_packages(read_package(old), read_package(seed_package))
    persons = diff.tables["persons"]
    assert [r["person_id"] for r in persons.added] == [removed_id]
    assert [r["person_id"] for r in persons.removed] == ["someone-else-vn"]
    assert diff.bump() == "minor"
    text = entry("1.1.0", "2026-12-03T00:00:00Z", diff, {})
    assert f"**Added (1)**\n\n- `{removed_id}`" in text and "**Removed (1)**\n\n- `someone-else-vn`" in text


def test_a_schema_change_is_a_major_release(seed_package, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(seed_package, old)
    descriptor = json.loads((old / "datapackage.json").read_text())
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    events["schema"]["fields"] = [f for f in events["schema"]["fields"] if f["name"] != "date_text"]
    (old / "datapackage.json").write_text(json.dumps(descriptor))
    diff = diff_packages(read_package(old), read_package(seed_package))
    assert diff.bump() == "major"
    assert [c.what for c in diff.schema] == ["field `date_text` added (string)"]
    # the field present on one side only is not reported again on every row
    assert diff.tables["events"].changed == []

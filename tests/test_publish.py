"""`publish`: a validated, versioned, reproducible release that never overwrites a version, with
the data diff in its changelog."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from builder.cli import main as cli_main
from builder.metadata import MetadataError
from builder.release import PublishError, publish
from builder.schema import TABLES

from .conftest import REPO, RELEASE_DATE, SEEDS, build_quietly, publish_options

NAME = "vn-cn-public-security-cooperation"
QUIET = lambda message: None  # noqa: E731


def test_release_zip_unzips_validates_and_its_checksums_verify(first_release, unpacked_release):
    release, root = first_release
    assert release.version == "1.0.0"
    assert release.zip_path == root / "dist" / f"{NAME}-1.0.0.zip"
    assert unpacked_release.name == f"{NAME}-1.0.0"
    frictionless = Path(sys.executable).parent / "frictionless"
    run = subprocess.run([str(frictionless), "validate", "datapackage.json"], cwd=unpacked_release,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
    assert "INVALID" not in run.stdout
    files = {p.relative_to(unpacked_release).as_posix() for p in unpacked_release.rglob("*") if p.is_file()}
    listed = {}
    for line in (unpacked_release / "SHA256SUMS").read_text().splitlines():
        digest, path = line.split("  ", 1)
        listed[path] = digest
        assert hashlib.sha256((unpacked_release / path).read_bytes()).hexdigest() == digest, path
    assert set(listed) == files - {"SHA256SUMS"}


def test_release_holds_every_part_and_no_article_text(unpacked_release):
    names = {p.relative_to(unpacked_release).as_posix() for p in unpacked_release.rglob("*") if p.is_file()}
    expected = {"datapackage.json", "README.md", "CODEBOOK.md", "CHANGELOG.md", "CITATION.cff", ".zenodo.json",
                "LICENSE", "LICENSE-DATA", "SHA256SUMS", "datapackage/timeline.html", "site/index.html",
                f"{NAME}.duckdb", f"{NAME}.xlsx"}
    expected |= {f"datapackage/{t.name}.{ext}" for t in TABLES for ext in ("csv", "parquet")}
    assert names == expected
    descriptor = json.loads((unpacked_release / "datapackage.json").read_text())
    assert descriptor["version"] == "1.0.0" and descriptor["created"] == f"{RELEASE_DATE}T00:00:00Z"
    assert all(not r["path"].startswith(("/", "..")) for r in descriptor["resources"])
    # the deposit may not hold the third-party texts: no article's text is in any file whole, and
    # the evidence sentences together quote only part of each article
    blobs = [(unpacked_release / n).read_bytes() for n in names]
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8").strip()
        assert not any(text.encode() in b for b in blobs), path.name
    coverage = evidence_coverage(unpacked_release / "datapackage")
    print("share of each article's characters quoted as evidence:", coverage)
    assert coverage and all(share < 0.9 for share in coverage.values())
    card = (unpacked_release / "README.md").read_text()
    assert "not the full texts" in card or "not the articles' full texts" in card


def evidence_coverage(csv_dir: Path) -> dict[str, float]:
    covered, length = {}, {}
    with (csv_dir / "articles.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["n_chars"]:
                length[row["article_id"]], covered[row["article_id"]] = int(row["n_chars"]), set()
    for table in ("event_sources", "participants", "documents", "topics"):
        with (csv_dir / f"{table}.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                covered[row["article_id"]].update(range(int(row["char_start"]), int(row["char_end"])))
    return {a: round(len(covered[a]) / n, 2) for a, n in length.items()}


def test_publishing_the_same_content_twice_gives_identical_bytes(first_release, seed_package, metadata_file,
                                                                tmp_path):
    release, _ = first_release
    again = publish(publish_options(seed_package, tmp_path, metadata_file), log=QUIET)
    assert again.zip_path.read_bytes() == release.zip_path.read_bytes()


def test_an_existing_version_is_never_overwritten(first_release, seed_package, metadata_file):
    release, root = first_release
    before = release.zip_path.read_bytes()
    # an unversioned older folder as --previous counts from nothing: 1.0.0 again, which exists
    opts = publish_options(seed_package, root, metadata_file, previous=seed_package)
    opts.releases = root / "empty-record"
    with pytest.raises(PublishError, match="already published.*never overwritten"):
        publish(opts, log=QUIET)
    assert release.zip_path.read_bytes() == before


def test_a_package_that_fails_validation_is_refused(seed_package, metadata_file, tmp_path):
    broken = tmp_path / "pkg"
    shutil.copytree(seed_package, broken)
    events = (broken / "events.csv").read_text().splitlines()
    events[1] = events[1].replace(",held,", ",bogus_status,", 1)
    (broken / "events.csv").write_text("\n".join(events) + "\n")
    with pytest.raises(PublishError, match="fails validation"):
        publish(publish_options(broken, tmp_path, metadata_file), log=QUIET)
    assert not (tmp_path / "dist").exists()


def test_placeholder_metadata_is_refused_with_a_clear_message(seed_package, tmp_path, capsys):
    with pytest.raises(MetadataError, match="example.invalid"):
        publish(publish_options(seed_package, tmp_path, REPO / "dataset.toml"), log=QUIET)
    code = cli_main(["publish", "--package-dir", str(seed_package), "--dist", str(tmp_path / "dist"),
                     "--releases", str(tmp_path / "rel"), "--created", RELEASE_DATE])
    err = capsys.readouterr().err
    assert code == 2 and "publish refused" in err and "placeholder" in err and "ORCID" in err
    assert not (tmp_path / "dist").exists()


def test_dry_run_prints_the_release_and_writes_nothing(seed_package, metadata_file, tmp_path, capsys):
    code = cli_main(["publish", "--dry-run", "--package-dir", str(seed_package), "--dist", str(tmp_path / "dist"),
                     "--releases", str(tmp_path / "rel"), "--metadata-path", str(metadata_file),
                     "--created", RELEASE_DATE])
    out = capsys.readouterr().out
    assert code == 0
    assert f"Would publish {tmp_path / 'dist' / NAME}-1.0.0.zip" in out
    assert "datapackage/events.parquet" in out and "## 1.0.0 — 2026-12-01" in out
    assert not (tmp_path / "dist").exists() and not (tmp_path / "rel").exists()


@pytest.fixture(scope="module")
def corrected_release(first_release, metadata_file, tmp_path_factory):
    """One article changed (the reception moves from Hanoi to Haiphong), rebuilt and published
    against the first release."""
    release, root = first_release
    work = tmp_path_factory.mktemp("corrected")
    seeds = work / "seeds"
    shutil.copytree(SEEDS, seeds)
    article = seeds / "001_319e9fbe4659c530.txt"
    text = article.read_text(encoding="utf-8")
    assert "Chiều 1/12, tại Hà Nội" in text
    article.write_text(text.replace("Chiều 1/12, tại Hà Nội", "Chiều 1/12, tại Hải Phòng"), encoding="utf-8")
    package = work / "datapackage"
    build_quietly(seeds, package, timeline=True)
    opts = publish_options(package, root, metadata_file, sources_root=work, created="2026-12-02")
    return publish(opts, log=QUIET), root


def test_a_corrected_article_shows_in_the_changelog_field_by_field(corrected_release):
    release, root = corrected_release
    assert release.version == "1.1.0" and release.bump == "minor"
    entry = release.entry
    assert entry.startswith("## 1.1.0 — 2026-12-02")
    assert "Compared with release 1.0.0. Minor release" in entry
    events = entry.split("### Events", 1)[1].split("###", 1)[0]
    assert "`reception-2023-12-01-duong-xuan-loi`" in events
    assert "- `location_city`: `Hanoi` → `Haiphong`" in events
    assert "in Hanoi` → `" in events                       # the composed English title follows
    # a long text shows the part that differs, not a truncation that hides it
    participants = entry.split("### Participants", 1)[1].split("###", 1)[0]
    assert "- `evidence`: `Chiều 1/12, tại Hà Nội, Thượng tướng" in participants and "tại Hải Phòng" in participants
    assert "| events | 0 | 0 | 1 | 0 | 8 |" in entry
    # rows whose sentence only moved in the edited article are listed apart, by key
    documents = entry.split("### Documents", 1)[1].split("###", 1)[0]
    assert "**Evidence offsets moved only (2)**" in documents and "`char_start`" not in documents
    articles = entry.split("### Articles", 1)[1].split("###", 1)[0]
    assert "`001_319e9fbe4659c530`" in articles and "`sha256`" in articles
    changelog = (root / "releases" / "CHANGELOG.md").read_text()
    assert changelog.index("## 1.1.0") < changelog.index("## 1.0.0")
    with zipfile.ZipFile(release.zip_path) as z:
        assert z.read(f"{NAME}-1.1.0/CHANGELOG.md").decode() == changelog
    index = json.loads((root / "releases" / "index.json").read_text())["releases"]
    assert [r["version"] for r in index] == ["1.1.0", "1.0.0"]
    assert index[0]["sha256"] == hashlib.sha256(release.zip_path.read_bytes()).hexdigest()


def test_a_bump_smaller_than_the_diff_needs_is_refused(corrected_release, seed_package, metadata_file, tmp_path):
    release, root = corrected_release
    opts = publish_options(seed_package, tmp_path, metadata_file, previous=release.zip_path, bump="patch")
    with pytest.raises(PublishError, match="needs a minor release"):
        publish(opts, log=QUIET)

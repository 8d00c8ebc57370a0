"""Shared fixtures: one build of the seeds (and one of the dev set) per test session."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from builder.build import build

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DEV = REPO / "tests" / "fixtures" / "dev_articles"


def build_quietly(seeds: Path, out: Path, timeline: bool = False) -> dict:
    return build(seeds, out, None, timeline=timeline, stream=io.StringIO())


@pytest.fixture(scope="session")
def seed_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seedpkg") / "datapackage"
    build_quietly(SEEDS, out, timeline=True)
    return out


def _built(tmp_path_factory, folder: Path) -> Path:
    """One build of a fixture folder per test session (no timeline)."""
    out = tmp_path_factory.mktemp(folder.name) / "datapackage"
    build_quietly(folder, out)
    return out


@pytest.fixture(scope="session")
def dev_package(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, DEV)


DEV2 = REPO / "tests" / "fixtures" / "dev_articles_2"


@pytest.fixture(scope="session")
def dev2_package(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, DEV2)


TEST_METADATA = """\
name = "vn-cn-public-security-cooperation"
title = "Viet Nam–China public-security cooperation events"
description = "Bilateral meetings between the Ministries of Public Security of Viet Nam and China."
homepage = "https://data.vncn-test.org/security-cooperation"
repository = "https://code.vncn-test.org/security-cooperation.git"
keywords = ["Viet Nam", "China", "public security"]
languages = ["vi", "en"]

[[creators]]
given_names = "Josiah"
family_names = "Carberry"
orcid = "0000-0002-1825-0097"   # ORCID's own fictitious test record
affiliation = "Brown University"
"""
RELEASE_DATE = "2026-12-01"


@pytest.fixture(scope="session")
def metadata_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("meta") / "dataset.toml"
    path.write_text(TEST_METADATA, encoding="utf-8")
    return path


def publish_options(package_dir: Path, root: Path, metadata_path: Path, **kw):
    from builder.release import Options
    kw.setdefault("created", RELEASE_DATE)
    return Options(package_dir=package_dir, dist=root / "dist", releases=root / "releases",
                   metadata_path=metadata_path, **kw)


@pytest.fixture(scope="session")
def first_release(seed_package, metadata_file, tmp_path_factory):
    """The seed package published once as a first release; returns (Release, its root folder)."""
    from builder.release import publish
    root = tmp_path_factory.mktemp("release1")
    release = publish(publish_options(seed_package, root, metadata_file), log=lambda m: None)
    return release, root


@pytest.fixture(scope="session")
def unpacked_release(first_release, tmp_path_factory) -> Path:
    """The first release's zip extracted into an empty folder; returns the release's own folder."""
    import zipfile
    release, _ = first_release
    out = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(release.zip_path) as z:
        z.extractall(out)
    (folder,) = list(out.iterdir())
    return folder


HOLDOUT = REPO / "tests" / "fixtures" / "holdout"


@pytest.fixture(scope="session")
def holdout_package(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, HOLDOUT)


@pytest.fixture(scope="session")
def fourth_package(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, REPO / "tests" / "fixtures" / "holdout_2")

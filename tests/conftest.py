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


@pytest.fixture(scope="session")
def dev_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("devpkg") / "datapackage"
    build_quietly(DEV, out)
    return out


DEV2 = REPO / "tests" / "fixtures" / "dev_articles_2"


@pytest.fixture(scope="session")
def dev2_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dev2pkg") / "datapackage"
    build_quietly(DEV2, out)
    return out

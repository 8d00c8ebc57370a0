"""Validation: frictionless on the whole package (both formats, keys) plus the project's own checks."""
from __future__ import annotations

import csv
from pathlib import Path

from .archive import ROW_MARK, text_at
from .reading import read_input


def frictionless_errors(descriptor: Path) -> list[str]:
    from frictionless import Package, system

    with system.use_context(trusted=True):
        report = Package(str(descriptor)).validate()
    errors = []
    for task in report.tasks:
        for err in task.errors:
            errors.append(f"{task.name}: {err.type}: {err.message}")
    for err in report.errors:
        errors.append(f"package: {err.type}: {err.message}")
    return errors


def integrity_errors(package_dir: Path, repo_root: Path, texts: dict[str, str] | None = None) -> list[str]:
    """Every evidence string equals the article text at its offsets; every table row's article exists.
    `texts` (article id → text) spares reading the inputs again when the caller has them."""
    errors: list[str] = []
    articles = {}
    with (package_dir / "articles.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            articles[row["article_id"]] = row
    texts = dict(texts or {})
    for name in ("event_sources", "participants", "documents", "topics"):
        with (package_dir / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f), 2):
                aid = row["article_id"]
                if aid not in articles:
                    errors.append(f"{name}.csv line {i}: unknown article {aid}")
                    continue
                if aid not in texts:
                    texts[aid] = _text_of(repo_root / articles[aid]["path"])
                s, e = int(row["char_start"]), int(row["char_end"])
                if texts[aid][s:e] != row["evidence"]:
                    errors.append(f"{name}.csv line {i}: evidence differs from {aid}[{s}:{e}]")
    return errors


def _text_of(path: Path) -> str:
    if ROW_MARK in path.name:
        return text_at(path)
    return read_input(path).text or ""


def validate(descriptor: Path, repo_root: Path) -> list[str]:
    errors = frictionless_errors(descriptor)
    package_dir = descriptor.parent / "datapackage" if (descriptor.parent / "datapackage").is_dir() else descriptor.parent
    errors += integrity_errors(package_dir, repo_root)
    return errors

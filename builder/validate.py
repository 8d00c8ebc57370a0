"""Validation: frictionless on the whole package (both formats, keys) plus the project's own checks."""
from __future__ import annotations

import csv
from operator import itemgetter
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
    paths = {row[0]: row[1] for row in _columns(package_dir / "articles.csv", ("article_id", "path"))}
    return evidence_errors({name: _columns(package_dir / f"{name}.csv", ("article_id", "char_start", "char_end",
                                                                          "evidence")) for name in EVIDENCE_TABLES},
                           paths, repo_root, texts)


EVIDENCE_TABLES = ("event_sources", "participants", "documents", "topics")


def evidence_errors(rows: dict, paths: dict[str, str], repo_root: Path, texts: dict[str, str] | None = None,
                    where: str = "{name}.csv line {i}") -> list[str]:
    """integrity_errors for rows given as (article id, start, end, evidence) by table name;
    `paths`: article id → path of every article."""
    errors: list[str] = []
    texts = dict(texts or {})
    for name, table in rows.items():
        for i, (aid, start, end, evidence) in enumerate(table, 2):
            if aid not in paths:
                errors.append(where.format(name=name, i=i) + f": unknown article {aid}")
                continue
            if aid not in texts:
                texts[aid] = _text_of(repo_root / paths[aid])
            s, e = int(start), int(end)
            if texts[aid][s:e] != evidence:
                errors.append(where.format(name=name, i=i) + f": evidence differs from {aid}[{s}:{e}]")
    return errors


def _columns(path: Path, names: tuple[str, ...]):
    """The named columns of a CSV, row by row (a plain reader: DictReader cost twice as much)."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        at = [header.index(n) for n in names]
        pick = itemgetter(*at) if len(at) > 1 else (lambda row: (row[at[0]],))   # always a tuple
        yield from map(pick, reader)


def _text_of(path: Path) -> str:
    if ROW_MARK in path.name:
        return text_at(path)
    return read_input(path).text or ""


def validate(descriptor: Path, repo_root: Path) -> list[str]:
    errors = frictionless_errors(descriptor)
    package_dir = descriptor.parent / "datapackage" if (descriptor.parent / "datapackage").is_dir() else descriptor.parent
    errors += integrity_errors(package_dir, repo_root)
    return errors

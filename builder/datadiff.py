"""The data diff between two versions of the package: per table, rows added, removed and changed
field by field, keyed by each table's primary key, plus the schema changes. It decides the
semantic version bump of a release and feeds its changelog entry."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath, Path


@dataclass
class PackageData:
    """A package read for comparison: its descriptor and every CSV table as rows of strings."""
    origin: str
    descriptor: dict
    tables: dict[str, list[dict[str, str]]]

    @property
    def version(self) -> str | None:
        return self.descriptor.get("version")

    def fields(self, table: str) -> dict[str, str]:
        return {f["name"]: f.get("type", "any") for f in self._resource(table)["schema"]["fields"]}

    def primary_key(self, table: str) -> list[str]:
        pk = self._resource(table)["schema"].get("primaryKey") or []
        return [pk] if isinstance(pk, str) else list(pk)

    def _resource(self, table: str) -> dict:
        return next(r for r in self.descriptor["resources"] if r["name"] == table)


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_package(path: Path) -> PackageData:
    """A release zip, a folder holding datapackage.json, or a datapackage.json file."""
    path = Path(path)
    if path.is_file() and path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if PurePosixPath(n).name == "datapackage.json"]
            if not names:
                raise FileNotFoundError(f"{path} holds no datapackage.json")
            desc_name = min(names, key=lambda n: (n.count("/"), n))
            base = PurePosixPath(desc_name).parent
            descriptor = json.loads(z.read(desc_name))
            read = lambda rel: z.read(str(base / rel) if str(base) != "." else rel)  # noqa: E731
            return _tables(str(path), descriptor, read)
    desc_path = path / "datapackage.json" if path.is_dir() else path
    if not desc_path.exists():
        raise FileNotFoundError(f"{path}: no datapackage.json there")
    descriptor = json.loads(desc_path.read_text(encoding="utf-8"))
    return _tables(str(path), descriptor, lambda rel: (desc_path.parent / rel).read_bytes())


def _tables(origin: str, descriptor: dict, read) -> PackageData:
    resources = [r for r in descriptor["resources"] if r.get("format") == "csv"]
    descriptor = {**descriptor, "resources": resources}
    return PackageData(origin, descriptor, {r["name"]: _csv_rows(read(r["path"])) for r in resources})


@dataclass
class RowChange:
    key: tuple[str, ...]
    old: dict[str, str]
    new: dict[str, str]
    fields: list[tuple[str, str, str]]            # (field, old value, new value)


@dataclass
class TableDiff:
    name: str
    key: list[str]
    added: list[dict[str, str]] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class SchemaChange:
    table: str
    what: str                                      # in words: "field `url` added", "table added" …


@dataclass
class DataDiff:
    old_origin: str
    old_version: str | None
    schema: list[SchemaChange]
    tables: dict[str, TableDiff]

    @property
    def schema_changed(self) -> bool:
        return bool(self.schema)

    @property
    def rows_changed(self) -> bool:
        return any(not t.empty for t in self.tables.values())

    def bump(self) -> str:
        """Semantic-version part to raise: a schema change breaks readers (major); rows added,
        removed or corrected are new content (minor); anything else (documentation) is a patch."""
        return "major" if self.schema_changed else "minor" if self.rows_changed else "patch"


def _schema_changes(old: PackageData, new: PackageData) -> list[SchemaChange]:
    changes = []
    for t in sorted(set(new.tables) - set(old.tables)):
        changes.append(SchemaChange(t, "table added"))
    for t in sorted(set(old.tables) - set(new.tables)):
        changes.append(SchemaChange(t, "table removed"))
    for t in [t for t in new.tables if t in old.tables]:
        of, nf = old.fields(t), new.fields(t)
        changes += [SchemaChange(t, f"field `{f}` added ({nf[f]})") for f in nf if f not in of]
        changes += [SchemaChange(t, f"field `{f}` removed") for f in of if f not in nf]
        changes += [SchemaChange(t, f"field `{f}` type {of[f]} → {nf[f]}") for f in nf if f in of and of[f] != nf[f]]
        if old.primary_key(t) != new.primary_key(t):
            changes.append(SchemaChange(t, f"primary key ({', '.join(old.primary_key(t))}) → "
                                           f"({', '.join(new.primary_key(t))})"))
    return changes


def diff_table(name: str, key: list[str], old_rows: list[dict], new_rows: list[dict],
               compared: list[str]) -> TableDiff:
    def keyed(rows):
        return {tuple(r.get(k, "") for k in key): r for r in rows}

    old, new = keyed(old_rows), keyed(new_rows)
    result = TableDiff(name, key)
    for k in sorted(new.keys() - old.keys()):
        result.added.append(new[k])
    for k in sorted(old.keys() - new.keys()):
        result.removed.append(old[k])
    for k in sorted(old.keys() & new.keys()):
        changes = [(f, old[k].get(f, ""), new[k].get(f, "")) for f in compared
                   if old[k].get(f, "") != new[k].get(f, "")]
        if changes:
            result.changed.append(RowChange(k, old[k], new[k], changes))
        else:
            result.unchanged += 1
    return result


def diff_packages(old: PackageData, new: PackageData) -> DataDiff:
    tables = {}
    for t in new.tables:
        if t not in old.tables:
            tables[t] = TableDiff(t, new.primary_key(t), added=list(new.tables[t]))
            continue
        key = new.primary_key(t) if new.primary_key(t) == old.primary_key(t) else old.primary_key(t)
        # fields present in only one version are reported once as schema changes, not on every row
        compared = [f for f in new.fields(t) if f in old.fields(t) and f not in key]
        tables[t] = diff_table(t, key, old.tables[t], new.tables[t], compared)
    for t in old.tables:
        if t not in new.tables:
            tables[t] = TableDiff(t, old.primary_key(t), removed=list(old.tables[t]))
    return DataDiff(old.origin, old.version, _schema_changes(old, new), tables)

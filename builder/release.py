"""`python -m builder publish`: turn the validated package into a versioned, citable release.

The release is `dist/<name>-<version>.zip` (one folder inside, all paths relative): the root
datapackage.json with `version` and `created`, every table as CSV and Parquet under datapackage/,
the timeline, a DuckDB database, an Excel workbook, the static site, README (dataset card),
CODEBOOK, CHANGELOG (with the data diff), CITATION.cff, .zenodo.json, LICENSE files and SHA256SUMS.
The same inputs give the same bytes; an existing version is never overwritten."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import card, changelog, codebook, metadata
from .datadiff import DataDiff, PackageData, diff_packages, read_package
from .schema import TABLES

REPO = Path(__file__).resolve().parent.parent
ZIP_TIME = (1980, 1, 1, 0, 0, 0)          # the earliest time a zip can hold: no clock in the bytes
BUMPS = ("patch", "minor", "major")
FIRST_VERSION = "1.0.0"
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


class PublishError(RuntimeError):
    pass


@dataclass
class Options:
    package_dir: Path = REPO / "datapackage"
    dist: Path = REPO / "dist"
    releases: Path = REPO / "releases"
    metadata_path: Path = metadata.DEFAULT_PATH
    sources_root: Path = REPO            # article paths in the articles table resolve from here
    docs_root: Path = REPO               # README.md, LICENSE, LICENSE-DATA
    previous: Path | None = None
    bump: str | None = None
    created: str | None = None           # YYYY-MM-DD; default SOURCE_DATE_EPOCH, else today (UTC)
    dry_run: bool = False


@dataclass
class Release:
    name: str
    version: str
    created: str
    bump: str
    diff: DataDiff | None
    entry: str                           # this release's changelog section
    problems: list[str] = field(default_factory=list)     # placeholder metadata (dry runs only)
    files: dict[str, bytes] = field(repr=False, default_factory=dict)
    zip_path: Path | None = None
    zip_sha256: str = ""


# ---------------------------------------------------------------------------------------------
# versions

def parse_version(text: str) -> tuple[int, int, int]:
    m = _SEMVER.match(text or "")
    if not m:
        raise PublishError(f"{text!r} is not a semantic version (MAJOR.MINOR.PATCH)")
    return int(m[1]), int(m[2]), int(m[3])


def next_version(previous: str | None, bump: str) -> str:
    if previous is None:
        return FIRST_VERSION
    major, minor, patch = parse_version(previous)
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[bump]


def _created(option: str | None) -> str:
    if option:
        try:
            day = dt.date.fromisoformat(option[:10])
        except ValueError as e:
            raise PublishError(f"--created {option!r} is not a date (YYYY-MM-DD)") from e
    elif os.environ.get("SOURCE_DATE_EPOCH"):
        day = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc).date()
    else:
        day = dt.datetime.now(dt.timezone.utc).date()
    return f"{day.isoformat()}T00:00:00Z"


# ---------------------------------------------------------------------------------------------
# the record of published versions (committed: releases/index.json, releases/CHANGELOG.md)

def read_index(releases: Path) -> list[dict]:
    path = releases / "index.json"
    return json.loads(path.read_text(encoding="utf-8"))["releases"] if path.exists() else []


def _write_index(releases: Path, entries: list[dict]) -> None:
    releases.mkdir(parents=True, exist_ok=True)
    entries = sorted(entries, key=lambda e: parse_version(e["version"]), reverse=True)
    text = json.dumps({"releases": entries}, ensure_ascii=False, indent=2) + "\n"
    (releases / "index.json").write_text(text, encoding="utf-8")


def _zips_in(dist: Path, name: str) -> dict[str, Path]:
    found = {}
    for p in dist.glob(f"{name}-*.zip") if dist.is_dir() else ():
        version = p.name[len(name) + 1:-4]
        if _SEMVER.match(version):
            found[version] = p
    return found


def find_previous(opts: Options, name: str) -> Path | None:
    """The newest published release: the newest zip in dist/, which must be the newest version
    the index records (a clone without dist/ passes --previous)."""
    if opts.previous is not None:
        if not Path(opts.previous).exists():
            raise PublishError(f"--previous {opts.previous} does not exist")
        return Path(opts.previous)
    zips = _zips_in(opts.dist, name)
    recorded = [e["version"] for e in read_index(opts.releases)]
    newest_recorded = max(recorded, key=parse_version) if recorded else None
    if newest_recorded and newest_recorded not in zips:
        raise PublishError(f"release {newest_recorded} is recorded in {opts.releases / 'index.json'} but "
                           f"{opts.dist / f'{name}-{newest_recorded}.zip'} is missing; pass --previous PATH "
                           "(the release zip or an unpacked release) so the diff has something to compare with")
    return zips[max(zips, key=parse_version)] if zips else None


# ---------------------------------------------------------------------------------------------
# building the release

def validation_errors(package_dir: Path, sources_root: Path) -> list[str]:
    from .validate import frictionless_errors, integrity_errors
    descriptor = package_dir / "datapackage.json"
    if not descriptor.exists():
        return [f"{descriptor} is missing: build the package first (python3 tasks.py build)"]
    return frictionless_errors(descriptor) + integrity_errors(package_dir, sources_root)


def release_descriptor(inner: dict, meta: metadata.Metadata, version: str, created: str, n_articles: int) -> dict:
    resources = [{**r, "path": "datapackage/" + r["path"]} for r in inner["resources"]]
    return {
        "$schema": inner["$schema"], "name": meta.name, "title": meta.title,
        "description": f"{meta.description} Built from {n_articles} articles. See CODEBOOK.md for the coding rules.",
        "version": version, "created": created, "homepage": meta.homepage, "keywords": list(meta.keywords),
        "licenses": inner["licenses"], "sources": inner["sources"],
        "contributors": [{"title": c.full_name, "roles": ["creator"],
                          **({"path": f"https://orcid.org/{c.orcid}"} if c.orcid else {}),
                          **({"organization": c.affiliation} if c.affiliation else {})} for c in meta.creators],
        "resources": resources,
    }


def _previous_changelog(previous: Path | None, releases: Path) -> str | None:
    if previous is not None and previous.suffix == ".zip":
        with zipfile.ZipFile(previous) as z:
            names = sorted((n for n in z.namelist() if n.endswith("/CHANGELOG.md") or n == "CHANGELOG.md"),
                           key=lambda n: n.count("/"))
            if names:
                return z.read(names[0]).decode("utf-8")
    if previous is not None and (previous / "CHANGELOG.md").exists():
        return (previous / "CHANGELOG.md").read_text(encoding="utf-8")
    path = releases / "CHANGELOG.md"
    return path.read_text(encoding="utf-8") if path.exists() else None


def _json(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def assemble(opts: Options, meta: metadata.Metadata, version: str, created: str, changelog_text: str,
             n_articles: int) -> dict[str, bytes]:
    """Every file of the release by its relative path (SHA256SUMS last)."""
    from .citation import citation_cff, zenodo_json
    from .duckdb_export import write_database
    from .site import render as render_site
    from .workbook import write_workbook

    package_dir = Path(opts.package_dir)
    inner = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    descriptor = release_descriptor(inner, meta, version, created, n_articles)
    files: dict[str, bytes] = {}
    for t in TABLES:
        for ext in ("csv", "parquet"):
            files[f"datapackage/{t.name}.{ext}"] = (package_dir / f"{t.name}.{ext}").read_bytes()
    timeline = package_dir / "timeline.html"
    if timeline.exists():
        files["datapackage/timeline.html"] = timeline.read_bytes()
    else:
        from .timeline import load_tables, to_html
        files["datapackage/timeline.html"] = to_html(load_tables(package_dir)).encode("utf-8")
    files["datapackage.json"] = _json(descriptor)
    readme = (Path(opts.docs_root) / "README.md").read_text(encoding="utf-8")
    files["README.md"] = card.with_header(readme, meta).encode("utf-8")
    files["CODEBOOK.md"] = (codebook.render() + "\n").encode("utf-8")
    files["CHANGELOG.md"] = changelog_text.encode("utf-8")
    files["CITATION.cff"] = citation_cff(descriptor, meta).encode("utf-8")
    files[".zenodo.json"] = zenodo_json(descriptor, meta).encode("utf-8")
    for name in ("LICENSE", "LICENSE-DATA"):
        files[name] = (Path(opts.docs_root) / name).read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for rel, data in files.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp / rel).write_bytes(data)
        created_dt = dt.datetime.fromisoformat(created.replace("Z", "+00:00")).replace(tzinfo=None)
        write_database(tmp / "datapackage", tmp / f"{meta.name}.duckdb")
        files[f"{meta.name}.duckdb"] = (tmp / f"{meta.name}.duckdb").read_bytes()
        write_workbook(tmp / "datapackage", tmp / f"{meta.name}.xlsx", created_dt, meta.title)
        files[f"{meta.name}.xlsx"] = (tmp / f"{meta.name}.xlsx").read_bytes()
        listed = sorted([*files, "SHA256SUMS", "site/index.html"])
        files["site/index.html"] = render_site(tmp, listed, descriptor).encode("utf-8")
    files["SHA256SUMS"] = "".join(f"{hashlib.sha256(files[p]).hexdigest()}  {p}\n"
                                  for p in sorted(files)).encode("utf-8")
    return files


def zip_bytes(files: dict[str, bytes], top: str) -> bytes:
    """A zip whose bytes depend on the files only: sorted names, fixed times and permissions."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for rel in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{rel}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            z.writestr(info, files[rel], compresslevel=9)
    return buf.getvalue()


def publish(opts: Options, log=print) -> Release:
    meta = metadata.load(opts.metadata_path)
    problems = metadata.placeholder_problems(meta)
    if problems and not opts.dry_run:
        metadata.require_publishable(meta)
    package_dir = Path(opts.package_dir)
    errors = validation_errors(package_dir, Path(opts.sources_root))
    if errors:
        raise PublishError(f"the package in {package_dir} fails validation ({len(errors)} error(s)); nothing was "
                           "published. Fix the data or rebuild, then publish again:\n  "
                           + "\n  ".join(errors[:20]) + ("\n  …" if len(errors) > 20 else ""))
    new = read_package(package_dir)
    previous = find_previous(opts, meta.name)
    old: PackageData | None = read_package(previous) if previous else None
    diff = diff_packages(old, new) if old else None
    needed = diff.bump() if diff else "major"
    bump = opts.bump or needed
    if bump not in BUMPS:
        raise PublishError(f"--bump {bump!r}: choose one of {', '.join(BUMPS)}")
    if diff and BUMPS.index(bump) < BUMPS.index(needed):
        raise PublishError(f"--bump {bump} is too small: the data diff needs a {needed} release "
                           + ("(the schema changed)" if needed == "major" else "(rows changed)"))
    # an older package folder given by path has no version: count from the newest recorded release
    recorded = [e["version"] for e in read_index(Path(opts.releases))]
    base = old.version if old is not None and old.version else (max(recorded, key=parse_version) if recorded else None)
    version = next_version(base, bump)
    created = _created(opts.created)
    zip_path = Path(opts.dist) / f"{meta.name}-{version}.zip"
    if zip_path.exists() or version in {e["version"] for e in read_index(Path(opts.releases))}:
        raise PublishError(f"version {version} is already published ({zip_path}); a release is never "
                           "overwritten. Use --bump to publish a higher version.")
    entry = changelog.entry(version, created, diff, {t: len(r) for t, r in new.tables.items()})
    full_changelog = changelog.prepend(entry, _previous_changelog(previous, Path(opts.releases)))
    files = assemble(opts, meta, version, created, full_changelog, len(new.tables["articles"]))
    release = Release(meta.name, version, created, bump if diff else "initial", diff, entry, files=files,
                      problems=problems)
    if opts.dry_run:
        return release
    data = zip_bytes(files, f"{meta.name}-{version}")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_name(f".{zip_path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    try:
        os.link(tmp, zip_path)          # fails if the version appeared meanwhile: never overwrite
    except FileExistsError as e:
        raise PublishError(f"{zip_path} appeared while publishing; not overwritten") from e
    finally:
        tmp.unlink()
    unpacked = zip_path.with_suffix("")
    if unpacked.exists():
        shutil.rmtree(unpacked)
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(zip_path.parent)
    release.zip_path, release.zip_sha256 = zip_path, hashlib.sha256(data).hexdigest()
    _record(opts, release, len(data), previous)
    return release


def _record(opts: Options, release: Release, size: int, previous: Path | None) -> None:
    releases = Path(opts.releases)
    entries = [e for e in read_index(releases) if e["version"] != release.version]
    entries.append({"version": release.version, "created": release.created, "bump": release.bump,
                    "file": release.zip_path.name, "bytes": size, "sha256": release.zip_sha256,
                    "previous": release.diff.old_version if release.diff else None})
    _write_index(releases, entries)
    (releases / "CHANGELOG.md").write_bytes(release.files["CHANGELOG.md"])

"""The last timeline drawn, kept in the cache folder: a rebuild whose figure tables are unchanged
copies it instead of drawing it again (drawing took 2 s of a 10,000-article rebuild).

The timeline is a pure function of the CSVs of `schema.FIGURE_TABLES`, of the code that draws
it (timeline.py and the builder modules it imports) and of the plotly and pandas versions; its key
is a hash of all of these, so a kept copy is byte-identical to a new drawing.

When the figure tables did change, the events whose inputs did not are not formatted again: the
hover texts `timeline.prepare_events` made for them last time are kept beside it (`events.pickle`,
keyed by a digest of each event's rows, valid for the same code). Both are safe to delete.
"""
from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from . import __version__
from .atomic import atomic_write_bytes
from .cache import extraction_modules
from .schema import FIGURE_TABLES


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    # the versions as installed: importing pandas only to ask took half a second
    h = hashlib.sha256("|".join([__version__, version("plotly"), version("pandas")]).encode())
    for path in extraction_modules("timeline"):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def key_of_tables(csvs: dict[str, bytes]) -> str:
    """The key of the figure tables' CSV bytes, by name."""
    h = hashlib.sha256(_code_fingerprint().encode())
    for name in FIGURE_TABLES:
        h.update(name.encode() + b"\0" + csvs[name] + b"\0")
    return h.hexdigest()


def _kept(folder: Path, key: str) -> Path:
    return Path(folder) / "timeline" / f"{key}.html"


def _digest(page: bytes) -> str:
    return hashlib.sha256(page).hexdigest()


def kept_page(folder: Path, key: str) -> bytes | None:
    """The kept timeline of this key, if there is one and it is whole."""
    kept = _kept(folder, key)
    try:
        page = kept.read_bytes()
        whole = kept.with_suffix(".sha256").read_text(encoding="ascii") == _digest(page)
    except OSError:
        return None
    return page if whole else None


def keep(folder: Path, key: str, page: bytes) -> None:
    """Keep `page` as the timeline of this key (only the latest one is kept). Not synced to
    disk (that took 0.1 s for 10 MB): after a crash the page may be cut short, so its digest is
    kept beside it and `reuse` compares the two."""
    kept = _kept(folder, key)
    kept.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(kept, page, durable=False)
    atomic_write_bytes(kept.with_suffix(".sha256"), _digest(page).encode("ascii"), durable=False)
    for old in [*kept.parent.glob("*.html"), *kept.parent.glob("*.sha256")]:
        if old.stem != kept.stem:
            old.unlink(missing_ok=True)


def _events_file(folder: Path) -> Path:
    return Path(folder) / "timeline" / "events.pickle"


def load_events(folder: Path) -> dict[bytes, str]:
    """The hover texts kept by the last drawing with this code; empty when there are none."""
    try:
        kept = pickle.loads(_events_file(folder).read_bytes())
        if kept.get("code") == _code_fingerprint():
            return kept["events"]
    except Exception:       # missing, damaged or from another version: drawn afresh
        pass
    return {}


def keep_events(folder: Path, events: dict[bytes, str]) -> None:
    path = _events_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, pickle.dumps({"code": _code_fingerprint(), "events": events},
                                          protocol=pickle.HIGHEST_PROTOCOL), durable=False)

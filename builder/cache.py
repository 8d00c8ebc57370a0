"""Cache of per-article extractions, so a rebuild re-extracts only what changed.

One pickle per article under the cache folder (default `.cache/extract/`, git-ignored), named by
a hash of the article's id, path, bytes' hash and decoded text and of the builder itself (its
version, the source of every module the extraction imports and every lexicon file). Changing any of these misses the cache,
so a stale entry is never used; deleting the folder only costs time. A damaged entry is a miss.

Loading 10,000 small pickles one by one took longer than anything else in a rebuild, so the
entries of a build are also packed into one file (`pack.pickle`), read at once by the next build.
The pack is rewritten only when it has fallen well behind (see `PACK_SLACK`): a rebuild after
one article changed reads the pack and that article's own file.

An entry gets a file of its own only when the pack will not hold it: a build that rewrites the
pack (a first build, or one after many articles changed) writes no entry files. Creating 10,000
small files cost more than the extraction itself on this project's machine (1–2 ms a file
against 2.5 ms an article); the price is that a build killed before its end keeps nothing.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import __version__
from .atomic import atomic_write_bytes
from .records import ArticleExtraction, InputFile

BUILDER = Path(__file__).resolve().parent


# "from .x import …", "from . import x, y" and "from builder.x import …", at any indent
_IMPORT = re.compile(r"^[ \t]*from[ \t]+(?:\.|builder\.)(\w*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.M)


def extraction_modules(start: str = "extract") -> list[Path]:
    """The builder modules the per-article stage runs: extract.py and what it imports, transitively
    (merge, tables, package and timeline come after the cache and do not invalidate it). The imports
    are found by a pattern, not by parsing: parsing every module was half a second of each build."""
    seen, todo = set(), [start, "records"]
    while todo:
        name = todo.pop()
        if name in seen or not (BUILDER / f"{name}.py").exists():
            continue
        seen.add(name)
        for module, names in _IMPORT.findall((BUILDER / f"{name}.py").read_text(encoding="utf-8")):
            if module:
                todo.append(module)
            else:
                todo.extend(n.split()[0] for n in re.sub(r"#[^\n]*", "", names).strip("()").split(",") if n.strip())
    return sorted(BUILDER / f"{name}.py" for name in seen)


@lru_cache(maxsize=1)
def builder_fingerprint() -> str:
    """Version plus the bytes of the code and lexicons that produce an extraction."""
    h = hashlib.sha256(__version__.encode())
    for path in extraction_modules() + sorted((BUILDER / "lexicon").glob("*.csv")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def key_of(source: InputFile) -> str:
    h = hashlib.sha256(builder_fingerprint().encode())
    for part in (source.article_id, source.path, source.sha256, source.text or ""):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def slim(x: ArticleExtraction) -> ArticleExtraction:
    """The extraction without the article's text and matching copy: the text is the input's own
    and is put back by `restore`; the matching copy is only needed while extracting."""
    return replace(x, article=replace(x.article, text="", match_text=""))


def restore(x: ArticleExtraction, source: InputFile) -> ArticleExtraction:
    x.article.text = source.text or ""
    return x


PACK_SLACK = 20   # rewrite the pack when more than 1 in 20 entries used, or kept, is not in it


class ExtractionCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None
        self._pack: dict[str, ArticleExtraction] | None = None

    def __getstate__(self) -> dict:
        return {"folder": self.folder, "_pack": None}     # a worker writes entries, it never reads the pack

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def _packed(self) -> dict[str, ArticleExtraction]:
        if self._pack is None:
            self._pack = {}
            try:
                with open(self.folder / "pack.pickle", "rb") as f:
                    saved = pickle.load(f)
                if saved.get("builder") == builder_fingerprint():
                    self._pack = saved["entries"]
            except Exception:      # missing, damaged or from another builder: each entry's own file
                pass
        return self._pack

    def get(self, source: InputFile, key: str | None = None, from_pack: bool = True) -> ArticleExtraction | None:
        """The kept extraction, or None. `from_pack`: look in the pack first (worth reading when
        most entries are wanted); else only in the entry's own file (written with every entry)."""
        if self.folder is None:
            return None
        key = key or key_of(source)
        x = self._packed().get(key) if from_pack else None
        if x is not None:
            return x
        try:
            with open(self._path(key), "rb") as f:
                x = pickle.load(f)
        except Exception:          # missing, truncated or from an incompatible build: a miss
            return None
        return x if isinstance(x, ArticleExtraction) else None

    def put(self, source: InputFile, x: ArticleExtraction, key: str | None = None) -> None:
        """Write atomically (temporary file, then rename), so a killed build leaves no half entry."""
        if self.folder is None:
            return
        _write_atomically(self._path(key or key_of(source)), x)

    def repacks(self, keys: list[str]) -> bool:
        """Whether `pack(entries of these keys)` will rewrite the pack: it has fallen behind them."""
        if self.folder is None:
            return False
        packed, wanted = self._packed(), set(keys)
        missing = sum(1 for k in wanted if k not in packed)
        unused = sum(1 for k in packed if k not in wanted)
        return missing * PACK_SLACK > len(wanted) or unused * PACK_SLACK > len(packed)

    def pack(self, entries: dict[str, ArticleExtraction]) -> None:
        """Keep this build's entries (slim: no texts) in the pack, when it has fallen behind them."""
        if not self.repacks(list(entries)):
            return
        self._pack = {k: slim(x) for k, x in entries.items()}
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.folder / "pack.pickle", pickle.dumps(
            {"builder": builder_fingerprint(), "entries": self._pack}, protocol=pickle.HIGHEST_PROTOCOL))


def _write_atomically(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)

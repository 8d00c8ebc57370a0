"""Cache of per-article extractions, so a rebuild re-extracts only what changed.

One pickle per article under the cache folder (default `.cache/extract/`, git-ignored), named by
a hash of the article's id, path, bytes' hash and decoded text and of the builder itself (its
version, the source of every module the extraction imports and every lexicon file). Changing any of these misses the cache,
so a stale entry is never used; deleting the folder only costs time. A damaged entry is a miss.
"""
from __future__ import annotations

import ast
import hashlib
import os
import pickle
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import __version__
from .records import ArticleExtraction, InputFile

BUILDER = Path(__file__).resolve().parent


def extraction_modules(start: str = "extract") -> list[Path]:
    """The builder modules the per-article stage runs: extract.py and what it imports, transitively
    (merge, tables, package and timeline come after the cache and do not invalidate it)."""
    seen, todo = set(), [start, "records"]
    while todo:
        name = todo.pop()
        if name in seen or not (BUILDER / f"{name}.py").exists():
            continue
        seen.add(name)
        tree = ast.parse((BUILDER / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                todo.extend([node.module] if node.module else [a.name for a in node.names])
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


class ExtractionCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, source: InputFile) -> ArticleExtraction | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(key_of(source)), "rb") as f:
                x = pickle.load(f)
        except Exception:          # missing, truncated or from an incompatible build: a miss
            return None
        return x if isinstance(x, ArticleExtraction) else None

    def put(self, source: InputFile, x: ArticleExtraction) -> None:
        """Write atomically (temporary file, then rename), so a killed build leaves no half entry."""
        if self.folder is None:
            return
        path = self._path(key_of(source))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(x, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

"""The merge of the previous build, kept in the cache folder (`merge.pickle`), so that a rebuild
after one article changed neither loads every article's extraction nor merges every event again.

It keeps, by extraction key, each article's digest (records.ArticleDigest: its blocking keys,
date, publisher, spellings), and, by a hash of its mentions' keys, each blocking component's rows
(tables.EventRows). Merging a component alone gives what merging all mentions at once gives
(merge.merge_component), so a component none of whose articles changed keeps its rows; only the
components a changed article's mentions are in, now or before, are merged again. The archive-wide
steps (unique identifiers, persons, sorting: tables.assemble_rows) always run on everything.
Any change to the builder's code or lexicons drops the whole memo; deleting it costs one slower
build. Tests compare rebuilds with clean builds byte for byte (tests/test_incremental.py).
"""
from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from . import __version__, blocking
from .atomic import atomic_write_bytes
from .cache import ExtractionCache, key_of
from .extract_all import extract_all
from .records import ArticleDigest, InputFile
from .merge import _same_event
from .tables import assemble_rows, digest_of, linked_rows

BUILDER = Path(__file__).resolve().parent
FILE = "merge.pickle"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The version and every module and lexicon of the builder: the memo is only as good as the
    code that made it (merge, tables and what they import, which is nearly everything)."""
    h = hashlib.sha256(__version__.encode())
    for path in sorted(BUILDER.glob("*.py")) + sorted((BUILDER / "lexicon").glob("*.csv")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def set_key(mentions: list[tuple[str, int]]) -> str:
    return hashlib.sha256("\n".join(f"{key}:{i}" for key, i in mentions).encode()).hexdigest()


class MergeMemo:
    def __init__(self, folder: Path | None) -> None:
        self.file = Path(folder) / FILE if folder is not None else None
        self.digests: dict[str, ArticleDigest] = {}
        self.sets: dict[str, list] = {}
        self._loaded: tuple[frozenset, frozenset] = (frozenset(), frozenset())
        if self.file is None:
            return
        try:
            with open(self.file, "rb") as f:
                saved = pickle.load(f)
            if saved["builder"] == fingerprint():
                self.digests, self.sets = saved["digests"], saved["sets"]
        except Exception:        # missing, damaged or from another builder: merged afresh
            self.digests, self.sets = {}, {}
        self._loaded = (frozenset(self.digests), frozenset(self.sets))

    def save(self, digests: dict[str, ArticleDigest], sets: dict[str, tuple]) -> None:
        """Keep this build's digests and linked sets (the others are dropped), unless unchanged."""
        if self.file is None or (frozenset(digests), frozenset(sets)) == self._loaded:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.file, pickle.dumps(
            {"builder": fingerprint(), "digests": digests, "sets": sets},
            protocol=pickle.HIGHEST_PROTOCOL))
        self.digests, self.sets = digests, sets
        self._loaded = (frozenset(digests), frozenset(sets))



def build_rows_kept(inputs: list[InputFile], readable: list[InputFile], cache: ExtractionCache, memo: MergeMemo,
                    jobs: int = 1, progress=None, on_extracted=None, on_merged=None
                    ) -> tuple[dict[str, list], list[ArticleDigest], int]:
    """extract_all then tables.build_rows, with what the memo kept: an article whose extraction
    key it knows is neither extracted nor loaded, unless a linked set it is in must be merged
    again. Returns the rows, each readable article's digest and how many came from the cache."""
    keys = [key_of(s) for s in readable]
    digests: list[ArticleDigest | None] = [memo.digests.get(k) for k in keys]
    todo = [i for i, d in enumerate(digests) if d is None]
    # with nothing kept every extraction is loaded anyway: the pack is then worth keeping up to date
    everything = len(todo) == len(readable)
    fresh, cached = extract_all([readable[i] for i in todo], cache, jobs=jobs, progress=progress,
                                pack=everything, from_pack=everything)
    loaded = {i: x for i, x in zip(todo, fresh)}
    for i, x in loaded.items():
        digests[i] = digest_of(x)
    from_cache = len(readable) - len(todo) + cached
    if on_extracted:
        on_extracted(from_cache)

    def events_of(a: int):
        if a not in loaded:    # an unchanged article in a linked set merged again
            loaded[a] = extract_all([readable[a]], cache, jobs=1, pack=False, from_pack=False)[0][0]
        return loaded[a].events

    # every mention: (article's position, index in the article), and its id across builds
    where = [(a, i) for a, d in enumerate(digests) for i in range(d.n_events)]
    ids = [(keys[a], i) for a, i in where]
    kept_set = {mid: name for name, (members, _) in memo.sets.items() for mid in members}
    present = set(ids)
    # sets with a mention gone are merged again, and so are those a new mention is linked to
    again = {kept_set[mid] for mid in kept_set if mid not in present}
    new = [n for n, mid in enumerate(ids) if mid not in kept_set]
    if new:
        filed = [k for d in digests for k in d.event_keys]
        views = [v for d in digests for v in d.event_views]
        index = blocking.blocks_of(filed)
        for n in new:
            a, pa = views[n]
            for c in sorted(blocking.partners(n, filed[n], index)):
                name = kept_set.get(ids[c])
                if name is None or name in again:
                    continue
                b, pb = views[c]
                if a.article_id != b.article_id and _same_event(a, b, pa, pb):
                    again.add(name)
    sets = {name: kept for name, kept in memo.sets.items() if name not in again}
    redo = sorted(set(new) | {n for n, mid in enumerate(ids) if kept_set.get(mid) in again})
    for members, rows in linked_rows([events_of(where[n][0])[where[n][1]] for n in redo]):
        mentions = [ids[redo[m]] for m in members]
        sets[set_key(mentions)] = (mentions, rows)
    memo.save(dict(zip(keys, digests)), sets)
    parts = [part for _, rows in sets.values() for part in rows]
    return assemble_rows(inputs, digests, parts, on_merged), digests, from_cache

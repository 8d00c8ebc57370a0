"""The per-article stage for a whole corpus: from the cache when possible, else extracted, in
several processes when there is enough work. The result does not depend on either."""
from __future__ import annotations

import gc
from contextlib import contextmanager, nullcontext

from .cache import ExtractionCache, key_of, restore, slim
from .extract import extract
from .lexicon import load
from .records import ArticleExtraction, InputFile
from .workers import process_pool

MIN_PER_PROCESS = 8      # fewer articles than this per process: starting processes costs more
MIN_COLLECTED = 50       # fewer articles than this are extracted with the garbage collector paused
NO_CACHE = ExtractionCache(None)


def _extract_one(args: tuple[InputFile, ExtractionCache, str | None]) -> ArticleExtraction:
    source, cache, key = args
    x = slim(extract(source, load()))
    cache.put(source, x, key)
    return x


@contextmanager
def _collector_running():
    """Extraction makes and drops much garbage of its own: the collector runs while it does."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()


def extract_all(sources: list[InputFile], cache: ExtractionCache, jobs: int = 1,
                progress=None, pack: bool = True, from_pack: bool = True) -> tuple[list[ArticleExtraction], int]:
    """Extractions in the order of `sources`, and how many came from the cache. `pack`: keep
    the cache's pack up to date with these sources (when they are the whole build's);
    `from_pack`: see ExtractionCache.get."""
    keys = [key_of(s) for s in sources] if cache.folder is not None else [None] * len(sources)
    found = [cache.get(s, k, from_pack) for s, k in zip(sources, keys)]
    todo = [i for i, x in enumerate(found) if x is None]
    # entries the rewritten pack will hold get no file of their own (see builder/cache.py)
    writes_to = NO_CACHE if pack and cache.repacks(keys) else cache
    work = [(sources[i], writes_to, keys[i]) for i in todo]
    jobs = max(1, min(jobs, len(todo) // MIN_PER_PROCESS))
    if jobs == 1:
        fresh = []
        # a few articles make little garbage; a collection would scan the whole build's records
        with _collector_running() if len(work) >= MIN_COLLECTED else nullcontext():
            for n, w in enumerate(work, 1):
                fresh.append(_extract_one(w))
                if progress:
                    progress(n, len(work))
    else:
        load()      # read the lexicons once, before the worker processes are forked
        with process_pool(jobs) as pool:
            fresh = []
            chunk = max(1, min(64, len(work) // (jobs * 8)))
            for n, x in enumerate(pool.map(_extract_one, work, chunksize=chunk), 1):
                fresh.append(x)
                if progress and (n % 100 == 0 or n == len(work)):
                    progress(n, len(work))
    for i, x in zip(todo, fresh):
        found[i] = x
    if cache.folder is not None and pack:
        cache.pack(dict(zip(keys, found)))
    return [restore(x, s) for x, s in zip(found, sources)], len(sources) - len(todo)

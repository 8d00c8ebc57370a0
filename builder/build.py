"""The build: seeds folder → data package. Prints progress and a one-screen summary."""
from __future__ import annotations

import gc
import sys
import time
from contextlib import contextmanager
from collections import Counter
from pathlib import Path

from .archive import is_archive, read_archive
from .article_meta import SidecarError, enrich
from .cache import ExtractionCache
from .drawing import Drawing
from .extract_all import extract_all
from .package import write_package
from .read_memo import ReadMemo
from .rebuild import rebuild
from .reading import SeedsError, discover, read_all
from .records import InputFile
from .tables import build_rows
from .workers import default_jobs, join_background


def _progress(stream):
    def report(i: int, n: int, path: Path) -> None:
        # a line per hundredth (a terminal redrawing 10,000 lines costs more than reading them)
        if (n >= 20 or stream.isatty()) and (i == n or i % max(1, n // 100) == 0):
            print(f"\r  reading {i}/{n}: {path.name[:60]:60s}", end="", file=stream, flush=True)
            if i == n:
                print(file=stream)
    return report


def read_inputs(seeds: Path, stream, jobs: int = 1, memo: ReadMemo | None = None,
                save_memo: bool = True) -> list[InputFile]:
    """A seeds folder of .txt/.html files, or one archive file (.jsonl, .csv, .parquet).
    `memo`: what unchanged files read as in an earlier build (they are not read again); saved
    unless `save_memo` is false (the build saves it later, while the timeline is drawn)."""
    if seeds.is_file():
        if not is_archive(seeds):
            raise SeedsError(f"{seeds} is a file but not an archive (.jsonl, .ndjson, .csv or .parquet)")
        inputs = read_archive(seeds, root=seeds.parent)
        print(f"Building from {len(inputs)} rows of {seeds}", file=stream)
        return inputs
    paths = discover(seeds)
    print(f"Building from {len(paths)} input files in {seeds}/", file=stream)
    inputs = read_all(paths, root=seeds.parent, progress=_progress(stream), jobs=jobs, memo=memo, in_name_order=True)
    if memo is not None and save_memo:
        memo.save()
    return inputs


class _Stages:
    """Wall time of each stage, for the benchmark (not written into the package: builds are
    byte-identical whatever the machine)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._t = time.perf_counter()

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + now - self._t, 3)
        self._t = now


@contextmanager
def _collector_paused():
    """The build holds hundreds of thousands of small records that live until its end; the cyclic
    garbage collector rescanning them again and again took a third of a 10,000-article rebuild.
    Paused for the build (extraction itself runs with it, see extract_all); the cyclic garbage
    left is collected once the collector runs again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build(seeds: Path, out: Path, root_descriptor: Path | None, strict: bool = False,
          timeline: bool = True, stream=sys.stderr, jobs: int | None = None,
          cache_dir: Path | None = None) -> dict:
    """Build the package. `jobs`: processes for reading, extraction and the timeline (default:
    the machine's cores); `cache_dir`: where per-article extractions are kept between builds
    (None: no cache)."""
    with _collector_paused():
        try:
            return _build(seeds, out, root_descriptor, strict, timeline, stream, jobs, cache_dir)
        finally:
            join_background()       # the timeline's process may still be keeping its memo


def _build(seeds: Path, out: Path, root_descriptor: Path | None, strict: bool, timeline: bool, stream,
           jobs: int | None, cache_dir: Path | None) -> dict:
    t0 = time.perf_counter()
    jobs = max(1, default_jobs() if jobs is None else jobs)
    stages = _Stages()
    seeds, out = Path(seeds), Path(out)
    cache_dir = Path(cache_dir) if cache_dir is not None else None
    read_memo = ReadMemo(cache_dir / "inputs.pickle") if cache_dir else None
    inputs = read_inputs(seeds, stream, jobs, read_memo, save_memo=False)
    stages.done("read")
    readable = [f for f in inputs if f.status == "ok"]

    def progress(i: int, n: int) -> None:
        if n >= 20 and (i % 10 == 0 or i == n):
            print(f"\r  extracting {i}/{n}", end="" if i < n else "\n", file=stream, flush=True)

    def extracted(from_cache: int) -> None:
        if from_cache:
            print(f"  {from_cache} of {len(readable)} extractions from the cache, {len(readable) - from_cache} new",
                  file=stream)
        stages.done("extract")

    made, rebuilt = None, None
    if cache_dir is None:
        extractions, from_cache = extract_all(readable, ExtractionCache(None), jobs=jobs, progress=progress)
        extracted(from_cache)
        rows = build_rows(inputs, extractions, on_merged=lambda: stages.done("merge"))
        published = {x.article.article_id: x.article.published for x in extractions}
        mentions_by_article = Counter(r["article_id"] for r in rows["event_sources"])
        counts = {name: len(r) for name, r in rows.items()}
    else:   # what the previous build kept: only what changed is extracted, merged and written again
        rebuilt = rebuild(inputs, readable, ExtractionCache(cache_dir), cache_dir, out, jobs=jobs, progress=progress,
                          on_extracted=extracted, on_merged=lambda: stages.done("merge"))
        rows, made, from_cache = rebuilt.rows, rebuilt.made, rebuilt.from_cache
        if not rebuilt.full:
            written = sum(len(r) for r in rebuilt.new_rows.values())
            print(f"  rebuilt in place: {len(rebuilt.merged_again)} of {len(rebuilt.kept.sets)} linked sets of "
                  f"mentions merged again, {written} event-table rows written, the others kept from {out}/",
                  file=stream)
        published = {d.article_id: d.published for d in rebuilt.digests}
        mentions_by_article, counts = rebuilt.mentions_by_article, rebuilt.counts
    # the timeline is drawn in another process from here on, while the package is written
    drawing = Drawing.start(rows, rebuilt.arrow if rebuilt else {}, made, cache_dir, jobs) if timeline else None
    try:
        enrich(rows["articles"], {f.article_id: f.text for f in inputs}, published, seeds,
               given={f.article_id: {"url": f.url, "headline": f.headline} for f in inputs})
    except SidecarError as e:
        raise SeedsError(str(e)) from e
    report = build_report(rows["articles"], mentions_by_article, counts)
    stages.done("tables")
    texts = {f.article_id: f.text or "" for f in inputs}

    def add_timeline(tmp: Path):
        stages.done("package")
        if drawing is None:
            return None

        def while_waiting() -> None:
            # what this build keeps, but for its files' stats (written once the package is in place)
            if read_memo is not None:
                read_memo.save()
            if rebuilt is not None:
                rebuilt.prepare(cache_dir)

        def place() -> None:
            drawing.place(tmp / "timeline.html", while_waiting if drawing.waiting else None)
            stages.done("timeline")
        if drawing.waiting is None:     # kept, or drawn here: nothing to overlap with
            place()
            return None
        return place

    def check(tmp: Path) -> None:
        from .validate import EVIDENCE_TABLES, evidence_errors, integrity_errors
        stages.done("package")
        if rebuilt is not None and not rebuilt.full:
            # the rows taken from the previous package were checked when they were first written,
            # and their articles are unchanged: the rows written afresh are checked
            errors = evidence_errors({name: [(r["article_id"], r["char_start"], r["char_end"], r["evidence"])
                                             for r in rebuilt.new_rows[name]] for name in EVIDENCE_TABLES},
                                     {a["article_id"]: a["path"] for a in rows["articles"]}, seeds.parent, texts,
                                     where="new {name} row {i}")
        else:
            errors = integrity_errors(tmp, seeds.parent, texts)
        if errors:
            raise RuntimeError("the new package failed its own checks; the previous one is kept:\n  "
                               + "\n  ".join(errors[:20]))
        stages.done("check")

    write_package(out, rows, report, root_descriptor, extra=add_timeline, check=check, made=made)
    if read_memo is not None:
        read_memo.save()        # unless saved while the timeline was drawn
    if rebuilt is not None:
        rebuilt.commit(cache_dir, out)
    stages.done("package")
    report["seconds"] = round(time.perf_counter() - t0, 2)
    report["stage_seconds"] = stages.seconds
    report["from_cache"] = from_cache
    # the event tables were the previous package's with the changed rows replaced (builder/rebuild.py)
    report["patched"] = rebuilt is not None and not rebuilt.full
    print_summary(report, out, stream)
    warnings = [a for a in report["inputs"] if a["status"] not in ("ok", "not_relevant", "not_vietnamese")]
    if strict and (warnings or any(a["status"] in ("not_relevant", "not_vietnamese") for a in report["inputs"])):
        raise SystemExit(f"--strict: {len(warnings)} input(s) were not read cleanly; see above")
    return report


def build_report(articles: list[dict], mentions_by_article: Counter, counts: dict[str, int]) -> dict:
    return {
        "inputs": [{"article_id": a["article_id"], "path": a["path"], "status": a["status"],
                    "reason": a["reason"] or "", "duplicate_of": a["duplicate_of"] or "",
                    "event_mentions": mentions_by_article.get(a["article_id"], 0)} for a in articles],
        "counts": counts,
        "statuses": dict(sorted(Counter(a["status"] for a in articles).items())),
    }


def print_summary(report: dict, out: Path, stream) -> None:
    c = report["counts"]
    s = report["statuses"]
    print(f"Articles: {len(report['inputs'])} inputs — " + ", ".join(f"{k} {v}" for k, v in s.items()), file=stream)
    for a in report["inputs"]:
        if a["status"] != "ok":
            print(f"  {a['status']:12s} {a['path']}: {a['reason']}", file=stream)
    print(f"Events {c['events']} (from {c['event_sources']} mentions), persons {c['persons']}, "
          f"participants {c['participants']}, documents {c['documents']}, topics {c['topics']}", file=stream)
    print(f"Wrote {out}/ (CSV + Parquet, datapackage.json, build_report.json, timeline.html)"
          + (f" in {report['seconds']} s" if "seconds" in report else ""), file=stream)

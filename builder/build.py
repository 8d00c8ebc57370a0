"""The build: seeds folder → data package. Prints progress and a one-screen summary."""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from .article_meta import SidecarError, enrich
from .extract import extract
from .lexicon import load
from .package import write_package
from .reading import SeedsError, discover, read_all
from .records import ArticleExtraction
from .tables import build_rows


def _progress(stream):
    def report(i: int, n: int, path: Path) -> None:
        if n >= 20 or stream.isatty():
            print(f"\r  reading {i}/{n}: {path.name[:60]:60s}", end="", file=stream, flush=True)
            if i == n:
                print(file=stream)
    return report


def build(seeds: Path, out: Path, root_descriptor: Path | None, strict: bool = False,
          timeline: bool = True, stream=sys.stderr) -> dict:
    t0 = time.perf_counter()
    seeds, out = Path(seeds), Path(out)
    paths = discover(seeds)
    print(f"Building from {len(paths)} input files in {seeds}/", file=stream)
    inputs = read_all(paths, root=seeds.parent, progress=_progress(stream))
    lex = load()
    extractions: list[ArticleExtraction] = []
    readable = [f for f in inputs if f.status == "ok"]
    for i, f in enumerate(readable, 1):
        if len(readable) >= 20 and (i % 10 == 0 or i == len(readable)):
            print(f"\r  extracting {i}/{len(readable)}", end="" if i < len(readable) else "\n", file=stream, flush=True)
        extractions.append(extract(f, lex))
    rows = build_rows(inputs, extractions)
    try:
        enrich(rows["articles"], {f.article_id: f.text for f in inputs},
               {x.article.article_id: x.article.published for x in extractions}, seeds)
    except SidecarError as e:
        raise SeedsError(str(e)) from e
    report = build_report(rows, inputs)

    def add_timeline(tmp: Path) -> None:
        if timeline:
            from .timeline import load_tables, write_timeline
            write_timeline(load_tables(tmp), tmp / "timeline.html")

    def check(tmp: Path) -> None:
        from .validate import integrity_errors
        errors = integrity_errors(tmp, seeds.parent)
        if errors:
            raise RuntimeError("the new package failed its own checks; the previous one is kept:\n  "
                               + "\n  ".join(errors[:20]))

    write_package(out, rows, report, root_descriptor, extra=add_timeline, check=check)
    report["seconds"] = round(time.perf_counter() - t0, 2)
    print_summary(report, out, stream)
    warnings = [a for a in report["inputs"] if a["status"] not in ("ok", "not_relevant", "not_vietnamese")]
    if strict and (warnings or any(a["status"] in ("not_relevant", "not_vietnamese") for a in report["inputs"])):
        raise SystemExit(f"--strict: {len(warnings)} input(s) were not read cleanly; see above")
    return report


def build_report(rows, inputs) -> dict:
    by_article = Counter(r["article_id"] for r in rows["event_sources"])
    return {
        "inputs": [{"article_id": a["article_id"], "path": a["path"], "status": a["status"],
                    "reason": a["reason"] or "", "duplicate_of": a["duplicate_of"] or "",
                    "event_mentions": by_article.get(a["article_id"], 0)} for a in rows["articles"]],
        "counts": {name: len(r) for name, r in rows.items()},
        "statuses": dict(sorted(Counter(a["status"] for a in rows["articles"]).items())),
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

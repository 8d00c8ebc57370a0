"""Scale benchmark: synthetic archives of 1,000 and 10,000 articles (several outlets per meeting,
some undated), full builds (CSV + Parquet, descriptor, timeline), a one-article incremental
rebuild, and events found against events planted. Prints a table and JSON.

Run: .venv/bin/python benchmarks/bench_scale.py [SIZES...] [--repeat N]   (default 1000 10000, once)
Each measured build runs in a fresh process of its own (as `python -m builder build` does, but
timed from the call of `build`, after the imports): its peak RSS is its own, and the generated
corpus is not in its memory.
"""
from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, workers) / 1024, 1)


def found_vs_planted(package: Path, planted: list[dict]) -> dict:
    with (package / "events.csv").open(encoding="utf-8") as f:
        events = {r["event_id"]: r for r in csv.DictReader(f)}
    names: dict[str, set[str]] = {}
    with (package / "participants.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            names.setdefault(r["event_id"], set()).add(r["name_vi"])
    index = {(e["event_type"], e["date_start"], n) for eid, e in events.items() for n in names.get(eid, ())}
    matched = sum(1 for p in planted if (p["kind"], p["date"].isoformat(), p["vn"]) in index)
    return {"planted": len(planted), "found": len(events), "matched": matched, "extra": len(events) - matched}


def measure(n: int, jobs: int, mode: str) -> dict:
    """One build, in a process of its own. mode: clean (no cache: `--no-cache`); first (a first
    build into an empty cache folder, as `python -m builder build` does by default); incremental (the package built with a
    cache first, then one article edited: a line added that changes no event); added (the same,
    then another outlet's copy of an article added: its events gain a source, so their rows change)."""
    from synthetic_corpus import generate
    articles, planted = generate(n)
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for name, text in articles.items():
            (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
        cache = Path(tmp) / "cache"
        kept = mode in ("incremental", "added")
        if kept:
            # a file read within a second of being written is read again by the next build (see
            # builder/read_memo.py); an archive is not rebuilt the instant it was written
            time.sleep(1.1)
            subprocess.run([sys.executable, __file__, "--warm", str(seeds), str(cache), str(jobs)], check=True)
            first = seeds / "a000000.txt"
            if mode == "incremental":
                first.write_text(first.read_text(encoding="utf-8") + "\nCập nhật thêm.\n", encoding="utf-8")
            else:
                (seeds / "a999999.txt").write_text(first.read_text(encoding="utf-8") + "\nBài đăng lại.\n",
                                                   encoding="utf-8")
        out = subprocess.run([sys.executable, __file__, "--build", str(seeds), str(Path(tmp) / "pkg"),
                              str(cache) if kept or mode == "first" else "", str(jobs)], check=True, capture_output=True, text=True).stdout
        built = json.loads(out.strip().splitlines()[-1])
        quality = found_vs_planted(Path(tmp) / "pkg", planted)
    wall, stages = built["wall_s"], built["stages_s"]
    return {"articles": n, "jobs": jobs, "mode": mode, "wall_s": round(wall, 2),
            "articles_per_s": round(n / wall, 1),
            "extract_articles_per_s_per_core": round(n / max(stages["extract"], 1e-9) / jobs, 1)
            if mode in ("clean", "first") else None,
            "stages_s": stages, "from_cache": built["from_cache"], "peak_rss_mib": built["peak_rss_mib"],
            **quality}


def build_once(seeds: str, out: str, cache: str, jobs: int) -> dict:
    from builder.build import build
    t0 = time.perf_counter()
    report = build(Path(seeds), Path(out), None, timeline=True, stream=io.StringIO(), jobs=jobs,
                   cache_dir=Path(cache) if cache else None)
    return {"wall_s": time.perf_counter() - t0, "stages_s": report["stage_seconds"],
            "from_cache": report["from_cache"], "peak_rss_mib": peak_mib()}


LINKING = {True: "a shared library", False: "linked into the program", None: "not known"}


def interpreter() -> dict:
    """Which Python ran the benchmark. Extraction speed depends on how it was compiled: Debian's
    /usr/bin/python3 (libpython linked into the program, profile-optimised) runs it faster than
    pyenv's default build (libpython a shared library, no optimisation): BENCHMARKS.md."""
    import platform
    import builder.extract  # noqa: F401  (imports the extraction modules, compiled when they are)
    from builder.compiled import in_use
    maps = Path("/proc/self/maps")
    shared = "libpython" in maps.read_text() if maps.exists() else None
    return {"python": platform.python_version(),
            "executable": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
            "libpython_shared_library": shared,
            # builder/compiled.py: the modules that ran compiled with Cython (none: plain Python)
            "compiled_modules": len(in_use())}


def main(sizes: list[int], repeat: int = 1) -> None:
    """Each run `repeat` times; the fastest is kept (this machine's shared cores make single
    timings vary by up to a half) and every wall time is listed beside it."""
    jobs = len(os.sched_getaffinity(0))
    runs = [(sizes[0], 1, "clean")] + [(n, jobs, "clean") for n in sizes] + [
        (sizes[-1], jobs, "first"), (sizes[-1], jobs, "incremental"), (sizes[-1], jobs, "added")]
    results = []
    for n, j, mode in runs:
        tries = []
        for _ in range(repeat):
            out = subprocess.run([sys.executable, __file__, "--one", str(n), str(j), mode], check=True,
                                 capture_output=True, text=True).stdout
            tries.append(json.loads(out.strip().splitlines()[-1]))
        best = min(tries, key=lambda r: r["wall_s"])
        best["wall_s_all"] = [r["wall_s"] for r in tries]
        results.append(best)
    head = f"{'articles':>8} {'jobs':>4} {'mode':>11} {'wall s':>7} {'art/s':>7} {'ext/s/core':>10} " \
           f"{'read':>5} {'extract':>7} {'merge':>5} {'tables':>6} {'package':>7} {'timeline':>8} {'check':>5} " \
           f"{'RSS MiB':>7} {'planted':>7} {'found':>5} {'matched':>7}"
    python = interpreter()
    print(f"Python {python['python']} at {python['executable']} "
          f"(libpython: {LINKING.get(python['libpython_shared_library'])}); "
          f"{python['compiled_modules'] or 'no'} extraction modules compiled with Cython")
    print(head)
    for r in results:
        r["interpreter"] = python
        s = r["stages_s"]
        print(f"{r['articles']:>8} {r['jobs']:>4} {r['mode']:>11} {r['wall_s']:>7.2f} {r['articles_per_s']:>7.1f} "
              f"{r['extract_articles_per_s_per_core'] or '':>10} {s['read']:>5.2f} {s['extract']:>7.2f} "
              f"{s['merge']:>5.2f} {s['tables']:>6.2f} {s['package']:>7.2f} {s['timeline']:>8.2f} "
              f"{s['check']:>5.2f} {r['peak_rss_mib']:>7.1f} {r['planted']:>7} {r['found']:>5} {r['matched']:>7}")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--one"]:
        print(json.dumps(measure(int(args[1]), int(args[2]), args[3])))
    elif args[:1] == ["--build"]:
        print(json.dumps(build_once(args[1], args[2], args[3], int(args[4]))))
    elif args[:1] == ["--warm"]:
        from builder.build import build
        # into the folder the measured build writes: a rebuild in place, as `python -m builder build` does
        build(Path(args[1]), Path(args[2]).parent / "pkg", None, timeline=True, stream=io.StringIO(),
              jobs=int(args[3]), cache_dir=Path(args[2]))
    else:
        repeat = 1
        if "--repeat" in args:
            at = args.index("--repeat")
            repeat, args = int(args[at + 1]), args[:at] + args[at + 2:]
        main([int(a) for a in args] or [1000, 10000], repeat)

"""Benchmark: build time and peak memory for a growing number of articles (prints figures).

Articles are the seeds and the synthetic development set, copied N times with distinct headers so
they are not duplicates. Run: python3 tasks.py bench
"""
from __future__ import annotations

import io
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.build import build  # noqa: E402

SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/fixtures/dev_articles").glob("d*.txt"))


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for i in range(n):
            src = SOURCES[i % len(SOURCES)]
            (seeds / f"a{i:05d}.txt").write_text(src.read_text(encoding="utf-8") + f"\n\nBản số {i}.\n",
                                                 encoding="utf-8")
        t0 = time.perf_counter()
        report = build(seeds, Path(tmp) / "pkg", None, timeline=True, stream=io.StringIO())
        seconds = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        c = report["counts"]
        print(f"{n:6d} articles  {seconds:7.2f} s  {n / seconds:7.1f} articles/s  peak RSS {peak:7.1f} MiB  "
              f"events {c['events']:5d}  participants {c['participants']:6d}")


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [15, 150, 600]
    for n in sizes:
        run(n)

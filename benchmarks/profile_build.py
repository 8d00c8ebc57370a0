"""Profile one build with pyinstrument and print where the time went (for BENCHMARKS.md).

    .venv/bin/python benchmarks/profile_build.py SEEDS [--cache DIR] [--jobs N]

With --cache pointing at a warm cache this profiles an incremental rebuild; with --jobs 1 and no
cache it shows the extraction itself (worker processes are not seen by a profiler in the parent).
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pyinstrument import Profiler  # noqa: E402

from builder.build import build  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("seeds")
    p.add_argument("--cache", default=None)
    p.add_argument("--jobs", type=int, default=1)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        profiler = Profiler(interval=0.001)
        profiler.start()
        build(Path(args.seeds), Path(tmp) / "pkg", None, timeline=True, stream=io.StringIO(), jobs=args.jobs,
              cache_dir=Path(args.cache) if args.cache else None)
        profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()

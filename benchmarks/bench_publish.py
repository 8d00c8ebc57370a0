"""Benchmark: time of each publishing step and the size of each part of a release (prints figures).

Builds the seeds into a temporary folder, publishes them with throwaway metadata, and reports the
validation, diff and assembly times, the zip's size, and each file's size. Run: python3 tasks.py bench
"""
from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.build import build  # noqa: E402
from builder.datadiff import diff_packages, read_package  # noqa: E402
from builder.release import Options, publish, validation_errors  # noqa: E402

METADATA = """name = "vn-cn-public-security-cooperation"
title = "Viet Nam–China public-security cooperation events"
description = "Benchmark release."
homepage = "https://bench.vncn-test.org/"
keywords = ["bench"]
[[creators]]
given_names = "Josiah"
family_names = "Carberry"
orcid = "0000-0002-1825-0097"
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "dataset.toml").write_text(METADATA, encoding="utf-8")
        package = tmp / "datapackage"
        build(ROOT / "seeds", package, None, stream=io.StringIO())
        t0 = time.perf_counter()
        errors = validation_errors(package, ROOT)
        t1 = time.perf_counter()
        pkg = read_package(package)
        diff_packages(pkg, pkg)
        t2 = time.perf_counter()
        release = publish(Options(package_dir=package, dist=tmp / "dist", releases=tmp / "rel",
                                  metadata_path=tmp / "dataset.toml", created="2026-12-01"), log=lambda m: None)
        t3 = time.perf_counter()
        print(f"publish benchmark ({len(pkg.tables['articles'])} articles; validation errors: {len(errors)})")
        print(f"  validation (frictionless + evidence)  {t1 - t0:6.2f} s")
        print(f"  read + diff of two packages           {t2 - t1:6.2f} s")
        print(f"  whole publish (validates again)       {t3 - t2:6.2f} s")
        print(f"  zip: {release.zip_path.stat().st_size:,d} bytes, {len(release.files)} files, "
              f"{sum(map(len, release.files.values())):,d} bytes unpacked")
        for rel, data in sorted(release.files.items(), key=lambda kv: -len(kv[1]))[:6]:
            print(f"    {len(data):>12,d}  {rel}")


if __name__ == "__main__":
    main()

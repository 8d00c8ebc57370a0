"""Compile the extraction modules with Cython into builder/_compiled/, where builder/compiled.py
finds them. Only what is missing or out of date is compiled; the rest is kept.

Run: python -m builder.compile_modules [--jobs N]
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .compiled import FOLDER, PACKAGE, SOURCES, SUFFIX


def to_compile() -> list[str]:
    """The modules extraction runs (see builder/cache.py), by name. The later stages (merge,
    tables, package) are not compiled: they take a small part of a build."""
    from .cache import extraction_modules
    return [p.stem for p in extraction_modules()]


def compile_modules(names: list[str], jobs: int = 2, folder: Path = FOLDER) -> list[str]:
    """Compile those of `names` missing or out of date in `folder`; returns the ones compiled.
    Raises RuntimeError (with the compiler's output) when compiling fails."""
    try:
        done = json.loads((folder / SOURCES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        done = {}
    sources = {n: (PACKAGE / f"{n}.py").read_bytes() for n in names}   # hashed as copied
    digests = {n: hashlib.sha256(b).hexdigest() for n, b in sources.items()}
    todo = [n for n in names if done.get(n) != digests[n] or not (folder / f"{n}{SUFFIX}").exists()]
    if not todo:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / PACKAGE.name        # a package of the same name: the modules keep theirs
        work.mkdir()
        (work / "__init__.py").write_text("", encoding="utf-8")
        for n in todo:
            (work / f"{n}.py").write_bytes(sources[n])
        script = ("from setuptools import setup\nfrom Cython.Build import cythonize\n"
                  f"setup(script_args=['build_ext', '--inplace', '-j', '{jobs}'], ext_modules=cythonize("
                  f"{[f'{PACKAGE.name}/{n}.py' for n in todo]!r}, nthreads={jobs}, quiet=True, "
                  "compiler_directives={'language_level': 3, 'binding': True}))\n")
        run = subprocess.run([sys.executable, "-c", script], cwd=tmp, capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"compiling {', '.join(todo)} failed:\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
        folder.mkdir(exist_ok=True)
        # the list first forgets what is replaced, then names the new files: at no moment does it
        # say that a file was compiled from a source it was not compiled from
        _write_sources(folder, {n: d for n, d in done.items() if n in names and n not in todo})
        for n in todo:
            # replaced, not rewritten: a running build keeps the file it loaded
            os.replace(work / f"{n}{SUFFIX}", folder / f"{n}{SUFFIX}")
    for n in set(done) - set(names):
        (folder / f"{n}{SUFFIX}").unlink(missing_ok=True)
    _write_sources(folder, {n: digests[n] if n in todo else done[n] for n in names})
    return todo


def _write_sources(folder: Path, sources: dict[str, str]) -> None:
    part = folder / f".{SOURCES}.tmp"
    part.write_text(json.dumps(sources, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(part, folder / SOURCES)


def main(argv: list[str]) -> int:
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else len(os.sched_getaffinity(0))
    try:
        import Cython  # noqa: F401  (only to say clearly what is missing)
    except ImportError:
        print("Cython is not installed: extraction runs as plain Python (same output, slower)", file=sys.stderr)
        return 1
    names = to_compile()
    print(f"compiling the extraction modules with Cython ({len(names)} modules, {jobs} jobs) …", flush=True)
    try:
        compiled = compile_modules(names, jobs)
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 1
    print(f"compiled {len(compiled)} ({', '.join(compiled) or 'all were up to date'}) into {FOLDER}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

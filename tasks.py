#!/usr/bin/env python3
"""Set-up and common tasks, with nothing but Python 3.11+ and git on the machine.

    python3 tasks.py build      # create .venv, install pinned dependencies, build the dataset
    python3 tasks.py test       # the same set-up, then run the test suite
    python3 tasks.py evaluate   # scores against the hand-written gold
    python3 tasks.py bench      # benchmarks (print figures)
    python3 tasks.py publish    # validate datapackage/ and write a versioned release into dist/
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
STAMP = VENV / ".installed"


def sh(*cmd: str) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def _venv_interpreter() -> str | None:
    """The interpreter .venv was made from (its pyvenv.cfg), or None."""
    cfg = VENV / "pyvenv.cfg"
    if not cfg.exists():
        return None
    for line in cfg.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "executable":
            return value.strip()
    return None


def setup() -> None:
    """Create the virtual environment and install the pinned dependencies (once per lock change).
    The environment follows the interpreter that runs this file: `/usr/bin/python3 tasks.py build`
    makes it again from that one (an optimised build extracts faster: BENCHMARKS.md)."""
    running = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    made_from = _venv_interpreter()
    if PY.exists() and made_from and os.path.realpath(made_from) != running:
        print(f"{VENV} was made from {made_from}; making it again from {running}", flush=True)
        shutil.rmtree(VENV)
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "constraints.txt").read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    sh(str(PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-c", "constraints.txt",
       "-e", ".[test,bench,compiled]")
    STAMP.write_text(wanted)


def compile_extraction() -> None:
    """Compile the extraction modules with Cython (only those changed since). Optional: if it
    fails, the same code runs as plain Python, slower, with the same output."""
    try:
        sh(str(PY), "-m", "builder.compile_modules")
    except subprocess.CalledProcessError:
        print("warning: the extraction modules were not compiled; they run as plain Python "
              "(same output, slower)", file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "help"
    if task not in ("build", "test", "evaluate", "bench", "publish"):
        print(__doc__)
        return 0 if task == "help" else 2
    setup()
    if task in ("build", "test", "bench"):
        compile_extraction()
    if task == "build":
        sh(str(PY), "-m", "builder", "build", *argv[1:])
        sh(str(PY), "-m", "builder", "validate")
    elif task == "test":
        sh(str(PY), "-m", "pytest", *argv[1:])
    elif task == "evaluate":
        sh(str(PY), "-m", "builder", "evaluate", *argv[1:])
    elif task == "publish":
        sh(str(PY), "-m", "builder", "publish", *argv[1:])
    elif task == "bench":
        for bench in sorted((ROOT / "benchmarks").glob("bench_*.py")):
            sh(str(PY), str(bench.relative_to(ROOT)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as e:
        sys.exit(e.returncode)

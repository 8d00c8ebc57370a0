"""The extraction modules compiled with Cython, used when they were compiled from the sources
as they are now. Optional: the same source runs as plain Python with the same output, about a
tenth slower (BENCHMARKS.md). `python3 tasks.py build` and `… test` compile them
(builder/compile_modules.py).

Each compiled module lies in `builder/_compiled/` (git-ignored, safe to delete) beside a list of
the sha256 of the source it was made from. A module whose source has changed since is imported
from its source: an edit is never shadowed by an older compiled copy. `BUILDER_PURE_PYTHON=1`
imports every module from its source.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
FOLDER = PACKAGE / "_compiled"
SOURCES = "sources.json"       # {module name: sha256 of the source it was compiled from}
PURE = "BUILDER_PURE_PYTHON"
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]   # this interpreter's, e.g. ".cpython-311-x86_64-linux-gnu.so"


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def usable(package: Path = PACKAGE, folder: Path = FOLDER) -> dict[str, Path]:
    """{"builder.<name>": compiled file} of the modules compiled from their present source."""
    try:
        compiled_from = json.loads((folder / SOURCES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found = {}
    for name, digest in compiled_from.items():
        binary, source = folder / f"{name}{SUFFIX}", package / f"{name}.py"
        if binary.exists() and source.exists() and source_hash(source) == digest:
            found[f"{package.name}.{name}"] = binary
    return found


class _CompiledFinder(importlib.abc.MetaPathFinder):
    """Imports `builder.<name>` from its compiled file, when that file is usable."""

    def __init__(self, modules: dict[str, Path]):
        self.modules = modules

    def find_spec(self, fullname, path=None, target=None):
        binary = self.modules.get(fullname)
        if binary is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(binary))
        return importlib.util.spec_from_file_location(fullname, binary, loader=loader)


def install() -> None:
    """Called once by `builder/__init__.py`, before any of its modules is imported."""
    if os.environ.get(PURE, "") not in ("", "0") or any(isinstance(f, _CompiledFinder) for f in sys.meta_path):
        return
    modules = usable()
    if modules:
        sys.meta_path.insert(0, _CompiledFinder(modules))


def in_use() -> list[str]:
    """The builder modules imported so far from a compiled file."""
    return sorted(name for name, module in list(sys.modules.items())
                  if name.startswith(f"{PACKAGE.name}.") and str(getattr(module, "__file__", "")).endswith(SUFFIX))

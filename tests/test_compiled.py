"""The compiled extraction modules (builder/compiled.py): used only when compiled from the present
source, and extracting exactly what the plain Python source extracts."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder import compiled

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _package(tmp_path: Path, source: str, compiled_from: str | None, binary: bool = True) -> tuple[Path, Path]:
    package, folder = tmp_path / "pkg", tmp_path / "pkg" / "_compiled"
    folder.mkdir(parents=True)
    (package / "rules.py").write_text(source, encoding="utf-8")
    if binary:
        (folder / f"rules{compiled.SUFFIX}").write_bytes(b"not a real library: never loaded here")
    if compiled_from is not None:
        digest = hashlib.sha256(compiled_from.encode()).hexdigest()
        (folder / compiled.SOURCES).write_text(json.dumps({"rules": digest}), encoding="utf-8")
    return package, folder


def test_a_module_compiled_from_its_present_source_is_used(tmp_path):
    package, folder = _package(tmp_path, "X = 1\n", compiled_from="X = 1\n")
    assert compiled.usable(package, folder) == {"pkg.rules": folder / f"rules{compiled.SUFFIX}"}


def test_a_module_edited_since_it_was_compiled_runs_from_its_source(tmp_path):
    package, folder = _package(tmp_path, "X = 2\n", compiled_from="X = 1\n")
    assert compiled.usable(package, folder) == {}


def test_no_list_of_sources_or_no_compiled_file_means_nothing_compiled_is_used(tmp_path):
    package, folder = _package(tmp_path / "a", "X = 1\n", compiled_from=None)
    assert compiled.usable(package, folder) == {}
    package, folder = _package(tmp_path / "b", "X = 1\n", compiled_from="X = 1\n", binary=False)
    assert compiled.usable(package, folder) == {}


def _run(code: str, pure: bool) -> str:
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE}
    if pure:
        env[compiled.PURE] = "1"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout


IN_USE = "import builder.extract, builder.compiled as c; print(' '.join(c.in_use()))"


def _compiled_or_skip() -> list[str]:
    """The extraction modules in use compiled. In CI they must all be: `tasks.py test` compiles them."""
    from builder.compile_modules import to_compile
    used = _run(IN_USE, pure=False).split()
    wanted = [f"builder.{n}" for n in to_compile()]
    if IN_CI:
        assert used == wanted, "tasks.py test compiles every extraction module; see its output"
    elif used != wanted:
        pytest.skip("the extraction modules are not compiled here (python -m builder.compile_modules)")
    return used


def test_every_extraction_module_runs_compiled_after_the_set_up():
    assert _compiled_or_skip()


def test_the_pure_python_switch_imports_every_module_from_its_source():
    assert _run(IN_USE, pure=True).split() == []


FINGERPRINTS = ("import json, sys; sys.path.insert(0, 'benchmarks'); "
                "from extraction_fingerprint import fingerprints; print(json.dumps(fingerprints()[0]))")


def test_compiled_and_plain_python_extract_the_same_from_every_article():
    """Seeds, development articles, every fixture set and a 600-article synthetic archive."""
    _compiled_or_skip()
    fast, plain = json.loads(_run(FINGERPRINTS, pure=False)), json.loads(_run(FINGERPRINTS, pure=True))
    assert len(fast) > 700
    assert fast == plain

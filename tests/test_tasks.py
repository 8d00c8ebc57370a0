"""tasks.py, the set-up script of the README: the environment follows the interpreter that runs it."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tasks():
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reads_which_interpreter_made_the_environment(tmp_path, monkeypatch):
    tasks = _tasks()
    monkeypatch.setattr(tasks, "VENV", tmp_path)
    assert tasks._venv_interpreter() is None          # no environment yet
    (tmp_path / "pyvenv.cfg").write_text("home = /usr/bin\ninclude-system-site-packages = false\n"
                                         "version = 3.11.2\nexecutable = /usr/bin/python3.11\n", encoding="utf-8")
    assert tasks._venv_interpreter() == "/usr/bin/python3.11"

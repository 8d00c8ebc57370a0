"""Atomic outputs: a crash or an error never leaves a half-written result in place."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# The package is not installed in the venv; make the project root importable.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder.atomic import atomic_directory, atomic_write_bytes, atomic_write_text  # noqa: E402


@pytest.fixture
def final(tmp_path: Path) -> Path:
    final = tmp_path / "datapackage"
    final.mkdir()
    (final / "old.txt").write_text("old")
    return final


def contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in folder.iterdir()}


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()                         # reaped, so the pid names no process now
    return proc.pid


def test_success_swaps_the_new_folder_in(final):
    with atomic_directory(final) as tmp:
        assert tmp.parent == final.parent
        assert tmp.name == f".datapackage.tmp-{os.getpid()}"
        assert list(tmp.iterdir()) == []
        (tmp / "new.txt").write_text("new")
        assert contents(final) == {"old.txt": "old"}    # untouched until the end
    assert contents(final) == {"new.txt": "new"}
    assert [p.name for p in final.parent.iterdir()] == ["datapackage"]   # no leftovers


def test_creates_the_folder_when_there_was_none(tmp_path):
    final = tmp_path / "out" / "datapackage"
    with atomic_directory(final) as tmp:
        (tmp / "a.txt").write_text("a")
    assert contents(final) == {"a.txt": "a"}


def test_exception_leaves_the_old_folder_intact(final):
    with pytest.raises(RuntimeError, match="boom"):
        with atomic_directory(final) as tmp:
            (tmp / "new.txt").write_text("half")
            raise RuntimeError("boom")
    assert contents(final) == {"old.txt": "old"}
    assert [p.name for p in final.parent.iterdir()] == ["datapackage"]


def test_sigkill_inside_leaves_old_folder_and_next_run_cleans_up(final):
    child = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from builder.atomic import atomic_directory
        with atomic_directory(__import__("pathlib").Path({str(final)!r})) as tmp:
            (tmp / "new.txt").write_text("half")
            print("inside", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "inside"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    stale = final.parent / f".datapackage.tmp-{proc.pid}"
    assert (stale / "new.txt").exists()
    assert contents(final) == {"old.txt": "old"}

    with atomic_directory(final) as tmp:
        assert not stale.exists()           # cleaned at the start of the next run
        (tmp / "new.txt").write_text("new")
    assert contents(final) == {"new.txt": "new"}
    assert [p.name for p in final.parent.iterdir()] == ["datapackage"]


def test_death_between_the_renames_restores_the_backup(final):
    # Simulate a run killed after moving the old folder aside, before moving the new one in.
    pid = dead_pid()
    backup = final.parent / f".datapackage.old-{pid}"
    final.rename(backup)
    (final.parent / f".datapackage.tmp-{pid}").mkdir()
    with atomic_directory(final) as tmp:
        assert contents(final) == {"old.txt": "old"}
        (tmp / "x.txt").write_text("x")
    assert contents(final) == {"x.txt": "x"}
    assert [p.name for p in final.parent.iterdir()] == ["datapackage"]


def test_temporaries_of_a_live_process_are_left_alone(final):
    other = final.parent / f".datapackage.tmp-{os.getppid()}"
    other.mkdir()
    with atomic_directory(final):
        pass
    assert other.exists()


def test_atomic_write_replaces_the_file(tmp_path):
    path = tmp_path / "table.csv"
    atomic_write_text(path, "a,b\r\n1,2\n")
    assert path.read_bytes() == b"a,b\r\n1,2\n"     # written exactly, no newline translation
    atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_atomic_write_honours_the_umask(tmp_path):
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    atomic_write_bytes(tmp_path / "atomic", b"x")
    assert (tmp_path / "atomic").stat().st_mode == plain.stat().st_mode


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "table.csv"
    path.write_text("old")

    def broken_fsync(fd):
        raise OSError("disk full")
    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_stale_temp_file_of_a_dead_writer_is_removed(tmp_path):
    path = tmp_path / "table.csv"
    stale = tmp_path / f".table.csv.tmp-{dead_pid()}-0123abcd"
    stale.write_text("half")
    atomic_write_text(path, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]

"""The background process of a build (builder/workers.py): its result, its error, the work it
does after reporting, and a result nobody asks for."""
from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from builder.workers import in_background, join_background


def _page(size: int, marker: Path | None = None):
    def leftover() -> None:
        time.sleep(0.3)
        marker.write_text("kept", encoding="utf-8")
    return b"x" * size, leftover if marker else None


def _broken():
    raise ValueError("no figure today")


def test_the_result_comes_back_and_the_leftover_work_runs_after(tmp_path):
    marker = tmp_path / "kept"
    wait = in_background(_page, 10_000_000, marker, what="drawing")
    assert wait() == b"x" * 10_000_000
    assert not marker.exists()          # reported first; the cache is written after
    join_background()
    assert marker.read_text(encoding="utf-8") == "kept"


def test_the_task_error_is_raised_by_wait():
    wait = in_background(_broken, what="drawing")
    with pytest.raises(RuntimeError, match="drawing failed: ValueError: no figure today"):
        wait()
    join_background()


def test_a_result_never_asked_for_does_not_hang_the_build():
    """A build that fails before it waits for the timeline still ends: the process, blocked
    sending a result larger than a pipe holds, is stopped."""
    wait = in_background(_page, 10_000_000, what="drawing")     # held, as a failed build's traceback holds it
    time.sleep(0.5)

    def hung(*args):
        raise RuntimeError("join_background hung")   # (not an OSError: waitpid swallows those)
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        join_background()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    del wait


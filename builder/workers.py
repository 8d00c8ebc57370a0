"""Work in other processes: a pool of forked workers for the per-article stages, and one
background task. Results never depend on how many processes ran (tests compare --jobs 1 and 2)."""
from __future__ import annotations

import gc
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """Forked workers (they share the parent's loaded lexicons without reading them again)."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork"), initializer=_worker_start,
                               initargs=(os.getpid(),))


def _worker_start(parent: int) -> None:
    """In each worker: run the garbage collector (workers are forked from a build that paused
    it), and leave when the build is gone. A build killed outright (SIGKILL, an out-of-memory
    kill) cannot stop its workers, and they would otherwise wait for work forever."""
    gc.enable()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


_started: list = []          # [process, its result received] of the background processes not yet joined


def in_background(task, *args, what: str):
    """Start task(*args) in a forked process; returns a function that waits for its result and
    raises, with the task's own error, if it failed.

    The task returns (result, leftover): the result is sent back; `leftover`, a function or
    None, then runs in that process: work nobody needs to wait for (writing a cache file), done
    while the build goes on; its failure is printed, not raised. `join_background` waits for it.
    """
    context = get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def run() -> None:
        try:
            result, leftover = task(*args)
        except BaseException as e:
            send.send((f"{type(e).__name__}: {e}", None))
            raise
        send.send(("", result))
        send.close()
        if callable(leftover):
            try:
                leftover()
            except Exception as e:
                print(f"warning: {what}: {type(e).__name__}: {e}", file=sys.stderr)

    process = context.Process(target=run, name=what)
    process.start()
    entry = [process, False]
    _started.append(entry)
    send.close()

    def wait():
        try:
            error, result = receive.recv()
        except EOFError:               # it died before saying anything
            process.join()
            error, result = f"exit code {process.exitcode}", None
        entry[1] = True
        if error:
            raise RuntimeError(f"{what} failed: {error}")
        return result
    return wait


def join_background() -> None:
    """Wait for the background processes to end, their leftover work included. One whose result
    was never asked for (the build failed first) is stopped: it would wait to send it forever."""
    while _started:
        process, received = _started.pop()
        if not received:
            process.terminate()
        process.join()

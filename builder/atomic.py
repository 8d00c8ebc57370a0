"""Replace outputs all at once, so nobody sees a half-built result, even after a crash.

`atomic_directory` builds a folder beside the final one and swaps it in with two renames.
`atomic_write_bytes` / `atomic_write_text` do the same for one file with os.replace.
Both rely on rename being atomic within one filesystem, hence the temporaries live in the
destination's own folder. The pid in a temporary's name tells a later run whether its owner
is still alive, so leftovers of a killed run can be cleaned (POSIX).
"""
from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_directory(final: Path) -> Iterator[Path]:
    """Yield an empty folder `.{final.name}.tmp-<pid>` beside `final`; on success it becomes `final`.

    On an exception the temporary folder is removed and `final` is left as it was.
    """
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale(final)
    tmp = _sibling(final, "tmp")
    _remove(tmp)
    tmp.mkdir()
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _swap(tmp, final)


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` so that readers see the old or the new content, never a mix.
    `durable`: on disk before the call returns. A cache file need not be: after a crash it may
    be empty or damaged, which its reader takes as missing."""
    path = Path(path)
    _clean_stale(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
    # os.open with 0o666 honours the umask like open() does (mkstemp would force 0o600).
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())    # the data is on disk before the name points at it
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """atomic_write_bytes for text; line ends are written exactly as given."""
    atomic_write_bytes(path, text.encode(encoding))


def _sibling(final: Path, kind: str) -> Path:
    return final.with_name(f".{final.name}.{kind}-{os.getpid()}")


def _swap(tmp: Path, final: Path) -> None:
    # `final` is missing only between the two renames below.
    backup = _sibling(final, "old")
    _remove(backup)
    had_old = os.path.lexists(final)
    if had_old:
        os.rename(final, backup)
    try:
        os.rename(tmp, final)
    except BaseException:
        if had_old:
            os.rename(backup, final)    # put the previous result back
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if had_old:
        _remove(backup)
    _fsync_dir(final.parent)


def _clean_stale(final: Path) -> None:
    """Remove temporaries of dead runs; restore a backup if a run died between the renames."""
    pattern = re.compile(rf"\.{re.escape(final.name)}\.(tmp|old)-(\d+)(?:-[0-9a-f]+)?")
    try:
        names = sorted(os.listdir(final.parent))
    except OSError:
        return
    for name in names:
        m = pattern.fullmatch(name)
        if not m or _alive(int(m.group(2))):
            continue
        stale = final.parent / name
        if m.group(1) == "old" and not os.path.lexists(final):
            os.rename(stale, final)     # the old result was moved aside but never replaced
        else:
            _remove(stale)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True                     # ours: in use, or reset before use by this process
    if os.name != "posix":
        return True                     # os.kill(pid, 0) would terminate it on Windows
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True                     # exists, owned by someone else
    return True


def _remove(path: Path) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)


def _fsync_dir(folder: Path) -> None:
    """Make the renames durable; best effort, as some systems cannot open folders."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

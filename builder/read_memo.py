"""What each input file read as, kept between builds: a rebuild reads only the files that changed.

A file whose size, modification time, inode and change time are those recorded is not read again:
its recorded `InputFile` (status, hash, decoded text) is used. Anything else — a new file, an
edited one, another seeds root or size limit, another version of the reading code — is read
afresh. As in git, a file modified within a second before it was read is "racy" (a second edit
in the same clock tick could keep its time) and is not recorded, so it is read again next time.

Kept as one pickle in the cache folder (default `.cache/extract/inputs.pickle`); safe to delete.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import time
from dataclasses import fields
from pathlib import Path

from . import __version__
from .atomic import atomic_write_bytes
from .reading import Stamp, _absolute, stamp_of
from .records import InputFile

RACY_NS = 1_000_000_000
BUILDER = Path(__file__).resolve().parent

def _code_fingerprint() -> str:
    """The reading code and the record it fills: a change to either reads every file again."""
    h = hashlib.sha256(__version__.encode())
    for name in ("reading.py", "records.py", "read_memo.py"):
        h.update((BUILDER / name).read_bytes())
    return h.hexdigest()


_FIELDS = tuple(f.name for f in fields(InputFile))


def _plain(record: InputFile) -> tuple:
    """The record's fields as a tuple: 10,000 records are saved and loaded faster so."""
    return tuple([getattr(record, f) for f in _FIELDS])


def _record(values: tuple) -> InputFile:
    new = object.__new__(InputFile)    # dataclasses' __init__ was a third of looking up 10,000 files
    new.__dict__.update(zip(_FIELDS, values))
    return new


class ReadMemo:
    """`lookup` before reading a file, `remember` after; `save` once the build has read them all."""

    def __init__(self, file: Path | None) -> None:
        self.file = Path(file) if file is not None else None
        self.code = _code_fingerprint()
        self.entries: dict[tuple[str, str, int], tuple[Stamp, tuple, str | None]] = {}
        self._roots: dict = {}
        self.used: set[tuple[str, str, int]] = set()
        self.changed = False
        self.started_ns = time.time_ns()
        if self.file is None:
            return
        try:
            with open(self.file, "rb") as f:
                saved = pickle.load(f)
            if saved.get("code") == self.code:
                self.entries = saved["entries"]
        except Exception:       # missing, damaged or from another version: read everything
            self.entries = {}

    def _key(self, path: str, root: Path | None, max_bytes: int) -> tuple[str, str, int]:
        root_key = self._roots.get(root)
        if root_key is None:
            root_key = self._roots[root] = _absolute(os.fspath(root), os.getcwd()) if root is not None else ""
        return path if os.path.isabs(path) else os.path.abspath(path), root_key, max_bytes

    def lookup(self, path: str, root: Path | None, max_bytes: int) -> tuple[InputFile, str | None] | None:
        """For an unchanged file, a copy of its record (the build settles ids on its copy) and its
        reading.text_key; None for any other."""
        key = self._key(path, root, max_bytes)
        self.used.add(key)
        entry = self.entries.get(key)
        if entry is None or entry[0] != stamp_of(key[0]):
            return None
        return _record(entry[1]), entry[2]

    def remember(self, path: str, root: Path | None, max_bytes: int, stamp: Stamp | None,
                 record: InputFile, text_key: str | None) -> None:
        """Record a file read just now, from its stamp taken before reading (an edit while it was
        read then changes the stamp, and the file is read again next time)."""
        key = self._key(path, root, max_bytes)
        self.used.add(key)
        if stamp is None or stamp[1] >= self.started_ns - RACY_NS:
            if self.entries.pop(key, None) is not None:
                self.changed = True
            return
        self.entries[key] = (stamp, _plain(record), text_key)
        self.changed = True

    def save(self) -> None:
        """Write the records of the files of this build (the others are dropped), atomically."""
        if self.file is None:
            return
        stale = [k for k in self.entries if k not in self.used]
        if not (self.changed or stale):
            return
        for k in stale:
            del self.entries[k]
        self.file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.file, pickle.dumps({"code": self.code, "entries": self.entries},
                                                   protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        self.changed = False

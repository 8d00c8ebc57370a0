"""Input reading: find the saved articles in the seeds folder and decode each to NFC text.

Every file becomes an `InputFile`, whatever happened to it. A bad file never stops the build:
its status and reason (vocabulary.ARTICLE_STATUSES) say why it was left out, so the user can
fix it. Readable text gets status "ok"; whether it is relevant is decided by a later stage.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from contextlib import ExitStack
from html.parser import HTMLParser
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable

from .records import InputFile

DEFAULT_MAX_BYTES = 5_000_000
INPUT_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_CHUNK = 1 << 20          # hash big files 1 MiB at a time
_SNIFF = 8192             # a NUL byte this early means binary, as in git and grep


class SeedsError(Exception):
    """The seeds folder cannot be used at all: missing, not a folder, or nothing to read."""


# ---------------------------------------------------------------------------------- discovery

def discover(seeds_dir: Path) -> list[Path]:
    """The input files directly inside `seeds_dir`, sorted by name so every run sees one order."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.exists():
        raise SeedsError(f"seeds folder {seeds_dir} does not exist")
    if not seeds_dir.is_dir():
        raise SeedsError(f"seeds folder {seeds_dir} is not a directory")
    try:
        # scandir knows each entry's type without a stat call (10,000 files: a fifth of reading)
        with os.scandir(seeds_dir) as entries:
            names = [e.name for e in entries if _is_input_name(e.name) and e.is_file()]
    except OSError as e:
        raise SeedsError(f"cannot list seeds folder {seeds_dir}: {e.strerror or e}") from e
    if not names:
        raise SeedsError(f"seeds folder {seeds_dir} holds no input files "
                         "(looked for *.txt, *.text, *.html, *.htm and files without a suffix)")
    # _name_key's order, from the names (one folder: the paths sort as the names do)
    return [seeds_dir / name for name in sorted(names, key=lambda n: (unicodedata.normalize("NFC", n), n))]


def _is_input_name(name: str) -> bool:
    if name.startswith(".") or name.upper().startswith("README"):
        return False
    return _suffix(name).lower() in INPUT_SUFFIXES


def _suffix(name: str) -> str:
    """PurePath(name).suffix, without making a path."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _stem(name: str) -> str:
    """PurePath(name).stem, without making a path."""
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def _name_key(p: Path) -> tuple[str, str]:
    # NFC so that macOS (NFD file names) and Linux sort the same names the same way.
    return unicodedata.normalize("NFC", p.name), str(p)


_SAFE_ID = re.compile(r"[A-Za-z0-9_.-]+")


def article_id(stem: str) -> str:
    """The file stem if it is already a safe id, else an ASCII slug plus a hash of the stem.

    The hash keeps ids distinct when two names fold to the same slug ("Bài 1" / "bai 1").
    """
    stem = unicodedata.normalize("NFC", stem)
    if _SAFE_ID.fullmatch(stem):
        return stem
    # NFKD strips tone marks but not the bar of đ, which is a letter of its own.
    folded = unicodedata.normalize("NFKD", stem.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode().lower())
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    return f"{slug.strip('-') or 'article'}-{digest}"


# ------------------------------------------------------------------------------------ reading

def read_input(path: Path, root: Path | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> InputFile:
    """Read one file. Never raises for a bad file: the status and reason say what happened."""
    # plain strings from here: pathlib's parsing was a third of reading 10,000 small files
    path = os.fspath(path)
    name = os.path.basename(path)
    rec = InputFile(path=_relative(path, root), article_id=article_id(_stem(name)),
                    n_bytes=0, sha256="", status="unreadable")
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):      # a FIFO or device would block or never end
            rec.reason = "not a regular file"
            return rec
        # Over the limit by stat: only hash it. The read re-checks, in case the file grew.
        keep = max_bytes if st.st_size <= max_bytes else -1
        rec.sha256, rec.n_bytes, data = _hash_and_read(path, keep)
    except OSError as e:
        rec.reason = f"cannot read file: {e.strerror or e}"
        return rec
    if data is None:
        rec.reason = (f"file is {rec.n_bytes:,} bytes, "
                      f"over the {max_bytes:,}-byte limit for one article")
        return rec
    rec.status, rec.reason, rec.encoding, rec.text = decode(
        data, html_hint=_suffix(name).lower() in HTML_SUFFIXES)
    return rec


Stamp = tuple[int, int, int, int]


def stamp_of(path: str) -> Stamp | None:
    """Size, modification time, inode and change time: what says a file is unchanged (read_memo)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns


READ_MIN_PER_PROCESS = 500     # fewer files than this per process: reading them here is quicker


def read_all(paths: Iterable[Path], root: Path | None = None,
             progress: Callable[[int, int, Path], None] | None = None,
             max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, memo=None, in_name_order: bool = False
             ) -> list[InputFile]:
    """read_input for each path (in the given order), then settle ids and duplicates.

    `progress(i, n, path)` is called as the i-th of n files is read (i counts from 1).
    `jobs` > 1 reads in that many processes when there are enough files; the records are the same.
    `memo` (a read_memo.ReadMemo) gives the records of files unchanged since it was saved; only
    the others are read. The first file by name keeps its id and its text; later twins become
    "duplicate". `in_name_order`: the paths are already in name order, as `discover` gives them.
    """
    paths = [p if isinstance(p, Path) else Path(p) for p in paths]
    files: list[InputFile | None] = [None] * len(paths)
    keys: list[str | None] = [None] * len(paths)
    if memo is not None:
        for i, p in enumerate(paths):
            files[i], keys[i] = memo.lookup(os.fspath(p), root, max_bytes) or (None, None)
    todo = [i for i, rec in enumerate(files) if rec is None]
    stamps = {i: stamp_of(os.fspath(paths[i])) for i in todo} if memo is not None else {}
    jobs = max(1, min(jobs, len(todo) // READ_MIN_PER_PROCESS))
    with ExitStack() as stack:
        if jobs == 1:
            fresh = (read_input(paths[i], root, max_bytes) for i in todo)
        else:
            from .workers import process_pool
            pool = stack.enter_context(process_pool(jobs))
            work = [(paths[i], root, max_bytes) for i in todo]
            fresh = pool.map(_read_one, work, chunksize=max(1, len(work) // (jobs * 8)))
        for n, (i, rec) in enumerate(zip(todo, fresh), 1):
            files[i], keys[i] = rec, text_key(rec)
            if progress is not None:
                progress(len(paths) - len(todo) + n, len(paths), paths[i])
            if memo is not None:
                memo.remember(os.fspath(paths[i]), root, max_bytes, stamps[i], rec, keys[i])
    if progress is not None and not todo and paths:
        progress(len(paths), len(paths), paths[-1])
    order = range(len(paths)) if in_name_order else sorted(range(len(paths)), key=lambda i: _name_key(paths[i]))
    _make_ids_unique([(paths[i], files[i]) for i in order])
    _mark_duplicates([files[i] for i in order], [keys[i] for i in order])
    return files


def _read_one(args: tuple[Path, Path | None, int]) -> InputFile:
    return read_input(*args)


def _make_ids_unique(named: list[tuple[Path, InputFile]]) -> None:
    # "a.txt" and "a.html" share the stem "a"; the later one gets a hash of its full name.
    seen: set[str] = set()
    for path, rec in named:
        if rec.article_id in seen:
            name = unicodedata.normalize("NFC", path.name)
            rec.article_id += "-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
        seen.add(rec.article_id)


def text_key(rec: InputFile) -> str | None:
    """What twins share: a hash of the text with all whitespace collapsed (None: not readable)."""
    if rec.status != "ok":
        return None
    return hashlib.sha256(" ".join(rec.text.split()).encode("utf-8")).hexdigest()   # text is NFC already


def _mark_duplicates(files: list[InputFile], keys: list[str | None]) -> None:
    by_hash: dict[str, InputFile] = {}
    by_text: dict[str, InputFile] = {}
    for rec, key in zip(files, keys):
        if rec.status != "ok":          # empty or unreadable files say more as they are
            continue
        first = by_hash.get(rec.sha256) or by_text.get(key)
        if first is None:
            by_hash[rec.sha256] = by_text[key] = rec
            continue
        rec.status, rec.duplicate_of = "duplicate", first.article_id
        rec.reason = f"same text as {first.article_id}"
        if rec.sha256 == first.sha256:
            rec.reason += " (byte-identical)"


def _relative(path: Path | str, root: Path | None) -> str:
    # string operations: pathlib's relative_to was a fifth of reading 10,000 small files
    if root is not None:
        full, base = os.path.abspath(path), _absolute(os.fspath(root), os.getcwd())
        if full == base:
            return "."
        prefix = base if base.endswith(os.sep) else base + os.sep
        if full.startswith(prefix):
            return full[len(prefix):].replace(os.sep, "/")
    return Path(path).as_posix()


@lru_cache(maxsize=64)
def _absolute(root: str, cwd: str) -> str:
    return os.path.normpath(os.path.join(cwd, root))      # os.path.abspath, for a known cwd


def _hash_and_read(path: Path, max_bytes: int) -> tuple[str, int, bytes | None]:
    """sha256 and size of the whole file; its bytes only if within `max_bytes` (-1: never).

    Reads in chunks, so a huge file is hashed without ever being held in memory.
    """
    h, kept, n = hashlib.sha256(), bytearray(), 0
    with open(path, "rb") as f:
        data = f.read(_CHUNK)
        if len(data) < _CHUNK:           # the whole file in one read (nearly every article)
            return hashlib.sha256(data).hexdigest(), len(data), data if len(data) <= max_bytes else None
        h.update(data)
        n = len(data)
        if n <= max_bytes:
            kept += data
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            n += len(chunk)
            if n <= max_bytes:
                kept += chunk
    return h.hexdigest(), n, bytes(kept) if n <= max_bytes else None


# ----------------------------------------------------------------------------------- decoding

class _Unreadable(Exception):
    pass


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image signature"),
    (b"\xff\xd8\xff", "JPEG image signature"),
    (b"GIF87a", "GIF image signature"),
    (b"GIF89a", "GIF image signature"),
    (b"%PDF-", "PDF document signature"),
    (b"PK\x03\x04", "ZIP archive signature"),   # also .docx, .odt, .epub
    (b"PK\x05\x06", "ZIP archive signature"),
)
# (BOM, codec for the bytes after it, encoding recorded, name in messages).
# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16", "UTF-16"),
)


def decode(data: bytes, html_hint: bool = False) -> tuple[str, str, str | None, str | None]:
    """(status, reason, encoding, text) for the bytes of one file.

    `text` is the NFC text with \\n line ends for "ok" and "empty", None when unreadable.
    """
    if not data:
        return "empty", "file is empty (0 bytes)", None, ""
    try:
        text, encoding, notes = _to_str(data)
    except _Unreadable as e:
        return "unreadable", str(e), None, None
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return "empty", ("file holds only a byte-order mark" if not text
                         else "file holds only whitespace"), encoding, text
    if looks_like_html(text, html_hint):
        try:
            text = unicodedata.normalize("NFC", html_to_text(text))
        except Exception as e:       # html.parser is lenient, but a crash must not stop a build
            return "unreadable", f"looks like HTML but could not be parsed ({e})", encoding, None
        notes.append("html converted to text")
        if not text.strip():
            return "empty", "web page holds no text once the markup is removed", encoding, text
    return "ok", "; ".join(notes), encoding, text


def _to_str(data: bytes) -> tuple[str, str, list[str]]:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _Unreadable(f"binary file ({kind}), not text")
    for bom, codec, encoding, label in _BOMS:
        if data.startswith(bom):    # checked before NULs: UTF-16 text is full of them
            try:
                return data[len(bom):].decode(codec), encoding, []
            except UnicodeDecodeError as e:
                raise _Unreadable(f"starts with a {label} byte-order mark but is not valid "
                                  f"{label} ({e.reason} at offset {len(bom) + e.start})"
                                  ) from None
    nul = data.find(b"\0", 0, _SNIFF)
    if nul >= 0:
        raise _Unreadable(f"binary file (NUL byte at offset {nul}), not text")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as e:
        bad = f"first bad byte 0x{data[e.start]:02x} at offset {e.start}"
    try:
        # Windows-1258 writes most tones as combining marks: NFC before judging the letters.
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = None
    if text is not None and looks_vietnamese(text):
        return text, "cp1258", ["decoded as Windows-1258 Vietnamese (not valid UTF-8)"]
    raise _Unreadable(f"not valid UTF-8 ({bad}) "
                      "and not recognisable as Windows-1258 Vietnamese")


_VIET_LOWER = ("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọ"
               "ôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
VIETNAMESE_LETTERS = frozenset(_VIET_LOWER + _VIET_LOWER.upper())
# Non-ASCII characters that a Vietnamese Windows text plausibly holds besides its letters.
_PLAIN_NON_ASCII = frozenset("\xa0“”‘’–—…•«»°·€₫")
_OK_CONTROLS = frozenset("\t\n\r\f")


def looks_vietnamese(text: str) -> bool:
    """True if NFC `text` reads as Vietnamese: many tone-marked letters, almost nothing odd.

    Real articles have about a quarter of their letters marked. Mojibake (UTF-8 read as
    Windows-1258) and random bytes give Latin-1 letters, symbols, stray combining marks and
    control characters, which count as odd.
    """
    viet = sum(map(VIETNAMESE_LETTERS.__contains__, text))
    letters = sum(map(str.isalpha, text))
    odd = sum(1 for c in text
              if (c > "\x7f" and c not in VIETNAMESE_LETTERS and c not in _PLAIN_NON_ASCII)
              or (c < " " and c not in _OK_CONTROLS))
    return viet >= 3 and viet >= 0.10 * letters and odd <= 0.02 * viet


# --------------------------------------------------------------------------------------- HTML

_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def looks_like_html(text: str, html_hint: bool = False) -> bool:
    """A saved web page: starts like one, or carries many tags (one is enough for *.html)."""
    head = text.lstrip()[:20].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    need = 1 if html_hint else 10
    return sum(1 for _ in islice(_ANY_TAG.finditer(text), need)) >= need


_SKIP = frozenset({"script", "style", "nav", "footer", "header", "aside",
                   "noscript", "template", "svg", "iframe"})
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure",
                        "table", "ul", "ol", "pre", "section", "article"})
_LINE = frozenset({"div", "li", "tr", "dt", "dd", "figcaption", "main", "hr", "address"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)      # entities arrive unescaped
        self.parts: list[str] = []
        self.title: list[str] | None = None          # set while inside the first <title>
        self.title_text = ""
        self.skipping: list[str] = []                # open elements whose text is dropped
        self.in_article = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("article", "main"):
            self.in_article += 1
        # A <header> inside an article holds its headline and date: keep that one.
        if tag in _SKIP and not (tag == "header" and self.in_article):
            self.skipping.append(tag)
        elif tag == "title" and not self.title_text and not self.skipping:
            self.title = []
        elif tag == "br":
            self._emit("\n")
        else:
            self._block(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag == "title" and self.title is not None:
            self.title_text, self.title = " ".join("".join(self.title).split()), None
        else:
            self._block(tag)
        if tag in ("article", "main") and self.in_article:
            self.in_article -= 1

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        else:   # HTML whitespace (not NBSP) is layout, not text
            self._emit(re.sub(r"[ \t\n\r\f]+", " ", data))

    def _block(self, tag: str) -> None:
        if tag in _PARAGRAPH:
            self._emit("\n\n")
        elif tag in _LINE:
            self._emit("\n")

    def _emit(self, s: str) -> None:
        if not self.skipping:
            self.parts.append(s)


def html_to_text(html: str) -> str:
    """Text of a web page: paragraphs split by blank lines, the <title> as the first line."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    if parser.title is not None:                # an unclosed <title> swallowed the page
        parser.parts += parser.title
    lines = (line.strip(" \t") for line in "".join(parser.parts).split("\n"))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    title = parser.title_text
    if title and not body.startswith(title):    # the <h1> often repeats the title
        return f"{title}\n\n{body}" if body else title
    return body

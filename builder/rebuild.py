"""A build with a cache folder: what the previous build kept spares this one every
step whose inputs did not change, and the output is byte-identical to a clean build's
(tests/test_incremental.py compares them).

What is kept, besides the per-article extractions of builder/cache.py:
- each article's digest (records.ArticleDigest: its mentions' blocking keys and what
  merge.same_event compares, its date, publisher and spellings), by extraction key;
- each linked set of mentions (merge.merge_linked: mentions same_event links, joined or not) with
  its events' identifiers, people and sources. Merging a linked set alone gives what merging the
  archive gives, so only the sets with a mention gone, or linked to a new mention, are merged again;
- for each of the five event tables (tables.EVENT_TABLES), each row's sort key, linked set and byte
  span in the CSV written, the hashes, sizes, times and inodes of the CSV and Parquet files
  written, and an uncompressed Arrow copy of the table (`kept-tables/`, read by mapping it);
- the persons merged, while the people named and the spellings stay the same.
The digests are in a log of batches (`kept-digests.log`), the rest in `kept.pickle`, but for the
files' sizes, times and inodes: those are known once the package is in place, and are written
then to `kept-stats.pickle`, with the token of the `kept.pickle` they belong to. The rest is
written before, while the timeline is drawn (a build that then fails leaves a kept build whose
hashes match no package: the next build is a full one).

The rows of unchanged sets are then taken as they are from the previous package (its files
checked against what was kept: by size, time and inode, else by hash): CSV lines by their byte
spans, Arrow rows by position, in runs, merged in order with the new rows. A set is written again
when its rows may differ although its mentions did not: when one of its event identifiers starts
or stops clashing with another event's, or when a person it names gets another identifier. The
archive-wide steps (unique identifiers, persons, the articles table) look at everything every
time. Anything that does not match (another builder, another output folder, a package changed
since) makes a full build, which keeps everything again. Deleting the cache folder costs one
slower build.
"""
from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import hashlib
import io
import os
import pickle
import secrets
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__, blocking
from .atomic import atomic_write_bytes
from .cache import ExtractionCache, key_of
from .extract_all import extract_all
from .merge import PersonRef, _same_event, merge_people
from .package import arrow_schema, arrow_table, csv_header, csv_lines, parquet_of
from .records import ArticleDigest, DateValue, InputFile
from .schema import TABLES
from .tables import (EVENT_TABLES, EventRows, Row, article_rows, digest_of, event_table_rows, final_ids,
                     linked_rows, person_rows, sort_key_of)

BUILDER = Path(__file__).resolve().parent
FILE = "kept.pickle"
STATS = "kept-stats.pickle"
TABLE = {t.name: t for t in TABLES}


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The version and every module and lexicon of the builder, and pyarrow's version: what is
    kept is only as good as the code that made it (merging and writing the tables import nearly
    every module; a Parquet file kept as it was names the pyarrow that wrote it)."""
    h = hashlib.sha256(f"{__version__}|{version('pyarrow')}".encode())
    for path in sorted(BUILDER.glob("*.py")) + sorted((BUILDER / "lexicon").glob("*.csv")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class KeptSet:
    mentions: list[tuple[str, int]]    # (article's extraction key, index in the article), in order
    event_ids: list[str]               # as merged (before tables.final_ids)
    suffixes: list[str]                # what each gets if its identifier clashes
    final: list[str]                   # as written
    people: dict                       # merge.PersonRef, as a plain tuple → how often
    person_keys: frozenset             # the tables.person_key of everyone its rows name
    sources: dict                      # article id → its event_sources rows


@dataclass
class KeptTable:
    csv_sha256: str
    parquet_sha256: str
    keys: list[tuple]                  # each row's sort key, in order
    owners: list[str]                  # each row's linked set
    offsets: np.ndarray                # each row's first byte in the CSV, then the CSV's length
    # the written files' size, modification time and inode: while they are unchanged the files
    # are not hashed again (as git does)
    stats: tuple = ()


@dataclass
class Kept:
    out: str = ""
    digests: dict[str, ArticleDigest] = field(default_factory=dict)
    sets: dict[str, KeptSet] = field(default_factory=dict)
    lookup: dict = field(default_factory=dict)
    tables: dict[str, KeptTable] = field(default_factory=dict)
    # a hash of what merge_people was given, and the persons' rows it gave (with `lookup`)
    persons: tuple = ("", [])
    token: str = ""                                  # that of the stats file written with it
    # not saved with the rest: set as the kept build is read
    arrow_kept: set = field(default_factory=set)     # the tables whose Arrow copy was found
    digest_batches: int = 0                          # the batches of the digests' log

    @staticmethod
    def load(folder: Path) -> "Kept":
        try:
            with open(folder / FILE, "rb") as f:
                saved = pickle.load(f)
            if saved["builder"] == fingerprint():
                kept = saved["kept"]
                _read_stats(folder / STATS, kept)
                plain, kept.digest_batches = _read_digests(folder / DIGESTS)
                kept.digests = {k: _digest(d) for k, d in plain.items()}
                return kept
        except Exception:      # missing, damaged or from another builder: built in full
            pass
        return Kept()

    def save(self, folder: Path, before: "Kept") -> None:
        """Everything but the files' stats (`save_stats`, once the package is in place)."""
        folder.mkdir(parents=True, exist_ok=True)
        _write_digests(folder / DIGESTS, self.digests, before)
        self.token = secrets.token_hex(8)
        rest = Kept(self.out, {}, self.sets, self.lookup, self.tables, self.persons, self.token)
        atomic_write_bytes(folder / FILE, pickle.dumps({"builder": fingerprint(), "kept": rest},
                                                       protocol=pickle.HIGHEST_PROTOCOL), durable=False)

    def save_stats(self, folder: Path, out: Path) -> None:
        stats = {name: _stats(out, name) for name in self.tables}
        atomic_write_bytes(folder / STATS, pickle.dumps({"token": self.token, "stats": stats}), durable=False)


def _read_stats(path: Path, kept: Kept) -> None:
    """Set the tables' file stats, if the stats file is that of this kept build (else the files
    are checked by hash)."""
    try:
        saved = pickle.loads(path.read_bytes())
        if kept.token and saved["token"] == kept.token:
            for name, stats in saved["stats"].items():
                kept.tables[name].stats = stats
    except Exception:
        pass


# Digests are kept in a log of batches: a build appends the digests of the articles it extracted
# and the keys of those gone, rather than writing 10,000 digests again; the log is written anew
# when it has grown long. A batch cut short (a build killed while appending) ends the log: the
# digests it held are missing and made again from the extractions.
DIGESTS = "kept-digests.log"
LOG_BATCHES = 16


def _read_digests(path: Path) -> tuple[dict[str, tuple], int]:
    """The digests of the log, and how many batches it holds."""
    found: dict[str, tuple] = {}
    batches = 0
    try:
        with open(path, "rb") as f:
            while True:
                batch = pickle.load(f)
                if batch["builder"] != fingerprint():
                    return {}, 0
                for key in batch["gone"]:
                    found.pop(key, None)
                found.update(batch["new"])
                batches += 1
    except EOFError:
        pass
    except Exception:          # missing, or a batch cut short: what came before it stands
        pass
    return found, batches


def _write_digests(path: Path, digests: dict[str, ArticleDigest], before: "Kept") -> None:
    new = {k: _plain_digest(d) for k, d in digests.items() if k not in before.digests}
    gone = [k for k in before.digests if k not in digests]
    if before.digest_batches and not new and not gone:
        return
    if not before.digest_batches or before.digest_batches + 1 >= LOG_BATCHES or (len(new) + len(gone)) * 5 > len(digests):
        whole = {"builder": fingerprint(), "new": {k: _plain_digest(d) for k, d in digests.items()}, "gone": []}
        atomic_write_bytes(path, pickle.dumps(whole, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    else:
        with open(path, "ab") as f:
            f.write(pickle.dumps({"builder": fingerprint(), "new": new, "gone": gone},
                                 protocol=pickle.HIGHEST_PROTOCOL))


# digests are kept as plain tuples (10,000 dataclasses and dates took longest to save and load)
def _plain_digest(d: ArticleDigest) -> tuple:
    p = d.published
    return (d.article_id, d.publisher, p.start.toordinal() if p.start else 0, p.end.toordinal() if p.end else 0,
            p.precision, p.basis, p.text, p.char_start, p.char_end, d.not_relevant_reason, d.n_events,
            tuple(d.spellings), d.event_keys, d.event_views)


def _digest(t: tuple) -> ArticleDigest:
    (article_id, publisher, start, end, precision, basis, text, char_start, char_end, reason, n_events,
     spellings, event_keys, event_views) = t
    published = DateValue(dt.date.fromordinal(start) if start else None, dt.date.fromordinal(end) if end else None,
                          precision, basis, text, char_start, char_end)
    return ArticleDigest(article_id, publisher, published, reason, n_events, list(spellings), event_keys, event_views)


def _set_name(mentions: list[tuple[str, int]]) -> str:
    return hashlib.sha256("\n".join(f"{key}:{i}" for key, i in mentions).encode()).hexdigest()[:32]


def _stats(out: Path, name: str) -> tuple:
    found = []
    for suffix in ("csv", "parquet"):
        st = os.stat(out / f"{name}.{suffix}")
        found.append((st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(found)


def _previous(kept: Kept, out: Path, folder: Path) -> dict[str, tuple[bytes, pa.Table]] | None:
    """The previous package's event tables (CSV bytes, Arrow table), if they are the ones kept
    (else None). The Arrow table is read from the copy kept beside, when it is that of the file."""
    if kept.out != str(out.resolve()) or set(kept.tables) != set(EVENT_TABLES):
        return None
    found = {}
    for name in EVENT_TABLES:
        table = kept.tables[name]
        try:
            csv = (out / f"{name}.csv").read_bytes()
            unchanged = _stats(out, name) == table.stats
            parquet = None if unchanged else (out / f"{name}.parquet").read_bytes()
        except OSError:
            return None
        if not unchanged and (_sha(csv) != table.csv_sha256 or _sha(parquet) != table.parquet_sha256):
            return None
        arrow = _kept_arrow(folder, name, table.parquet_sha256)
        if arrow is None:
            arrow = pq.ParquetFile(io.BytesIO(parquet or (out / f"{name}.parquet").read_bytes())).read()
        else:
            kept.arrow_kept.add(name)
        found[name] = (csv, arrow)
    return found


def _arrow_path(folder: Path, name: str) -> Path:
    return folder / "kept-tables" / f"{name}.arrow"


def _kept_arrow(folder: Path, name: str, parquet_sha256: str) -> pa.Table | None:
    """The Arrow copy of a table kept by the build before, if it is that of the Parquet file."""
    try:
        reader = pa.ipc.open_file(pa.memory_map(str(_arrow_path(folder, name))))
        if (reader.schema.metadata or {}).get(b"parquet_sha256") != parquet_sha256.encode():
            return None
        return reader.read_all()
    except (OSError, pa.ArrowException):
        return None


def _keep_arrow(folder: Path, name: str, arrow: pa.Table, parquet_sha256: str) -> None:
    """An uncompressed Arrow copy of the table written (read back by mapping it: no decoding)."""
    arrow = arrow.replace_schema_metadata({"parquet_sha256": parquet_sha256})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, arrow.schema) as writer:
        writer.write_table(arrow)
    path = _arrow_path(folder, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, sink.getvalue().to_pybytes(), durable=False)


class _Parquets:
    """The event tables' Parquet bytes, encoded when first asked for: the package writes them
    after it has started drawing the timeline in another process, so that the two overlap."""

    def __init__(self, arrows: dict[str, pa.Table], tables: dict[str, KeptTable], jobs: int,
                 unchanged: dict[str, tuple[Path, str]]):
        self.arrows, self.tables, self.jobs, self.unchanged = arrows, tables, jobs, unchanged
        self.encoded: dict[str, bytes] = {}

    def of(self, name: str):
        return lambda: self.encode()[name]

    def encode(self) -> dict[str, bytes]:
        if not self.encoded:
            for t, (path, sha) in self.unchanged.items():
                # the same Arrow table encodes to the same bytes; the file is read back only if whole
                with contextlib.suppress(OSError):
                    data = path.read_bytes()
                    if _sha(data) == sha:
                        self.encoded[t] = data
            todo = [t for t in EVENT_TABLES if t not in self.encoded]
            # Parquet encoding runs outside the interpreter lock: the tables are encoded side by side
            with ThreadPoolExecutor(max(1, self.jobs)) as pool:
                self.encoded.update(zip(todo, pool.map(parquet_of, [self.arrows[t] for t in todo])))
            for t in EVENT_TABLES:
                self.tables[t].parquet_sha256 = _sha(self.encoded[t])
        return self.encoded


@dataclass
class Rebuilt:
    rows: dict[str, list[Row]]              # articles and persons
    made: dict[str, tuple[bytes, Callable[[], bytes]]]   # the event tables' CSV, and their Parquet when asked
    new_rows: dict[str, list[Row]]          # the event tables' rows written afresh (to be checked)
    counts: dict[str, int]                  # rows per table
    mentions_by_article: Counter            # event_sources rows per article
    digests: list[ArticleDigest]
    from_cache: int
    full: bool                              # nothing could be taken from the previous package
    kept: Kept
    arrow: dict[str, pa.Table]              # the event tables as written to Parquet
    before: Kept                            # what the build before kept
    merged_again: list[str]                 # the linked sets merged again (all of them in a full build)
    prepared: bool = False                  # kept but for the files' stats (`prepare`)

    def prepare(self, folder: Path) -> None:
        """Keep this build but for its files' stats; may run before the package is in place. An
        Arrow copy is written again only when its table changed or was not found."""
        if self.prepared:
            return
        for _, parquet in self.made.values():
            parquet()                       # the tables' hashes are set as they are encoded
        before = self.before
        for name, table in self.kept.tables.items():
            if not (name in before.arrow_kept and table.parquet_sha256 == before.tables[name].parquet_sha256):
                _keep_arrow(folder, name, self.arrow[name], table.parquet_sha256)
        self.kept.save(folder, self.before)
        self.prepared = True

    def commit(self, folder: Path, out: Path) -> None:
        """Keep this build, once its package is in place."""
        self.prepare(folder)
        self.kept.save_stats(folder, out)


def rebuild(inputs: list[InputFile], readable: list[InputFile], cache: ExtractionCache, folder: Path, out: Path,
            jobs: int = 1, progress=None, on_extracted=None, on_merged=None) -> Rebuilt:
    old = Kept.load(folder)
    keys = [key_of(s) for s in readable]
    previous = _previous(old, out, folder)
    full = previous is None
    digests: list[ArticleDigest | None] = [None if full else old.digests.get(k) for k in keys]
    todo = [i for i, d in enumerate(digests) if d is None]
    # with every extraction wanted, the pack is read and kept up to date; else only files are read
    everything = len(todo) == len(readable)
    fresh, cached = extract_all([readable[i] for i in todo], cache, jobs=jobs, progress=progress,
                                pack=everything, from_pack=everything)
    loaded = dict(zip(todo, fresh))
    for i, x in loaded.items():
        digests[i] = old.digests.get(keys[i]) or digest_of(x)
    from_cache = len(readable) - len(todo) + cached
    if on_extracted:
        on_extracted(from_cache)

    def mention(n: int):
        a, i = where[n]
        if a not in loaded:    # an unchanged article in a set merged again
            loaded[a] = extract_all([readable[a]], cache, jobs=1, pack=False, from_pack=False)[0][0]
        return loaded[a].events[i]

    where = [(a, i) for a, d in enumerate(digests) for i in range(d.n_events)]
    ids = [(keys[a], i) for a, i in where]
    position = {mid: n for n, mid in enumerate(ids)}
    old_sets = {} if full else old.sets
    set_of = {mid: name for name, s in old_sets.items() for mid in s.mentions}
    # sets with a mention gone are merged again, and so are those a new mention is linked to
    again = {set_of[mid] for mid in set_of if mid not in position}
    new = [n for n, mid in enumerate(ids) if mid not in set_of]
    if new and old_sets:
        filed = _filed_near(digests, [where[n] for n in new])
        index = blocking.blocks_of_some(filed)
        views: dict[int, list] = {}

        def view(n: int):
            a, i = where[n]
            if a not in views:
                views[a] = pickle.loads(digests[a].event_views)
            return views[a][i]

        for n in new:
            a, pa_ = view(n)
            for c in sorted(blocking.partners(n, filed[n], index)):
                name = set_of.get(ids[c])
                if name is None or name in again:
                    continue
                b, pb = view(c)
                if a.article_id != b.article_id and _same_event(a, b, pa_, pb):
                    again.add(name)
    sets = {name: s for name, s in old_sets.items() if name not in again}
    parts: dict[str, list[EventRows]] = {}

    def merge_again(mentions: list[int]) -> list[str]:
        made = []
        for members, rows in linked_rows([mention(n) for n in mentions]):
            mids = [ids[mentions[m]] for m in members]
            name = _set_name(mids)
            parts[name] = rows
            sets[name] = _kept_set(mids, rows)
            made.append(name)
        return made

    merge_again(sorted(set(new) | {n for n, mid in enumerate(ids) if set_of.get(mid) in again}))

    # the archive-wide steps; a kept set whose identifiers or persons change is written again
    names = list(sets)
    flat = [(name, k) for name in names for k in range(len(sets[name].event_ids))]
    finals = final_ids([sets[n].event_ids[k] for n, k in flat], [sets[n].suffixes[k] for n, k in flat])
    final_of: dict[str, list[str]] = {name: [] for name in names}
    for (name, _), fid in zip(flat, finals):
        final_of[name].append(fid)
    people = Counter()
    for s in sets.values():
        people.update(s.people)
    spellings = {n for d in digests for n in d.spellings}
    # persons are a function of the people named and the spellings: unchanged, they are kept
    persons_key = _sha(repr((sorted(map(repr, people.items())), sorted(spellings))).encode())
    if persons_key == old.persons[0]:
        lookup, person_table = old.lookup, old.persons[1]
    else:
        lookup, persons = merge_people(Counter({PersonRef._make(ref): n for ref, n in people.items()}), spellings)
        person_table = sorted(person_rows(persons), key=sort_key_of("persons"))
    renamed = {k for k in set(lookup) | set(old.lookup) if lookup.get(k) != old.lookup.get(k)}
    stale = [name for name in names if name not in parts
             and (final_of[name] != sets[name].final or sets[name].person_keys & renamed)]
    for name in stale:
        if merge_again([position[mid] for mid in sets[name].mentions]) != [name]:
            raise RuntimeError(f"linked set {name} merged alone is not one set: the merge is not what "
                               "builder/rebuild.py assumes; delete the cache folder and report this")
    if on_merged:
        on_merged()

    new_rows: dict[str, list[tuple[Row, str]]] = {t: [] for t in EVENT_TABLES}
    for name, rows in parts.items():
        sets[name].final = final_of[name]
        for p, fid in zip(rows, final_of[name]):
            for table, table_rows in event_table_rows(fid, p, lookup).items():
                new_rows[table].extend((r, name) for r in table_rows)
    csvs, arrows, tables, unchanged = {}, {}, {}, {}
    for t in EVENT_TABLES:
        if full:
            csvs[t], arrows[t], tables[t] = _whole_table(t, new_rows[t])
        else:
            csvs[t], arrows[t], tables[t], same = _patched_table(t, previous[t], old.tables[t], sets, set(parts),
                                                                 new_rows[t])
            if same:    # the rows written again are the ones they replace: the Parquet file is the previous one
                unchanged[t] = (out / f"{t}.parquet", old.tables[t].parquet_sha256)
    parquets = _Parquets(arrows, tables, jobs, unchanged)
    made = {t: (csvs[t], parquets.of(t)) for t in EVENT_TABLES}
    mentions_by_article = Counter()
    for s in sets.values():
        mentions_by_article.update(s.sources)
    kept = Kept(str(out.resolve()), dict(zip(keys, digests)), sets, lookup, tables, (persons_key, person_table))
    rows = {"articles": sorted(article_rows(inputs, {d.article_id: d for d in digests}), key=sort_key_of("articles")),
            "persons": person_table}
    counts = {t.name: len(rows[t.name]) if t.name in rows else len(tables[t.name].keys) for t in TABLES}
    return Rebuilt(rows, made, {t: [r for r, _ in new_rows[t]] for t in EVENT_TABLES}, counts,
                   mentions_by_article, digests, from_cache, full, kept, arrows, old, list(parts))


def _filed_near(digests: list[ArticleDigest], mentions: list[tuple[int, int]]) -> dict[int, list[tuple[str, bool]]]:
    """The blocking keys of the given mentions (article, index) and of every mention sharing one,
    by mention number. Only the articles whose keys' text holds one of those keys are read."""
    first = [0]
    for d in digests:
        first.append(first[-1] + d.n_events)
    out = {first[a] + i: blocking.filed_keys(digests[a].event_keys)[i] for a, i in mentions}
    wanted = {key for pairs in out.values() for key, _ in pairs}
    texts = [d.event_keys for d in digests]
    joined, starts = "\x1d".join(texts), [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    near = set()
    for key in wanted:
        at = joined.find(key)
        while at >= 0:
            near.add(bisect.bisect_right(starts, at) - 1)
            at = joined.find(key, at + 1)
    for a in sorted(near):
        for i, pairs in enumerate(blocking.filed_keys(texts[a])):
            if any(key in wanted for key, _ in pairs):
                out[first[a] + i] = pairs
    return out


def _kept_set(mids: list[tuple[str, int]], rows: list[EventRows]) -> KeptSet:
    people, person_keys, sources = Counter(), set(), Counter()
    for p in rows:
        people.update({tuple(ref): n for ref, n in p.people.items()})
        person_keys.update(key for key, _ in p.participants)
        person_keys.update(key for signatories, _ in p.documents for _, key in signatories)
        sources.update(r["article_id"] for r in p.sources)
    return KeptSet(mids, [p.event_id for p in rows], [p.clash_suffix for p in rows], [], dict(people),
                   frozenset(person_keys), dict(sources))


def _whole_table(name: str, rows: list[tuple[Row, str]]) -> tuple[bytes, pa.Table, KeptTable]:
    table, key = TABLE[name], sort_key_of(name)
    ordered = sorted(((key(r), r, owner) for r, owner in rows), key=lambda kro: kro[0])
    plain = [r for _, r, _ in ordered]
    lines = [line.encode("utf-8") for line in csv_lines(table, plain)]
    header = csv_header(table).encode("utf-8")
    csv = header + b"".join(lines)
    return csv, arrow_table(table, plain), KeptTable(_sha(csv), "", [k for k, _, _ in ordered],
                                                     [o for _, _, o in ordered], _offsets(len(header), lines))


def _offsets(start: int, lines: list[bytes]) -> np.ndarray:
    """Each line's first byte, then the end of the last, for lines written from `start` on."""
    out = np.empty(len(lines) + 1, dtype=np.int64)
    out[0] = start
    np.cumsum([len(line) for line in lines], out=out[1:])
    out[1:] += start
    return out


def _patched_table(name: str, previous: tuple[bytes, pa.Table], old: KeptTable, sets: dict, written: set[str],
                   rows: list[tuple[Row, str]]) -> tuple[bytes, pa.Table, KeptTable, bool]:
    """The previous table without the rows of sets gone or written again, with this build's rows
    put in their places, and whether that is the previous table (an article edited without changing
    its events writes its rows again as they were). The kept rows are taken in runs of consecutive
    rows: a slice of the previous CSV's bytes and of its Arrow table each, whatever their number."""
    table, key = TABLE[name], sort_key_of(name)
    csv_before, arrow_before = previous
    fresh = sorted(((key(r), r, owner) for r, owner in rows), key=lambda kro: kro[0])
    n_old = len(old.keys)
    gone = [i for i, owner in enumerate(old.owners) if owner not in sets or owner in written]
    # where each new row goes among the previous rows (keys are unique: tables' primary keys)
    places = [bisect.bisect_left(old.keys, k) for k, _, _ in fresh]
    dropped = set(gone)
    for (k, _, _), place in zip(fresh, places):
        if place < n_old and old.keys[place] == k and place not in dropped:
            raise RuntimeError(f"{name}: a kept row and a new row share the key {k}")
    segments = merged_segments(n_old, gone, places)
    lines = [line.encode("utf-8") for line in csv_lines(table, [r for _, r, _ in fresh])]
    offsets = old.offsets
    header = csv_header(table).encode("utf-8")
    pieces = [csv_before[offsets[a]:offsets[b]] if src == 0 else lines[a] for src, a, b in segments]
    csv = header + b"".join(pieces)
    # the previous table under this schema (a cast would import pyarrow.compute, a tenth of a second)
    sources = (pa.Table.from_arrays(arrow_before.columns, schema=arrow_schema(table)),
               arrow_table(table, [r for _, r, _ in fresh]))
    arrow = pa.concat_tables([sources[src].slice(a, b - a) for src, a, b in segments] or [sources[0].slice(0, 0)])
    arrow = arrow.combine_chunks()
    same = csv == csv_before and arrow.equals(sources[0])
    keys, owners, starts = [], [], [np.array([len(header)], dtype=np.int64)]
    base = len(header)
    for (src, a, b), piece in zip(segments, pieces):
        if src == 0:
            keys.extend(old.keys[a:b])
            owners.extend(old.owners[a:b])
            starts.append(offsets[a + 1:b + 1] - offsets[a] + base)
        else:
            keys.append(fresh[a][0])
            owners.append(fresh[a][2])
            starts.append(np.array([base + len(piece)], dtype=np.int64))
        base += len(piece)
    return csv, arrow, KeptTable(_sha(csv), "", keys, owners, np.concatenate(starts)), same


def merged_segments(n_old: int, gone: list[int], places: list[int]) -> list[tuple[int, int, int]]:
    """The rows 0..n_old-1 of the previous table less `gone` (sorted), with new row j put before
    previous row places[j] (places nondecreasing): (0, first, end) for a run of previous rows,
    (1, j, j + 1) for a new row."""
    segments: list[tuple[int, int, int]] = []
    gone = gone + [n_old]
    at, g = 0, 0
    for j, place in enumerate(places + [n_old]):
        while at < place:
            while gone[g] < at:
                g += 1
            if gone[g] == at:
                at += 1
                continue
            end = min(place, gone[g])
            segments.append((0, at, end))
            at = end
        if j < len(places):
            segments.append((1, j, j + 1))
    return segments

"""Blocking keys for the merge: which mentions are worth comparing at all.

Comparing every mention with every other grows with the square of the archive. Instead each
mention is filed under a few keys (series and ordinal; kind of meeting with each participant and
the months or years its date allows; kind with each participant for an undated mention), and only
mentions that share a key are compared by `merge.same_event`. Every pair that `same_event` can
accept must share a key here: a new rule there needs a key here (tests/test_merge.py checks this
against comparing all pairs).

A key is "active" for a mention that must be compared with everyone under it, and "passive" for
one that is only there to be found: a day-dated mention sits passively under its year so that a
year-dated mention can reach it, without making every pair of day-dated mentions in a year meet.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from typing import Iterator

from .cleaning import fold, name_key
from .records import EventMention

Key = tuple
FINE_MONTHS = 3          # a date spanning up to this many months is filed by month, wider by year
MAX_YEARS = 12           # wider still is as good as undated for finding partners


_name_key = lru_cache(maxsize=None)(name_key)   # the same few names recur in every mention


def people(m: EventMention) -> set[str]:
    """The identities of the people taking part (as merge.merge_persons keys them)."""
    return {_name_key(p.person.identity) for p in m.participants}


@lru_cache(maxsize=1 << 14)    # a few thousand distinct date spans in a large archive
def _months(start: dt.date, end: dt.date) -> tuple[str, ...]:
    out, y, mo = [], start.year, start.month
    while (y, mo) <= (end.year, end.month):
        out.append(f"{y:04d}-{mo:02d}")
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return tuple(out)


def dated(m: EventMention) -> bool:
    d = m.date
    return d.start is not None and d.end is not None and d.end.year - d.start.year < MAX_YEARS


def sentence(m: EventMention) -> str:
    """The evidence sentence in matching form (case, tone-mark placement and spacing ignored)."""
    return _matching_form(m.evidence.text)


@lru_cache(maxsize=1 << 16)    # asked for again at every comparison of the mention
def _matching_form(text: str) -> str:
    return " ".join(fold(text).split())


def keys(m: EventMention) -> Iterator[tuple[Key, bool]]:
    """(key, active) pairs under which the mention is filed."""
    if m.series:
        yield ("series", m.series, m.series_number), True
        return
    kind, who = m.event_type, sorted(people(m))
    # with the dates and ordinal the rule also requires, so a stock headline is no big block
    yield ("sentence", kind, hashlib.sha1(sentence(m).encode()).hexdigest()[:16], m.series_number,
           m.date.start, m.date.end), True
    if m.series_number is not None:
        for p in who:
            yield ("ordinal", kind, m.series_number, "person", p), True
        if m.location_city:
            yield ("ordinal", kind, m.series_number, "city", m.location_city), True
    is_dated = dated(m)
    for p in who:
        yield ("undated", kind, p), not is_dated
        if not is_dated:
            continue
        months = _months(m.date.start, m.date.end)
        fine = len(months) <= FINE_MONTHS
        if fine:
            for month in months:
                yield ("month", kind, p, month), True
        for year in range(m.date.start.year, m.date.end.year + 1):
            yield ("year", kind, p, year), not fine


def describe(key: Key) -> str:
    """The key as written in event_sources.merge_basis."""
    tag = key[0]
    if tag == "series":
        return f"series {key[1]} number {key[2] if key[2] is not None else 'unnumbered'}"
    if tag == "ordinal":
        return f"{key[1]} number {key[2]} with {key[3]} {key[4]}"
    if tag == "sentence":
        return f"{key[1]} reported in the same sentence"
    if tag == "undated":
        return f"undated {key[1]} with {key[2]}"
    if tag in ("month", "year"):
        return f"{key[1]} with {key[2]} in {key[0]} {key[3]}"
    return " ".join(str(k) for k in key)


def blocks(mentions: list[EventMention]) -> dict[Key, tuple[list[int], list[int]]]:
    """key → (active mention indexes, passive mention indexes), in the mentions' order."""
    return blocks_of(keys(m) for m in mentions)


def keys_text(filed: list[list[tuple[Key, bool]]]) -> str:
    """Mentions' keys as records.ArticleDigest.event_keys keeps them (read back by filed_keys)."""
    return "\x1e".join("\n".join(("1" if active else "0") + repr(key) for key, active in pairs) for pairs in filed)


def filed_keys(text: str) -> list[list[tuple[str, bool]]]:
    """keys_text's mentions, each key as its repr."""
    if not text:
        return []
    return [[(line[1:], line[0] == "1") for line in mention.split("\n")] for mention in text.split("\x1e")]


def blocks_of(filed) -> dict[Key, tuple[list[int], list[int]]]:
    """blocks, given each mention's (key, active) pairs."""
    out: dict[Key, tuple[list[int], list[int]]] = {}
    for i, pairs in enumerate(filed):
        for key, active in pairs:
            out.setdefault(key, ([], []))[0 if active else 1].append(i)
    return out


def blocks_of_some(filed: dict[int, list[tuple[Key, bool]]]) -> dict[Key, tuple[list[int], list[int]]]:
    """blocks_of for some mentions, given by number."""
    out: dict[Key, tuple[list[int], list[int]]] = {}
    for i in sorted(filed):
        for key, active in filed[i]:
            out.setdefault(key, ([], []))[0 if active else 1].append(i)
    return out


def partners(i: int, filed: list[tuple[Key, bool]], index: dict[Key, tuple[list[int], list[int]]]) -> set[int]:
    """The mentions `candidate_pairs` pairs mention i with, given its (key, active) pairs and `blocks`."""
    out: set[int] = set()
    for key, active in filed:
        act, passive = index[key]
        out.update(act)
        if active:
            out.update(passive)
    out.discard(i)
    return out


def candidate_pairs(mentions: list[EventMention]) -> Iterator[tuple[int, int, Key]]:
    """(i, j, key) with i < j for every pair filed under one key with at least one active.
    A pair under several keys comes once per key; the caller skips what it has already joined."""
    for key, (active, passive) in blocks(mentions).items():
        for n, i in enumerate(active):
            for j in active[n + 1:]:
                yield i, j, key
            for j in passive:
                yield (i, j, key) if i < j else (j, i, key)

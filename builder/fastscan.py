"""Faster scanning with the rules' own regular expressions, same results.

Most rule patterns begin with assertions ("\\b", "(?<!kết quả )") before their first word, which
keeps Python's regex engine from skipping ahead: it tries every alternative at every character of
every sentence, and that was most of the extraction time. `Scan` reads from the pattern itself the
few literal beginnings every match must have ("tiếp", "hội đàm", a digit …), finds those with a
plain literal search, and runs the pattern only there. A pattern whose beginnings cannot be read
(it may start with any character) is run as it is. Matches, their order and their groups are those
of `re`: `tests/test_fastscan.py` compares both on every test article.
"""
from __future__ import annotations

import re
from typing import Iterator

try:   # the parser of the standard library; its layout is private, so any surprise means "no shortcut"
    from re import _constants as _C, _parser as _P
except ImportError:   # pragma: no cover
    _C = _P = None

PREFIX_LEN = 6          # characters of each beginning that are read
MAX_PREFIXES = 400      # more beginnings than this: not worth a shortcut
MAX_CLASS = 24          # a character class of more characters is "any character"


class _Unknown(Exception):
    """The pattern may begin with anything here."""


def _prefixes(items: list, limit: int) -> set[str]:
    """Literal beginnings (up to `limit` characters) one of which every match of `items` has.
    A beginning shorter than `limit` says nothing about what follows it. Raises _Unknown."""
    if limit == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return _prefixes(rest, limit)            # zero-width: the match begins with what follows
    if op is _C.LITERAL:
        return _join([chr(av)], _after(rest, limit - 1))
    if op is _C.IN:
        return _join(_class_chars(av), _after(rest, limit - 1))
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown
        return _bounded(_prefixes(list(sub.data) + rest, limit))
    if op is _C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            out |= _prefixes(list(alt.data) + rest, limit)
        return _bounded(out)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, _high, item = av
        once = _prefixes(list(item.data), limit)   # what follows one repetition is not read
        return _bounded(once | _prefixes(rest, limit)) if low == 0 else once
    raise _Unknown


def _after(rest: list, limit: int) -> set[str]:
    """What follows a known character: unknown only cuts the beginning short."""
    try:
        return _prefixes(rest, limit)
    except _Unknown:
        return {""}


def _join(firsts: list[str], tails: set[str]) -> set[str]:
    joined = {c + t for c in firsts for t in tails}
    return joined if len(joined) <= MAX_PREFIXES else set(firsts)   # too many: the first character only


def _bounded(found: set[str]) -> set[str]:
    if len(found) > MAX_PREFIXES:
        raise _Unknown
    return found


def _class_chars(items: list) -> list[str]:
    chars: list[str] = []
    for op, av in items:
        if op is _C.LITERAL:
            chars.append(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        else:   # a negated class, a category (\w, \s), a wide range
            raise _Unknown
    if len(chars) > MAX_CLASS:
        raise _Unknown
    return chars


def literal_beginnings(rx: re.Pattern) -> set[str] | None:
    """The literal beginnings of `rx`'s matches, or None when a match may begin anywhere."""
    if _P is None or not isinstance(rx.pattern, str):
        return None
    try:
        found = _prefixes(list(_P.parse(rx.pattern, rx.flags).data), PREFIX_LEN)
    except (_Unknown, RecursionError, AttributeError, TypeError, ValueError):
        return None
    if "" in found:
        return None
    if rx.flags & re.IGNORECASE:
        found = {p.lower() for p in found}
    # a beginning that starts with another one adds nothing to the search
    return {p for p in found if not any(q != p and p.startswith(q) for q in found)}


# characters that a caseless `re` match folds otherwise than str.lower() (long s, Kelvin sign,
# dotless i …): a text with one of them is sought case-insensitively, as `re` would
_SPECIAL_FOLDS = re.compile("[\u017f\u212a\u0131\u0130\u00df\u1e9e\u212b\u03c2\u03d0\u03d1\u03d5\u03d6"
                            "\u03f0\u03f1\u03f5\u1e9b\u1fbe\u0345\u00b5\ufb05\ufb06]")
_last: list = [None, None]   # the last text lowered, and its lower-cased form (None: not usable)


def _lowered(text: str) -> str | None:
    """`text` lower-cased, when that keeps every character in place and folds as `re` does."""
    if _last[0] is not text:
        low = text.lower()
        usable = len(low) == len(text) and _SPECIAL_FOLDS.search(text) is None
        _last[0], _last[1] = text, (low if usable else None)
    return _last[1]


class Scan:
    """`rx` with `finditer`, `search` and `match` that look only where a match can begin."""

    def __init__(self, rx: re.Pattern) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        beginnings = literal_beginnings(rx)
        self.beginnings = beginnings
        alternatives = "|".join(map(re.escape, sorted(beginnings or (), key=lambda p: (-len(p), p))))
        self._caseless = bool(rx.flags & re.IGNORECASE)
        # A case-insensitive seek is slow in `re` (no quick first-character test for letters that
        # have a case), so a caseless pattern's beginnings are sought in the lower-cased text.
        self._seek = None if beginnings is None else re.compile(alternatives)
        self._seek_caseless = None if beginnings is None else re.compile(alternatives, re.IGNORECASE)

    def _where(self, text: str):
        """The text to seek in, and the seek pattern."""
        if not self._caseless:
            return text, self._seek
        # (the last text's lower-cased form read here: one call fewer for each of many searches)
        low = _last[1] if _last[0] is text else _lowered(text)
        return (low, self._seek) if low is not None else (text, self._seek_caseless)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        if self._seek is None:
            yield from self.rx.finditer(text, pos, len(text) if endpos is None else endpos)
            return
        end = len(text) if endpos is None else min(endpos, len(text))
        where, seek = self._where(text)
        seek, match = seek.search, self.rx.match
        while pos <= end:
            hit = seek(where, pos, end)
            if hit is None:
                return
            m = match(text, hit.start(), end)
            if m is None:
                pos = hit.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1

    def may_occur(self, text: str) -> bool:
        """False when no part of `text` can hold a match (none of the beginnings occurs in it)."""
        if self._seek is None:
            return True
        where, seek = self._where(text)
        if seek is self._seek and self.beginnings:
            # the seek pattern is an alternation of plain strings: `in` tests say the same, faster
            return any(b in where for b in self.beginnings)
        return seek.search(where) is not None

    def every_match(self, text: str) -> Iterator[re.Match]:
        """A match at every position where one begins, overlapping ones included: what
        `rx.search(text, m.start() + 1)` repeated finds."""
        if self._seek is None:
            pos = 0
            while (m := self.rx.search(text, pos)) is not None:
                pos = m.start() + 1
                yield m
            return
        where, seek = self._where(text)
        seek, match, pos = seek.search, self.rx.match, 0
        while (hit := seek(where, pos)) is not None:
            m = match(text, hit.start())
            if m is not None:
                yield m
            pos = hit.start() + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """The first match of `finditer` (written out: a generator per call cost more than the search)."""
        if self._seek is None:
            return self.rx.search(text, pos, len(text) if endpos is None else endpos)
        end = len(text) if endpos is None else min(endpos, len(text))
        where, seek = self._where(text)
        seek, match = seek.search, self.rx.match
        while pos <= end:
            hit = seek(where, pos, end)
            if hit is None:
                return None
            m = match(text, hit.start(), end)
            if m is not None:
                return m
            pos = hit.start() + 1
        return None

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)


"""Merge across articles: one row per real event and per real person, with stable identifiers."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from . import blocking
from .cleaning import fold, name_key, variant_key
from .lexicon import load
from .records import ArticleExtraction, DateValue, EventMention

# the same few names come back in every mention; their keys are computed once (pure functions)
name_key = lru_cache(maxsize=1 << 16)(name_key)
variant_key = lru_cache(maxsize=1 << 16)(variant_key)

PRECISION_ORDER = {"day": 0, "month": 1, "year": 2, "unknown": 3}
BASIS_ORDER = {"stated": 0, "article_date": 1, "inferred": 2}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@dataclass
class MergedEvent:
    event_id: str
    mentions: list[EventMention]
    best: EventMention                      # the mention whose date and place the row shows
    series: str | None = None
    series_number: int | None = None
    series_number_inferred: bool = False
    status: str = "held"
    event_type: str = "other"
    location_city: str | None = None
    location_country: str | None = None
    host_country: str | None = None
    location_basis: str | None = None
    title_vi: str = ""
    # per mention (same order as `mentions`): the blocking key that joined it, "" if none did
    merge_basis: list[str] = field(default_factory=list)
    sides: dict = field(default_factory=dict)
    sides_basis: str | None = None


@dataclass
class MergedPerson:
    person_id: str
    key: str
    country: str | None
    spellings: Counter = field(default_factory=Counter)
    keys: list = field(default_factory=list)     # the (name key, country) identities merged here


def _sides(best: EventMention, placed: list[EventMention]) -> tuple[dict, str | None]:
    """Each side's body, from the mentions that name it before those that carry it over from the
    meeting their article reports (vocabulary.ORGANIZATION_BASES), and the basis of the pair."""
    sides, bases = {}, set()
    for c in ("VN", "CN"):
        named = [m for m in [best] + placed if m.sides.get(c)]
        # a mention that names the body itself first, then one that read it from its article's other meetings
        source = min(named, key=lambda m: _BASIS_STRENGTH.get(m.sides_basis or "stated", 0), default=None)
        sides[c] = source.sides[c] if source is not None else None
        if source is not None:
            bases.add(source.sides_basis or "stated")
    # the pair's basis: its weakest side's
    return sides, (max(bases, key=lambda b: _BASIS_STRENGTH.get(b, 0)) if bases else None)


_BASIS_STRENGTH = {"stated": 0, "same_article": 1, "same_exchange": 2}   # (lower: read more directly)


def _overlap(a: DateValue, b: DateValue) -> bool:
    return a.known and b.known and a.start <= b.end and b.start <= a.end


_people = blocking.people


def _head(e: EventMention) -> str | None:
    for role in ("co_chair", "head_of_delegation", "host", "participant"):
        for p in e.participants:
            if p.role == role:
                return p.person.name
    return None


def same_event(a: EventMention, b: EventMention) -> bool:
    """Two mentions name one event: the same series ordinal, or the same kind of meeting at
    overlapping dates with a person in common (a leader's visit may be undated in one source)."""
    return _same_event(a, b, _people(a), _people(b))


def _same_event(a: EventMention, b: EventMention, pa: set[str], pb: set[str]) -> bool:
    """same_event, given the people of each (worked out once per mention by group_mentions)."""
    if a.series and b.series:
        return a.series == b.series and a.series_number == b.series_number
    if a.series or b.series:
        return False
    if a.series_key and b.series_key and a.series_key != b.series_key:
        return False
    if a.event_type != b.event_type:
        return False
    if _same_report(a, b, pa, pb):
        return True
    if a.series_number is not None or b.series_number is not None:
        return (a.series_number == b.series_number and bool(pa & pb or (
            a.location_city and a.location_city == b.location_city)) and
                (_overlap(a.date, b.date) or not a.date.known or not b.date.known))
    shared = pa & pb
    if a.event_type == "leaders_visit":
        return bool(shared) and a.location_country == b.location_country and (
            _overlap(a.date, b.date) or (a.date.known != b.date.known))
    if not a.date.known or not b.date.known:
        return _undated_agrees(a, b, pa, pb)
    return bool(shared) and _overlap(a.date, b.date)


def _same_report(a: EventMention, b: EventMention, pa: set[str], pb: set[str]) -> bool:
    """The same sentence (a repost, or one outlet copying another) saying the same kind, ordinal,
    dates and status: one event even when it names nobody."""
    return (a.series_number == b.series_number
            and (a.date.start, a.date.end, a.status) == (b.date.start, b.date.end, b.status)
            and blocking.sentence(a) == blocking.sentence(b) and _places_agree(a, b) and _people_agree(pa, pb))


def _people_agree(pa: set[str], pb: set[str]) -> bool:
    """Nobody named on one side, or one side names everyone the other names."""
    return not pa or not pb or pa <= pb or pb <= pa


def _places_agree(a: EventMention, b: EventMention) -> bool:
    return all(x is None or y is None or x == y for x, y in (
        (a.location_city, b.location_city), (a.location_country, b.location_country),
        (a.host_country, b.host_country)))


def _undated_agrees(a: EventMention, b: EventMention, pa: set[str], pb: set[str]) -> bool:
    """An undated mention (the same story from another outlet, or a repost) is the event when
    one's participants include all of the other's and no place contradicts. Whether it joins a
    dated event is settled in merge_events: only when exactly one dated event agrees."""
    return bool(pa) and bool(pb) and _people_agree(pa, pb) and _places_agree(a, b)


def _best(mentions: list[EventMention]) -> EventMention:
    return min(mentions, key=lambda m: (m.status != "held", PRECISION_ORDER[m.date.precision],
                                        BASIS_ORDER.get(m.date.basis, 3), m.mention != "primary", m.article_id))


def _event_id(e: MergedEvent) -> str:
    if e.series and e.series_number is not None:
        return f"{slug(e.series)}-{e.series_number:02d}"
    date = e.best.date.iso() if e.best.date.known and e.best.date.precision != "unknown" else "undated"
    who = _head(e.best)
    tail = slug(who) if who else hashlib.sha256(
        "|".join(sorted(m.article_id for m in e.mentions)).encode()).hexdigest()[:8]
    number = f"-{e.series_number:02d}" if e.series_number is not None else ""
    return f"{e.event_type.replace('_', '-')}{number}-{date}-{tail}"


def _root(parent: list[int], i: int) -> int:
    """Union-find: the root of i's set (halving the path on the way)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


class _Groups:
    """Union-find over mention indexes, remembering the key that first joined each mention."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.basis = [""] * n
        # the mentions `same_event` links, joined or not (an undated report that agrees with two
        # dated events is kept apart from both): merging such a set alone gives what merging
        # the archive gives, so a rebuild merges again only the sets with a changed mention
        self.linked = list(range(n))

    def link(self, i: int, j: int) -> None:
        a, b = self.linked_root(i), self.linked_root(j)
        if a != b:
            self.linked[b] = a

    def linked_root(self, i: int) -> int:
        return _root(self.linked, i)

    def link_sets(self) -> list[list[int]]:
        """The linked sets, each in order, ordered by their first mention."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.linked)):
            out.setdefault(self.linked_root(i), []).append(i)
        return list(out.values())

    def find(self, i: int) -> int:
        return _root(self.parent, i)

    def join(self, i: int, j: int, key) -> None:
        self.link(i, j)
        self.parent[self.find(j)] = self.find(i)
        for k in (i, j):
            self.basis[k] = self.basis[k] or blocking.describe(key)


# the kinds of blocking key, strongest evidence first: one sentence, one numbered series, one
# ordinal with a person or city, one month, one year, an undated report
KEY_STRENGTH = {"sentence": 0, "series": 1, "ordinal": 2, "month": 3, "year": 4, "undated": 5}


def group_mentions(mentions: list[EventMention], pairs=None) -> _Groups:
    """Join the mentions that are one event. Only pairs sharing a blocking key are compared
    (`pairs` overrides that, for tests). Dated with dated and undated with undated first; then an
    undated group joins a dated event only when exactly one dated event agrees with it."""
    groups = _Groups(len(mentions))
    who = [_people(m) for m in mentions]
    deferred: dict[tuple[int, int], tuple] = {}
    # in an order of their own (the strongest kind of key first, then the mentions' order), not that
    # of the blocks, which other sets' mentions decide: a set merged alone then gives the same
    # merge basis as merged with the archive (see merge_linked)
    ordered = sorted(blocking.candidate_pairs(mentions) if pairs is None else pairs,
                     key=lambda pair: (KEY_STRENGTH.get(pair[2][0], len(KEY_STRENGTH)), pair[0], pair[1],
                                       blocking.describe(pair[2])))
    for i, j, key in ordered:
        a, b = mentions[i], mentions[j]
        if a.article_id == b.article_id:
            continue
        if a.date.known != b.date.known:
            deferred.setdefault((i, j), key)
        elif groups.find(i) != groups.find(j) and _same_event(a, b, who[i], who[j]):
            groups.join(i, j, key)
    offers: dict[int, dict[int, tuple]] = {}
    for (i, j), key in deferred.items():
        if _same_event(mentions[i], mentions[j], who[i], who[j]):
            groups.link(i, j)
            undated, dated_ = (i, j) if not mentions[i].date.known else (j, i)
            offers.setdefault(groups.find(undated), {}).setdefault(groups.find(dated_), (dated_, undated, key))
    for targets in offers.values():
        if len(targets) == 1:   # more than one dated event agrees: ambiguous, kept apart
            groups.join(*next(iter(targets.values())))
    return groups


def merge_events(extractions: list[ArticleExtraction]) -> list[MergedEvent]:
    mentions = [ev for x in extractions for ev in x.events]
    return with_unique_ids([e for _, events in merge_linked(mentions) for e in events])


def merge_linked(mentions: list[EventMention]) -> list[tuple[list[int], list[MergedEvent]]]:
    """The events of the mentions (in the archive's order), by linked set (see `_Groups.linked`):
    each set's mention indexes and the events made of them. Merging a linked set alone gives
    what merging all mentions gives. The identifiers are not yet unique: see `with_unique_ids`."""
    found = group_mentions(mentions)
    find = found.find
    groups: dict[int, list[EventMention]] = {}
    bases: dict[int, list[str]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(find(i), []).append(m)
        bases.setdefault(find(i), []).append(found.basis[i])
    by_set: dict[int, list[MergedEvent]] = {}
    for root, group in groups.items():
        by_set.setdefault(found.linked_root(root), []).append(_merged(group, bases[root]))
    return [(members, by_set[found.linked_root(members[0])]) for members in found.link_sets()]


def _merged(group: list[EventMention], merge_basis: list[str]) -> MergedEvent:
    best = _best(group)
    primary = next((m for m in group if m.mention == "primary"), best)
    # a held event takes its place from the mentions of it as held, not from the plan for it
    placed = [m for m in group if m.status == "held"] or group
    e = MergedEvent(
        event_id="", mentions=group, best=best,
        series=next((m.series for m in group if m.series), None),
        series_number=next((m.series_number for m in group if m.series_number is not None
                            and not m.series_number_inferred), None)
        or next((m.series_number for m in group if m.series_number is not None), None),
        status="held" if any(m.status == "held" for m in group) else "planned",
        event_type=Counter(m.event_type for m in group).most_common(1)[0][0] if not any(
            m.mention == "primary" for m in group) else primary.event_type,
        location_city=best.location_city or next((m.location_city for m in placed if m.location_city), None),
        location_country=best.location_country or next(
            (m.location_country for m in placed if m.location_country), None),
        host_country=best.host_country or next((m.host_country for m in placed if m.host_country), None),
        title_vi=primary.title_vi, merge_basis=merge_basis)
    e.sides, e.sides_basis = _sides(best, placed)
    # the place's basis is that of the mention the city (else the country) was taken from
    placing = next((m for m in [best] + placed if m.location_city), None) if e.location_city else \
        next((m for m in [best] + placed if m.location_country), None)
    e.location_basis = placing.location_basis if placing is not None else None
    e.series_number_inferred = all(m.series_number_inferred for m in group if m.series_number is not None) \
        and e.series_number is not None
    e.event_id = _event_id(e)
    return e


def clash_suffix(e: MergedEvent) -> str:
    """What an identifier shared by two events gets: the short hash of its sources."""
    return "-" + hashlib.sha256("|".join(sorted(
        f"{m.article_id}:{m.evidence.char_start}" for m in e.mentions)).encode()).hexdigest()[:6]


def with_unique_ids(merged: list[MergedEvent]) -> list[MergedEvent]:
    """Identifiers made unique (a clash gets the short hash of its sources), sorted by them."""
    seen: Counter = Counter(e.event_id for e in merged)
    for e in merged:
        if seen[e.event_id] > 1:
            e.event_id += clash_suffix(e)
    merged.sort(key=lambda e: e.event_id)
    return merged


def person_slug(name: str) -> str:
    """A readable id from the name as written: "Đỗ Thị Hằng" → "do-thi-hang"."""
    return slug(name)


def people_of(e: MergedEvent) -> list:
    """Every participant and signatory of the event's mentions, in order (as merge_persons reads them)."""
    out = []
    for m in e.mentions:
        for p in m.participants:
            out.append(p.person)
        for d in m.documents:
            out.extend(d.signatories)
    return out


class PersonRef(NamedTuple):
    """What merge_people reads of a participant or signatory."""
    identity: str
    name: str
    country: str | None
    title: str | None


def person_ref(p) -> PersonRef:
    return PersonRef(p.identity, p.name, p.country, p.title)


def merge_persons(events: list[MergedEvent], spellings: list[str] = ()) -> tuple[dict[tuple[str, str | None], str], list[MergedPerson]]:
    """merge_people over every participant and signatory of the events."""
    return merge_people(Counter(person_ref(p) for e in events for p in people_of(e)), spellings)


def merge_people(mentions: Counter, spellings=()) -> tuple[dict[tuple[str, str | None], str], list[MergedPerson]]:
    """Map (name key, country) of every participant and signatory to a person. `mentions`: how
    often each PersonRef occurs (the result depends on nothing else of them, not on their order).

    Identity keeps tone marks (only their placement and case are normalised), so "Lê Văn
    Thanh" and "Lê Văn Thành" stay two people. Spellings of one person meet on evidence only:
    the article itself (a one-letter variant is reconciled at extraction, see `identity`), a cited
    reference row with aliases, or the same accent-free name with the same country and office."""
    reference = load().persons
    keyed = [(p, name_key(p.identity), n) for p, n in mentions.items()]
    countries: dict[str, Counter] = {}
    for p, key, n in keyed:
        counts = countries.get(key)
        if counts is None:
            counts = countries[key] = Counter()
        counts[p.country] += n

    def country_of_mention(p, key: str) -> str | None:
        if p.country:
            return p.country
        known = [c for c in countries[key] if c]   # a bare mention takes the agreed one
        return known[0] if len(known) == 1 else None

    parent: dict[tuple[str, str | None], tuple[str, str | None]] = {}

    def find(k):
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=str)] = min(ra, rb, key=str)

    titles: dict[tuple[str, str], set] = {}
    spelled: dict[tuple[str, str | None], Counter] = {}
    for p, key, n in keyed:
        ident = (key, country_of_mention(p, key))
        find(ident)
        names = spelled.get(ident)
        if names is None:
            names = spelled[ident] = Counter()
        names[p.name] += n
        if p.title and ident[1]:
            titles.setdefault((variant_key(p.identity), ident[1]), set()).add((ident, name_key(p.title)))
    for row in reference:   # curated aliases with a source
        names = {name_key(n) for n in [row["name_vi"]] + [a for a in row["aliases_vi"].split("|") if a]}
        hits = [k for k in parent if k[0] in names and k[1] in (row["country"], None)]
        for k in hits[1:]:
            union(hits[0], k)
    for group in titles.values():   # same accent-free name, same side, same office
        by_title: dict[str, list] = {}
        for ident, title in group:
            by_title.setdefault(title, []).append(ident)
        for idents in by_title.values():
            for k in idents[1:]:
                union(idents[0], k)

    clusters: dict[tuple, list[tuple]] = {}
    for k in sorted(parent, key=str):
        clusters.setdefault(find(k), []).append(k)
    people: list[MergedPerson] = []
    lookup: dict[tuple[str, str | None], str] = {}
    for root, keys in clusters.items():
        counts = Counter()
        for k in keys:
            counts.update(spelled.get(k, Counter()))
        display = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        country = root[1]
        people.append(MergedPerson("", name_key(display), country, counts, keys))
    # readable ids; two different people whose names fold alike get a short hash of their spelling
    by_slug: dict[str, list[MergedPerson]] = {}
    for person in people:
        base = person_slug(person.key) + (f"-{person.country.lower()}" if person.country else "")
        by_slug.setdefault(base, []).append(person)
    for base, group in by_slug.items():
        for person in group:
            person.person_id = base if len(group) == 1 else (
                base + "-" + hashlib.sha256(person.key.encode()).hexdigest()[:4])
            for k in person.keys:
                lookup[k] = person.person_id
    for p, key, _ in keyed:   # the lookup by the country as the mention states it
        if (key, p.country) not in lookup:
            lookup[(key, p.country)] = lookup[(key, country_of_mention(p, key))]
    known = {k[0]: person for person in people for k in person.keys}
    for row in reference:   # a cited alias of a known person is a known spelling too
        names = [row["name_vi"]] + [a for a in row["aliases_vi"].split("|") if a]
        person = next((known[name_key(n)] for n in names if name_key(n) in known), None)
        if person is not None and person.country in (row["country"], None):
            for n in names:
                known.setdefault(name_key(n), person)
    for name in spellings:  # other spellings of a known person, e.g. in a caption
        person = known.get(name_key(name))
        if person is not None and name not in person.spellings:
            person.spellings[name] += 0
    return lookup, sorted(people, key=lambda p: p.person_id)


def reference_for(person: MergedPerson) -> dict[str, str]:
    keys = {k[0] for k in person.keys or [(person.key, person.country)]}
    for row in load().persons:
        names = [row["name_vi"]] + [a for a in row["aliases_vi"].split("|") if a]
        if any(name_key(n) in keys for n in names) and row["country"] == (person.country or row["country"]):
            return row
    return {}

"""Turn merged events and persons into the package's rows (plain dicts keyed by schema column)."""
from __future__ import annotations

import datetime as dt
import pickle
from collections import Counter
from dataclasses import dataclass, replace

from . import blocking
from . import vocabulary as V
from .cleaning import name_key
from .merge import MergedEvent, clash_suffix, merge_linked, merge_people, people_of, person_ref, reference_for
from .records import ArticleDigest, ArticleExtraction, DateValue, EventMention, InputFile
from .schema import TABLES

Row = dict[str, object]

TYPE_EN = {c.code: c.label for c in V.EVENT_TYPES}
SERIES_EN = {c.code: c.label for c in V.SERIES}
DOC_EN = {c.code: c.label for c in V.DOCUMENT_TYPES}
COUNTRY_EN = {"VN": "Viet Nam", "CN": "China"}


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _dates(d: DateValue) -> dict[str, object]:
    return {"date_start": d.start, "date_end": d.end, "date_precision": d.precision}


def title_en(e: MergedEvent) -> str:
    if e.series:
        return f"{ordinal_en(e.series_number)} {SERIES_EN[e.series]}" if e.series_number else SERIES_EN[e.series]
    head = next((p.person.name for p in e.best.participants if p.role in ("head_of_delegation", "co_chair")), None)
    place = e.location_city or COUNTRY_EN.get(e.host_country or e.location_country or "", "")
    parts = [TYPE_EN[e.event_type]]
    if e.series_number:
        parts.insert(0, ordinal_en(e.series_number))
    if head:
        parts.append(f"led by {head}" if e.event_type in ("visit", "leaders_visit") else f"with {head}")
    if place:
        parts.append(f"in {place}")
    return " ".join(parts)


def _organizations(e) -> dict:
    """Each side's body as the text names it; a ministerial series' unnamed side from its definition."""
    sides, basis = dict(e.sides), e.sides_basis if any(e.sides.values()) else None
    if e.series in V.codes(V.SERIES):
        for country, body in V.SERIES_SIDES.items():
            if not sides.get(country):
                sides[country], basis = body, "inferred"
    return {"organization_vn": sides.get("VN"), "organization_cn": sides.get("CN"), "organization_basis": basis}


PersonKey = tuple[str, "str | None"]     # (name key of the identity, country): a person before merge_people


def person_key(person) -> PersonKey:
    return (name_key(person.identity), person.country)


@dataclass
class EventRows:
    """One merged event's rows before the archive-wide steps: its identifier may still clash with
    another event's, and people are keyed by `person_key` until merge_people has given them ids.
    A pure function of its blocking component's mentions, so it is kept between builds."""
    event_id: str                                  # as merge_component made it
    clash_suffix: str                              # what the identifier gets if it clashes
    event: Row                                     # rows without event_id (and person ids)
    sources: list[Row]
    participants: list[tuple[PersonKey, Row]]
    documents: list[tuple[list[tuple[str, PersonKey]], Row]]   # (signatories by country, row)
    topics: list[Row]
    people: Counter                                # PersonRef → how often (merge.people_of)


def event_rows(e: MergedEvent) -> EventRows:
    d = e.best.date
    event = {
        "event_type": e.event_type, "title_en": title_en(e), "title_vi": e.title_vi,
        "series": e.series, "series_number": e.series_number,
        "series_number_inferred": e.series_number_inferred, **_dates(d),
        "date_basis": d.basis, "date_text": d.text or None, "location_city": e.location_city,
        "location_country": e.location_country, "location_basis": e.location_basis,
        "host_country": e.host_country, "status": e.status,
        **_organizations(e),
        "n_sources": len({m.article_id for m in e.mentions})}
    out = EventRows(e.event_id, clash_suffix(e), event, [], [], [], [],
                    Counter(person_ref(p) for p in people_of(e)))
    seen_sources, seen_topics = set(), set()
    for m, basis in sorted(zip(e.mentions, e.merge_basis), key=lambda mb: (mb[0].article_id, mb[0].evidence.char_start)):
        ev = m.evidence
        prov = {"article_id": m.article_id, "char_start": ev.char_start, "char_end": ev.char_end,
                "evidence": ev.text}
        if (m.article_id, m.mention) not in seen_sources:
            seen_sources.add((m.article_id, m.mention))
            out.sources.append({"mention": m.mention, **_dates(m.date), "status": m.status,
                                "merge_basis": basis or None, **prov})
        for p in m.participants:
            pe = p.person.evidence
            out.participants.append((person_key(p.person), {
                "name_vi": p.person.name, "country": p.person.country, "role": p.role,
                "title_vi": p.person.title, "rank_vi": p.person.rank, "organization_vi": p.person.organization,
                "article_id": m.article_id, "char_start": pe.char_start, "char_end": pe.char_end,
                "evidence": pe.text}))
        for doc in m.documents:
            de = doc.evidence
            out.documents.append(([(s.country, person_key(s)) for s in doc.signatories if s.country], {
                "doc_type": doc.doc_type, "title_vi": doc.title_vi, "title_en": DOC_EN[doc.doc_type],
                "date_signed": doc.date.start if doc.date.precision != "unknown" else None,
                "date_precision": doc.date.precision if doc.date.known else "unknown",
                "count": doc.count, "article_id": m.article_id, "char_start": de.char_start,
                "char_end": de.char_end, "evidence": de.text}))
        for topic, te in m.topics:
            if (topic, m.article_id) in seen_topics:
                continue
            seen_topics.add((topic, m.article_id))
            out.topics.append({"topic": topic, "article_id": m.article_id, "char_start": te.char_start,
                               "char_end": te.char_end, "evidence": te.text})
    return out


def linked_rows(mentions: list[EventMention]) -> list[tuple[list[int], list[EventRows]]]:
    """The rows of the mentions' events, by linked set (see merge.merge_linked)."""
    return [(members, [event_rows(e) for e in events]) for members, events in merge_linked(mentions)]


def article_rows(inputs: list[InputFile], digests: dict[str, ArticleDigest]) -> list[Row]:
    out = []
    for f in inputs:
        x = digests.get(f.article_id)
        status, reason = f.status, f.reason
        if x is not None and f.status == "ok" and not x.n_events:
            status = "not_vietnamese" if x.not_relevant_reason.startswith("not Vietnamese") else "not_relevant"
            reason = x.not_relevant_reason
        published = x.published if x else None
        out.append({
            "article_id": f.article_id, "path": f.path, "sha256": f.sha256, "status": status,
            "reason": reason or None, "publisher": x.publisher if x else None,
            "published": published.start if published and published.known else None,
            "published_precision": published.precision if published else "unknown",
            "n_chars": len(f.text) if f.text is not None else None, "duplicate_of": f.duplicate_of})
    return out


def digest_of(x: ArticleExtraction, for_merge: bool = True) -> ArticleDigest:
    """`for_merge`: with what a later build needs to merge again without the extraction."""
    if not for_merge:
        return ArticleDigest(x.article.article_id, x.article.publisher, x.article.published,
                             x.not_relevant_reason, len(x.events), list(x.spellings), "")
    return ArticleDigest(x.article.article_id, x.article.publisher, x.article.published, x.not_relevant_reason,
                         len(x.events), list(x.spellings),
                         blocking.keys_text([list(blocking.keys(m)) for m in x.events]),
                         pickle.dumps([(replace(m, participants=[], documents=[], topics=[]),
                                        frozenset(blocking.people(m))) for m in x.events],
                                      protocol=pickle.HIGHEST_PROTOCOL))


def build_rows(inputs: list[InputFile], extractions: list[ArticleExtraction],
               on_merged=None) -> dict[str, list[Row]]:
    """The package's rows from every article's extraction (no kept components: see assemble_rows)."""
    digests = [digest_of(x, for_merge=False) for x in extractions]
    parts = [part for _, rows in linked_rows([ev for x in extractions for ev in x.events]) for part in rows]
    return assemble_rows(inputs, digests, parts, on_merged)


def assemble_rows(inputs: list[InputFile], digests: list[ArticleDigest], parts: list[EventRows],
                  on_merged=None) -> dict[str, list[Row]]:
    """The archive-wide steps: unique event identifiers, persons merged across events, rows sorted."""
    rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
    rows["articles"] = article_rows(inputs, {d.article_id: d for d in digests})
    ids = final_ids([p.event_id for p in parts], [p.clash_suffix for p in parts])
    people = Counter()
    for p in parts:
        people.update(p.people)
    lookup, persons = merge_people(people, {n for d in digests for n in d.spellings})
    if on_merged:
        on_merged()
    for event_id, p in zip(ids, parts):
        for name, table_rows in event_table_rows(event_id, p, lookup).items():
            rows[name].extend(table_rows)
    rows["persons"] = person_rows(persons)
    for name in rows:
        rows[name].sort(key=sort_key_of(name))
    return rows


def final_ids(event_ids: list[str], suffixes: list[str]) -> list[str]:
    """Identifiers made unique: one shared by several events gets each one's clash suffix."""
    clashes = Counter(event_ids)
    return [i + s if clashes[i] > 1 else i for i, s in zip(event_ids, suffixes)]


EVENT_TABLES = ("events", "event_sources", "participants", "documents", "topics")


def event_table_rows(event_id: str, p: EventRows, lookup: dict) -> dict[str, list[Row]]:
    """One event's rows of each EVENT_TABLES table, given its final identifier and the persons'."""
    out: dict[str, list[Row]] = {name: [] for name in EVENT_TABLES}
    out["events"].append({"event_id": event_id, **p.event})
    for r in p.sources:
        out["event_sources"].append({"event_id": event_id, **r})
    seen_people = set()
    for key, r in p.participants:
        person_id = lookup[key]
        if (person_id, r["article_id"]) in seen_people:
            continue
        seen_people.add((person_id, r["article_id"]))
        out["participants"].append({"event_id": event_id, "person_id": person_id, **r})
    for n_doc, (signatories, r) in enumerate(p.documents, 1):
        signers = {country: lookup[key] for country, key in signatories}
        out["documents"].append({"document_id": f"{event_id}-doc{n_doc}", "event_id": event_id,
                                 "signatory_vn": signers.get("VN"), "signatory_cn": signers.get("CN"), **r})
    for r in p.topics:
        out["topics"].append({"event_id": event_id, **r})
    return out


def person_rows(persons) -> list[Row]:
    out = []
    for p in persons:
        ref = reference_for(p)
        name = sorted(p.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        aliases = sorted(s for s in p.spellings if s != name)
        out.append({
            "person_id": p.person_id, "name_vi": name, "aliases": "|".join(aliases) or None, "country": p.country,
            "name_zh": ref.get("name_zh") or None, "name_en": ref.get("name_en") or None,
            "reference_source": ref.get("source") or None})
    return out


def sort_key_of(table_name: str):
    """How the table's rows are ordered: by its primary key (every column if it has none)."""
    table = next(t for t in TABLES if t.name == table_name)
    return _sort_key(table.primary_key or table.columns)


def _sort_key(columns):
    """Rows sort by their key columns as text, a missing or empty value first."""
    def key(row: Row) -> tuple[str, ...]:
        return tuple([str(v) if v else "" for v in map(row.get, columns)])
    return key


def cell(value: object) -> str:
    """How a value is written in CSV."""
    if value.__class__ is str:      # most cells: answered first
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)

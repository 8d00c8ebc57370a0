"""Turn merged events and persons into the package's rows (plain dicts keyed by schema column)."""
from __future__ import annotations

import datetime as dt

from . import vocabulary as V
from .cleaning import name_key
from .merge import MergedEvent, merge_events, merge_persons, reference_for
from .records import ArticleExtraction, DateValue, InputFile
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
    sides, basis = dict(e.sides), "stated" if e.sides else None
    if e.series in V.codes(V.SERIES):
        for country, body in V.SERIES_SIDES.items():
            if not sides.get(country):
                sides[country], basis = body, "inferred"
    return {"organization_vn": sides.get("VN"), "organization_cn": sides.get("CN"), "organization_basis": basis}


def build_rows(inputs: list[InputFile], extractions: list[ArticleExtraction],
               on_merged=None) -> dict[str, list[Row]]:
    by_id = {x.article.article_id: x for x in extractions}
    rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
    for f in inputs:
        x = by_id.get(f.article_id)
        status, reason = f.status, f.reason
        if x is not None and f.status == "ok" and not x.events:
            status = "not_vietnamese" if x.not_relevant_reason.startswith("not Vietnamese") else "not_relevant"
            reason = x.not_relevant_reason
        published = x.article.published if x else None
        rows["articles"].append({
            "article_id": f.article_id, "path": f.path, "sha256": f.sha256, "status": status,
            "reason": reason or None, "publisher": x.article.publisher if x else None,
            "published": published.start if published and published.known else None,
            "published_precision": published.precision if published else "unknown",
            "n_chars": len(f.text) if f.text is not None else None, "duplicate_of": f.duplicate_of})

    events = merge_events([x for x in extractions if x.events])
    lookup, persons = merge_persons(events, [n for x in extractions for n in x.spellings])
    if on_merged:
        on_merged()

    def pid(person) -> str:
        return lookup[(name_key(person.identity), person.country)]

    for e in events:
        d = e.best.date
        rows["events"].append({
            "event_id": e.event_id, "event_type": e.event_type, "title_en": title_en(e), "title_vi": e.title_vi,
            "series": e.series, "series_number": e.series_number,
            "series_number_inferred": e.series_number_inferred, **_dates(d),
            "date_basis": d.basis, "date_text": d.text or None, "location_city": e.location_city,
            "location_country": e.location_country, "location_basis": e.location_basis,
            "host_country": e.host_country, "status": e.status,
            **_organizations(e),
            "n_sources": len({m.article_id for m in e.mentions})})
        seen_sources, seen_people, seen_topics = set(), set(), set()
        n_doc = 0
        for m, basis in sorted(zip(e.mentions, e.merge_basis), key=lambda mb: (mb[0].article_id, mb[0].evidence.char_start)):
            ev = m.evidence
            prov = {"article_id": m.article_id, "char_start": ev.char_start, "char_end": ev.char_end,
                    "evidence": ev.text}
            if (m.article_id, m.mention) not in seen_sources:
                seen_sources.add((m.article_id, m.mention))
                rows["event_sources"].append({"event_id": e.event_id, "mention": m.mention, **_dates(m.date),
                                              "status": m.status, "merge_basis": basis or None, **prov})
            for p in m.participants:
                key = (pid(p.person), m.article_id)
                if key in seen_people:
                    continue
                seen_people.add(key)
                pe = p.person.evidence
                rows["participants"].append({
                    "event_id": e.event_id, "person_id": key[0], "name_vi": p.person.name,
                    "country": p.person.country, "role": p.role, "title_vi": p.person.title,
                    "rank_vi": p.person.rank, "organization_vi": p.person.organization,
                    "article_id": m.article_id, "char_start": pe.char_start, "char_end": pe.char_end,
                    "evidence": pe.text})
            for doc in m.documents:
                n_doc += 1
                signers = {s.country: pid(s) for s in doc.signatories if s.country}
                de = doc.evidence
                rows["documents"].append({
                    "document_id": f"{e.event_id}-doc{n_doc}", "event_id": e.event_id, "doc_type": doc.doc_type,
                    "title_vi": doc.title_vi, "title_en": DOC_EN[doc.doc_type],
                    "date_signed": doc.date.start if doc.date.precision != "unknown" else None,
                    "date_precision": doc.date.precision if doc.date.known else "unknown",
                    "count": doc.count, "signatory_vn": signers.get("VN"), "signatory_cn": signers.get("CN"),
                    "article_id": m.article_id, "char_start": de.char_start, "char_end": de.char_end,
                    "evidence": de.text})
            for topic, te in m.topics:
                if (topic, m.article_id) in seen_topics:
                    continue
                seen_topics.add((topic, m.article_id))
                rows["topics"].append({"event_id": e.event_id, "topic": topic, "article_id": m.article_id,
                                       "char_start": te.char_start, "char_end": te.char_end, "evidence": te.text})
    for p in persons:
        ref = reference_for(p)
        name = sorted(p.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        aliases = sorted(s for s in p.spellings if s != name)
        rows["persons"].append({
            "person_id": p.person_id, "name_vi": name, "aliases": "|".join(aliases) or None, "country": p.country,
            "name_zh": ref.get("name_zh") or None, "name_en": ref.get("name_en") or None,
            "reference_source": ref.get("source") or None})
    for name in rows:
        table = next(t for t in TABLES if t.name == name)
        rows[name].sort(key=_sort_key(table.primary_key or table.columns))
    return rows


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

"""One article in, its events out: the per-article stage of the build."""
from __future__ import annotations

import re

from . import patterns as P
from .cleaning import is_off_topic, match_form, segment, sentences
from .dates import article_date
from .documents import find_documents
from .events import (conference_references, planned_meetings, promote_unnamed_chairs, delegation_country, find_primary, primary_roles, resolve_people,
                     to_participants, visit_references)
from .lexicon import Lexicon, load
from .people import country_of, find_people
from .cleaning import variant_key
from .records import Article, ArticleExtraction, InputFile
from .topics import find_topics


def make_article(source: InputFile, lex: Lexicon | None = None) -> Article:
    lex = lex or load()
    text = source.text or ""
    mt = match_form(text)
    paragraphs = segment(text)
    body = [(p.start, p.end) for p in paragraphs if p.kind == "body" and not is_off_topic(mt[p.start:p.end])]
    noise = [(p.start, p.end, p.kind if p.kind != "body" else "off_topic") for p in paragraphs
             if (p.start, p.end) not in body]
    return Article(article_id=source.article_id, path=source.path, sha256=source.sha256, text=text,
                   match_text=mt, publisher=find_publisher(text, lex), published=article_date(text),
                   body=body, noise=noise)


def find_publisher(text: str, lex: Lexicon) -> str | None:
    head = text[:400]
    for tag, name in lex.publishers:
        if re.search(r"(?:^|\s)\(?" + re.escape(tag) + r"\)?\s*-", head) or re.search(
                r"Theo " + re.escape(tag), text):
            return name
    return None


def relevance(article: Article, body_sentences, lex: Lexicon) -> str:
    """Why an article reports no bilateral security meeting ('' when it may report one)."""
    mt = article.match_text
    body = " ".join(mt[s:e] for s, e in body_sentences)
    if not body.strip():
        return "no article body left after removing captions, menus and footers"
    if not P.MEETING_ANY.search(body):
        return "no meeting, visit, talks or conference is reported"
    cn = [o for o, c, sec in lex.organisations if c == "CN" and sec]
    low = body.lower()
    if not (any(o.lower() in low for o in cn) or re.search(r"công an[^.;]{0,40}trung quốc|phía trung quốc|"
                                                            r"trung quốc[^.;]{0,60}\bdo\b", low)):
        return "no Chinese public-security or political-legal body takes part"
    return ""


def extract(source: InputFile, lex: Lexicon | None = None) -> ArticleExtraction:
    lex = lex or load()
    article = make_article(source, lex)
    mt = article.match_text
    body = [s for a, b in article.body for s in sentences(mt, a, b)]
    reason = relevance(article, body, lex)
    if reason:
        return ArticleExtraction(article, [], reason)
    people = find_people(mt, body, lex)
    captions = [s for a, b, kind in article.noise if kind == "caption" for s in sentences(mt, a, b)]
    caption_people = find_people(mt, captions, lex)
    conf_claims = conference_references(article, body, people, lex)
    # a conference phrase in the opening, or right after "tổ chức/đồng chủ trì", names the meeting itself
    itself = [c for c in conf_claims if _names_the_meeting(article, body, c)]
    conf_claims = [c for c in conf_claims if c not in itself]
    primary = find_primary(article, body, [c.span for c in conf_claims], lex)
    if primary is None:
        return ArticleExtraction(article, [], "no reported meeting found in the article body")
    if primary.event_type == "conference" and itself:
        first = itself[0].event
        primary.series_number = primary.series_number or first.series_number
        primary.series = primary.series or first.series
        primary.title_vi = first.title_vi
        primary.location_city = primary.location_city or first.location_city
        primary.location_country = primary.location_country or first.location_country
    elif itself:
        conf_claims += itself
    conf_claims = [c for c in conf_claims if not (primary.event_type == "conference"
                                                  and c.event.series_number == primary.series_number)]
    primary_sents = {(s, e) for s, e in body if primary.date.char_start >= 0 and s <= primary.date.char_start < e}
    primary_sents.add((primary.evidence.char_start, primary.evidence.char_end))
    visit_claims = visit_references(article, body, people, lex, primary_sents)
    claims = conf_claims + visit_claims
    claims += planned_meetings(article, body, [c.span for c in claims], lex)
    _fill_series(primary, [c.event for c in conf_claims])
    claimed_people = {(p.start, p.end) for c in claims for p, _ in c.people}
    deleg = delegation_country(article, body, lex)
    own = [p for p in people if (p.start, p.end) not in claimed_people
           and not any(c.span[0] <= p.start < c.span[1] for c in visit_claims)]
    rows = primary_roles(article, own, primary, deleg, lex)
    merged = resolve_people(rows, deleg, primary.host_country)
    promote_unnamed_chairs(article, body, own, merged, lex)
    order = list(dict.fromkeys(variant_key(p.name) for p, _, _ in rows))
    primary.participants = to_participants(article, merged, order)
    for c in claims:
        rows_c = [(p, role, p.country or country_of(p.title or "", lex)) for p, role in c.people]
        merged_c = resolve_people(rows_c, None, None)
        c.event.participants = to_participants(article, merged_c, list(dict.fromkeys(variant_key(p.name) for p, _ in c.people)))
    events = [primary] + [c.event for c in claims]
    find_documents(article, body, captions, events, people + caption_people)
    claimed_spans = [c.span for c in claims]
    primary.topics = find_topics(article, [(s, e) for s, e in body
                                           if not any(cs <= s and e <= ce for cs, ce in claimed_spans)])
    return ArticleExtraction(article, events, spellings=sorted({p.name for p in people + caption_people}))


def _names_the_meeting(article: Article, body, claim) -> bool:
    ms = claim.mention_start
    in_opening = any(s <= ms < e for s, e in body[:2])
    named_as_held = P.PRIMARY_CONFERENCE_BEFORE.search(article.match_text[max(0, ms - 25):ms])
    return claim.event.status == "held" and (in_opening or (named_as_held and not claim.event.date.known))


def _fill_series(primary, refs) -> None:
    """A conference without a series phrase takes the series of the article's other conference
    mentions; an unnumbered primary between a held N-1 and a planned N+1 is the N-th (inferred)."""
    conferences = ([primary] if primary.event_type == "conference" else []) + refs
    series = next((e.series for e in conferences if e.series), None)
    provincial = primary.event_type == "conference" and primary.series is None and primary.series_number is not None
    if series and not provincial:
        for e in conferences:
            e.series = e.series or series
    if primary.event_type == "conference" and primary.series_number is None:
        held = [e.series_number for e in refs if e.status == "held"]
        planned = [e.series_number for e in refs if e.status == "planned"]
        for n in held:
            if n + 2 in planned:
                primary.series_number = n + 1
                primary.series_number_inferred = True
                primary.series = primary.series or series

"""Typed records passed between the stages of the build.

read → clean → extract (dates, people, events, documents, topics) → merge → tables.
Every record that becomes a row carries its provenance: article, character span, evidence.
Offsets index `Article.text`: the decoded, NFC-normalised article (equal to the file's text for
an NFC UTF-8 file).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DateValue:
    """A date as precise as the text allows.

    `start`/`end` are real days bounding the interval: a month-precision date spans the month,
    a year-precision one the year. Both are None when nothing is known.
    """
    start: dt.date | None
    end: dt.date | None
    precision: str            # vocabulary.DATE_PRECISIONS
    basis: str                # vocabulary.DATE_BASES
    text: str = ""            # the expression as written
    char_start: int = -1
    char_end: int = -1

    @property
    def known(self) -> bool:
        return self.start is not None

    def iso(self) -> str | None:
        """The start as written in gold files: YYYY-MM-DD, YYYY-MM or YYYY."""
        if self.start is None:
            return None
        return _iso(self.start, self.precision)

    def iso_end(self) -> str | None:
        if self.end is None:
            return None
        return _iso(self.end, self.precision)


def _iso(day: dt.date, precision: str) -> str:
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision in ("year", "unknown"):
        return f"{day.year:04d}"
    return day.isoformat()


UNKNOWN_DATE = DateValue(None, None, "unknown", "inferred")


@dataclass(frozen=True)
class Evidence:
    article_id: str
    char_start: int
    char_end: int
    text: str                 # == article.text[char_start:char_end]


@dataclass
class InputFile:
    """One file found in the seeds folder, whatever became of it."""
    path: str                 # relative to the seeds folder's parent when possible
    article_id: str           # the file stem
    n_bytes: int
    sha256: str
    status: str               # vocabulary.ARTICLE_STATUSES
    reason: str = ""
    encoding: str | None = None
    text: str | None = None   # decoded NFC text when readable
    duplicate_of: str | None = None
    url: str | None = None        # given with the article by an archive row (a folder's files give none)
    headline: str | None = None   # the archive row's title


@dataclass
class Article:
    article_id: str
    path: str
    sha256: str
    text: str                 # NFC text; all offsets point here
    match_text: str           # same length as text: one tone-mark style, plain dashes/spaces
    publisher: str | None
    published: DateValue      # the article's own date (header or dated line), or UNKNOWN_DATE
    body: list[tuple[int, int]] = field(default_factory=list)     # spans of body paragraphs
    noise: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)


@dataclass
class PersonMention:
    name: str                 # as written
    country: str | None       # VN | CN | None
    title: str | None         # as written beside the name at this mention
    rank: str | None
    organization: str | None
    evidence: Evidence        # the name's own span is (char_start, char_end) of `span`
    span: tuple[int, int]
    # the article's own spelling of this person when `name` is a one-letter variant of it
    # ("Đổng Vĩnh Khanh" written once for "Đổng Vĩnh Khang"); identity uses it, the row keeps `name`
    canonical: str = ""

    @property
    def identity(self) -> str:
        return self.canonical or self.name


@dataclass
class ParticipantMention:
    person: PersonMention
    role: str                 # vocabulary.PARTICIPANT_ROLES


@dataclass
class DocumentMention:
    doc_type: str             # vocabulary.DOCUMENT_TYPES
    title_vi: str
    date: DateValue
    count: int
    signatories: list[PersonMention]
    evidence: Evidence


@dataclass
class EventMention:
    """An event as one article reports or references it."""
    article_id: str
    mention: str              # primary | reference
    event_type: str
    title_vi: str
    series: str | None
    series_number: int | None
    series_number_inferred: bool
    date: DateValue
    location_city: str | None
    location_country: str | None
    host_country: str | None
    status: str               # held | planned
    evidence: Evidence
    participants: list[ParticipantMention] = field(default_factory=list)
    documents: list[DocumentMention] = field(default_factory=list)
    topics: list[tuple[str, Evidence]] = field(default_factory=list)
    series_key: str | None = None   # a numbered series' key (patterns.series_key), known or not
    sides: dict[str, str] = field(default_factory=dict)   # country → the organisation of that side
    sides_basis: str | None = None      # stated | same_article | same_exchange (vocabulary.ORGANIZATION_BASES); None: no side
    location_basis: str | None = None   # stated | inferred (vocabulary.LOCATION_BASES); None when unplaced


@dataclass
class ArticleExtraction:
    article: Article
    events: list[EventMention]
    not_relevant_reason: str = ""
    # every spelling of every introduced name (captions included), for the persons' aliases
    spellings: list[str] = field(default_factory=list)


@dataclass
class ArticleDigest:
    """What the stages after extraction read of an article besides its event mentions, kept
    between builds so that an unchanged article's extraction need not be loaded again."""
    article_id: str
    publisher: str | None
    published: DateValue
    not_relevant_reason: str
    n_events: int
    spellings: list[str]
    # each mention's blocking keys (blocking.keys) as text, read by blocking.filed_keys: a line
    # per key, "1" (active) or "0" and the key's repr (keys are only compared); mentions apart
    # by "\x1e" (text is what a kept build loads fastest)
    event_keys: str
    # pickled: each mention as merge.same_event compares it, without its participants (given as
    # the set of their identities instead), documents and topics; read only when a new mention
    # of another article may be the same event
    event_views: bytes = b""

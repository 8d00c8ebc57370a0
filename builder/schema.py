"""Table Schemas of the data package: one definition drives the CSV/Parquet types, the
`datapackage.json` descriptor and the codebook."""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from . import vocabulary as V


@dataclass(frozen=True)
class Field:
    name: str
    type: str                     # Table Schema type: string | integer | boolean | date
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None

    def descriptor(self) -> dict:
        d: dict = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            d["constraints"] = constraints
        return d

    def arrow(self) -> pa.DataType:
        return {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(), "date": pa.date32()}[self.type]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def _enum(vocab) -> tuple[str, ...]:
    return tuple(V.codes(vocab))


PROVENANCE = (
    Field("article_id", "string", "The article the row was read from (file stem; FK to articles).", required=True),
    Field("char_start", "integer", "Start offset (0-based, in characters) of the evidence sentence in the "
          "article's decoded NFC text.", required=True),
    Field("char_end", "integer", "End offset (exclusive) of the evidence sentence.", required=True),
    Field("evidence", "string", "The evidence sentence, exactly the article text between char_start and char_end.",
          required=True),
)
DATE_FIELDS = (
    Field("date_start", "date", "First day of the interval the text allows (the 1st of the month for month "
          "precision, 1 January for year precision); empty when unknown."),
    Field("date_end", "date", "Last day of that interval; equal to date_start for a one-day event."),
    Field("date_precision", "string", "How precise the date is.", required=True, enum=_enum(V.DATE_PRECISIONS)),
)

ARTICLES = Table(
    "articles", "Articles", "One row per input file, read or not, with its build status.",
    (
        Field("article_id", "string", "Stable identifier: the file stem (slugged if it has unsafe characters).",
              required=True, unique=True),
        Field("path", "string", "Path of the input file relative to the repository.", required=True),
        Field("sha256", "string", "SHA-256 of the file's bytes.", required=True),
        Field("status", "string", "What the build made of the file.", required=True, enum=_enum(V.ARTICLE_STATUSES)),
        Field("reason", "string", "Why the status is not ok, in words."),
        Field("publisher", "string", "Publisher named by a lead tag such as '(CAND) -' or 'VOV.VN -', else by the "
              "sidecar file seeds/articles.csv."),
        Field("url", "string", "Where the article was published, from the sidecar file, the archive row or the saved HTML page."),
        Field("headline", "string", "The article's headline, from the sidecar file, the archive row's title or the saved HTML page's title."),
        Field("published", "date", "The article's own date (first day of the interval when only the month is known)."),
        Field("published_precision", "string", "Precision of `published`.", required=True,
              enum=_enum(V.DATE_PRECISIONS)),
        Field("published_source", "string", "Where `published` was read.", required=True,
              enum=_enum(V.PUBLISHED_SOURCES)),
        Field("n_chars", "integer", "Length of the decoded text in characters."),
        Field("duplicate_of", "string", "For a duplicate, the article it repeats."),
    ),
    primary_key=("article_id",),
)

EVENTS = Table(
    "events", "Events", "One row per real-world event, merged across the articles that report or reference it.",
    (
        Field("event_id", "string", "Stable identifier derived from the event's content (series and ordinal, or "
              "type, date and leading person); unchanged when unrelated articles are added.",
              required=True, unique=True),
        Field("event_type", "string", "Kind of event.", required=True, enum=_enum(V.EVENT_TYPES)),
        Field("title_en", "string", "Short English title composed from the coded fields.", required=True),
        Field("title_vi", "string", "The Vietnamese phrase that names the event in its best source."),
        Field("series", "string", "Recurring bilateral series the event belongs to.", enum=_enum(V.SERIES)),
        Field("series_number", "integer", "Ordinal within the series ('lần thứ 8' → 8)."),
        Field("series_number_inferred", "boolean", "True when the ordinal is implied (after the 6th and before "
              "the planned 8th is the 7th) rather than written.", required=True),
        *DATE_FIELDS,
        Field("date_basis", "string", "Where the date comes from.", required=True, enum=_enum(V.DATE_BASES)),
        Field("date_text", "string", "The date expression as written in the best source."),
        Field("location_city", "string", "City in English (Hanoi, Beijing …) when known; see location_basis."),
        Field("location_country", "string", "ISO 3166-1 alpha-2 country of the venue (a third country for a "
              "meeting on the sidelines of a multilateral one).", enum=_enum(V.VENUE_COUNTRIES)),
        Field("location_basis", "string", "Whether the place is named for this meeting or inferred (empty when "
              "the event is unplaced).", enum=_enum(V.LOCATION_BASES)),
        Field("host_country", "string", "The receiving side (the country visited, or where it was held).",
              enum=_enum(V.COUNTRIES)),
        Field("status", "string", "Held or planned as of the latest source.", required=True, enum=_enum(V.STATUSES)),
        Field("organization_vn", "string", "The Vietnamese side as the text names it (Bộ Công an, Công an tỉnh Lào "
              "Cai, Quốc hội …): the body of its leading participant, or the body named as acting."),
        Field("organization_cn", "string", "The Chinese side as the text names it (Bộ Công an Trung Quốc, Sở Công an "
              "tỉnh Vân Nam, Ủy ban Chính pháp Trung ương …)."),
        Field("organization_basis", "string", "Whether the sides' bodies are named in the text for this "
              "meeting, named for its leading participant at another meeting of the article, carried over "
              "from the meeting an article reports to a round of it recalled or announced, or, for a "
              "ministerial series, filled from its definition (empty when neither side is known).",
              enum=_enum(V.ORGANIZATION_BASES)),
        Field("n_sources", "integer", "Number of articles that report or reference the event.", required=True),
    ),
    primary_key=("event_id",),
)

EVENT_SOURCES = Table(
    "event_sources", "Event sources", "One row per event × article mention, with what that article says.",
    (
        Field("event_id", "string", "FK to events.", required=True),
        Field("mention", "string", "Whether the article reports the event or references it.", required=True,
              enum=_enum(V.MENTIONS)),
        *DATE_FIELDS,
        Field("status", "string", "Held or planned, as this article states it.", required=True,
              enum=_enum(V.STATUSES)),
        Field("merge_basis", "string", "Why this mention was merged into the event: the blocking key it shared "
              "with another mention that the merge rule then accepted (series and number; kind, person and "
              "month or year; kind and person for an undated mention). Empty when no other mention joined it."),
        *PROVENANCE,
    ),
    primary_key=("event_id", "article_id", "mention"),
    foreign_keys=((("event_id",), "events", ("event_id",)), (("article_id",), "articles", ("article_id",))),
)

PERSONS = Table(
    "persons", "Persons", "One row per real person; spelling variants merged.",
    (
        Field("person_id", "string", "Stable slug: the accent-free name (y written i) and the country.",
              required=True, unique=True),
        Field("name_vi", "string", "The most frequent Vietnamese spelling.", required=True),
        Field("aliases", "string", "Other spellings seen, '|'-separated."),
        Field("country", "string", "Country the person represents.", enum=_enum(V.COUNTRIES)),
        Field("name_zh", "string", "Name in Chinese characters, only from the curated reference file."),
        Field("name_en", "string", "Name in English/pinyin, only from the curated reference file."),
        Field("reference_source", "string", "Source cited by the reference file for name_zh/name_en."),
    ),
    primary_key=("person_id",),
)

PARTICIPANTS = Table(
    "participants", "Participants", "One row per event × person × article: the role, title and rank as each "
    "article writes them (the DuckDB view `event_persons` gives one row per event × person).",
    (
        Field("event_id", "string", "FK to events.", required=True),
        Field("person_id", "string", "FK to persons.", required=True),
        Field("name_vi", "string", "The name as written in this article.", required=True),
        Field("country", "string", "Country the person represents at this event.", enum=_enum(V.COUNTRIES)),
        Field("role", "string", "Role at the event.", required=True, enum=_enum(V.PARTICIPANT_ROLES)),
        Field("title_vi", "string", "Office title as written beside the name (party-membership titles dropped)."),
        Field("rank_vi", "string", "Police or military rank as written beside the name."),
        Field("organization_vi", "string", "Organisation named in the title."),
        *PROVENANCE,
    ),
    primary_key=("event_id", "person_id", "article_id"),
    foreign_keys=((("event_id",), "events", ("event_id",)), (("person_id",), "persons", ("person_id",)),
                  (("article_id",), "articles", ("article_id",))),
)

DOCUMENTS = Table(
    "documents", "Documents", "One row per signed or issued document (a counted group is one row with its count).",
    (
        Field("document_id", "string", "Identifier: the event id and the document's number at that event.",
              required=True, unique=True),
        Field("event_id", "string", "FK to the event where it was signed or issued.", required=True),
        Field("doc_type", "string", "Kind of document.", required=True, enum=_enum(V.DOCUMENT_TYPES)),
        Field("title_vi", "string", "Title as written.", required=True),
        Field("title_en", "string", "English label of the document type."),
        Field("date_signed", "date", "Signing date (first day of the interval at coarser precision)."),
        Field("date_precision", "string", "Precision of date_signed.", required=True, enum=_enum(V.DATE_PRECISIONS)),
        Field("count", "integer", "How many documents the row stands for ('5 văn bản hợp tác' → 5).", required=True),
        Field("signatory_vn", "string", "Vietnamese signatory (FK to persons) when the text names them."),
        Field("signatory_cn", "string", "Chinese signatory (FK to persons) when the text names them."),
        *PROVENANCE,
    ),
    primary_key=("document_id",),
    foreign_keys=((("event_id",), "events", ("event_id",)), (("signatory_vn",), "persons", ("person_id",)),
                  (("signatory_cn",), "persons", ("person_id",)), (("article_id",), "articles", ("article_id",))),
)

TOPICS = Table(
    "topics", "Topics", "One row per event × cooperation topic × article that names it (the DuckDB view "
    "`event_topics` gives one row per event × topic).",
    (
        Field("event_id", "string", "FK to events.", required=True),
        Field("topic", "string", "Cooperation area (controlled vocabulary).", required=True, enum=_enum(V.TOPICS)),
        *PROVENANCE,
    ),
    primary_key=("event_id", "topic", "article_id"),
    foreign_keys=((("event_id",), "events", ("event_id",)), (("article_id",), "articles", ("article_id",))),
)

TABLES: tuple[Table, ...] = (ARTICLES, EVENTS, EVENT_SOURCES, PERSONS, PARTICIPANTS, DOCUMENTS, TOPICS)
# the tables the timeline is drawn from (not `articles`: a rebuild that changes only an article's
# row keeps the timeline drawn before, see builder/timeline_memo.py)
FIGURE_TABLES: tuple[str, ...] = ("events", "event_sources", "participants", "persons", "documents")

"""Tables for the timeline tests, following tests/TABLES_CONTRACT.md.

`timeline_tables()` holds a dozen events modelled on the seed articles (tests/gold/seeds): every
date precision, a visit crossing a year, a planned year-precision conference, an inferred
2014–2018 interval and two undated events. `synthetic_tables(n)` makes n plausible events for the
benchmark and the scale test, deterministically from a seed.

Dates are ISO strings and every cell a string ("" for missing), as `load_tables` reads the CSVs.
"""
from __future__ import annotations

import datetime as dt
import random

import pandas as pd

from builder.timeline import COLUMNS

# (event_id, event_type, title_en, title_vi, series, series_number, date_start, date_end,
#  date_precision, date_basis, date_text, city, country, host, status)
EVENTS = [
    ("evt-2014-crime-prevention-conference-5", "conference",
     "5th ministerial conference on crime prevention",
     "Hội nghị Bộ trưởng về hợp tác phòng, chống tội phạm lần thứ 5",
     "crime_prevention_conference", "5", "2014-01-01", "2018-12-31", "unknown", "inferred",
     "từ 2014 đến nay", "Hanoi", "VN", "VN", "held"),
    ("evt-2018-10-crime-prevention-conference-6", "conference",
     "6th ministerial conference on crime prevention",
     "Hội nghị Bộ trưởng về hợp tác phòng, chống tội phạm lần thứ 6",
     "crime_prevention_conference", "6", "2018-10-01", "2018-10-31", "month", "stated",
     "tháng 10/2018", "Beijing", "CN", "CN", "held"),
    ("evt-2021-02-19-crime-prevention-conference-7", "conference",
     "7th ministerial conference on crime prevention (online)",
     "Hội nghị trực tuyến cấp Bộ trưởng về hợp tác phòng, chống tội phạm lần thứ 7",
     "crime_prevention_conference", "7", "2021-02-19", "2021-02-19", "day", "stated",
     "ngày 19/2/2021", "Hanoi", "VN", "VN", "held"),
    ("evt-2022-10-30-leaders-visit", "leaders_visit",
     "Official visit to China by General Secretary Nguyễn Phú Trọng",
     "Chuyến thăm chính thức Trung Quốc của Tổng Bí thư Nguyễn Phú Trọng",
     "", "", "2022-10-30", "2022-11-01", "day", "stated",
     "từ ngày 30/10 đến 1/11/2022", "Beijing", "CN", "CN", "held"),
    ("evt-2023-04-11-visit-deputy-minister-china", "visit",
     "Vietnamese public-security delegation visits China",
     "Đoàn đại biểu Bộ Công an Việt Nam thăm, làm việc tại Trung Quốc",
     "", "", "2023-04-11", "2023-04-15", "day", "stated",
     "từ ngày 11 đến 15/4/2023", "", "CN", "CN", "held"),
    ("evt-2023-09-crime-prevention-conference-8", "conference",
     "8th ministerial conference on crime prevention",
     "Hội nghị cấp Bộ trưởng về hợp tác phòng, chống tội phạm lần thứ 8",
     "crime_prevention_conference", "8", "2023-09-01", "2023-09-30", "month", "stated",
     "tháng 9/2023", "", "", "", "held"),
    ("evt-2023-12-01-reception-politics-law-commission", "reception",
     "Deputy Minister receives the Deputy Secretary-General of China's Central Political and Legal Affairs Commission",
     "Thứ trưởng Trần Quốc Tỏ tiếp Phó Tổng Thư ký Ủy ban Chính pháp Trung ương Trung Quốc",
     "", "", "2023-12-01", "2023-12-01", "day", "article_date",
     "Chiều 1/12", "Hanoi", "VN", "VN", "held"),
    ("evt-2023-12-leaders-visit", "leaders_visit",
     "State visit to Viet Nam by General Secretary and President Xi Jinping",
     "Chuyến thăm cấp Nhà nước tới Việt Nam của Tổng Bí thư, Chủ tịch nước Tập Cận Bình",
     "", "", "2023-12-01", "2023-12-31", "month", "stated",
     "tháng 12/2023", "Hanoi", "VN", "VN", "held"),
    ("evt-2024-01-10-political-security-dialogue-1", "conference",
     "1st vice-ministerial dialogue on political security",
     "Hội nghị đối thoại cấp thứ trưởng về an ninh chính trị lần thứ nhất",
     "political_security_dialogue", "1", "2024-01-10", "2024-01-10", "day", "stated",
     "ngày 10/1/2024", "Hanoi", "VN", "VN", "held"),
    ("evt-2024-12-28-visit-border-police-lang-son", "visit",
     "Guangxi border-police delegation visits Lạng Sơn over the new year",
     "Đoàn Công an biên phòng Quảng Tây thăm, làm việc tại Lạng Sơn",
     "", "", "2024-12-28", "2025-01-02", "day", "stated",
     "từ ngày 28/12/2024 đến ngày 2/1/2025", "Lang Son", "VN", "VN", "held"),
    ("evt-2025-06-19-talks-lao-cai-yunnan", "talks",
     "Annual talks of the Lào Cai and Yunnan public-security departments",
     "Hội đàm thường niên giữa Công an tỉnh Lào Cai và Sở Công an tỉnh Vân Nam",
     "", "", "2025-06-19", "2025-06-20", "day", "stated",
     "ngày 19-20/6/2025", "Lao Cai", "VN", "VN", "held"),
    ("evt-2026-crime-prevention-conference-9", "conference",
     "9th ministerial conference on crime prevention",
     "Hội nghị cấp Bộ trưởng về hợp tác phòng, chống tội phạm lần thứ 9",
     "crime_prevention_conference", "9", "2026-01-01", "2026-12-31", "year", "stated",
     "trong năm 2026", "", "CN", "CN", "planned"),
    ("evt-undated-reception-yunnan-delegation", "reception",
     "Provincial police director receives a Yunnan public-security delegation",
     "Giám đốc Công an tỉnh tiếp đoàn Sở Công an tỉnh Vân Nam",
     "", "", "", "", "unknown", "", "", "", "VN", "VN", "held"),
    ("evt-undated-leaders-visit-xi-planned", "leaders_visit",
     "Planned visit to Viet Nam by Xi Jinping",
     "Chuyến thăm Việt Nam sắp tới của Tổng Bí thư, Chủ tịch nước Tập Cận Bình",
     "", "", "", "", "unknown", "", "", "", "VN", "VN", "planned"),
]

# (person_id, name_vi, country, name_en)
PERSONS = [
    ("to-lam", "Tô Lâm", "VN", "To Lam"),
    ("quach-thanh-con", "Quách Thanh Côn", "CN", "Guo Shengkun"),
    ("trieu-khac-chi", "Triệu Khắc Chí", "CN", "Zhao Kezhi"),
    ("nguyen-phu-trong", "Nguyễn Phú Trọng", "VN", "Nguyen Phu Trong"),
    ("nguyen-duy-ngoc", "Nguyễn Duy Ngọc", "VN", "Nguyen Duy Ngoc"),
    ("tu-dai-dong", "Từ Đại Đồng", "CN", "Xu Datong"),
    ("vuong-tieu-hong", "Vương Tiểu Hồng", "CN", "Wang Xiaohong"),
    ("tran-quoc-to", "Trần Quốc Tỏ", "VN", "Tran Quoc To"),
    ("duong-xuan-loi", "Dương Xuân Lôi", "CN", ""),
    ("tap-can-binh", "Tập Cận Bình", "CN", "Xi Jinping"),
    ("le-quoc-hung", "Lê Quốc Hùng", "VN", "Le Quoc Hung"),
    ("tran-tu-nguyen", "Trần Tư Nguyên", "CN", "Chen Siyuan"),
]

# (event_id, person_id, country, role, title_vi, rank_vi, article_id)
PARTICIPANTS = [
    ("evt-2014-crime-prevention-conference-5", "to-lam", "VN", "co_chair", "Bộ trưởng Bộ Công an", "Đại tướng", "art-003"),
    ("evt-2014-crime-prevention-conference-5", "quach-thanh-con", "CN", "co_chair", "Bộ trưởng Bộ Công an Trung Quốc", "", "art-003"),
    ("evt-2021-02-19-crime-prevention-conference-7", "to-lam", "VN", "co_chair", "Bộ trưởng Bộ Công an", "Đại tướng", "art-002"),
    ("evt-2021-02-19-crime-prevention-conference-7", "trieu-khac-chi", "CN", "co_chair", "Bộ trưởng Bộ Công an Trung Quốc", "", "art-002"),
    ("evt-2022-10-30-leaders-visit", "nguyen-phu-trong", "VN", "head_of_delegation", "Tổng Bí thư", "", "art-000"),
    ("evt-2023-04-11-visit-deputy-minister-china", "nguyen-duy-ngoc", "VN", "head_of_delegation", "Thứ trưởng Bộ Công an", "Trung tướng", "art-000"),
    ("evt-2023-04-11-visit-deputy-minister-china", "tu-dai-dong", "CN", "host", "Thứ trưởng Bộ Công an Trung Quốc", "", "art-000"),
    ("evt-2023-09-crime-prevention-conference-8", "to-lam", "VN", "participant", "Bộ trưởng Bộ Công an Việt Nam", "Đại tướng", "art-004"),
    ("evt-2023-09-crime-prevention-conference-8", "vuong-tieu-hong", "CN", "participant", "Bộ trưởng Bộ Công an Trung Quốc", "", "art-004"),
    ("evt-2023-12-01-reception-politics-law-commission", "tran-quoc-to", "VN", "host", "Thứ trưởng Bộ Công an", "Thượng tướng", "art-001"),
    ("evt-2023-12-01-reception-politics-law-commission", "duong-xuan-loi", "CN", "head_of_delegation", "Phó Tổng Thư ký Ủy ban Chính pháp Trung ương Đảng Cộng sản Trung Quốc", "", "art-001"),
    ("evt-2023-12-leaders-visit", "tap-can-binh", "CN", "head_of_delegation", "Tổng Bí thư, Chủ tịch nước Trung Quốc", "", "art-004"),
    ("evt-2024-01-10-political-security-dialogue-1", "le-quoc-hung", "VN", "co_chair", "Thứ trưởng Bộ Công an Việt Nam", "Thượng tướng", "art-004"),
    ("evt-2024-01-10-political-security-dialogue-1", "tran-tu-nguyen", "CN", "co_chair", "Thứ trưởng Bộ Công an Trung Quốc", "", "art-004"),
    ("evt-undated-leaders-visit-xi-planned", "tap-can-binh", "CN", "head_of_delegation", "Tổng Bí thư, Chủ tịch nước Trung Quốc", "", "art-001"),
]

# (document_id, event_id, doc_type, title_vi, title_en, date_signed, precision, count, vn, cn, article_id)
DOCUMENTS = [
    ("doc-001", "evt-2014-crime-prevention-conference-5", "memorandum_of_understanding",
     "Bản ghi nhớ kết quả hội nghị", "Memorandum on the results of the conference", "", "", "1",
     "to-lam", "quach-thanh-con", "art-003"),
    ("doc-002", "evt-2014-crime-prevention-conference-5", "other", "văn bản hợp tác",
     "cooperation documents", "", "", "5", "", "", "art-003"),
    ("doc-003", "evt-2021-02-19-crime-prevention-conference-7", "minutes", "Biên bản Hội nghị",
     "Minutes of the conference", "2021-02-19", "day", "1", "to-lam", "trieu-khac-chi", "art-002"),
    ("doc-004", "evt-2023-09-crime-prevention-conference-8", "minutes",
     "Biên bản Hội nghị cấp Bộ trưởng về hợp tác phòng, chống tội phạm lần thứ 8",
     "Minutes of the 8th ministerial conference on crime prevention", "2023-09-01", "month", "1",
     "to-lam", "vuong-tieu-hong", "art-001"),
    ("doc-005", "evt-2023-09-crime-prevention-conference-8", "memorandum_of_understanding",
     "Bản ghi nhớ về tăng cường hợp tác phòng, chống tội phạm đánh bạc",
     "Memorandum on cooperation against gambling crime", "2023-09-01", "month", "1", "", "", "art-001"),
    ("doc-006", "evt-2023-12-leaders-visit", "joint_statement", "Tuyên bố chung Việt Nam - Trung Quốc",
     "Viet Nam – China joint statement", "2023-12-01", "month", "1", "", "", "art-004"),
    ("doc-007", "evt-2024-01-10-political-security-dialogue-1", "memorandum_of_understanding",
     "Bản ghi nhớ hợp tác về an ninh chính trị giữa Bộ Công an Việt Nam và Bộ Công an Trung Quốc",
     "Memorandum on political-security cooperation", "2024-01-10", "day", "1",
     "le-quoc-hung", "tran-tu-nguyen", "art-004"),
]

# (event_id, article_id, mention)
SOURCES = [
    ("evt-2014-crime-prevention-conference-5", "art-003", "primary"),
    ("evt-2018-10-crime-prevention-conference-6", "art-002", "reference"),
    ("evt-2021-02-19-crime-prevention-conference-7", "art-002", "primary"),
    ("evt-2022-10-30-leaders-visit", "art-000", "reference"),
    ("evt-2023-04-11-visit-deputy-minister-china", "art-000", "primary"),
    ("evt-2023-09-crime-prevention-conference-8", "art-001", "reference"),
    ("evt-2023-09-crime-prevention-conference-8", "art-004", "reference"),
    ("evt-2023-12-01-reception-politics-law-commission", "art-001", "primary"),
    ("evt-2023-12-leaders-visit", "art-004", "reference"),
    ("evt-2024-01-10-political-security-dialogue-1", "art-004", "primary"),
    ("evt-2024-12-28-visit-border-police-lang-son", "art-005", "primary"),
    ("evt-2025-06-19-talks-lao-cai-yunnan", "art-006", "primary"),
    ("evt-2026-crime-prevention-conference-9", "art-006", "reference"),
    ("evt-undated-reception-yunnan-delegation", "art-005", "reference"),
    ("evt-undated-leaders-visit-xi-planned", "art-001", "reference"),
]

ARTICLES = [
    ("art-000", "2023-04-16"), ("art-001", "2023-12-01"), ("art-002", "2021-02-19"),
    ("art-003", "2016-05-10"), ("art-004", "2024-01-10"), ("art-005", "2025-01-03"),
    ("art-006", "2025-06-21"),
]


def _frame(name: str, rows: list[dict[str, str]]) -> pd.DataFrame:
    columns = COLUMNS[name]
    return pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows], columns=list(columns), dtype=str)


def timeline_tables() -> dict[str, pd.DataFrame]:
    events = []
    n_sources = {}
    for event_id, article_id, _ in SOURCES:
        n_sources[event_id] = n_sources.get(event_id, 0) + 1
    for (event_id, event_type, title_en, title_vi, series, number, start, end, precision, basis,
         date_text, city, country, host, status) in EVENTS:
        events.append(dict(
            event_id=event_id, event_type=event_type, title_en=title_en, title_vi=title_vi,
            series=series, series_number=number,
            series_number_inferred="false" if number else "",
            date_start=start, date_end=end, date_precision=precision, date_basis=basis, date_text=date_text,
            location_city=city, location_country=country, host_country=host, status=status,
            n_sources=str(n_sources.get(event_id, 0))))
    event_dates = {e["event_id"]: e for e in events}
    sources = [dict(event_id=e, article_id=a, mention=m, char_start="0", char_end="40",
                    evidence=event_dates[e]["title_vi"][:40], date_start=event_dates[e]["date_start"],
                    date_end=event_dates[e]["date_end"], date_precision=event_dates[e]["date_precision"],
                    status=event_dates[e]["status"]) for e, a, m in SOURCES]
    persons = [dict(person_id=p, name_vi=n, aliases="", country=c, name_en=en,
                    reference_source="fixture" if en else "") for p, n, c, en in PERSONS]
    names = {p: n for p, n, _, _ in PERSONS}
    participants = [dict(event_id=e, person_id=p, name_vi=names[p], country=c, role=r, title_vi=t,
                         rank_vi=k, organization_vi="", article_id=a, char_start="0", char_end="20",
                         evidence=f"{k} {names[p]}".strip()) for e, p, c, r, t, k, a in PARTICIPANTS]
    documents = [dict(document_id=d, event_id=e, doc_type=t, title_vi=tv, title_en=te, date_signed=ds,
                      date_precision=dp, count=n, signatory_vn=vn, signatory_cn=cn, article_id=a,
                      char_start="0", char_end="30", evidence=tv[:30])
                 for d, e, t, tv, te, ds, dp, n, vn, cn, a in DOCUMENTS]
    articles = [dict(article_id=a, path=f"articles/{a}.txt", sha256="0" * 64, publisher="fixture",
                     published=p, published_precision="day", n_chars="1000", status="ok", reason="")
                for a, p in ARTICLES]
    return {
        "events": _frame("events", events),
        "event_sources": _frame("event_sources", sources),
        "participants": _frame("participants", participants),
        "persons": _frame("persons", persons),
        "documents": _frame("documents", documents),
        "articles": _frame("articles", articles),
    }


def dated_event_ids(tables: dict[str, pd.DataFrame]) -> list[str]:
    events = tables["events"]
    return sorted(events.loc[events["date_start"].astype(str).str.len() > 0, "event_id"])


def undated_titles(tables: dict[str, pd.DataFrame]) -> list[str]:
    events = tables["events"]
    return list(events.loc[events["date_start"].astype(str).str.len() == 0, "title_en"])


# --------------------------------------------------------------------------------------------
# Synthetic tables for scale

_TYPES = ["visit", "conference", "reception", "talks", "leaders_visit", "other"]
_CITIES = [("Hanoi", "VN"), ("Lang Son", "VN"), ("Lao Cai", "VN"), ("Quang Ninh", "VN"),
           ("Beijing", "CN"), ("Nanning", "CN"), ("Kunming", "CN"), ("", "")]
_NAMES_VN = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quốc Cường", "Phạm Minh Dũng", "Hoàng Văn Em",
             "Vũ Đức Giang", "Đặng Thị Hà", "Bùi Quang Khải"]
_NAMES_CN = ["Vương Minh", "Lý Cường", "Trương Hoa", "Lưu Dương", "Trần Kiến", "Dương Phong"]


def synthetic_tables(n: int = 1000, seed: int = 20240110) -> dict[str, pd.DataFrame]:
    """n varied, plausible events over 2004–2027 (about 4 % undated), deterministic for a seed."""
    rng = random.Random(seed)
    persons = [dict(person_id=f"vn-{i}", name_vi=name, aliases="", country="VN", name_en="",
                    reference_source="") for i, name in enumerate(_NAMES_VN)]
    persons += [dict(person_id=f"cn-{i}", name_vi=name, aliases="", country="CN", name_en=f"Person CN {i}",
                     reference_source="synthetic") for i, name in enumerate(_NAMES_CN)]
    events, sources, participants, documents, articles = [], [], [], [], []
    series_count = {"crime_prevention_conference": 0, "political_security_dialogue": 0}
    first = dt.date(2004, 1, 1)
    for i in range(n):
        kind = rng.random()
        series = ""
        if kind < 0.04:
            series = "crime_prevention_conference"
        elif kind < 0.07:
            series = "political_security_dialogue"
        event_type = "conference" if series else rng.choice(_TYPES)
        number = ""
        day = first + dt.timedelta(days=rng.randrange(0, 365 * 23))
        p = rng.random()
        if p < 0.04:
            precision, basis, start, end = "unknown", "", "", ""
        elif p < 0.07:
            precision, basis = "unknown", "inferred"
            start, end = dt.date(day.year, 1, 1), dt.date(min(day.year + rng.randint(1, 4), 2027), 12, 31)
        elif p < 0.17:
            precision, basis = "year", "stated"
            start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        elif p < 0.37:
            precision, basis = "month", "article_date"
            start = day.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        else:
            precision, basis = "day", "stated"
            start, end = day, day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2, 4, 6]))
        city, country = rng.choice(_CITIES)
        host = country if rng.random() < 0.9 else ""
        status = "planned" if (start and start.year >= 2025 and rng.random() < 0.6) or rng.random() < 0.03 else "held"
        event_id = f"evt-syn-{i:04d}"
        label = {"visit": "Delegation visit", "conference": "Conference", "reception": "Reception",
                 "talks": "Talks", "leaders_visit": "Leaders' visit", "other": "Meeting"}[event_type]
        events.append(dict(
            event_id=event_id, event_type=event_type,
            title_en=f"{label} no. {i} ({city or 'place not stated'})",
            title_vi=f"Sự kiện tổng hợp số {i}", series=series, series_number=number,
            series_number_inferred="false" if number else "",
            date_start=str(start), date_end=str(end), date_precision=precision, date_basis=basis,
            date_text="", location_city=city, location_country=country, host_country=host,
            status=status, n_sources="2"))
        for j, mention in enumerate(("primary", "reference")):
            article_id = f"art-syn-{(i * 2 + j) % 1500:04d}"
            sources.append(dict(event_id=event_id, article_id=article_id, mention=mention,
                                char_start="0", char_end="10", evidence="…", date_start=str(start),
                                date_end=str(end), date_precision=precision, status=status))
        for person in rng.sample(persons, rng.randint(1, 4)):
            participants.append(dict(
                event_id=event_id, person_id=person["person_id"], name_vi=person["name_vi"],
                country=person["country"], role=rng.choice(["head_of_delegation", "host", "co_chair", "participant"]),
                title_vi="Thứ trưởng Bộ Công an", rank_vi="", organization_vi="",
                article_id=f"art-syn-{(i * 2) % 1500:04d}", char_start="0", char_end="10", evidence="…"))
        if rng.random() < 0.3:
            documents.append(dict(document_id=f"doc-syn-{i:04d}", event_id=event_id,
                                  doc_type="memorandum_of_understanding", title_vi="Bản ghi nhớ hợp tác",
                                  title_en="Memorandum of cooperation", date_signed=str(start),
                                  date_precision=precision, count="1", signatory_vn="", signatory_cn="",
                                  article_id=f"art-syn-{(i * 2) % 1500:04d}", char_start="0",
                                  char_end="10", evidence="…"))
    # number each series in date order (undated ones last), as the articles would
    for series in series_count:
        members = sorted((e for e in events if e["series"] == series),
                         key=lambda e: (e["date_start"] or "9999", e["event_id"]))
        for k, e in enumerate(members, start=1):
            e["series_number"] = str(k)
            e["series_number_inferred"] = "false"
    for k in range(1500):
        articles.append(dict(article_id=f"art-syn-{k:04d}", path=f"articles/{k}.txt", sha256="0" * 64,
                             publisher="synthetic", published="", published_precision="", n_chars="1",
                             status="ok", reason=""))
    return {
        "events": _frame("events", events),
        "event_sources": _frame("event_sources", sources),
        "participants": _frame("participants", participants),
        "persons": _frame("persons", persons),
        "documents": _frame("documents", documents),
        "articles": _frame("articles", articles),
    }

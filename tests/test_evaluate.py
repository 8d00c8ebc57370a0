"""Tests of the scoring module: small hand-built tables against small gold dicts."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

# The package is not installed in the venv; make `builder` importable from the repo root.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder.evaluate import (EvaluationReport, Score, evaluate, format_report, load_gold,
                              load_tables, normalise_name, report_to_dict)

DEV_GOLD = Path(__file__).parent / "fixtures" / "dev_articles" / "gold"

COLUMNS = {
    "events": ["event_id", "event_type", "series", "series_number", "date_start", "date_end",
               "date_precision", "date_basis", "status"],
    "event_sources": ["event_id", "article_id", "mention", "date_start", "date_end",
                      "date_precision", "status"],
    "persons": ["person_id", "name_vi", "aliases", "country"],
    "participants": ["event_id", "person_id", "name_vi", "country", "role", "article_id"],
    "documents": ["document_id", "event_id", "doc_type", "date_signed", "date_precision", "count",
                  "article_id"],
}


def make_tables(**rows: list[dict]) -> dict[str, pd.DataFrame]:
    """Tables as load_tables returns them: every contract column present, strings, "" for missing."""
    tables = {}
    for name, columns in COLUMNS.items():
        records = [{c: str(r.get(c, "")) for c in columns} for r in rows.get(name, [])]
        tables[name] = pd.DataFrame(records, columns=columns, dtype=str)
    return tables


def event(event_id, etype="conference", n="", start="", end=None, precision="day", article="a1",
          source_dates=False):
    """One events row plus its event_sources row for `article` (dates on the source row if asked)."""
    end = start if end is None else end
    ev = {"event_id": event_id, "event_type": etype, "series_number": n,
          "date_start": start, "date_end": end, "date_precision": precision, "status": "held"}
    src = {"event_id": event_id, "article_id": article, "mention": "primary"}
    if source_dates:
        src.update(date_start=start, date_end=end, date_precision=precision)
    return ev, src


def tables_with_events(*pairs, **other):
    return make_tables(events=[e for e, _ in pairs], event_sources=[s for _, s in pairs], **other)


def gold_event(etype="conference", n=None, start=None, end="same", precision="day", role="primary",
               participants=(), documents=()):
    return {"role": role, "type": etype, "series": None, "series_number": n, "date_start": start,
            "date_end": start if end == "same" else end, "precision": precision, "status": "held",
            "participants": list(participants), "documents": list(documents)}


def gold_article(*events, article="a1", not_participants=(), same_person=None):
    g = {"article": article, "events": list(events), "not_participants": list(not_participants)}
    if same_person:
        g["same_person"] = same_person
    return {article: g}


def person(name, country="VN", role="participant"):
    return {"name": name, "country": country, "role": role}


def misses(report: EvaluationReport, table: str, kind: str | None = None) -> list[str]:
    return [m.detail for m in report.misses if m.table == table and (kind is None or m.kind == kind)]


# ------------------------------------------------------------------------------------------- Score

def test_score_edge_cases():
    assert (Score(0, 0, 0).precision, Score(0, 0, 0).recall, Score(0, 0, 0).f1) == (1.0, 1.0, 1.0)
    assert (Score(0, 0, 2).precision, Score(0, 0, 2).recall, Score(0, 0, 2).f1) == (0.0, 0.0, 0.0)
    assert (Score(0, 3, 0).precision, Score(0, 3, 0).recall) == (0.0, 0.0)
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75) and s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


# ------------------------------------------------------------------------------------------ events

def perfect_case():
    gold = gold_article(
        gold_event("conference", 8, "2023-09-12",
                   participants=[person("Nguyễn Văn An", "VN", "co_chair"), person("Vương Tiểu Hồng", "CN")],
                   documents=[{"type": "minutes", "date": "2023-09-12", "count": 1}]),
        gold_event("conference", 7, "2022-10", precision="month", role="reference"))
    tables = tables_with_events(
        event("e8", "conference", "8", "2023-09-12"),
        event("e7", "conference", "7", "2022-10-01", "2022-10-31", "month"),
        persons=[{"person_id": "p1", "name_vi": "Nguyễn Văn An", "country": "VN"},
                 {"person_id": "p2", "name_vi": "Vương Tiểu Hồng", "country": "CN"}],
        participants=[{"event_id": "e8", "person_id": "p1", "name_vi": "Nguyễn Văn An",
                       "country": "VN", "article_id": "a1", "role": "co_chair"},
                      {"event_id": "e8", "person_id": "p2", "name_vi": "Vương Tiểu Hồng",
                       "country": "CN", "article_id": "a1", "role": "participant"}],
        documents=[{"document_id": "d1", "event_id": "e8", "doc_type": "minutes",
                    "date_signed": "2023-09-12", "date_precision": "day", "count": "1", "article_id": "a1"}])
    return tables, gold


def test_perfect_match():
    tables, gold = perfect_case()
    report = evaluate(tables, gold)
    counts = {t: (s.tp, s.fp, s.fn) for t, s in report.scores.items()}
    assert counts == {"events": (2, 0, 0), "dates": (2, 0, 0), "participants": (2, 0, 0),
                      "documents": (1, 0, 0), "persons_noise": (0, 0, 0), "participant_roles": (2, 0, 0),
                      "signatories": (0, 0, 0), "event_details": (2, 0, 0)}
    assert all(s.f1 == 1.0 for s in report.scores.values())
    assert report.misses == []
    assert report.n_articles == 1
    assert report.primary_dates_exact == (1, 1)
    assert report.per_article["a1"]["events"].tp == 2


def test_missed_event_names_the_closest_prediction():
    gold = gold_article(gold_event("conference", 8, "2023-09-12"),
                        gold_event("visit", None, "2023-04-11", role="reference"))
    tables = tables_with_events(event("e8", "conference", "8", "2023-09-12"),
                                event("ex", "visit", "", "2023-05-02"))
    report = evaluate(tables, gold)
    ev = report.scores["events"]
    assert (ev.tp, ev.fp, ev.fn) == (1, 1, 1)
    assert misses(report, "events", "missed") == [
        "gold reference visit 2023-04-11 (day) vs predicted visit 2023-05-02 (day) [ex]"]


def test_false_positive_event():
    gold = gold_article(gold_event("conference", 8, "2023-09-12"))
    tables = tables_with_events(event("e8", "conference", "8", "2023-09-12"),
                                event("e9", "reception", "", "2023-09-13"))
    report = evaluate(tables, gold)
    ev = report.scores["events"]
    assert (ev.tp, ev.fp, ev.fn) == (1, 1, 0)
    assert ev.precision == pytest.approx(0.5) and ev.recall == 1.0
    assert misses(report, "events", "false_positive") == ["predicted reception 2023-09-13 (day) [e9]"]


def test_ordinal_must_match():
    gold = gold_article(gold_event("conference", 8, "2023-09-12"))
    tables = tables_with_events(event("e9", "conference", "9", "2023-09-12"))
    ev = evaluate(tables, gold).scores["events"]
    assert (ev.tp, ev.fp, ev.fn) == (0, 1, 1)


def test_only_gold_articles_are_scored():
    gold = gold_article(gold_event("conference", 8, "2023-09-12"))
    tables = tables_with_events(event("e8", "conference", "8", "2023-09-12"),
                                event("other", "visit", "", "2020-01-01", article="not-in-gold"))
    report = evaluate(tables, gold)
    assert (report.scores["events"].tp, report.scores["events"].fp) == (1, 0)
    assert list(report.per_article) == ["a1"]


# ------------------------------------------------------------------------------------------- dates

def test_wrong_date_counts_in_dates_and_as_a_miss():
    gold = gold_article(gold_event("conference", 8, "2023-09-12"))
    tables = tables_with_events(event("e8", "conference", "8", "2023-09-13"))
    report = evaluate(tables, gold)
    ev, dates = report.scores["events"], report.scores["dates"]
    assert (ev.tp, ev.fp, ev.fn) == (0, 1, 1)
    assert (dates.tp, dates.fp, dates.fn) == (0, 1, 1)
    assert misses(report, "dates", "wrong_value") == [
        "gold conference #8 2023-09-12 (day) vs predicted conference #8 2023-09-13 (day) [e8]"]
    assert report.primary_dates_exact == (0, 1)


def test_month_vs_day_precision_is_a_mismatch():
    gold = gold_article(gold_event("conference", 8, "2023-09", precision="month"))
    tables = tables_with_events(event("e8", "conference", "8", "2023-09-01"))
    report = evaluate(tables, gold)
    assert report.scores["events"].tp == 0
    assert (report.scores["dates"].fp, report.scores["dates"].fn) == (1, 1)
    assert misses(report, "events", "missed") == [
        "gold primary conference #8 2023-09 (month) vs predicted conference #8 2023-09-01 (day) [e8]"]


def test_same_rendering_but_different_precision_is_a_mismatch():
    # Both render as "2033"; a stated year is not an inferred interval.
    gold = gold_article(gold_event("conference", 13, "2033", precision="year", role="reference"))
    tables = tables_with_events(event("e13", "conference", "13", "2033-01-01", "2033-12-31", "unknown"))
    report = evaluate(tables, gold)
    assert (report.scores["events"].tp, report.scores["events"].fn) == (0, 1)
    assert (report.scores["dates"].fp, report.scores["dates"].fn) == (1, 1)


def test_month_precision_bounds_match_the_gold_month():
    gold = gold_article(gold_event("conference", 8, "2023-09", precision="month"))
    tables = tables_with_events(event("e8", "conference", "8", "2023-09-01", "2023-09-30", "month"))
    report = evaluate(tables, gold)
    assert (report.scores["events"].tp, report.scores["dates"].tp) == (1, 1)


def test_article_date_from_event_sources_wins_over_the_merged_event():
    # The merged event knows the day; this article only states the month.
    gold = gold_article(gold_event("conference", 12, "2032-07", precision="month", role="reference"))
    ev, src = event("e12", "conference", "12", "2032-07-12")
    src.update(date_start="2032-07-01", date_end="2032-07-31", date_precision="month")
    report = evaluate(make_tables(events=[ev], event_sources=[src]), gold)
    assert (report.scores["events"].tp, report.scores["dates"].tp) == (1, 1)


def test_wrong_end_date_still_matches_the_event_but_not_the_date():
    gold = gold_article(gold_event("visit", None, "2023-04-11", "2023-04-15"))
    tables = tables_with_events(event("v", "visit", "", "2023-04-11", "2023-04-12"))
    report = evaluate(tables, gold)
    assert report.scores["events"].tp == 1
    assert (report.scores["dates"].tp, report.scores["dates"].fp, report.scores["dates"].fn) == (0, 1, 1)
    assert len(misses(report, "dates", "wrong_value")) == 1
    assert report.primary_dates_exact == (0, 1)


def test_unknown_dates_compare_inferred_bounds_by_year_or_both_empty():
    gold = gold_article(gold_event("leaders_visit", None, "2014", "2018", precision="unknown"),
                        gold_event("talks", None, None, precision="unknown", role="reference"))
    tables = tables_with_events(
        event("lv", "leaders_visit", "", "2014-01-01", "2018-12-31", "unknown", source_dates=True),
        event("t", "talks", "", "", "", "unknown"))
    report = evaluate(tables, gold)
    assert (report.scores["events"].tp, report.scores["dates"].tp) == (2, 2)

    dated = tables_with_events(event("t", "talks", "", "2019-01-01", "2019-12-31", "unknown"))
    report = evaluate(dated, gold_article(gold_event("talks", None, None, precision="unknown")))
    assert (report.scores["events"].tp, report.scores["events"].fp) == (0, 1)


# ------------------------------------------------------------------------------------ participants

def test_tone_mark_placement_is_normalised():
    assert normalise_name("Uỷ") == normalise_name("Ủy") == "ủy"
    assert normalise_name("Thoả") == normalise_name("Thỏa") == "thỏa"
    assert normalise_name("  HOÀ   Bình ") == normalise_name("Hòa Bình") == "hòa bình"
    assert normalise_name("Thuý") == normalise_name("THÚY")
    assert normalise_name("Thoa") != normalise_name("Thỏa")


def test_tone_mark_variant_names_match():
    gold = gold_article(gold_event("talks", None, "2023-01-05",
                                   participants=[person("Lê Văn Thỏa"), person("Trần Thị Thúy")]))
    tables = tables_with_events(event("t", "talks", "", "2023-01-05"), participants=[
        {"event_id": "t", "name_vi": "Lê Văn Thoả", "country": "VN", "article_id": "a1"},
        {"event_id": "t", "name_vi": "TRẦN THỊ THUÝ", "country": "VN", "article_id": "a1"}])
    part = evaluate(tables, gold).scores["participants"]
    assert (part.tp, part.fp, part.fn) == (2, 0, 0)


def test_country_must_match():
    gold = gold_article(gold_event("talks", None, "2023-01-05", participants=[person("Lê Văn An", "VN")]))
    tables = tables_with_events(event("t", "talks", "", "2023-01-05"), participants=[
        {"event_id": "t", "name_vi": "Lê Văn An", "country": "CN", "article_id": "a1"}])
    part = evaluate(tables, gold).scores["participants"]
    assert (part.tp, part.fp, part.fn) == (0, 1, 1)


def test_same_person_and_alias_variants_match():
    gold_event_ = gold_event("visit", None, "2031-12-28", participants=[person("Tôn Vỹ Hoa", "CN")])
    row = {"event_id": "v", "person_id": "p1", "name_vi": "Tôn Vĩ Hoa", "country": "CN", "article_id": "a1"}
    plain = tables_with_events(event("v", "visit", "", "2031-12-28"), participants=[row],
                               persons=[{"person_id": "p1", "name_vi": "Tôn Vĩ Hoa", "country": "CN"}])
    # Without help the two spellings differ ...
    part = evaluate(plain, gold_article(gold_event_)).scores["participants"]
    assert (part.tp, part.fp, part.fn) == (0, 1, 1)
    # ... gold same_person makes them one person ...
    part = evaluate(plain, gold_article(gold_event_, same_person=[["Tôn Vỹ Hoa", "Tôn Vĩ Hoa"]])
                    ).scores["participants"]
    assert (part.tp, part.fp, part.fn) == (1, 0, 0)
    # ... and so does an alias on the persons row.
    aliased = tables_with_events(event("v", "visit", "", "2031-12-28"), participants=[row], persons=[
        {"person_id": "p1", "name_vi": "Tôn Vĩ Hoa", "aliases": "Tôn Vỹ Hoa|Tôn V. Hoa", "country": "CN"}])
    part = evaluate(aliased, gold_article(gold_event_)).scores["participants"]
    assert (part.tp, part.fp, part.fn) == (1, 0, 0)


def test_participants_are_deduplicated_per_article():
    # The same person in two events of one article is one gold item and one predicted item.
    a = person("Lê Văn An")
    gold = gold_article(gold_event("talks", None, "2023-01-05", participants=[a]),
                        gold_event("visit", None, "2022-06", precision="month", role="reference",
                                   participants=[a]))
    tables = tables_with_events(
        event("t", "talks", "", "2023-01-05"), event("v", "visit", "", "2022-06-01", "2022-06-30", "month"),
        participants=[{"event_id": e, "person_id": "p1", "name_vi": "Lê Văn An", "country": "VN",
                       "article_id": "a1"} for e in ("t", "v")])
    part = evaluate(tables, gold).scores["participants"]
    assert (part.tp, part.fp, part.fn) == (1, 0, 0)


# --------------------------------------------------------------------------------------- documents

def doc_row(doc_type, date, precision="day", count="1", article="a1"):
    return {"document_id": f"{doc_type}-{date}-{count}", "event_id": "e", "doc_type": doc_type,
            "date_signed": date, "date_precision": precision, "count": count, "article_id": article}


def test_document_count_mismatch_is_fp_and_fn():
    gold = gold_article(gold_event("conference", 12, "2032-07-12", documents=[
        {"type": "other", "date": "2032-07-12", "count": 3},
        {"type": "minutes", "date": "2032-07-12", "count": 1}]))
    tables = tables_with_events(event("e", "conference", "12", "2032-07-12"), documents=[
        doc_row("other", "2032-07-12", count="5"), doc_row("minutes", "2032-07-12", count="")])
    report = evaluate(tables, gold)
    docs = report.scores["documents"]
    assert (docs.tp, docs.fp, docs.fn) == (1, 1, 1)   # minutes match (count 1 is not checked)
    assert misses(report, "documents", "missed") == [
        "other 2032-07-12 x3: count mismatch, gold 3 vs predicted 5 (counted as fp+fn)"]
    assert misses(report, "documents", "false_positive") == ["other 2032-07-12 x5 (count mismatch with gold)"]


def test_document_dates_compare_at_precision_and_null_equals_empty():
    gold = gold_article(gold_event("visit", None, "2031-11-03", documents=[
        {"type": "minutes", "date": "2031-11", "count": 1},
        {"type": "memorandum_of_understanding", "date": None, "count": 1},
        {"type": "agreement", "date": "2031-11-05", "count": 1}]))
    tables = tables_with_events(event("e", "visit", "", "2031-11-03"), documents=[
        doc_row("minutes", "2031-11-01", "month"), doc_row("memorandum_of_understanding", "", ""),
        doc_row("agreement", "2031-11-01", "month")])
    report = evaluate(tables, gold)
    docs = report.scores["documents"]
    assert (docs.tp, docs.fp, docs.fn) == (2, 1, 1)
    assert misses(report, "documents", "missed") == ["agreement 2031-11-05 vs predicted agreement 2031-11"]


# ------------------------------------------------------------------------------------------- noise

def test_noise_name_detected():
    gold = gold_article(gold_event("talks", None, "2023-01-05"),
                        not_participants=["Trương Thị Mai", "Hồ Sĩ Nguyên", "Minh Khôi"])
    tables = tables_with_events(
        event("t", "talks", "", "2023-01-05"),
        # In persons only, cited by another article where that person took part: not noise here.
        persons=[{"person_id": "p9", "name_vi": "Truong Mai", "aliases": "Trương Thị Mai", "country": "VN"},
                 {"person_id": "p8", "name_vi": "Minh Khôi", "country": "VN"}],
        # a participant of this article, and a signer of this article's document
        participants=[{"event_id": "t", "name_vi": "HỒ SĨ NGUYÊN", "country": "VN", "article_id": "a1"}],
        documents=[{"document_id": "d", "event_id": "t", "doc_type": "minutes", "article_id": "a1"}])
    tables["documents"]["signatory_vn"] = ["p8"]
    report = evaluate(tables, gold)
    noise = report.scores["persons_noise"]
    assert (noise.tp, noise.fp, noise.fn) == (0, 2, 0)
    assert misses(report, "persons_noise", "false_positive") == [
        "noise name Hồ Sĩ Nguyên appears in persons/participants",
        "noise name Minh Khôi appears in persons/participants"]


# ---------------------------------------------------------------------------- negatives and absence

def test_negative_article_with_a_false_positive():
    gold = gold_article(article="neg", not_participants=["Quang Huy"])
    gold["neg"]["events"] = []
    tables = tables_with_events(event("x", "visit", "", "2032-09-01", article="neg"))
    report = evaluate(tables, gold)
    ev = report.scores["events"]
    assert (ev.tp, ev.fp, ev.fn) == (0, 1, 0)
    assert (ev.precision, ev.f1) == (0.0, 0.0)
    assert report.per_article["neg"]["events"].fp == 1
    assert report.primary_dates_exact == (0, 0)


def test_article_absent_from_tables_misses_everything():
    gold = gold_article(
        gold_event("conference", 8, "2023-09-12", participants=[person("Lê Văn An"), person("Vương Hồng", "CN")],
                   documents=[{"type": "minutes", "date": "2023-09-12", "count": 1}]),
        gold_event("conference", 7, "2022", precision="year", role="reference"), article="gone")
    tables, _ = perfect_case()          # tables that only know article a1
    report = evaluate(tables, gold)
    counts = {t: (s.tp, s.fp, s.fn) for t, s in report.scores.items()}
    assert counts == {"events": (0, 0, 2), "dates": (0, 0, 0), "participants": (0, 0, 2),
                      "documents": (0, 0, 1), "persons_noise": (0, 0, 0), "participant_roles": (0, 0, 2),
                      "signatories": (0, 0, 0), "event_details": (0, 0, 0)}
    assert report.scores["events"].recall == 0.0
    assert misses(report, "events", "missed")[0] == "gold primary conference #8 2023-09-12 (day) (no predicted event)"
    assert report.primary_dates_exact == (0, 1)


def test_empty_tables_against_dev_gold():
    gold = load_gold(DEV_GOLD)
    assert sorted(gold) == [f"d{i:02d}" for i in range(1, 11)]
    report = evaluate({}, gold)
    n_events = sum(len(g["events"]) for g in gold.values())
    assert n_events == 18
    assert (report.scores["events"].tp, report.scores["events"].fn) == (0, 18)
    assert report.primary_dates_exact == (0, 8)
    assert report.n_articles == 10


# ------------------------------------------------------------------------------------ detail tables

def test_role_on_the_wrong_event_or_wrong_role_is_a_miss():
    gold = gold_article(
        gold_event("conference", 8, "2023-09-12", participants=[person("Lê Văn An", "VN", "co_chair")]),
        gold_event("reception", None, "2023-09-11", participants=[person("Hà Văn Bình", "VN", "host")]))
    tables = tables_with_events(
        event("e8", "conference", "8", "2023-09-12"), event("r", "reception", "", "2023-09-11"),
        participants=[{"event_id": "e8", "person_id": "p1", "name_vi": "Lê Văn An", "country": "VN",
                       "article_id": "a1", "role": "host"},
                      {"event_id": "e8", "person_id": "p2", "name_vi": "Hà Văn Bình", "country": "VN",
                       "article_id": "a1", "role": "host"}])
    report = evaluate(tables, gold)
    assert (report.scores["participants"].tp, report.scores["participants"].fp) == (2, 0)
    roles = report.scores["participant_roles"]
    assert (roles.tp, roles.fp, roles.fn) == (0, 2, 2)
    assert any("Hà Văn Bình".lower() in m and "reception" in m for m in misses(report, "participant_roles", "missed"))


def test_signatories_and_event_details_are_scored():
    gold = gold_article(gold_event("talks", None, "2031-03-05", documents=[
        {"type": "minutes", "date": "2031-03-05", "count": 1, "signatories": ["Lê Văn An", "Hà Bình"]}]))
    gold["a1"]["events"][0].update(location_city="Hekou", location_country="CN")
    ev, src = event("t", "talks", "", "2031-03-05")
    ev.update(location_city="", location_country="CN")
    tables = make_tables(events=[ev], event_sources=[src],
                         persons=[{"person_id": "p1", "name_vi": "Lê Văn An", "country": "VN"}],
                         documents=[{"document_id": "d", "event_id": "t", "doc_type": "minutes",
                                     "date_signed": "2031-03-05", "date_precision": "day", "count": "1",
                                     "article_id": "a1"}])
    tables["documents"]["signatory_vn"] = ["p1"]
    tables["events"]["location_city"], tables["events"]["location_country"] = [""], ["CN"]
    report = evaluate(tables, gold)
    sig = report.scores["signatories"]
    assert (sig.tp, sig.fp, sig.fn) == (1, 0, 1)
    details = report.scores["event_details"]
    assert (details.tp, details.fp, details.fn) == (2, 0, 1)   # country and status right, city missing
    assert misses(report, "event_details") == ["talks 2031-03-05 (day): location_city gold Hekou vs predicted —"]


# ------------------------------------------------------------------------------------------ output

def test_format_report_lists_each_miss():
    gold = gold_article(gold_event("conference", 8, "2023-09-12", participants=[person("Lê Văn An")]),
                        not_participants=["Quang Huy"])
    gold.update(gold_article(article="neg"))
    tables = tables_with_events(
        event("e8", "conference", "8", "2023-09-13"), event("x", "visit", "", "2032-09-01", article="neg"),
        participants=[{"event_id": "e8", "name_vi": "Quang Huy", "country": "VN", "article_id": "a1"}])
    report = evaluate(tables, gold)
    text = format_report(report)
    # a1: event missed + fp, wrong date, participant missed + fp, noise, the same participant's
    # role missed + fp in the detail table; neg: event fp
    assert len(report.misses) == 9
    for m in report.misses:
        assert m.detail in text
    assert "events             0.000  0.000  0.000     0     2     1" in text
    assert text.index("== a1") < text.index("== neg")
    short = format_report(report, max_misses=2)
    assert "... 7 more not shown" in short
    assert sum(m.detail in short for m in report.misses) == 2


def test_report_to_dict_is_json_and_load_tables_round_trips(tmp_path):
    tables, gold = perfect_case()
    for name, df in tables.items():
        df.to_csv(tmp_path / f"{name}.csv", index=False)
    loaded = load_tables(tmp_path)
    assert set(loaded) == set(COLUMNS)
    assert loaded["events"].loc[0, "series_number"] == "8"     # read as text
    assert loaded["event_sources"].loc[0, "date_start"] == ""  # not NaN
    report = evaluate(loaded, gold)
    data = json.loads(json.dumps(report_to_dict(report)))
    assert data["scores"]["events"] == {"tp": 2, "fp": 0, "fn": 0,
                                        "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert data["primary_dates_exact"] == [1, 1]
    assert data["per_article"]["a1"]["documents"]["tp"] == 1


def test_two_meetings_of_one_kind_on_one_day_are_paired_by_their_people():
    """Talks in the morning and talks in the afternoon: each gold event is paired with the predicted
    event that has its people, whatever order the event ids sort in."""
    gold = gold_article(
        gold_event("talks", None, "2041-05-21", participants=[person("Mạc Văn A", "VN", "host")]),
        gold_event("talks", None, "2041-05-21", participants=[person("Ninh Văn B", "VN", "host")]))
    rows = [{"event_id": eid, "person_id": pid, "name_vi": name, "country": "VN", "article_id": "a1",
             "role": "host"} for eid, pid, name in (("t-a", "p2", "Ninh Văn B"), ("t-b", "p1", "Mạc Văn A"))]
    tables = tables_with_events(event("t-a", "talks", "", "2041-05-21"), event("t-b", "talks", "", "2041-05-21"),
                                persons=[{"person_id": "p1", "name_vi": "Mạc Văn A", "country": "VN"},
                                         {"person_id": "p2", "name_vi": "Ninh Văn B", "country": "VN"}],
                                participants=rows)
    report = evaluate(tables, gold)
    assert (report.scores["participant_roles"].tp, report.scores["participant_roles"].fp) == (2, 0)
    # and a person on the wrong one of the two is still a miss
    rows[0]["event_id"] = "t-b"
    report = evaluate(make_tables(events=[e for e, _ in (event("t-a", "talks", "", "2041-05-21"),
                                                           event("t-b", "talks", "", "2041-05-21"))],
                                  event_sources=[s for _, s in (event("t-a", "talks", "", "2041-05-21"),
                                                                event("t-b", "talks", "", "2041-05-21"))],
                                  persons=[{"person_id": "p1", "name_vi": "Mạc Văn A", "country": "VN"},
                                           {"person_id": "p2", "name_vi": "Ninh Văn B", "country": "VN"}],
                                  participants=rows), gold)
    assert report.scores["participant_roles"].fn == 1


def test_a_held_out_set_prints_its_scores_but_not_its_misses(tmp_path, monkeypatch, capsys):
    """Reading a held-out set's misses would make it one more development set: `evaluate` prints
    only its scores unless asked with --show-unseen."""
    import json as _json
    import shutil
    from builder import cli
    dev = Path(__file__).parent / "fixtures" / "dev_articles"
    corpus = tmp_path / "unseen"
    (corpus / "gold").mkdir(parents=True)
    shutil.copy(dev / "d01.txt", corpus / "d01.txt")
    gold = _json.loads((dev / "gold" / "d01.json").read_text(encoding="utf-8"))
    gold["events"][0]["date_start"] = gold["events"][0]["date_end"] = "1999-01-01"   # a miss to hide
    (corpus / "gold" / "d01.json").write_text(_json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(cli, "UNSEEN", {corpus})
    assert cli.main(["evaluate", "--articles", str(corpus)]) == 0
    hidden = capsys.readouterr().out
    assert "events " in hidden and "== d01" not in hidden and "--show-unseen" in hidden
    assert cli.main(["evaluate", "--articles", str(corpus), "--show-unseen"]) == 0
    assert "== d01" in capsys.readouterr().out

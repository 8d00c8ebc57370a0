"""The merge: blocking finds every pair the rule accepts, near-copies give one event, every
merge says which key joined it."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from builder import blocking
from builder.build import build
from builder.extract import extract
from builder.lexicon import load
from builder.merge import group_mentions, merge_events, merge_linked
from builder.reading import discover, read_all

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "tests" / "fixtures" / "dev_articles"
UNDATED = (DEV / "d08.txt").read_text(encoding="utf-8")


def extractions_of(folder: Path):
    inputs = read_all(discover(folder), root=folder.parent)
    return [extract(f, load()) for f in inputs if f.status == "ok"]


def all_pairs(n: int):
    return [(i, j, ("all",)) for i in range(n) for j in range(i + 1, n)]


def partition(groups, n: int) -> set[frozenset[int]]:
    out: dict[int, set[int]] = {}
    for i in range(n):
        out.setdefault(groups.find(i), set()).add(i)
    return {frozenset(g) for g in out.values()}


def test_blocking_finds_the_same_events_as_comparing_every_pair():
    # seeds and dev set together, each article twice (a repost under another name)
    xs = extractions_of(REPO / "seeds") + extractions_of(DEV)
    twins = []
    for x in xs:
        for ev in x.events:
            twin = ev.__class__(**{**ev.__dict__, "article_id": ev.article_id + "-repost"})
            twins.append(twin)
    mentions = [ev for x in xs for ev in x.events] + twins
    blocked = partition(group_mentions(mentions), len(mentions))
    brute = partition(group_mentions(mentions, all_pairs(len(mentions))), len(mentions))
    assert blocked == brute
    assert len(blocked) < len(mentions)


def test_every_mention_has_its_keys_and_day_dates_sit_under_their_month():
    xs = extractions_of(DEV)
    dated = [ev for x in xs for ev in x.events if ev.date.precision == "day" and ev.participants and not ev.series]
    assert dated
    for ev in dated:
        months = [k for k, active in blocking.keys(ev) if k[0] == "month" and active]
        assert f"{ev.date.start:%Y-%m}" in {k[3] for k in months}


def build_folder(tmp_path: Path, files: dict[str, str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")
    out = tmp_path / "pkg"
    build(seeds, out, None, timeline=False, stream=io.StringIO(), jobs=1)
    return out


def read(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)


def test_two_outlets_on_one_undated_meeting_give_one_event_with_two_sources(tmp_path):
    # the other outlet words the headline and lead differently (no party title), so only the people join them
    other_outlet = UNDATED.replace("Đăng bởi: ThuongBienCuong", "Đăng bởi: BienCuongNews").replace(
        "3 bình luận", "5 bình luận").replace("Bài viết hay", "Rất hay").replace(
        "Đại tá Tòng Văn Hải, Uỷ viên Ban Thường vụ Tỉnh uỷ, Giám đốc", "Đại tá Tòng Văn Hải, Giám đốc").replace(
        "Công an Lai Châu hội kiến Đoàn công tác Sở Công an tỉnh Vân Nam",
        "Lãnh đạo Công an tỉnh Lai Châu hội kiến đoàn Sở Công an tỉnh Vân Nam")
    out = build_folder(tmp_path, {"outlet_a.txt": UNDATED, "outlet_b.txt": other_outlet})
    assert read(out, "articles")["status"].tolist() == ["ok", "ok"]
    events = read(out, "events")
    assert len(events) == 1
    assert events.loc[0, "n_sources"] == "2"
    sources = read(out, "event_sources")
    assert sorted(sources["article_id"]) == ["outlet_a", "outlet_b"]
    assert all(b.startswith("undated reception with ") for b in sources["merge_basis"])


def test_a_repost_is_joined_by_its_sentence_and_says_so(tmp_path):
    out = build_folder(tmp_path, {"a.txt": UNDATED, "b.txt": UNDATED + "\nĐăng lại.\n"})
    assert len(read(out, "events")) == 1
    assert set(read(out, "event_sources")["merge_basis"]) == {"reception reported in the same sentence"}


def test_an_undated_meeting_with_other_people_stays_apart(tmp_path):
    other = UNDATED.replace("Thạch Vân Long", "Lưu Minh Khải")
    out = build_folder(tmp_path, {"a.txt": UNDATED, "b.txt": other})
    assert len(read(out, "events")) == 2
    assert set(read(out, "event_sources")["merge_basis"]) == {""}


def _dated(day: int) -> str:
    return UNDATED.replace("Tại trụ sở Công an tỉnh Lai Châu,", f"Ngày {day}/3/2036, tại trụ sở Công an tỉnh Lai Châu,")


def test_an_undated_report_joins_the_one_dated_meeting_that_agrees(tmp_path):
    out = build_folder(tmp_path, {"dated.txt": _dated(14), "undated.txt": UNDATED})
    events = read(out, "events")
    assert len(events) == 1 and events.loc[0, "n_sources"] == "2"
    assert events.loc[0, "date_start"] == "2036-03-14"


def test_an_undated_report_that_fits_two_dated_meetings_joins_neither(tmp_path):
    late = _dated(14).replace("3/2036", "9/2037")
    out = build_folder(tmp_path, {"dated_1.txt": _dated(14), "dated_2.txt": late, "undated.txt": UNDATED})
    events = read(out, "events")
    assert len(events) == 3
    assert set(events["n_sources"]) == {"1"}


def test_merge_events_is_stable_under_input_order():
    xs = extractions_of(DEV)
    forward = [(e.event_id, len(e.mentions)) for e in merge_events(xs)]
    backward = [(e.event_id, len(e.mentions)) for e in merge_events(list(reversed(xs)))]
    assert forward == backward


def test_each_linked_set_merged_alone_gives_what_merging_everything_gives():
    # what builder/rebuild.py relies on to merge again only the sets with a changed mention
    xs = extractions_of(REPO / "seeds") + extractions_of(DEV) + extractions_of(REPO / "tests/fixtures/dev_articles_2")
    mentions = [ev for x in xs for ev in x.events]
    mentions += [ev.__class__(**{**ev.__dict__, "article_id": ev.article_id + "-repost"}) for ev in mentions[::3]]

    def summary(members, events):
        return sorted((e.event_id, tuple(mentions[i].article_id for i in members if mentions[i] in e.mentions),
                       tuple(e.merge_basis), e.series_number, e.location_city) for e in events)

    together = merge_linked(mentions)
    assert 1 < len(together) < len(mentions)
    for members, events in together:
        alone = merge_linked([mentions[i] for i in members])
        assert len(alone) == 1
        assert summary(members, alone[0][1]) == summary(members, events)


def test_a_side_named_by_one_source_wins_over_one_carried_over_by_another():
    """One article names the sides of a round; another only carries over the sides of the meeting it
    reports (vocabulary "same_exchange"): the named body is kept, with the basis of what was kept."""
    from types import SimpleNamespace as Mention

    from builder.merge import _sides
    from builder.tables import _organizations
    carried = Mention(sides={"VN": "Công an tỉnh A", "CN": "Cục Công an B"}, sides_basis="same_exchange")
    named = Mention(sides={"CN": "Sở Công an tỉnh C"}, sides_basis="stated")
    assert _sides(carried, [named]) == ({"VN": "Công an tỉnh A", "CN": "Sở Công an tỉnh C"}, "same_exchange")
    assert _sides(named, [named]) == ({"VN": None, "CN": "Sở Công an tỉnh C"}, "stated")
    assert _sides(Mention(sides={}, sides_basis=None), []) == ({"VN": None, "CN": None}, None)
    # no side known: no basis either (it said "stated" before)
    event = Mention(sides={"VN": None, "CN": None}, sides_basis=None, series=None)
    assert _organizations(event)["organization_basis"] is None


def test_the_merge_basis_of_a_set_does_not_depend_on_the_mentions_before_it():
    """Which key explains a join is the strongest one, whatever other mentions share a block and
    come first (a rebuild merges a changed set alone; the basis must be what a clean build writes)."""
    import dataclasses
    import datetime as dt
    (x,) = [x for x in extractions_of(REPO / "tests/fixtures/dev_articles_2") if x.article.article_id == "e38"]
    own = [ev for ev in x.events if ev.mention == "primary"]
    reposts = [dataclasses.replace(ev, article_id="e38-repost") for ev in own]
    # the same kind, person and month, another day: shares the month blocks, is no same event
    decoys = [dataclasses.replace(ev, article_id=f"decoy{n}", date=dataclasses.replace(
        ev.date, start=ev.date.start + dt.timedelta(days=9), end=ev.date.end + dt.timedelta(days=9)))
        for n, ev in enumerate(own)]

    def bases(mentions):
        return sorted((e.event_id, tuple(e.merge_basis)) for _, events in merge_linked(mentions) for e in events
                      if any(m.article_id.startswith("e38") for m in e.mentions))
    assert bases(decoys + own + reposts) == bases(own + reposts) == bases(reposts + own + decoys)

"""Incremental and parallel builds give the same bytes as a clean, single-process build."""
from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.build import build
from builder.rebuild import merged_segments

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests/fixtures/dev_articles").glob("d*.txt"))


def corpus(folder: Path, copies: int = 2) -> Path:
    """The seeds and dev set, `copies` times (later copies carry a reposting note)."""
    folder.mkdir(parents=True)
    for c in range(copies):
        for src in SOURCES:
            note = f"\n\nĐăng lại lần {c}.\n" if c else ""
            (folder / f"{src.stem}_{c}.txt").write_text(src.read_text(encoding="utf-8") + note, encoding="utf-8")
    return folder


def files_of(package: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(package.iterdir())}


def run(seeds: Path, out: Path, **kw) -> dict:
    return build(seeds, out, None, stream=io.StringIO(), **kw)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("corpus") / "seeds")


@pytest.fixture(scope="module")
def clean(seeds, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("clean") / "pkg"
    run(seeds, out, jobs=1, timeline=True)
    return files_of(out)


def test_two_processes_give_the_same_package_as_one(seeds, clean, tmp_path):
    report = run(seeds, tmp_path / "pkg", jobs=2, timeline=True)
    assert report["from_cache"] == 0
    assert files_of(tmp_path / "pkg") == clean


def test_a_rebuild_from_the_cache_is_byte_identical_and_extracts_nothing(seeds, clean, tmp_path):
    cache = tmp_path / "cache"
    first = run(seeds, tmp_path / "a", jobs=2, cache_dir=cache, timeline=True)
    again = run(seeds, tmp_path / "b", jobs=1, cache_dir=cache, timeline=True)
    assert first["from_cache"] == 0
    assert again["from_cache"] == len(SOURCES) * 2
    assert files_of(tmp_path / "a") == clean
    assert files_of(tmp_path / "b") == clean


def test_after_one_article_changes_only_it_is_extracted_and_the_output_equals_a_clean_build(seeds, tmp_path):
    work = tmp_path / "seeds"
    shutil.copytree(seeds, work)
    cache = tmp_path / "cache"
    run(work, tmp_path / "before", jobs=1, cache_dir=cache, timeline=False)
    changed = work / f"{SOURCES[0].stem}_0.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Thứ trưởng", "Thứ trưởng thường trực", 1),
                       encoding="utf-8")
    (work / "added.txt").write_text(SOURCES[-1].read_text(encoding="utf-8") + "\nBài mới.\n", encoding="utf-8")
    incremental = run(work, tmp_path / "incremental", jobs=1, cache_dir=cache, timeline=False)
    assert incremental["from_cache"] == len(SOURCES) * 2 - 1      # the changed and the added one are new
    run(work, tmp_path / "clean", jobs=1, timeline=False)
    assert files_of(tmp_path / "incremental") == files_of(tmp_path / "clean")
    assert files_of(tmp_path / "incremental") != files_of(tmp_path / "before")


def test_a_build_that_rewrites_the_pack_writes_no_entry_files_and_a_later_one_writes_only_its_own(seeds, tmp_path):
    work = Path(shutil.copytree(seeds, tmp_path / "seeds"))
    cache = tmp_path / "cache"
    run(work, tmp_path / "a", jobs=2, cache_dir=cache, timeline=False)
    assert (cache / "pack.pickle").exists()
    assert sorted(cache.glob("*/*.pickle")) == []        # the pack holds every entry
    changed = work / f"{SOURCES[0].stem}_1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nCập nhật.\n", encoding="utf-8")
    report = run(work, tmp_path / "a", jobs=1, cache_dir=cache, timeline=False)   # in place: incremental
    assert report["from_cache"] == len(SOURCES) * 2 - 1
    # the changed article, which the pack lacks, and any unchanged one read again to merge with it
    assert 1 <= len(list(cache.glob("*/*.pickle"))) < len(SOURCES)


@pytest.mark.parametrize("damaged", ["entry", "entry and pack"])
def test_a_damaged_cache_entry_is_extracted_again(seeds, tmp_path, damaged):
    work = Path(shutil.copytree(seeds, tmp_path / "seeds"))
    cache = tmp_path / "cache"
    run(work, tmp_path / "a", jobs=1, cache_dir=cache, timeline=False)
    changed = work / f"{SOURCES[0].stem}_1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nCập nhật.\n", encoding="utf-8")
    run(work, tmp_path / "a", jobs=1, cache_dir=cache, timeline=False)   # its entry gets a file of its own
    entries = sorted(cache.glob("*/*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:50])
    expected = len(SOURCES) * 2 - 1                      # the pack holds the others
    if damaged == "entry and pack":
        (cache / "pack.pickle").write_bytes((cache / "pack.pickle").read_bytes()[:100])
        expected = 0
    report = run(work, tmp_path / "b", jobs=1, cache_dir=cache, timeline=True)   # elsewhere: a full build
    assert report["from_cache"] == expected
    run(work, tmp_path / "clean", jobs=1, timeline=True)
    assert files_of(tmp_path / "b") == files_of(tmp_path / "clean")


def aged(folder: Path) -> Path:
    """Every file of the folder last modified a minute ago (a file modified within the second
    before a build reads it is read again by the next build: see builder/read_memo.py)."""
    for p in folder.iterdir():
        os.utime(p, (time.time() - 60, time.time() - 60))
    return folder


def test_a_rebuild_reads_only_the_files_that_changed(seeds, tmp_path, monkeypatch):
    import builder.reading as reading
    work = aged(Path(shutil.copytree(seeds, tmp_path / "seeds")))
    cache = tmp_path / "cache"
    run(work, tmp_path / "before", jobs=1, cache_dir=cache, timeline=False)
    read = []
    real = reading.read_input
    monkeypatch.setattr(reading, "read_input", lambda path, *a: read.append(Path(path).name) or real(path, *a))
    changed = work / f"{SOURCES[1].stem}_1.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("Bộ Công an", "BỘ CÔNG AN", 1), encoding="utf-8")   # same size
    assert changed.stat().st_size == len(text.encode("utf-8"))
    (work / "added.txt").write_text(SOURCES[2].read_text(encoding="utf-8"), encoding="utf-8")
    incremental = run(work, tmp_path / "incremental", jobs=1, cache_dir=cache, timeline=False)
    assert sorted(read) == sorted([changed.name, "added.txt"])
    read.clear()
    monkeypatch.setattr(reading, "read_input", real)
    run(work, tmp_path / "clean", jobs=1, timeline=False)
    assert files_of(tmp_path / "incremental") == files_of(tmp_path / "clean")
    assert incremental["counts"]["articles"] == len(SOURCES) * 2 + 1


def test_a_file_written_just_before_a_build_is_read_again_by_the_next(seeds, tmp_path, monkeypatch):
    import builder.reading as reading
    work = Path(shutil.copytree(seeds, tmp_path / "seeds", copy_function=shutil.copyfile))  # written now
    cache = tmp_path / "cache"
    run(work, tmp_path / "a", jobs=1, cache_dir=cache, timeline=False)
    read = []
    real = reading.read_input
    monkeypatch.setattr(reading, "read_input", lambda path, *a: read.append(path) or real(path, *a))
    run(work, tmp_path / "b", jobs=1, cache_dir=cache, timeline=False)
    assert len(read) == len(SOURCES) * 2


def test_an_unchanged_figure_reuses_the_kept_timeline_and_a_changed_one_is_drawn(seeds, clean, tmp_path, monkeypatch):
    import builder.drawing as drawing
    work = aged(Path(shutil.copytree(seeds, tmp_path / "seeds")))
    cache = tmp_path / "cache"
    run(work, tmp_path / "a", jobs=1, cache_dir=cache, timeline=True)
    assert files_of(tmp_path / "a") == clean
    drawn = []
    real = drawing.draw
    monkeypatch.setattr(drawing, "draw", lambda *args: drawn.append(args) or real(*args))
    # a note added to one article changes its row in articles.csv, not the figure's tables
    note = work / f"{SOURCES[0].stem}_0.txt"
    note.write_text(note.read_text(encoding="utf-8") + "\nGhi chú của người biên tập.\n", encoding="utf-8")
    run(work, tmp_path / "b", jobs=1, cache_dir=cache, timeline=True)
    assert drawn == []
    assert files_of(tmp_path / "b")["timeline.html"] == clean["timeline.html"]
    assert files_of(tmp_path / "b")["articles.csv"] != clean["articles.csv"]
    (work / f"{SOURCES[0].stem}_1.txt").unlink()     # its events lose a source: drawn again
    import builder.timeline as timeline
    formatted = []
    real_hover = timeline._hover
    monkeypatch.setattr(timeline, "_hover", lambda e, *rest: formatted.append(e) or real_hover(e, *rest))
    run(work, tmp_path / "c", jobs=1, cache_dir=cache, timeline=True)
    assert len(drawn) == 1
    n_events = len((tmp_path / "c" / "events.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert 0 < len(formatted) < n_events            # the others' hover texts were kept
    run(work, tmp_path / "clean", jobs=1, timeline=True)
    assert files_of(tmp_path / "c") == files_of(tmp_path / "clean")
    # a kept page cut short (it is not synced to disk) is drawn again, not copied
    kept = next((cache / "timeline").glob("*.html"))
    kept.write_bytes(kept.read_bytes()[:1000])
    note.write_text(note.read_text(encoding="utf-8") + "\nMột ghi chú nữa.\n", encoding="utf-8")
    drawn.clear()
    run(work, tmp_path / "d", jobs=1, cache_dir=cache, timeline=True)
    assert len(drawn) == 1
    assert files_of(tmp_path / "d")["timeline.html"] == files_of(tmp_path / "clean")["timeline.html"]


def test_copies_and_near_copies_add_no_events(seeds, tmp_path):
    once = tmp_path / "once"
    corpus(once, copies=1)
    run(once, tmp_path / "a", jobs=1, timeline=False)
    run(seeds, tmp_path / "b", jobs=1, timeline=False)   # every article twice, one with a reposting note
    events = lambda p: (p / "events.csv").read_text(encoding="utf-8").splitlines()[1:]  # noqa: E731
    assert len(events(tmp_path / "b")) == len(events(tmp_path / "a"))


def test_the_cache_key_covers_the_extraction_code_and_nothing_after_it():
    from builder.cache import extraction_modules
    names = {p.name for p in extraction_modules()}
    assert {"extract.py", "dates.py", "people.py", "events.py", "records.py", "cleaning.py"} <= names
    assert not names & {"merge.py", "tables.py", "package.py", "timeline.py", "build.py"}


def _edit(work: Path) -> None:
    f = work / f"{SOURCES[0].stem}_0.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("Thứ trưởng", "Thứ trưởng thường trực", 1), encoding="utf-8")


def _repost(work: Path) -> None:      # another outlet's copy: the events it reports gain a source
    (work / "zz_repost.txt").write_text((work / f"{SOURCES[1].stem}_0.txt").read_text(encoding="utf-8")
                                        + "\nNguồn: một báo khác.\n", encoding="utf-8")


def _remove_one(work: Path) -> None:  # its events keep the other copy as their source
    (work / f"{SOURCES[2].stem}_1.txt").unlink()


def _remove_both(work: Path) -> None:  # its events are gone
    for c in (0, 1):
        (work / f"{SOURCES[3].stem}_{c}.txt").unlink()


def _rename(work: Path) -> None:      # a person named otherwise in one copy: persons change
    f = work / f"{SOURCES[1].stem}_1.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("Dương Xuân Lôi", "Dương Xuân Lợi"), encoding="utf-8")


def _nothing(work: Path) -> None:
    pass


# fictional undated receptions of one visitor by two hosts: two events with one identifier
RECEPTION = ("Bộ trưởng tiếp Thứ trưởng Công an Trung Quốc\n\nTại Hà Nội, {host} đã tiếp Thứ trưởng Bộ Công an "
             "Trung Quốc Tôn Lập Minh đang thăm và làm việc tại Việt Nam. Hai bên trao đổi về hợp tác phòng, "
             "chống tội phạm xuyên quốc gia.\n")


def _first_reception(work: Path) -> None:
    (work / "zz_reception_1.txt").write_text(RECEPTION.format(host="Bộ trưởng Bộ Công an Phan Đình Hòa"),
                                             encoding="utf-8")


def _clash(work: Path) -> None:       # the kept event's identifier now clashes: it gets a suffix
    (work / "zz_reception_2.txt").write_text(RECEPTION.format(host="Thứ trưởng Bộ Công an Vũ Minh Khang"),
                                             encoding="utf-8")


def _both_receptions(work: Path) -> None:
    _first_reception(work)
    _clash(work)


def _remove_first(work: Path) -> None:    # the clash is gone: the kept event loses its suffix
    (work / "zz_reception_1.txt").unlink()


# fictional: an undated report that agrees with two dated meetings is kept apart from both; when
# one of them goes, it joins the other (the linked set must be merged again although no mention
# of it changed)
def _ambiguous(work: Path) -> None:
    head = "Thứ trưởng Công an tiếp khách\n\n"
    topic = " Hai bên trao đổi về hợp tác phòng, chống tội phạm.\n"
    (work / "zz_amb_march.txt").write_text(head + "Ngày 5/3/2031, tại Hà Nội, Thứ trưởng Bộ Công an Phan Đình Hòa "
                                           "đã tiếp Thứ trưởng Bộ Công an Trung Quốc Tôn Lập Minh." + topic,
                                           encoding="utf-8")
    (work / "zz_amb_july.txt").write_text(head + "Ngày 9/7/2031, Thứ trưởng Bộ Công an Trung Quốc Tôn Lập Minh đã "
                                          "tiếp Thứ trưởng Bộ Công an Phan Đình Hòa." + topic, encoding="utf-8")
    (work / "zz_amb_undated.txt").write_text(head + "Thứ trưởng Bộ Công an Phan Đình Hòa đã tiếp Thứ trưởng Bộ Công "
                                             "an Trung Quốc Tôn Lập Minh." + topic, encoding="utf-8")


def _remove_july(work: Path) -> None:
    (work / "zz_amb_july.txt").unlink()


def _namesake(work: Path) -> None:    # a new person whose readable id is a kept person's: both get a suffix
    (work / "zz_namesake.txt").write_text(
        "Công an tỉnh Lào Cai làm việc với Công an tỉnh Vân Nam\n\nNgày 5/3/2020, tại Côn Minh, Đại tá Hoàng "
        "Văn Nam, Giám đốc Công an tỉnh Lào Cai đã có buổi làm việc với ông Quách Thanh Cồn, Giám đốc Sở Công an "
        "tỉnh Vân Nam, Trung Quốc. Hai bên thống nhất tăng cường hợp tác phòng, chống tội phạm qua biên giới.\n",
        encoding="utf-8")


@pytest.mark.parametrize("before, change, expect", [
    (_nothing, _edit, None), (_nothing, _repost, None), (_nothing, _remove_one, None),
    (_nothing, _remove_both, None), (_nothing, _rename, None), (_nothing, _nothing, None),
    (_first_reception, _clash, ("events.csv", 2, b"reception-undated-ton-lap-minh-")),
    (_both_receptions, _remove_first, ("events.csv", 1, b"reception-undated-ton-lap-minh,")),
    (_nothing, _namesake, ("persons.csv", 2, b"quach-thanh-con-cn-")),
    (_ambiguous, _remove_july, ("events.csv", 0, b"reception-undated-ton-lap-minh"))],
    ids=lambda f: f.__name__.strip("_") if callable(f) else "")
def test_a_rebuild_in_place_patches_the_tables_and_equals_a_clean_build(seeds, tmp_path, before, change, expect):
    work = tmp_path / "seeds"
    shutil.copytree(seeds, work)
    before(work)
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    first = run(work, out, jobs=1, cache_dir=cache, timeline=False)
    assert not first["patched"]                   # nothing kept yet
    previous = files_of(out)
    change(work)
    again = run(work, out, jobs=1, cache_dir=cache, timeline=False)
    assert again["patched"]
    run(work, tmp_path / "clean", jobs=1, timeline=False)
    assert files_of(out) == files_of(tmp_path / "clean")
    assert (files_of(out) == previous) == (change is _nothing)
    if expect:      # the scenario happened: rows of unchanged linked sets had to be written again
        name, times, text = expect
        assert files_of(out)[name].count(text) == times


def test_a_table_whose_rows_are_written_again_as_they_were_keeps_its_parquet_file(seeds, tmp_path, monkeypatch):
    """An article edited without changing its events: its linked sets are merged again and give
    the same rows, so no table is encoded again, and the package is a clean build's."""
    import builder.rebuild as rebuild_module
    work = tmp_path / "seeds"
    shutil.copytree(seeds, work)
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    run(work, out, jobs=1, cache_dir=cache, timeline=False)
    encoded = []
    real = rebuild_module.parquet_of
    monkeypatch.setattr(rebuild_module, "parquet_of", lambda arrow: encoded.append(arrow.num_rows) or real(arrow))
    note = work / f"{SOURCES[0].stem}_0.txt"
    note.write_text(note.read_text(encoding="utf-8") + "\nGhi chú của người biên tập.\n", encoding="utf-8")
    again = run(work, out, jobs=1, cache_dir=cache, timeline=False)
    assert again["patched"] and encoded == []
    _repost(work)                                   # events gain a source: their tables are encoded
    run(work, out, jobs=1, cache_dir=cache, timeline=False)
    assert encoded
    run(work, tmp_path / "clean", jobs=1, timeline=False)
    assert files_of(out) == files_of(tmp_path / "clean")


def test_a_package_changed_since_the_last_build_is_built_in_full(seeds, tmp_path):
    work = tmp_path / "seeds"
    shutil.copytree(seeds, work)
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    run(work, out, jobs=1, cache_dir=cache, timeline=False)
    events = out / "events.csv"
    events.write_bytes(events.read_bytes().replace(b"talks", b"TALKS", 1))
    _edit(work)
    again = run(work, out, jobs=1, cache_dir=cache, timeline=False)
    assert not again["patched"]
    run(work, tmp_path / "clean", jobs=1, timeline=False)
    assert files_of(out) == files_of(tmp_path / "clean")


def test_the_timeline_is_drawn_from_memory_as_the_csvs_hold_its_tables(seeds, tmp_path, monkeypatch):
    """Clean, first with a cache (whole tables) and patched: the figure's columns taken from the
    rows and Arrow tables in memory are the CSVs' text."""
    import builder.drawing as drawing
    from builder.schema import FIGURE_TABLES
    from builder.timeline import read_columns
    in_memory = []
    real = drawing.draw

    def draw(columns, cache_dir):
        in_memory.append(columns())
        return real(columns, cache_dir)
    monkeypatch.setattr(drawing, "draw", draw)
    work = aged(Path(shutil.copytree(seeds, tmp_path / "seeds")))
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    run(work, tmp_path / "clean", jobs=1, timeline=True)
    assert in_memory[-1] == read_columns(tmp_path / "clean", FIGURE_TABLES)
    run(work, out, jobs=1, cache_dir=cache, timeline=True)
    assert in_memory[-1] == read_columns(out, FIGURE_TABLES)
    _repost(work)
    assert run(work, out, jobs=1, cache_dir=cache, timeline=True)["patched"]
    assert in_memory[-1] == read_columns(out, FIGURE_TABLES)
    assert len(in_memory) == 3 and min(len(t["participants"]["event_id"]) for t in in_memory) > 0


def test_a_build_failing_after_it_kept_its_tables_leaves_a_cache_the_next_build_can_trust(seeds, tmp_path,
                                                                                        monkeypatch):
    """What a rebuild keeps is written while the timeline is drawn, before the new package is in
    place; the files' stats only after. A build that fails in between must not make the next
    one patch the package it failed to replace."""
    import builder.drawing as drawing
    work = aged(Path(shutil.copytree(seeds, tmp_path / "seeds")))
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    run(work, out, jobs=2, cache_dir=cache, timeline=True)
    previous = files_of(out)
    _repost(work)

    def fail(*args):
        raise OSError("disk full")
    monkeypatch.setattr(drawing.timeline_memo, "keep", fail)
    with pytest.raises(OSError, match="disk full"):
        run(work, out, jobs=2, cache_dir=cache, timeline=True)
    assert files_of(out) == previous                        # the package was not replaced ...
    assert (cache / "kept.pickle").stat().st_mtime_ns > (cache / "kept-stats.pickle").stat().st_mtime_ns
    monkeypatch.undo()                                      # ... though what the build kept was
    _edit(work)
    again = run(work, out, jobs=2, cache_dir=cache, timeline=True)
    assert not again["patched"]                             # the files match no kept hash
    run(work, tmp_path / "clean", jobs=1, timeline=True)
    assert files_of(out) == files_of(tmp_path / "clean")


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 30).flatmap(lambda n: st.tuples(
    st.just(n), st.sets(st.integers(0, max(n - 1, 0)), max_size=n) if n else st.just(set()),
    st.lists(st.integers(0, n), max_size=6).map(sorted))))
def test_merged_segments_put_the_new_rows_in_place_and_drop_the_gone(case):
    n, gone, places = case
    expected = []                    # what one pass over the previous rows gives
    for i in range(n + 1):
        expected.extend(("new", j) for j, p in enumerate(places) if p == i)
        if i < n and i not in gone:
            expected.append(("old", i))
    got = []
    for src, a, b in merged_segments(n, sorted(gone), places):
        got.extend(("old", i) if src == 0 else ("new", i) for i in range(a, b))
    assert got == expected


def test_a_damaged_arrow_copy_is_read_from_the_parquet_file_instead(seeds, tmp_path):
    work = tmp_path / "seeds"
    shutil.copytree(seeds, work)
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    run(work, out, jobs=1, cache_dir=cache, timeline=False)
    copy = cache / "kept-tables" / "participants.arrow"
    copy.write_bytes(copy.read_bytes()[:200])
    (cache / "kept-tables" / "events.arrow").unlink()
    _edit(work)
    again = run(work, out, jobs=1, cache_dir=cache, timeline=False)
    assert again["patched"]
    run(work, tmp_path / "clean", jobs=1, timeline=False)
    assert files_of(out) == files_of(tmp_path / "clean")


def test_successive_rebuilds_keep_the_digests_in_a_log_that_survives_a_cut(seeds, tmp_path, monkeypatch):
    import builder.rebuild as rebuild
    monkeypatch.setattr(rebuild, "LOG_BATCHES", 3)      # written anew every third build
    work = tmp_path / "seeds"
    shutil.copytree(seeds, work)
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    run(work, out, jobs=1, cache_dir=cache, timeline=False)
    log = cache / rebuild.DIGESTS
    batches = []
    for n in range(3):
        (work / f"zz_extra_{n}.txt").write_text((work / f"{SOURCES[n].stem}_0.txt").read_text(encoding="utf-8")
                                                + f"\nBản {n}.\n", encoding="utf-8")
        assert run(work, out, jobs=1, cache_dir=cache, timeline=False)["patched"]
        batches.append(rebuild._read_digests(log)[1])
    assert batches == [2, 1, 2]                             # appended, written anew, appended
    log.write_bytes(log.read_bytes()[:-40])                 # the last batch cut short
    assert rebuild._read_digests(log)[1] == 1
    (work / "zz_extra_0.txt").unlink()
    again = run(work, out, jobs=1, cache_dir=cache, timeline=False)
    assert again["patched"]
    run(work, tmp_path / "clean", jobs=1, timeline=False)
    assert files_of(out) == files_of(tmp_path / "clean")


def test_a_rebuild_in_place_with_two_processes_equals_a_clean_build(seeds, clean, tmp_path):
    work = tmp_path / "seeds"
    shutil.copytree(seeds, work)
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    run(work, out, jobs=2, cache_dir=cache, timeline=True)
    _repost(work)
    again = run(work, out, jobs=2, cache_dir=cache, timeline=True)
    assert again["patched"]
    run(work, tmp_path / "clean", jobs=1, timeline=True)
    assert files_of(out) == files_of(tmp_path / "clean")

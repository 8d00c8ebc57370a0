"""Issue: bad input, unrelated articles and interrupted builds. Each kind of input, through the build."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.extract import extract
from builder.reading import SeedsError
from builder.records import InputFile

from .conftest import DEV, REPO, SEEDS, build_quietly

SEED = sorted(SEEDS.glob("*.txt"))[4].read_text(encoding="utf-8")


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as legacy Vietnamese software wrote it: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append((base + tones).encode("cp1258", "replace"))
    return b"".join(out)


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    d = tmp_path_factory.mktemp("messy") / "seeds"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\t\n")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + SEED.encode())
    (d / "utf16.txt").write_bytes((SEED + "\nBản tin UTF-16.\n").encode("utf-16"))
    (d / "legacy.txt").write_bytes(to_cp1258((DEV / "d05.txt").read_text()))
    (d / "nfd.txt").write_text(unicodedata.normalize("NFD", (DEV / "d08.txt").read_text()), encoding="utf-8")
    (d / "page.html").write_text("<!DOCTYPE html><html><head><title>t</title><script>x()</script></head><body><p>"
                                 + (DEV / "d07.txt").read_text().replace("\n", "</p><p>") + "</p></body></html>")
    (d / "twin a.txt").write_text((DEV / "d02.txt").read_text())
    (d / "twin b.txt").write_text((DEV / "d02.txt").read_text())
    (d / "bài báo số 1.txt").write_text((DEV / "d04.txt").read_text())
    (d / "weather.txt").write_text(" date 2024-05 Hà Nội hôm nay có mưa rào và dông, nhiệt độ 30 độ C.\n")
    (d / "football.txt").write_text(" date 2024-05 Việt Nam thắng Trung Quốc 2-1 trong trận giao hữu tối qua.\n")
    (d / "crime.txt").write_text((DEV / "d09.txt").read_text())
    (d / "bad-utf8.txt").write_bytes(b"abc \xff\xfe def " * 3)
    out = d.parent / "pkg"
    report = build_quietly(d, out)
    return {a["path"].split("/")[-1]: a for a in report["inputs"]}, out


@pytest.mark.parametrize("name,status", [
    ("empty.txt", "empty"), ("blank.txt", "empty"), ("image.txt", "unreadable"), ("bom.txt", "ok"),
    ("utf16.txt", "ok"), ("legacy.txt", "ok"), ("nfd.txt", "ok"), ("page.html", "ok"), ("twin a.txt", "ok"),
    ("twin b.txt", "duplicate"), ("bài báo số 1.txt", "ok"), ("weather.txt", "not_relevant"),
    ("football.txt", "not_relevant"), ("crime.txt", "not_relevant"), ("bad-utf8.txt", "unreadable")])
def test_each_input_kind_has_a_status_and_reason(messy, name, status):
    inputs, _ = messy
    assert inputs[name]["status"] == status, inputs[name]
    if status != "ok":
        assert inputs[name]["reason"]


def test_decoding_error_names_the_byte_offset(messy):
    assert "offset 4" in messy[0]["bad-utf8.txt"]["reason"]


def test_readable_variants_still_yield_their_events(messy):
    inputs, _ = messy
    for name in ("bom.txt", "utf16.txt", "legacy.txt", "nfd.txt", "page.html", "bài báo số 1.txt"):
        assert inputs[name]["event_mentions"] >= 1, name


def test_duplicate_is_one_article_and_both_files_reported(messy):
    inputs, out = messy
    assert inputs["twin b.txt"]["duplicate_of"] == inputs["twin a.txt"]["article_id"]
    assert inputs["twin b.txt"]["event_mentions"] == 0


def test_near_duplicate_from_two_publishers_is_one_event_with_two_sources(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    text = (DEV / "d07.txt").read_text()
    (d / "a.txt").write_text(" date 2032-05 (CAND) - " + text)
    (d / "b.txt").write_text(" date 2032-05 (ANTĐ) - " + text.replace("Sáng qua", "Sáng hôm qua") + "\nPV\n")
    build_quietly(d, tmp_path / "pkg")
    import pandas as pd
    events = pd.read_csv(tmp_path / "pkg/events.csv", dtype=str, keep_default_na=False)
    talks = events[events.event_type == "talks"]
    assert len(talks) == 1 and talks.iloc[0].n_sources == "2"


def test_missing_or_empty_seeds_folder(tmp_path):
    with pytest.raises(SeedsError, match="does not exist"):
        build_quietly(tmp_path / "nope", tmp_path / "pkg")
    (tmp_path / "empty").mkdir()
    with pytest.raises(SeedsError, match="holds no input files"):
        build_quietly(tmp_path / "empty", tmp_path / "pkg")


def test_cli_reports_missing_folder_clearly(tmp_path):
    r = subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(tmp_path / "nope"),
                        "--out", str(tmp_path / "pkg")], capture_output=True, text=True, cwd=REPO)
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_strict_makes_warnings_fatal(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    (d / "a.txt").write_text((DEV / "d01.txt").read_text())
    (d / "b.txt").write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(d), "--out", str(tmp_path / "pkg"),
                        "--strict"], capture_output=True, text=True, cwd=REPO)
    assert r.returncode != 0 and "empty" in r.stderr


def test_large_file_is_reported_not_loaded(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    (d / "a.txt").write_text((DEV / "d01.txt").read_text())
    with (d / "huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    report = build_quietly(d, tmp_path / "pkg")
    huge = next(a for a in report["inputs"] if a["path"].endswith("huge.txt"))
    assert huge["status"] == "unreadable" and "limit" in huge["reason"]


def test_killed_build_leaves_previous_package_intact(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    for p in sorted(DEV.glob("d*.txt")):
        (d / p.name).write_text(p.read_text())
    out = tmp_path / "pkg"
    build_quietly(d, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # a slow build (many copies) killed while it runs
    for i in range(300):
        (d / f"copy{i:03d}.txt").write_text(f" date 2031-0{1 + i % 9} " + (DEV / "d01.txt").read_text() + f"\n{i}\n")
    proc = subprocess.Popen([sys.executable, "-m", "builder", "build", "--seeds", str(d), "--out", str(out),
                             "--cache", str(tmp_path / "cache")],     # its own: nothing extracted yet
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # killed while it extracts (a fixed delay stopped working once the build took under two seconds)
    said = b""
    while b"extracting" not in said:
        chunk = proc.stderr.read1(256)
        assert chunk, f"the build ended before it extracted anything: {said[-500:]!r}"
        said += chunk
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before
    assert _left_running(str(d)) == [], "extraction workers outlived the killed build"
    from builder.validate import frictionless_errors
    assert frictionless_errors(out / "datapackage.json") == []


def _left_running(marker: str, wait: float = 10.0) -> list[int]:
    """Processes whose command line holds `marker`, once they have had `wait` seconds to end."""
    if not Path("/proc").is_dir():     # not Linux: nothing to look at
        return []
    deadline = time.monotonic() + wait
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and marker in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


VIETNAMESE = st.sampled_from(["Bộ Công an", "Trung Quốc", "hội đàm", "Thượng tướng", "Nguyễn Văn A", "ký",
                              "Bản ghi nhớ", "ngày 5/3", "tháng 9/2023", "lần thứ 8", "Hội nghị", "do", "dẫn đầu",
                              ",", ".", "\n", "ông", "Chiều nay", "tại Hà Nội", "(Ảnh: X)", "k1.jpg", "đồng chủ trì"])


def _check(text: str) -> None:
    x = extract(InputFile("f.txt", "f", len(text), "x", "ok", text=text))
    for ev in x.events:
        spans = [ev.evidence] + [p.person.evidence for p in ev.participants] + [d.evidence for d in ev.documents] \
            + [t for _, t in ev.topics]
        for s in spans:
            assert 0 <= s.char_start <= s.char_end <= len(text)
            assert text[s.char_start:s.char_end] == s.text


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(VIETNAMESE, max_size=60).map(" ".join))
def test_fuzz_vietnamese_like_text(text):
    _check(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=400))
def test_fuzz_random_unicode(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(SEED)), st.integers(0, 400), st.text(max_size=20))
def test_fuzz_mangled_seed(at, cut, insert):
    _check(SEED[:at] + insert + SEED[at + cut:])

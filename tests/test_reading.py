"""Input reading: every kind of bad file gets a status and a reason instead of an exception."""
from __future__ import annotations

import codecs
import hashlib
import sys
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# The package is not installed in the venv; make the project root importable.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder import reading, vocabulary  # noqa: E402
from builder.reading import (  # noqa: E402
    SeedsError, article_id, discover, html_to_text, read_all, read_input,
)

STATUSES = set(vocabulary.codes(vocabulary.ARTICLE_STATUSES))

VI = (" date 2023-04 (PLO)- Nhận lời mời của Bộ Công an Trung Quốc, Đoàn đại biểu cấp cao "
      "Bộ Công an Việt Nam do Trung tướng Nguyễn Duy Ngọc dẫn đầu đã sang thăm, làm việc.\n\n"
      "Hai bên nhất trí tăng cường hợp tác phòng, chống tội phạm ma túy, mua bán người.\n")


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_bytes(tmp_path: Path, data: bytes, name: str = "a.txt", **kw):
    return read_input(write(tmp_path, name, data), **kw)


def to_cp1258(text: str) -> bytes:
    """Encode as Vietnamese Windows does: vowel shapes precomposed, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            tone = "".join(c for c in nfd if c in tones)
            out.append((base + tone).encode("cp1258"))
    return b"".join(out)


# ---------------------------------------------------------------------------------- discover

def test_discover_takes_text_and_html_files_sorted_by_name(tmp_path):
    for name in ["b.txt", "a.html", "c.htm", "d.text", "e", "bài báo số 1.txt",
                 ".hidden.txt", "README.md", "README", "readme.txt", "photo.jpg", "notes.md"]:
        write(tmp_path, name, "x")
    (tmp_path / "sub.txt").mkdir()
    names = [p.name for p in discover(tmp_path)]
    assert names == ["a.html", "b.txt", "bài báo số 1.txt", "c.htm", "d.text", "e"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing", "does not exist"),
    (lambda p: write(p, "file.txt", "x"), "is not a directory"),
    (lambda p: write(p, "README.md", "x").parent, "holds no input files"),
])
def test_discover_explains_an_unusable_folder(tmp_path, make, message):
    folder = make(tmp_path)
    with pytest.raises(SeedsError, match=message) as err:
        discover(folder)
    assert str(folder) in str(err.value)


# -------------------------------------------------------------------------------- article id

def test_article_id_keeps_safe_stems_and_slugs_others():
    assert article_id("000_7525bd6585515489") == "000_7525bd6585515489"
    assert article_id("a.b-c") == "a.b-c"
    digest = hashlib.sha256("bài báo số 1".encode()).hexdigest()[:8]
    assert article_id("bài báo số 1") == f"bai-bao-so-1-{digest}"
    assert article_id("Đà Nẵng").startswith("da-nang-")
    assert article_id("???").startswith("article-")


def test_article_ids_of_similar_names_differ_and_ignore_nfd():
    assert article_id("Bài 1") != article_id("bai 1")
    assert article_id(unicodedata.normalize("NFD", "bài báo")) == article_id("bài báo")


# ----------------------------------------------------------------------------- reading, ok

def test_plain_utf8_is_kept_exactly(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    rec = read_input(write(seeds, "000_x.txt", VI), root=tmp_path)
    assert (rec.status, rec.reason, rec.encoding, rec.text) == ("ok", "", "utf-8", VI)
    assert rec.path == "seeds/000_x.txt"
    assert rec.article_id == "000_x"
    assert rec.n_bytes == len(VI.encode())
    assert rec.sha256 == hashlib.sha256(VI.encode()).hexdigest()
    assert rec.duplicate_of is None


def test_name_with_spaces_and_vietnamese_letters(tmp_path):
    rec = read_input(write(tmp_path, "bài báo số 1.txt", VI), root=tmp_path)
    assert rec.status == "ok" and rec.text == VI
    assert rec.path == "bài báo số 1.txt"
    assert rec.article_id.startswith("bai-bao-so-1-")


def test_path_outside_root_stays_as_given(tmp_path):
    rec = read_input(write(tmp_path, "a.txt", VI), root=tmp_path / "elsewhere")
    assert rec.path == (tmp_path / "a.txt").as_posix()


def test_line_endings_become_newlines(tmp_path):
    rec = read_bytes(tmp_path, b"m\xe1\xbb\x99t\r\nhai\rba\n")
    assert rec.text == "một\nhai\nba\n"


def test_nfd_text_reads_as_the_nfc_text(tmp_path):
    nfc = read_input(write(tmp_path, "nfc.txt", VI))
    nfd = read_input(write(tmp_path, "nfd.txt", unicodedata.normalize("NFD", VI)))
    assert nfd.status == "ok" and nfd.text == nfc.text == VI
    assert nfd.sha256 != nfc.sha256


def test_utf8_bom_is_stripped(tmp_path):
    rec = read_bytes(tmp_path, codecs.BOM_UTF8 + VI.encode())
    assert (rec.status, rec.encoding, rec.text) == ("ok", "utf-8-sig", VI)


@pytest.mark.parametrize("codec, bom, encoding", [
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32"),
])
def test_utf16_with_bom_is_decoded(tmp_path, codec, bom, encoding):
    rec = read_bytes(tmp_path, bom + VI.encode(codec))
    assert (rec.status, rec.encoding, rec.text) == ("ok", encoding, VI)


def test_windows_1258_vietnamese_is_decoded_and_composed(tmp_path):
    data = to_cp1258(VI)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\xf2" in data          # a combining dot below: really the Windows spelling
    rec = read_bytes(tmp_path, data)
    assert (rec.status, rec.encoding, rec.text) == ("ok", "cp1258", VI)
    assert "Windows-1258" in rec.reason


# ----------------------------------------------------------------------- reading, not ok

def test_zero_bytes_is_empty(tmp_path):
    rec = read_bytes(tmp_path, b"")
    assert (rec.status, rec.reason, rec.n_bytes) == ("empty", "file is empty (0 bytes)", 0)
    assert rec.sha256 == hashlib.sha256(b"").hexdigest()


def test_whitespace_only_is_empty(tmp_path):
    rec = read_bytes(tmp_path, b" \n\t\r\n \xc2\xa0\n")
    assert (rec.status, rec.reason) == ("empty", "file holds only whitespace")


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image signature"),
    (b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG image signature"),
    (b"GIF89a\x01\0\x01\0", "GIF image signature"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document signature"),
    (b"PK\x03\x04\x14\0\x06\0", "ZIP archive signature"),
    (b"abc\0def", "NUL byte at offset 3"),
])
def test_binary_files_are_unreadable(tmp_path, data, kind):
    rec = read_bytes(tmp_path, data)
    assert (rec.status, rec.reason) == ("unreadable", f"binary file ({kind}), not text")
    assert rec.text is None and rec.n_bytes == len(data)


def test_nul_after_the_first_8_kib_is_not_binary(tmp_path):
    rec = read_bytes(tmp_path, b"a" * 9000 + b"\0")
    assert rec.status == "ok"


def test_invalid_utf8_names_the_first_bad_byte(tmp_path):
    data = b"plain English text. " * 60 + b"\xff rest"
    rec = read_bytes(tmp_path, data)
    assert rec.status == "unreadable" and rec.text is None
    assert rec.reason == ("not valid UTF-8 (first bad byte 0xff at offset 1200) "
                          "and not recognisable as Windows-1258 Vietnamese")


def test_utf8_with_one_broken_byte_is_not_taken_for_windows_1258(tmp_path):
    # Read as Windows-1258, the intact UTF-8 turns into mojibake ("Viá»‡t"): rejected.
    data = bytearray(VI.encode())
    data[100] = 0xFF
    rec = read_bytes(tmp_path, bytes(data))
    assert rec.status == "unreadable"
    assert "first bad byte 0xff at offset 100" in rec.reason


def test_latin1_german_is_not_taken_for_vietnamese(tmp_path):
    rec = read_bytes(tmp_path, "Größere Übermäßige Straßenbahn öffnet".encode("latin-1"))
    assert rec.status == "unreadable"
    assert "not recognisable as Windows-1258 Vietnamese" in rec.reason


def test_utf8_bom_then_bad_byte_gives_the_offset_in_the_file(tmp_path):
    rec = read_bytes(tmp_path, codecs.BOM_UTF8 + b"abc\xffd")
    assert (rec.status, rec.reason) == (
        "unreadable", "starts with a UTF-8 byte-order mark but is not valid UTF-8 "
                      "(invalid start byte at offset 6)")


def test_broken_utf16_is_unreadable(tmp_path):
    rec = read_bytes(tmp_path, codecs.BOM_UTF16_LE + b"a\0b")
    assert rec.status == "unreadable"
    assert rec.reason.startswith("starts with a UTF-16 byte-order mark but is not valid UTF-16")


def test_missing_file_is_unreadable_not_an_exception(tmp_path):
    rec = read_input(tmp_path / "gone.txt")
    assert rec.status == "unreadable"
    assert rec.reason == "cannot read file: No such file or directory"


def test_size_limit_is_a_parameter(tmp_path):
    assert read_bytes(tmp_path, b"x" * 10, max_bytes=10).status == "ok"
    rec = read_bytes(tmp_path, b"x" * 11, max_bytes=10)
    assert (rec.status, rec.reason) == (
        "unreadable", "file is 11 bytes, over the 10-byte limit for one article")


def test_huge_file_is_refused_without_loading_it(tmp_path):
    path = tmp_path / "huge.txt"
    size = 50 * 1024 * 1024
    with open(path, "wb") as f:         # sparse: instant to create, reads as zeros
        f.truncate(size)
    tracemalloc.start()
    try:
        rec = read_input(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rec.status == "unreadable" and rec.text is None
    assert rec.reason == ("file is 52,428,800 bytes, "
                          "over the 5,000,000-byte limit for one article")
    assert rec.n_bytes == size
    zeros, expected = bytes(1 << 20), hashlib.sha256()
    for _ in range(50):
        expected.update(zeros)
    assert rec.sha256 == expected.hexdigest()
    assert peak < 4 * 1024 * 1024       # one chunk at a time, never the 50 MB


# --------------------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Hội nghị &amp; hợp tác</title>
<style>p { color: red }</style><script>var s = "<p>not text</p>";</script></head>
<body><header><a href="/">Trang chủ</a></header><nav><ul><li>Thời sự</li></ul></nav>
<article><header><h1>Hội nghị lần thứ 8</h1><time>Chiều 1/12</time></header>
<p>Đoàn   đại biểu
   sang thăm &ndash; làm việc.</p>
<p>Dòng một<br>dòng hai&nbsp;Vi&#7879;t</p><aside>Quảng cáo</aside></article>
<footer>Bản quyền</footer></body></html>
"""


def test_web_page_becomes_text(tmp_path):
    rec = read_bytes(tmp_path, PAGE.encode(), name="page.html")
    assert (rec.status, rec.reason, rec.encoding) == ("ok", "html converted to text", "utf-8")
    assert rec.text == ("Hội nghị & hợp tác\n\nHội nghị lần thứ 8\n\nChiều 1/12\n\n"
                        "Đoàn đại biểu sang thăm – làm việc.\n\nDòng một\ndòng hai\xa0Việt")


def test_title_is_not_repeated_when_the_heading_says_it():
    html = "<html><title>Tin  mới</title><body><h1>Tin mới</h1><p>Nội dung</p></body></html>"
    assert html_to_text(html) == "Tin mới\n\nNội dung"


def test_many_tags_without_doctype_is_html(tmp_path):
    rec = read_bytes(tmp_path, ("<div><p>Đoạn</p></div>" * 5).encode())
    assert rec.reason == "html converted to text"
    assert rec.text == "\n\n".join(["Đoạn"] * 5)


def test_text_mentioning_a_tag_stays_text(tmp_path):
    text = "Dùng thẻ <b> để in đậm, và 3 < 5.\n"
    assert read_bytes(tmp_path, text.encode()).text == text


def test_page_with_only_scripts_is_empty(tmp_path):
    rec = read_bytes(tmp_path, b"<html><script>x()</script></html>")
    assert (rec.status, rec.reason) == ("empty",
                                        "web page holds no text once the markup is removed")


# ---------------------------------------------------------------------------------- read_all

def test_read_all_marks_later_twins_as_duplicates(tmp_path):
    a = write(tmp_path, "a.txt", VI)
    b = write(tmp_path, "b.txt", VI)                                    # same bytes
    c = write(tmp_path, "c.txt", unicodedata.normalize("NFD", VI).replace("\n", "\r\n  "))
    d = write(tmp_path, "d.txt", VI + "Thêm một câu.\n")               # different
    e1, e2 = write(tmp_path, "e1.txt", b""), write(tmp_path, "e2.txt", b"")
    seen = []
    recs = read_all([e2, d, c, b, a, e1], root=tmp_path,
                    progress=lambda i, n, p: seen.append((i, n, p.name)))
    got = {r.article_id: (r.status, r.duplicate_of, r.reason) for r in recs}
    assert got["a"] == ("ok", None, "")
    assert got["b"] == ("duplicate", "a", "same text as a (byte-identical)")
    assert got["c"] == ("duplicate", "a", "same text as a")
    assert got["d"][0] == "ok"
    assert got["e1"][0] == got["e2"][0] == "empty"
    assert [r.article_id for r in recs] == ["e2", "d", "c", "b", "a", "e1"]   # input order
    assert seen == [(i, 6, n) for i, n in enumerate(
        ["e2.txt", "d.txt", "c.txt", "b.txt", "a.txt", "e1.txt"], 1)]


def test_read_all_keeps_ids_unique_when_stems_clash(tmp_path):
    recs = read_all([write(tmp_path, "a.txt", "một"), write(tmp_path, "a.html", "<p>hai</p>")])
    txt, html = [r.article_id for r in recs]
    assert html == "a"                  # a.html comes first by name and keeps the stem
    assert txt.startswith("a-") and txt != html


# ---------------------------------------------------------------------------------- property

PREFIXES = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
            codecs.BOM_UTF32_LE, b"<html>", b"\x89PNG\r\n\x1a\n", b"%PDF-", b"PK\x03\x04"]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.tuples(st.sampled_from(PREFIXES), st.binary(max_size=3000))
       .map(lambda t: t[0] + t[1]))
def test_random_bytes_never_raise(tmp_path, data):
    rec = read_bytes(tmp_path, data, max_bytes=2500)
    assert rec.status in STATUSES
    assert (rec.text is None) == (rec.status == "unreadable")


# NUL and "<" are excluded on purpose: they make a text binary or HTML by design.
_CHARS = st.one_of(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00<"),
    st.sampled_from(list("ệẫĐđ\u0301\u0323\u0309 \r\n\t")),
)
_MAGIC_TEXT = ("%PDF-", "GIF87a", "GIF89a", "PK\x03\x04", "PK\x05\x06", "\ufeff")


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(_CHARS, max_size=400).filter(lambda s: not s.startswith(_MAGIC_TEXT)))
def test_utf8_text_reads_back_as_nfc(tmp_path, text):
    rec = read_bytes(tmp_path, text.encode("utf-8"))
    expected = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    assert rec.status == ("ok" if expected.strip() else "empty")
    assert rec.encoding == ("utf-8" if text else None)
    assert rec.text == expected


def test_reading_in_two_processes_gives_the_same_records(tmp_path, monkeypatch):
    """Files of every kind (ok, empty, binary, Windows-1258, HTML, twins, same stem) read by two
    processes give the records one process gives, in the same order."""
    from builder import reading
    from builder.reading import discover, read_all

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    kinds = {"ok.txt": VI.encode("utf-8"), "empty.txt": b"", "photo.txt": b"\x89PNG\r\n\x1a\n....",
             "win.txt": VI.encode("cp1258", errors="replace"), "page.html": f"<p>{VI}</p>".encode("utf-8"),
             "page.txt": VI.encode("utf-8")}
    for i in range(12):
        for name, data in kinds.items():
            stem, suffix = name.split(".")
            write(seeds, f"{stem}{i % 6}.{suffix}", data + (str(i % 4).encode() if data else b""))
    paths = discover(seeds)
    one = read_all(paths, root=tmp_path, jobs=1)
    monkeypatch.setattr(reading, "READ_MIN_PER_PROCESS", 2)
    seen = []
    two = read_all(paths, root=tmp_path, jobs=2, progress=lambda i, n, p: seen.append((i, p.name)))
    assert [vars(r) for r in two] == [vars(r) for r in one]
    assert {r.status for r in one} >= {"ok", "empty", "unreadable", "duplicate"}
    assert seen == [(i, p.name) for i, p in enumerate(paths, 1)]


def test_discover_gives_the_name_order_read_all_would_settle(tmp_path):
    """`discover` sorts the names (NFC first, then as written) and the build tells `read_all` the
    paths are in that order; it must be the order `read_all` works out itself."""
    names = ["b.txt", "a.html", "a.txt", unicodedata.normalize("NFD", "bài.txt"), "bài.txt", "Z.txt",
             "bai.txt", "a b.txt", "10.txt", "9.txt", unicodedata.normalize("NFD", "ấp.txt")]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(f"Bài số {i} về hợp tác an ninh.", encoding="utf-8")
    found = discover(tmp_path)
    assert [p.name for p in found] == [p.name for p in sorted(found, key=reading._name_key)]
    assert sorted(map(str, found)) != [str(p) for p in found]          # not code-point order (NFD "ấp")
    settled = read_all(list(reversed(found)), root=tmp_path)
    told = read_all(found, root=tmp_path, in_name_order=True)
    by_path = lambda recs: sorted((r.path, r.article_id, r.status, r.duplicate_of) for r in recs)  # noqa: E731
    assert by_path(settled) == by_path(told)

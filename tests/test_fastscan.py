"""`Scan` is a shortcut, never a different rule: on every test article, and on texts made to trip
it (capitals, folds that str.lower() does not make, cue words at the edges of a span), it finds
exactly what `re` finds."""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import builder
from builder.cleaning import match_form
from builder.fastscan import Scan, literal_beginnings

REPO = Path(__file__).resolve().parent.parent


def _all_scans() -> list[tuple[str, Scan]]:
    """Every Scan the builder's modules hold, alone or in a table of rules."""
    found = []
    for info in pkgutil.iter_modules(builder.__path__):
        if info.name == "__main__":
            continue
        module = importlib.import_module(f"builder.{info.name}")
        for name, value in vars(module).items():
            items = value if isinstance(value, (list, tuple)) else [value]
            for i, item in enumerate(items):
                for part in (item if isinstance(item, tuple) else (item,)):
                    if isinstance(part, Scan):
                        found.append((f"{info.name}.{name}[{i}]", part))
    return found


SCANS = _all_scans()
TRICKY = [
    "TIẾP ĐOÀN ngày 14/3/2036; Hội Đàm với Sở Công an; HỘI NGHỊ lần thứ 5 đã diễn ra.",
    "ſáng 14/3, Kelvin \u212a, İstanbul tiếp đoàn. Chiều nay (14/3/2036) hai bên hội đàm.",
    "tiếp",
    "hội đàm",
    "12/3/2035",
    "",
    "Từ ngày 3 đến 6-11-2031 và từ 28/12 đến 2/1, tháng 10-2018, năm ngoái, hai năm qua.",
]


def _texts() -> list[str]:
    folders = [REPO / "seeds", *(p for p in (REPO / "tests" / "fixtures").iterdir() if p.is_dir())]
    texts = [match_form(p.read_text(encoding="utf-8", errors="replace"))
             for folder in folders for p in sorted(folder.glob("*.txt"))]
    return texts + TRICKY


def _found(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def _every_match(rx, text):
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        pos = m.start() + 1
        yield m


def test_the_builder_uses_scans_that_have_beginnings():
    assert len(SCANS) >= 10
    # most rules must get the shortcut, or it is not doing its job
    assert sum(s.beginnings is not None for _, s in SCANS) >= len(SCANS) - 3


@pytest.mark.parametrize("name,scan", SCANS, ids=[n for n, _ in SCANS])
def test_scan_finds_what_re_finds(name, scan):
    for text in _texts():
        assert _found(scan.finditer(text)) == _found(scan.rx.finditer(text)), name
        assert _found(scan.every_match(text)) == _found(_every_match(scan.rx, text)), name
        # spans inside the text, as the rules search one sentence at a time
        for start in range(0, len(text), 97):
            end = min(len(text), start + 180)
            assert _found(scan.finditer(text, start, end)) == _found(scan.rx.finditer(text, start, end)), name
            a, b = scan.search(text, start, end), scan.rx.search(text, start, end)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), name


def test_beginnings_are_read_from_the_pattern():
    assert literal_beginnings(re.compile(r"(?<!kết quả )\bhội đàm\b|\btiếp\b", re.I)) == {"hội đà", "tiếp"}
    assert literal_beginnings(re.compile(r"(?:từ\s+)?[0-9]+")) == {"từ", *"0123456789"}
    # a match that may begin with any letter has no shortcut
    assert literal_beginnings(re.compile(r"\w+ hội đàm")) is None
    assert literal_beginnings(re.compile(r"(?:tiếp)?")) is None
    # a flag set inside a group could make the beginnings caseless: no shortcut
    assert literal_beginnings(re.compile(r"(?i:tiếp)")) is None


def test_caseless_scan_matches_capitals_and_special_folds():
    scan = Scan(re.compile(r"\bsáng\b", re.I))
    assert [m.group() for m in scan.finditer("SÁNG nay, ſáng mai")] == ["SÁNG", "ſáng"]
    assert [m.group() for m in scan.finditer("Sáng nay")] == ["Sáng"]


def test_fold_by_table_equals_fold_of_the_decomposed_text():
    import random
    import unicodedata

    from builder.cleaning import fold

    def plain(text: str) -> str:
        text = text.replace("đ", "d").replace("Đ", "D")
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()

    rng = random.Random(7)
    samples = _texts() + ["e\u0302\u0301 Hoà Thuỷ Đặng", "x\U0001D165y Ấ"] + [
        "".join(chr(rng.randrange(0x20, 0xD000)) for _ in range(40)) for _ in range(500)]
    for text in samples:
        assert fold(text) == plain(text)


def test_same_day_equals_the_one_pattern_it_splits():
    from builder.meetings import _same_day

    one = re.compile(r"^\W*(?:cũng\s+)?(?:(?:sáng|trưa|chiều|tối|đêm)\s+cùng ngày|cùng ngày|buổi\s+(?:sáng|trưa|chiều|tối)|"
                     r"trong ngày|ngay sau đó|sau đó|tiếp đó|(?:ngay\s+)?sau\s+(?:(?:buổi\s+)?lễ(?:\s+\w+){1,2}|hội đàm|"
                     r"hội nghị|buổi tiếp|buổi hội đàm))\b|\b(?:sáng|trưa|chiều|tối|đêm)\s+cùng ngày\b", re.I)
    texts = _texts() + ["Chiều cùng ngày, hai bên hội đàm.", "xSáng cùng ngày", "Họ họp. CHIỀU CÙNG NGÀY, đoàn",
                        "Sau đó, đoàn đến", "tối\u00a0cùng ngày", "ĐÊM cùng ngàyx"]
    for text in texts:
        for s in range(0, len(text), 11):
            for e in {len(text), min(len(text), s + 90)}:
                assert _same_day(text, s, e) == bool(one.search(text[s:e])), (text[:60], s, e)

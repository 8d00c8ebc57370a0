"""Text normal forms used for matching and merging."""
from __future__ import annotations

import random
import unicodedata

from builder.cleaning import fold, name_key


def _fold_plainly(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def test_fold_one_character_at_a_time_equals_folding_the_decomposed_text():
    rng = random.Random(11)
    alphabet = [chr(c) for c in range(0x20, 0x3000)] + [chr(c) for c in range(0xAC00, 0xAC40)] + ["\U0001F600"]
    vietnamese = "Bộ Công an Việt Nam Trung Quốc Uỷ Ủy hoà hòa Đặng ĐỖ đường Nguyễn Thị Hằng "
    texts = [vietnamese, "".join(alphabet), "e\u0301\u0323 a\u0323\u0302 Đ\u0300"]
    for _ in range(500):
        texts.append("".join(rng.choice(alphabet + list(vietnamese)) for _ in range(rng.randint(0, 40))))
    for text in texts:
        assert fold(text) == _fold_plainly(text), text


def test_name_key_ignores_case_spacing_and_tone_placement():
    assert name_key("Uỷ  ban") == name_key("ủy ban")
    assert name_key("Lê Văn Thanh") != name_key("Lê Văn Thành")


def test_a_link_to_another_story_is_not_body():
    from builder.cleaning import segment
    text = ("Sáng 11/4, Bộ trưởng A hội đàm với Bộ trưởng B.\n"
            ">> Thủ tướng Chính phủ Lâm Văn Tùng tiếp Đại sứ Singapore chào từ biệt\n"
            "» Công an tỉnh X triệt phá đường dây ma túy\n")
    assert [p.kind for p in segment(text)] == ["body", "related", "related"]


def test_the_synthetic_marker_line_of_a_test_article_is_no_text():
    from builder.cleaning import segment
    text = "SYNTHETIC — a fictional page: the minister 'tiếp' a delegation; no real event.\nChiều 3/4, tại Hà Nội, …\n"
    kinds = [p.kind for p in segment(text)]
    assert kinds == ["meta", "body"]
    assert [p.kind for p in segment("Synthetic fibres in the news\n")] == ["body"]

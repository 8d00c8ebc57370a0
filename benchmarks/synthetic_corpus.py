"""Synthetic news archive for the scale benchmark: fictional meetings (years 2034–2040), each
reported by several outlets in different words, date forms and page furniture, some undated.

`generate(n, seed)` returns (articles, planted): articles as {name: text}, and the planted
events, each with the kind, the day and the two leading officials, to count events found against
events planted. Every name is invented; no real person or meeting is described.
"""
from __future__ import annotations

import datetime as dt
import random

VN_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Lý",
               "Hồ", "Đinh", "Tòng", "Lò", "Sầm", "Nông"]
VN_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thành", "Ngọc"]
VN_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Khánh", "Long", "Phong", "Quân", "Sơn", "Thắng", "Vĩnh",
            "Tuấn", "Hào", "Lực", "Toàn", "Kiên", "Trung", "Hiếu", "Nam"]
CN_SURNAMES = ["Vương", "Lưu", "Trương", "Triệu", "Tôn", "Mạc", "Bạch", "Tạ", "Chu", "Đường", "Lục", "Hạ"]
CN_GIVEN = ["Vân Long", "Chính Đông", "Thế Xương", "Vỹ Hoa", "Kiến Quốc", "Minh Khải", "Học Văn", "Chí Cường",
            "Hải Ba", "Quốc Đống", "Gia Huy", "Tuấn Kiệt", "Bằng Phi", "Văn Đào"]
VN_RANKS = ["Đại tá", "Thượng tá", "Thiếu tướng"]
BORDER = [("Lào Cai", "Vân Nam"), ("Lai Châu", "Vân Nam"), ("Hà Giang", "Vân Nam"), ("Điện Biên", "Vân Nam"),
          ("Cao Bằng", "Quảng Tây"), ("Lạng Sơn", "Quảng Tây"), ("Quảng Ninh", "Quảng Tây")]
OUTLETS = [("CAND", "(CAND) - "), ("ANTĐ", "(ANTĐ) - "), ("VOV", "VOV.VN - "), ("TTXVN", "(TTXVN) - "),
           ("PLO", "(PLO)- "), ("", "")]
TOPICS = ["phòng, chống mua bán người", "phòng, chống tội phạm ma tuý", "quản lý xuất nhập cảnh",
          "truy bắt đối tượng truy nã", "phòng, chống tội phạm công nghệ cao"]
NOISE = ["Thẻ: biên giới, hợp tác, công an", "Chia sẻ: Facebook | Zalo | Sao chép liên kết",
         "Bình luận (2)\nTrần Văn Phúc: Tự hào lực lượng công an!", "Xem thêm: Tuần tra song phương trên biên giới",
         "Ảnh: Quang cảnh buổi làm việc."]


def _name(rng, surnames, middles, givens) -> str:
    return f"{rng.choice(surnames)} {rng.choice(middles)} {rng.choice(givens)}" if middles else \
        f"{rng.choice(surnames)} {rng.choice(givens)}"


def _date_forms(d: dt.date, rng) -> tuple[str, str]:
    """(lead phrase, publication line) in one of the forms Vietnamese outlets use."""
    form = rng.randrange(5)
    line = f"Thứ Hai, 14:20, {d:%d/%m/%Y}" if form % 2 else f"Cập nhật: {d:%d.%m.%Y} | Lượt xem: {rng.randrange(100, 5000)}"
    lead = [f"Ngày {d.day}/{d.month}/{d.year}", f"Sáng {d.day}-{d.month}-{d.year}",
            f"Ngày {d.day} tháng {d.month} năm {d.year}", f"Chiều {d.day}/{d.month}", f"Ngày {d.day}-{d.month}"][form]
    return lead, line


def _reception(e, lead, rng) -> str:
    return (f"{lead}, tại trụ sở Công an tỉnh {e['vn_prov']}, {e['vn_rank']} {e['vn']}, Giám đốc Công an tỉnh "
            f"đã hội kiến Đoàn công tác Sở Công an tỉnh {e['cn_prov']} (Trung Quốc) do ông {e['cn']}, "
            f"Phó Giám đốc Sở làm Trưởng đoàn. Cùng dự có Thượng tá {e['vn2']}, Phó Giám đốc Công an tỉnh.")


def _talks(e, lead, rng) -> str:
    return (f"{lead}, tại Nhà hội đàm Cửa khẩu quốc tế, Đoàn công tác Công an tỉnh {e['vn_prov']} do "
            f"{e['vn_rank']} {e['vn']}, Giám đốc Công an tỉnh làm Trưởng đoàn đã hội đàm định kỳ năm "
            f"{e['date'].year} với Đoàn công tác Sở Công an tỉnh {e['cn_prov']}, Trung Quốc do ông {e['cn']}, "
            f"Phó Giám đốc Sở làm Trưởng đoàn.")


TEMPLATES = {"reception": _reception, "talks": _talks}
HEADLINES = {"reception": "Công an {vn_prov} hội kiến Đoàn công tác Sở Công an tỉnh {cn_prov}",
             "talks": "Hội đàm giữa Công an tỉnh {vn_prov} và Sở Công an tỉnh {cn_prov}"}


def plant(n_events: int, rng) -> list[dict]:
    events, used = [], set()
    while len(events) < n_events:
        vn_prov, cn_prov = rng.choice(BORDER)
        vn = _name(rng, VN_SURNAMES, VN_MIDDLE, VN_GIVEN)
        cn = _name(rng, CN_SURNAMES, None, CN_GIVEN)
        day = dt.date(2034, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
        kind = rng.choice(sorted(TEMPLATES))
        if (vn, cn, kind) in used:       # one meeting per pair and kind, so an undated report is unambiguous
            continue
        used.add((vn, cn, kind))
        events.append({"kind": kind, "date": day, "vn": vn, "cn": cn, "vn_prov": vn_prov, "cn_prov": cn_prov,
                       "vn_rank": rng.choice(VN_RANKS), "vn2": _name(rng, VN_SURNAMES, VN_MIDDLE, VN_GIVEN),
                       "documents": rng.random() < 0.4})
    return events


def report(e: dict, outlet: int, rng) -> str:
    """One outlet's article about the planted event `e`."""
    tag, lead_tag = OUTLETS[outlet % len(OUTLETS)]
    lead, line = _date_forms(e["date"], rng)
    undated = outlet > 0 and rng.random() < 0.15      # a later outlet may leave the date out
    parts = [HEADLINES[e["kind"]].format(**e)]
    if not undated:
        parts.append(line)
    body = TEMPLATES[e["kind"]](e, "Mới đây" if undated else lead, rng)
    parts.append(lead_tag + body)
    topic = rng.sample(TOPICS, 2)
    parts.append(f"Tại buổi làm việc, hai bên thông báo tình hình an ninh, trật tự khu vực biên giới và thống nhất "
                 f"tăng cường hợp tác {topic[0]}, {topic[1]}.")
    if e["documents"]:
        parts.append("Kết thúc buổi làm việc, hai bên đã ký Biên bản ghi nhớ về hợp tác phòng, chống tội phạm.")
    if tag:
        parts.append(f"Theo {tag}")
    parts.extend(rng.sample(NOISE, rng.randrange(0, 3)))
    return "\n\n".join(parts) + "\n"


def generate(n_articles: int, seed: int = 2034) -> tuple[dict[str, str], list[dict]]:
    rng = random.Random(seed)
    events = plant(max(1, n_articles // 3), rng)
    articles: dict[str, str] = {}
    i = 0
    while len(articles) < n_articles:
        e = events[i % len(events)]
        outlet = i // len(events)
        articles[f"a{len(articles):06d}"] = report(e, outlet, rng)
        i += 1
    return articles, events

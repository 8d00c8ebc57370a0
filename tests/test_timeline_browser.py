"""The timeline in a real browser (Debian chromium, driven by Playwright), with the network blocked.

Without /usr/bin/chromium (or Playwright) this module skips on a developer machine and fails
when the CI environment variable is set: CI must not pass by skipping.
Screenshots go to tests/artifacts/timeline.png (1366×768) and timeline_phone.png (390×844).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.timeline import DIV_ID, LANES, write_timeline

from .timeline_fixture import dated_event_ids, timeline_tables, undated_titles

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
MAIN_POINTS = ".cartesianlayer .subplot.xy .scatterlayer .point"     # not the range slider's copies


def unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run the browser tests", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or not os.access(CHROMIUM, os.X_OK):
        unavailable(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright (python) is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def tables():
    return timeline_tables()


@pytest.fixture(scope="module")
def page_file(tables, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("timeline") / "timeline.html"
    write_timeline(tables, path)
    return path


class Page:
    """A page opened offline, with its console errors, page errors and refused requests."""

    def __init__(self, browser, path: Path, width: int, height: int):
        self.context = browser.new_context(viewport={"width": width, "height": height},
                                           offline=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector(f"#{DIV_ID}[data-timeline-ready='1']", timeout=30_000)
        self.page.wait_for_function(f"document.querySelectorAll('{MAIN_POINTS}').length > 0")

    def _route(self, route):
        url = route.request.url
        if url.startswith("file://") or url.startswith("data:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def js(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def point_ids(self) -> list[str]:
        return self.js(f"() => Array.from(document.querySelectorAll('{MAIN_POINTS}')).map(el => el.__data__.data)")

    def box(self, selector: str) -> dict | None:
        return self.js("""(sel) => { const el = document.querySelector(sel);
            if (!el) return null; const r = el.getBoundingClientRect();
            return {x: r.left, y: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height}; }""",
                       selector)

    def plot_area(self) -> dict:
        return self.js(f"""() => {{ const gd = document.getElementById('{DIV_ID}');
            const s = gd._fullLayout._size; const r = gd.getBoundingClientRect();
            return {{x: r.left + s.l, y: r.top + s.t, right: r.left + s.l + s.w, bottom: r.top + s.t + s.h}}; }}""")

    def close(self):
        self.context.close()


@pytest.fixture(params=[("desktop", 1366, 768), ("phone", 390, 844)], ids=lambda p: p[0])
def opened(request, browser, page_file):
    name, width, height = request.param
    page = Page(browser, page_file, width, height)
    page.name = name
    yield page
    page.close()


def overlaps(a: dict, b: dict, tolerance: float = 1.0) -> bool:
    return (a["x"] < b["right"] - tolerance and b["x"] < a["right"] - tolerance
            and a["y"] < b["bottom"] - tolerance and b["y"] < a["bottom"] - tolerance)


def test_draws_every_dated_event_once_offline_without_errors(opened, tables):
    ids = opened.point_ids()
    assert sorted(ids) == dated_event_ids(tables)
    assert len(ids) == len(dated_event_ids(tables))
    assert opened.errors == []
    assert opened.blocked == []
    # every marker lies inside the plot area, so every dated event is visible
    area = opened.plot_area()
    centres = opened.js(f"""() => Array.from(document.querySelectorAll('{MAIN_POINTS}')).map(el => {{
        const r = el.getBoundingClientRect(); return [el.__data__.data, r.left + r.width / 2, r.top + r.height / 2]; }})""")
    for event_id, x, y in centres:
        assert area["x"] <= x <= area["right"] and area["y"] <= y <= area["bottom"], event_id


def test_undated_box_lists_the_undated(opened, tables):
    text = opened.js("""() => Array.from(document.querySelectorAll('.annotation-text'))
        .map(el => el.textContent).join('\\n')""")
    titles = undated_titles(tables)
    assert f"Undated ({len(titles)})" in text
    flat = " ".join(text.split())
    for title in titles:
        assert " ".join(title.split()) in flat or title[:30] in flat, title


def test_hover_shows_participants(opened):
    target = "evt-2023-09-crime-prevention-conference-8"
    index = opened.point_ids().index(target)
    box = opened.page.locator(MAIN_POINTS).nth(index).bounding_box()
    opened.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    opened.page.wait_for_function("document.querySelector('.hoverlayer .hovertext') !== null", timeout=5_000)
    hover = opened.js("() => document.querySelector('.hoverlayer').textContent")
    assert "Vương Tiểu Hồng" in hover
    assert "Sep 2023" in hover and "8th ministerial conference" in hover
    assert opened.errors == []


def test_layout_is_legible(opened):
    """Title, key, undated box, plot, range slider, note and legend do not overlap and fit the
    window width; on a phone the lane names move into the lanes."""
    page = opened
    width = page.page.viewport_size["width"]
    assert page.js("() => document.documentElement.scrollWidth") <= width
    area = page.plot_area()
    parts = {
        "title": page.box(".g-gtitle"),
        "key": page.box(".annotation[data-index='0']"),
        "note": page.box(".annotation[data-index='1']"),
        "undated": page.box(".annotation[data-index='2']"),
        "legend": page.box(".legend"),
        "slider": page.box(".rangeslider-container"),
        "xtitle": page.box(".g-xtitle"),
        "plot": area,
    }
    for name, box in parts.items():
        assert box is not None, name
        assert box["x"] >= -1 and box["right"] <= width + 1, (name, box)
    names = list(parts)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not overlaps(parts[a], parts[b]), (page.name, a, parts[a], b, parts[b])
    assert parts["legend"]["y"] > parts["slider"]["bottom"]               # legend at the bottom
    lane_labels = page.js("""() => Array.from(document.querySelectorAll('.annotation'))
        .filter(el => Number(el.getAttribute('data-index')) >= 3).length""")
    ticks = page.js("() => document.querySelectorAll('.yaxislayer-above .ytick text').length")
    if page.name == "phone":
        assert lane_labels == len(LANES) and ticks == 0
    else:
        assert ticks == len(LANES) and lane_labels == 0


def test_legend_toggles_a_host(opened, tables):
    events = tables["events"]
    cn = events[(events["host_country"] == "CN") & (events["date_start"] != "")]
    before = len(opened.point_ids())
    opened.page.locator(".legend .traces", has_text="China").first.locator(".legendtoggle").click()
    opened.page.wait_for_function(
        f"document.querySelectorAll('{MAIN_POINTS}').length === {before - len(cn)}", timeout=5_000)
    assert not any(e in cn["event_id"].tolist() for e in opened.point_ids())


def test_screenshots(browser, page_file):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, width, height in (("timeline.png", 1366, 768), ("timeline_phone.png", 390, 844)):
        page = Page(browser, page_file, width, height)
        try:
            page.page.wait_for_timeout(200)
            page.page.screenshot(path=str(ARTIFACTS / name))
            assert page.errors == []
        finally:
            page.close()
        assert (ARTIFACTS / name).stat().st_size > 10_000



def test_missing_browser_skips_here_but_fails_in_ci(monkeypatch):
    """The rule the `browser` fixture follows when chromium is missing (checked without it)."""
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        unavailable("no chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        unavailable("no chromium")

"""The release's static site in headless Chromium, opened from disk with the network blocked: no
console errors, every link and frame resolves to a file of the release, readable at phone width.
Screenshots go to tests/artifacts/site_desktop.png and site_phone.png."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from builder.schema import TABLES

from .test_timeline_browser import ARGS, ARTIFACTS, CHROMIUM, browser, unavailable  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def open_site(browser, release: Path, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
    page = context.new_page()
    errors, blocked = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith(("file://", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()
    context.route("**/*", route)
    page.goto((release / "site" / "index.html").as_uri(), wait_until="load")
    return context, page, errors, blocked


@pytest.mark.parametrize("name,width,height", [("desktop", 1366, 900), ("phone", 390, 844)])
def test_site_renders_offline_and_every_link_resolves(browser, unpacked_release, name, width, height):
    context, page, errors, blocked = open_site(browser, unpacked_release, width, height)
    try:
        # the embedded timeline finishes drawing (its own page marks itself ready)
        frame = page.frame_locator("iframe")
        frame.locator("[data-timeline-ready='1']").wait_for(timeout=30_000)
        links = page.evaluate("""() => [...document.querySelectorAll('a[href], iframe[src]')]
            .map(el => el.href || el.src)""")
        assert len(links) > 2 * len(TABLES)
        ids = set(page.evaluate("() => [...document.querySelectorAll('[id]')].map(el => el.id)"))
        for link in links:
            url = urlparse(link)
            assert url.scheme == "file", link
            target = Path(unquote(url.path))
            assert target.is_file(), link
            assert target.resolve().is_relative_to(unpacked_release.resolve()), link
            if url.fragment and target.name == "index.html":
                assert url.fragment in ids, link
        for t in TABLES:
            assert page.locator(f"a[href='../datapackage/{t.name}.parquet']").count() == 1
            assert page.locator(f"#preview-{t.name}").count() == 1 and page.locator(f"#dict-{t.name}").count() == 1
        # readable at this width: nothing wider than the screen except inside the table scrollers
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than the {width}px screen"
        font = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
        assert font >= 14
        assert errors == [] and blocked == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"site_{name}.png"), full_page=True)
    finally:
        context.close()

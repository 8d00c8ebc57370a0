"""Benchmark the interactive timeline at scale: 1,000 synthetic events.

    .venv/bin/python benchmarks/bench_timeline.py [--events 1000] [--out /tmp/bench_timeline.html]

Prints the time to build the figure and write the HTML, the HTML size, and, in headless Debian
chromium (Playwright), the time from navigation until every dated event's marker is drawn, at
1366×768 and at a 390×844 phone width, and the time a zoom takes to redraw. Prints figures only:
nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from builder.timeline import DIV_ID, build_figure, write_timeline  # noqa: E402
from tests.timeline_fixture import dated_event_ids, synthetic_tables  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
MAIN_POINTS = ".cartesianlayer .subplot.xy .scatterlayer .point"


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def browser_figures(path: Path, n_dated: int) -> list[str]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return ["browser: skipped (playwright not installed)"]
    if not CHROMIUM.exists():
        return [f"browser: skipped ({CHROMIUM} missing)"]
    lines = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for name, width, height in (("1366x768", 1366, 768), ("390x844 phone", 390, 844)):
            runs = []
            for _ in range(3):
                context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
                page = context.new_page()
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                start = time.perf_counter()
                page.goto(path.as_uri(), wait_until="commit")
                page.wait_for_function(
                    f"document.querySelectorAll('{MAIN_POINTS}').length === {n_dated}",
                    timeout=120_000, polling=10)
                drawn = time.perf_counter() - start
                page.wait_for_selector(f"#{DIV_ID}[data-timeline-ready='1']", timeout=120_000)
                ready = time.perf_counter() - start
                zoom_ms = page.evaluate(f"""() => {{ const t0 = performance.now();
                    return Plotly.relayout('{DIV_ID}', {{'xaxis.range': ['2015-01-01', '2017-01-01']}})
                        .then(() => performance.now() - t0); }}""")
                counted = page.evaluate(f"document.querySelectorAll('{MAIN_POINTS}').length")
                runs.append((drawn, ready, zoom_ms, errors))
                context.close()
            drawn = statistics.median(r[0] for r in runs)
            ready = statistics.median(r[1] for r in runs)
            zoom = statistics.median(r[2] for r in runs)
            errors = sum(len(r[3]) for r in runs)
            lines.append(f"browser {name}: {n_dated} points drawn after {drawn:.2f} s "
                         f"(layout settled {ready:.2f} s), zoom to 2 years redraws in {zoom:.0f} ms "
                         f"({counted} points then), page errors: {errors}  [median of 3]")
        browser.close()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    tables = synthetic_tables(args.events)
    n_dated = len(dated_event_ids(tables))
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_timeline_")) / "timeline.html"

    build_s, fig = timed(lambda: build_figure(tables))
    write_s, _ = timed(lambda: write_timeline(tables, out))
    size = out.stat().st_size
    print(f"events: {args.events} ({n_dated} dated, {args.events - n_dated} undated), "
          f"traces: {len(fig.data)}")
    print(f"build_figure: {build_s:.3f} s   write_timeline (build + HTML): {write_s:.3f} s  [median of 3]")
    print(f"HTML: {size:,} bytes ({size / 1e6:.2f} MB, plotly.js embedded) at {out}")
    for line in browser_figures(out, n_dated):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

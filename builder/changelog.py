"""CHANGELOG.md entries written from the data diff: what a release added, removed and corrected,
row by row and field by field, keyed by stable ids, so a reader sees what changed and why a
number moved."""
from __future__ import annotations

from .datadiff import DataDiff, TableDiff

TITLE = "# Changelog\n\nEvery release of the dataset, newest first, with the data diff against the one before.\n"
# The tables a reader follows first; the others come after, in the package's order.
FIRST = ("events", "persons", "participants", "documents")
_MAX_VALUE = 140
_MAX_ROWS = 200          # per list; a rebuild of a large corpus can change thousands of rows
# An edit early in an article moves the character offsets of every later sentence: such rows are
# listed apart, by key only, so the substantive corrections stand out.
OFFSET_FIELDS = frozenset({"char_start", "char_end"})


def substantive(changes) -> list:
    return [c for c in changes if any(f not in OFFSET_FIELDS for f, _, _ in c.fields)]


def offsets_only(changes) -> list:
    return [c for c in changes if all(f in OFFSET_FIELDS for f, _, _ in c.fields)]


def _label(table: str, row: dict[str, str]) -> str:
    """What the row is, in words, beside its key."""
    if table == "events":
        when = row.get("date_start") or "undated"
        return f"{row.get('title_en', '')} ({when}, {row.get('status', '')})"
    if table == "persons":
        return f"{row.get('name_vi', '')} ({row.get('country') or '?'})"
    if table == "participants":
        return f"{row.get('name_vi', '')} as {row.get('role', '')}"
    if table == "documents":
        return f"{row.get('title_vi', '')} ({row.get('doc_type', '')}, signed {row.get('date_signed') or 'undated'})"
    if table == "articles":
        return f"{row.get('publisher') or 'unknown publisher'}, {row.get('published') or 'undated'}, {row.get('status', '')}"
    if table == "event_sources":
        return f"{row.get('mention', '')}: {_short(row.get('evidence', ''), 90)}"
    if table == "topics":
        return _short(row.get("evidence", ""), 90)
    return ""


def _short(value: str, limit: int = _MAX_VALUE) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[:limit - 1] + "…"


def _value(value: str) -> str:
    return f"`{_short(value)}`".replace("``", "") if value else "*(empty)*"


def _pair(a: str, b: str, context: int = 30) -> str:
    """old → new; for long texts only the part that differs, with a little context either side."""
    a, b = " ".join(a.split()), " ".join(b.split())
    if len(a) <= _MAX_VALUE and len(b) <= _MAX_VALUE:
        return f"{_value(a)} → {_value(b)}"
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    lo = max(0, start - context)

    def part(text: str) -> str:
        hi = min(len(text), len(text) - end + context)
        return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
    return f"{_value(part(a))} → {_value(part(b))}"


def _key(table: TableDiff, row_or_key) -> str:
    key = row_or_key if isinstance(row_or_key, tuple) else tuple(row_or_key.get(k, "") for k in table.key)
    return " · ".join(f"`{k}`" for k in key)


def _capped(items: list, render) -> list[str]:
    lines = [render(x) for x in items[:_MAX_ROWS]]
    if len(items) > _MAX_ROWS:
        lines.append(f"- … and {len(items) - _MAX_ROWS} more (see the tables)")
    return lines


def table_section(t: TableDiff) -> list[str]:
    title = t.name.replace("_", " ").capitalize()
    out = [f"### {title}", ""]
    if t.empty:
        return out + ["No change.", ""]
    if t.added:
        out += [f"**Added ({len(t.added)})**", ""]
        out += _capped(t.added, lambda r: f"- {_key(t, r)} — {_label(t.name, r)}".rstrip(" —"))
        out.append("")
    if t.removed:
        out += [f"**Removed ({len(t.removed)})**", ""]
        out += _capped(t.removed, lambda r: f"- {_key(t, r)} — {_label(t.name, r)}".rstrip(" —"))
        out.append("")
    changed, moved = substantive(t.changed), offsets_only(t.changed)
    if changed:
        out += [f"**Changed ({len(changed)})**", ""]

        def change(c) -> str:
            moved_too = any(f in OFFSET_FIELDS for f, _, _ in c.fields)
            lines = [f"- {_key(t, c.key)} — {_label(t.name, c.new)}".rstrip(" —")
                     + (" *(evidence offsets moved too)*" if moved_too else "")]
            lines += [f"  - `{f}`: {_pair(a, b)}" for f, a, b in c.fields if f not in OFFSET_FIELDS]
            return "\n".join(lines)
        out += _capped(changed, change)
        out.append("")
    if moved:
        out += [f"**Evidence offsets moved only ({len(moved)})**: same values, the sentence sits elsewhere in "
                "its edited article.", ""]
        out += _capped(moved, lambda c: f"- {_key(t, c.key)}")
        out.append("")
    return out


def entry(version: str, created: str, diff: DataDiff | None, counts: dict[str, int]) -> str:
    """The changelog section of one release."""
    out = [f"## {version} — {created[:10]}", ""]
    if diff is None:
        out += ["First release. " + ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in counts.items()) + ".", ""]
        return "\n".join(out)
    against = f"release {diff.old_version}" if diff.old_version else f"the package at `{diff.old_origin}`"
    kind = {"major": "Major release: the schema changed (readers may need to adapt).",
            "minor": "Minor release: rows were added, removed or corrected; the schema is unchanged.",
            "patch": "Patch release: the data is unchanged (documentation or metadata only)."}[diff.bump()]
    out += [f"Compared with {against}. {kind}", "",
            "| table | added | removed | changed | offsets moved only | unchanged |", "|---|---:|---:|---:|---:|---:|"]
    for name in _ordered(diff):
        t = diff.tables[name]
        out.append(f"| {name} | {len(t.added)} | {len(t.removed)} | {len(substantive(t.changed))} | "
                   f"{len(offsets_only(t.changed))} | {t.unchanged} |")
    out.append("")
    if diff.schema:
        out += ["### Schema", ""] + [f"- `{c.table}`: {c.what}" for c in diff.schema] + [""]
    for name in _ordered(diff):
        if not diff.tables[name].empty:
            out += table_section(diff.tables[name])
    return "\n".join(out).rstrip() + "\n"


def _ordered(diff: DataDiff) -> list[str]:
    return [t for t in FIRST if t in diff.tables] + [t for t in diff.tables if t not in FIRST]


def prepend(entry_text: str, previous_changelog: str | None) -> str:
    """The whole CHANGELOG.md: title, the new entry, then the older entries unchanged."""
    older = ""
    if previous_changelog and previous_changelog.startswith(TITLE):
        older = previous_changelog[len(TITLE):].lstrip("\n")
    return TITLE + "\n" + entry_text.rstrip() + "\n" + ("\n" + older if older else "")

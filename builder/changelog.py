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
    if t.changed:
        out += [f"**Changed ({len(t.changed)})**", ""]

        def change(c) -> str:
            lines = [f"- {_key(t, c.key)} — {_label(t.name, c.new)}".rstrip(" —")]
            lines += [f"  - `{f}`: {_value(a)} → {_value(b)}" for f, a, b in c.fields]
            return "\n".join(lines)
        out += _capped(t.changed, change)
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
            "| table | added | removed | changed | unchanged |", "|---|---:|---:|---:|---:|"]
    for name in _ordered(diff):
        t = diff.tables[name]
        out.append(f"| {name} | {len(t.added)} | {len(t.removed)} | {len(t.changed)} | {t.unchanged} |")
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

"""The maintainer-edited dataset metadata (`dataset.toml`): title, creators with ORCID, homepage,
description, keywords. Publishing refuses placeholder values, so no release goes out unsigned."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PATH = REPO / "dataset.toml"
PLACEHOLDER_MARKERS = ("example.invalid", "example.com", "example.org", "todo", "tbd", "change me", "xxx")
_ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


class MetadataError(ValueError):
    pass


@dataclass(frozen=True)
class Creator:
    given_names: str
    family_names: str
    orcid: str = ""
    affiliation: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_names}".strip()


@dataclass(frozen=True)
class Metadata:
    name: str
    title: str
    description: str
    homepage: str
    repository: str
    keywords: tuple[str, ...]
    languages: tuple[str, ...]
    creators: tuple[Creator, ...]
    path: Path


def load(path: Path = DEFAULT_PATH) -> Metadata:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise MetadataError(f"{path} is missing: the dataset metadata file (title, creators, homepage)") from e
    except tomllib.TOMLDecodeError as e:
        raise MetadataError(f"{path} is not valid TOML: {e}") from e
    missing = [k for k in ("name", "title", "description", "homepage", "creators") if not data.get(k)]
    if missing:
        raise MetadataError(f"{path}: missing {', '.join(missing)}")
    creators = tuple(Creator(str(c.get("given_names", "")), str(c.get("family_names", "")),
                             str(c.get("orcid", "")), str(c.get("affiliation", ""))) for c in data["creators"])
    return Metadata(data["name"], data["title"], " ".join(data["description"].split()), data["homepage"],
                    data.get("repository", ""), tuple(data.get("keywords", ())),
                    tuple(data.get("languages", ("vi",))), creators, path)


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 MOD 11-2, the check digit ORCID uses; the all-zero placeholder fails it."""
    if not _ORCID.match(orcid):
        return False
    digits = orcid.replace("-", "")
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check)) and digits[:-1] != "0" * 15


def placeholder_problems(meta: Metadata) -> list[str]:
    """Every value a maintainer still has to fill in, each in words."""
    problems = []

    def check(label: str, value: str) -> None:
        low = value.lower()
        hit = next((m for m in PLACEHOLDER_MARKERS if re.search(rf"(^|[^a-z]){re.escape(m)}([^a-z]|$)", low)), None)
        if not value.strip():
            problems.append(f"{label} is empty")
        elif hit:
            problems.append(f"{label} is a placeholder ({value!r})")

    for label in ("title", "description", "homepage"):
        check(label, getattr(meta, label))
    if meta.repository:
        check("repository", meta.repository)
    for i, c in enumerate(meta.creators, 1):
        check(f"creators[{i}].given_names", c.given_names)
        check(f"creators[{i}].family_names", c.family_names)
        if c.affiliation:
            check(f"creators[{i}].affiliation", c.affiliation)
        if c.orcid and not orcid_checksum_ok(c.orcid):
            problems.append(f"creators[{i}].orcid {c.orcid!r} is not a valid ORCID iD (check digit)")
    return problems


def require_publishable(meta: Metadata) -> None:
    problems = placeholder_problems(meta)
    if problems:
        raise MetadataError(f"{meta.path.name} still holds placeholder values; edit it before publishing:\n  - "
                            + "\n  - ".join(problems))

"""The names the project knows: organisations, people, places and institutions.

`scrapedocs/data/lexicon.yml`, extended by a `lexicon.yml` in the project folder.
The project's files reach the stages as bytes (`Project`, from the build's
config), so a worker on another machine reads no file of ours.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"
LEXICON = DATA / "lexicon.yml"


class Project(NamedTuple):
    """The project's own `lexicon.yml` and `topics.yml` as bytes; None where it has none."""

    lexicon: bytes | None = None
    topics: bytes | None = None

    @classmethod
    def of(cls, config) -> Project:
        """The project files a build's config carries (`BuildConfig.project_files`)."""
        if config is None:
            return cls()
        return cls(config.project_bytes("lexicon.yml"), config.project_bytes("topics.yml"))

    def problems(self) -> list[str]:
        """Why a project file is not used, if one cannot be read as a mapping."""
        return [f"{name} ignored: not a YAML mapping" for name, data in (("lexicon.yml", self.lexicon),
                                                                         ("topics.yml", self.topics))
                if data is not None and not isinstance(read_yaml(data), dict)]


def read_yaml(data: bytes | None):
    """The YAML document in `data`, or None when there is none or it does not parse."""
    if not data:
        return None
    try:
        return yaml.safe_load(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return None


@dataclass(frozen=True)
class Lexicon:
    organisations: tuple[str, ...]
    people: tuple[str, ...]
    places: tuple[str, ...]
    institutions: tuple[str, ...]


def _names(data: dict, key: str) -> list[str]:
    return [str(x).strip() for x in data.get(key) or [] if str(x).strip()]


@lru_cache(maxsize=4)
def lexicon(project: bytes | None = None) -> Lexicon:
    """The packaged lexicon, extended by the project's `lexicon.yml` (its bytes) when there is one."""
    found = {"organisations": [], "people": [], "places": [], "institutions": []}
    for data in (read_yaml(LEXICON.read_bytes()), read_yaml(project)):
        if isinstance(data, dict):
            for key, names in found.items():
                names += [n for n in _names(data, key) if n not in names]
    return Lexicon(*(tuple(found[k]) for k in ("organisations", "people", "places", "institutions")))

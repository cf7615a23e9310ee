"""The geoparser's word lists (metonymy verbs, admin cues, non-toponyms), loaded from YAML."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_yaml
from eventwire.errors import KnowledgeError
from eventwire.geo.names import DIRECTIONS, name_key


@dataclass(frozen=True, slots=True)
class GeoLexicon:
    version: str
    metonymy_verbs: dict[str, str]  # lemma -> entry id
    admin_cues: dict[str, str]  # lower-case word -> entry id
    not_toponyms: dict[str, str]  # exact capitalised word -> entry id
    person_like: frozenset[str]  # names of people and brands: not proposed outside entities
    facility_heads: dict[str, str]  # lower-case last/first word of street, building, landmark
    locative_preps: dict[str, str]  # "in", "from": a person-like name right after is a place
    goal_preps: dict[str, str]  # "to": a lone "person" right after that is a town is one
    # the last word of an untagged capitalised run that makes it a street or building
    site_heads: dict[str, str] = dataclasses.field(default_factory=dict)
    site_surnames: frozenset[str] = frozenset()  # not a building inside a PERSON name
    road_codes: tuple[tuple[re.Pattern[str], str], ...] = ()  # whole-token pattern, entry id
    road_followers: frozenset[str] = frozenset()  # "southbound": may follow a road code
    site_metonyms: frozenset[str] = frozenset()  # name keys: "wall street" (finance)
    # participles a place is hyphened to: "US-led" (who acts), "London-based" (where from)
    hyphen_agents: dict[str, str] = dataclasses.field(default_factory=dict)
    hyphen_locations: dict[str, str] = dataclasses.field(default_factory=dict)
    # "the village of X": an unlisted name after one of these and "of" is a place
    settlement_words: dict[str, str] = dataclasses.field(default_factory=dict)
    # "at Whole Foods", "outside Parliament": an organisation after one of these is its premises
    premises_preps: dict[str, str] = dataclasses.field(default_factory=dict)
    # "Bourbon and Dauphine streets", "the corner of State and Hubbard": two streets
    street_pairs: dict[str, str] = dataclasses.field(default_factory=dict)
    # a "person" holding one of these words is an organisation ("Miami Herald")
    organisation_words: dict[str, str] = dataclasses.field(default_factory=dict)
    # "South Side", "Upper East Side": a direction and one of these words name a town quarter
    quarter_words: dict[str, str] = dataclasses.field(default_factory=dict)
    quarter_modifiers: frozenset[str] = frozenset()
    # "Peel Regional Police": a name before one of these is "<name> Region" if listed
    region_words: dict[str, str] = dataclasses.field(default_factory=dict)

    def quarter(self, key: str) -> str | None:
        """The entry id if ``key`` names a quarter of a town ("south side", "upper west
        side"), else ``None``."""
        words = key.split()
        if len(words) < 2 or words[-1] not in self.quarter_words:
            return None
        rest = words[:-1]
        if rest[0] in self.quarter_modifiers:
            rest = rest[1:]
        if len(rest) != 1 or rest[0] not in DIRECTIONS:
            return None
        return self.quarter_words[words[-1]]


def default_lexicon_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "geo" / "lexicon.yaml"))


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> GeoLexicon:
    """Read and validate the geo lexicon (default: the packaged one); cached per path."""
    path = path or default_lexicon_path()
    data: Any = read_yaml(path)  # YAML 1.2 scalars: "on", "no" stay words
    if not isinstance(data, dict) or "version" not in data:
        raise KnowledgeError(f"{path}: the geo lexicon needs a 'version' and entry lists.")
    seen: set[str] = set()

    def table(section: str, field: str, lower: bool) -> dict[str, str]:
        out: dict[str, str] = {}
        for entry in data.get(section) or ():
            if not isinstance(entry, dict) or "id" not in entry or field not in entry:
                raise KnowledgeError(
                    f"{path}: every entry of '{section}' needs an 'id' and '{field}'."
                )
            eid = str(entry["id"])
            if eid in seen:
                raise KnowledgeError(f"{path}: id '{eid}' is used twice. Give it a new id.")
            seen.add(eid)
            for word in entry[field]:
                out.setdefault(str(word).lower() if lower else str(word), eid)
        return out

    return GeoLexicon(
        str(data["version"]),
        table("metonymy_verbs", "lemmas", True),
        table("admin_cues", "words", True),
        table("not_toponyms", "words", False),
        frozenset(table("person_like", "words", False)),
        table("facility_heads", "words", True),
        table("locative_preps", "words", True),
        table("goal_preps", "words", True),
        table("untagged_site_heads", "words", True),
        frozenset(table("site_surnames", "words", True)),
        tuple(
            (_pattern(path, pat), eid)
            for pat, eid in table("road_codes", "patterns", False).items()
        ),
        frozenset(table("road_code_followers", "words", True)),
        frozenset(name_key(w) for w in table("site_metonyms", "words", False)),
        table("hyphen_agents", "words", True),
        table("hyphen_locations", "words", True),
        table("settlement_words", "words", True),
        table("premises_preps", "words", True),
        table("street_pairs", "words", True),
        table("organisation_words", "words", True),
        table("quarter_words", "words", True),
        frozenset(table("quarter_modifiers", "words", True)),
        table("region_words", "words", True),
    )


def _pattern(path: Path, text: str) -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as exc:
        raise KnowledgeError(
            f"{path}: road code pattern '{text}' is not a regular expression ({exc}). Fix it."
        ) from exc

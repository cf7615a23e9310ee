"""The numbers vocabulary (``data/numbers.yaml``): number words, units, vague counts and
lethal words, loaded and validated once."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_yaml
from eventwire.errors import KnowledgeError

_KINDS = frozenset({"unit", "teen", "tens", "hundred", "scale", "dozen", "half"})
_ROLES = frozenset({"object", "subject", "dead", "toll", "count", "none"})


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit and the words that name it: ``5 kilometres`` and ``5 km`` are both "km"."""

    id: str
    unit: str
    what: str  # the `what` of a quantity that names nothing counted ("distance")
    words: tuple[tuple[str, ...], ...]  # lower-case token sequences after the number
    prefixes: tuple[str, ...]  # signs before the number ("$")
    scaled_unit: str | None = None  # unit when a scale word comes along ("5 million pounds")
    of_object: bool = True  # "5 tonnes of X" measures X; "5 km of X" does not


@dataclass(frozen=True, slots=True)
class Phrase:
    """A vague count ("dozens") or an approximator ("at least"): token sequences with an id."""

    id: str
    words: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class LethalWord:
    """A word that reports deaths, and where its dead are (``role``, see numbers.yaml)."""

    id: str
    lemma: str
    pos: str  # VERB, NOUN or ADJ
    role: str
    verbs: tuple[str, ...] = ()  # only as the object of one of these ("claimed 12 lives")


@dataclass(frozen=True, slots=True)
class NumberVocabulary:
    """Everything in ``numbers.yaml``, validated and indexed."""

    version: str
    words: Mapping[str, tuple[str, float, str]]  # word -> (kind, value, id)
    abbreviations: Mapping[str, tuple[float, bool, str]]  # "bn" -> (value, money_only, id)
    vague: tuple[Phrase, ...]
    approximators: tuple[Phrase, ...]
    units: tuple[Unit, ...]
    unit_words: Mapping[tuple[str, ...], Unit]
    unit_prefixes: Mapping[str, Unit]
    lethal: Mapping[tuple[str, str], LethalWord]
    invariant_plurals: frozenset[str]
    time_nouns: frozenset[str]
    time_words: frozenset[str]
    before_not_count: frozenset[str]
    not_count_entities: frozenset[str]
    name_entities: frozenset[str]
    singular_pronouns: frozenset[str]
    zero_words: frozenset[str]
    vague_starts: frozenset[str] = frozenset()  # first words of the vague counts (a fast test)


def default_numbers_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "numbers.yaml"))


@functools.lru_cache(maxsize=4)
def load_numbers(path: Path | None = None) -> NumberVocabulary:
    """Read and validate ``numbers.yaml`` (the shipped one unless ``path`` is given)."""
    path = path or default_numbers_path()
    raw = read_yaml(path)  # libyaml; YAML 1.2 booleans keep the word "no" a word
    if not isinstance(raw, dict) or "version" not in raw:
        raise KnowledgeError(f"{path}: expected a mapping with 'version'; see docs/numbers.md.")
    seen: set[str] = set()

    def entries(key: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
        out = raw.get(key) or []
        for e in out:
            missing = [k for k in ("id", *required) if not isinstance(e, dict) or k not in e]
            if missing:
                raise KnowledgeError(f"{path}: an entry of '{key}' lacks {missing}: {e!r}.")
            if e["id"] in seen:
                raise KnowledgeError(f"{path}: id '{e['id']}' is used twice. Give it a new id.")
            seen.add(e["id"])
        return list(out)

    words: dict[str, tuple[str, float, str]] = {}
    for e in entries("number_words", ("word", "value", "kind")):
        if e["kind"] not in _KINDS:
            raise KnowledgeError(f"{path}: '{e['id']}' has kind '{e['kind']}'; use {_KINDS}.")
        words[str(e["word"]).lower()] = (e["kind"], float(e["value"]), e["id"])
    abbreviations = {
        str(e["text"]).lower(): (float(e["value"]), bool(e.get("money_only")), e["id"])
        for e in entries("scale_abbreviations", ("text", "value"))
    }
    units = tuple(
        Unit(
            e["id"],
            str(e["unit"]),
            str(e["what"]),
            _sequences(e.get("words", ())),
            tuple(str(p) for p in e.get("prefix", ())),
            e.get("scaled_unit"),
            bool(e.get("of_object", True)),
        )
        for e in entries("units", ("unit", "what"))
    )
    lethal: dict[tuple[str, str], LethalWord] = {}
    for e in entries("lethal", ("lemma", "pos", "role")):
        if e["role"] not in _ROLES:
            raise KnowledgeError(f"{path}: '{e['id']}' has role '{e['role']}'; use {_ROLES}.")
        word = LethalWord(e["id"], e["lemma"], e["pos"], e["role"], tuple(e.get("verbs", ())))
        lethal[(word.lemma, word.pos)] = word

    def phrases(key: str) -> tuple[Phrase, ...]:
        return tuple(Phrase(e["id"], _sequences(e["words"])) for e in entries(key, ("words",)))

    def words_of(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    vague = phrases("vague_counts")
    return NumberVocabulary(
        version=str(raw["version"]),
        words=words,
        abbreviations=abbreviations,
        vague=vague,
        approximators=phrases("approximators"),
        units=units,
        unit_words={seq: u for u in units for seq in u.words},
        unit_prefixes={p.lower(): u for u in units for p in u.prefixes},
        lethal=lethal,
        invariant_plurals=words_of("invariant_plurals"),
        time_nouns=words_of("time_nouns"),
        time_words=words_of("time_words"),
        before_not_count=words_of("before_not_count"),
        not_count_entities=frozenset(raw.get("not_count_entities") or ()),
        name_entities=frozenset(raw.get("name_entities") or ()),
        singular_pronouns=words_of("singular_pronouns"),
        zero_words=words_of("zero_words"),
        vague_starts=frozenset(seq[0] for p in vague for seq in p.words if seq),
    )


def _sequences(words: Iterable[Any]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(w).lower().split()) for w in words)


def lethal_lemmas(vocab: NumberVocabulary | None = None) -> frozenset[str]:
    """Lemmas that can report deaths (kill, die, dead, toll, ...), from ``numbers.yaml``."""
    return frozenset(lemma for lemma, _ in (vocab or load_numbers()).lethal)

"""The PLOVER lexicon: trigger words, their event types and modes, loaded from YAML.

The lexicon is data (``data/plover_lexicon.yaml``); this module only reads and validates it.
Each entry names one trigger lemma, as a verb or a noun, with optional constraints (a particle,
a preposition, a set of object lemmas for light verbs such as "hold talks") and says which
PLOVER type and mode it codes. Users extend or override entries by id with their own files.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.datafiles import KnowledgeLoader, load_yaml_text
from eventwire.errors import KnowledgeError
from eventwire.model import Plover

_ENTRY_KEYS = frozenset(
    {
        "id",
        "type",
        "verb",
        "noun",
        "mode",
        "particle",
        "prep",
        "prep_object",
        "object",
        "not_object",
        "target_prep",
        "object_role",
        "standalone",
        "confidence",
        "context",
        "passive_only",
        "complement",
        "subject",
        "not_subject",
        "ccomp_aux",
        "host_source",
        "note",
    }
)
_OBJECT_ROLES = frozenset({"target", "theme", "none"})


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One trigger pattern: ``lemma`` as ``pos`` (verb/noun) codes ``type`` and ``mode``."""

    id: str
    type: Plover
    lemma: str
    pos: str  # "verb" or "noun"
    mode: str | None = None
    particle: str | None = None
    prep: str | None = None  # a preposition the trigger must govern ("protest against")
    prep_objects: tuple[str, ...] = ()  # lemmas the prep's object must have ("came for talks")
    objects: tuple[str, ...] = ()  # object lemmas a light verb needs ("hold" + "talks")
    not_objects: tuple[str, ...] = ()  # object lemmas that cancel this reading
    target_preps: tuple[str, ...] = ()  # prepositions whose object is the target
    object_role: str = "target"  # the direct object is the target, a theme, or neither
    standalone: bool = False  # a noun that is an event on its own ("a bombing in X")
    passive_only: bool = False
    complements: tuple[str, ...] = ()  # xcomp lemmas it needs ("allowed to use")
    subjects: tuple[str, ...] = ()  # subject-phrase lemmas it needs ("aircraft struck")
    not_subjects: tuple[str, ...] = ()  # subject-phrase lemmas that cancel it
    ccomp_aux: tuple[str, ...] = ()  # a clausal complement with one of these auxiliaries:
    # "said Libya must hand over the suspects" (the complement's subject is the target)
    host_source: bool = False  # no source given: the country where it happens is the source
    confidence: float = 1.0
    context: tuple[str, ...] = ()

    @property
    def specificity(self) -> int:
        return sum(
            bool(x)
            for x in (
                self.particle, self.prep, self.objects, self.complements, self.subjects,
                self.ccomp_aux,
            )
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ModeCue:
    """A word near an event that sets its mode: "suicide bomber" makes ASSAULT suicide-attack."""

    id: str
    type: Plover
    mode: str
    lemmas: tuple[str, ...]
    priority: int


@dataclass(frozen=True)
class Lexicon:
    """All entries and mode cues; not slotted because its lookup tables are cached properties."""

    version: str
    entries: tuple[LexiconEntry, ...]
    mode_cues: tuple[ModeCue, ...]
    default_target_preps: Mapping[Plover, tuple[str, ...]]
    cameo: Mapping[Plover, str]
    intended_types: Mapping[Plover, Plover]  # planned cooperation is AGREE (PLOVER manual)
    offered_types: Mapping[Plover, Plover]  # offers of cooperation or yielding are AGREE
    threat_types: frozenset[Plover]  # announced conflict actions are THREATEN
    ultimatum_types: frozenset[Plover]  # conflict actions "unless ..." are THREATEN
    threat_verbs: frozenset[str]
    refused_types: frozenset[Plover]  # cooperation refused or failed is REJECT
    # "a statement condemning X": a participle on one of these is its author's event
    message_nouns: frozenset[str] = frozenset()

    @functools.cached_property
    def by_lemma(self) -> Mapping[tuple[str, str], tuple[LexiconEntry, ...]]:
        table: dict[tuple[str, str], list[LexiconEntry]] = {}
        for entry in self.entries:
            table.setdefault((entry.lemma, entry.pos), []).append(entry)
        return {key: tuple(sorted(v, key=lambda e: -e.specificity)) for key, v in table.items()}

    def lookup(self, lemma: str, pos: str) -> tuple[LexiconEntry, ...]:
        return self.by_lemma.get((lemma, pos), ())

    @functools.cached_property
    def cue_index(self) -> Mapping[str, tuple[ModeCue, ...]]:
        table: dict[str, list[ModeCue]] = {}
        for cue in self.mode_cues:
            for lemma in cue.lemmas:
                table.setdefault(lemma, []).append(cue)
        return {k: tuple(v) for k, v in table.items()}


def default_lexicon_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "plover_lexicon.yaml"))


@functools.lru_cache(maxsize=8)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """Load the shipped lexicon and any user files; a user entry replaces one with its id."""
    base = _read_yaml(default_lexicon_path())
    entries = {e.id: e for e in _entries(base, default_lexicon_path())}
    cues = {c.id: c for c in _cues(base, default_lexicon_path())}
    version = str(base.get("version", "0"))
    for path in extra:
        doc = _read_yaml(path)
        entries.update({e.id: e for e in _entries(doc, path)})
        cues.update({c.id: c for c in _cues(doc, path)})
        version += f"+{path.stem}"
    return Lexicon(
        version=version,
        entries=tuple(entries.values()),
        mode_cues=tuple(cues.values()),
        default_target_preps=_default_preps(base),
        cameo={Plover(k): str(v) for k, v in (base.get("cameo") or {}).items()},
        intended_types=_type_map(base.get("intended_types")),
        offered_types=_type_map(base.get("offered_types")),
        threat_types=frozenset(Plover(str(t).upper()) for t in base.get("threat_types") or ()),
        ultimatum_types=frozenset(
            Plover(str(t).upper()) for t in base.get("ultimatum_types") or ()
        ),
        threat_verbs=frozenset(_words(base.get("threat_verbs"))),
        refused_types=frozenset(Plover(str(t).upper()) for t in base.get("refused_types") or ()),
        message_nouns=frozenset(_words(base.get("message_nouns"))),
    )


def _type_map(raw: Mapping[str, str] | None) -> Mapping[Plover, Plover]:
    return {Plover(k.upper()): Plover(str(v).upper()) for k, v in (raw or {}).items()}


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            doc = load_yaml_text(fh.read())
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read lexicon file ({exc.strerror}).") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise KnowledgeError(f"{path}: a lexicon file must be a mapping with 'entries'.")
    return doc


def _entries(doc: Mapping[str, Any], path: Path) -> Iterable[LexiconEntry]:
    entries, problems = _checked_entries(doc, path)
    if problems:
        raise KnowledgeError(problems[0])
    return entries


def check_lexicon_file(path: Path) -> list[str]:
    """Every problem in one lexicon file, each naming file, line and entry id."""
    try:
        doc = _read_yaml(path)
    except KnowledgeError as exc:
        return [str(exc)]
    return _checked_entries(doc, path)[1]


def _checked_entries(doc: Mapping[str, Any], path: Path) -> tuple[list[LexiconEntry], list[str]]:
    lines: list[int] | None = None  # read only when there is a problem to place
    entries: list[LexiconEntry] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for n, raw in enumerate(doc.get("entries") or [], 1):
        try:
            entry = parse_entry(raw, f"{path}: entry {n}")
        except KnowledgeError:
            lines = lines if lines is not None else _entry_lines(path)
            problems.append(_place_problem(raw, _where(path, n, lines)))
            continue
        if entry.id in seen:
            lines = lines if lines is not None else _entry_lines(path)
            where = _where(path, n, lines)
            problems.append(
                f"{where}: lexicon id '{entry.id}' is already used by entry {seen[entry.id]}. "
                "Give it a new id."
            )
            continue
        seen[entry.id] = n
        entries.append(entry)
    return entries, problems


def _where(path: Path, n: int, lines: list[int]) -> str:
    line = lines[n - 1] if n - 1 < len(lines) else 0
    return f"{path}:{line}: entry {n}" if line else f"{path}: entry {n}"


def _place_problem(raw: Any, where: str) -> str:
    """The validation message again, now with the entry's line in the file."""
    try:
        parse_entry(raw, where)
    except KnowledgeError as exc:
        return str(exc)
    return where


def _entry_lines(path: Path) -> list[int]:
    """The 1-based line of each item of the file's ``entries`` list (for error messages)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=KnowledgeLoader)  # noqa: S506
    except (OSError, yaml.YAMLError):
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def parse_entry(raw: Any, where: str) -> LexiconEntry:
    """Validate one YAML entry; errors name the place and the entry id."""
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: an entry must be a mapping, got {raw!r}.")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id:
        raise KnowledgeError(f"{where}: entry has no 'id'. Every entry needs a unique id.")
    where = f"{where} (id '{entry_id}')"
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise KnowledgeError(f"{where}: unknown keys {sorted(unknown)}.")
    try:
        plover = Plover(str(raw.get("type", "")).upper())
    except ValueError:
        raise KnowledgeError(f"{where}: type {raw.get('type')!r} is not a PLOVER type.") from None
    if bool(raw.get("verb")) == bool(raw.get("noun")):
        raise KnowledgeError(f"{where}: give exactly one of 'verb' or 'noun'.")
    if raw.get("prep_object") and not raw.get("prep"):
        raise KnowledgeError(f"{where}: 'prep_object' needs 'prep' (the preposition it follows).")
    role = str(raw.get("object_role", "target"))
    if role not in _OBJECT_ROLES:
        raise KnowledgeError(f"{where}: object_role must be one of {sorted(_OBJECT_ROLES)}.")
    return LexiconEntry(
        id=entry_id,
        type=plover,
        lemma=str(raw.get("verb") or raw.get("noun")).lower(),
        pos="verb" if raw.get("verb") else "noun",
        mode=raw.get("mode"),
        particle=raw.get("particle"),
        prep=raw.get("prep"),
        prep_objects=_words(raw.get("prep_object")),
        objects=_words(raw.get("object")),
        not_objects=_words(raw.get("not_object")),
        target_preps=_words(raw.get("target_prep")),
        object_role=role,
        standalone=bool(raw.get("standalone", False)),
        passive_only=bool(raw.get("passive_only", False)),
        complements=_words(raw.get("complement")),
        subjects=_words(raw.get("subject")),
        not_subjects=_words(raw.get("not_subject")),
        ccomp_aux=_words(raw.get("ccomp_aux")),
        host_source=bool(raw.get("host_source", False)),
        confidence=float(raw.get("confidence", 1.0)),
        context=_words(raw.get("context")),
    )


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    return tuple(str(v).lower() for v in value)


def _cues(doc: Mapping[str, Any], path: Path) -> Iterable[ModeCue]:
    for n, raw in enumerate(doc.get("mode_cues") or [], 1):
        try:
            yield ModeCue(
                id=str(raw["id"]),
                type=Plover(str(raw["type"]).upper()),
                mode=str(raw["mode"]),
                lemmas=_words(raw["words"]),
                priority=int(raw.get("priority", 0)),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise KnowledgeError(
                f"{path}: mode cue {n} ({raw!r}) needs id, type, mode and words: {exc}"
            ) from exc


def _default_preps(doc: Mapping[str, Any]) -> Mapping[Plover, tuple[str, ...]]:
    raw: Mapping[str, Sequence[str]] = doc.get("target_preps") or {}
    return {Plover(k.upper()): tuple(v) for k, v in raw.items()}

"""Recognise page furniture (author notes, "More In ...", share links) line by line.

Furniture stays in the text, so offsets keep their meaning; sentences inside it are flagged
and the later stages skip them. The patterns are data (``data/furniture.yaml``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.datafiles import load_yaml_text
from eventwire.model import ParsedText


@dataclass(frozen=True, slots=True)
class FurniturePattern:
    id: str
    regex: re.Pattern[str]


@functools.lru_cache(maxsize=2)
def load_patterns(path: Path | None = None) -> tuple[FurniturePattern, ...]:
    path = path or Path(str(resources.files("eventwire") / "data" / "furniture.yaml"))
    with path.open(encoding="utf-8") as fh:
        doc = load_yaml_text(fh.read())
    return tuple(
        FurniturePattern(str(p["id"]), re.compile(str(p["pattern"]), re.IGNORECASE))
        for p in doc["patterns"]
    )


def furniture_lines(
    text: str, patterns: tuple[FurniturePattern, ...]
) -> tuple[tuple[int, int], ...]:
    """Character ranges of the lines of ``text`` that are page furniture."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and any(p.regex.match(stripped) for p in patterns):
            lead = len(line) - len(line.lstrip())
            ranges.append((offset + lead, offset + lead + len(stripped)))
        offset += len(line)
    return tuple(ranges)


def mark_furniture(parsed: ParsedText, patterns: tuple[FurniturePattern, ...]) -> ParsedText:
    """Flag the sentences whose words all lie inside furniture lines."""
    ranges = furniture_lines(parsed.text, patterns)
    if not ranges:
        return parsed
    sentences = []
    for s in parsed.sentences:
        words = [t for t in parsed.sentence_tokens(s.index) if t.text.strip()]
        inside = bool(words) and all(any(a <= t.start < b for a, b in ranges) for t in words)
        sentences.append(dataclasses.replace(s, furniture=inside))
    return dataclasses.replace(parsed, sentences=tuple(sentences))

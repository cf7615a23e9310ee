"""Validate ``extract`` output records against the shipped JSON Schema."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import jsonschema


@functools.cache
def validator() -> jsonschema.Draft202012Validator:
    path = resources.files("eventwire") / "data" / "schema" / "article.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def assert_valid(record: dict[str, Any]) -> None:
    errors = sorted(validator().iter_errors(record), key=str)
    assert not errors, f"{len(errors)} schema errors, first: {errors[0]}"
    text = record["article"]["text"]
    for span in _spans(record):
        assert text[span["start"] : span["end"]] == span["text"], span
    for place in record["places"]:
        assert text[place["start"] : place["end"]] == place["mention"], place


def _spans(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
            found.append(node)
        for value in node.values():
            found.extend(_spans(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_spans(value))
    return found

"""evaluation.common: normalisation, distances, ratios, set kind detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.evaluation.common import (
    PRF,
    Ratio,
    SetKind,
    detect_kind,
    haversine_km,
    normalise_text,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The  Mayor\u00a0said", "the mayor said"),
        ("\u201cNo\u201d, he\u2019s out", '"no", he\'s out'),
        ("co\u00adoperate", "cooperate"),
        ("  line\nbreak\t", "line break"),
        (None, ""),
    ],
)
def test_common_normalise_text(raw: str | None, expected: str) -> None:
    assert normalise_text(raw) == expected


@given(st.text())
def test_common_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (0.0, 1.0), 111.2),  # one degree at the equator
        ((48.8566, 2.3522), (51.5074, -0.1278), 343.6),  # Paris - London
        ((10.0, 20.0), (10.0, 20.0), 0.0),
    ],
)
def test_common_haversine_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.5)


def test_common_ratio_and_prf() -> None:
    assert Ratio(3, 4).value == 0.75 and str(Ratio(3, 4)) == "3/4"
    assert Ratio(0, 0).value is None and str(Ratio(0, 0)) == "n/a"
    prf = PRF(tp=2, predicted=4, gold=2)
    assert (prf.precision, prf.recall) == (0.5, 1.0)
    assert prf.f1 == pytest.approx(2 / 3)
    assert PRF(0, 0, 0).f1 == 0.0


@pytest.mark.parametrize(
    ("name", "first", "kind"),
    [
        ("case.yaml", None, SetKind.CASE),
        ("geo.jsonl", {"id": "a", "text": "x", "toponyms": []}, SetKind.GEO),
        ("types.jsonl", {"id": "a", "text": "x", "type": "AGREE"}, SetKind.TYPES),
    ],
)
def test_common_detect_kind(
    tmp_path: Path, name: str, first: dict[str, object] | None, kind: SetKind
) -> None:
    path = tmp_path / name
    path.write_text("\n" + (json.dumps(first) if first else "article: {}") + "\n", encoding="utf-8")
    assert detect_kind(path) is kind


@pytest.mark.parametrize("content", ['{"id": "a", "text": "no gold here"}', "not json", ""])
def test_common_detect_kind_rejects_other_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="not a gold set"):
        detect_kind(path)
